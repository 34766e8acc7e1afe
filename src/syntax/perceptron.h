// The linear scorer of the tagger and the parser: an averaged perceptron over
// hashed features (Collins 2002; Goldberg & Nivre 2012 train the parser with
// it). Written here because no Debian package offers one for C++ and both the
// tagger and the parser need millions of sparse scores per second.
//
// A feature is a 64-bit key (a template number mixed with the hashes of the
// words, tags and labels it reads). Each key holds a short list of (class,
// weight) pairs: most features meet only a few of the classes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace warta {

// Mixes a template number and up to three values into a feature key (even:
// odd keys are the per-treebank copies below).
inline uint64_t FeatureKey(uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = templ * 0x9E3779B97F4A7C15ULL;
  for (uint64_t v : {a, b, c}) {
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  }
  return h & ~uint64_t{1};
}

// Treebanks of one language annotated in different styles (UD Indonesian GSD
// before and after its 2021 revision) train one model: every feature has a
// shared weight and one per style (Daume III 2007, "frustratingly easy domain
// adaptation"); the model for a style is the sum of the two, so parsing costs
// no more than with one treebank.
inline uint64_t StyleKey(uint64_t key, int style) {
  return FeatureKey(key, 0x5157u + static_cast<uint64_t>(style)) | 1;
}
// Appends the style copy of every feature (training only).
inline void AddStyleKeys(std::vector<uint64_t>* features, int style) {
  if (style < 0) return;
  size_t n = features->size();
  for (size_t i = 0; i < n; ++i) features->push_back(StyleKey((*features)[i], style));
}

// The trained weights, read-only: scores for a list of features. Keys are
// folded to 32 bits and weights quantised to 16 (features whose keys meet are
// summed, as in the hashing trick); a lookup is one slot and one run of
// weights, and Score prefetches all of a state's slots before reading any, so
// the memory latency of a hundred lookups overlaps.
class LinearModel {
 public:
  explicit LinearModel(size_t classes = 0) : classes_(classes) {}
  size_t classes() const { return classes_; }
  size_t features() const { return features_; }
  size_t weights() const;
  // scores[c] += the weights of `features` for class c, in units of scale().
  // `scores` must have score_size() entries (classes() rounded up to 16).
  void Score(const uint64_t* features, size_t n, int32_t* scores) const;
  size_t score_size() const { return (classes_ + 15) / 16 * 16; }
  float scale() const { return scale_; }

  // Builds the model from averaged weights: key → (class, weight) pairs.
  static LinearModel Build(size_t classes, const std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>>& rows);

  // A compact binary form (varints, little-endian): the same model gives the same bytes.
  void AppendTo(std::string* out) const;
  // Reads what AppendTo wrote at data[*pos...], advancing *pos.
  static Result<LinearModel> ReadFrom(std::string_view data, size_t* pos, std::string_view name);

  static uint32_t Fold(uint64_t key) { return static_cast<uint32_t>(key >> 32) ^ static_cast<uint32_t>(key); }

 private:
  struct Slot {
    uint32_t key = 0;
    uint32_t offset = 0;  // into pool_, +1 (with kDense: into dense_, in rows); 0: empty
  };
  static constexpr uint32_t kDense = 0x80000000u;
  struct Weight {
    uint16_t cls;  // the first entry of a run: cls = the run's length
    int16_t w;
  };
  void Index(const std::vector<std::pair<uint32_t, std::vector<Weight>>>& rows);
  size_t SlotOf(uint32_t key) const { return (key * 0x9E3779B1u) & mask_; }

  size_t classes_ = 0;
  size_t features_ = 0;
  float scale_ = 1.0f;  // weight = w / scale_
  uint32_t mask_ = 0;
  std::vector<Slot> slots_;
  std::vector<Weight> pool_;     // sparse runs: most features meet few classes
  std::vector<int16_t> dense_;   // rows of classes() weights, for features that meet many
  size_t row_ = 0;               // classes() rounded up to 16
};

// Training: integer weights, averaged over every update step (the lazy
// "timestamp" averaging), so the same examples give the same model.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(size_t classes) : classes_(classes) {}
  void Score(const std::vector<uint64_t>& features, std::vector<double>* scores) const;
  // One step: truth gets +1 on each feature, guess gets -1 (nothing when equal).
  void Update(const std::vector<uint64_t>& features, size_t truth, size_t guess);
  // Counts a step without an update (the averaging clock).
  void Tick() { ++clock_; }
  // The averaged weights; features updated fewer than `min_count` times are
  // dropped. With a style >= 0, the shared weights plus that style's copies,
  // under the shared keys.
  LinearModel Average(uint32_t min_count, int style = -1) const;
  size_t features() const { return weights_.size(); }

 private:
  struct Weight {
    uint16_t cls;
    int32_t w = 0;
    int64_t total = 0;  // sum of w over the clock up to `stamp`
    int64_t stamp = 0;
  };
  struct Entry {
    std::vector<Weight> weights;
    uint32_t updates = 0;
  };
  size_t classes_;
  int64_t clock_ = 0;
  std::unordered_map<uint64_t, Entry> weights_;
};

}  // namespace warta
