#include "quotes/quotes.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "entities/recognizer.h"  // IsRoleGlue
#include "quotes/quote_marks.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

struct Token {
  Span span;
  std::string_view text;
  size_t paragraph = 0;
  size_t sentence = 0;
  bool mark = false;      // a quotation mark
  bool stop = false;      // ends a sentence: . ! ?
  bool word = false;      // starts with a letter or digit
  bool upper = false;     // starts with an upper-case letter
  int segment = -1;       // the quoted segment it lies in (marks included), -1 outside
  bool quoted = false;    // inside a direct quotation that was kept (marks included)
};

bool IsMarkText(std::string_view t) {
  if (t.empty() || t.size() > 3) return false;
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (c != '"' && c != '\'' && c != '`' && c != 0xE2 && c != 0xC2) return false;  // most tokens: one test
  static const std::unordered_set<std::string_view> kMarks = {"\"", "'", "''", "``", "`", "\u201C", "\u201D",
                                                               "\u201E", "\u2018", "\u2019", "\u00AB", "\u00BB"};
  return kMarks.count(t) > 0;
}

// Who is named at one place in the text.
struct Candidate {
  enum class Kind { kName, kPronoun, kTitle, kNoun };
  Kind kind = Kind::kName;
  size_t begin = 0, end = 0;  // tokens
  Span mention;               // the words that name the speaker
  Span role;                  // the role phrase at this place, empty if none
  int entity = -1;            // resolved entity, -1 if none (yet)
  bool group = false;         // "mereka", "they", "it": a body, not a person
  std::string position;       // a title's position (to find the person it stands for)
  bool bare_title = false;    // the title alone, with no organisation or place after it
};

// A speaker found at a cue: a candidate, or the -nya of the cue word itself.
struct Attribution {
  bool found = false;
  size_t cue_begin = 0, cue_end = 0;  // tokens
  std::optional<Candidate> speaker;  // none: an anaphor (-nya) or a cue with no speaker in reach
  bool anaphor = false;              // -nya: the speaker the text is about
  bool adjacent = false;             // the cue touches the quotation ("...," kata X; X berkata: "...")
};

struct Item {
  size_t id = 0;  // order of creation: what `inherit` refers to
  Quote quote;
  Attribution at;
  int inherit = -1;  // the id of the item whose speaker this one continues
  bool shares_cue = false;  // the same quotation, split or running on: the cue's words name the speaker here too
  bool resolved = false;
  bool dropped = false;
  bool topic = false;  // no cue and nobody to continue: the person the text is about
};

// What a pronoun may stand for: "dia", "he" a person; "mereka", "it" a
// body; "-nya" either (a ministry's statement is "ujarnya" too).
enum class Referent { kPerson, kBody, kAny };

class Extractor {
 public:
  Extractor(const QuoteInput& in, const EntityKnowledge& k, const QuoteLexicon& lex) : in_(in), k_(k), lex_(lex) {}
  std::vector<Quote> Run();

 private:
  void BuildTokens();
  void IndexMentions();
  CueMatch CueAt(size_t i) const { return i < cues_.size() ? cues_[i] : CueMatch{}; }
  bool IsCue(const CueMatch& c) const {
    return c.type == CueType::kVerb || c.type == CueType::kStance || c.type == CueType::kNya ||
           c.type == CueType::kPassive || c.type == CueType::kAccording || c.type == CueType::kParticiple;
  }
  bool IsPreposition(size_t i) const { return CueAt(i).type == CueType::kPreposition; }
  size_t FirstTokenAtOrAfter(size_t byte) const;
  std::optional<Candidate> CandidateAt(size_t i) const;
  int PersonAfterRole(size_t i, size_t from) const;
  Candidate PersonWithRole(size_t from, int person) const;
  Span RoleSpan(size_t from, size_t to) const;
  const Title* TitleAt(size_t i, size_t* end) const;
  std::optional<Candidate> SpeakerAfter(size_t i, size_t end) const;
  std::optional<Candidate> SpeakerBefore(size_t begin, size_t cue) const;
  std::optional<Candidate> PhraseBefore(size_t begin, size_t verb) const;
  std::optional<Candidate> ClauseSubject(size_t begin, size_t verb) const;
  std::optional<Candidate> SentenceSubject(size_t begin, size_t end) const;
  Attribution PreviousSentenceSays(size_t open) const;
  Attribution AfterQuote(size_t first, size_t end) const;
  Attribution BeforeQuote(size_t begin, size_t open) const;
  size_t Words(size_t begin, size_t end) const;
  bool TitleLike(size_t begin, size_t end) const;
  void Direct(const std::vector<QuotedSegment>& segments);
  void Indirect();
  bool IndirectIn(size_t b, size_t e);
  void Resolve();
  int Anaphor(size_t cue_token, Referent want) const;
  int PersonWithTitle(const Candidate& c, size_t before) const;
  int PersonNamed(const Candidate& c) const;
  std::vector<Quote> Finish();

  const QuoteInput& in_;
  const EntityKnowledge& k_;
  const QuoteLexicon& lex_;
  std::vector<Token> tokens_;
  std::vector<std::string> folded_;
  std::vector<CueMatch> cues_;  // the lexicon's phrase starting at each token, looked up once
  struct MentionRef {
    int entity;
    size_t begin, end;  // tokens
    Span span, role;
    bool subject = false;
  };
  std::vector<MentionRef> mentions_;  // in text order
  std::vector<int> mention_at_;       // token → mention starting there
  std::vector<int> role_cover_;       // token → a person mention whose role phrase covers it
  std::vector<Item> items_;
};

void Extractor::BuildTokens() {
  const auto& paragraphs = *in_.paragraphs;
  size_t p = 0;
  for (size_t s = 0; s < in_.sentences->size(); ++s) {
    const Sentence& sentence = (*in_.sentences)[s];
    while (p + 1 < paragraphs.size() && paragraphs[p].end <= sentence.span.start) ++p;
    for (const Span& t : sentence.tokens) {
      Token tok;
      tok.span = t;
      tok.text = in_.text.substr(t.start, t.end - t.start);
      tok.paragraph = p;
      tok.sentence = s;
      tok.mark = IsMarkText(tok.text);
      tok.stop = tok.text == "." || tok.text == "!" || tok.text == "?" || tok.text == "..." || tok.text == "\u2026";
      size_t at = 0;
      char32_t c = NextCodePoint(tok.text, &at);
      tok.word = IsLetter(c) || IsDigit(c);
      tok.upper = IsUpper(c);
      tokens_.push_back(tok);
      folded_.push_back(FoldCase(tok.text));
    }
  }
  // A stop ends a sentence only where the segmenter ended one ("Rep." and
  // "(R-Fla.)" do not; "U.S." is one token anyway).
  for (size_t t = 0; t < tokens_.size(); ++t) {
    if (!tokens_[t].stop) continue;
    size_t next = t + 1;
    while (next < tokens_.size() && tokens_[next].sentence == tokens_[t].sentence && tokens_[next].mark) ++next;
    tokens_[t].stop = next >= tokens_.size() || tokens_[next].sentence != tokens_[t].sentence;
  }
  cues_.reserve(tokens_.size());
  for (size_t i = 0; i < tokens_.size(); ++i) cues_.push_back(lex_.Match(folded_, i));
}

size_t Extractor::FirstTokenAtOrAfter(size_t byte) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), byte,
                             [](const Token& t, size_t b) { return t.span.start < b; });
  return static_cast<size_t>(it - tokens_.begin());
}

void Extractor::IndexMentions() {
  mention_at_.assign(tokens_.size() + 1, -1);
  role_cover_.assign(tokens_.size() + 1, -1);
  for (size_t e = 0; e < in_.entities->size(); ++e)
    for (const EntityMention& m : (*in_.entities)[e].mentions) {
      if (m.in_title_field) continue;
      size_t b = FirstTokenAtOrAfter(m.span.start);
      if (b >= tokens_.size() || tokens_[b].span.start != m.span.start) continue;
      size_t end = FirstTokenAtOrAfter(m.span.end);
      mentions_.push_back({static_cast<int>(e), b, end, m.span, m.role, false});
    }
  std::sort(mentions_.begin(), mentions_.end(), [](const MentionRef& a, const MentionRef& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
  });
  for (size_t i = 0; i < mentions_.size(); ++i) {
    MentionRef& m = mentions_[i];
    if (mention_at_[m.begin] < 0) mention_at_[m.begin] = static_cast<int>(i);
    const Entity& e = (*in_.entities)[m.entity];
    if (e.type == "PER" && m.role.end > m.role.start)
      for (size_t t = FirstTokenAtOrAfter(m.role.start); t < m.begin; ++t) role_cover_[t] = static_cast<int>(i);
    // Who the sentence is about: a name opening its clause, or one right
    // before a reporting verb, not the object of a preposition or a verb.
    size_t first = m.role.end > m.role.start ? FirstTokenAtOrAfter(m.role.start) : m.begin;
    bool opens = first == 0 || tokens_[first - 1].sentence != tokens_[first].sentence ||
                 tokens_[first - 1].text == "," || tokens_[first - 1].mark;
    if (!opens && first >= 1) {
      // "Namun Xi", "Sementara itu, Xi": a short lead-in of lower-case words.
      size_t j = first;
      while (j > 0 && first - j < 3 && tokens_[j - 1].sentence == tokens_[first].sentence && !tokens_[j - 1].upper &&
             tokens_[j - 1].word && !IsPreposition(j - 1) && !IsCue(CueAt(j - 1)))
        --j;
      opens = j != first && (j == 0 || tokens_[j - 1].sentence != tokens_[first].sentence || tokens_[j - 1].text == ",");
    }
    CueMatch next = CueAt(m.end);
    m.subject = opens || next.type == CueType::kVerb || next.type == CueType::kStance;
    if (first > 0 && (IsPreposition(first - 1))) m.subject = false;
  }
  // One subject per sentence: the first. A later name after a comma is an
  // apposition or an object ("Illston menegur pengacara AS, Elizabeth
  // Hedges, ..."), and a sentence opened by a pronoun ("Ia juga menyoroti
  // Hedges") is still about the person before — unless a reporting verb
  // follows the name ("..., Liu mengatakan").
  size_t sentence = static_cast<size_t>(-1);
  bool taken = false;
  size_t t = 0;
  for (MentionRef& m : mentions_) {
    if (tokens_[m.begin].sentence != sentence) {
      sentence = tokens_[m.begin].sentence;
      taken = false;
      t = m.begin;
      while (t > 0 && tokens_[t - 1].sentence == sentence) --t;
      for (size_t u = t; u < m.begin && !taken; ++u) taken = CueAt(u).type == CueType::kPronoun && tokens_[u].segment < 0;
    }
    if (tokens_[m.begin].segment >= 0) continue;
    CueMatch next = CueAt(m.end);
    bool speaks = next.type == CueType::kVerb || next.type == CueType::kStance;
    if (taken && !speaks) m.subject = false;
    if (m.subject) taken = true;
  }
}

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
    c.kind = Candidate::Kind::kPronoun;
    c.begin = i;
    c.end = i + cue.tokens;
    c.mention = {tokens_[i].span.start, tokens_[c.end - 1].span.end};
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
  if (cue.type == CueType::kSpeakerNoun) {
    c.kind = Candidate::Kind::kNoun;
    c.begin = i;
    c.end = i + cue.tokens;
    c.mention = {tokens_[i].span.start, tokens_[c.end - 1].span.end};
    return c;
  }
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
  std::string key = folded_[i];
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
      return c && c->kind == Candidate::Kind::kName ? with_role(c) : std::nullopt;
    }
    bool by = j == i && (folded_[j] == "oleh" || folded_[j] == "by");  // "disampaikan oleh X"
    if (++skipped > 3 || (IsPreposition(j) && !by)) break;
    if (!by && role_from == kNone && CueAt(j).type != CueType::kPronoun) role_from = j;
  }
  // A name the entity stage did not find: the capitalised words right after
  // the cue ("said Del. Stacey Plaskett of the Virgin Islands").
  if (i < tokens_.size() && tokens_[i].upper)
    if (int person = PersonAfterRole(i, i); person >= 0)
      return PersonWithRole(i, person);  // "ujar Pelaksana Tugas Deputi Penindakan dan Eksekusi KPK Asep Guntur Rahayu".
  size_t e = i;
  while (e < end && e < tokens_.size() && e < i + 5 && tokens_[e].upper && !tokens_[e].mark) ++e;
  if (e > i && !(e == i + 1 && k_.IsCommonWord(tokens_[i].text))) {
    Candidate c;
    c.kind = Candidate::Kind::kNoun;
    c.begin = i;
    c.end = e;
    c.mention = {tokens_[i].span.start, tokens_[e - 1].span.end};
    return c;
  }
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

size_t Extractor::Words(size_t begin, size_t end) const {
  size_t n = 0;
  for (size_t i = begin; i < end; ++i) n += tokens_[i].word;
  return n;
}

// "Pemikiran Xi Jinping tentang Diplomasi": most words capitalised and no
// sentence inside: a title or a name, not someone's words.
bool Extractor::TitleLike(size_t begin, size_t end) const {
  size_t words = 0, upper = 0;
  for (size_t i = begin; i < end; ++i) {
    if (tokens_[i].stop) return false;
    if (!tokens_[i].word) continue;
    ++words;
    if (tokens_[i].upper || !IsLetter(static_cast<unsigned char>(tokens_[i].text[0]))) ++upper;
  }
  // Short function words ("tentang", "of", "dan") are lower case in titles.
  size_t function_words = 0;
  for (size_t i = begin; i < end; ++i)
    if (tokens_[i].word && !tokens_[i].upper && folded_[i].size() <= 7 && IsPreposition(i)) ++function_words;
  return words >= 2 && upper * 10 >= (words - function_words) * 7 && upper >= 2;
}

// After the closing mark: `"...," kata Liu`, `"...," ujarnya`, `"...," Liu menambahkan`, `"...," he said`.
Attribution Extractor::AfterQuote(size_t first, size_t end) const {
  Attribution a;
  size_t j = first;
  bool dash = false;
  while (j < end && (tokens_[j].text == "," || tokens_[j].text == "-" || tokens_[j].text == "\u2014" ||
                     tokens_[j].text == "\u2013" || tokens_[j].text == "\u2015")) {
    dash |= tokens_[j].text != ",";
    ++j;
  }
  if (j >= end) return a;
  CueMatch cue = CueAt(j);
  // `"..." ― Azucena Gonzàlez`: a dash and a name alone sign the quotation.
  if (dash && tokens_[j].upper && end - j <= 5) {
    bool names_only = true;
    for (size_t t = j; t < end; ++t) names_only &= tokens_[t].upper || !tokens_[t].word;
    if (names_only) {
      a.found = true;
      a.adjacent = true;
      a.cue_begin = j - 1;
      a.cue_end = j;
      a.speaker = CandidateAt(j);
      if (!a.speaker || a.speaker->end > end) a.speaker = PhraseBefore(j, end);
      if (a.speaker) return a;
      a = Attribution{};
    }
  }
  if (IsCue(cue) && cue.type != CueType::kAccording) {
    a.found = true;
    a.adjacent = true;
    a.cue_begin = j;
    a.cue_end = j + cue.tokens;
    if (cue.type == CueType::kNya) {
      a.anaphor = true;
    } else {
      a.speaker = SpeakerAfter(a.cue_end, end);
    }
    return a;
  }
  if (cue.type == CueType::kAccording) {  // `"...," menurut Liu.`
    a.found = true;
    a.adjacent = true;
    a.cue_begin = j;
    a.cue_end = j + cue.tokens;
    a.speaker = SpeakerAfter(a.cue_end, end);
    return a;
  }
  // "Liu menambahkan", "he said", "Rep. Gwen Moore (D-Wis.) said", "the
  // ad's narrator says": who speaks, then the verb.
  for (size_t v = j + 1; v < end && v <= j + 12; ++v) {
    CueMatch verb = CueAt(v);
    if (verb.type == CueType::kVerb || verb.type == CueType::kStance) {
      a.found = true;
      a.adjacent = true;
      a.cue_begin = v;
      a.cue_end = v + verb.tokens;
      a.speaker = PhraseBefore(j, v);
      return a;
    }
    if (tokens_[v].stop || IsCue(verb)) break;
    if (tokens_[v].text == "," && v > j + 6) break;
  }
  // A speaker with a long description before the verb: `"...," Scott
  // Pruitt, the attorney general of Oklahoma, one of the states suing, said.`
  if (tokens_[j].upper && !IsCue(CueAt(j))) {
    size_t comma = j;
    while (comma < end && comma < j + 6 && tokens_[comma].text != ",") ++comma;
    if (comma < end && tokens_[comma].text == ",")
      for (size_t v = comma + 1; v < end && v < comma + 30; ++v) {
        if (tokens_[v].stop || tokens_[v].mark) break;
        CueMatch verb = CueAt(v);
        if ((verb.type == CueType::kVerb || verb.type == CueType::kStance) && tokens_[v - 1].text == ",") {
          a.found = true;
          a.adjacent = true;
          a.cue_begin = v;
          a.cue_end = v + verb.tokens;
          a.speaker = PhraseBefore(j, comma);
          if (a.speaker) return a;
          a = Attribution{};
          break;
        }
      }
  }
  // The quotation inside a sentence that names its speaker later:
  // `"..." to drive up the price, she said`.
  for (size_t v = j + 1; v < end; ++v) {
    CueMatch verb = CueAt(v);
    if (verb.type != CueType::kVerb && verb.type != CueType::kNya) continue;
    if (tokens_[v - 1].text != "," && !(v >= 2 && tokens_[v - 2].text == ",")) continue;
    a.found = true;
    a.cue_begin = v;
    a.cue_end = v + verb.tokens;
    if (verb.type == CueType::kNya) a.anaphor = true;
    else if (tokens_[v - 1].text == ",") a.speaker = SpeakerAfter(a.cue_end, end);
    else a.speaker = CandidateAt(v - 1);
    if (a.speaker || a.anaphor) return a;
    a = Attribution{};
  }
  return a;
}

// The sentence just before token `open`, in the same paragraph, when it ends
// "X said." / "said X." / "ujarnya." (a short closing attribution).
Attribution Extractor::PreviousSentenceSays(size_t open) const {
  Attribution a;
  if (open == 0 || tokens_[open - 1].paragraph != tokens_[open].paragraph || !tokens_[open - 1].stop) return a;
  size_t end = open - 1;  // the stop
  size_t begin = end;
  while (begin > 0 && end - begin < 8 && tokens_[begin - 1].sentence == tokens_[end].sentence &&
         tokens_[begin - 1].text != "," && !tokens_[begin - 1].mark)
    --begin;
  if (begin == end) return a;
  if (end - begin <= 1 && CueAt(begin).type == CueType::kNya) {
    a.found = true;
    a.anaphor = true;
    a.cue_begin = begin;
    a.cue_end = begin + 1;
    return a;
  }
  CueMatch last = CueAt(end - 1);
  if (last.type == CueType::kVerb && last.tokens == 1 && !last.bare) {  // "Schiff said."
    a.speaker = PhraseBefore(begin, end - 1);
    a.cue_begin = end - 1;
  } else if (IsCue(CueAt(begin)) && !IsCue(CueAt(begin + 1))) {  // "said Schiff.", "kata Liu."
    a.speaker = SpeakerAfter(begin + CueAt(begin).tokens, end);
    a.cue_begin = begin;
  }
  if (!a.speaker) return Attribution{};
  a.found = true;
  a.cue_end = a.cue_begin + CueAt(a.cue_begin).tokens;
  return a;
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
    if (tokens_[j].mark || tokens_[j].stop) return std::nullopt;
  Candidate c;
  c.kind = Candidate::Kind::kNoun;
  c.begin = begin;
  c.end = end;
  c.mention = {tokens_[begin].span.start, tokens_[end - 1].span.end};
  return c;
}

// Before the opening mark: `Liu mengatakan, "..."`, `Menurutnya, "..."`,
// `kata Liu: "..."`, and the cue of a partial quote earlier in the sentence.
Attribution Extractor::BeforeQuote(size_t begin, size_t open) const {
  Attribution a;
  size_t cue_at = kNone;
  CueMatch cue;
  for (size_t j = begin; j < open; ++j) {
    if (tokens_[j].segment >= 0) continue;  // words inside another quotation
    CueMatch c = CueAt(j);
    if (IsCue(c)) {
      cue_at = j;
      cue = c;
    }
  }
  if (cue_at == kNone) return a;
  a.found = true;
  a.cue_begin = cue_at;
  a.cue_end = cue_at + cue.tokens;
  size_t named_end = a.cue_end;
  if (cue.type == CueType::kNya) {
    a.anaphor = true;
  } else if (cue.type == CueType::kAccording || cue.type == CueType::kPassive || cue.bare) {
    a.speaker = SpeakerAfter(a.cue_end, open);
  } else if (cue.type == CueType::kParticiple) {
    a.speaker = SentenceSubject(begin, cue_at);  // "Trump attacked Clinton ..., saying, "..."": Trump
  } else {
    a.speaker = SpeakerBefore(begin, cue_at);
    if (!a.speaker) a.speaker = SpeakerAfter(a.cue_end, open);  // 'said Mr. Lee: "..."'
    if (!a.speaker) a.speaker = ClauseSubject(begin, cue_at);   // a name the entity stage missed
  }
  if (a.speaker && a.speaker->begin >= a.cue_end) named_end = a.speaker->end;
  // Only punctuation or "bahwa"/"that" between the cue (or the name after it) and the mark.
  size_t between = 0;
  for (size_t j = named_end; j < open; ++j)
    if (tokens_[j].word && CueAt(j).type != CueType::kComplement) ++between;
  a.adjacent = between == 0;
  return a;
}

void Extractor::Direct(const std::vector<QuotedSegment>& segments) {
  for (size_t si = 0; si < segments.size(); ++si) {
    const Span whole{segments[si].open.end > segments[si].open.start ? segments[si].open.start : segments[si].inner.start,
                     segments[si].close.end > segments[si].close.start ? segments[si].close.end : segments[si].inner.end};
    for (size_t t = FirstTokenAtOrAfter(whole.start); t < tokens_.size() && tokens_[t].span.end <= whole.end; ++t)
      tokens_[t].segment = static_cast<int>(si);
  }
  const auto& paragraphs = *in_.paragraphs;
  std::vector<int> item_of(segments.size(), -1);
  std::vector<Attribution> own(segments.size());
  for (size_t si = 0; si < segments.size(); ++si) {
    const QuotedSegment& s = segments[si];
    const Span para = paragraphs[s.paragraph];
    size_t in_begin = FirstTokenAtOrAfter(s.inner.start), in_end = FirstTokenAtOrAfter(s.inner.end);
    size_t words = Words(in_begin, in_end);
    bool closed = s.close.end > s.close.start;
    bool has_open = s.open.end > s.open.start;
    // The window after the closing mark: to the end of its sentence, the next quotation or the paragraph.
    Attribution after;
    if (closed) {
      size_t first = FirstTokenAtOrAfter(s.close.end), end = first;
      while (end < tokens_.size() && end < first + 25 && tokens_[end].span.start < para.end && !tokens_[end].mark) {
        if (tokens_[end].stop) break;
        ++end;
      }
      after = AfterQuote(first, end);
    }
    // The window before the opening mark: back to the sentence's start or the previous quotation.
    Attribution before;
    if (has_open) {
      size_t open = FirstTokenAtOrAfter(s.open.start), begin = open;
      // Earlier quotations in the same sentence are stepped over
      // (`tells them to "go vote" and then "go pick ..."`).
      while (begin > 0 && open - begin < 60 && tokens_[begin - 1].span.start >= para.start &&
             (tokens_[begin - 1].segment >= 0 || !tokens_[begin - 1].stop))
        --begin;
      if (begin == open && open > 0 && tokens_[open - 1].text == ":" ) --begin;
      // `Liu mengatakan:` closing the previous paragraph, the quotation in its own.
      if (open > 0 && tokens_[open - 1].span.start < para.start && tokens_[open - 1].text == ":") {
        size_t b = open - 1;
        while (b > 0 && tokens_[b - 1].sentence == tokens_[open - 1].sentence && !tokens_[b - 1].mark) --b;
        before = BeforeQuote(b, open - 1);
      } else {
        before = BeforeQuote(begin, open);
      }
    }
    // `Schiff said. "The other factor ..."`: the sentence before names the
    // speaker and ends with the verb.
    if (has_open && !before.found && !after.found) before = PreviousSentenceSays(FirstTokenAtOrAfter(s.open.start));
    Attribution chosen = after.found && (after.speaker || after.anaphor) ? after
                         : before.found                                  ? before
                                                                         : after;
    bool adjacent = chosen.found && chosen.adjacent;
    bool title_like = TitleLike(in_begin, in_end);
    bool accept = false;
    if (!has_open) {
      accept = after.found;  // a missing opening mark: only with a cue right after
    } else if (s.single) {
      // Single marks are mostly titles and terms ('Lyin' Ted'), and apostrophes
      // in transliteration pair up by accident: only with a cue touching them.
      accept = adjacent && words >= 1 && !title_like;
    } else if (words == 0) {
      accept = false;
    } else if (words <= 3) {
      // "Tidak," kata dia. Short words in marks are someone's only when the cue touches them.
      accept = adjacent && !title_like && (after.found || in_begin == FirstTokenAtOrAfter(para.start) + 1);
    } else if (title_like) {
      accept = adjacent && after.found;
    } else {
      accept = true;
    }
    if (!accept) continue;
    own[si] = chosen;
    Item item;
    item.quote.kind = Quote::Kind::kDirect;
    item.quote.span = s.inner;
    item.at = chosen;
    item.id = items_.size();
    item_of[si] = static_cast<int>(items_.size());
    items_.push_back(item);
  }
  // Quotations with no cue of their own continue a neighbour's: the other
  // half of a quotation split by its cue, the paragraphs of one long
  // quotation, a paragraph that is only a quotation after the speaker's.
  for (size_t si = 0; si < segments.size(); ++si) {
    int it = item_of[si];
    if (it < 0 || items_[it].at.found) continue;
    const QuotedSegment& s = segments[si];
    int from = -1;
    // The same paragraph, before then after; then a quotation running on across paragraphs.
    // (Neighbours only: a paragraph of thousands of marks stays linear.)
    constexpr size_t kReach = 8;
    for (size_t j = si; j-- > 0 && si - j <= kReach && from < 0 && segments[j].paragraph == s.paragraph;)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    for (size_t j = si + 1; j < segments.size() && j - si <= kReach && from < 0 && segments[j].paragraph == s.paragraph; ++j)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    // A quotation left open runs into the next paragraph: the chain shares a speaker.
    for (size_t j = si + 1; from < 0 && j < segments.size() && j - si <= kReach && segments[j - 1].close.end == segments[j - 1].close.start &&
                            segments[j].paragraph == segments[j - 1].paragraph + 1;
         ++j)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    for (size_t j = si; from < 0 && j-- > 0 && si - j <= kReach && segments[j].close.end == segments[j].close.start &&
                        segments[j].paragraph + 1 == segments[j + 1].paragraph;)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    items_[it].shares_cue = from >= 0;
    if (from < 0)
      for (size_t j = si; j-- > 0 && from < 0 && si - j <= kReach;) {
        if (s.paragraph > segments[j].paragraph + 2) break;
        if (item_of[j] >= 0) from = item_of[j];
      }
    if (from >= 0) {
      items_[it].inherit = from;
    } else if (Words(FirstTokenAtOrAfter(s.inner.start), FirstTokenAtOrAfter(s.inner.end)) < 6) {
      items_[it].dropped = true;  // a short phrase in marks with nobody to say it: not a quotation
    } else if (FirstTokenAtOrAfter(s.open.start) == FirstTokenAtOrAfter(paragraphs[s.paragraph].start)) {
      items_[it].topic = true;  // a paragraph that is a quotation: the person the text is about
    }
  }
  for (size_t si = 0; si < segments.size(); ++si) {
    if (item_of[si] < 0 || items_[item_of[si]].dropped) continue;
    const QuotedSegment& s = segments[si];
    size_t from = s.open.end > s.open.start ? s.open.start : s.inner.start;
    for (size_t t = FirstTokenAtOrAfter(from); t < tokens_.size() && tokens_[t].segment == static_cast<int>(si); ++t)
      tokens_[t].quoted = true;
  }
}

// Indirect quotes, one per sentence, in sentences with no direct quotation.
void Extractor::Indirect() {
  size_t b = 0;
  while (b < tokens_.size()) {
    size_t e = b;
    while (e < tokens_.size() && tokens_[e].sentence == tokens_[b].sentence) ++e;
    bool has_quote = false;
    for (size_t i = b; i < e && !has_quote; ++i) has_quote = tokens_[i].quoted;
    if (!has_quote) IndirectIn(b, e);
    b = e;
  }
}

bool Extractor::IndirectIn(size_t b, size_t e) {
  size_t end = e;
  while (end > b && !tokens_[end - 1].word) --end;  // the final stop
  auto add = [&](size_t from, size_t to, const Attribution& a) {
    while (from < to && !tokens_[from].word && tokens_[from].text != "\"") ++from;
    while (to > from && (tokens_[to - 1].text == "," || tokens_[to - 1].text == ";" || tokens_[to - 1].text == ":")) --to;
    if (Words(from, to) < 4) return false;
    Item item;
    item.quote.kind = Quote::Kind::kIndirect;
    item.quote.span = {tokens_[from].span.start, tokens_[to - 1].span.end};
    item.at = a;
    item.id = items_.size();
    items_.push_back(item);
    return true;
  };
  for (size_t i = b; i < end; ++i) {
    CueMatch cue = CueAt(i);
    if (!IsCue(cue) || cue.type == CueType::kStance) continue;
    Attribution a;
    a.found = true;
    a.cue_begin = i;
    a.cue_end = i + cue.tokens;
    bool opens_sentence = i - b <= 3;
    bool after_comma = i > b && tokens_[i - 1].text == ",";
    if (cue.type == CueType::kAccording || (cue.type == CueType::kNya && folded_[i] == "menurutnya")) {
      // "Menurut Liu, ..." / "..., menurut Liu."
      size_t named_end = a.cue_end;
      if (cue.type == CueType::kNya) {
        a.anaphor = true;
      } else {
        a.speaker = SpeakerAfter(a.cue_end, end);
        if (!a.speaker) continue;
        named_end = a.speaker->end;
      }
      if (opens_sentence) {
        size_t comma = named_end;
        while (comma < end && comma < named_end + 8 && tokens_[comma].text != ",") ++comma;
        if (comma >= end || tokens_[comma].text != ",") comma = named_end - 1;
        return add(comma + 1, end, a);
      }
      if (after_comma) return add(b, i - 1, a);
      continue;
    }
    if (after_comma && (cue.type == CueType::kNya || cue.bare || (cue.type == CueType::kVerb && !cue.indonesian))) {
      // "..., kata Liu." / "..., ujarnya." / "..., said Liu." — the speaker
      // right after the cue and the sentence ending soon after.
      size_t named_end = a.cue_end;
      if (cue.type == CueType::kNya) {
        a.anaphor = true;
      } else {
        a.speaker = SpeakerAfter(a.cue_end, end);
        if (a.speaker && a.speaker->begin <= a.cue_end + 1) named_end = a.speaker->end;
        else a.speaker.reset();
      }
      if ((a.speaker || a.anaphor) && end - named_end <= 6) return add(b, i - 1, a);
      if (cue.type == CueType::kNya || cue.bare) continue;
      a.speaker.reset();
    }
    if (cue.type == CueType::kVerb && !cue.bare) {
      // "Liu mengatakan (bahwa) ...", "Liu said (that) ...", "..., Liu said."
      a.speaker = SpeakerBefore(b, i);
      if (!a.speaker) a.speaker = ClauseSubject(b, i);
      if (!a.speaker) continue;
      // "..., Liu said." / "..., Liu said on Monday." — nothing reported after the verb.
      bool closing = a.cue_end >= end || IsPreposition(a.cue_end) || folded_[a.cue_end] == "kepada" ||
                     (end - a.cue_end <= 2 && tokens_[a.cue_end].upper);
      if (a.speaker->begin > b && tokens_[a.speaker->begin - 1].text == "," && closing)
        return add(b, a.speaker->begin - 1, a);
      size_t from = a.cue_end;
      for (size_t j = a.cue_end; j < end && j < a.cue_end + 8; ++j)
        if (CueAt(j).type == CueType::kComplement) {
          from = j + 1;
          break;
        }
      bool marked = from != a.cue_end;
      if (from < end && (tokens_[from].text == "," || tokens_[from].text == ":")) {
        ++from;
        marked = true;
      }
      // "menjelaskan alasan ...", "menekankan pentingnya ...": a topic, not words.
      if (!marked && CueAt(from).type == CueType::kNominal) continue;
      // "Liu mengatakan kepada wartawan ..." with no "bahwa": content starts after the verb.
      return add(from, end, a);
    }
  }
  return false;
}

// A capitalised name the entity stage did not mark ("kata Dian"): the person
// mentioned before whose name has these words; -1 if none.
int Extractor::PersonNamed(const Candidate& c) const {
  std::vector<std::string_view> words;
  for (size_t t = c.begin; t < c.end; ++t) {
    if (!tokens_[t].upper) return -1;
    if (tokens_[t].word) words.push_back(tokens_[t].text);
  }
  if (words.empty()) return -1;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), c.begin,
                             [](const MentionRef& m, size_t b) { return m.begin < b; });
  for (size_t steps = 0; it != mentions_.begin() && steps < 256; ++steps) {
    const MentionRef& m = *--it;
    const Entity& e = (*in_.entities)[m.entity];
    if (e.type != "PER") continue;
    std::vector<std::string_view> name = Split(e.name, ' ');
    bool all = true;
    for (std::string_view w : words) all &= std::find(name.begin(), name.end(), w) != name.end();
    if (all) return m.entity;
  }
  return -1;
}

// The person a title stands for ("kata Direktur Jenderal" after "Direktur
// Jenderal Pembiayaan Luky Alfirman"): the latest one before it whose role
// phrase starts with the same words, else who holds that position.
int Extractor::PersonWithTitle(const Candidate& c, size_t before) const {
  std::string title = FoldCase(CollapseSpace(in_.text.substr(c.mention.start, c.mention.end - c.mention.start)));
  int by_words = -1, by_position = -1;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), before,
                             [](const MentionRef& m, size_t b) { return m.begin < b; });
  const size_t first = static_cast<size_t>(it - mentions_.begin()) > 256 ? static_cast<size_t>(it - mentions_.begin()) - 256 : 0;
  for (size_t mi = first; mi < static_cast<size_t>(it - mentions_.begin()); ++mi) {
    const MentionRef& m = mentions_[mi];
    const Entity& e = (*in_.entities)[m.entity];
    if (e.type != "PER") continue;
    if (m.role.end > m.role.start) {
      std::string role = FoldCase(CollapseSpace(in_.text.substr(m.role.start, m.role.end - m.role.start)));
      if (StartsWith(role, title) || StartsWith(title, role)) by_words = m.entity;
    }
    // By position only for a bare title ("kata Menlu"), not a qualified one ("Kapolres Tasikmalaya").
    if (!c.position.empty() && e.subtype == c.position && c.bare_title) by_position = m.entity;
  }
  return by_words >= 0 ? by_words : by_position;
}

bool Fits(const Entity& e, Referent want) {
  bool person = e.type == "PER";
  bool body = e.type == "ORG" || (e.type == "LOC" && e.subtype == "country");
  return want == Referent::kPerson ? person : body;
}

// "ujarnya", "kata dia", "he said": the speaker the text is about — the
// person who opened a recent sentence, unless the last quotation's speaker
// came after them.
int Extractor::Anaphor(size_t cue_token, Referent want) const {
  if (want == Referent::kAny) {
    // A person first; a body only when the text names no one to speak.
    int person = Anaphor(cue_token, Referent::kPerson);
    return person >= 0 ? person : Anaphor(cue_token, Referent::kBody);
  }
  const size_t para = tokens_[std::min(cue_token, tokens_.size() - 1)].paragraph;
  const size_t pos = tokens_[std::min(cue_token, tokens_.size() - 1)].span.start;
  auto near = [&](size_t p) { return p + 3 >= para; };
  // Walk back from the cue over the last few paragraphs (and a bounded
  // number of steps, so a page of thousands of quotations stays linear).
  constexpr size_t kMaxSteps = 256;
  int last_quote = -1;
  size_t last_quote_pos = 0;
  auto item_it = std::lower_bound(items_.begin(), items_.end(), pos,
                                  [](const Item& i, size_t p) { return i.quote.span.start < p; });
  for (size_t steps = 0; item_it != items_.begin() && steps < kMaxSteps; ++steps) {
    const Item& i = *--item_it;
    if (!near(tokens_[FirstTokenAtOrAfter(i.quote.span.start)].paragraph)) break;
    if (!i.resolved || i.quote.speaker_entity < 0 || !Fits((*in_.entities)[i.quote.speaker_entity], want)) continue;
    last_quote = i.quote.speaker_entity;
    last_quote_pos = i.quote.span.start;
    break;
  }
  int subject = -1, any = -1;
  size_t subject_pos = 0;
  auto m_it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const MentionRef& m, size_t p) { return m.span.start < p; });
  for (size_t steps = 0; m_it != mentions_.begin() && steps < kMaxSteps && subject < 0; ++steps) {
    const MentionRef& m = *--m_it;
    if (!near(tokens_[m.begin].paragraph)) break;
    if (tokens_[m.begin].segment >= 0) continue;  // named inside someone's quotation
    if (!Fits((*in_.entities)[m.entity], want)) continue;
    if (any < 0) any = m.entity;
    if (m.subject) {
      subject = m.entity;
      subject_pos = m.span.start;
    }
  }
  if (subject >= 0 && (last_quote < 0 || subject_pos > last_quote_pos)) return subject;
  if (last_quote >= 0) return last_quote;
  return any;
}

void Extractor::Resolve() {
  std::stable_sort(items_.begin(), items_.end(),
                   [](const Item& a, const Item& b) { return a.quote.span.start < b.quote.span.start; });
  std::unordered_map<int, std::string> quote_roles;  // entity → role phrase found at one of its cues
  // An entity's role phrase: the first one the article gives it (once per entity).
  std::vector<std::optional<std::string>> roles(in_.entities->size());
  auto speaker_role = [&](int entity) -> std::string {
    if (entity < 0) return "";
    std::optional<std::string>& role = roles[static_cast<size_t>(entity)];
    if (!role) {
      role = "";
      for (const EntityMention& m : (*in_.entities)[entity].mentions)
        if (!m.in_title_field && m.role.end > m.role.start) {
          role = CollapseSpace(in_.text.substr(m.role.start, m.role.end - m.role.start));
          break;
        }
    }
    return *role;
  };
  auto resolve_one = [&](Item& item) {
    const Attribution& a = item.at;
    Quote& q = item.quote;
    if (!a.found) {
      if (item.topic) q.speaker_entity = Anaphor(FirstTokenAtOrAfter(q.span.start), Referent::kPerson);
      if (item.topic) q.speaker_role = speaker_role(q.speaker_entity);
      return;
    }
    q.cue = {tokens_[a.cue_begin].span.start, tokens_[a.cue_end - 1].span.end};
    if (a.anaphor) {
      q.speaker_mention = q.cue;
      q.speaker_entity = Anaphor(a.cue_begin, Referent::kAny);
    } else if (a.speaker) {
      const Candidate& c = *a.speaker;
      q.speaker_mention = c.mention;
      if (c.kind == Candidate::Kind::kName) {
        q.speaker_entity = c.entity;
      } else if (c.kind == Candidate::Kind::kPronoun) {
        q.speaker_entity = Anaphor(c.begin, c.group ? Referent::kBody : Referent::kPerson);
      } else if (c.kind == Candidate::Kind::kTitle) {
        q.speaker_entity = PersonWithTitle(c, c.begin);
      } else if (c.kind == Candidate::Kind::kNoun) {
        q.speaker_entity = PersonNamed(c);
      }
      if (c.role.end > c.role.start) q.speaker_role = CollapseSpace(in_.text.substr(c.role.start, c.role.end - c.role.start));
    }
    if (q.speaker_entity >= 0 && !q.speaker_role.empty())
      quote_roles.emplace(q.speaker_entity, q.speaker_role);  // the first role phrase a cue gave this speaker
    if (q.speaker_role.empty() && q.speaker_entity >= 0) {
      auto it = quote_roles.find(q.speaker_entity);
      q.speaker_role = it != quote_roles.end() ? it->second : speaker_role(q.speaker_entity);
    }
  };
  // Own cues first, in text order (an anaphor looks at the speakers before it).
  for (Item& item : items_) {
    if (item.inherit >= 0) continue;
    resolve_one(item);
    item.resolved = true;
  }
}

std::vector<Quote> Extractor::Finish() {
  std::vector<Quote> out;
  std::unordered_set<std::string> seen;
  for (const Item& item : items_) {
    if (item.dropped) continue;
    std::string key = FoldCase(CollapseSpace(in_.text.substr(item.quote.span.start, item.quote.span.end - item.quote.span.start)));
    if (!seen.insert(key).second) continue;  // the crawler's copy
    out.push_back(item.quote);
  }
  return out;
}

std::vector<Quote> Extractor::Run() {
  BuildTokens();
  if (tokens_.empty()) return {};
  IndexMentions();
  std::vector<QuotedSegment> segments = FindQuotedSegments(in_.text, *in_.paragraphs);
  Direct(segments);
  Indirect();
  Resolve();
  // Continuations take their neighbour's speaker (who may come later in the text).
  std::vector<size_t> at(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) at[items_[i].id] = i;
  for (Item& item : items_) {
    if (item.inherit < 0) continue;
    const Item& from = items_[at[static_cast<size_t>(item.inherit)]];
    item.quote.speaker_entity = from.quote.speaker_entity;
    item.quote.speaker_role = from.quote.speaker_role;
    if (item.shares_cue) {
      item.quote.speaker_mention = from.quote.speaker_mention;
      item.quote.cue = from.quote.cue;
    }
    item.resolved = true;
  }
  return Finish();
}

}  // namespace

std::vector<Quote> ExtractQuotes(const QuoteInput& input, const EntityKnowledge& k, const QuoteLexicon& lexicon) {
  Extractor x(input, k, lexicon);
  return x.Run();
}

}  // namespace warta
