#include "quotes/quote_marks.h"

#include <gtest/gtest.h>

#include <string>

namespace warta {
namespace {

// The inner texts of the quoted segments of `text`, one paragraph per "\n\n".
std::vector<std::string> Inner(const std::string& text) {
  std::vector<Span> paragraphs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    paragraphs.push_back({start, end});
    start = end + 2;
  }
  std::vector<std::string> out;
  for (const QuotedSegment& s : FindQuotedSegments(text, paragraphs))
    out.push_back(text.substr(s.inner.start, s.inner.end - s.inner.start));
  return out;
}

TEST(QuoteMarks, StraightAndCurlyMarksWithoutTheCommaBeforeTheClose) {
  EXPECT_EQ(Inner("\"Kami siap,\" kata dia."), std::vector<std::string>{"Kami siap"});
  EXPECT_EQ(Inner("\u201CKami siap!\u201D kata dia."), std::vector<std::string>{"Kami siap!"});
  EXPECT_EQ(Inner("\u00ABNous sommes pr\u00EAts\u00BB, dit-il."), std::vector<std::string>{"Nous sommes pr\u00EAts"});
}

TEST(QuoteMarks, MixedMarksPairUp) {
  // An opening curly mark closed by a straight one, and the reverse.
  EXPECT_EQ(Inner("\u201CIni langkah maju,\" ujar Liu."), std::vector<std::string>{"Ini langkah maju"});
  EXPECT_EQ(Inner("\"Ini langkah maju,\u201D ujar Liu."), std::vector<std::string>{"Ini langkah maju"});
}

TEST(QuoteMarks, DoubledApostrophesAreOneMark) {
  EXPECT_EQ(Inner("''We will not back down,'' he said."), std::vector<std::string>{"We will not back down"});
  EXPECT_EQ(Inner("``We will not back down,'' he said."), std::vector<std::string>{"We will not back down"});
}

TEST(QuoteMarks, ApostrophesInsideWordsAreNoMarks) {
  EXPECT_TRUE(Inner("Salat Jum'at digelar di masjid. Sanders\u2019s campaign and the Jones' house.").empty());
  EXPECT_EQ(Inner("Ia menyebut 'langkah mundur' itu."), std::vector<std::string>{"langkah mundur"});
}

TEST(QuoteMarks, MissingOpeningMarkStartsAtTheParagraph) {
  EXPECT_EQ(Inner("Kami tidak akan mundur,\" kata Liu."), std::vector<std::string>{"Kami tidak akan mundur"});
}

TEST(QuoteMarks, UnclosedQuoteRunsToTheParagraphsEndAndGoesOn) {
  std::string text = "\"Kami sudah bicara dengan mereka.\n\n\"Mereka setuju,\" kata Liu.";
  EXPECT_EQ(Inner(text), (std::vector<std::string>{"Kami sudah bicara dengan mereka.", "Mereka setuju"}));
}

TEST(QuoteMarks, SplitQuoteGivesTwoSegments) {
  EXPECT_EQ(Inner("\"Kami siap,\" ujar Liu. \"Kapan saja.\""), (std::vector<std::string>{"Kami siap", "Kapan saja."}));
}

TEST(QuoteMarks, HostileInputDoesNotCrash) {
  std::string text(100000, '"');
  text += std::string(5000, '\'') + "\xE2\x80\x9C";
  EXPECT_NO_FATAL_FAILURE(Inner(text));
  EXPECT_TRUE(Inner("").empty());
}

}  // namespace
}  // namespace warta
