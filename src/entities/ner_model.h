// The statistical name tagger: a first-order structured perceptron over BIO
// labels for PER, LOC and ORG, decoded with Viterbi. Chosen over a CRF or a
// neural model because it trains in seconds in plain C++, decodes at millions
// of tokens per second, and its model is a small readable table (no library
// in Debian offers a trainable sequence tagger for C++).
#pragma once

#include <array>
#include <span>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/flat_hash.h"
#include "util/status.h"

namespace warta {

enum NerLabel : int { kO = 0, kBPer, kIPer, kBLoc, kILoc, kBOrg, kIOrg, kNerLabelCount };

// "PER" / "LOC" / "ORG" for a B- or I- label, "O" for kO.
std::string_view NerLabelType(int label);
// Parses "B-PER", "I-PLACE", "B-ORGANISATION", "O", ...; unknown types → kO.
int ParseNerLabel(std::string_view tag);

struct NerSpan {
  size_t begin = 0, end = 0;  // token indices, end exclusive
  std::string_view type;       // "PER", "LOC", "ORG"
};
std::vector<NerSpan> LabelsToSpans(const std::vector<int>& labels);

// The features of a sentence's tokens, stored flat (one allocation per
// sentence, not per token): features[i] is token i's list.
class NerFeatures {
 public:
  size_t size() const { return offsets_.size() - 1; }
  std::span<const uint64_t> operator[](size_t i) const {
    return {data_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
  }
  void Clear() {
    data_.clear();
    offsets_.assign(1, 0);
  }
  void Reserve(size_t tokens, size_t per_token) {
    offsets_.reserve(tokens + 1);
    data_.reserve(tokens * per_token);
  }
  void Add(uint64_t feature) { data_.push_back(feature); }
  void EndToken() { offsets_.push_back(static_cast<uint32_t>(data_.size())); }

 private:
  std::vector<uint64_t> data_;
  std::vector<uint32_t> offsets_{0};
};

class NerModel {
 public:
  using Weights = std::array<float, kNerLabelCount>;

  // Model file: "#" comments; "T<TAB>PREV<TAB>WEIGHTS" transition rows
  // (PREV -1 = start) and "F<TAB>HASH<TAB>WEIGHTS" feature rows (HASH 16 hex
  // digits); WEIGHTS are "LABEL:WEIGHT" pairs for the non-zero weights, in
  // thousandths, or "0".
  static Result<NerModel> FromTsv(std::string_view tsv, std::string_view name);
  std::string ToTsv(std::string_view header_comment) const;

  std::vector<int> Decode(const NerFeatures& features) const;
  // Tokens whose `candidate` is false are O (and their features are not read).
  std::vector<int> Decode(const NerFeatures& features, const std::vector<bool>& candidate) const;
  bool empty() const { return rows_.empty(); }
  size_t size() const { return rows_.size(); }

  // For training.
  Weights& FeatureWeights(uint64_t feature);
  Weights& TransitionWeights(int prev) { return transitions_[prev + 1]; }

  // Drops features whose largest weight magnitude is below `threshold`.
  void Prune(float threshold);

 private:
  const Weights* Find(uint64_t feature) const;

  // After loading, for decoding: each feature with its weights as 16-bit
  // integers (units of 0.002) in one open-addressing table — 24 bytes a
  // slot, so a lookup touches one cache line and the table stays small
  // (1.5 MB for this model). Integer sums are exact, so emission scores do
  // not depend on the order features are added.
  struct Slot {
    uint64_t feature = 0;
    int16_t weights[kNerLabelCount] = {};
    uint16_t used = 0;
  };
  static constexpr float kQuantum = 0.002f;
  void Freeze();
  const Slot* FindFrozen(uint64_t feature) const;
  std::vector<Slot> frozen_;
  uint64_t frozen_mask_ = 0;

  FlatHash64 index_;               // feature → row
  std::vector<uint64_t> features_;  // row → feature
  std::vector<Weights> rows_;
  std::array<Weights, kNerLabelCount + 1> transitions_{};
};

// The allowed label sequences: I-X only after B-X or I-X.
bool NerTransitionAllowed(int prev, int next);

}  // namespace warta
