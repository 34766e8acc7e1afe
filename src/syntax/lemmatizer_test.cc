#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace warta {
namespace {

std::string ReadData(const std::string& file) {
  std::ifstream in(std::string(WARTA_SOURCE_DIR) + "/data/syntax/" + file, std::ios::binary);
  EXPECT_TRUE(in.good()) << file;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A small learned lexicon, as TrainLemmaLexicon writes it.
constexpr const char* kIdLexicon =
    "# test lexicon\n"
    "root\trumah\t-\t-\n"
    "root\tbuku\t-\t-\n"
    "root\tsetuju\t-\t-\n"
    "lemma\ttersebut\tsebut\tDET\n"
    "lemma\tnya\tdia\tPRON\n";

constexpr const char* kEnLexicon =
    "root\tcountry\tNOUN\t-\n"
    "root\tcreate\tVERB\t-\n"
    "root\tstop\tVERB\t-\n"
    "lemma\tthem\tthey\tPRON\n";

class IndonesianLemmas : public ::testing::Test {
 protected:
  void SetUp() override {
    auto l = Lemmatizer::Load("id", kIdLexicon, ReadData("id_morphology.tsv"), "data/syntax/id_lemmas.tsv");
    ASSERT_TRUE(l.ok()) << l.status().message();
    lem_ = std::move(l).value();
  }
  std::string Lemma(std::string_view w, Upos u) const { return lem_.Analyze(w, u).lemma; }
  Voice VoiceOf(std::string_view w, Upos u) const { return lem_.Analyze(w, u).voice; }
  Lemmatizer lem_;
};

TEST_F(IndonesianLemmas, TandatanganFamilyWithVoice) {
  EXPECT_EQ(Lemma("menandatangani", Upos::kVerb), "tandatangan");
  EXPECT_EQ(VoiceOf("menandatangani", Upos::kVerb), Voice::kActive);
  EXPECT_EQ(Lemma("ditandatangani", Upos::kVerb), "tandatangan");
  EXPECT_EQ(VoiceOf("ditandatangani", Upos::kVerb), Voice::kPassive);
  EXPECT_EQ(Lemma("penandatanganan", Upos::kNoun), "tandatangan");
  EXPECT_EQ(VoiceOf("penandatanganan", Upos::kNoun), Voice::kNominal);
  EXPECT_EQ(Lemma("bertandatangan", Upos::kVerb), "tandatangan");
  EXPECT_EQ(VoiceOf("bertandatangan", Upos::kVerb), Voice::kActive);
  EXPECT_EQ(Lemma("tandatangan", Upos::kNoun), "tandatangan");
  EXPECT_EQ(VoiceOf("tandatangan", Upos::kNoun), Voice::kNone);
}

TEST_F(IndonesianLemmas, VerbFamilies) {
  for (const char* w : {"dipukul", "memukul", "pemukulan", "pukulan"})
    EXPECT_EQ(Lemma(w, std::string_view(w).starts_with("pe") || std::string_view(w).ends_with("an") ? Upos::kNoun
                                                                                                   : Upos::kVerb),
              "pukul")
        << w;
  EXPECT_EQ(VoiceOf("dipukul", Upos::kVerb), Voice::kPassive);
  EXPECT_EQ(VoiceOf("pukulan", Upos::kNoun), Voice::kNominal);
  EXPECT_EQ(Lemma("mengirimkan", Upos::kVerb), "kirim");
  EXPECT_EQ(Lemma("dikirim", Upos::kVerb), "kirim");
  EXPECT_EQ(Lemma("pengiriman", Upos::kNoun), "kirim");
  EXPECT_EQ(Lemma("memperbaiki", Upos::kVerb), "baik");
  EXPECT_EQ(VoiceOf("memperbaiki", Upos::kVerb), Voice::kActive);
  EXPECT_EQ(Lemma("diperbaiki", Upos::kVerb), "baik");
  EXPECT_EQ(VoiceOf("diperbaiki", Upos::kVerb), Voice::kPassive);
  EXPECT_EQ(Lemma("perbaikan", Upos::kNoun), "baik");
  EXPECT_EQ(VoiceOf("perbaikan", Upos::kNoun), Voice::kNominal);
  EXPECT_EQ(Lemma("bertemu", Upos::kVerb), "temu");
  EXPECT_EQ(Lemma("pertemuan", Upos::kNoun), "temu");
  EXPECT_EQ(Lemma("menyerang", Upos::kVerb), "serang");
  EXPECT_EQ(Lemma("diserang", Upos::kVerb), "serang");
  EXPECT_EQ(Lemma("penyerangan", Upos::kNoun), "serang");
  EXPECT_EQ(Lemma("serangan", Upos::kNoun), "serang");
  // ke-an: passive on a verb (adversative), nominal on a noun.
  EXPECT_EQ(Lemma("kemenangan", Upos::kNoun), "menang");
  EXPECT_EQ(VoiceOf("kemenangan", Upos::kNoun), Voice::kNominal);
  EXPECT_EQ(Lemma("kehilangan", Upos::kVerb), "hilang");
  EXPECT_EQ(VoiceOf("kehilangan", Upos::kVerb), Voice::kPassive);
}

TEST_F(IndonesianLemmas, KnownWordsAreNotStripped) {
  for (const char* w : {"menang", "makan", "perang", "bandara", "pemilu", "memang", "berita", "pesawat"})
    EXPECT_EQ(Lemma(w, Upos::kNoun), w) << w;
  EXPECT_EQ(Lemma("menang", Upos::kVerb), "menang");
  EXPECT_EQ(VoiceOf("menang", Upos::kVerb), Voice::kNone);
  EXPECT_EQ(Lemma("makanan", Upos::kNoun), "makan");
  // An unknown word is guessed only from affixes that fit its tag: a lone se-
  // or ke- on a noun is left alone, a one-syllable root is never guessed.
  EXPECT_EQ(Lemma("sebentuk", Upos::kNoun), "sebentuk");
  EXPECT_EQ(Lemma("kelabang", Upos::kNoun), "kelabang");
  EXPECT_EQ(Lemma("dibom", Upos::kVerb), "bom");  // a hand-written one-syllable root
  EXPECT_EQ(Lemma("dikerahkan", Upos::kVerb), "kerah");
}

TEST_F(IndonesianLemmas, UnknownVerbsAreGuessed) {
  // Roots in neither file: the guess strips the verb's affixes.
  EXPECT_EQ(Lemma("dilumpuhkan", Upos::kVerb), "lumpuh");
  EXPECT_EQ(VoiceOf("dilumpuhkan", Upos::kVerb), Voice::kPassive);
  EXPECT_EQ(Lemma("menyandera", Upos::kVerb), "sandera");
  EXPECT_EQ(Lemma("memblokir", Upos::kVerb), "blokir");
  EXPECT_EQ(Lemma("didominasi", Upos::kVerb), "dominasi");  // -i is not guessed after s
}

TEST_F(IndonesianLemmas, Clitics) {
  EXPECT_EQ(Lemma("rumahnya", Upos::kNoun), "rumah");
  EXPECT_EQ(Lemma("bukunya", Upos::kNoun), "buku");
  EXPECT_EQ(Lemma("bukuku", Upos::kNoun), "buku");
  EXPECT_EQ(Lemma("menyetujuinya", Upos::kVerb), "setuju");
  EXPECT_EQ(VoiceOf("menyetujuinya", Upos::kVerb), Voice::kActive);
  EXPECT_EQ(Lemma("ditembaknya", Upos::kVerb), "tembak");
  EXPECT_EQ(Lemma("serangannya", Upos::kNoun), "serang");
  EXPECT_EQ(Lemma("buku", Upos::kNoun), "buku");  // not bu+ku
}

TEST_F(IndonesianLemmas, Reduplication) {
  EXPECT_EQ(Lemma("kanak-kanak", Upos::kNoun), "kanak");
  EXPECT_EQ(Lemma("anak-anak", Upos::kNoun), "anak");
  EXPECT_EQ(Lemma("anak-anaknya", Upos::kNoun), "anak");
  EXPECT_EQ(Lemma("pukul-memukul", Upos::kVerb), "pukul");
  EXPECT_EQ(Lemma("tembak-menembak", Upos::kVerb), "tembak");
  EXPECT_EQ(Lemma("berhari-hari", Upos::kAdv), "hari");
  EXPECT_EQ(Lemma("kemerah-merahan", Upos::kAdj), "merah");
  EXPECT_EQ(Lemma("negara-negara", Upos::kNoun), "negara");
  EXPECT_EQ(Lemma("sayur-mayur", Upos::kNoun), "sayur-mayur");  // not a reduplication the rules read
  EXPECT_EQ(Lemma("covid-19", Upos::kNoun), "covid-19");
}

TEST_F(IndonesianLemmas, LexiconAndTags) {
  EXPECT_EQ(Lemma("tersebut", Upos::kDet), "sebut");
  EXPECT_EQ(Lemma("tersebut", Upos::kPron), "sebut");  // the lemma of every tag of the form
  EXPECT_EQ(VoiceOf("tersebut", Upos::kDet), Voice::kNone);
  EXPECT_EQ(Lemma("nya", Upos::kPron), "dia");
  EXPECT_EQ(Lemma("jakarta", Upos::kPropn), "jakarta");
  EXPECT_EQ(Lemma("pemerintah", Upos::kPropn), "pemerintah");  // proper nouns keep their form
  EXPECT_EQ(Lemma(",", Upos::kPunct), ",");
  EXPECT_EQ(Lemma("", Upos::kNoun), "");
  std::string long_word(300, 'a');
  EXPECT_EQ(Lemma(long_word, Upos::kNoun), long_word);
}

TEST(EnglishLemmas, SuffixRulesAndIrregulars) {
  auto l = Lemmatizer::Load("en", kEnLexicon, ReadData("en_morphology.tsv"), "data/syntax/en_lemmas.tsv");
  ASSERT_TRUE(l.ok()) << l.status().message();
  const Lemmatizer& lem = l.value();
  auto lemma = [&](std::string_view w, Upos u) { return lem.Analyze(w, u).lemma; };
  EXPECT_EQ(lemma("signed", Upos::kVerb), "sign");
  EXPECT_EQ(lemma("signing", Upos::kVerb), "sign");
  EXPECT_EQ(lemma("signs", Upos::kVerb), "sign");
  EXPECT_EQ(lemma("signs", Upos::kNoun), "sign");
  EXPECT_EQ(lemma("attacked", Upos::kVerb), "attack");
  EXPECT_EQ(lemma("attacking", Upos::kVerb), "attack");
  EXPECT_EQ(lemma("met", Upos::kVerb), "meet");
  EXPECT_EQ(lemma("said", Upos::kVerb), "say");
  EXPECT_EQ(lemma("says", Upos::kVerb), "say");
  EXPECT_EQ(lemma("countries", Upos::kNoun), "country");
  EXPECT_EQ(lemma("stopped", Upos::kVerb), "stop");
  EXPECT_EQ(lemma("stopping", Upos::kVerb), "stop");
  EXPECT_EQ(lemma("created", Upos::kVerb), "create");
  EXPECT_EQ(lemma("negotiated", Upos::kVerb), "negotiate");  // unknown: silent e from the ending
  EXPECT_EQ(lemma("announced", Upos::kVerb), "announce");
  EXPECT_EQ(lemma("visited", Upos::kVerb), "visit");
  EXPECT_EQ(lemma("controlled", Upos::kVerb), "control");
  EXPECT_EQ(lemma("called", Upos::kVerb), "call");
  EXPECT_EQ(lemma("tried", Upos::kVerb), "try");
  EXPECT_EQ(lemma("died", Upos::kVerb), "die");
  EXPECT_EQ(lemma("agreed", Upos::kVerb), "agree");
  EXPECT_EQ(lemma("was", Upos::kAux), "be");
  EXPECT_EQ(lemma("took", Upos::kVerb), "take");
  EXPECT_EQ(lemma("boxes", Upos::kNoun), "box");
  EXPECT_EQ(lemma("cases", Upos::kNoun), "case");
  EXPECT_EQ(lemma("news", Upos::kNoun), "new");  // only the learned lexicon knows better
  EXPECT_EQ(lemma("analysis", Upos::kNoun), "analysis");
  EXPECT_EQ(lemma("children", Upos::kNoun), "child");
  EXPECT_EQ(lemma("them", Upos::kPron), "they");
  EXPECT_EQ(lemma("better", Upos::kAdj), "good");
  EXPECT_EQ(lemma("other", Upos::kAdj), "other");  // -er only to a known adjective
  EXPECT_EQ(lemma("states", Upos::kPropn), "states");
  EXPECT_EQ(lemma("12,000", Upos::kNum), "12000");
  EXPECT_EQ(lem.Analyze("signed", Upos::kVerb).voice, Voice::kNone);
}

TEST(LemmatizerLoad, MalformedRowsNameFileAndLine) {
  std::string rules = "# rules\nprefix\tdi\t=\tpassive\nsuffix\tkan\tVERB\n";
  auto l = Lemmatizer::Load("id", "", rules, "data/syntax/id_lemmas.tsv");
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("data/syntax/id_morphology.tsv:3:"), std::string::npos)
      << l.status().message();
  for (const char* bad : {"prefix\tdi\tx\tpassive\n", "prefix\tdi\t=\tsideways\n", "confix\tme\tan\tforbid\n",
                          "bogus\ta\tb\tc\n", "root\tMenang\t-\t-\n"}) {
    auto b = Lemmatizer::Load("id", "", std::string("# header\n") + bad, "data/syntax/id_lemmas.tsv");
    ASSERT_FALSE(b.ok()) << bad;
    EXPECT_NE(b.status().message().find("data/syntax/id_morphology.tsv:2: "), std::string::npos)
        << b.status().message();
  }
  auto lex = Lemmatizer::Load("id", "root\tok\t-\t-\nlemma\ta\tb\tNOPE\n", "", "data/syntax/id_lemmas.tsv");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("data/syntax/id_lemmas.tsv:2: "), std::string::npos);
  auto en = Lemmatizer::Load("en", "", "prefix\tun\t=\t-\n", "en_lemmas.tsv");
  ASSERT_FALSE(en.ok());
  EXPECT_NE(en.status().message().find("en_morphology.tsv:1: "), std::string::npos);
  EXPECT_FALSE(Lemmatizer::Load("xx", "", "", "xx_lemmas.tsv").ok());
  // The committed rule files load.
  EXPECT_TRUE(Lemmatizer::Load("id", "", ReadData("id_morphology.tsv"), "data/syntax/id_lemmas.tsv").ok());
  EXPECT_TRUE(Lemmatizer::Load("en", "", ReadData("en_morphology.tsv"), "data/syntax/en_lemmas.tsv").ok());
}

TEST(LemmatizerLoad, DefaultKeepsForms) {
  Lemmatizer l;
  EXPECT_EQ(l.Analyze("menandatangani", Upos::kVerb).lemma, "menandatangani");
}

std::vector<LemmaExample> IdExamples() {
  return {
      {"menandatangani", Upos::kVerb, "tandatangan"},
      {"ditandatangani", Upos::kVerb, "ditandatangani"},  // the treebank's slip
      {"ditandatangani", Upos::kVerb, "ditandatangani"},
      {"tersebut", Upos::kDet, "sebut"},
      {"selain", Upos::kAdp, "selain"},
      {"lain", Upos::kAdj, "lain"},
      {"sebesar", Upos::kAdj, "sebesar"},
      {"sebesar", Upos::kAdj, "sebesar"},
      {"besar", Upos::kAdj, "besar"},
      {"pelabuhan", Upos::kNoun, "labuh"},
      {"tapi", Upos::kCconj, "tetapi"},
      {"tetapi", Upos::kCconj, "tetapi"},
      {"perintis", Upos::kAdj, "penrintis"},  // an analyser's slip: not learned
      {"kelabang", Upos::kNoun, "_"},
      {"jakarta", Upos::kPropn, "jakarta"},
  };
}

TEST(TrainLemmaLexicon, LearnsRootsNotNoise) {
  std::string rules = ReadData("id_morphology.tsv");
  std::vector<LemmaExample> ex = IdExamples();
  std::string lex = TrainLemmaLexicon("id", ex, rules);
  std::reverse(ex.begin(), ex.end());
  EXPECT_EQ(TrainLemmaLexicon("id", ex, rules), lex);  // any order, the same bytes
  std::rotate(ex.begin(), ex.begin() + 5, ex.end());
  EXPECT_EQ(TrainLemmaLexicon("id", ex, rules), lex);
  EXPECT_NE(lex.find("root\tlabuh\t"), std::string::npos) << lex;
  EXPECT_NE(lex.find("root\tselain\t"), std::string::npos) << lex;  // a function word the treebank keeps whole
  EXPECT_NE(lex.find("root\tsebesar\t"), std::string::npos) << lex;  // se- marks no voice: the treebank's word
  EXPECT_NE(lex.find("root\tkelabang\t"), std::string::npos) << lex;
  EXPECT_EQ(lex.find("ditandatangani"), std::string::npos) << lex;
  EXPECT_EQ(lex.find("penrintis"), std::string::npos) << lex;
  EXPECT_EQ(lex.find("jakarta"), std::string::npos) << lex;
  EXPECT_NE(lex.find("lemma\ttapi\ttetapi\tCCONJ\n"), std::string::npos) << lex;
  auto l = Lemmatizer::Load("id", lex, rules, "id_lemmas.tsv");
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l.value().Analyze("ditandatangani", Upos::kVerb).lemma, "tandatangan");
  EXPECT_EQ(l.value().Analyze("pelabuhannya", Upos::kNoun).lemma, "labuh");
  EXPECT_EQ(l.value().Analyze("selain", Upos::kAdp).lemma, "selain");
  EXPECT_EQ(l.value().Analyze("lainnya", Upos::kAdj).lemma, "lain");
  EXPECT_EQ(l.value().Analyze("tapi", Upos::kCconj).lemma, "tetapi");
}

TEST(TrainLemmaLexicon, EnglishKeepsOnlyWhatRulesMiss) {
  std::vector<LemmaExample> ex = {
      {"signed", Upos::kVerb, "sign"}, {"sign", Upos::kVerb, "sign"},     {"went", Upos::kVerb, "go"},
      {"mice", Upos::kNoun, "mouse"},  {"quizzes", Upos::kNoun, "quiz"},  {"us", Upos::kPron, "we"},
      {"states", Upos::kPropn, "state"},
  };
  std::string rules = ReadData("en_morphology.tsv");
  std::string lex = TrainLemmaLexicon("en", ex, rules);
  EXPECT_EQ(lex.find("lemma\tsigned"), std::string::npos) << lex;  // the rules give it
  EXPECT_EQ(lex.find("lemma\twent"), std::string::npos) << lex;    // the rules file has it
  EXPECT_NE(lex.find("lemma\tquizzes\tquiz\tNOUN\n"), std::string::npos) << lex;
  EXPECT_NE(lex.find("lemma\tus\twe\tPRON\n"), std::string::npos) << lex;
  EXPECT_NE(lex.find("lemma\tstates\tstate\tPROPN\n"), std::string::npos) << lex;
  EXPECT_NE(lex.find("root\tsign\tVERB\t-\n"), std::string::npos) << lex;
  auto l = Lemmatizer::Load("en", lex, rules, "en_lemmas.tsv");
  ASSERT_TRUE(l.ok()) << l.status().message();
  EXPECT_EQ(l.value().Analyze("quizzes", Upos::kNoun).lemma, "quiz");
  EXPECT_EQ(l.value().Analyze("signing", Upos::kVerb).lemma, "sign");
  // Without rules the two-argument form still gives a loadable lexicon.
  std::string bare = TrainLemmaLexicon("en", ex);
  EXPECT_NE(bare.find("lemma\twent\tgo\tVERB\n"), std::string::npos) << bare;
}

}  // namespace
}  // namespace warta
