#include "util/utf8.h"

#include <gtest/gtest.h>

#include "util/json_writer.h"
#include "util/strings.h"

namespace warta {

TEST(Utf8, ValidTextIsUnchanged) {
  auto r = RepairUtf8("Jum'at — “kata” dia ✓");
  EXPECT_EQ(r.text, "Jum'at — “kata” dia ✓");
  EXPECT_EQ(r.invalid_sequences, 0u);
}

TEST(Utf8, InvalidBytesBecomeReplacementCharactersAndAreCounted) {
  auto r = RepairUtf8(std::string("a\xFF" "b\xC3" "c\xE2\x82", 7));
  EXPECT_EQ(r.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD");
  EXPECT_EQ(r.invalid_sequences, 3u);
  EXPECT_TRUE(IsValidUtf8(r.text));
}

TEST(Utf8, OverlongAndSurrogateSequencesAreInvalid) {
  auto r = RepairUtf8(std::string("\xC0\xAF|\xED\xA0\x80", 6));
  EXPECT_TRUE(IsValidUtf8(r.text));
  EXPECT_GE(r.invalid_sequences, 2u);
}

TEST(Utf8, TrimRemovesUnicodeSpaces) {
  EXPECT_EQ(Trim("\xC2\xA0  Jakarta \xE2\x80\x8B\t"), "Jakarta");
  EXPECT_EQ(Trim(" \n "), "");
}

TEST(Utf8, FoldCaseHandlesNonAscii) {
  EXPECT_EQ(FoldCase("ÉTÉ Jakarta"), "été jakarta");
  EXPECT_EQ(CollapseSpace("  a \n\t b  "), "a b");
}

TEST(JsonWriter, EscapesControlCharactersQuotesAndLineSeparators) {
  std::string out;
  AppendJsonString("a\"b\\c\n\x01\xE2\x80\xA8<", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\u2028<\"");
}

TEST(JsonWriter, WritesNestedStructuresWithCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a"); w.Int(1);
  w.Key("b"); w.BeginArray(); w.String("x"); w.Null(); w.Bool(true); w.EndArray();
  w.Key("c"); w.Double(0.12345, 3);
  w.EndObject();
  EXPECT_EQ(out, "{\"a\":1,\"b\":[\"x\",null,true],\"c\":0.123}");
}

}  // namespace warta

namespace warta {

// Issue 13: a text whose last byte is a UTF-8 lead byte made Trim read past
// the buffer, and when the stray bytes decoded as a space, substr threw.
TEST(Utf8, TrimOfALoneLeadByteAtTheEndStaysInTheBuffer) {
  for (std::string_view lead : {"\xe2", "\xf0\x9f", "\xc3", "\xf4\x8f\xbf"}) {
    std::string text = std::string("xyA\n") + std::string(lead);
    std::string_view view(text.data(), text.size());  // no terminator read through a view
    EXPECT_EQ(Trim(view), view) << "the stray bytes are not spaces";
    size_t b = 0, e = 0;
    TrimBounds(view, &b, &e);
    EXPECT_LE(e, view.size());
  }
  EXPECT_EQ(Trim(std::string_view("\xe2")), "\xe2");
}

TEST(Utf8, NextCodePointOnIllFormedBytesGivesReplacementAndAdvancesOneByte) {
  std::string text = "a\xe2\x80";  // a truncated three-byte sequence at the end
  size_t pos = 1;
  EXPECT_EQ(NextCodePoint(text, &pos), char32_t{0xFFFD});
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(NextCodePoint(text, &pos), char32_t{0xFFFD});
  EXPECT_EQ(pos, 3u);
  std::string valid = "\xe2\x80\x9c";  // “
  pos = 0;
  EXPECT_EQ(NextCodePoint(valid, &pos), char32_t{0x201C});
  EXPECT_EQ(pos, 3u);
}

TEST(Utf8, PrevCodePointStartLooksBackAtMostThreeBytes) {
  std::string text = "a" + std::string(1000, '\x80');  // continuation bytes only
  EXPECT_EQ(PrevCodePointStart(text, text.size()), text.size() - 4);
  EXPECT_EQ(PrevCodePointStart("a\xc3\xa9", 3), 1u);
}

}  // namespace warta
