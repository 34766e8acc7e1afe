#include "text/segment.h"

#include <gtest/gtest.h>

#include "tests/test_support.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : SplitSentences(text, {0, text.size()}, testing::TestKnowledge().abbreviations))
    out.emplace_back(text.substr(s.span.start, s.span.end - s.span.start));
  return out;
}

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : Tokenize(text, {0, text.size()}, testing::TestKnowledge().abbreviations))
    out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

TEST(Tokenize, EnglishPossessiveIsItsOwnToken) {
  std::string text = "Ukraine's plan and the Jones\u2019s house, Jum'at, don't";
  std::vector<std::string> got;
  for (const Span& t : Tokenize(text, Span{0, text.size()}, testing::TestKnowledge().abbreviations))
    got.push_back(text.substr(t.start, t.end - t.start));
  EXPECT_EQ(got, (std::vector<std::string>{"Ukraine", "'s", "plan", "and", "the", "Jones", "\u2019s", "house", ",", "Jum'at",
                                           ",", "don't"}));
}

}  // namespace

TEST(Segment, IndonesianAbbreviationsDoNotEndSentences) {
  EXPECT_EQ(Sentences("Kantornya di Jl. Medan Merdeka No. 5 Jakarta. Prof. Dr. Siti hadir. dr. Andi juga."),
            (std::vector<std::string>{"Kantornya di Jl. Medan Merdeka No. 5 Jakarta.", "Prof. Dr. Siti hadir.",
                                      "dr. Andi juga."}));
  EXPECT_EQ(Sentences("Rombongan dipimpin H. Ahmad dan Hj. Siti. Mereka tiba pukul 10.00."),
            (std::vector<std::string>{"Rombongan dipimpin H. Ahmad dan Hj. Siti.", "Mereka tiba pukul 10.00."}));
}

TEST(Segment, EnglishAbbreviations) {
  EXPECT_EQ(Sentences("U.S. officials met Mr. Wang on Jan. 5 in Washington. Dr. Smith said so."),
            (std::vector<std::string>{"U.S. officials met Mr. Wang on Jan. 5 in Washington.", "Dr. Smith said so."}));
}

TEST(Segment, FinalAbbreviationsEndASentenceBeforeACapital) {
  EXPECT_EQ(Sentences("Harga beras, gula, dll. naik. Pemerintah diam, dsb. Lalu selesai."),
            (std::vector<std::string>{"Harga beras, gula, dll. naik.", "Pemerintah diam, dsb.", "Lalu selesai."}));
}

TEST(Segment, AnAbbreviationBeforeNamesEndsASentenceOnlyBeforeAnOpener) {
  // "U.S." stands before titles and names: the capital after it goes on the sentence…
  EXPECT_EQ(Sentences("U.S. Secretary of State Jane Roe met U.N. envoy Ali Musa in Oslo."),
            (std::vector<std::string>{"U.S. Secretary of State Jane Roe met U.N. envoy Ali Musa in Oslo."}));
  // …and a word that opens sentences ends it, in either language.
  EXPECT_EQ(Sentences("The tariffs were set by the U.S. The talks failed. Kapal itu milik U.S. Namun ditolak."),
            (std::vector<std::string>{"The tariffs were set by the U.S.", "The talks failed.", "Kapal itu milik U.S.",
                                      "Namun ditolak."}));
}

TEST(Segment, QuotesAndQuestionMarks) {
  EXPECT_EQ(Sentences("\"Kami siap.\" Lalu dia pergi. Apa kabar? “Baik!” katanya."),
            (std::vector<std::string>{"\"Kami siap.\"", "Lalu dia pergi.", "Apa kabar?", "“Baik!” katanya."}));
}

TEST(Segment, LowercaseAfterDotDoesNotSplit) {
  EXPECT_EQ(Sentences("Situs detik.com melaporkan. versi 2.5 rilis."),
            (std::vector<std::string>{"Situs detik.com melaporkan. versi 2.5 rilis."}));
}

TEST(Segment, SpansAreOffsetsIntoTheParagraph) {
  std::string text = "xx  Satu dua. Tiga empat.  yy";
  auto s = SplitSentences(text, {4, 25}, testing::TestKnowledge().abbreviations);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].span.start, s[0].span.end - s[0].span.start), "Satu dua.");
  EXPECT_EQ(text.substr(s[1].span.start, s[1].span.end - s[1].span.start), "Tiga empat.");
}

TEST(Segment, TokensKeepWordsWhole) {
  EXPECT_EQ(Tokens("Jum'at, anak-anak U.S. 3,5 persen \"kata\" dia."),
            (std::vector<std::string>{"Jum'at", ",", "anak-anak", "U.S.", "3,5", "persen", "\"", "kata", "\"",
                                      "dia", "."}));
  EXPECT_EQ(Tokens("Prof. Siti (PBB) tiba."),
            (std::vector<std::string>{"Prof.", "Siti", "(", "PBB", ")", "tiba", "."}));
}

}  // namespace warta

namespace warta {

// Issue 13: text without sentence ends (a whole site on one line) is cut into
// sentences of at most kMaxSentenceTokens tokens, so that no later stage works
// on an unbounded sentence; every token is kept, in order.
TEST(Segment, ASentenceWithoutEndsIsCutIntoBoundedPieces) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "kata" + std::to_string(i) + " ";
  auto sentences = SplitSentences(text, {0, text.size()}, testing::TestKnowledge().abbreviations);
  ASSERT_EQ(sentences.size(), (1000 + kMaxSentenceTokens - 1) / kMaxSentenceTokens);
  size_t tokens = 0, last_end = 0;
  for (const Sentence& s : sentences) {
    EXPECT_LE(s.tokens.size(), kMaxSentenceTokens);
    EXPECT_EQ(s.span.start, s.tokens.front().span.start);
    EXPECT_EQ(s.span.end, s.tokens.back().span.end);
    EXPECT_GE(s.span.start, last_end);
    last_end = s.span.end;
    tokens += s.tokens.size();
  }
  EXPECT_EQ(tokens, 1000u);
  EXPECT_EQ(text.substr(sentences[1].tokens[0].span.start, 7), "kata256");
}

// The token table: the segmenter fills each row's span and folded form, once
// for every later stage; the syntax stage's fields are empty until it runs. A
// TokenView reads the surface forms from the text.
TEST(Segment, FillsEachSentencesTokenTable) {
  std::string text = "Presiden JOKOWI bertemu \u00C4rzte di Jakarta. Dia pulang.";
  const Abbreviations& abbreviations = testing::TestKnowledge().abbreviations;
  auto sentences = SplitSentences(text, {0, text.size()}, abbreviations);
  ASSERT_EQ(sentences.size(), 2u);
  std::vector<Span> spans = Tokenize(text, sentences[0].span, abbreviations);
  ASSERT_EQ(sentences[0].tokens.size(), spans.size());
  TokenView view(text, sentences[0]);
  for (size_t i = 0; i < view.size(); ++i) {
    EXPECT_EQ(view[i].span.start, spans[i].start);
    EXPECT_EQ(view[i].span.end, spans[i].end);
    EXPECT_EQ(view.folded(i), FoldCase(view.surface(i)));
    EXPECT_TRUE(view[i].lemma.empty());
    EXPECT_EQ(view[i].upos, Upos::kX);
    EXPECT_EQ(view[i].head, 0);
  }
  EXPECT_EQ(view.surface(1), "JOKOWI");
  EXPECT_EQ(view.folded(1), "jokowi");
  EXPECT_EQ(view.folded(3), "\u00E4rzte");
  TokenView middle = view.sub(2, 4);
  ASSERT_EQ(middle.size(), 2u);
  EXPECT_EQ(middle.surface(0), "bertemu");
  EXPECT_EQ(middle.folded(1), "\u00E4rzte");

  WordTable words = TableOfWords(std::vector<std::string>{"Kata", "DIA"});
  EXPECT_EQ(words.text, "Kata DIA");
  ASSERT_EQ(words.view().size(), 2u);
  EXPECT_EQ(words.view().surface(1), "DIA");
  EXPECT_EQ(words.view().folded(0), "kata");
}

TEST(Tokenize, AnOverlongWordIsCutAtCodePointBoundaries) {
  std::string word;
  for (int i = 0; i < 300; ++i) word += "\xc3\xa9";  // é: 600 bytes of one "word"
  std::string text = "awal " + word + " akhir";
  std::vector<std::string> got = [&] {
    std::vector<std::string> out;
    for (const Span& t : Tokenize(text, {0, text.size()}, testing::TestKnowledge().abbreviations))
      out.emplace_back(text.substr(t.start, t.end - t.start));
    return out;
  }();
  ASSERT_EQ(got.size(), 5u);  // awal, 3 pieces, akhir
  EXPECT_EQ(got[1].size(), kMaxTokenLength);
  EXPECT_EQ(got[1] + got[2] + got[3], word);
  for (const auto& t : got) EXPECT_TRUE(IsValidUtf8(t));
}

}  // namespace warta
