// What the event coder reads: verb patterns mapped to CAMEO codes
// (data/events/verbs_id.tsv, verbs_en.tsv), the words that negate an event,
// make it an intention, make it mutual or introduce its agent or target
// (modifiers.tsv), the intent code of each code (intent.tsv), the words for
// unnamed people with their CAMEO role (people.tsv), and the words
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
  std::vector<std::string> tokens;  // lower case; "*" = up to three tokens
  std::string code;                 // CAMEO
  PatternVoice voice = PatternVoice::kActive;
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
};

class EventLexicon {
 public:
  using Reader = std::function<Result<std::string>(std::string_view relative_path)>;
  static Result<EventLexicon> Load(const Reader& read);
  // From the files' text (tests): each pair is (name, text).
  static Result<EventLexicon> FromTsv(std::string_view verbs, std::string_view modifiers, std::string_view intent,
                                      std::string_view non_event, std::string_view people = "");

  // Each matcher reads the folded forms of a sentence's tokens from token i on.
  // The longest verb pattern starting at token i (a token ending in "-nya"
  // is also tried without it: "mengecamnya"), or a match with no pattern.
  VerbMatch MatchVerb(const TokenView& tokens, size_t i) const;
  // The modifier phrase starting at token i; *length gets its length in tokens.
  Modifier ModifierAt(const TokenView& tokens, size_t i, size_t* length) const;
  // A word or phrase of a sport, market or entertainment story starting at token i.
  bool NonEventAt(const TokenView& tokens, size_t i) const;
  // Unnamed people starting at token i ("ribuan warga" at "warga", "protesters"):
  // their CAMEO role code ("CVL"), or "" with *length = 0.
  std::string_view PeopleAt(const TokenView& tokens, size_t i, size_t* length) const;
  // The code an intention to do `code` gets (itself if none is listed).
  std::string IntentCode(const std::string& code) const;

  size_t verb_count() const { return verb_count_; }

 private:
  Status AddVerbs(std::string_view tsv, std::string_view name);
  Status AddModifiers(std::string_view tsv, std::string_view name);
  Status AddIntent(std::string_view tsv, std::string_view name);
  Status AddNonEvent(std::string_view tsv, std::string_view name);
  Status AddPeople(std::string_view tsv, std::string_view name);
  bool MatchFrom(const VerbPattern& p, const TokenView& tokens, size_t i, std::string_view first, size_t* end) const;

  std::unordered_map<std::string, std::vector<VerbPattern>> verbs_;  // by first token
  size_t verb_count_ = 0;
  std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, Modifier>>> modifiers_;
  std::unordered_map<std::string, std::string> intent_;  // code prefix → intent code
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> non_event_;  // by first token
  std::unordered_map<std::string, std::vector<std::pair<std::vector<std::string>, std::string>>> people_;  // by first token
};

}  // namespace warta
