// Issue 19, finding 2: an ambiguous numeric date ("9/12/2025") was read day
// first in one row and month first in the next. One order per input now,
// inferred from its unambiguous rows by a bounded look-ahead or given by
// --date-order (ReaderOptions::date_order).
#include "input/date_order.h"

#include <gtest/gtest.h>

#include "input/byte_source.h"
#include "input/input_set.h"

namespace warta {
namespace {

struct Read {
  std::vector<Record> records;
  std::vector<Diagnostic> diagnostics;
};

Read ReadJsonl(const std::string& bytes, std::optional<DateOrder> forced = std::nullopt) {
  auto reader = NewDateOrderReader(NewReader(Format::kJsonl, MemorySource(bytes), "in.jsonl", {}), forced);
  Read out;
  Record r;
  DiagnosticSink report = [&out](Diagnostic d) { out.diagnostics.push_back(std::move(d)); };
  while (reader->Next(&r, report)) out.records.push_back(r);
  return out;
}

std::string Row(const std::string& published, const std::string& text = "Isi.") {
  return "{\"published\":\"" + published + "\",\"text\":\"" + text + "\"}\n";
}

std::vector<std::optional<DateOrder>> Orders(const Read& read) {
  std::vector<std::optional<DateOrder>> out;
  for (const Record& r : read.records) out.push_back(r.date_order);
  return out;
}

}  // namespace

TEST(InputDateOrder, WhatOneFieldProves) {
  EXPECT_EQ(ProvenDateOrder("25/12/2025"), DateOrder::kDayFirst);
  EXPECT_EQ(ProvenDateOrder("12/25/2025 20:43"), DateOrder::kMonthFirst);
  EXPECT_EQ(ProvenDateOrder("Kamis, 25.12.2025 pukul 10.00 WIB"), DateOrder::kDayFirst);
  EXPECT_EQ(ProvenDateOrder("12-25-2025"), DateOrder::kMonthFirst);
  EXPECT_EQ(ProvenDateOrder("25/12/25"), DateOrder::kDayFirst);
  EXPECT_EQ(ProvenDateOrder("9/12/2025"), std::nullopt);   // ambiguous
  EXPECT_EQ(ProvenDateOrder("12/12/2025"), std::nullopt);  // the same either way
  EXPECT_EQ(ProvenDateOrder("30/02/2025"), std::nullopt);  // no date either way
  EXPECT_EQ(ProvenDateOrder("2025-12-25T10:00:00+07:00"), std::nullopt);
  EXPECT_EQ(ProvenDateOrder("25 Desember 2025"), std::nullopt);
  EXPECT_EQ(ProvenDateOrder("A25/12/2025"), std::nullopt);  // part of a word
  EXPECT_EQ(ProvenDateOrder("25.12.25"), std::nullopt);     // a time, not a date
  EXPECT_EQ(ProvenDateOrder(""), std::nullopt);
}

TEST(InputDateOrder, AmbiguousRowReadsAsTheUnambiguousRowOfItsInputInEitherOrder) {
  for (bool ambiguous_first : {true, false}) {
    std::string a = Row("9/12/2025"), b = Row("25/12/2025");
    Read read = ReadJsonl(ambiguous_first ? a + b : b + a);
    ASSERT_EQ(read.records.size(), 2u);
    EXPECT_EQ(Orders(read), (std::vector<std::optional<DateOrder>>{DateOrder::kDayFirst, DateOrder::kDayFirst}));
    EXPECT_TRUE(read.diagnostics.empty());
  }
  Read month = ReadJsonl(Row("9/12/2025") + Row("12/25/2025"));
  EXPECT_EQ(Orders(month), (std::vector<std::optional<DateOrder>>{DateOrder::kMonthFirst, DateOrder::kMonthFirst}));
  EXPECT_TRUE(month.diagnostics.empty());
}

TEST(InputDateOrder, NothingProvenReadsDayFirst) {
  Read read = ReadJsonl(Row("9/12/2025") + Row("3/4/2025") + "{\"text\":\"Tanpa tanggal.\"}\n");
  ASSERT_EQ(read.records.size(), 3u);
  for (const Record& r : read.records) EXPECT_EQ(r.date_order, DateOrder::kDayFirst);
  EXPECT_TRUE(read.diagnostics.empty());
}

TEST(InputDateOrder, ForcedOrderOverridesWhatTheInputProves) {
  Read read = ReadJsonl(Row("9/12/2025") + Row("12/25/2025"), DateOrder::kDayFirst);
  for (const Record& r : read.records) EXPECT_EQ(r.date_order, DateOrder::kDayFirst);
  ASSERT_EQ(read.diagnostics.size(), 1u);  // the input says otherwise: a warning, nothing skipped
  EXPECT_TRUE(read.diagnostics[0].warning);
  EXPECT_EQ(read.diagnostics[0].line, 2u);
  EXPECT_NE(read.diagnostics[0].message.find("--date-order dmy"), std::string::npos);
  Read ymd = ReadJsonl(Row("25/12/09"), DateOrder::kYearFirst);
  EXPECT_EQ(ymd.records.at(0).date_order, DateOrder::kYearFirst);
  EXPECT_TRUE(ymd.diagnostics.empty());
}

TEST(InputDateOrder, ContradictingRowsAreReportedOnceWithFileAndLineAndTheMajorityKept) {
  // Day first proven three times (lines 2, 4, 5), month first once (line 3): day first wins.
  std::string bytes = Row("9/12/2025") + Row("25/12/2025") + Row("12/25/2025") + Row("31/1/2025") + Row("13/1/2025");
  Read read = ReadJsonl(bytes);
  ASSERT_EQ(read.records.size(), 5u);
  for (const Record& r : read.records) EXPECT_EQ(r.date_order, DateOrder::kDayFirst);
  ASSERT_EQ(read.diagnostics.size(), 1u);
  const Diagnostic& d = read.diagnostics[0];
  EXPECT_TRUE(d.warning);
  EXPECT_EQ(d.source, "in.jsonl");
  EXPECT_EQ(d.line, 3u);  // the first contradicting row
  EXPECT_NE(d.message.find("'12/25/2025' can only be read month-first"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("read day-first"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("(3 day-first, 1 month-first)"), std::string::npos) << d.message;
}

TEST(InputDateOrder, ContradictingTieKeepsTheFirstProvenOrder) {
  Read read = ReadJsonl(Row("9/12/2025") + Row("12/25/2025") + Row("25/12/2025"));
  for (const Record& r : read.records) EXPECT_EQ(r.date_order, DateOrder::kMonthFirst);
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].line, 3u);
  EXPECT_NE(read.diagnostics[0].message.find("can only be read day-first"), std::string::npos);
  EXPECT_NE(read.diagnostics[0].message.find("the order proven first (line 2)"), std::string::npos)
      << read.diagnostics[0].message;
}

TEST(InputDateOrder, LookAheadIsBoundedAndAProofAfterItIsReportedNotApplied) {
  // The window is the first kDateOrderLookAheadRecords records; a proof after
  // it cannot change records already handed on, so the order stays and the
  // contradiction is reported where it is.
  std::string bytes;
  for (size_t i = 0; i < kDateOrderLookAheadRecords; ++i) bytes += Row("9/12/2025");
  bytes += Row("12/25/2025");
  auto reader = NewDateOrderReader(NewReader(Format::kJsonl, MemorySource(bytes), "big.jsonl", {}), std::nullopt);
  std::vector<Diagnostic> diags;
  DiagnosticSink report = [&diags](Diagnostic d) { diags.push_back(std::move(d)); };
  Record r;
  size_t n = 0;
  while (reader->Next(&r, report)) {
    EXPECT_EQ(r.date_order, DateOrder::kDayFirst);
    ++n;
  }
  EXPECT_EQ(n, kDateOrderLookAheadRecords + 1);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].line, kDateOrderLookAheadRecords + 1);
  EXPECT_NE(diags[0].message.find("none of the input's first 1000 records proves an order"), std::string::npos)
      << diags[0].message;
}

TEST(InputDateOrder, LookAheadStopsAtItsByteBound) {
  // Records of 1 MiB: the window holds about 16 of them, not 1000.
  std::string body(1 << 20, 'x');
  std::string bytes;
  for (int i = 0; i < 40; ++i) bytes += Row(i == 30 ? "12/25/2025" : "9/12/2025", body);
  Read read = ReadJsonl(bytes);
  ASSERT_EQ(read.records.size(), 40u);
  EXPECT_EQ(read.records[0].date_order, DateOrder::kDayFirst);  // row 31 lay beyond the window
  ASSERT_EQ(read.diagnostics.size(), 1u);
  EXPECT_EQ(read.diagnostics[0].line, 31u);
}

TEST(InputDateOrder, EachInputOfAnInputSetHasItsOwnOrder) {
  std::string dir = ::testing::TempDir();
  std::string a = dir + "/warta_order_a.csv", b = dir + "/warta_order_b.jsonl";
  {
    FILE* f = std::fopen(a.c_str(), "wb");
    std::fputs("published,text\n9/12/2025,Satu.\n12/25/2025,Dua.\n", f);
    std::fclose(f);
    f = std::fopen(b.c_str(), "wb");
    std::fputs((Row("9/12/2025") + Row("25/12/2025")).c_str(), f);
    std::fclose(f);
  }
  InputSet inputs({a, b}, Format::kAuto, {});
  std::vector<Diagnostic> diags;
  std::vector<std::optional<DateOrder>> orders;
  Record r;
  while (inputs.Next(&r, &diags)) orders.push_back(r.date_order);
  EXPECT_EQ(orders, (std::vector<std::optional<DateOrder>>{DateOrder::kMonthFirst, DateOrder::kMonthFirst,
                                                           DateOrder::kDayFirst, DateOrder::kDayFirst}));
  EXPECT_TRUE(diags.empty());
  ReaderOptions forced;
  forced.date_order = DateOrder::kMonthFirst;
  InputSet forced_inputs({b}, Format::kAuto, forced);
  while (forced_inputs.Next(&r, &diags)) EXPECT_EQ(r.date_order, DateOrder::kMonthFirst);
  std::remove(a.c_str());
  std::remove(b.c_str());
}

}  // namespace warta
