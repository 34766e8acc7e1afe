#include "text/langid.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace warta {

// Own sentences, written for these tests.
TEST(LanguageId, IndonesianMalayEnglish) {
  const auto& id = testing::TestKnowledge().langid;
  auto g = id.Identify(
      "Pemerintah Indonesia akan menaikkan anggaran pendidikan tahun depan karena jumlah sekolah yang rusak "
      "masih banyak. Menteri mengatakan bahwa pihaknya sudah berkoordinasi dengan pemerintah daerah.");
  EXPECT_EQ(g.code, "id");
  EXPECT_GT(g.score, 0.5);
  g = id.Identify(
      "Kerajaan akan menambah bilangan guru di sekolah luar bandar selepas kenyataan menteri semalam. Beliau "
      "berkata langkah itu perlu kerana ramai murid tidak mendapat pendidikan yang sewajarnya.");
  EXPECT_EQ(g.code, "ms");
  g = id.Identify("The government said on Monday that it would raise the education budget next year because many "
                  "schools remain damaged after the floods.");
  EXPECT_EQ(g.code, "en");
}

TEST(LanguageId, NoTextNoLanguage) {
  auto g = testing::TestKnowledge().langid.Identify("12345 67890 ---");
  EXPECT_FALSE(g.code.has_value());
  EXPECT_EQ(g.score, 0);
}

TEST(LanguageId, WordEvidenceSign) {
  const auto& id = testing::TestKnowledge().langid;
  EXPECT_GT(id.IdMsEvidence("pemerintah bisa"), 0);
  EXPECT_LT(id.IdMsEvidence("kerajaan boleh"), 0);
  EXPECT_EQ(id.IdMsEvidence("xyzzy"), 0);
}

}  // namespace warta

namespace warta {

// Long texts dense with one variety's words are decided without CLD2; an English
// text that mentions Indonesian institutions is still English.
TEST(LanguageId, DenseWordEvidenceDecidesLongTexts) {
  const auto& id = testing::TestKnowledge().langid;
  std::string indonesian, english;
  for (int i = 0; i < 12; ++i) {
    indonesian += "Pemerintah bisa mengirimkan bantuan karena kondisi warga sudah memprihatinkan, kata dia. ";
    english += "The DPR in Jakarta said the rupiah film tim would meet on Monday to discuss the budget. ";
  }
  auto g = id.Identify(indonesian);
  EXPECT_EQ(g.code, "id");
  EXPECT_GT(g.score, 0.9);
  EXPECT_EQ(id.Identify(english).code, "en");
}

}  // namespace warta
