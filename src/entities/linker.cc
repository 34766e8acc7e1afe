// LinkEntities: one article's names into actors. The working state is
// linker_builder.h's Builder; role phrases are in linker_roles.cc, actors
// named by common nouns and the setting in linker_agents.cc.
#include "entities/linker.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "entities/linker_builder.h"

namespace warta {

namespace linker_internal {

void Builder::Collect() {
  FindArticleSetting();
  for (size_t s = 0; s < sentences.size(); ++s) {
    SentenceData& sd = sentences[s];
    const size_t first_mention = mentions.size();
    for (size_t ni = 0; ni < sd.names.names.size(); ++ni) {
      const NameSpan& n = sd.names.names[ni];
      // "Batu", "Bantul" spelt like a verb and tagged as one: not the place.
      if (n.kb >= 0 && n.type == "LOC" && n.end - n.begin == 1 && n.kind == PhraseKind::kName &&
          k.entities()[n.kb].subtype != "country" && sd.tokens[n.begin].upos == Upos::kVerb)
        continue;
      // "Jim Jordan", "Mark Cuban": a country's name or demonym as a person's surname.
      const bool state_word = (n.kind == PhraseKind::kName && n.type == "LOC") || n.kind == PhraseKind::kDemonym;
      if (ni > 0 && n.kb >= 0 && state_word && n.end - n.begin == 1 && StartsUpper(sd.tokens.surface(n.begin)) &&
          sd.names.names[ni - 1].end == n.begin && sd.names.names[ni - 1].type == "PER" &&
          sd.names.names[ni - 1].kb < 0 && mentions.size() > first_mention && mentions.back().type == "PER" &&
          mentions.back().end == n.begin && LooksLikeName(sd.tokens.surface(n.begin - 1))) {
        Mention& person = mentions.back();
        person.end = n.end;
        person.span = SpanOf(s, person.begin, person.end);
        person.text = std::string(Text(s, person.begin, person.end));
        continue;
      }
      Mention m;
      m.sentence = s;
      m.begin = n.begin;
      m.end = n.end;
      m.span = SpanOf(s, n.begin, n.end);
      m.in_title_field = sentences[s].in_title_field;
      m.text = std::string(Text(s, n.begin, n.end));
      m.type = std::string(n.type);
      m.kb = n.kb;
      m.kind = n.kind;
      if (n.kb >= 0) {
        const KbEntity& e = k.entities()[n.kb];
        if (n.kind == PhraseKind::kCapital || n.kind == PhraseKind::kSeat) {
          // "Jakarta - Pemerintah ...", "WASHINGTON (AFP) —": a dateline names the place.
          auto line_start = [&](size_t t) {  // the first token of its sentence or line
            if (t == 0) return true;
            const Span& prev = sd.tokens[t - 1].span;
            return sd.tokens.text().substr(prev.end, sd.tokens[t].span.start - prev.end).find('\n') !=
                   std::string_view::npos;
          };
          bool dateline = line_start(n.begin) && n.end < sd.tokens.size() &&
                          (sd.tokens.surface(n.end) == "-" || sd.tokens.surface(n.end) == "–" ||
                           sd.tokens.surface(n.end) == "—" || sd.tokens.surface(n.end) == "(" ||
                           sd.tokens.surface(n.end) == ",");  // "Jakarta, Kamis (9/9/2021) -"
          // "di depan gedung DPR/MPR, Senayan, Jakarta.": the end of an address.
          bool address = n.begin > 1 && sd.tokens.surface(n.begin - 1) == "," &&
                         (n.end == sd.tokens.size() || sd.tokens[n.end].upos == Upos::kPunct) &&
                         StartsUpper(sd.tokens.surface(n.begin - 2));
          // Only the place words say "place": other prepositions take governments
          // ("terhadap Washington", "with Beijing").
          bool place = dateline || address || LocativeBefore(s, n.begin, true);
          if (!place) {  // "Beijing menegaskan", "Gedung Putih": the government
            m.kb = k.Find("country/" + e.country);
            m.type = "ORG";
            m.agent = {&Government(), e.country};
          }
        }
      }
      // "Americans said", "Russians": a plural demonym as a noun is the people.
      if (n.kind == PhraseKind::kDemonym && n.kb >= 0 && IsPluralDemonym(sd.tokens.folded(n.end - 1)) &&
          (n.end == sd.tokens.size() || (sd.tokens[n.end].upos != Upos::kNoun && sd.tokens[n.end].upos != Upos::kPropn))) {
        m.type = "GRP";
        m.agent = {&Civilians(), k.entities()[n.kb].country};
      }
      // "Kedutaan Besar China" tagged as a place: an organisation's head word opens it.
      if (n.kb < 0 && m.type != "ORG" && n.end - n.begin >= 2) {
        const OrgHead* h = HeadOf(s, n);
        for (const auto& d : sd.names.matches)
          if (h && d.entry->kind == PhraseKind::kOrgHead && d.begin == n.begin && &k.org_heads()[d.entry->ref] == h)
            m.type = "ORG";
      }
      // "Jalan Gatot Subroto": a street, not the person it is named after.
      if (n.begin > 0 && (m.type == "PER" || (m.type == "LOC" && m.kb < 0)) &&
          k.PlaceWordOf(sd.tokens.folded(n.begin - 1), ctx.lang) == PlaceWord::kStreet) {
        m.type = "LOC";
        m.kb = -1;
        m.street = true;
      }
      if (m.type == "PER" && n.kb < 0 && n.end - n.begin >= 3) {
        // "Homeland Security Secretary Jeh Johnson" tagged whole: the name is after the title.
        for (size_t e = n.end - 1; e > n.begin; --e)
          if (const DictionaryMatch* t = TitleEndingAt(s, e);
              t && t->begin >= n.begin && k.titles()[t->entry->ref].position != "honorific") {
            m.begin = e;
            m.span = SpanOf(s, m.begin, m.end);
            m.text = std::string(Text(s, m.begin, m.end));
            break;
          }
      }
      if (m.type == "PER") {
        m.role = RoleBefore(s, m.begin);
        if (!m.role.found) m.role = RoleAfter(s, n.end);
        bool coordinated = false;
        if (!m.role.found) {
          m.role = CoordinatedRole(s, first_mention, m.begin);
          coordinated = m.role.found;
        }
        if (!coordinated) FinishRole(s, &m.role);
        // "Presiden Xi": a title and a surname name the office holder.
        if (m.kb < 0 && m.role.found && !m.role.former && !m.role.position.empty()) {
          // "Menlu Wang": any state's minister of that name unless the text names the state.
          int holder = HolderNamed(m.role.position, m.role.country_assumed ? "" : m.role.country, m.text);
          if (holder >= 0) m.kb = holder;
        }
      }
      mentions.push_back(std::move(m));
    }
    TitleOnlyMentions(s);
    Agents(s, first_mention);
  }
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(), [](const Mention& m) { return m.dropped; }),
                 mentions.end());
  ShortForms();
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return Position(a) < Position(b);
  });
  Abbreviations();
}

// "Presiden AS" with no name: whoever held the office on the publication date.
void Builder::TitleOnlyMentions(size_t s) {
  const SentenceData& sd = sentences[s];
  const auto& names = sd.names.names;
  for (const auto& m : sd.names.matches) {
    if (m.entry->kind != PhraseKind::kTitle) continue;
    const Title& title = k.titles()[m.entry->ref];
    if (title.position.empty()) continue;
    if (m.begin > 0 && IsFormer(sd.tokens.folded(m.begin - 1))) continue;  // "mantan Presiden AS": not today's
    // Only the longest title at this place, and not one inside a longer title.
    if (TitleStartingAt(s, m.begin) != &m || TitleEndingAt(s, m.end) != &m) continue;
    bool inside_longer = false;
    for (size_t b = m.begin; b-- > 0 && !inside_longer;) {
      const DictionaryMatch* o = TitleStartingAt(s, b);
      inside_longer = o && o->end >= m.end;
    }
    if (inside_longer) continue;
    size_t begin = m.begin, end = m.end;
    std::string country;
    int after = NameStartingAt(s, end);
    if (after >= 0 && !CountryOf(names[after]).empty() && names[after].type != "PER") {
      country = CountryOf(names[after]);
      end = names[after].end;
    } else {
      int before = NameEndingAt(s, begin);
      if (before >= 0 && !CountryOf(names[before]).empty()) {
        country = CountryOf(names[before]);
        begin = names[before].begin;
      }
    }
    if (NameStartingAt(s, end) >= 0) continue;  // a name follows: RoleBefore handles it
    if (end < sd.tokens.size() && LooksLikeName(sd.tokens.surface(end))) {
      // "Presiden Xi": a surname the tagger did not mark; the office holder
      // of that name, if there is one, else someone we do not know.
      int holder = HolderNamed(title.position, country, sd.tokens.surface(end));
      if (holder >= 0) {
        Mention mention;
        mention.sentence = s;
        mention.begin = m.begin;
        mention.end = end + 1;
        mention.span = SpanOf(s, m.begin, end + 1);
        mention.in_title_field = sentences[s].in_title_field;
        mention.text = std::string(Text(s, m.begin, end + 1));
        mention.type = "PER";
        mention.kb = holder;
        mentions.push_back(std::move(mention));
      }
      continue;
    }
    if (end < sd.tokens.size() && sd.tokens.surface(end) == ",") {
      // "Presiden, Joko Widodo": still named.
      if (NameStartingAt(s, end + 1) >= 0 && names[NameStartingAt(s, end + 1)].type == "PER") continue;
    }
    const bool capital_letter = StartsUpper(sd.tokens.surface(m.begin));
    // A named office ("Menteri Dalam Negeri", "Kepala Badan Pusat Statistik"):
    // capitalised, of several words, with its sector.
    bool in_role = false;  // "Konsul Jenderal Jepang di Surabaya, Kenji Matsuda": his role
    for (size_t pi = mentions.size(); pi-- > 0 && mentions[pi].sentence == s;) {  // this sentence's, at the end
      const Mention& p = mentions[pi];
      in_role |= p.role.found && p.role.begin <= m.begin && m.begin < p.role.end;
    }
    const bool state_role = title.role == "GOV" || title.role == "MIL" || title.role == "LEG" ||
                            title.role == "JUD" || title.role == "COP" || title.role == "SPY";
    const bool office = capital_letter && m.end - m.begin >= 2 && state_role && !in_role;
    if (country.empty()) {
      // Bare "Presiden" in Indonesian news is Indonesia's, the outlet's home country's.
      if (!Home().empty() && capital_letter &&
          (title.position == "head_of_state" || title.position == "vice_president" || office))
        country = ctx.lang == "en" && !article_setting.empty() ? article_setting : Home();
      else
        continue;
    }
    // Only an office one person holds on the date ("Presiden AS"; not "Menteri");
    // another named office is an actor of its own, its holder unnamed.
    auto holders = k.Holders(OfficePosition(title.position), country, ctx.date);
    bool one_person = !holders.empty();
    for (const Office* o : holders) one_person &= o->person == holders.front()->person;
    if (!one_person) {
      if (!office) continue;
      Mention mention = MakeMention(s, begin, end, "PER");
      mention.kind = PhraseKind::kTitle;
      mention.office = {&title, country};
      mentions.push_back(std::move(mention));
      continue;
    }
    Mention mention = MakeMention(s, begin, end, "PER");
    mention.kb = static_cast<int>(holders.front()->person);
    mention.kind = PhraseKind::kTitle;
    mentions.push_back(std::move(mention));
  }
}

// A word of a person's full name written alone ("Liu" after "Liu Pengyu")
// that the tagger did not mark: a mention to link to that person.
void Builder::ShortForms() {
  // "Jordan said" after "Jim Jordan": a country's name that is the surname of
  // a person the article names is that person, unless it is a place there ("in Jordan").
  std::unordered_set<std::string> surnames;
  for (const Mention& m : mentions)
    if (m.type == "PER" && m.kb < 0 && m.kind == PhraseKind::kName) {
      auto parts = Split(CollapseSpace(m.text), ' ');
      if (parts.size() >= 2) surnames.emplace(parts.back());
    }
  if (!surnames.empty())
    for (Mention& m : mentions)
      if (m.kb >= 0 && (m.kind == PhraseKind::kName || m.kind == PhraseKind::kDemonym) && m.end - m.begin == 1 &&
          k.entities()[m.kb].subtype == "country" && surnames.count(m.text) && !LocativeBefore(m.sentence, m.begin, true)) {
        m.kb = -1;
        m.type = "PER";
        m.agent = {};
      }
  // A lone word the tagger took for a place or an organisation that is a word
  // of a person's name in the article is that person's short form ("Hillary
  // Clinton" … "voters for Clinton", "Wisnu Setiadi Nugroho" … "Menurut
  // Wisnu"); so is a name no dictionary knows written the same as a person
  // named in the article ("Syamsu Alam" tagged a place once, a person once).
  {
    std::unordered_set<std::string> person_words, person_names;
    for (const Mention& m : mentions) {
      if (m.type != "PER" || m.kind != PhraseKind::kName) continue;
      if (m.end - m.begin > 1) person_names.insert(CollapseSpace(m.text));
      if (m.end - m.begin > 1)
        for (std::string_view w : Split(m.text, ' ')) person_words.emplace(w);
    }
    for (Mention& m : mentions) {
      if (m.kb >= 0 || m.kind != PhraseKind::kName || (m.type != "LOC" && m.type != "ORG") || m.agent.agent) continue;
      if ((m.end - m.begin == 1 && person_words.count(m.text)) || person_names.count(CollapseSpace(m.text)))
        m.type = "PER";
    }
  }
  std::unordered_set<std::string> words, places;
  for (const Mention& m : mentions)
    if (m.type != "PER") places.insert(m.text);  // "Lembata" the regency is not a short form
  for (const Mention& m : mentions) {
    if (m.type != "PER") continue;
    std::string_view name = m.kb >= 0 ? std::string_view(k.entities()[m.kb].name) : std::string_view(m.text);
    if (m.kb < 0 && m.kind == PhraseKind::kTitle) continue;
    auto parts = Split(name, ' ');
    if (parts.size() < 2) continue;
    for (std::string_view w : parts)
      if (w.size() >= 2 && LooksLikeName(w) && !k.Lookup(FoldCase(w)) && !places.count(std::string(w))) words.emplace(w);
  }
  if (words.empty()) return;
  std::vector<std::vector<bool>> covered(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) covered[s].assign(sentences[s].tokens.size(), false);
  for (const Mention& m : mentions)
    for (size_t i = m.begin; i < m.end; ++i) covered[m.sentence][i] = true;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& tokens = sentences[s].tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (covered[s][i] || !words.count(std::string(tokens.surface(i)))) continue;
      Mention m;
      m.sentence = s;
      m.begin = i;
      m.end = i + 1;
      m.span = SpanOf(s, i, i + 1);
      m.in_title_field = sentences[s].in_title_field;
      m.text = std::string(tokens.surface(i));
      m.type = "PER";
      mentions.push_back(std::move(m));
    }
  }
}

std::vector<std::string> Words(std::string_view s) {  // split on spaces
  std::vector<std::string> out;
  for (std::string_view w : Split(s, ' '))
    if (!w.empty()) out.emplace_back(w);
  return out;
}


// The latest person group whose name has `name`'s words in a row, and more;
// -1 if none. `by_word` lists the person groups that have each word.
template <typename Groups>
int LongerName(const Groups& groups, const std::unordered_map<std::string, std::vector<size_t>>& by_word,
               const std::string& name) {
  std::vector<std::string> words = Words(name);
  auto it = by_word.find(words.front());
  if (it == by_word.end()) return -1;
  for (size_t n = it->second.size(); n-- > 0;) {
    size_t g = it->second[n];
    std::vector<std::string> full = Words(groups[g].text);
    if (full.size() <= words.size()) continue;
    for (size_t at = 0; at + words.size() <= full.size(); ++at)
      if (std::equal(words.begin(), words.end(), full.begin() + static_cast<long>(at))) return static_cast<int>(g);
  }
  return -1;
}

std::vector<Entity> Builder::Group() {
  // Entities keyed by the dictionary entry, or by type and text.
  struct Group {
    int kb = -1;
    std::string type, text;
    std::vector<size_t> mentions;
  };
  std::vector<Group> groups;
  std::map<std::string, size_t> by_key;
  std::unordered_map<std::string, std::vector<size_t>> person_words;  // word → person groups with it
  auto group_for = [&](const std::string& key, int kb, const std::string& type, const std::string& text) {
    auto [it, inserted] = by_key.emplace(key, groups.size());
    if (inserted) {
      groups.push_back({kb, type, text, {}});
      if (type == "PER" || (type == "LOC" && kb < 0)) {  // a place no dictionary knows may be a person's name
        std::vector<std::string> words = Words(text);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (const auto& w : words) person_words[w].push_back(it->second);
      }
    }
    return it->second;
  };
  // Pass 1: dictionary entities and names of several words.
  std::vector<bool> done(mentions.size(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.office.title) {  // one actor per office: "Menteri Dalam Negeri" twice
      m.entity = static_cast<int>(group_for("OFF:" + m.office.country + ":" + FoldCase(CollapseSpace(m.text)), -1,
                                            "PER", CollapseSpace(m.text)));
    } else if (m.agent.agent) {  // one actor per state, sector and group: "polisi" and "aparat kepolisian"
      const Agent& a = *m.agent.agent;
      m.entity = static_cast<int>(
          group_for("AGT:" + m.agent.country + ":" + a.sector + ":" + a.group, -1, m.type, CollapseSpace(m.text)));
    } else if (m.kb >= 0) {
      const KbEntity& e = k.entities()[m.kb];
      m.entity = static_cast<int>(group_for("kb:" + e.key, m.kb, e.type, k.NameOn(static_cast<uint32_t>(m.kb), ctx.date)));
    } else if (m.type != "PER" || Words(CollapseSpace(m.text)).size() > 1) {
      std::string text = CollapseSpace(m.text);
      if (m.type != "PER")
        if (auto it = long_form_.find(text); it != long_form_.end()) text = it->second;
      // "Bhakti Eri" after "Bhakti Eri Nurmansyah": the same person.
      int longer = m.type == "PER" && !by_key.count("PER:" + text) ? LongerName(groups, person_words, text) : -1;
      m.entity = longer >= 0 ? longer : static_cast<int>(group_for(m.type + ":" + text, -1, m.type, text));
      if (longer >= 0 && groups[longer].type == "LOC") groups[longer].type = "PER";
    } else {
      continue;
    }
    groups[m.entity].mentions.push_back(i);
    done[i] = true;
  }
  // Pass 2: one-word person names: a short form of a longer name in the
  // article (the nearest before, else after), else a person of their own.
  // Indexed by word so a long article costs n log n, not n².
  std::unordered_map<std::string, std::vector<std::pair<uint64_t, int>>> by_word;  // in text order
  for (size_t j = 0; j < mentions.size(); ++j) {
    const Mention& o = mentions[j];
    // A name of several words the tagger called a place and no dictionary
    // knows ("Dian Patria") may be the person a later short form names.
    bool maybe_person = o.type == "LOC" && o.kb < 0 && o.kind == PhraseKind::kName && !o.street;
    if (!done[j] || (o.type != "PER" && !maybe_person) || o.entity < 0) continue;
    std::vector<std::string> full = Words(o.kb >= 0 ? k.entities()[o.kb].name : CollapseSpace(o.text));
    if (full.size() < 2) continue;
    std::sort(full.begin(), full.end());
    full.erase(std::unique(full.begin(), full.end()), full.end());
    for (const auto& w : full) by_word[w].emplace_back(Position(o), o.entity);
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (done[i]) continue;
    Mention& m = mentions[i];
    std::string text = CollapseSpace(m.text);
    int best = -1;
    auto it = by_word.find(text);
    if (it != by_word.end()) {
      const auto& list = it->second;
      auto after = std::lower_bound(list.begin(), list.end(), std::make_pair(Position(m), -1));
      best = after != list.begin() ? std::prev(after)->second : list.front().second;
    }
    if (best < 0) best = static_cast<int>(group_for("PER:" + text, -1, "PER", text));
    if (groups[best].type == "LOC") groups[best].type = "PER";  // "Dian Patria" … "Dian": a person after all
    m.entity = best;
    groups[best].mentions.push_back(i);
    done[i] = true;
  }

  // Order entities by first mention.
  for (auto& g : groups)
    std::sort(g.mentions.begin(), g.mentions.end(),
              [&](size_t a, size_t b) { return Position(mentions[a]) < Position(mentions[b]); });
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return Position(mentions[groups[a].mentions.front()]) < Position(mentions[groups[b].mentions.front()]);
  });

  std::vector<Entity> out;
  std::vector<size_t> entity_of_group(groups.size());
  std::vector<std::pair<size_t, const Mention*>> patron_of;  // (entity, the mention whose role names a patron)
  for (size_t gi : order) {
    entity_of_group[gi] = out.size();
    const Group& g = groups[gi];
    Entity e;
    e.id = "e" + std::to_string(out.size() + 1);
    e.type = g.type;
    e.name = g.text;
    const Role* role = nullptr;
    size_t role_mention = 0;
    for (size_t mi : g.mentions) {
      const Mention& m = mentions[mi];
      if (!role && m.role.found) { role = &m.role; role_mention = mi; }
      if (!e.mentions.empty() && e.mentions.back().span.start == m.span.start &&
          e.mentions.back().in_title_field == m.in_title_field)
        continue;
      EntityMention out{m.span, m.in_title_field, {}};
      if (m.role.found && m.role.end > m.role.begin) out.role = SpanOf(m.sentence, m.role.begin, m.role.end);
      e.mentions.push_back(out);
    }
    const Mention& first = mentions[g.mentions.front()];
    // The longest name the article uses for an entity it introduced.
    if (g.kb < 0 && !first.agent.agent && !first.office.title)
      for (size_t mi : g.mentions)
        if (mentions[mi].kind != PhraseKind::kTitle && CollapseSpace(mentions[mi].text).size() > e.name.size())
          e.name = CollapseSpace(mentions[mi].text);
    if (g.kb >= 0) {
      const KbEntity& kb = k.entities()[g.kb];
      e.kb = kb.key;
      e.subtype = kb.subtype;
      e.country = kb.country;
      e.actor = kb.actor;
      if (kb.type == "PER") {
        auto offices = k.OfficesOf(static_cast<uint32_t>(g.kb), ctx.date);
        std::stable_sort(offices.begin(), offices.end(), [](const Office* a, const Office* b) {
          return PositionRank(a->position) < PositionRank(b->position);
        });
        if (!offices.empty()) {
          e.subtype = offices.front()->position;
          e.actor = offices.front()->actor;
          e.role = offices.front()->label;
          if (!offices.front()->country.empty()) e.country = offices.front()->country;
        } else if (role) {
          e.subtype = role->position;
          e.role = std::string(Text(mentions[role_mention].sentence, role->begin, role->end));
          if (!e.country.empty() && !role->role.empty()) e.actor = e.country + role->role;
        } else if (const Office* past = LastOfficeBefore(static_cast<uint32_t>(g.kb)); past && !e.country.empty()) {
          // Out of office on the date: one of the state's elites (CAMEO ELI).
          e.subtype = "former_" + past->position;
          e.role = "former " + past->label;
          e.actor = e.country + "ELI";
        }
      }
    } else if (first.office.title) {
      e.subtype = first.office.title->position;
      e.country = first.office.country;
      e.role = e.name;
      e.actor = e.country + first.office.title->role;
    } else if (first.agent.agent) {
      const Agent& a = *first.agent.agent;
      static const char* const kKinds[] = {"agent", "people", "ethnic", "religion"};
      e.subtype = kKinds[static_cast<int>(a.kind)];
      e.country = first.agent.country;
      e.group = a.group;
      if (!e.country.empty()) e.actor = e.country + a.sector;
    } else if (first.street) {
      e.subtype = "street";
    } else if (e.type == "PER" && role) {
      const Mention& m = mentions[role_mention];
      e.subtype = role->position;
      e.country = role->country;
      e.role = std::string(Text(m.sentence, role->begin, role->end));
      if (!e.country.empty() && !role->role.empty()) e.actor = e.country + role->role;
    } else if (e.type == "ORG") {
      const Mention& m = mentions[g.mentions.front()];
      NameSpan n{m.begin, m.end, "ORG", -1, PhraseKind::kName, true};
      const OrgHead* head = HeadOf(m.sentence, n);
      e.country = OrgCountry(m.sentence, n);
      if (head) {
        e.subtype = head->subtype;
        // An Indonesian state body with no state named is Indonesia's.
        if (!e.country.empty() && !head->role.empty()) e.actor = e.country + head->role;
      }
    }
    if (e.type == "PER" && e.actor.empty() && role && role->patron >= 0)
      patron_of.emplace_back(out.size(), &mentions[role_mention]);
    out.push_back(std::move(e));
  }
  // "Stein spokeswoman X" with Jill Stein named before: the patron's camp,
  // known once every mention has its entity.
  std::map<std::pair<size_t, size_t>, int> entity_at;  // (sentence, first token) → group, built once
  if (!patron_of.empty())
    for (const Mention& p : mentions)
      if (p.entity >= 0) entity_at.emplace(std::make_pair(p.sentence, p.begin), p.entity);
  for (const auto& [index, m] : patron_of) {
    const NameSpan& patron = sentences[m->sentence].names.names[m->role.patron];
    auto it = entity_at.find({m->sentence, patron.begin});
    if (it == entity_at.end()) continue;
    const Entity& camp = out[entity_of_group[static_cast<size_t>(it->second)]];
    if (camp.actor.size() >= 6) {
      Entity& e = out[index];
      e.country = camp.actor.substr(0, 3);
      e.actor = camp.actor.substr(0, 6);
    }
  }
  return out;
}

}  // namespace linker_internal

using linker_internal::Builder;
using linker_internal::SentenceData;

std::vector<Entity> LinkEntities(std::string_view original, const std::vector<Sentence>& sentences,
                                 const EntityKnowledge& k, const LinkContext& context,
                                 std::string_view title_field, const std::vector<Sentence>& title_sentences) {
  Builder b{original, k, context, {}, {}};
  b.sentences.reserve(sentences.size() + title_sentences.size());
  // A "sentence" of thousands of tokens (a page with no full stops, or
  // hostile input) is read in pieces, so no per-sentence step grows with its
  // square.
  constexpr size_t kMaxTokens = 256;
  auto add = [&](const Sentence& s, std::string_view text, bool in_title_field, bool headline) {
    const TokenView tokens(text, s);
    for (size_t begin = 0; begin < tokens.size(); begin += kMaxTokens) {
      SentenceData sd;
      sd.tokens = tokens.sub(begin, std::min(tokens.size(), begin + kMaxTokens));
      sd.in_title_field = in_title_field;
      sd.names = RecognizeNames(sd.tokens, k, headline, context.lang);
      sd.Index();
      b.sentences.push_back(std::move(sd));
    }
  };
  for (const Sentence& s : title_sentences) add(s, title_field, true, true);
  for (size_t i = 0; i < sentences.size(); ++i) add(sentences[i], original, false, i < context.headline_sentences);
  b.Collect();
  return b.Group();
}

}  // namespace warta
