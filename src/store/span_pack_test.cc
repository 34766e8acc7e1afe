#include "store/span_pack.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(SpanPack, RoundTripsSortedAndTakesAFewBytesAMention) {
  SpanList spans = {{120, 127}, {4, 11}, {4, 9}, {70000, 70200}};
  std::string packed = PackSpans(spans);
  auto back = UnpackSpans(packed);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back.value(), (SpanList{{4, 9}, {4, 11}, {120, 127}, {70000, 70200}}));
  // gap 4, len 5 | 0, 7 | 116, 7 | 69880 (3 bytes), 200 (2 bytes)
  EXPECT_EQ(packed.size(), 11u);
  EXPECT_TRUE(UnpackSpans("").value().empty());
}

TEST(SpanPack, ATruncatedValueIsCorruptNotGarbage) {
  std::string packed = PackSpans({{300, 400}});
  auto back = UnpackSpans(packed.substr(0, packed.size() - 1));
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().code(), Status::Code::kCorrupt);
  EXPECT_FALSE(UnpackSpans("\xff\xff").ok());  // a varint that never ends
}

TEST(SpanPack, BadSpansAreClampedNotWrapped) {
  EXPECT_EQ(UnpackSpans(PackSpans({{-5, 3}, {10, 2}})).value(), (SpanList{{0, 3}, {10, 10}}));
}

}  // namespace
}  // namespace warta
