#include "eval/event_scoring.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace warta::eval {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsIgo(std::string_view actor) { return actor.size() > 3 && Upper(actor.substr(0, 3)) == "IGO"; }

// Sectors agree unless both sides give one and they differ.
bool SectorsAgree(std::string_view reported_actor, std::string_view gold_actor) {
  std::string a = SectorOfActor(reported_actor), b = SectorOfActor(gold_actor);
  return a.empty() || b.empty() || a == b;
}

// The reported actor is the gold side (country, and sector unless countries only).
bool SideMatches(std::string_view actor, std::string_view gold_country, std::string_view gold_actor, MatchLevel level) {
  std::string country = NormaliseCountry(gold_country.empty() ? CountryOfActor(gold_actor) : gold_country);
  if (country.empty() || CountryOfActor(actor) != country) return false;
  return level == MatchLevel::kCountries || SectorsAgree(actor, gold_actor);
}

bool RootMatches(const std::string& root, const GoldEvent& g) {
  return root == g.root || std::find(g.alt_roots.begin(), g.alt_roots.end(), root) != g.alt_roots.end();
}

}  // namespace

std::string NormaliseCountry(std::string_view code) {
  std::string c = Upper(code);
  if (c == "NATO") return "NAT";
  if (c == "ASEAN") return "ASN";
  if (c == "EU" || c == "EUR") return "EEC";
  return c;
}

std::string CountryOfActor(std::string_view actor) {
  if (IsIgo(actor) && actor.size() >= 6) return NormaliseCountry(actor.substr(actor.size() - 3));
  return NormaliseCountry(actor.substr(0, std::min<size_t>(3, actor.size())));
}

std::string SectorOfActor(std::string_view actor) {
  if (actor.size() < 6 || IsIgo(actor)) return "";
  return Upper(actor.substr(3, 3));
}

bool Matches(const ReportedEvent& r, const GoldEvent& g, MatchLevel level) {
  bool forward = SideMatches(r.source_actor, g.source, g.source_actor, level) &&
                 SideMatches(r.target_actor, g.target, g.target_actor, level);
  bool backward = g.symmetric && SideMatches(r.source_actor, g.target, g.target_actor, level) &&
                  SideMatches(r.target_actor, g.source, g.source_actor, level);
  if (!forward && !backward) return false;
  return level == MatchLevel::kCountries || (RootMatches(r.root, g) && r.negated == g.negated);
}

std::vector<ReportedEvent> Distinct(const std::vector<ReportedEvent>& reported) {
  std::set<std::tuple<std::string, std::string, std::string, bool>> seen;
  std::vector<ReportedEvent> out;
  for (const ReportedEvent& r : reported)
    if (seen.insert({r.source_actor, r.target_actor, r.root, r.negated}).second) out.push_back(r);
  return out;
}

ArticleScore ScoreArticle(const std::vector<GoldEvent>& gold, const std::vector<ReportedEvent>& reported) {
  ArticleScore s;
  const std::vector<ReportedEvent> events = Distinct(reported);
  auto any = [&](const GoldEvent& g, MatchLevel level) {
    return std::any_of(events.begin(), events.end(), [&](const ReportedEvent& r) { return Matches(r, g, level); });
  };
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].optional) continue;
    ++s.core;
    bool found = any(gold[i], MatchLevel::kFull);
    s.core_found += found;
    s.core_pair_found += any(gold[i], MatchLevel::kCountries);
    if (!found) s.missed.push_back(i);
  }
  for (const ReportedEvent& r : events) {
    ++s.reported;
    bool right = std::any_of(gold.begin(), gold.end(), [&](const GoldEvent& g) { return Matches(r, g); });
    s.right += right;
    if (!right) s.wrong.push_back(r);
  }
  return s;
}

void EventTally::Add(const ArticleScore& s) {
  ++articles;
  silent += s.core > 0 && s.reported == 0;
  core += s.core;
  core_found += s.core_found;
  core_pair_found += s.core_pair_found;
  reported += s.reported;
  right += s.right;
}

void EventTally::Add(const EventTally& t) {
  articles += t.articles;
  silent += t.silent;
  core += t.core;
  core_found += t.core_found;
  core_pair_found += t.core_pair_found;
  reported += t.reported;
  right += t.right;
}

}  // namespace warta::eval
