// The fold of per-form verb rows into lemma-keyed patterns, the lexicon's
// checks of its files, and matching a pattern on tokens of every form.
#include "events/pattern_fold.h"

#include <gtest/gtest.h>

#include "events/event_lexicon.h"
#include "tests/test_support.h"

namespace warta {
namespace {

const Lemmatizer& Lemmas(const char* lang) { return *testing::TestKnowledge().syntax.LemmatizerFor(lang); }

TEST(PatternFold, SuffixTellsTheDerivationsApart) {
  EXPECT_EQ(SuffixOf("id", "menjatuhkan", "jatuh"), "kan");
  EXPECT_EQ(SuffixOf("id", "menemui", "temu"), "i");
  EXPECT_EQ(SuffixOf("id", "kunjungan", "kunjung"), "an");
  EXPECT_EQ(SuffixOf("id", "bertemu", "temu"), "-");
  EXPECT_EQ(SuffixOf("id", "mempertemukan", "temu"), "per-kan");  // brings together, not finds
  EXPECT_EQ(SuffixOf("id", "pertemuan", "temu"), "per-an");        // a meeting, not a finding
  EXPECT_EQ(SuffixOf("id", "perang", "perang"), "-");
  EXPECT_EQ(SuffixOf("id", "mengecamnya", "kecam"), "-");  // the enclitic is no suffix
  EXPECT_EQ(SuffixOf("en", "attacked", "attack"), "*");
}

TEST(PatternFold, OneRowPerLemmaVoiceAndSuffix) {
  FoldedPattern active = FoldPattern("id", "menjatuhkan * sanksi", "active", Lemmas("id"));
  EXPECT_EQ(active.lemma, "jatuh");
  EXPECT_EQ(active.form, "active");
  EXPECT_EQ(active.suffix, "kan");
  EXPECT_EQ(active.rest, "* sanksi");
  FoldedPattern passive = FoldPattern("id", "dijatuhkan", "passive", Lemmas("id"));
  EXPECT_EQ(passive.lemma, "jatuh");
  EXPECT_EQ(passive.form, "passive");
  EXPECT_EQ(passive.rest, "-");
  // An English passive row keys on the participle's lemma; the parse tells the voice.
  FoldedPattern en = FoldPattern("en", "was attacked by", "passive", Lemmas("en"));
  EXPECT_EQ(en.lemma, "attack");
  EXPECT_EQ(en.form, "any");
  EXPECT_EQ(en.rest, "by");
  EXPECT_EQ(en.frame, "active");
  EXPECT_EQ(FoldPattern("en", "attacked", "active", Lemmas("en")).lemma, "attack");
}

TEST(PatternFold, TheLexiconChecksItsFiles) {
  const char* ok = "serang\tactive\t-\t-\t190\tactive\tattacks\n";
  EXPECT_TRUE(EventLexicon::FromTsv(ok, "", "", "").ok());
  EXPECT_FALSE(EventLexicon::FromTsv("serang\tloud\t-\t-\t190\tactive\tx\n", "", "", "").ok());    // form
  EXPECT_FALSE(EventLexicon::FromTsv("serang\tactive\tkah\t-\t190\tactive\tx\n", "", "", "").ok());  // suffix
  EXPECT_FALSE(EventLexicon::FromTsv("serang\tactive\t-\tx *\t190\tactive\tx\n", "", "", "").ok());  // gap last
  EXPECT_FALSE(EventLexicon::FromTsv("serang\tactive\t-\t-\t19x\tactive\tx\n", "", "", "").ok());    // code
  EXPECT_FALSE(EventLexicon::FromTsv(std::string(ok) + ok, "", "", "").ok());                       // twice
}

TEST(PatternFold, APatternMatchesEveryInflectedForm) {
  const Knowledge& k = testing::TestKnowledge();
  for (const char* text : {"Rusia menyerang Ukraina.", "Ukraina diserang Rusia.", "Rusia menyerangnya."}) {
    Record r;
    r.text = text;
    AnalyzeOptions options;
    options.sentences = true;
    Document s = Analyze(std::move(r), k, options);
    ASSERT_FALSE(s.sentences.empty()) << text;
    TokenView tokens(s.original, s.sentences[0]);
    VerbMatch m = k.events.MatchVerb(tokens, 1);
    ASSERT_NE(m.pattern, nullptr) << text;
    EXPECT_EQ(m.pattern->lemma, "serang") << text;
    EXPECT_EQ(m.pattern->code.substr(0, 2), "19") << text;
  }
  // "menemukan" (to find) is not "menemui" (to meet): the suffix keeps them apart.
  Record r;
  r.text = "Polisi menemukan bukti baru.";
  AnalyzeOptions options;
  options.sentences = true;
  Document s = Analyze(std::move(r), k, options);
  ASSERT_FALSE(s.sentences.empty());
  EXPECT_EQ(k.events.MatchVerb(TokenView(s.original, s.sentences[0]), 1).pattern, nullptr);
}

}  // namespace
}  // namespace warta
