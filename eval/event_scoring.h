// Article-level event scoring against gold events labelled by reading whole
// articles (the conventions of ../shared/docs/event-labelling.md). Pure:
// gold and reported events in, tallies out; the eval reads the files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace warta::eval {

// One event of the gold, as labelled.
struct GoldEvent {
  std::string source, target;              // ISO3 or an IGO code ("UNO", "NAT", "EEC"): see NormaliseCountry
  std::string source_actor, target_actor;  // "IDNGOV", or 3 letters, or "" when no sector is clear
  std::string root;                        // "17": the CAMEO root
  std::vector<std::string> alt_roots;      // other defensible roots
  bool negated = false;
  bool optional = false;   // neither a miss when absent nor a false positive when found
  bool symmetric = false;  // a joint act: either direction matches
  std::string sentence_starts;  // the evidence, for error lists
};

// One event as warta reports it.
struct ReportedEvent {
  std::string source_actor, target_actor;  // CAMEO actor codes: "IDNGOV", "USA", "IGOWSTNAT"
  std::string root;                        // the code's first two digits
  bool negated = false;
  std::string evidence;  // the start of its sentence, for error lists
};

// The labels' spelling of an IGO: "NATO" → "NAT", "ASEAN" → "ASN", "EU" and
// "EUR" → "EEC"; other codes upper-cased as they are.
std::string NormaliseCountry(std::string_view code);

// The country an actor code stands for: an IGO's is its last three letters
// ("IGOWSTNAT" → NAT, "IGOUNO" → UNO), any other code's its first three.
std::string CountryOfActor(std::string_view actor);

// The sector of an actor code of 6 letters or more (letters 3..5: "IDNGOV" →
// GOV); "" for shorter codes and for IGO codes, whose letters after "IGO" name
// the organisation (compared as the country), not a sector.
std::string SectorOfActor(std::string_view actor);

enum class MatchLevel {
  kFull,      // countries, sectors where both sides give one, root (or an alternative), negation
  kCountries  // the country pair alone: a diagnostic of what the root or sector costs
};

// Whether `r` is the gold event `g` (either direction when `g` is symmetric).
bool Matches(const ReportedEvent& r, const GoldEvent& g, MatchLevel level = MatchLevel::kFull);

// One event per distinct (source actor, target actor, root, negated), in the
// order first reported (the first keeps its evidence).
std::vector<ReportedEvent> Distinct(const std::vector<ReportedEvent>& reported);

// The score of one article.
struct ArticleScore {
  size_t core = 0;             // gold events that are not optional
  size_t core_found = 0;       // of them, matched by a reported event
  size_t core_pair_found = 0;  // of them, matched on the country pair alone
  size_t reported = 0;         // distinct reported events
  size_t right = 0;            // of them, matching a gold event, core or optional
  std::vector<size_t> missed;          // indexes of the core gold events not found
  std::vector<ReportedEvent> wrong;    // the reported events matching no gold event
};

ArticleScore ScoreArticle(const std::vector<GoldEvent>& gold, const std::vector<ReportedEvent>& reported);

// Sums over articles.
struct EventTally {
  size_t articles = 0;
  size_t silent = 0;  // articles with a core gold event where nothing is reported
  size_t core = 0, core_found = 0, core_pair_found = 0, reported = 0, right = 0;
  void Add(const ArticleScore& s);
  void Add(const EventTally& t);
};

}  // namespace warta::eval
