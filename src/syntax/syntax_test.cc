// The syntax stage's parts on inputs written here: CoNLL-U reading and
// writing, the mapping of treebank words onto warta's tokens, projectivity,
// the linear model's file form, and training on a tiny treebank of our own
// (deterministic, and able to learn what it is shown).
#include <gtest/gtest.h>
#include <zstd.h>

#include <cmath>

#include "input/byte_source.h"
#include "syntax/conllu.h"
#include "syntax/conllu_writer.h"
#include "syntax/parser.h"
#include "syntax/perceptron.h"
#include "syntax/reannotate.h"
#include "syntax/syntax.h"
#include "syntax/syntax_train.h"
#include "syntax/treebank.h"
#include "util/strings.h"

namespace warta {
namespace {

Abbreviations TestAbbreviations() { return Abbreviations::FromTsv("Jl.\tinner\n", "test").value(); }

// Rows of a sentence: FORM UPOS HEAD DEPREL [MISC], ids in order.
std::string Rows(const std::vector<std::array<const char*, 5>>& rows) {
  std::string out;
  for (size_t i = 0; i < rows.size(); ++i)
    out += std::to_string(i + 1) + "\t" + rows[i][0] + "\t_\t" + rows[i][1] + "\t_\t_\t" + rows[i][2] + "\t" +
           rows[i][3] + "\t_\t" + rows[i][4] + "\n";
  return out;
}

TEST(Conllu, ReadsWordsRangesAndComments) {
  std::string text =
      "# sent_id = s1\n# text = Bukunya hilang.\n"
      "1-2\tBukunya\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tBuku\tbuku\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
      "2\tnya\tdia\tPRON\t_\t_\t1\tnmod:poss\t_\t_\n"
      "3\thilang\thilang\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
      "4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n";
  ConlluFile f = ParseConllu(text);
  ASSERT_TRUE(f.errors.empty());
  ASSERT_EQ(f.sentences.size(), 1u);
  const ConlluSentence& s = f.sentences[0];
  EXPECT_EQ(s.Comment("sent_id"), "s1");
  EXPECT_EQ(s.Comment("text"), "Bukunya hilang.");
  ASSERT_EQ(s.rows.size(), 5u);
  EXPECT_EQ(s.rows[0].kind, ConlluRow::Kind::kRange);
  EXPECT_EQ(s.rows[0].last, 2);
  EXPECT_EQ(s.Words().size(), 4u);
  EXPECT_FALSE(s.Words()[2]->space_after);
  EXPECT_EQ(FormatConllu(s), text);  // written back byte for byte
}

TEST(Conllu, ReportsMalformedSentencesByLineAndKeepsTheRest) {
  std::string text =
      "1\tok\t_\tX\t_\t_\t0\troot\t_\t_\n\n"
      "1\tbad\t_\tX\t_\t_\t0\troot\t_\n\n"          // 9 fields
      "1\ta\t_\tX\t_\t_\t0\troot\t_\t_\n3\tb\t_\tX\t_\t_\t1\tdep\t_\t_\n\n"  // id 3 after 1
      "1\ta\t_\tX\t_\t_\t7\troot\t_\t_\n\n"         // head outside the sentence
      "1\tlast\t_\tX\t_\t_\t0\troot\t_\t_\n";
  ConlluFile f = ParseConllu(text);
  ASSERT_EQ(f.sentences.size(), 2u);
  EXPECT_EQ(f.sentences[1].Words()[0]->fields[1], "last");
  ASSERT_EQ(f.errors.size(), 3u);
  EXPECT_EQ(f.errors[0].line, 3u);
  EXPECT_NE(f.errors[0].message.find("10 tab-separated"), std::string::npos);
  EXPECT_EQ(f.errors[1].line, 6u);
  EXPECT_EQ(f.errors[2].line, 8u);
}

TEST(ConlluReader, StreamsSentencesWithTheirLineNumbersAndSkipsBadOnes) {
  std::string text = "\n\n# a\n1\tx\t_\tX\t_\t_\t0\troot\t_\t_\n\n" +
                     std::string("1\tbad\n\n") +
                     "1\t" + std::string(kMaxConlluSentenceBytes + 10, 'y') + "\t_\tX\t_\t_\t0\troot\t_\t_\n2\tz\t_\tX\t_\t_\t1\tdep\t_\t_\n\n" +
                     "1\tlast\t_\tX\t_\t_\t0\troot\t_\t_\n";
  ConlluReader reader(MemorySource(text));
  std::vector<ConlluError> errors;
  ConlluSentence s;
  std::vector<std::string> forms;
  std::vector<size_t> lines;
  while (reader.Next(&s, &errors)) {
    forms.push_back(s.Words()[0]->fields[1]);
    lines.push_back(s.rows[0].line);
  }
  EXPECT_EQ(forms, (std::vector<std::string>{"x", "last"}));
  EXPECT_EQ(lines, (std::vector<size_t>{4, 11}));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line, 6u);
  EXPECT_EQ(errors[1].line, 8u);
  EXPECT_NE(errors[1].message.find("1 MiB"), std::string::npos);
  EXPECT_TRUE(reader.status().ok());
}

TEST(ConlluReader, StopsAtBinaryInput) {
  ConlluReader reader(MemorySource("1\ta\t_\tX\t_\t_\t0\troot\t_\t_\n\n" + std::string(3 << 20, '\0')));
  std::vector<ConlluError> errors;
  ConlluSentence s;
  size_t n = 0;
  while (reader.Next(&s, &errors)) ++n;
  EXPECT_EQ(n, 1u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("binary"), std::string::npos);
}

TEST(Treebank, MultiwordTokenBecomesOneTokenWithItsMainWordsAnnotation) {
  ConlluFile f = ParseConllu(
      "1-2\tbukunya\t_\t_\t_\t_\t_\t_\t_\t_\n" + Rows({{"buku", "NOUN", "3", "nsubj", "_"},
                                                       {"nya", "PRON", "1", "nmod:poss", "_"},
                                                       {"hilang", "VERB", "0", "root", "SpaceAfter=No"},
                                                       {".", "PUNCT", "3", "punct", "_"}}));
  ASSERT_EQ(f.sentences.size(), 1u);
  TreebankSentence t = OnWartaTokens(f.sentences[0], TestAbbreviations());
  EXPECT_EQ(t.text, "bukunya hilang. ");
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.tokens[0].folded, "bukunya");
  EXPECT_EQ(t.tokens[0].upos, Upos::kNoun);
  EXPECT_EQ(t.tokens[0].head, 2);
  EXPECT_EQ(t.tokens[0].deprel, "nsubj");
  EXPECT_EQ(t.tokens[1].head, 0);
  EXPECT_EQ(t.tokens[2].head, 2);
  EXPECT_EQ(t.word_token, (std::vector<int>{0, 0, 1, 2}));
  EXPECT_TRUE(t.tree);
}

TEST(Treebank, SplitContractionJoinsAsWartaTokenisesIt) {
  // "don't go": the treebank splits "n't" off; warta keeps "don't" whole.
  ConlluFile f = ParseConllu(Rows({{"do", "AUX", "3", "aux", "SpaceAfter=No"},
                                   {"n't", "PART", "3", "advmod", "_"},
                                   {"go", "VERB", "0", "root", "_"}}));
  TreebankSentence t = OnWartaTokens(f.sentences[0], TestAbbreviations());
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(t.tokens[0].folded, "don't");
  EXPECT_EQ(t.tokens[0].deprel, "aux");  // the first word whose head is outside the token
  EXPECT_EQ(t.tokens[0].head, 2);
  EXPECT_EQ(t.token_main[0], 0);
  EXPECT_EQ(t.word_token, (std::vector<int>{0, 0, 1}));
}

TEST(Parser, ProjectivizeLiftsCrossingArcs) {
  // 1 <- 3, 2 <- 4 (crosses 3 -> 1's span), 3 root, 4 <- 1: 4 hangs from 1 across 2.
  std::vector<int> heads{3, 4, 0, 1};
  Projectivize(&heads);
  // Every arc must now be projective: no word between a head and its dependent outside the head's subtree.
  auto dominated = [&](int a, int d) {
    for (int steps = 0; d != 0 && steps < 10; ++steps, d = heads[static_cast<size_t>(d - 1)])
      if (d == a) return true;
    return a == 0;
  };
  for (int d = 1; d <= 4; ++d) {
    int h = heads[static_cast<size_t>(d - 1)];
    for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) EXPECT_TRUE(dominated(h, k)) << d << " " << k;
  }
  EXPECT_EQ(heads[2], 0);
}

TEST(LinearModel, DenseRowsAndSparseRunsScoreAlike) {
  // 40 classes: a feature with weights for 30 of them is kept as a dense row, one with 3 as a run.
  std::vector<std::pair<uint16_t, float>> many, few{{1, 1.0f}, {7, -2.0f}, {39, 4.0f}};
  for (uint16_t c = 0; c < 30; ++c) many.emplace_back(c, static_cast<float>(c) - 10.0f);
  LinearModel m = LinearModel::Build(40, {{FeatureKey(1, 1), many}, {FeatureKey(2, 2), few}});
  uint64_t f[] = {FeatureKey(1, 1), FeatureKey(2, 2)};
  std::vector<int32_t> scores(m.score_size(), 0);
  ASSERT_EQ(scores.size(), 48u);
  m.Score(f, 2, scores.data());
  // Weights are quantised to 16 bits on the scale of the largest (19): compare in its units.
  auto w = [&](double x) { return static_cast<int32_t>(std::lround(x * m.scale())); };
  EXPECT_EQ(scores[0], w(-10));
  EXPECT_EQ(scores[1], w(-9) + w(1));
  EXPECT_EQ(scores[7], w(-3) + w(-2));
  EXPECT_EQ(scores[29], w(19));
  EXPECT_EQ(scores[35], 0);
  EXPECT_EQ(scores[39], w(4));
  for (size_t c = 40; c < scores.size(); ++c) EXPECT_EQ(scores[c], 0);
  std::string bytes;
  m.AppendTo(&bytes);
  size_t pos = 0;
  auto back = LinearModel::ReadFrom(bytes, &pos, "test");
  ASSERT_TRUE(back.ok());
  std::vector<int32_t> again(back.value().score_size(), 0);
  back.value().Score(f, 2, again.data());
  EXPECT_EQ(again, scores);
  EXPECT_EQ(back.value().weights(), 32u);  // 30 + 3, less the zero weight of class 10
}

TEST(LinearModel, WritesAndReadsTheSameScores) {
  LinearModel m = LinearModel::Build(3, {{FeatureKey(1, 7), {{0, 0.5f}, {2, -1.0f}}}, {FeatureKey(2, 9), {{1, 0.25f}}}});
  std::string bytes;
  m.AppendTo(&bytes);
  size_t pos = 0;
  auto back = LinearModel::ReadFrom(bytes, &pos, "test");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(pos, bytes.size());
  uint64_t f[] = {FeatureKey(1, 7), FeatureKey(2, 9), FeatureKey(3, 3)};
  std::vector<int32_t> a(m.score_size()), b(m.score_size());  // Score may write score_size() entries
  m.Score(f, 3, a.data());
  back.value().Score(f, 3, b.data());
  EXPECT_EQ(a, b);
  EXPECT_GT(a[0], 0);
  EXPECT_GT(a[1], 0);
  EXPECT_LT(a[2], 0);
  std::string again;
  back.value().AppendTo(&again);
  EXPECT_EQ(again, bytes);
  pos = 0;
  EXPECT_FALSE(LinearModel::ReadFrom(bytes.substr(0, bytes.size() - 2), &pos, "test").ok());
}

// A tiny treebank of our own: subject-verb-object sentences and passives.
std::string TinyTreebank() {
  std::string out;
  const char* subjects[] = {"Polisi", "Menteri", "Warga", "Presiden"};
  const char* verbs[] = {"menangkap", "mengunjungi", "menolak", "memeriksa"};
  const char* objects[] = {"tersangka", "Jakarta", "usulan", "saksi"};
  for (const char* s : subjects)
    for (const char* v : verbs)
      for (const char* o : objects)
        out += Rows({{s, "NOUN", "2", "nsubj", "_"}, {v, "VERB", "0", "root", "_"}, {o, "NOUN", "2", "obj", "SpaceAfter=No"},
                     {".", "PUNCT", "2", "punct", "_"}}) + "\n";
  return out;
}

SyntaxModel TrainTiny(const ConlluFile& file) {
  static const Abbreviations abbreviations = TestAbbreviations();
  std::vector<TreebankSentence> tokens;
  for (const ConlluSentence& s : file.sentences) tokens.push_back(OnWartaTokens(s, abbreviations));
  std::vector<TrainingSentence> sentences;
  for (size_t i = 0; i < tokens.size(); ++i) sentences.push_back({&tokens[i], &file.sentences[i], 0});
  SyntaxTrainOptions options;
  options.tagger_epochs = 3;
  options.parser_epochs = 3;
  options.jackknife = 2;
  options.min_count = 1;
  return TrainSyntaxModels("id", sentences, {}, options).at(0);
}

TEST(SyntaxTraining, IsDeterministicAndLearnsItsTreebank) {
  ConlluFile file = ParseConllu(TinyTreebank());
  ASSERT_EQ(file.sentences.size(), 64u);
  SyntaxModel a = TrainTiny(file), b = TrainTiny(file);
  std::string bytes = a.Save();
  EXPECT_EQ(bytes, b.Save());
  auto loaded = SyntaxModel::Load(bytes, "tiny");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded.value().Save(), bytes);
  EXPECT_FALSE(SyntaxModel::Load(bytes.substr(0, bytes.size() / 2), "tiny").ok());
  EXPECT_FALSE(SyntaxModel::Load("not a model", "tiny").ok());

  // A sentence it has seen: its words' roles come back.
  std::string text = "Warga menolak usulan.";
  std::vector<Span> spans = Tokenize(text, Span{0, text.size()}, TestAbbreviations());
  std::vector<Token> tokens = TokenTable(text, spans);
  loaded.value().Annotate(text, &tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].deprel, "nsubj");
  EXPECT_EQ(tokens[0].head, 2);
  EXPECT_EQ(tokens[1].deprel, "root");
  EXPECT_EQ(tokens[1].head, 0);
  EXPECT_EQ(tokens[2].deprel, "obj");
  EXPECT_EQ(tokens[1].upos, Upos::kVerb);
}

TEST(SyntaxTraining, ASentenceLongerThanTheSegmenterMakesIsParsedInPiecesWithOneRoot) {
  ConlluFile file = ParseConllu(TinyTreebank());
  SyntaxModel model = TrainTiny(file);
  std::string text;
  for (int i = 0; i < 700; ++i) text += "Warga menolak usulan . ";
  std::vector<Token> tokens = TokenTable(text, Tokenize(text, Span{0, text.size()}, TestAbbreviations()));
  ASSERT_EQ(tokens.size(), 2800u);
  model.Annotate(text, &tokens);
  int roots = 0;
  for (const Token& t : tokens) {
    roots += t.head == 0;
    EXPECT_LE(t.head, tokens.size());
    EXPECT_FALSE(t.deprel.empty());
  }
  EXPECT_EQ(roots, 1);
}

TEST(SyntaxModel, ACorruptModelIsAnErrorNotAnException) {
  auto frame = [](const std::vector<std::string>& strings) {
    std::string raw = "WARTA-SYNTAX 1\n";
    for (const std::string& x : strings) {
      uint32_t n = static_cast<uint32_t>(x.size());
      raw.append(reinterpret_cast<const char*>(&n), 4);
      raw += x;
    }
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 1));
    return out;
  };
  for (const auto& strings : std::vector<std::vector<std::string>>{
           {"id", "csui", "x1"}, {"id", "csui", "99999999999"}, {"id", "csui", "1", "root", "zz"}, {"id"}}) {
    auto m = SyntaxModel::Load(frame(strings), "bad.model");
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.status().message().find("bad.model"), std::string::npos);
  }
}

TEST(Reannotate, KeepsIdsFormsAndRangesAndFillsTheRest) {
  ConlluFile file = ParseConllu(TinyTreebank());
  SyntaxModel model = TrainTiny(file);
  ConlluFile in = ParseConllu(
      "# sent_id = x\n"
      "1\tPolisi\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2-3\tmenangkapnya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "2\tmenangkap\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tnya\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n");
  ASSERT_EQ(in.sentences.size(), 1u);
  ConlluSentence s = in.sentences[0];
  Reannotate(model, nullptr, TestAbbreviations(), &s);
  ASSERT_EQ(s.rows.size(), 5u);
  for (size_t i = 0; i < s.rows.size(); ++i) {
    EXPECT_EQ(s.rows[i].fields[0], in.sentences[0].rows[i].fields[0]);
    EXPECT_EQ(s.rows[i].fields[1], in.sentences[0].rows[i].fields[1]);
  }
  EXPECT_EQ(s.rows[1].fields[3], "_");  // the range line is not annotated
  int roots = 0;
  for (const ConlluRow* w : s.Words()) {
    EXPECT_NE(w->fields[3], "_");
    EXPECT_NE(w->fields[7], "_");
    roots += w->head == 0;
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(s.rows[0].fields[7], "nsubj");
  EXPECT_EQ(s.rows[0].fields[6], "2");
}

TEST(Reannotate, AWordWartaCutsIntoSeveralTokensStillGivesOneTreeWithOneRoot) {
  ConlluFile file = ParseConllu(TinyTreebank());
  SyntaxModel model = TrainTiny(file);
  // "x(y)z" and "a.b.c-d" are one word each here; warta cuts them into several tokens.
  for (const char* odd : {"x(y)z", "((((", "a/b/c", ")"}) {
    ConlluFile in = ParseConllu(Rows({{odd, "_", "_", "_", "_"}, {"Polisi", "_", "_", "_", "_"},
                                      {odd, "_", "_", "_", "_"}, {"menangkap", "_", "_", "_", "_"},
                                      {odd, "_", "_", "_", "SpaceAfter=No"}, {".", "_", "_", "_", "_"}}));
    ASSERT_EQ(in.sentences.size(), 1u) << odd;
    ConlluSentence s = in.sentences[0];
    Reannotate(model, nullptr, TestAbbreviations(), &s);
    int roots = 0;
    std::vector<const ConlluRow*> w = s.Words();
    for (const ConlluRow* r : w) {
      roots += r->head == 0;
      EXPECT_NE(r->head, r->id) << odd;
      EXPECT_LE(r->head, static_cast<int>(w.size())) << odd;
    }
    EXPECT_EQ(roots, 1) << odd;
    // Following heads from every word reaches the root: no cycle.
    for (const ConlluRow* r : w) {
      int at = r->id, steps = 0;
      while (at != 0 && steps++ <= static_cast<int>(w.size())) at = w[static_cast<size_t>(at - 1)]->head;
      EXPECT_EQ(at, 0) << odd;
    }
    EXPECT_TRUE(ParseConllu(FormatConllu(s)).errors.empty());
  }
}

TEST(ConlluWriter, WritesSpansAndComments) {
  std::string text = "Halo dunia.";
  Sentence s;
  s.span = {0, text.size()};
  s.tokens = TokenTable(text, {{0, 4}, {5, 10}, {10, 11}});
  s.tokens[0].upos = Upos::kIntj;
  s.tokens[0].head = 2;
  s.tokens[0].deprel = "discourse";
  s.tokens[0].lemma = "halo";
  std::string out = DocumentToConllu("d1", text, {s});
  EXPECT_EQ(out.substr(0, out.find('\n', out.find('\n') + 1) + 1), "# sent_id = d1-1\n# text = Halo dunia.\n");
  EXPECT_NE(out.find("1\tHalo\thalo\tINTJ\t_\t_\t2\tdiscourse\t_\tstart=0|end=4\n"), std::string::npos);
  EXPECT_NE(out.find("2\tdunia\t_\t_\t_\t_\t_\t_\t_\tstart=5|end=10|SpaceAfter=No\n"), std::string::npos);
  EXPECT_TRUE(ParseConllu(out).errors.empty());
}

}  // namespace
}  // namespace warta
