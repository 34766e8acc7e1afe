#include "clean/byline.h"

#include <gtest/gtest.h>

#include "clean/dateline.h"
#include "tests/test_support.h"

namespace warta {
namespace {

std::optional<Byline> Parse(std::string_view line) {
  const auto& k = testing::TestKnowledge();
  return ParseByline(line, k.bylines, k.calendar, DateOrder::kDayFirst);
}

}  // namespace

TEST(Byline, ByWithIndonesianDate) {
  auto b = Parse("By Tatik Ariyani, Selasa, 7 Desember 2021 | 14:12 WIB");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->authors, std::vector<std::string>{"Tatik Ariyani"});
  ASSERT_TRUE(b->date);
  EXPECT_EQ(ToIso8601(b->date->value, 0), "2021-12-07T14:12:00+07:00");
}

TEST(Byline, LabelledFormsAndSeveralNames) {
  EXPECT_EQ(Parse("Oleh: Budi Santoso")->authors, std::vector<std::string>{"Budi Santoso"});
  EXPECT_EQ(Parse("Penulis: Rina Marlina")->authors, std::vector<std::string>{"Rina Marlina"});
  EXPECT_EQ(Parse("By John Carter and Mary Lee")->authors, (std::vector<std::string>{"John Carter", "Mary Lee"}));
  EXPECT_EQ(Parse("Oleh Siti Aminah dan Budi S.")->authors, (std::vector<std::string>{"Siti Aminah", "Budi S."}));
  auto b = Parse("Reporter: Andi Saputra | Editor: Dewi Lestari");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->authors, std::vector<std::string>{"Andi Saputra"});
  EXPECT_EQ(b->editor, "Dewi Lestari");
}

TEST(Byline, OrdinarySentencesAreNotBylines) {
  EXPECT_FALSE(Parse("Oleh karena itu, pemerintah akan menaikkan anggaran."));
  EXPECT_FALSE(Parse("By the end of the year, the treaty was signed."));
  EXPECT_FALSE(Parse("Penulis buku itu hadir dalam acara tersebut."));  // needs "Penulis:"
  EXPECT_FALSE(Parse("Reporter asing dilarang masuk."));
}

TEST(Byline, DateLines) {
  const auto& k = testing::TestKnowledge();
  DateMatch d;
  EXPECT_TRUE(IsDateLine("Kamis, 23 Oktober 2025 10:15 WIB", k.calendar, DateOrder::kDayFirst, &d));
  EXPECT_TRUE(IsDateLine("Published: 12 May 2024 14:00 GMT", k.calendar, DateOrder::kDayFirst, &d));
  EXPECT_FALSE(IsDateLine("Pada 17 Agustus 1945, Indonesia merdeka.", k.calendar, DateOrder::kDayFirst, &d));
}

TEST(Dateline, PlaceAndOutlet) {
  auto d = FindDateline("JAKARTA, KOMPAS.com - Presiden menegaskan ...");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->place, "Jakarta");
  EXPECT_EQ(std::string_view("JAKARTA, KOMPAS.com - Presiden").substr(d->length), "Presiden");
  EXPECT_EQ(FindDateline("BEIJING (Reuters) - China said")->place, "Beijing");
  EXPECT_EQ(FindDateline("Jakarta, CNN Indonesia -- Menteri")->place, "Jakarta");
  EXPECT_EQ(FindDateline("SURABAYA, detikJatim - Polisi")->place, "Surabaya");
  EXPECT_EQ(FindDateline("Jakarta - Presiden")->place, "Jakarta");
  EXPECT_EQ(FindDateline("KUALA LUMPUR: Kerajaan")->place, "Kuala Lumpur");
}

TEST(Dateline, SentencesAreNotDatelines) {
  EXPECT_FALSE(FindDateline("Presiden Joko Widodo Berkata - tidak, ini kalimat."));
  EXPECT_FALSE(FindDateline("Menurut dia - meski begitu"));
  EXPECT_FALSE(FindDateline("Sementara itu: harga naik"));
  EXPECT_FALSE(FindDateline("JAKARTA -"));  // nothing after it
}

TEST(Editor, InitialsAtTheEnd) {
  auto e = FindEditorMark("(ian)");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->initials, "ian");
  EXPECT_EQ(e->start, 0u);
  e = FindEditorMark("Kami akan terus memantau. (rdp/imk)");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->initials, "rdp/imk");
  EXPECT_EQ(e->start, std::string_view("Kami akan terus memantau.").size());
  EXPECT_FALSE(FindEditorMark("Harga naik (sekitar) 5 persen."));
  EXPECT_FALSE(FindEditorMark("Organisasi (PBB)"));
}

}  // namespace warta
