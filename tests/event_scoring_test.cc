// The article-level event scoring of `make eval` (eval/event_scoring.h) on
// events written here: what counts as found, as right, and what is ignored.
#include "eval/event_scoring.h"

#include <gtest/gtest.h>

namespace warta::eval {
namespace {

GoldEvent Gold(std::string source, std::string target, std::string root) {
  GoldEvent g;
  g.source = std::move(source);
  g.target = std::move(target);
  g.root = std::move(root);
  return g;
}

ReportedEvent Reported(std::string source_actor, std::string target_actor, std::string root, bool negated = false) {
  ReportedEvent r;
  r.source_actor = std::move(source_actor);
  r.target_actor = std::move(target_actor);
  r.root = std::move(root);
  r.negated = negated;
  return r;
}

TEST(EventScoring, ActorCountriesAndSectors) {
  EXPECT_EQ(CountryOfActor("IDNGOV"), "IDN");
  EXPECT_EQ(CountryOfActor("USA"), "USA");
  EXPECT_EQ(CountryOfActor("IGOWSTNAT"), "NAT");
  EXPECT_EQ(CountryOfActor("IGOUNO"), "UNO");
  EXPECT_EQ(CountryOfActor("IGOSEAASN"), "ASN");
  EXPECT_EQ(CountryOfActor("IGOEUREEC"), "EEC");
  EXPECT_EQ(NormaliseCountry("NATO"), "NAT");
  EXPECT_EQ(NormaliseCountry("ASEAN"), "ASN");
  EXPECT_EQ(NormaliseCountry("EU"), "EEC");
  EXPECT_EQ(NormaliseCountry("eur"), "EEC");
  EXPECT_EQ(SectorOfActor("IDNCOP"), "COP");
  EXPECT_EQ(SectorOfActor("IDN"), "");
  EXPECT_EQ(SectorOfActor("IGOWSTNAT"), "");
}

TEST(EventScoring, DirectionCountsUnlessSymmetric) {
  GoldEvent g = Gold("IDN", "MYS", "03");
  EXPECT_TRUE(Matches(Reported("IDNGOV", "MYSGOV", "03"), g));
  EXPECT_FALSE(Matches(Reported("MYSGOV", "IDNGOV", "03"), g));
  g.symmetric = true;
  EXPECT_TRUE(Matches(Reported("MYSGOV", "IDNGOV", "03"), g));
}

TEST(EventScoring, SymmetricReversalComparesEachSideWithItsOwnSector) {
  GoldEvent g = Gold("IDN", "IDN", "04");
  g.source_actor = "IDNGOV";
  g.target_actor = "IDNLEG";
  g.symmetric = true;
  EXPECT_TRUE(Matches(Reported("IDNLEG", "IDNGOV", "04"), g));
  EXPECT_FALSE(Matches(Reported("IDNLEG", "IDNLEG", "04"), g));
}

TEST(EventScoring, AlternativeRootsMatchOthersDoNot) {
  GoldEvent g = Gold("IDN", "USA", "02");
  g.alt_roots = {"10"};
  EXPECT_TRUE(Matches(Reported("IDN", "USA", "02"), g));
  EXPECT_TRUE(Matches(Reported("IDN", "USA", "10"), g));
  EXPECT_FALSE(Matches(Reported("IDN", "USA", "11"), g));
  EXPECT_TRUE(Matches(Reported("IDN", "USA", "11"), g, MatchLevel::kCountries));
}

TEST(EventScoring, SectorComparedOnlyWhereBothSidesGiveOne) {
  GoldEvent g = Gold("IDN", "IDN", "17");
  g.source_actor = "IDNJUD";
  g.target_actor = "IDNGOV";
  EXPECT_TRUE(Matches(Reported("IDNJUD", "IDNGOV", "17"), g));
  EXPECT_FALSE(Matches(Reported("IDNCOP", "IDNGOV", "17"), g));
  EXPECT_TRUE(Matches(Reported("IDNCOP", "IDNGOV", "17"), g, MatchLevel::kCountries));
  EXPECT_TRUE(Matches(Reported("IDN", "IDNGOV", "17"), g));  // no sector reported
  g.source_actor = "IDN";                                    // no sector labelled
  EXPECT_TRUE(Matches(Reported("IDNCOP", "IDNGOV", "17"), g));
  EXPECT_FALSE(Matches(Reported("MYSJUD", "IDNGOV", "17"), g));
}

TEST(EventScoring, IgoCodesMatchTheLabelsSpelling) {
  GoldEvent g = Gold("NATO", "RUS", "11");
  g.source_actor = "NATO";
  EXPECT_TRUE(Matches(Reported("IGOWSTNAT", "RUSGOV", "11"), g));
  GoldEvent eu = Gold("EU", "IDN", "04");
  EXPECT_TRUE(Matches(Reported("IGOEUREEC", "IDNGOV", "04"), eu));
  EXPECT_FALSE(Matches(Reported("IGOUNO", "IDNGOV", "04"), eu));
}

TEST(EventScoring, NegationMustAgree) {
  GoldEvent g = Gold("USA", "IRN", "19");
  g.negated = true;
  EXPECT_TRUE(Matches(Reported("USAMIL", "IRN", "19", true), g));
  EXPECT_FALSE(Matches(Reported("USAMIL", "IRN", "19", false), g));
  EXPECT_TRUE(Matches(Reported("USAMIL", "IRN", "19", false), g, MatchLevel::kCountries));
}

TEST(EventScoring, OptionalEventsAreNoMissButCountAsRightReports) {
  GoldEvent core = Gold("IDN", "CHN", "04");
  GoldEvent optional = Gold("CHN", "IDN", "06");
  optional.optional = true;
  ArticleScore none = ScoreArticle({core, optional}, {});
  EXPECT_EQ(none.core, 1u);
  EXPECT_EQ(none.core_found, 0u);
  EXPECT_EQ(none.missed, std::vector<size_t>{0});
  ArticleScore s = ScoreArticle({core, optional}, {Reported("CHNGOV", "IDNGOV", "06")});
  EXPECT_EQ(s.core, 1u);
  EXPECT_EQ(s.core_found, 0u);
  EXPECT_EQ(s.reported, 1u);
  EXPECT_EQ(s.right, 1u);
  EXPECT_TRUE(s.wrong.empty());
}

TEST(EventScoring, DuplicateReportsCollapseToOneEvent) {
  GoldEvent g = Gold("IDN", "CHN", "04");
  ReportedEvent first = Reported("IDNGOV", "CHNGOV", "04");
  first.evidence = "Menteri Luar Negeri";
  ReportedEvent again = Reported("IDNGOV", "CHNGOV", "04");
  again.evidence = "Kemudian";
  ReportedEvent extra = Reported("IDNGOV", "USA", "04");
  std::vector<ReportedEvent> distinct = Distinct({first, again, extra, again});
  ASSERT_EQ(distinct.size(), 2u);
  EXPECT_EQ(distinct[0].evidence, "Menteri Luar Negeri");
  ArticleScore s = ScoreArticle({g}, {first, again, extra, again});
  EXPECT_EQ(s.reported, 2u);
  EXPECT_EQ(s.right, 1u);
  ASSERT_EQ(s.wrong.size(), 1u);
  EXPECT_EQ(s.wrong[0].target_actor, "USA");
  // A negated report of the same act is a distinct event.
  EXPECT_EQ(Distinct({first, Reported("IDNGOV", "CHNGOV", "04", true)}).size(), 2u);
}

TEST(EventScoring, TallySumsArticlesAndCountsSilentOnes) {
  EventTally t;
  t.Add(ScoreArticle({Gold("IDN", "CHN", "04")}, {}));
  t.Add(ScoreArticle({Gold("IDN", "CHN", "04")}, {Reported("IDNGOV", "CHN", "04")}));
  t.Add(ScoreArticle({}, {Reported("IDNGOV", "USA", "01")}));
  EXPECT_EQ(t.articles, 3u);
  EXPECT_EQ(t.silent, 1u);
  EXPECT_EQ(t.core, 2u);
  EXPECT_EQ(t.core_found, 1u);
  EXPECT_EQ(t.core_pair_found, 1u);
  EXPECT_EQ(t.reported, 2u);
  EXPECT_EQ(t.right, 1u);
  EventTally all;
  all.Add(t);
  all.Add(t);
  EXPECT_EQ(all.articles, 6u);
  EXPECT_EQ(all.silent, 2u);
}

}  // namespace
}  // namespace warta::eval
