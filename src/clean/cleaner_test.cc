#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

#include <unordered_set>

namespace warta {
namespace {

CleanResult CleanText(std::string_view text, RecordMeta meta = {}, CleanOptions options = {}) {
  const auto& k = testing::TestKnowledge();
  CleanerData data{&k.boilerplate, &k.calendar, &k.bylines};
  return Clean(text, meta, data, options);
}

std::vector<std::string> Kinds(const CleanResult& r) {
  std::vector<std::string> out;
  for (const auto& x : r.removed) out.push_back(x.kind);
  return out;
}

}  // namespace

TEST(Cleaner, TitleBylineDatelineBoilerplateEditor) {
  std::string text =
      "Indonesia dan Malaysia Sepakati Patroli Bersama\n"
      "By Tatik Ariyani, Selasa, 7 Desember 2021 | 14:12 WIB\n"
      "JAKARTA, KOMPAS.com - Kedua negara sepakat menggelar patroli.\n"
      "SCROLL TO CONTINUE WITH CONTENT\n"
      "\"Kami siap,\" kata Menteri Pertahanan. (ian)\n";
  CleanResult r = CleanText(text);
  EXPECT_EQ(r.title, "Indonesia dan Malaysia Sepakati Patroli Bersama");
  EXPECT_EQ(r.authors, std::vector<std::string>{"Tatik Ariyani"});
  EXPECT_EQ(r.published, "2021-12-07T14:12:00+07:00");
  EXPECT_EQ(r.dateline, "Jakarta");
  EXPECT_EQ(r.editor, "ian");
  EXPECT_EQ(r.text, "Kedua negara sepakat menggelar patroli.\n\n\"Kami siap,\" kata Menteri Pertahanan.");
  EXPECT_EQ(Kinds(r), (std::vector<std::string>{"title", "byline", "dateline", "boilerplate", "editor"}));
  for (const auto& x : r.removed) EXPECT_LT(x.span.start, x.span.end);
  EXPECT_EQ(text.substr(r.removed[4].span.start, r.removed[4].span.end - r.removed[4].span.start), "(ian)");
}

TEST(Cleaner, RepeatedParagraphsAreRemovedFirstKept) {
  std::string p1 = "Paragraf pertama tentang kerja sama energi.";
  std::string p2 = "Paragraf kedua menyebut pipa gas baru.";
  std::string text = "Judul Berita\n" + p1 + "\n" + p2 + "\n" + p1 + "  \n" + p2 + "\nPenutup artikel ini singkat.";
  CleanResult r = CleanText(text);
  EXPECT_EQ(r.text, p1 + "\n\n" + p2 + "\n\nPenutup artikel ini singkat.");
  ASSERT_EQ(r.removed.size(), 3u);
  EXPECT_EQ(r.removed[1].kind, "duplicate");
  EXPECT_EQ(r.removed[2].kind, "duplicate");
  EXPECT_EQ(r.paragraphs.size(), 3u);
}

TEST(Cleaner, ShortRepeatsAreKept) {
  CleanResult r = CleanText("Judul\nYa.\nTeks satu yang cukup panjang.\nYa.");
  EXPECT_EQ(r.paragraphs.size(), 3u);
}

TEST(Cleaner, TitleFieldEvenEmptyStopsTitleGuessing) {
  RecordMeta meta;
  meta.title = "";
  CleanResult r = CleanText("Baris Pertama Tanpa Titik\nIsi berita di sini.", meta);
  EXPECT_EQ(r.title, "");
  EXPECT_EQ(r.paragraphs.size(), 2u);
  meta.title = "Judul Dari Field";
  r = CleanText("Judul dari field\nIsi berita di sini.", meta);
  EXPECT_EQ(r.title, "Judul Dari Field");
  EXPECT_EQ(r.text, "Isi berita di sini.");
  ASSERT_EQ(r.removed.size(), 1u);
  EXPECT_EQ(r.removed[0].kind, "title");
}

TEST(Cleaner, AmbiguousFieldDateReadsInItsInputsOrderNotByTheBody) {
  // Issue 19: the body's weekday-anchored date used to swap one record's
  // ambiguous field month-first while the next row stayed day-first. The
  // field now reads in its input's order (RecordMeta::date_order, one per
  // input), else day first, whatever the body says.
  RecordMeta meta;
  meta.title = "T";
  meta.published = "10/09/2025 20:43";
  CleanResult r = CleanText("Jakarta - Menteri berbicara, Kamis (9/10/2025).", meta);
  EXPECT_EQ(r.published, "2025-09-10T20:43:00+07:00");
  meta.date_order = DateOrder::kMonthFirst;  // the input proved month first
  r = CleanText("Jakarta - Menteri berbicara.", meta);
  EXPECT_EQ(r.published, "2025-10-09T20:43:00+07:00");
  meta.published = "10/21/2025 20:43";  // unambiguous: read right in any order
  meta.date_order = DateOrder::kDayFirst;
  r = CleanText("Jakarta - Menteri berbicara.", meta);
  EXPECT_EQ(r.published, "2025-10-21T20:43:00+07:00");
  CleanOptions o;  // --date-order overrides the input's order
  o.field_date_order = DateOrder::kDayFirst;
  meta.published = "10/09/2025 20:43";
  meta.date_order = DateOrder::kMonthFirst;
  r = CleanText("Menteri berbicara, Kamis (9/10/2025).", meta, o);
  EXPECT_EQ(r.published, "2025-09-10T20:43:00+07:00");
}

TEST(Cleaner, BodyDateIsTheFallbackAndOnlyWithAWeekday) {
  RecordMeta meta;
  meta.title = "T";
  EXPECT_EQ(CleanText("Menteri berbicara di Jakarta, Kamis (23/10/2025).", meta).published, "2025-10-23");
  EXPECT_EQ(CleanText("Pada 17 Agustus 1945 Indonesia merdeka.", meta).published, std::nullopt);
}

TEST(Cleaner, EveryNonSpaceByteIsKeptOrReported) {
  std::string text =
      "Judul\n\nA\nBaca juga: Lain\nIsi.\nIsi yang diulang tiga kata.\nIsi yang diulang tiga kata.\n"
      "Baris yang dibungkus\r\nberlanjut di sini.\n(ian)";
  CleanResult r = CleanText(text);
  std::string covered(text.size(), ' ');
  for (const auto& p : r.paragraphs)
    for (size_t i = p.start; i < p.end; ++i) covered[i] = 'k';
  for (const auto& x : r.removed)
    for (size_t i = x.span.start; i < x.span.end; ++i) {
      EXPECT_EQ(covered[i], ' ') << "overlap at " << i;
      covered[i] = 'r';
    }
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r') EXPECT_NE(covered[i], ' ') << "lost byte " << i;
  EXPECT_NE(r.text.find("Baris yang dibungkus berlanjut di sini."), std::string::npos) << r.text;
}

TEST(Cleaner, HardWrappedLinesAreOneParagraph) {
  std::string text =
      "Jakarta, di media sosial beredar kabar yang menyebut\n"
      "ikan lele paling kotor. Benarkah?\n"
      "Ahli gizi membantah kabar itu dan menyebut lele\n"
      "aman dimakan.\n\n"
      "Paragraf baru dimulai di sini.";
  CleanResult r = CleanText(text);
  EXPECT_EQ(r.title, std::nullopt);  // a wrapped paragraph is not a headline
  EXPECT_EQ(r.paragraphs.size(), 3u);
  EXPECT_EQ(r.text,
            "Jakarta, di media sosial beredar kabar yang menyebut ikan lele paling kotor. Benarkah?\n\n"
            "Ahli gizi membantah kabar itu dan menyebut lele aman dimakan.\n\nParagraf baru dimulai di sini.");
  EXPECT_TRUE(r.removed.empty());
}

TEST(Cleaner, NormalisesToNfc) {
  RecordMeta meta;
  meta.title = "T";
  CleanResult r = CleanText("Cafe\xCC\x81 di Jakarta ramai.", meta);  // e + combining acute
  EXPECT_EQ(r.text, "Caf\xC3\xA9 di Jakarta ramai.");
}

}  // namespace warta

namespace warta {
namespace {

TEST(Cleaner, LearnedFurnitureIsRemoved) {
  const std::string template_line = "Redaksi  Kabar Lembah menerima tulisan pembaca setiap pekan";
  const std::string text = "Warga Desa Sukamaju memanen padi lebih awal tahun ini karena musim hujan datang cepat.\n\n" +
                           template_line + "\n\nPanen diperkirakan naik sepuluh persen, kata kepala desa.";
  // Keys ignore spacing and ASCII case; one-word lines are never furniture.
  auto keys = FurnitureKeys("Redaksi kabar lembah MENERIMA tulisan pembaca setiap pekan\nIklan\n");
  ASSERT_EQ(keys.size(), 1u);
  CleanOptions options;
  options.furniture = &keys;
  CleanResult r = CleanText(text, RecordMeta{}, options);
  EXPECT_EQ(r.text.find("Kabar Lembah"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("Panen diperkirakan"), std::string::npos) << r.text;
  bool reported = false;
  for (const Removal& m : r.removed) reported |= m.reason == "learned furniture" && m.kind == "boilerplate";
  EXPECT_TRUE(reported);
  // Without it, the line stays.
  EXPECT_NE(CleanText(text, RecordMeta{}, CleanOptions{}).text.find("Kabar Lembah"), std::string::npos);
}

}  // namespace
}  // namespace warta

namespace warta {

// Issue 13 (found by probing stages with hostile shapes): 50,000 labelled
// byline lines took quadratic time, each author compared with every earlier
// one. Each author is kept once, in order, in linear time (ctest's timeout).
TEST(Cleaner, ThousandsOfBylineAuthorsAreKeptOnceInOrder) {
  std::string text = "Judul Berita\n";
  auto name = [](int n) {  // Budi Aaa, Budi Aab, ...: letters only, as names are
    std::string s = "Budi A";
    for (int k = 0; k < 4; ++k, n /= 26) s += static_cast<char>('a' + n % 26);
    return s;
  };
  for (int i = 0; i < 50000; ++i) text += "Penulis: " + name(i / 2) + "\n";  // each name on two lines
  text += "Isi berita yang sebenarnya.\n";
  CleanResult r = CleanText(text);
  ASSERT_EQ(r.authors.size(), 25000u);
  EXPECT_EQ(r.authors.front(), name(0));
  EXPECT_EQ(r.authors.back(), name(24999));
  std::unordered_set<std::string> unique(r.authors.begin(), r.authors.end());
  EXPECT_EQ(unique.size(), r.authors.size()) << "each author once";
  EXPECT_EQ(r.text, "Isi berita yang sebenarnya.");
}

}  // namespace warta
