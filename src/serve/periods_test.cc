#include "serve/periods.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "util/days.h"

namespace warta {
namespace {

// The labels are the store's: every day from 2019 to 2028, each period, as SQLite's strftime.
TEST(Periods, LabelsAreThoseOfTheStoresStrftime) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT strftime('%Y-%m-%d', ?1 * 86400, 'unixepoch'), "
                                   "strftime('%Y-W%W', ?1 * 86400, 'unixepoch'), strftime('%Y-%m', ?1 * 86400, 'unixepoch'), "
                                   "strftime('%Y', ?1 * 86400, 'unixepoch')", -1, &st, nullptr), SQLITE_OK);
  for (int32_t d = DaysFromCivil(2019, 1, 1); d < DaysFromCivil(2029, 1, 1); ++d) {
    sqlite3_bind_int64(st, 1, d);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    const char* by[] = {"day", "week", "month", "year"};
    for (int i = 0; i < 4; ++i)
      ASSERT_EQ(PeriodOf(d, by[i]), reinterpret_cast<const char*>(sqlite3_column_text(st, i))) << d << " " << by[i];
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
}

Table Series(std::vector<std::pair<std::string, int>> rows) {
  Table t{{"period", "events", "mean_goldstein"}, {Table::Type::kText, Table::Type::kInt, Table::Type::kReal}, {}, {}};
  for (const auto& [p, n] : rows) t.rows.push_back({p, std::to_string(n), "1.5"});
  return t;
}

std::vector<std::string> Periods(const Table& t) {
  std::vector<std::string> out;
  for (const auto& r : t.rows) out.push_back(r[0].value_or("?"));
  return out;
}

TEST(Periods, EmptyPeriodsAreFilledAsZeros) {
  Table t = Series({{"2021-10", 2}, {"2022-01", 1}});
  FillPeriods(&t, "month", std::nullopt, std::nullopt);
  EXPECT_EQ(Periods(t), (std::vector<std::string>{"2021-10", "2021-11", "2021-12", "2022-01"}));
  EXPECT_EQ(t.rows[1][1], "0");
  EXPECT_EQ(t.rows[1][2], std::nullopt);  // no mean of nothing
  EXPECT_EQ(t.rows[3][1], "1");
  // Bounds widen the range; weeks cross a year.
  Table w = Series({{"2021-W52", 1}});
  FillPeriods(&w, "week", DaysFromIso("2021-12-20"), DaysFromIso("2022-01-10"));
  EXPECT_EQ(Periods(w), (std::vector<std::string>{"2021-W51", "2021-W52", "2022-W00", "2022-W01", "2022-W02"}));
  Table none = Series({});
  FillPeriods(&none, "year", DaysFromIso("2020-05-01"), DaysFromIso("2022-01-01"));
  EXPECT_EQ(Periods(none), (std::vector<std::string>{"2020", "2021", "2022"}));
  // A day series over decades is not filled, and loses nothing.
  Table big = Series({{"1990-01-01", 1}, {"2030-01-01", 1}});
  FillPeriods(&big, "day", std::nullopt, std::nullopt);
  EXPECT_EQ(Periods(big), (std::vector<std::string>{"1990-01-01", "2030-01-01"}));
  // Rows that are no period of `by` are kept, all of them, last.
  Table odd = Series({{"undated", 1}, {"2021-10", 2}, {"later", 3}});
  FillPeriods(&odd, "month", std::nullopt, std::nullopt);
  EXPECT_EQ(Periods(odd), (std::vector<std::string>{"2021-10", "undated", "later"}));
  Table only_odd = Series({{"x", 1}, {"y", 2}});
  FillPeriods(&only_odd, "month", std::nullopt, std::nullopt);
  EXPECT_EQ(Periods(only_odd), (std::vector<std::string>{"x", "y"}));
  // A wide filter over a short series fills the series' own range.
  Table wide = Series({{"2023-03-01", 1}, {"2023-03-03", 2}});
  FillPeriods(&wide, "day", DaysFromIso("0001-01-01"), DaysFromIso("9999-12-31"));
  EXPECT_EQ(Periods(wide), (std::vector<std::string>{"2023-03-01", "2023-03-02", "2023-03-03"}));
  // Rows before `since` (not the store's way, but possible) keep their place.
  Table early = Series({{"2020-01", 1}, {"2021-03", 1}});
  FillPeriods(&early, "month", DaysFromIso("2021-02-01"), DaysFromIso("2021-04-30"));
  EXPECT_EQ(Periods(early), (std::vector<std::string>{"2020-01", "2021-02", "2021-03", "2021-04"}));
}

TEST(Periods, SpikesStandOutOfTheUsualLevel) {
  Table t = Series({{"a", 2}, {"b", 3}, {"c", 2}, {"d", 14}, {"e", 3}, {"f", 0}, {"g", 2}});
  MarkSpikes(&t, "events");
  ASSERT_EQ(t.columns.back(), "spike");
  EXPECT_EQ(t.types.back(), Table::Type::kBool);
  std::vector<std::string> spikes;
  for (const auto& r : t.rows)
    if (r.back() == "1") spikes.push_back(*r[0]);
  EXPECT_EQ(spikes, (std::vector<std::string>{"d"}));
  Table flat = Series({{"a", 5}, {"b", 6}, {"c", 5}});  // a level, however high, is no spike
  MarkSpikes(&flat, "events");
  for (const auto& r : flat.rows) EXPECT_EQ(r.back(), "0");
  Table small = Series({{"a", 0}, {"b", 2}, {"c", 0}});  // two events are no spike
  MarkSpikes(&small, "events");
  for (const auto& r : small.rows) EXPECT_EQ(r.back(), "0");
}

}  // namespace
}  // namespace warta
