// `warta analyze` on bad and unusual input: clear messages naming the file (and
// line), the rest still processed, exit codes 0/1/2, no crash or hang.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "syntax/conllu.h"
#include "tests/compress.h"
#include "tests/run_command.h"
#include "tests/test_support.h"
#include "util/strings.h"

namespace warta {
namespace {

using testing::Gzip;
using testing::Zstd;

namespace fs = std::filesystem;

class Cli : public testing::TempDirTest {};

size_t Lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }


const char kArticle[] = "Judul Berita Uji\nJakarta - Menteri Luar Negeri bertemu mitranya, Senin (3/3/2025).\n";

}  // namespace

TEST_F(Cli, BadFilesAreReportedAndTheRestIsProcessed) {
  std::string good = Write("a-good.txt", kArticle);
  std::string binary = Write("b-binary.txt", std::string("\x7F" "ELF\x02\x01\0\0\0\0", 10) + std::string(1000, '\0'));
  std::string empty = Write("c-empty.txt", "");
  std::string jsonl = Write("d.jsonl", "{\"id\":\"1\",\"text\":\"Satu dua tiga.\"}\n{oops\n{\"id\":\"3\",\"text\":\"Tiga.\"}\n");
  std::string csv = Write("e.csv", "id,title,text\n1,T,Isi satu.\n2,T\n3,T,Isi tiga.\n");
  std::string gz = Gzip(std::string(kArticle) + std::string(200000, 'x'));
  std::string gz_cut = Write("f.txt.gz", gz.substr(0, gz.size() / 2));
  std::string zs = Zstd(std::string(kArticle) + std::string(200000, 'y'));
  std::string zs_cut = Write("g.txt.zst", zs.substr(0, zs.size() / 2));
  std::string missing = Path("h-missing.txt");
  auto r = testing::RunWarta("analyze " + good + " " + binary + " " + empty + " " + jsonl + " " + csv + " " + gz_cut +
                             " " + zs_cut + " " + missing);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Lines(r.out), 5u) << r.out;  // good.txt, 2 JSONL records, 2 CSV rows
  EXPECT_NE(r.err.find(binary + ": binary file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(empty + ": empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(jsonl + ":2: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(csv + ":3: CSV row has 2 fields"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(gz_cut), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("gzip stream is truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("zstd stream is truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing + ": cannot open"), std::string::npos) << r.err;
}

TEST_F(Cli, CompressedInputIsReadTransparently) {
  std::string jsonl = "{\"id\":\"a\",\"text\":\"Isi pertama yang panjang.\"}\n{\"id\":\"b\",\"text\":\"Isi kedua.\"}\n";
  Write("x.jsonl.gz", Gzip(jsonl));
  Write("y.jsonl.zst", Zstd(jsonl));
  auto r = testing::RunWarta("analyze " + Path("x.jsonl.gz") + " " + Path("y.jsonl.zst"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 4u);
  EXPECT_NE(r.out.find("\"id\":\"b\""), std::string::npos);
}

TEST_F(Cli, HugeSingleLineDoesNotCrashOrHang) {
  std::string line;
  line.reserve(50u << 20);
  while (line.size() < (50u << 20)) line += "kata yang sangat panjang tanpa akhir ";
  Write("huge.txt", "Judul\n" + line + "\n");
  Write("after.txt", kArticle);
  auto r = testing::RunWarta("analyze " + Path("huge.txt") + " " + Path("after.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 2u);
  auto small = testing::RunWarta("analyze --max-record-mb 1 " + Path("huge.txt") + " " + Path("after.txt"));
  EXPECT_EQ(small.exit_code, 1);
  EXPECT_EQ(Lines(small.out), 1u);
  EXPECT_NE(small.err.find("huge.txt: file exceeds the record size limit"), std::string::npos) << small.err;
}

TEST_F(Cli, InvalidUtf8IsReplacedCountedAndWarned) {
  Write("bad.txt", "Judul\nIsi dengan byte \xFF\xFE rusak.\n");
  auto r = testing::RunWarta("analyze " + Path("bad.txt"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"invalid_utf8\":2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("byte \xEF\xBF\xBD\xEF\xBF\xBD rusak"), std::string::npos);
  EXPECT_NE(r.err.find("bad.txt: 2 invalid UTF-8"), std::string::npos) << r.err;
}

TEST_F(Cli, DirectoriesAreWalkedRecursivelyInSortedOrder) {
  fs::create_directories(dir_ / "d" / "sub");
  Write("d/b.txt", "Bravo Judul\nIsi bravo.\n");
  Write("d/a.txt", "Alfa Judul\nIsi alfa.\n");
  Write("d/sub/c.txt", "Charlie Judul\nIsi charlie.\n");
  Write("d/ignored.png", "\x89PNG");
  auto r = testing::RunWarta("analyze " + Path("d"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto a = r.out.find("Alfa"), b = r.out.find("Bravo"), c = r.out.find("Charlie");
  ASSERT_NE(c, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(Lines(r.out), 3u);
}

TEST_F(Cli, StdinAsTextOrJsonLines) {
  std::string txt = Write("in.txt", kArticle);
  auto r = testing::RunWarta("analyze -", txt);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"source\":\"-\""), std::string::npos);
  EXPECT_NE(r.out.find("\"title\":\"Judul Berita Uji\""), std::string::npos);
  std::string jl = Write("in.jsonl", "  {\"id\":\"s1\",\"text\":\"Dari stdin.\"}\n");
  r = testing::RunWarta("analyze -", jl);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"id\":\"s1\""), std::string::npos) << r.out;
}

TEST_F(Cli, FieldMappingForDetikStyleCsv) {
  std::string csv = Write("detik.csv",
                          "id,judul,tautan,tanggal,isi_berita\n"
                          "9,\"Judul, Dengan Koma\",https://example.com/a,10/21/2025 20:43,\"Jakarta - Isi.\n"
                          "SCROLL TO CONTINUE WITH CONTENT\n\"\"Kutipan,\"\" ujar dia.\"\n");
  auto r = testing::RunWarta("analyze --format csv --field title=judul --field text=isi_berita --field url=tautan "
                             "--field published=tanggal " + csv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\":\"9\""), std::string::npos);
  EXPECT_NE(r.out.find("\"title\":\"Judul, Dengan Koma\""), std::string::npos);
  EXPECT_NE(r.out.find("\"url\":\"https://example.com/a\""), std::string::npos);
  EXPECT_NE(r.out.find("\"published\":\"2025-10-21T20:43:00+07:00\""), std::string::npos);
  EXPECT_NE(r.out.find("\"text\":\"Isi.\\n\\n\\\"Kutipan,\\\" ujar dia.\""), std::string::npos) << r.out;
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(testing::RunWarta("analyze --format xml x").exit_code, 2);
  auto r = testing::RunWarta("analyze --field nope=x " + Write("a.txt", kArticle));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown key 'nope'"), std::string::npos);
  EXPECT_EQ(testing::RunWarta("analyze --tz 7 " + Path("a.txt")).exit_code, 2);
  EXPECT_EQ(testing::RunWarta("").exit_code, 2);
  EXPECT_EQ(testing::RunWarta("analyze --help").exit_code, 0);
}

}  // namespace warta

namespace warta {
namespace {

TEST(CliEntities, NoEntitiesSkipsTheStage) {
  std::string file = testing::SourcePath("examples/entities/id-2021-metonyms.txt");
  auto with = testing::RunWarta("analyze " + file);
  auto without = testing::RunWarta("analyze --no-entities " + file);
  ASSERT_EQ(with.exit_code, 0) << with.err;
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_NE(with.out.find("\"kb\":\"country/CHN\""), std::string::npos);
  EXPECT_NE(without.out.find("\"entities\":[]"), std::string::npos);
  EXPECT_EQ(without.out.find("\"kb\":"), std::string::npos);
  // Quotes need the speakers: skipped too.
  EXPECT_NE(with.out.find("\"kind\":\"direct\""), std::string::npos);
  EXPECT_NE(without.out.find("\"quotes\":[]"), std::string::npos);
}

TEST(CliQuotes, NoQuotesSkipsOnlyTheQuoteStage) {
  std::string file = testing::SourcePath("examples/quotes/id-china-rusia-quotes.txt");
  auto with = testing::RunWarta("analyze " + file);
  auto without = testing::RunWarta("analyze --no-quotes " + file);
  ASSERT_EQ(with.exit_code, 0) << with.err;
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_NE(with.out.find("\"speaker\":\"Liu Pengyu\""), std::string::npos);
  EXPECT_NE(with.out.find("\"cue\":\"tuturnya\""), std::string::npos);
  EXPECT_NE(without.out.find("\"quotes\":[]"), std::string::npos);
  EXPECT_NE(without.out.find("\"kb\":\"country/CHN\""), std::string::npos);  // entities still there
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// A single 8 MB "sentence" dense with names (hostile input, or a page with no
// full stops): the entity stage reads it in pieces and finishes; before, its
// per-sentence steps grew with the square of the length. (ctest's TIMEOUT
// fails this test if that comes back.)
TEST(CliEntities, HugeLineOfNamesFinishes) {
  std::string line;
  while (line.size() < (8u << 20)) line += "Indonesia dan Presiden Joko Widodo bertemu Liu Pengyu di Jakarta ";
  std::string path = ::testing::TempDir() + "warta_names_" + std::to_string(::getpid()) + ".txt";
  testing::WriteFile(path, "Judul\n" + line + "\n");
  auto r = testing::RunWarta("analyze " + path);
  std::remove(path.c_str());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"kb\":\"person/joko_widodo\""), std::string::npos);
}

}  // namespace
}  // namespace warta

namespace warta {

TEST_F(Cli, ParseWritesCoNLLUWithSpansIntoTheText) {
  std::string text = "Presiden menandatangani perjanjian itu.\n\nPerjanjian itu ditandatangani kemarin.";
  std::string file = Write("p.txt", text);
  auto r = testing::RunWarta("parse " + file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ConlluFile f = ParseConllu(r.out);
  EXPECT_TRUE(f.errors.empty());
  ASSERT_EQ(f.sentences.size(), 2u) << r.out;
  EXPECT_EQ(f.sentences[0].Comment("text"), "Presiden menandatangani perjanjian itu.");
  EXPECT_NE(f.sentences[0].Comment("sent_id"), "");
  for (const ConlluSentence& s : f.sentences) {
    int roots = 0;
    for (const ConlluRow* w : s.Words()) {
      roots += w->head == 0;
      EXPECT_NE(w->fields[3], "_");
      EXPECT_NE(w->fields[7], "_");
      // MISC start=..|end=.. index the text as read.
      size_t start = 0, end = 0;
      ASSERT_EQ(std::sscanf(w->fields[9].c_str(), "start=%zu|end=%zu", &start, &end), 2) << w->fields[9];
      EXPECT_EQ(text.substr(start, end - start), w->fields[1]);
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST_F(Cli, ParseReannotatesCoNLLUKeepingIdsFormsAndRanges) {
  std::string in =
      "# sent_id = a\n# text = Rumahnya dibakar.\n"
      "1-2\tRumahnya\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tRumah\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tnya\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tdibakar\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
      "1\tbroken\t_\t_\t_\t_\t_\t_\t_\n\n";
  std::string file = Write("in.conllu", in);
  auto r = testing::RunWarta("parse --input-format conllu --lang id " + file);
  EXPECT_EQ(r.exit_code, 1);  // the broken sentence is reported and skipped
  EXPECT_NE(r.err.find(file + ":9:"), std::string::npos) << r.err;
  ConlluFile out = ParseConllu(r.out);
  ASSERT_EQ(out.sentences.size(), 1u) << r.out;
  const ConlluSentence& s = out.sentences[0];
  EXPECT_EQ(s.comments, (std::vector<std::string>{"# sent_id = a", "# text = Rumahnya dibakar."}));
  ASSERT_EQ(s.rows.size(), 5u);
  const char* ids[] = {"1-2", "1", "2", "3", "4"};
  const char* forms[] = {"Rumahnya", "Rumah", "nya", "dibakar", "."};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(s.rows[i].fields[0], ids[i]);
    EXPECT_EQ(s.rows[i].fields[1], forms[i]);
  }
  EXPECT_EQ(s.rows[0].fields[3], "_");  // the range line as given
  EXPECT_EQ(s.rows[4].fields[9], "_");
  EXPECT_EQ(s.rows[3].fields[9], "SpaceAfter=No");
  EXPECT_EQ(s.rows[3].fields[6], "0");     // dibakar is the root
  EXPECT_EQ(s.rows[1].fields[6], "3");     // Rumah hangs from it
  EXPECT_EQ(s.rows[2].fields[3], "PRON");  // nya, restored from what the treebanks hid in tokens
  EXPECT_EQ(s.rows[2].fields[6], "1");     // attached to its host, Rumah
  // A .conllu file is read as CoNLL-U without --input-format.
  auto by_name = testing::RunWarta("parse " + file);
  EXPECT_EQ(by_name.out, r.out);
  EXPECT_EQ(by_name.exit_code, 1);
}

}  // namespace warta
