// The quote stage's working state, shared by its parts: tokens of the
// article with their cues and quotation marks, the entity mentions indexed by
// token, and the quotes found so far. Internal to src/quotes/: the public
// interface is quotes.h.
//   speakers.cc  who is named at a place: names, pronouns, titles, role phrases
//   parsed.cc    who the parse makes the subject (or agent) of a reporting verb
//   direct.cc    quotations in marks and the cue that attributes each
//   indirect.cc  reported speech without marks
//   resolve.cc   pronouns and "-nya" to entities, continuations, duplicates
//   quotes.cc    tokens and mentions in, quotes out
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quotes/quote_marks.h"
#include "quotes/quotes.h"

namespace warta::quotes_internal {

inline constexpr size_t kNone = static_cast<size_t>(-1);

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
  bool nominal = false;   // an act named as a noun ("persetujuan", "penjadwalan": the lemmatiser's voice)
  int head = -1;          // the parse's head (a token index), -1 for the root or an unparsed sentence
  std::string_view deprel;  // the parse's relation ("nsubj", ...); empty when the sentence is not parsed
};

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
  Candidate SelfNamed(Candidate::Kind kind, size_t begin, size_t end) const;
  std::optional<Candidate> ClauseSubject(size_t begin, size_t verb) const;
  std::optional<Candidate> SentenceSubject(size_t begin, size_t end) const;
  std::optional<Candidate> ParsedSpeaker(size_t cue) const;
  Attribution PreviousSentenceSays(size_t open) const;
  Attribution AfterQuote(size_t first, size_t end) const;
  Attribution BeforeQuote(size_t begin, size_t open) const;
  size_t Words(size_t begin, size_t end) const;
  bool TitleLike(size_t begin, size_t end) const;
  void Direct(const std::vector<QuotedSegment>& segments);
  void Indirect();
  bool IndirectIn(size_t b, size_t e);
  void Resolve();
  int Anaphor(size_t cue_token, Referent want, bool goes_on = false) const;
  int PersonWithTitle(const Candidate& c, size_t before) const;
  int PersonNamed(const Candidate& c) const;
  int BodyIn(Span words) const;
  std::vector<Quote> Finish();

  const QuoteInput& in_;
  const EntityKnowledge& k_;
  const QuoteLexicon& lex_;
  std::vector<Token> tokens_;
  std::vector<std::string_view> folded_;  // each token's folded form, in its sentence's token table
  std::vector<CueMatch> cues_;  // the lexicon's phrase starting at each token, looked up once
  // Counts over tokens [0, i): Words() and TitleLike() in constant time, so
  // that nested or numerous quotations cost linear time, not quadratic.
  struct Prefix {
    uint32_t words = 0, upper = 0, stops = 0, function_words = 0;
  };
  std::vector<Prefix> prefix_;
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


}  // namespace warta::quotes_internal
