// Training the name tagger: averaged structured perceptron (Collins 2002).
// Deterministic: the same sentences and options give the same model bytes.
#pragma once

#include <functional>
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

}  // namespace warta
