// Training a language's syntax model from treebank sentences on warta's
// tokens (`make syntax-model`, tools/train_syntax.cc). Deterministic: the same
// sentences and options give the same model bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "syntax/syntax.h"
#include "syntax/treebank.h"

namespace warta {

struct SyntaxTrainOptions {
  int tagger_epochs = 8;
  int parser_epochs = 12;
  int jackknife = 4;      // the parser trains on tags the tagger predicts, in this many folds
  double explore = 0.9;   // the dynamic oracle's exploration
  uint32_t min_count = 2; // parser features updated fewer times are dropped
  uint64_t seed = 1;
  std::function<void(const std::string&)> progress;  // optional
};

struct TrainingSentence {
  const TreebankSentence* tokens;  // a tree on warta's tokens (TreebankSentence::tree)
  const ConlluSentence* words;     // the treebank's sentence, for the hidden words
  int style = 0;                   // index into the style names
};

// One model per style name (one with no name when `styles` is empty), in order.
std::vector<SyntaxModel> TrainSyntaxModels(const std::string& lang, const std::vector<TrainingSentence>& sentences,
                             const std::vector<std::string>& styles, const SyntaxTrainOptions& options);

}  // namespace warta
