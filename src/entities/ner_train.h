// Training the name tagger: averaged structured perceptron (Collins 2002).
// Deterministic: the same sentences and options give the same model bytes.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entities/conll.h"
#include "entities/ner_model.h"
#include "text/segment.h"

namespace warta {

struct NerExample {
  NerFeatures features;
  std::vector<int> labels;
  // When not empty: the tokens the tagger looks at (NameCandidates), the
  // others O, as the recogniser decodes. Training then decodes so too.
  std::vector<bool> candidates;
};

struct NerTrainOptions {
  int epochs = 10;
  uint64_t shuffle_seed = 20261123;  // order of examples per epoch (own PRNG: same on every platform)
  float prune_below = 0.0f;           // drop features whose weights are all smaller (after averaging)
  std::function<void(int epoch, double train_token_accuracy)> on_epoch;  // progress, may be empty
};

NerModel TrainNerModel(const std::vector<NerExample>& examples, const NerTrainOptions& options);

// Training examples from a CoNLL file's text: features with `k`'s
// dictionary hints; an I- label with no B- before it becomes B- (the public
// sets have a few).
class EntityKnowledge;
std::vector<NerExample> NerExamplesFromConll(std::string_view conll, const EntityKnowledge& k);

// A sentence of an NER set as analyze sees it: its text (as written, else
// the words joined by spaces) split into sentences and tokenised by warta,
// the token tables filled by `annotate` (the syntax stage: part of speech),
// and the gold names as byte spans of the text.
struct NerGoldName {
  Span span;
  std::string_view type;  // "PER", "LOC", "ORG"
};
struct NerTextSentence {
  std::string text;
  std::vector<Sentence> sentences;  // warta's, over `text`
  std::vector<NerGoldName> gold;
};
using NerAnnotator = std::function<void(std::string_view text, std::vector<Token>* tokens)>;
NerTextSentence PrepareNerSentence(const ConllSentence& s, const Abbreviations& abbreviations,
                                   const NerAnnotator& annotate);

// BIO labels of warta's tokens from the gold names: the tokens a name covers
// (in part or whole) are its B- then I- tokens.
std::vector<int> ProjectNerLabels(const TokenView& tokens, const std::vector<NerGoldName>& gold);

// Training examples on warta's tokens, one per warta sentence, with the
// syntax feature set when `syntax` (the English model) and decoded over the
// name candidates only when `candidates_only`.
std::vector<NerExample> NerExamplesFromText(const std::vector<NerTextSentence>& sentences, const EntityKnowledge& k,
                                            bool syntax, bool candidates_only);

// Exact-span scoring of the recogniser (dictionaries, tagger and rules:
// RecognizeNames with `lang`) on prepared sentences: per type ("PER", "LOC",
// "ORG" and "all"), true positives, false positives, false negatives.
// `on_error`, when given, hears each miss ("FP"/"FN", type, name, text).
using NerCounts = std::map<std::string, std::array<size_t, 3>>;
using NerErrorSink = std::function<void(std::string_view kind, std::string_view type, std::string_view name,
                                        std::string_view text)>;
void ScoreNames(const std::vector<NerTextSentence>& sentences, const EntityKnowledge& k, std::string_view lang,
                NerCounts* counts, const NerErrorSink& on_error = {});

// k-fold cross-validation: `sentences` cut into `folds` contiguous blocks,
// each scored by a model trained (with `options`, the English settings) on
// the others and on `extra` (examples every fold trains on); the counts of
// all folds summed.
NerCounts CrossValidateNer(const std::vector<NerTextSentence>& sentences, const std::vector<NerExample>& extra,
                           const EntityKnowledge& k, int folds, const NerTrainOptions& options,
                           const NerErrorSink& on_error = {});

// The English model (data/entities/ner_model_en.tsv): Universal NER's
// English-EWT dev split (the only one there is besides test), read as
// analyze reads English text (tokenised by warta and tagged by the English
// syntax model); with it, Indonesian news (idner-news-2k train) tagged by
// the Indonesian syntax model, which shares the part-of-speech tags, the
// shapes and the dictionaries' hints (5-fold CV F1 on UNER dev, mean of
// four shuffles: 0.576 without, 0.591 with); the syntax feature set.
inline const char* const kNerTrainFilesEn[] = {"uner-en-ewt/dev.iob2"};
inline const char* const kNerTrainFilesEnFromId[] = {"idner-news-2k/train.txt"};
constexpr int kNerEpochsEn = 10;
constexpr float kNerPruneEn = 2.0f;  // as the Indonesian model: 13k features, CV F1 0.597 (0.593 unpruned)
constexpr bool kNerCandidatesOnlyEn = false;  // all tokens: 5-fold CV F1 0.581 against 0.559 over candidates only
extern const char kNerModelHeaderEn[];

// An NER file's sentences read as analyze reads text of language `lang`
// (warta's tokens, tagged by that language's syntax model through
// `annotate`): IOB2 files (Universal NER) when `iob2`, else CoNLL.
std::vector<NerTextSentence> ReadNerSentences(std::string_view file_text, bool iob2, const Abbreviations& abbreviations,
                                              const NerAnnotator& annotate);

// What `make model` trains on and how: the files under ../shared/data, the
// options, and the header of data/entities/ner_model.tsv.
inline const char* const kNerTrainFiles[] = {"idner-news-2k/train.txt", "indonlu-nergrit_ner-grit/train_preprocess.txt"};
constexpr int kNerEpochs = 10;
constexpr float kNerPrune = 2.0f;
extern const char kNerModelHeader[];

}  // namespace warta
