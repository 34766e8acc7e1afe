#include "store/body_codec.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace warta {
namespace {

TEST(BodyCodec, BothTextsComeBackAndTheCleanedOneCostsLittle) {
  std::string original = "Find Us On Social Media\nJakarta - Menteri Luar Negeri bertemu duta besar Malaysia.\n";
  for (int i = 0; i < 40; ++i) original += "Paragraf " + std::to_string(i) + " membahas perbatasan laut dan nelayan.\n";
  std::string text = original.substr(original.find("Jakarta"));
  BodyCodec codec;
  std::string body = codec.Pack(original, text);
  EXPECT_LT(body.size(), original.size() / 3);
  auto o = codec.Original(body);
  auto t = codec.Text(body);
  ASSERT_TRUE(o.ok()) << o.status().message();
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(o.value(), original);
  EXPECT_EQ(t.value(), text);
  // The cleaned text, compressed against the original, adds far less than its own frame would.
  EXPECT_LT(body.size() - codec.Pack(original, "").size(), text.size() / 20);
}

TEST(BodyCodec, EmptyTextsAndInvalidUtf8RoundTrip) {
  BodyCodec codec;
  for (std::string original : {std::string(), std::string("\xff\xfe abc"), std::string(1, '\0')}) {
    std::string body = codec.Pack(original, original);
    EXPECT_EQ(codec.Original(body).value(), original);
    EXPECT_EQ(codec.Text(body).value(), original);
  }
}

TEST(BodyCodec, ADamagedValueIsCorruptNotACrash) {
  BodyCodec codec;
  std::string body = codec.Pack("Presiden menerima tamu negara di Istana.", "Presiden menerima tamu negara.");
  for (std::string bad : {std::string(), body.substr(0, 3), body.substr(0, body.size() - 5),
                          std::string("\xff\xff\xff\x7f") + body.substr(4), body.substr(0, 4) + std::string(40, 'x')}) {
    auto t = codec.Text(bad);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), Status::Code::kCorrupt);
  }
}

// Articles that share an outlet's phrasing and names, as a store's do (made up, varied by a
// fixed linear congruential sequence).
std::vector<std::string> Articles(int n, uint32_t seed) {
  const char* words[] = {"pemerintah", "menteri", "kebijakan", "harga", "beras", "nelayan", "perbatasan", "anggaran",
                         "daerah", "rakyat", "presiden", "ekonomi", "inflasi", "pasar", "impor", "ekspor"};
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    std::string a = "Jakarta - Menteri Koordinator Bidang Perekonomian menyampaikan keterangan kepada wartawan.\n";
    for (int p = 0; p < 12; ++p) {
      seed = seed * 1664525u + 1013904223u;
      a += "Kata dia, " + std::string(words[seed >> 28]) + " dan " + words[(seed >> 24) & 15] + " " +
           std::to_string(seed % 1000) + " persen. ";
      if (p % 4 == 3) a += "Baca juga: Pemerintah Siapkan Langkah Antisipasi\n";
    }
    out.push_back(a + "(red/detikcom)\n");
  }
  return out;
}

TEST(BodyCodec, ADictionaryOfTheStoresArticlesMakesNewOnesSmaller) {
  auto dict = TrainBodyDictionary(Articles(400, 7), 16384);
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  EXPECT_EQ(TrainBodyDictionary(Articles(400, 7), 16384).value(), dict.value());  // deterministic
  auto dictionaries = std::make_shared<BodyDictionaries>();
  ASSERT_TRUE(dictionaries->Add(dict.value()).ok());
  BodyCodec plain, with(dictionaries);
  size_t plain_bytes = 0, dict_bytes = 0;
  for (const std::string& a : Articles(50, 99)) {
    std::string p = plain.Pack(a, a), d = with.Pack(a, a);
    plain_bytes += p.size(), dict_bytes += d.size();
    EXPECT_EQ(with.Original(d).value(), a);
    EXPECT_EQ(with.Text(d).value(), a);
    EXPECT_EQ(with.Original(p).value(), a);  // texts packed before the dictionary still read
    // A codec without the store's dictionaries says so rather than returning garbage.
    auto lost = plain.Original(d);
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.status().code(), Status::Code::kCorrupt);
    EXPECT_NE(lost.status().message().find("dictionary"), std::string::npos);
  }
  EXPECT_LT(dict_bytes, plain_bytes * 3 / 4);
}

TEST(BodyCodec, NoDictionaryFromTooFewSamplesAndNoneFromJunk) {
  EXPECT_FALSE(TrainBodyDictionary({"satu", "dua"}).ok());
  BodyDictionaries d;
  EXPECT_EQ(d.Add("not a dictionary").code(), Status::Code::kCorrupt);
  EXPECT_TRUE(d.empty());
}

}  // namespace
}  // namespace warta
