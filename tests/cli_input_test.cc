// Issue 19: three input problems an analyst found, each test named after the
// finding it guards against, through the real binary (its CLI11 parsing, the
// readers, the analysis and the JSON output).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/run_command.h"
#include "util/strings.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

class CliInput : public testing::TempDirTest {};

std::vector<std::string> OutputLines(const std::string& out) {
  std::vector<std::string> lines;
  for (auto line : Split(out, '\n'))
    if (!line.empty()) lines.emplace_back(line);
  return lines;
}

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string Row(const std::string& published, const std::string& title) {
  return "{\"published\":\"" + published + "\",\"title\":\"" + title + "\",\"text\":\"Jakarta - Isi berita " + title +
         ".\"}\n";
}

}  // namespace

// Finding 1: `--field a=b --field c=d FILE...` took the files for mappings.
TEST_F(CliInput, FieldOptionTakesOneMappingAndLeavesTheInputFiles) {
  std::string a = Write("a.jsonl", "{\"headline\":\"Judul Satu\",\"body\":\"Isi pertama.\"}\n");
  std::string b = Write("b.jsonl", "{\"headline\":\"Judul Dua\",\"body\":\"Isi kedua.\"}\n");
  auto r = testing::RunWarta("analyze --no-entities --field title=headline --field text=body " + a + " " + b);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out << r.err;
  EXPECT_TRUE(Has(lines[0], "\"title\":\"Judul Satu\"")) << lines[0];
  EXPECT_TRUE(Has(lines[0], "\"text\":\"Isi pertama.\"")) << lines[0];
  EXPECT_TRUE(Has(lines[1], "\"title\":\"Judul Dua\"")) << lines[1];
  EXPECT_TRUE(Has(lines[1], "\"text\":\"Isi kedua.\"")) << lines[1];
  // Options after the files, and the KEY=NAME form with '=', read the same.
  r = testing::RunWarta("analyze --no-entities " + a + " --field=title=headline " + b + " --field text=body");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(OutputLines(r.out).size(), 2u) << r.out << r.err;
}

TEST_F(CliInput, FieldOptionOfIngestTakesOneMappingAndLeavesTheInputFiles) {
  std::string a = Write("a.csv", "judul,isi\nJudul Satu,Isi pertama yang cukup panjang.\n");
  std::string b = Write("b.csv", "judul,isi\nJudul Dua,Isi kedua yang juga cukup panjang.\n");
  auto r = testing::RunWarta("ingest --quiet --db " + Path("s.db") + " --field title=judul --field text=isi " + a + " " + b);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.err, "2 records read, 2 added")) << r.err;
}

TEST_F(CliInput, FieldOptionHelpSaysOneMappingPerOccurrence) {
  auto r = testing::RunWarta("analyze --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(Has(r.out, "--field KEY=NAME")) << r.out;
  EXPECT_TRUE(Has(r.out, "publisher")) << r.out;
}

// Finding 2: "9/12/2025" read day first in one row and month first in the next.
TEST_F(CliInput, AmbiguousDateReadsInTheOrderItsInputProvesInEitherRowOrder) {
  for (bool ambiguous_first : {true, false}) {
    std::string rows = ambiguous_first ? Row("9/12/2025", "Satu") + Row("25/12/2025", "Dua")
                                       : Row("25/12/2025", "Dua") + Row("9/12/2025", "Satu");
    auto r = testing::RunWarta("analyze --no-entities " + Write("d.jsonl", rows));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    auto lines = OutputLines(r.out);
    ASSERT_EQ(lines.size(), 2u);
    const std::string& ambiguous = ambiguous_first ? lines[0] : lines[1];
    EXPECT_TRUE(Has(ambiguous, "\"published\":\"2025-12-09\"")) << ambiguous;
  }
  auto r = testing::RunWarta("analyze --no-entities " +
                             Write("m.jsonl", Row("9/12/2025", "Satu") + Row("12/25/2025", "Dua")));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(Has(lines[0], "\"published\":\"2025-09-12\"")) << lines[0];
  EXPECT_TRUE(Has(lines[1], "\"published\":\"2025-12-25\"")) << lines[1];
}

TEST_F(CliInput, AmbiguousDateIgnoresTheBodysOwnDate) {
  // The body's "Jumat (12/9/2025)" used to swap this one row month first.
  std::string row = "{\"published\":\"9/12/2025\",\"title\":\"T\",\"text\":\"Jakarta - Menteri berbicara, Jumat "
                    "(12/9/2025).\"}\n";
  auto r = testing::RunWarta("analyze --no-entities " + Write("b.jsonl", row + Row("9/12/2025", "Dua")));
  auto lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(Has(lines[0], "\"published\":\"2025-12-09\"")) << lines[0];
  EXPECT_TRUE(Has(lines[1], "\"published\":\"2025-12-09\"")) << lines[1];
}

TEST_F(CliInput, DateOrderOptionOverridesWhatTheInputProves) {
  std::string csv = Write("m.csv", "published,title,text\n9/12/2025,Satu,Isi satu.\n12/25/2025,Dua,Isi dua.\n");
  auto r = testing::RunWarta("analyze --no-entities --date-order dmy " + csv);
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning rejects nothing
  auto lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(Has(lines[0], "\"published\":\"2025-12-09\"")) << lines[0];
  EXPECT_TRUE(Has(lines[1], "\"published\":\"2025-12-25\"")) << lines[1];
  EXPECT_TRUE(Has(r.err, csv + ":3: warning: published date '12/25/2025' can only be read month-first")) << r.err;
  r = testing::RunWarta("analyze --no-entities --date-order mdy " +
                        Write("d.jsonl", Row("9/12/2025", "Satu") + Row("3/4/2025", "Dua")));
  lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(Has(lines[0], "\"published\":\"2025-09-12\"")) << lines[0];
  EXPECT_TRUE(Has(lines[1], "\"published\":\"2025-03-04\"")) << lines[1];
  r = testing::RunWarta("analyze --no-entities --date-order ymd " + Write("y.jsonl", Row("25/12/09", "Satu")));
  EXPECT_TRUE(Has(r.out, "\"published\":\"2025-12-09\"")) << r.out << r.err;
  EXPECT_EQ(testing::RunWarta("analyze --date-order ydm " + csv).exit_code, 2);
  auto help = testing::RunWarta("analyze --help");
  EXPECT_TRUE(Has(help.out, "day first when none does")) << help.out;
}

TEST_F(CliInput, ContradictingDatesInOneInputAreReportedWithFileAndLine) {
  std::string path = Write("c.jsonl", Row("9/12/2025", "Satu") + Row("25/12/2025", "Dua") +
                                          Row("12/25/2025", "Tiga") + Row("26/12/2025", "Empat"));
  auto r = testing::RunWarta("analyze --no-entities " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(Has(lines[0], "\"published\":\"2025-12-09\"")) << lines[0];  // the majority: day first
  EXPECT_TRUE(Has(r.err, path + ":3: warning: published date '12/25/2025' can only be read month-first, but the "
                                "ambiguous numeric dates of this input (like 9/12/2025) are read day-first"))
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

// Finding 3: the outlet's name, when the records give it.
TEST_F(CliInput, PublisherFieldIsCarriedToTheOutputOnlyWhenPresent) {
  std::string jsonl = Write("p.jsonl",
                            "{\"url\":\"https://example.com/a\",\"publisher\":\"Kompas\",\"text\":\"Isi satu.\"}\n"
                            "{\"text\":\"Isi dua.\"}\n");
  auto r = testing::RunWarta("analyze --no-entities " + jsonl);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = OutputLines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(Has(lines[0], "\"url\":\"https://example.com/a\",\"publisher\":\"Kompas\",")) << lines[0];
  EXPECT_FALSE(Has(lines[1], "\"publisher\"")) << lines[1];
  std::string csv = Write("p.csv", "isi,nama_media\nIsi satu.,Tempo\n");
  r = testing::RunWarta("analyze --no-entities --field text=isi --field publisher=nama_media " + csv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "\"publisher\":\"Tempo\"")) << r.out;
}

}  // namespace warta
