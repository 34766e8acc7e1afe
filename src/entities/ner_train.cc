#include "entities/ner_train.h"

#include "entities/conll.h"
#include "entities/recognizer.h"

#include <algorithm>
#include <numeric>

namespace warta {

namespace {

// SplitMix64: a fixed PRNG, so the shuffle is the same everywhere (the
// standard library's distributions are not).
struct SplitMix64 {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

// Weights with lazy averaging: `total` accumulates w × time, `stamp` is when
// w last changed.
struct AveragedRow {
  NerModel::Weights w{}, total{};
  std::array<uint64_t, kNerLabelCount> stamp{};
  void Add(int label, float delta, uint64_t now) {
    total[label] += w[label] * static_cast<float>(now - stamp[label]);
    stamp[label] = now;
    w[label] += delta;
  }
  float Average(int label, uint64_t now) const {
    float t = total[label] + w[label] * static_cast<float>(now - stamp[label]);
    return now ? t / static_cast<float>(now) : 0.0f;
  }
};

}  // namespace

NerModel TrainNerModel(const std::vector<NerExample>& examples, const NerTrainOptions& options) {
  NerModel current;  // the weights the decoder uses while training
  std::unordered_map<uint64_t, AveragedRow> rows;
  std::array<AveragedRow, kNerLabelCount + 1> trans;
  uint64_t now = 0;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  SplitMix64 rng{options.shuffle_seed};

  auto update = [&](const NerExample& ex, const std::vector<int>& guess) {
    for (size_t i = 0; i < ex.labels.size(); ++i) {
      int gold = ex.labels[i], got = guess[i];
      int gold_prev = i ? ex.labels[i - 1] : -1, got_prev = i ? guess[i - 1] : -1;
      if (gold != got) {
        for (uint64_t f : ex.features[i]) {
          AveragedRow& r = rows[f];
          r.Add(gold, 1, now);
          r.Add(got, -1, now);
          auto& cw = current.FeatureWeights(f);
          cw[gold] = r.w[gold];
          cw[got] = r.w[got];
        }
      }
      if (gold != got || gold_prev != got_prev) {
        trans[gold_prev + 1].Add(gold, 1, now);
        trans[got_prev + 1].Add(got, -1, now);
        current.TransitionWeights(gold_prev)[gold] = trans[gold_prev + 1].w[gold];
        current.TransitionWeights(got_prev)[got] = trans[got_prev + 1].w[got];
      }
    }
  };

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    size_t correct = 0, total = 0;
    for (size_t idx : order) {
      const NerExample& ex = examples[idx];
      ++now;
      std::vector<int> guess = current.Decode(ex.features);
      for (size_t i = 0; i < guess.size(); ++i) correct += guess[i] == ex.labels[i];
      total += guess.size();
      if (guess != ex.labels) update(ex, guess);
    }
    if (options.on_epoch) options.on_epoch(epoch + 1, total ? static_cast<double>(correct) / total : 0.0);
  }

  NerModel averaged;
  // Insert in key order so the model (and its file) does not depend on hash-map order.
  std::vector<uint64_t> keys;
  keys.reserve(rows.size());
  for (const auto& [f, r] : rows) keys.push_back(f);
  std::sort(keys.begin(), keys.end());
  for (uint64_t f : keys) {
    auto& w = averaged.FeatureWeights(f);
    for (int l = 0; l < kNerLabelCount; ++l) w[l] = rows[f].Average(l, now);
  }
  for (int p = -1; p < kNerLabelCount; ++p)
    for (int l = 0; l < kNerLabelCount; ++l) averaged.TransitionWeights(p)[l] = trans[p + 1].Average(l, now);
  if (options.prune_below > 0) averaged.Prune(options.prune_below);
  return averaged;
}

const char kNerModelHeader[] =
    "# The name tagger's model: a structured perceptron over BIO labels (O B-PER I-PER B-LOC I-LOC\n"
    "# B-ORG I-ORG), written by tools/train_ner.cc (`make model`). Do not edit by hand.\n"
    "# Format: T<TAB>PREV<TAB>WEIGHTS (transitions, PREV -1 = sentence start) and\n"
    "# F<TAB>FEATURE-HASH<TAB>WEIGHTS; WEIGHTS are LABEL:WEIGHT pairs (thousandths), or 0.\n";

std::vector<NerExample> NerExamplesFromConll(std::string_view conll, const EntityKnowledge& k) {
  std::vector<NerExample> examples;
  for (const ConllSentence& s : ParseConll(conll)) {
    NerExample ex;
    const WordTable table = TableOfWords(s.tokens);
    ex.features = NerFeaturesFor(table.view(), k);
    for (const auto& t : s.tags) ex.labels.push_back(ParseNerLabel(t));
    for (size_t i = 0; i < ex.labels.size(); ++i) {
      int l = ex.labels[i];
      if (l != kO && l % 2 == 0 && (i == 0 || (ex.labels[i - 1] != l && ex.labels[i - 1] != l - 1)))
        ex.labels[i] = l - 1;
    }
    examples.push_back(std::move(ex));
  }
  return examples;
}

}  // namespace warta
