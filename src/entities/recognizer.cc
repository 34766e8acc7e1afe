#include "entities/recognizer.h"

#include <algorithm>
#include <unordered_set>

#include "util/utf8.h"

namespace warta {

namespace {

bool Capitalised(std::string_view token) {
  size_t pos = 0;
  if (token.empty()) return false;
  char32_t cp = NextCodePoint(token, &pos);
  return IsUpper(cp) || IsDigit(cp);
}

bool IsNameKind(PhraseKind kind) {
  return kind == PhraseKind::kName || kind == PhraseKind::kDemonym || kind == PhraseKind::kCapital ||
         kind == PhraseKind::kSeat;
}

int KindPriority(PhraseKind kind) {
  switch (kind) {
    case PhraseKind::kName: return 0;
    case PhraseKind::kSeat: return 1;
    case PhraseKind::kCapital: return 2;
    case PhraseKind::kDemonym: return 3;
    default: return 9;
  }
}

// Words a tagged span never starts with ("The Kremlin", "Di Jakarta"): a
// closed class, so listed here rather than in data/.
bool IsFunctionWord(const std::string& folded) {
  static const std::unordered_set<std::string> words = {"the", "a", "an", "di", "ke", "dari", "pada", "dan", "yang",
                                                        "para", "sang", "oleh", "untuk", "kepada", "bagi", "and", "of"};
  return words.count(folded) > 0;
}
// Tokens that join names in a list: "China dan Rusia", "China and Russia".
bool IsConnector(std::string_view token) {
  return token == "dan" || token == "and" || token == "," || token == "&" || token == "serta";
}

// Whether a lone capitalised word the tagger took for a name is an ordinary
// word by the part of speech the syntax stage gave it: an adjective
// ("Democratic", "European") modifies a name rather than being one, and a
// noun, verb or other open-class word ("Board", "Email") is capitalised
// because it opens the sentence or stands in a heading. (The syntax tagger
// reads the word's lower-case form and its context, learned from far more
// text than the name tagger's.) Proper nouns, and words with no class (X,
// SYM, NUM), stay names.
bool OrdinaryWord(Upos u) {
  return u != Upos::kPropn && u != Upos::kX && u != Upos::kSym && u != Upos::kNum && u != Upos::kPunct;
}

bool IsPreposition(std::string_view folded) {
  return folded == "of" || folded == "for" || folded == "in" || folded == "at" || folded == "on";
}

// "GA", "NY": two capital letters, as a state's or province's postal abbreviation is written.
bool TwoCapitals(std::string_view t) {
  return t.size() == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z';
}

std::string_view SpanType(const EntityKnowledge& k, const PhraseEntry& e) {
  if (e.kind == PhraseKind::kDemonym) return "MISC";
  if (e.kind == PhraseKind::kSeat) return "LOC";
  return k.entities()[e.ref].type;
}

}  // namespace

std::vector<uint64_t> FoldedHashes(const TokenView& tokens) {
  std::vector<uint64_t> hashes(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) hashes[i] = EntityKnowledge::TokenHash(tokens.folded(i));
  return hashes;
}

std::vector<DictionaryMatch> MatchDictionary(const TokenView& tokens, const EntityKnowledge& k) {
  return MatchDictionary(tokens, FoldedHashes(tokens), k);
}

std::vector<DictionaryMatch> MatchDictionary(const TokenView& tokens, const std::vector<uint64_t>& hashes,
                                             const EntityKnowledge& k) {
  std::vector<DictionaryMatch> out;
  const size_t n = tokens.size();
  std::string key, written;
  for (size_t i = 0; i < n; ++i) {
    if (!k.StartsPhrase(hashes[i])) continue;
    uint64_t hash = hashes[i];
    key = tokens.folded(i);
    size_t first_match = out.size();
    for (size_t len = 1; len <= k.max_phrase_tokens() && i + len <= n; ++len) {
      if (len > 1) {
        if (!k.IsPrefix(hash)) break;  // no phrase goes on from here
        hash = EntityKnowledge::PhraseHash(hash, hashes[i + len - 1]);
        key += ' ';
        key += tokens.folded(i + len - 1);
      }
      const auto* entries = k.Lookup(hash, key);
      if (!entries) continue;
      for (const PhraseEntry& e : *entries) {
        if (e.exact_case) {
          written = tokens.surface(i);
          for (size_t j = i + 1; j < i + len; ++j) {
            written += ' ';
            written += tokens.surface(j);
          }
          if (written != e.written) continue;
        } else if (e.kind != PhraseKind::kTitle && !Capitalised(tokens.surface(i))) {
          continue;
        }
        out.push_back({i, i + len, &e});
      }
    }
    // Longer first for the same begin.
    std::stable_sort(out.begin() + static_cast<long>(first_match), out.end(),
                     [](const DictionaryMatch& a, const DictionaryMatch& b) { return a.end > b.end; });
  }
  return out;
}

// Words that may sit inside a role phrase between the title and the name:
// "juru bicara kedutaan China", "Chinese Foreign Ministry spokesperson".
const std::unordered_set<std::string_view>& GlueWords() {
  static const std::unordered_set<std::string_view> words = {
      "kedutaan", "besar", "kementerian", "kemlu", "kemenlu", "luar", "negeri", "pertahanan", "dalam", "bidang",
      "urusan", "kantor", "asal", "untuk", "dan", "of", "the", "for", "'s", "’s", "foreign", "ministry", "affairs",
      "defense", "defence", "state", "embassy", "-", "and", "on", "at", "in"};
  return words;
}

bool IsRoleGlue(std::string_view folded_token) { return GlueWords().count(folded_token) > 0; }

std::vector<bool> NameCandidates(const TokenView& tokens, const std::vector<DictionaryMatch>& matches,
                                 const EntityKnowledge& k) {
  const size_t n = tokens.size();
  std::vector<bool> cap(n), out(n);
  for (size_t i = 0; i < n; ++i) cap[i] = Capitalised(tokens.surface(i));
  // Runs of capitalised tokens ("islands"). One the dictionaries name whole
  // ("Indonesia", "Joko Widodo") or a lone ordinary word ("Namun") needs no
  // tagger: its label cannot change what is reported.
  for (size_t b = 0; b < n;) {
    if (!cap[b]) { ++b; continue; }
    size_t e = b;
    while (e < n && cap[e]) ++e;
    bool settled = e - b == 1 && k.IsCommon(EntityKnowledge::TokenHash(tokens.folded(b)));
    for (const DictionaryMatch& m : matches)
      if (m.begin == b && m.end == e && m.entry->kind != PhraseKind::kTitle && m.entry->kind != PhraseKind::kOrgHead &&
          m.entry->kind != PhraseKind::kDemonym)
        settled = true;
    if (!settled) {
      for (size_t i = b; i < e; ++i) out[i] = true;
      if (b > 0) out[b - 1] = true;  // the word before may open the name ("kabupaten Bandung")
    }
    b = e;
  }
  return out;
}

NerFeatures NerFeaturesFor(const TokenView& tokens, const std::vector<DictionaryMatch>& matches,
                           const EntityKnowledge& k, const std::vector<bool>* only, bool syntax) {
  std::vector<TokenHint> hints(tokens.size());
  for (const DictionaryMatch& m : matches) {
    const PhraseEntry& e = *m.entry;
    if (e.kind == PhraseKind::kTitle) {
      if (m.end < tokens.size()) hints[m.end].after_title = true;
    } else if (e.kind == PhraseKind::kOrgHead) {
      hints[m.begin].org_head = true;
    } else {
      std::string_view type = SpanType(k, e);
      int t = type == "PER" ? 0 : type == "LOC" ? 1 : type == "ORG" ? 2 : -1;
      if (t < 0) continue;
      for (size_t i = m.begin; i < m.end; ++i) hints[i].gazetteer |= static_cast<uint8_t>(1u << (2 * t + (i > m.begin)));
    }
  }
  NerFeatures features;
  FeatureContext context{[&k](std::string_view folded) { return k.IsCommon(EntityKnowledge::TokenHash(folded)); },
                         syntax};
  ExtractNerFeatures(tokens, hints, context, &features, only);
  return features;
}

NerFeatures NerFeaturesFor(const TokenView& tokens, const EntityKnowledge& k, bool syntax) {
  return NerFeaturesFor(tokens, MatchDictionary(tokens, k), k, nullptr, syntax);
}

namespace {

// The tagger over windows of at most this many tokens: a "sentence" of
// millions of tokens (a page with no full stops) costs linear time and
// bounded memory.
constexpr size_t kTagWindow = 256;

std::vector<NerSpan> TagWindow(const TokenView& tokens, const std::vector<DictionaryMatch>& matches,
                               const EntityKnowledge& k, std::string_view lang) {
  std::vector<bool> candidates = NameCandidates(tokens, matches, k);
  if (std::find(candidates.begin(), candidates.end(), true) == candidates.end()) return {};
  const bool syntax = k.UsesEnglishModel(lang);
  return LabelsToSpans(k.model(lang).Decode(NerFeaturesFor(tokens, matches, k, &candidates, syntax), candidates));
}

std::vector<NerSpan> Tag(const TokenView& tokens, const std::vector<DictionaryMatch>& matches,
                         const EntityKnowledge& k, std::string_view lang) {
  if (tokens.size() <= kTagWindow) return TagWindow(tokens, matches, k, lang);
  std::vector<NerSpan> out;
  std::vector<DictionaryMatch> window_matches;
  size_t first = 0;  // matches are in order of begin: the first one not before this window
  for (size_t begin = 0; begin < tokens.size(); begin += kTagWindow) {
    size_t end = std::min(tokens.size(), begin + kTagWindow);
    while (first < matches.size() && matches[first].begin < begin) ++first;
    bool any = false;  // names are capitalised: a window without capitals has none
    for (size_t i = begin; i < end && !any; ++i) any = Capitalised(tokens.surface(i));
    if (!any) continue;
    window_matches.clear();
    for (size_t m = first; m < matches.size() && matches[m].begin < end; ++m)
      if (matches[m].end <= end) window_matches.push_back({matches[m].begin - begin, matches[m].end - begin, matches[m].entry});
    for (NerSpan span : TagWindow(tokens.sub(begin, end), window_matches, k, lang)) {
      span.begin += begin;
      span.end += begin;
      out.push_back(span);
    }
  }
  return out;
}

}  // namespace

SentenceNames RecognizeNames(const TokenView& tokens, const EntityKnowledge& k, bool headline, std::string_view lang) {
  SentenceNames out;
  const std::vector<uint64_t> hashes = FoldedHashes(tokens);
  out.matches = MatchDictionary(tokens, hashes, k);
  const size_t n = tokens.size();

  // Dictionary names: longest first, then leftmost, then by kind.
  std::vector<const DictionaryMatch*> dict;
  for (const auto& m : out.matches)
    if (IsNameKind(m.entry->kind)) dict.push_back(&m);
  std::stable_sort(dict.begin(), dict.end(), [](const DictionaryMatch* a, const DictionaryMatch* b) {
    size_t la = a->end - a->begin, lb = b->end - b->begin;
    if (la != lb) return la > lb;
    if (a->begin != b->begin) return a->begin < b->begin;
    return KindPriority(a->entry->kind) < KindPriority(b->entry->kind);
  });
  std::vector<int> owner(n, -1);  // token → index into chosen
  std::vector<const DictionaryMatch*> chosen;
  for (const DictionaryMatch* m : dict) {
    bool free = true;
    for (size_t i = m->begin; i < m->end; ++i) free &= owner[i] < 0;
    if (!free) continue;
    for (size_t i = m->begin; i < m->end; ++i) owner[i] = static_cast<int>(chosen.size());
    chosen.push_back(m);
  }

  // The tagger, unless the sentence is a headline in Title Case ("Menlu
  // Retno Dorong ASEAN Perkuat Kerja Sama"), where capitals say nothing:
  // then only the dictionaries speak.
  size_t words = 0, capitalised = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view t = tokens.surface(i);
    size_t pos = 0;
    if (t.empty() || !IsLetter(NextCodePoint(t, &pos))) continue;
    ++words;
    capitalised += Capitalised(t);
  }
  // A line with no closing punctuation reads as a headline too (a title left in the text).
  static const std::unordered_set<std::string_view> kClosers = {".", "!", "?", "\"", "”", "'", ")", ":"};
  const bool unterminated = n > 0 && !kClosers.count(tokens.surface(n - 1));
  const bool title_case = (headline || (unterminated && words >= 4)) && words >= 3 && capitalised * 10 >= words * 7;
  // English: the syntax stage's part of speech is read (OrdinaryWord).
  const bool english = k.UsesEnglishModel(lang);
  std::vector<NerSpan> tagged;
  if (!k.model(lang).empty() && !title_case && capitalised > 0) tagged = Tag(tokens, out.matches, k, lang);

  auto has_org_head = [&](size_t b, size_t e) {
    for (const auto& m : out.matches)
      if (m.entry->kind == PhraseKind::kOrgHead && m.begin >= b && m.end <= e) return true;
    return false;
  };

  // Combine: a dictionary name wins over tagged spans inside it or crossing
  // it, over a tagged person that contains a known person ("Retno Dorong"),
  // and over a tagged span made only of dictionary names ("China and
  // Russia"); a tagged span that contains dictionary names and more (an
  // organisation named after its country) wins over them.
  std::vector<NameSpan> names;
  std::vector<bool> dict_used(chosen.size(), false);
  // Tokens no name is extended over: title words and dictionary names.
  std::vector<bool> title_token(n, false);
  for (const auto& m : out.matches)
    if (m.entry->kind == PhraseKind::kTitle)
      for (size_t i = m.begin; i < m.end; ++i) title_token[i] = true;
  auto extendable = [&](size_t i) {
    return owner[i] < 0 && !title_token[i] && Capitalised(tokens.surface(i)) && !IsFunctionWord(tokens.folded(i)) &&
           !k.IsCommon(hashes[i]);
  };
  for (size_t ti = 0; ti < tagged.size(); ++ti) {
    NerSpan t = tagged[ti];
    // "The Kremlin", "Dr. Siti": the name starts after function words and titles.
    while (t.begin < t.end && (IsFunctionWord(tokens.folded(t.begin)) || title_token[t.begin])) ++t.begin;
    // "Adapun Liu": a person's name does not start with an ordinary word
    // (in English, one the syntax stage does not call a proper noun: the
    // common-word list holds Indonesian and Malay words too, and "Wang" is
    // Malay for money).
    while (t.type == "PER" && t.end - t.begin > 1 &&
           (english ? OrdinaryWord(tokens[t.begin].upos) : k.IsCommon(hashes[t.begin])))
      ++t.begin;
    if (t.begin == t.end) continue;
    if (english && t.end - t.begin == 1 && owner[t.begin] < 0 && OrdinaryWord(tokens[t.begin].upos)) continue;
    // A Korean given name the tagger left out: "Kim" + "Min-seo".
    size_t upper = ti + 1 < tagged.size() ? tagged[ti + 1].begin : n;
    if (t.type == "PER" && t.end < upper && extendable(t.end) && tokens.surface(t.end).find('-') != std::string_view::npos) ++t.end;
    std::vector<int> inside;
    bool crossed = false, person_inside = false;
    size_t covered = 0;
    for (size_t i = t.begin; i < t.end; ++i) {
      int o = owner[i];
      if (o < 0) {
        covered += IsConnector(tokens.surface(i));
        continue;
      }
      ++covered;
      if (std::find(inside.begin(), inside.end(), o) != inside.end()) continue;
      inside.push_back(o);
      if (chosen[o]->begin < t.begin || chosen[o]->end > t.end) crossed = true;
      if (SpanType(k, *chosen[o]->entry) == "PER") person_inside = true;
    }
    if (crossed) continue;  // the dictionary names are used below
    if (inside.size() == 1 && chosen[inside[0]]->begin == t.begin && chosen[inside[0]]->end == t.end) {
      const PhraseEntry& e = *chosen[inside[0]]->entry;
      names.push_back({t.begin, t.end, SpanType(k, e), static_cast<int>(e.ref), e.kind, true});
      dict_used[inside[0]] = true;
      continue;
    }
    bool joined = false;  // names joined by "dan", "and", ","
    for (size_t i = t.begin; i < t.end; ++i) joined |= owner[i] < 0 && IsConnector(tokens.surface(i));
    if ((t.type == "PER" && person_inside) || (joined && inside.size() >= 2 && covered == t.end - t.begin)) continue;
    for (int o : inside) dict_used[o] = true;
    std::string_view type = t.type == "PER" && has_org_head(t.begin, t.end) ? "ORG" : t.type;
    // English names a company by its head last ("Lee Bank", "Acme Holdings"):
    // whatever the tagger read, a name that ends so is that company.
    if (english && type != "ORG")
      for (const auto& m : out.matches)
        if (m.entry->kind == PhraseKind::kOrgHead && m.end == t.end && m.begin > t.begin &&
            k.org_heads()[m.entry->ref].subtype == "company")
          type = "ORG";
    // "Lautan Sentinel" + "Sdn Bhd": a name the tagger took for a person,
    // closed by a company or body word, is that organisation.
    for (const auto& m : out.matches)
      if (m.entry->kind == PhraseKind::kOrgHead && m.begin == t.end && k.org_heads()[m.entry->ref].lang == "en" &&
          (ti + 1 >= tagged.size() || tagged[ti + 1].begin >= m.end) && owner[m.begin] < 0) {
        t.end = m.end;
        type = "ORG";
        break;
      }
    names.push_back({t.begin, t.end, type, -1, PhraseKind::kName, true});
  }
  for (size_t c = 0; c < chosen.size(); ++c) {
    if (dict_used[c]) continue;
    const PhraseEntry& e = *chosen[c]->entry;
    names.push_back({chosen[c]->begin, chosen[c]->end, SpanType(k, e), static_cast<int>(e.ref), e.kind, false});
  }
  std::sort(names.begin(), names.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });

  // A person's span never starts or ends with a country, capital or demonym
  // ("China Liu Pengyu" → "China" + "Liu Pengyu").
  std::vector<NameSpan> split;
  for (const NameSpan& n : names) {
    if (n.type != "PER" || n.kb >= 0) { split.push_back(n); continue; }
    NameSpan person = n;
    for (const DictionaryMatch* d : chosen) {
      std::string_view type = SpanType(k, *d->entry);
      if (type == "PER" || type == "ORG" || d->end - d->begin >= person.end - person.begin) continue;
      if (d->begin == person.begin) {
        split.push_back({d->begin, d->end, type, static_cast<int>(d->entry->ref), d->entry->kind, false});
        person.begin = d->end;
      } else if (d->end == person.end && d->begin > person.begin) {
        person.end = d->begin;
        split.push_back(person);
        person = {d->begin, d->end, type, static_cast<int>(d->entry->ref), d->entry->kind, false};
      }
    }
    split.push_back(person);
  }
  std::sort(split.begin(), split.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });

  // An organisation the tagger missed: a capitalised head word ("Kedutaan
  // Besar", "Kementerian") followed by capitalised words or a country name.
  std::vector<bool> taken(n, false);
  for (const NameSpan& x : split)
    for (size_t i = x.begin; i < x.end; ++i) taken[i] = true;
  for (const DictionaryMatch& m : out.matches) {
    if (title_case) break;
    if (m.entry->kind != PhraseKind::kOrgHead || taken[m.begin] || !Capitalised(tokens.surface(m.begin))) continue;
    size_t begin = m.begin, end = m.end;
    // A tagged name that starts inside the head ("Kamar [Dagang Korea]")
    // is the rest of this organisation's name.
    const NameSpan* tail = nullptr;
    for (const NameSpan& x : split)
      if (x.kb < 0 && x.begin > m.begin && x.begin < m.end) tail = &x;
    bool clear = true;
    for (size_t i = m.begin; i < m.end; ++i) clear &= !taken[i] || (tail && i >= tail->begin);
    if (!clear) continue;
    if (tail) end = std::max(end, tail->end);
    while (end < n && Capitalised(tokens.surface(end)) && !k.IsCommon(hashes[end])) {
      if (taken[end]) {
        // A country or capital right after the head belongs to the name.
        const NameSpan* inner = nullptr;
        for (const NameSpan& x : split)
          if (x.begin == end && x.kb >= 0 && x.type != "PER") inner = &x;
        if (!inner) break;
        end = inner->end;
        continue;
      }
      ++end;
    }
    if (end == m.end) {
      // A head that closes a name: "Bintang Laut Shipping Sdn Bhd", "Harvard University".
      while (begin > 0 && !taken[begin - 1] && Capitalised(tokens.surface(begin - 1)) &&
             !k.IsCommon(hashes[begin - 1]))
        --begin;
      if (begin == m.begin) continue;
    }
    std::vector<NameSpan> kept;
    for (const NameSpan& x : split)
      if (x.end <= begin || x.begin >= end) kept.push_back(x);
    kept.push_back({begin, end, "ORG", -1, PhraseKind::kName, false});
    std::sort(kept.begin(), kept.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
    split = std::move(kept);
    for (size_t i = begin; i < end; ++i) taken[i] = true;
  }
  if (english) {
    // "the Governor of GA", "the mayor of Springfield": the name after a
    // title and "of" is the office's domain, a place (an organisation for a
    // business title: "the chief executive of Acme"), not its holder, who
    // is named before the title or after the domain ("Prime Minister of
    // Australia Anthony Albanese").
    for (const DictionaryMatch& m : out.matches) {
      if (m.entry->kind != PhraseKind::kTitle || m.end + 1 >= n || tokens.folded(m.end) != "of") continue;
      const std::string_view domain = k.titles()[m.entry->ref].role == "BUS" ? "ORG" : "LOC";
      const size_t j = m.end + 1;
      bool named = false;
      for (NameSpan& x : split) {
        if (x.begin > j || j >= x.end) continue;
        named = true;
        if (x.begin == j && x.kb < 0 && x.type == "PER") x.type = domain;
      }
      if (named) continue;
      // Nothing found there: the capitalised words after "of" are that domain.
      size_t end = j;
      while (end < n && end - j < 4 && Capitalised(tokens.surface(end)) && !k.IsCommon(hashes[end]) &&
             !title_token[end] && !IsFunctionWord(tokens.folded(end)))
        ++end;
      if (end == j) continue;
      split.push_back({j, end, domain, -1, PhraseKind::kName, false});
      std::sort(split.begin(), split.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
    }
    // "according to Mao": what follows "according to" is a source of
    // information, a person or a body; a lone name the tagger took for a
    // place there is a person (known places keep their entry: "according
    // to Beijing").
    for (NameSpan& x : split)
      if (x.kb < 0 && x.type == "LOC" && x.end - x.begin == 1 && x.begin >= 2 &&
          tokens.folded(x.begin - 1) == "to" && tokens.folded(x.begin - 2) == "according")
        x.type = "PER";
    // Names listed together are of one kind: a lone word the tagger took
    // for a person, joined by "and", "or" or a comma to a place, is a place
    // too ("Ohio, Michigan and Pennsylvania", "Indiana and Illinois").
    for (size_t a = 0; a < split.size(); ++a) {
      NameSpan& x = split[a];
      if (x.kb >= 0 || x.type != "PER" || x.end - x.begin != 1) continue;
      auto joined = [&](const NameSpan& left, const NameSpan& right) {
        if (right.begin != left.end + 1) return false;
        std::string_view c = tokens.folded(left.end);
        return c == "and" || c == "or" || c == ",";
      };
      bool place = (a > 0 && split[a - 1].type == "LOC" && joined(split[a - 1], x)) ||
                   (a + 1 < split.size() && split[a + 1].type == "LOC" && joined(x, split[a + 1]));
      if (place) x.type = "LOC";
    }
    // ... and a proper noun the tagger passed over in such a list is one
    // too ("Ohio, Michigan and [Pennsylvania]").
    std::vector<bool> named(n, false);
    for (const NameSpan& x : split)
      for (size_t i = x.begin; i < x.end; ++i) named[i] = true;
    auto proper = [&](size_t i) {
      return i < n && !named[i] && Capitalised(tokens.surface(i)) && tokens[i].upos == Upos::kPropn &&
             !title_token[i] && !k.IsCommon(hashes[i]);
    };
    auto connector = [&](size_t i) {
      std::string_view c = tokens.folded(i);
      return c == "and" || c == "or" || c == ",";
    };
    std::vector<NameSpan> listed;
    for (const NameSpan& x : split) {
      if (x.type != "LOC") continue;
      if (x.end + 1 < n && connector(x.end) && proper(x.end + 1) && (x.end + 2 >= n || !proper(x.end + 2)))
        listed.push_back({x.end + 1, x.end + 2, "LOC", -1, PhraseKind::kName, false});
      if (x.begin >= 2 && connector(x.begin - 1) && proper(x.begin - 2) && (x.begin < 3 || !proper(x.begin - 3)))
        listed.push_back({x.begin - 2, x.begin - 1, "LOC", -1, PhraseKind::kName, false});
    }
    for (const NameSpan& x : listed)
      if (!named[x.begin]) {
        named[x.begin] = true;
        split.push_back(x);
      }
    std::sort(split.begin(), split.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
  }

  // A person named right after a title the tagger missed or cut short:
  // "juru bicara kedutaan China [Liu Pengyu]", "Menlu [Sugiono]".
  if (!title_case) {
    for (const DictionaryMatch& m : out.matches) {
      if (m.entry->kind != PhraseKind::kTitle) continue;
      size_t j = m.end;
      for (int steps = 0; j < n && steps < 6; ++steps) {
        const NameSpan* at = nullptr;
        for (const NameSpan& x : split)
          if (x.begin == j) at = &x;
        if (at && at->kb < 0 && at->tagged && !has_org_head(at->begin, at->end)) {
          // "China Liu Pengyu" tagged as one name after a title: the state,
          // then (below) the person.
          const DictionaryMatch* state = nullptr;
          for (const DictionaryMatch* d : chosen)
            if (d->begin == at->begin && d->end < at->end && SpanType(k, *d->entry) != "PER" &&
                SpanType(k, *d->entry) != "ORG")
              state = d;
          if (!state) break;
          NameSpan country{state->begin, state->end, SpanType(k, *state->entry), static_cast<int>(state->entry->ref),
                           state->entry->kind, false};
          split.erase(std::find_if(split.begin(), split.end(), [&](const NameSpan& x) { return x.begin == j; }));
          split.push_back(country);
          std::sort(split.begin(), split.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
          j = country.end;
        } else if (at && at->type != "PER" && at->type != "MISC" && (at->kb >= 0 || at->type == "ORG")) {
          j = at->end;
        } else if (IsRoleGlue(tokens.folded(j))) {
          ++j;
        } else {
          break;
        }
      }
      auto name_word = [&](size_t i) {
        if (i >= n) return false;
        std::string_view w = tokens.surface(i);
        size_t pos = 0;
        // (In English a proper noun by the syntax stage is a name word even
        // when the common-word list, which holds Malay words, has it: "Wang".)
        return !w.empty() && IsUpper(NextCodePoint(w, &pos)) && !title_token[i] &&
               (!k.IsCommon(hashes[i]) || (english && tokens[i].upos == Upos::kPropn));
      };
      // English names the holder before the title or after its domain, not
      // after a preposition: "the Governor of [GA]" is a place (above).
      if (english && j > m.end && IsPreposition(tokens.folded(j - 1))) continue;
      NameSpan* existing = nullptr;
      for (NameSpan& x : split)
        if (x.begin <= j && j < x.end) existing = &x;
      if (existing && (existing->type != "PER" || existing->kb >= 0 || existing->begin != j)) continue;
      // A new name only after a state or organisation ("juru bicara kedutaan
      // China Liu Pengyu"); straight after a bare title come portfolios
      // ("Menteri Perumahan Rakyat"), which are not people.
      // In English an honorific is always followed by a name ("Mr. Wang").
      const bool honorific = english && k.titles()[m.entry->ref].position == "honorific";
      if (!existing && j == m.end && !honorific) continue;
      size_t end = existing ? existing->end : j;
      bool free_after = true;
      while (end < n && end - j < 4 && name_word(end) && free_after) {
        for (const NameSpan& x : split)
          if (x.begin <= end && end < x.end && &x != existing) free_after = false;
        if (free_after) ++end;
      }
      if (has_org_head(j, end)) continue;  // "... researcher at the Institute"
      if (existing) {
        existing->end = end;
      } else if (end > j) {
        split.push_back({j, end, "PER", -1, PhraseKind::kName, false});
        std::sort(split.begin(), split.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
      }
    }
  }
  // English: a place's state or province by its postal abbreviation, as
  // addresses and datelines write it ("Atlanta, GA", "Brooklyn, NY 11201"):
  // two capitals after a place and a comma are a place too, whatever the
  // tagger made of them (a person, an organisation, nothing).
  if (english) {
    for (size_t i = 2; i < n; ++i) {
      if (!TwoCapitals(tokens.surface(i)) || tokens.surface(i - 1) != ",") continue;
      auto place = std::find_if(split.begin(), split.end(), [&](const NameSpan& x) { return x.end == i - 1; });
      if (place == split.end() || place->type != "LOC") continue;
      auto at = std::find_if(split.begin(), split.end(), [&](const NameSpan& x) { return x.begin <= i && i < x.end; });
      if (at != split.end()) {
        if (at->kb >= 0 || at->begin != i || at->end != i + 1) continue;  // a known name, or longer: left alone
        at->type = "LOC";
        at->kind = PhraseKind::kName;
      } else {
        split.push_back({i, i + 1, "LOC", -1, PhraseKind::kName, false});
        std::sort(split.begin(), split.end(), [](const NameSpan& a, const NameSpan& b) { return a.begin < b.begin; });
      }
    }
  }
  out.names = std::move(split);
  return out;
}

}  // namespace warta
