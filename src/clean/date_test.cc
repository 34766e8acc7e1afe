#include "clean/date.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace warta {
namespace {

std::string Iso(std::string_view text, DateOrder order = DateOrder::kDayFirst) {
  auto m = FindDate(text, testing::TestKnowledge().calendar, order);
  return m ? ToIso8601(m->value, 7 * 60) : "none";
}

}  // namespace

TEST(Date, IndonesianBylineWithWib) {
  EXPECT_EQ(Iso("By Tatik Ariyani, Selasa, 7 Desember 2021 | 14:12 WIB"), "2021-12-07T14:12:00+07:00");
}

TEST(Date, WitaAndWitOffsetsAndDottedTimes) {
  EXPECT_EQ(Iso("Jumat, 24 Okt 2025 09:15 WITA"), "2025-10-24T09:15:00+08:00");
  EXPECT_EQ(Iso("Senin 3 Maret 2025, 08.30 WIT"), "2025-03-03T08:30:00+09:00");
  EXPECT_EQ(Iso("Kamis, 23 Oktober 2025 pukul 10.15 WIB"), "2025-10-23T10:15:00+07:00");
}

TEST(Date, NumericDatesInParenthesesAreDayFirst) {
  EXPECT_EQ(Iso("ujar Prabowo dalam keterangannya, Selasa (21/10/2025)."), "2025-10-21");
  EXPECT_EQ(Iso("Rabu (01/10/2025)"), "2025-10-01");
}

TEST(Date, MonthFirstWhenTheDayCannotBeAMonth) {
  EXPECT_EQ(Iso("10/21/2025 20:43"), "2025-10-21T20:43:00+07:00");
  EXPECT_EQ(Iso("10/09/2025 20:43", DateOrder::kMonthFirst), "2025-10-09T20:43:00+07:00");
  auto m = FindDate("10/09/2025", testing::TestKnowledge().calendar, DateOrder::kDayFirst);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->ambiguous);
}

TEST(Date, FieldDateOrderAppliesToAmbiguousDatesOnly) {
  const Calendar& cal = testing::TestKnowledge().calendar;
  auto iso = [&](std::string_view text, DateOrder order) {
    auto m = ParseDate(text, cal, order);
    return m ? ToIso8601(m->value, 7 * 60) : "none";
  };
  EXPECT_EQ(iso("9/12/2025", DateOrder::kDayFirst), "2025-12-09");
  EXPECT_EQ(iso("9/12/2025", DateOrder::kMonthFirst), "2025-09-12");
  EXPECT_EQ(iso("25/12/2025", DateOrder::kMonthFirst), "2025-12-25");  // proven by itself
  EXPECT_EQ(iso("12/25/2025", DateOrder::kDayFirst), "2025-12-25");
  // ymd governs two-digit years; a four-digit year last reads day first.
  EXPECT_EQ(iso("25/12/09", DateOrder::kYearFirst), "2025-12-09");
  EXPECT_EQ(iso("9/12/2025", DateOrder::kYearFirst), "2025-12-09");
  EXPECT_EQ(iso("25/12/09", DateOrder::kDayFirst), "2009-12-25");
  EXPECT_EQ(iso("9/12/25 10:30", DateOrder::kMonthFirst), "2025-09-12T10:30:00+07:00");
  EXPECT_EQ(iso("1/2/99", DateOrder::kDayFirst), "1999-02-01");
  // A year written first always reads year, month, day.
  EXPECT_EQ(iso("2025/12/09", DateOrder::kMonthFirst), "2025-12-09");
  EXPECT_EQ(iso("2025.12.09 08:00", DateOrder::kDayFirst), "2025-12-09T08:00:00+07:00");
  // Dots write times, not two-digit years; body text keeps four-digit years.
  EXPECT_EQ(iso("10.30.45", DateOrder::kMonthFirst), "none");
  EXPECT_EQ(Iso("pada 9/12/25 lalu"), "none");
}

TEST(Date, EnglishFormats) {
  EXPECT_EQ(Iso("March 3, 2025 10:15 AM EST"), "2025-03-03T10:15:00-05:00");
  EXPECT_EQ(Iso("Published: 12 May 2024 14:00 GMT"), "2024-05-12T14:00:00+00:00");
  EXPECT_EQ(Iso("Updated Jan. 5, 2024 at 3:07 p.m. ET"), "2024-01-05T15:07:00-05:00");
  EXPECT_EQ(Iso("Dec 25th, 2023"), "2023-12-25");
}

TEST(Date, Iso8601WithZoneOrOffset) {
  EXPECT_EQ(Iso("2024-05-12T14:00:00Z"), "2024-05-12T14:00:00+00:00");
  EXPECT_EQ(Iso("2024-05-12 14:00:30+08:00"), "2024-05-12T14:00:30+08:00");
  EXPECT_EQ(Iso("2024-05-12T14:00:00.123-0330"), "2024-05-12T14:00:00-03:30");
}

TEST(Date, RejectsImpossibleDatesAndNonDates) {
  EXPECT_EQ(Iso("31 Februari 2025"), "none");
  EXPECT_EQ(Iso("harga naik 5 persen pada 2025"), "none");
  EXPECT_EQ(Iso("32/13/2025"), "none");
  EXPECT_EQ(Iso("25:99"), "none");
}

TEST(Date, TimeWithoutZoneTakesTheDefaultOffset) {
  auto m = ParseDate("7 Desember 2021 14:12", testing::TestKnowledge().calendar, DateOrder::kDayFirst);
  ASSERT_TRUE(m);
  EXPECT_EQ(ToIso8601(m->value, -300), "2021-12-07T14:12:00-05:00");
}

TEST(Date, UtcOffsetParsing) {
  EXPECT_EQ(ParseUtcOffset("+07:00"), 420);
  EXPECT_EQ(ParseUtcOffset("-0530"), -330);
  EXPECT_EQ(ParseUtcOffset("Z"), 0);
  EXPECT_FALSE(ParseUtcOffset("7"));
  EXPECT_FALSE(ParseUtcOffset("+25:00"));
}

}  // namespace warta
