// Training the name tagger: averaged structured perceptron (Collins 2002).
// Deterministic: the same sentences and options give the same model bytes.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "entities/ner_model.h"

namespace warta {

struct NerExample {
  NerFeatures features;
  std::vector<int> labels;
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

// What `make model` trains on and how: the files under ../shared/data, the
// options, and the header of data/entities/ner_model.tsv.
inline const char* const kNerTrainFiles[] = {"idner-news-2k/train.txt", "indonlu-nergrit_ner-grit/train_preprocess.txt"};
constexpr int kNerEpochs = 10;
constexpr float kNerPrune = 2.0f;
extern const char kNerModelHeader[];

}  // namespace warta
