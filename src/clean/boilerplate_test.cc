#include "clean/boilerplate.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace warta {

TEST(Boilerplate, PageFurnitureMatches) {
  const auto& m = testing::TestKnowledge().boilerplate;
  for (const char* line : {
           "SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT", "Advertisement", "- Advertisement -", "loading...",
           "Loading…", "A", "A A A", "Baca juga: Menlu Tegaskan Sikap Indonesia", "BACA JUGA: Harga Beras Naik",
           "Simak juga Video 'Prabowo Lantik Menteri' di sini:", "Simak juga Video: BI Tahan Suku Bunga",
           "Lihat juga Video: Merunut Logika Menteri", "Tonton juga: Banjir di Bekasi", "Saksikan Live DetikPagi :",
           "Saksikan LiveDetikpagi:", "Find Us On Social Media", "Ikuti kami di Instagram",
           "Follow us on Twitter", "Share this article", "Bagikan artikel ini", "Komentar", "Tulis komentar",
           "Copyright © 2025 Example Media. All rights reserved.", "Hak cipta dilindungi undang-undang",
           "(Foto: ANTARA/Budi)", "Foto: Dok. Kemlu", "Artikel ini pertama kali terbit dalam bahasa Inggris",
           "Diadaptasi oleh Tim Redaksi", "Read more: How sanctions work", "Facebook Twitter WhatsApp",
           "Halaman selanjutnya", "Disclaimer: keputusan ada di tangan pembaca.", "[Gambas:Video CNN]",
           "Reuters staff", "Kongsi artikel ini", "Sertai saluran Telegram kami untuk berita terkini",
           "Hak cipta terpelihara",
       }) {
    EXPECT_NE(m.Match(line), nullptr) << line;
  }
}

TEST(Boilerplate, StoryLinesDoNotMatch) {
  const auto& m = testing::TestKnowledge().boilerplate;
  for (const char* line : {
           "Oleh karena itu, pemerintah akan menaikkan anggaran.",
           "Share prices fell sharply on Monday.",
           "More than 200 people were evacuated.",
           "Kami akan tetap di sini.",
           "Hak cipta lagu itu dimiliki oleh penciptanya.",
           "Foto bersama para menteri dilakukan di Istana.",
           "Komentar Presiden soal inflasi menuai kritik",
           "Lihat saja nanti, kata dia.",
           "Simak selengkapnya dalam penjelasan berikut.",
           "1. Kebijakan Moneter",
           "Apa itu ASEAN?",
           "\"Iya pak,\" jawab Maryam.",
       }) {
    EXPECT_EQ(m.Match(line), nullptr) << line << " matched " << *m.Match(line);
  }
}

TEST(Boilerplate, LongLinesNeverMatch) {
  const auto& m = testing::TestKnowledge().boilerplate;
  std::string line = "Baca juga: " + std::string(BoilerplateMatcher::kMaxLineBytes, 'x');
  EXPECT_EQ(m.Match(line), nullptr);
}

TEST(Boilerplate, BadPatternFilesAreRejectedWithTheLine) {
  auto r = BoilerplateMatcher::FromTsv("# c\nok\tabc\nbad\t(unclosed\n", "t.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("t.tsv:3"), std::string::npos);
  EXPECT_FALSE(BoilerplateMatcher::FromTsv("no tab here\n", "t.tsv").ok());
}

}  // namespace warta
