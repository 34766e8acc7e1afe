// The part-of-speech tagger: greedy left to right, an averaged perceptron over
// the word's form, affixes and shape, its neighbours' forms and the tags
// already chosen (Collins 2002; the features of Honnibal's tagger, with the
// prefixes Indonesian morphology needs).
#pragma once

#include <vector>

#include "syntax/perceptron.h"
#include "syntax/word_features.h"
#include "text/token.h"

namespace warta {

class Tagger {
 public:
  Tagger() = default;
  explicit Tagger(LinearModel model) : model_(std::move(model)) {}
  std::vector<Upos> Tag(const std::vector<WordInfo>& words) const;
  const LinearModel& model() const { return model_; }

 private:
  LinearModel model_{kUposCount};
};

// The features of word i given the two tags before it.
void TaggerFeatures(const std::vector<WordInfo>& words, size_t i, Upos prev, Upos prev2, std::vector<uint64_t>* out);

struct TaggerExample {
  std::vector<WordInfo> words;
  std::vector<Upos> tags;
  int style = -1;  // the treebank's annotation style (perceptron.h), -1: one style only
};

// Trains for `epochs` passes over the examples, shuffled by a fixed seed; one
// tagger per style (styles > 0), else one.
std::vector<Tagger> TrainTagger(const std::vector<TaggerExample>& examples, int epochs, uint64_t seed, int styles);

}  // namespace warta
