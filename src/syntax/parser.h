// The dependency parser: arc-eager transitions (Nivre 2003) with labelled arcs,
// scored by an averaged perceptron over the rich features of Zhang & Nivre
// (2011), decoded greedily, trained with the dynamic oracle of Goldberg &
// Nivre (2012) so that it learns to recover from its own mistakes. Greedy
// decoding keeps it linear in the sentence: two transitions per token.
#pragma once

#include <string>
#include <vector>

#include "syntax/perceptron.h"
#include "syntax/word_features.h"
#include "text/token.h"

namespace warta {

struct ParseResult {
  std::vector<int> heads;   // per word, 1-based; 0: the root
  std::vector<int> labels;  // per word, index into Parser::labels()
};

class Parser {
 public:
  Parser() = default;
  // `labels` are the relation names; one of them must be "root".
  Parser(LinearModel model, std::vector<std::string> labels);
  ParseResult Parse(const std::vector<WordInfo>& words, const std::vector<Upos>& tags) const;
  const std::vector<std::string>& labels() const { return labels_; }
  const LinearModel& model() const { return model_; }

 private:
  LinearModel model_;
  std::vector<std::string> labels_;
  int root_ = 0;
};

struct ParserExample {
  std::vector<WordInfo> words;
  std::vector<Upos> tags;   // as the tagger predicts them, so training sees what parsing will
  std::vector<int> heads;   // gold, 1-based, projective
  std::vector<int> labels;  // gold, indexes into the label list
  int style = -1;           // the treebank's annotation style (perceptron.h), -1: one style only
};

// Makes a tree projective by lifting each non-projective arc to the head's
// head until none is left (the training oracle needs projective trees).
void Projectivize(std::vector<int>* heads);

// Trains for `epochs` passes; from the second pass on, the parser follows its
// own wrong transitions with probability `explore` (the dynamic oracle's
// exploration). Features updated fewer than `min_count` times are dropped.
// Deterministic for a seed. One parser per style (styles > 0), else one.
std::vector<Parser> TrainParser(const std::vector<ParserExample>& examples, const std::vector<std::string>& labels,
                                int epochs, double explore, uint64_t seed, uint32_t min_count, int styles);

}  // namespace warta
