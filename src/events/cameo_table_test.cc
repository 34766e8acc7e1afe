#include "events/cameo_table.h"

#include <gtest/gtest.h>

#include "analyze/knowledge.h"
#include "tests/test_support.h"

namespace warta {
namespace {

Result<CameoTable> ProjectTable() {
  auto bytes = DirectoryDataReader(testing::SourcePath("data"))("events/cameo_codes.tsv");
  if (!bytes.ok()) return bytes.status();
  return CameoTable::FromTsv(bytes.value(), "data/events/cameo_codes.tsv");
}

TEST(CameoTable, ProjectFileLoadsWithEveryRootAndKnownScores) {
  auto t = ProjectTable();
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_GE(t.value().codes().size(), 300u);
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    EXPECT_NE(t.value().Find(root), nullptr) << root;
  }
  // Facts from the CAMEO Goldstein table, as the examples use them.
  const CameoCode* condolences = t.value().Find("018");
  ASSERT_NE(condolences, nullptr);
  EXPECT_EQ(condolences->quad, 1);
  EXPECT_EQ(t.value().Find("163")->quad, 4);
  EXPECT_DOUBLE_EQ(t.value().Find("163")->goldstein, -8.0);
  EXPECT_DOUBLE_EQ(t.value().Find("190")->goldstein, -10.0);
  // Statements and appeals have no PLOVER category; the others do.
  EXPECT_EQ(t.value().Find("010")->plover, "");
  EXPECT_EQ(t.value().Find("036")->plover, "AGREE");
  EXPECT_EQ(t.value().Find("9999"), nullptr);
}

TEST(CameoTable, RejectsMalformedRowsNamingTheLine) {
  auto bad = CameoTable::FromTsv("01\tstatement\t0.0\t1\t-\t-\n010\tsay\tzero\t1\t-\t-\n", "t.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.tsv:2"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(CameoTable::FromTsv("14\tprotest\t-6.5\t3\tPROTEST\t-\n", "t").ok());   // quad of root 14 is 4
  EXPECT_FALSE(CameoTable::FromTsv("19\tfight\t-11\t4\tASSAULT\t-\n", "t").ok());      // beyond -10
  EXPECT_FALSE(CameoTable::FromTsv("190\tfight\t-10\t4\tASSAULT\t-\n", "t").ok());     // root missing
  EXPECT_FALSE(CameoTable::FromTsv("01\ta\t0\t1\t-\t-\n01\tb\t0\t1\t-\t-\n", "t").ok());  // twice
  EXPECT_EQ(QuadClassOfRoot("05"), 2);
  EXPECT_EQ(QuadClassOfRoot("21"), 0);
}

}  // namespace
}  // namespace warta
