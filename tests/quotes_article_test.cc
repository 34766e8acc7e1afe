// The quote stage on whole articles written for these tests
// (examples/quotes/): the China–Russia article of the project brief, with
// page furniture, a byline, a role phrase, a "-nya" cue three paragraphs
// after the speaker, a quotation paragraph with no cue, a partial quote, a
// book title in marks and crawler-copied paragraphs; and an English wire
// story with doubled apostrophes, pronouns, "according to" and inversion.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analyze/analyzer.h"
#include "tests/test_support.h"

namespace warta {
namespace {

Document AnalyzeExample(const std::string& name) { return testing::AnalyzeSourceFile("examples/quotes/" + name); }

struct Row {
  std::string start, kind, speaker, mention;
};

void Expect(const Document& d, const std::vector<Row>& want) {
  auto slice = [&](const Span& s) { return d.original.substr(s.start, s.end - s.start); };
  ASSERT_EQ(d.quotes.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Quote& q = d.quotes[i];
    std::string text = slice(q.span);
    SCOPED_TRACE(text);
    EXPECT_EQ(text.rfind(want[i].start, 0), 0u);
    EXPECT_EQ(q.kind == Quote::Kind::kDirect ? "direct" : "indirect", want[i].kind);
    EXPECT_EQ(q.speaker_entity >= 0 ? d.entities[q.speaker_entity].name : "", want[i].speaker);
    EXPECT_EQ(slice(q.speaker_mention), want[i].mention);
    // Direct quotes are given without their marks.
    if (q.kind == Quote::Kind::kDirect) EXPECT_EQ(text.find('"'), std::string::npos);
  }
}

TEST(QuotesArticle, IndonesianChinaRussia) {
  Document d = AnalyzeExample("id-china-rusia-quotes.txt");
  Expect(d, {
                {"tidak menginginkan aliansi", "indirect", "Beijing", "Beijing"},  // the government (CHNGOV)
                {"Hubungan China dan Rusia", "direct", "Liu Pengyu", "Liu Pengyu"},
                {"Amerika Serikat sebagai sumber", "indirect", "Liu Pengyu", "Liu"},
                // "tuturnya", three paragraphs on, with another person named between.
                {"Amerika Serikat dan sekutunya", "direct", "Liu Pengyu", "tuturnya"},
                {"Beijing sedang menjaga", "indirect", "Dimas Prasetyo", "Dimas Prasetyo"},
                {"China tidak ingin terseret", "indirect", "Dimas Prasetyo", "dia"},
                {"China ingin tetap", "direct", "Dimas Prasetyo", "Dimas"},
                // A paragraph that is only a quotation: the previous speaker, no cue.
                {"Jadi yang kita lihat", "direct", "Dimas Prasetyo", ""},
                {"tidak melihat tanda-tanda", "direct", "Dimas Prasetyo", "Dimas"},
            });
  // The role phrase the article uses for the spokesman.
  EXPECT_EQ(d.quotes[1].speaker_role, "juru bicara kedutaan China");
  // The book title and the slogan in marks are not quotations; the copied
  // paragraphs add nothing.
}

TEST(QuotesArticle, EnglishWire) {
  Document d = AnalyzeExample("en-wire-quotes.txt");
  Expect(d, {
                {"Malaysia will continue", "direct", "Mohamad Hasan", "Mohamad Hasan"},
                {"We do not accept", "direct", "Mohamad Hasan", "Mohamad Hasan"},
                {"Malaysia had sent", "indirect", "Mohamad Hasan", "He"},
                {"The note was delivered", "direct", "Mohamad Hasan", "he"},
                {"Beijing's position", "indirect", "Mao Ning", "Mao Ning"},
                {"China has indisputable", "direct", "Mao Ning", "Mao"},
                {"normal law enforcement", "direct", "Mao Ning", "Mao"},
                {"the dispute was unlikely", "indirect", "", "Analysts"},
                {"Both sides have", "direct", "Aaron Connelly", "Aaron Connelly"},
                {"Expect strong words", "direct", "Aaron Connelly", "Aaron Connelly"},
            });
}

}  // namespace
}  // namespace warta
