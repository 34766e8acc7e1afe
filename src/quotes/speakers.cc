// Who is named at one place in the text: a name, a pronoun, a title, a role
// phrase leading to a person, or words for an unnamed speaker.

#include <algorithm>
#include <unordered_set>

#include "entities/recognizer.h"  // IsRoleGlue
#include "quotes/extractor.h"
#include "util/strings.h"

namespace warta::quotes_internal {

std::optional<Candidate> Extractor::CandidateAt(size_t i) const {
  if (i >= tokens_.size() || tokens_[i].mark) return std::nullopt;
  Candidate c;
  auto from_mention = [&](int mi) {
    const MentionRef& m = mentions_[mi];
    c.kind = Candidate::Kind::kName;
    c.begin = i;
    c.end = m.end;
    c.mention = m.span;
    c.role = m.role;
    c.entity = m.entity;
    const Entity& e = (*in_.entities)[m.entity];
    c.group = e.type != "PER" && !(e.type == "LOC" && e.kb.empty());
    return c;
  };
  const int at = role_cover_[i] >= 0 ? role_cover_[i] : mention_at_[i];
  if (at >= 0) {
    const MentionRef& m = mentions_[at];
    // "kata Kepala Satgas KPK Wilayah V Dian Patria": an organisation in a
    // role phrase before the person who speaks.
    // So is a one-word "name" the tagger found in a role ("Wadir", "Pelaksana Tugas ...").
    // Only an organisation, or a one-word "person" the article names once
    // and no dictionary knows — not "Sugiono" before ", Presiden Prabowo".
    const Entity& e = (*in_.entities)[m.entity];
    // An organisation after a preposition is not a role ("commitment of NATO, Sugiono said").
    size_t before = i;
    if (before > 0 && (folded_[before - 1] == "the" || folded_[before - 1] == "a")) --before;
    bool role_word = (e.type == "ORG" && !(before > 0 && IsPreposition(before - 1))) ||
                     (e.type == "PER" && m.end == m.begin + 1 && e.kb.empty() && e.mentions.size() == 1);
    if (role_word)
      if (int person = PersonAfterRole(i, m.end); person >= 0) return PersonWithRole(i, person);
    return from_mention(at);
  }
  CueMatch cue = CueAt(i);
  if (cue.type == CueType::kPronoun) {
    c = SelfNamed(Candidate::Kind::kPronoun, i, i + cue.tokens);
    static const std::unordered_set<std::string_view> kGroup = {"mereka", "they", "it", "pihaknya", "keduanya"};
    c.group = kGroup.count(folded_[i]) > 0;
    return c;
  }
  // A title with no name after it: "kata juru bicara itu", "the spokesman said".
  size_t title_end = 0;
  const Title* title = TitleAt(i, &title_end);
  if (title) {
    c.kind = Candidate::Kind::kTitle;
    c.begin = i;
    c.end = title_end;
    // The organisation or state that follows is part of the role ("juru
    // bicara Kemlu China"), and a person named after it is the speaker
    // ("Wadir Tipidkor Bareskrim Polri Kombes Bhakti Eri Nurmansyah").
    if (int person = PersonAfterRole(i, title_end); person >= 0) return PersonWithRole(i, person);
    while (c.end < tokens_.size() && mention_at_[c.end] >= 0 &&
           (*in_.entities)[mentions_[mention_at_[c.end]].entity].type != "PER")
      c.end = mentions_[mention_at_[c.end]].end;
    c.bare_title = c.end == title_end && (c.end >= tokens_.size() || !tokens_[c.end].upper);
    c.mention = {tokens_[i].span.start, tokens_[c.end - 1].span.end};
    c.role = c.mention;
    c.position = title->position;
    return c;
  }
  if (cue.type == CueType::kSpeakerNoun) return SelfNamed(Candidate::Kind::kNoun, i, i + cue.tokens);
  return std::nullopt;
}

// The person of mention `person`, named after a role phrase that starts at
// token `from`: the linker's role phrase for the mention when it has one
// (it knows the glue and apposition rules), else the words in between.
Candidate Extractor::PersonWithRole(size_t from, int person) const {
  const MentionRef& m = mentions_[person];
  Candidate c;
  c.kind = Candidate::Kind::kName;
  c.begin = from;
  c.end = m.end;
  c.mention = m.span;
  c.entity = m.entity;
  const Entity& e = (*in_.entities)[m.entity];
  c.group = e.type != "PER" && !(e.type == "LOC" && e.kb.empty());
  c.role = RoleSpan(from, m.begin);
  // The longer of the two: the linker's phrase knows apposition and glue,
  // this one reaches back over ranks and units ("Kabid Humas Polda Metro Jaya, Kombes").
  if (m.role.end > m.role.start && (c.role.end <= c.role.start || m.role.start <= c.role.start)) c.role = m.role;
  return c;
}

// Tokens [from, to) as a role phrase, without trailing commas, brackets and
// honorifics or initials ("Komisi III, H." → "Komisi III"); empty if nothing is left.
Span Extractor::RoleSpan(size_t from, size_t to) const {
  while (to > from) {
    std::string_view t = tokens_[to - 1].text;
    bool honorific = t.size() <= 5 && t.back() == '.' && tokens_[to - 1].upper;  // "H.", "Dr.", "Ir.", "Prof."
    if (t == "," || t == "(" || honorific) --to;
    else break;
  }
  return to > from ? Span{tokens_[from].span.start, tokens_[to - 1].span.end} : Span{};
}

// The longest title phrase starting at token i ("juru bicara", "Menlu"), or
// nullptr; *end gets the token after it. Walks the dictionary's phrase
// hashes as the recognizer does, so a token that starts no phrase costs one lookup.
const Title* Extractor::TitleAt(size_t i, size_t* end) const {
  uint64_t hash = EntityKnowledge::TokenHash(folded_[i]);
  if (!k_.StartsPhrase(hash)) return nullptr;
  std::string key(folded_[i]);
  const Title* title = nullptr;
  for (size_t n = 1; n <= k_.max_phrase_tokens() && i + n <= tokens_.size(); ++n) {
    if (n > 1) {
      if (!k_.IsPrefix(hash) || tokens_[i + n - 1].sentence != tokens_[i].sentence) break;
      hash = EntityKnowledge::PhraseHash(hash, EntityKnowledge::TokenHash(folded_[i + n - 1]));
      key += ' ';
      key += folded_[i + n - 1];
    }
    if (const auto* entries = k_.Lookup(hash, key))
      for (const PhraseEntry& pe : *entries)
        if (pe.kind == PhraseKind::kTitle && k_.titles()[pe.ref].position != "honorific") {
          title = &k_.titles()[pe.ref];
          *end = i + n;
        }
  }
  return title;
}

// A person named at the end of a role phrase that runs from token `from`
// over titles, organisations, ranks and glue words ("Wadir Penindakan Kortas
// Tipikor Polri Kombes [Bhakti Eri Nurmansyah]"); the mention's index, or -1.
int Extractor::PersonAfterRole(size_t i, size_t from) const {
  int last_unknown_place = -1;  // a place name no dictionary knows, last in the chain
  size_t j = from;
  for (; j < tokens_.size() && j < from + 14 && tokens_[j].sentence == tokens_[i].sentence && !tokens_[j].mark;) {
    if (mention_at_[j] >= 0) {
      const MentionRef& m = mentions_[mention_at_[j]];
      const Entity& e = (*in_.entities)[m.entity];
      if (e.type == "PER") return mention_at_[j];
      if (e.type == "LOC" && e.kb.empty() && m.end >= m.begin + 2) last_unknown_place = mention_at_[j];
      j = m.end;
      continue;
    }
    size_t title_after = 0;
    if (tokens_[j].text == "," &&
        !(j + 1 < tokens_.size() && (mention_at_[j + 1] >= 0 || tokens_[j + 1].upper || TitleAt(j + 1, &title_after))))
      break;  // ", Kombes Rudi", ", H. Ahmad", ", Liu Pengyu" go on; ", yang ..." does not
    if (tokens_[j].upper || IsRoleGlue(folded_[j]) || tokens_[j].text == "(" || tokens_[j].text == ")" ||
        tokens_[j].text == "," || tokens_[j].text == "-") {
      last_unknown_place = -1;
      ++j;
      continue;
    }
    size_t title_end = 0;
    if (TitleAt(j, &title_end)) {  // "Chinese Foreign Ministry spokesperson Zhao Lijian"
      last_unknown_place = -1;
      j = title_end;
      continue;
    }
    break;
  }
  // "Kepala Satgas KPK Wilayah V Dian Patria di gedung KPK": a name of two
  // words or more closing a role phrase is the person, even when the tagger
  // took it for a place.
  if (last_unknown_place >= 0 && (j >= tokens_.size() || !tokens_[j].upper)) return last_unknown_place;
  return -1;
}

// The speaker named after a cue ("kata [juru bicara Liu]", "said [the minister]").
std::optional<Candidate> Extractor::SpeakerAfter(size_t i, size_t end) const {
  size_t skipped = 0;
  size_t role_from = kNone;  // the first of the words skipped: part of the role ("kata anggota Komisi III, ...")
  // Words skipped before the name are the start of its role phrase.
  auto with_role = [&](std::optional<Candidate> c) {
    if (c && role_from != kNone && c->kind == Candidate::Kind::kName && !c->group) {
      size_t last = c->role.end > c->role.start ? FirstTokenAtOrAfter(c->role.end) : FirstTokenAtOrAfter(c->mention.start);
      c->role = RoleSpan(role_from, last);
    }
    return c;
  };
  for (size_t j = i; j < end && j < tokens_.size() && j < i + 8; ++j) {
    if (tokens_[j].mark || tokens_[j].stop) break;
    if (auto c = CandidateAt(j)) return with_role(c);
    // "oleh", "mantan", "seorang", "Mr.": a few words may come first, and a
    // role the dictionaries do not know ("kata perwakilan nelayan, Samsul Bahri").
    if (tokens_[j].text == ",") {
      auto c = CandidateAt(j + 1);
      if (c && c->kind == Candidate::Kind::kName) return with_role(c);
      break;  // "said Kaine, a former chairman": the capitalised words below
    }
    bool by = j == i && (folded_[j] == "oleh" || folded_[j] == "by");  // "disampaikan oleh X"
    if (++skipped > 3 || (IsPreposition(j) && !by)) break;
    if (!by && role_from == kNone && CueAt(j).type != CueType::kPronoun) role_from = j;
  }
  // A name the entity stage did not find: the capitalised words right after
  // the cue ("said Del. Stacey Plaskett of the Virgin Islands").
  if (i < end && i < tokens_.size() && tokens_[i].upper)  // within the window: never the next sentence
    if (int person = PersonAfterRole(i, i); person >= 0)
      return PersonWithRole(i, person);  // "ujar Pelaksana Tugas Deputi Penindakan dan Eksekusi KPK Asep Guntur Rahayu".
  size_t e = i;
  while (e < end && e < tokens_.size() && e < i + 5 && tokens_[e].upper && !tokens_[e].mark) ++e;
  if (e > i && !(e == i + 1 && k_.IsCommonWord(tokens_[i].text))) return SelfNamed(Candidate::Kind::kNoun, i, e);
  return std::nullopt;
}

// The speaker before a cue: the nearest candidate that is not the object of
// a preposition ("Retno dalam pertemuan dengan Wang Yi mengatakan": Retno).
std::optional<Candidate> Extractor::SpeakerBefore(size_t begin, size_t cue) const {
  std::vector<Candidate> found;
  if (cue > begin + 40) begin = cue - 40;  // a speaker is named near the verb
  for (size_t j = begin; j < cue;) {
    if (tokens_[j].segment >= 0) { ++j; continue; }  // named inside a quotation: not who speaks
    if (auto c = CandidateAt(j)) {
      if (c->end > cue) break;
      found.push_back(*c);
      j = std::max(c->end, j + 1);
    } else {
      ++j;
    }
  }
  for (size_t n = found.size(); n-- > 0;) {
    const Candidate& c = found[n];
    // Too far from the verb: a whole clause between them.
    if (cue - c.end > 12) break;
    if (c.begin > begin && IsPreposition(c.begin - 1)) continue;
    // A place after "di" is not a speaker; a pronoun or a name is.
    return c;
  }
  return std::nullopt;
}

// The first name in tokens [begin, end) not after a preposition: the subject
// a participle ("..., saying") refers to.
std::optional<Candidate> Extractor::SentenceSubject(size_t begin, size_t end) const {
  if (end > begin + 60) begin = end - 60;
  for (size_t j = begin; j < end;) {
    if (tokens_[j].segment >= 0) { ++j; continue; }
    if (auto c = CandidateAt(j)) {
      if (c->end > end) break;
      if (!(c->begin > begin && IsPreposition(c->begin - 1))) return c;
      j = std::max(c->end, j + 1);
    } else {
      ++j;
    }
  }
  return std::nullopt;
}

// The words between the clause's start (a comma, the sentence's start) and
// the verb, when they are few: "O'Neill said", "Asked about it, O'Neill said".
std::optional<Candidate> Extractor::ClauseSubject(size_t begin, size_t verb) const {
  size_t b = verb;
  while (b > begin && verb - b < 8 && tokens_[b - 1].text != "," && tokens_[b - 1].text != ":" && !tokens_[b - 1].stop &&
         !tokens_[b - 1].mark && tokens_[b - 1].segment < 0)
    --b;
  if (b == verb || verb - b >= 8) return std::nullopt;
  return PhraseBefore(b, verb);
}

// Who speaks in tokens [begin, verb): a known name or pronoun, else the
// words themselves (an unnamed speaker: "the ad's narrator").
std::optional<Candidate> Extractor::PhraseBefore(size_t begin, size_t verb) const {
  size_t end = verb;
  while (end > begin && !tokens_[end - 1].word) --end;
  for (size_t j = begin; j < verb; ++j) {
    if (auto c = CandidateAt(j)) {
      if (c->end > verb) continue;
      // "a UN official": someone of the organisation, the words are the mention.
      if (c->kind == Candidate::Kind::kName && c->group && c->end < end && end - begin <= 6 && !tokens_[c->end].upper) {
        c->begin = begin;
        c->end = end;
        c->mention = {tokens_[begin].span.start, tokens_[end - 1].span.end};
      }
      return c;
    }
  }
  if (end <= begin || end - begin > 6) return std::nullopt;
  for (size_t j = begin; j < end; ++j)
    if (tokens_[j].mark || tokens_[j].stop || IsCue(CueAt(j)) || CueAt(j).type == CueType::kComplement) return std::nullopt;
  // Words that name someone start like a noun phrase: a capital ("Rep.
  // Lee", "Supporters"), an article or a quantity ("the ad's narrator", "a
  // local farmer", "many commentators") — not "and", "after …", "but".
  static const std::unordered_set<std::string_view> kDeterminers = {
      "the", "a", "an", "some", "many", "several", "two", "three", "four", "most", "other", "both", "his", "her",
      "their", "its", "our", "one", "each", "seorang", "para", "sejumlah", "beberapa", "banyak", "kedua"};
  if (!tokens_[begin].upper && !kDeterminers.count(folded_[begin])) return std::nullopt;
  if (IsPreposition(begin)) return std::nullopt;
  return SelfNamed(Candidate::Kind::kNoun, begin, end);
}

// Tokens [begin, end) as a candidate of `kind` that names itself.
Candidate Extractor::SelfNamed(Candidate::Kind kind, size_t begin, size_t end) const {
  Candidate c;
  c.kind = kind;
  c.begin = begin;
  c.end = end;
  c.mention = {tokens_[begin].span.start, tokens_[end - 1].span.end};
  return c;
}

}  // namespace warta::quotes_internal
