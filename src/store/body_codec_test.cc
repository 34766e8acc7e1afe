#include "store/body_codec.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace warta
