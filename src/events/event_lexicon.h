// What the event coder reads: predicate patterns keyed by lemma, voice and
// suffix, mapped to CAMEO codes (data/events/predicates_id.tsv, predicates_en.tsv), the words that negate an event,
// make it an intention, make it mutual or introduce its agent or target
// (modifiers.tsv), the intent code of each code (intent.tsv), the words for
// unnamed people with their CAMEO role (people.tsv), the words of praise and
// blame that make a speaker's words an act towards whom they name
// (judgements.tsv), and the words
// of sports, markets and entertainment where verbs of war are no events
// (non_event_id.tsv, non_event_en.tsv). Loaded once.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/segment.h"
#include "util/status.h"

namespace warta {

// The voice a verb pattern is listed in (not the token table's Voice, which
// the affixes give).
enum class PatternVoice : uint8_t { kActive, kPassive, kMutual };

struct VerbPattern {
  std::string lemma;                // of the predicate word
  std::string form;                 // active, passive, nominal, bare or any (FormName)
  std::string suffix;               // kan, i, an, - (none) or * (any): SuffixOf
  std::vector<std::string> tokens;  // the words after it, lower case; "*" = up to three tokens
  std::string code;                 // CAMEO
  PatternVoice voice = PatternVoice::kActive;  // the FRAME column
  bool english = false;             // from predicates_en.tsv
};

// A pattern found at tokens [begin, end).
struct VerbMatch {
  const VerbPattern* pattern = nullptr;
  size_t begin = 0, end = 0;
};

enum class Modifier : uint8_t {
  kNone,
  kNegation,
  kIntent,
  kReciprocal,
  kAgent,
  kPreposition,
  kConjunction,
  kLocative,
  kContrast,
  kPassiveAux,
  kDemand,
  kRelative,
  kOrigin,
  kPartner,
  kPersonPronoun,
  kPurpose,
  kBetween,
};

// What a word says about the clause it governs or depends on (frames.tsv).
enum class FrameClass : uint8_t {
  kNone, kRefuse, kWish, kAppeal, kPlan, kHypothetical, kBackshift, kCondition, kPurpose, kLight, kNegation
};
// What an oblique's case word makes of it (frames.tsv: by, to, with, at).
enum class CaseRole : uint8_t { kNone, kAgent, kTarget, kPartner, kPlace };

class EventLexicon {
 public:
  using Reader = std::function<Result<std::string>(std::string_view relative_path)>;
  static Result<EventLexicon> Load(const Reader& read);
  // From the files' text (tests): each pair is (name, text).
  // `predicates` in the format of predicates_id.tsv (Indonesian suffixes), `predicates_en` of predicates_en.tsv.
  static Result<EventLexicon> FromTsv(std::string_view predicates, std::string_view modifiers, std::string_view intent,
                                      std::string_view non_event, std::string_view people = "",
                                      std::string_view predicates_en = "");

  // Each matcher reads a sentence's token table from token i on.
  // The longest predicate pattern at token i: its lemma, voice (form) and
  // suffix those of the token, its further words the folded forms after it;
  // or a match with no pattern.
  VerbMatch MatchVerb(const TokenView& tokens, size_t i) const;
  // Whether a pattern that codes an event (not a bare reporting verb) matches
  // somewhere in the sentence: the sentences worth parsing for the coder.
  bool MayCode(const TokenView& tokens) const;
  // How many person pronouns ("ia", "he", "pihaknya") the sentence has: actors
  // once resolved (referents.h), so they count where actors are counted.
  size_t PersonPronouns(const TokenView& tokens) const;
  // The modifier phrase starting at token i; *length gets its length in tokens.
  Modifier ModifierAt(const TokenView& tokens, size_t i, size_t* length) const;
  // A word or phrase of a sport, market or entertainment story starting at token i.
  bool NonEventAt(const TokenView& tokens, size_t i) const;
  // A judgement starting at token i (judgements.tsv: "tidak adil", "a disgrace",
  // "terima kasih"): the code of the speaker's act towards an actor it names
  // ("111" criticism, "051" praise), or "" with *length = 0.
  std::string_view JudgementAt(const TokenView& tokens, size_t i, size_t* length) const;
  // Unnamed people starting at token i ("ribuan warga" at "warga", "protesters"):
  // their CAMEO role code ("CVL"), or "" with *length = 0.
  std::string_view PeopleAt(const TokenView& tokens, size_t i, size_t* length) const;
  // The code an intention to do `code` gets (itself if none is listed).
  std::string IntentCode(const std::string& code) const;
  // The rejection (12x) that refusing to do `code` is (refusal.tsv; 120 if none is listed).
  std::string RefusalCode(const std::string& code) const;
  FrameClass FrameOf(std::string_view lemma) const;
  CaseRole CaseRoleOf(std::string_view lemma) const;

  size_t verb_count() const { return verb_count_; }

 private:
  Status AddPredicates(std::string_view tsv, std::string_view name, bool english);
  Status AddPredicatesId(std::string_view tsv, std::string_view name) { return AddPredicates(tsv, name, false); }
  Status AddPredicatesEn(std::string_view tsv, std::string_view name) { return AddPredicates(tsv, name, true); }
  Status AddModifiers(std::string_view tsv, std::string_view name);
  Status AddIntent(std::string_view tsv, std::string_view name);
  Status AddFrames(std::string_view tsv, std::string_view name);
  Status AddRefusal(std::string_view tsv, std::string_view name);
  Status AddNonEvent(std::string_view tsv, std::string_view name);
  Status AddPeople(std::string_view tsv, std::string_view name);
  Status AddJudgements(std::string_view tsv, std::string_view name);
  bool MatchFrom(const VerbPattern& p, const TokenView& tokens, size_t i, size_t* end) const;

  std::unordered_map<std::string, std::vector<VerbPattern>> verbs_;  // by lemma
  size_t verb_count_ = 0;
  std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, Modifier>>> modifiers_;
  std::unordered_map<std::string, std::string> intent_;  // code prefix → intent code
  std::unordered_map<std::string, std::string> refusal_;  // code prefix → refusal code
  std::unordered_map<std::string, FrameClass> frames_;
  std::unordered_map<std::string, CaseRole> cases_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> non_event_;  // by first token
  std::unordered_set<std::string> non_event_nouns_;  // cues only where not tagged a verb ("match")
  // Phrases by their first token, each with its value (people.tsv's role, judgements.tsv's code).
  using PhraseMap = std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::string>>>;
  PhraseMap people_;
  PhraseMap judgements_;
};

}  // namespace warta
