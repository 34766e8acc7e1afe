#include "entities/ner_model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

std::string_view NerLabelType(int label) {
  switch (label) {
    case kBPer: case kIPer: return "PER";
    case kBLoc: case kILoc: return "LOC";
    case kBOrg: case kIOrg: return "ORG";
    default: return "O";
  }
}

int ParseNerLabel(std::string_view tag) {
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return kO;
  std::string_view type = tag.substr(2);
  int base;
  if (type == "PER" || type == "PERSON") base = kBPer;
  else if (type == "LOC" || type == "PLACE" || type == "LOCATION") base = kBLoc;
  else if (type == "ORG" || type == "ORGANISATION" || type == "ORGANIZATION") base = kBOrg;
  else return kO;
  return tag[0] == 'B' ? base : base + 1;
}

bool NerTransitionAllowed(int prev, int next) {
  if (next == kIPer || next == kILoc || next == kIOrg) return prev == next || prev == next - 1;
  return true;
}

std::vector<NerSpan> LabelsToSpans(const std::vector<int>& labels) {
  std::vector<NerSpan> spans;
  for (size_t i = 0; i < labels.size();) {
    int l = labels[i];
    if (l == kO) { ++i; continue; }
    int begin_label = (l % 2 == 1) ? l : l - 1;  // an I- without B- starts a span too
    size_t j = i + 1;
    while (j < labels.size() && labels[j] == begin_label + 1) ++j;
    spans.push_back({i, j, NerLabelType(begin_label)});
    i = j;
  }
  return spans;
}

NerModel::Weights& NerModel::FeatureWeights(uint64_t feature) {
  frozen_.clear();
  uint32_t row = index_.Insert(feature, static_cast<uint32_t>(rows_.size()));
  if (row == rows_.size()) {
    rows_.push_back(Weights{});
    features_.push_back(feature);
  }
  return rows_[row];
}

namespace {

size_t SlotOf(uint64_t feature, uint64_t mask) { return (feature * 0x9E3779B97F4A7C15ULL >> 20) & mask; }

}  // namespace

void NerModel::Freeze() {
  size_t slots = 64;
  while (slots < rows_.size() * 2) slots *= 2;  // load factor at most 0.5: absent features (most) end in a probe or two
  frozen_.assign(slots, Slot{});
  frozen_mask_ = slots - 1;
  for (size_t r = 0; r < rows_.size(); ++r) {
    size_t i = SlotOf(features_[r], frozen_mask_);
    while (frozen_[i].used) i = (i + 1) & frozen_mask_;
    frozen_[i].feature = features_[r];
    frozen_[i].used = 1;
    for (int l = 0; l < kNerLabelCount; ++l) {
      long q = std::lround(rows_[r][l] / kQuantum);
      frozen_[i].weights[l] = static_cast<int16_t>(std::clamp(q, -32767L, 32767L));
    }
  }
}

const NerModel::Slot* NerModel::FindFrozen(uint64_t feature) const {
  size_t i = SlotOf(feature, frozen_mask_);
  while (frozen_[i].used) {
    if (frozen_[i].feature == feature) return &frozen_[i];
    i = (i + 1) & frozen_mask_;
  }
  return nullptr;
}

const NerModel::Weights* NerModel::Find(uint64_t feature) const {
  uint32_t row = index_.Find(feature);
  return row == FlatHash64::kMissing ? nullptr : &rows_[row];
}

void NerModel::Prune(float threshold) {
  std::vector<std::pair<uint64_t, Weights>> kept;
  for (size_t i = 0; i < rows_.size(); ++i) {
    float m = 0;
    for (float w : rows_[i]) m = std::max(m, std::fabs(w));
    if (m >= threshold) kept.emplace_back(features_[i], rows_[i]);
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  index_.clear();
  rows_.clear();
  features_.clear();
  for (auto& [f, w] : kept) FeatureWeights(f) = w;
}

std::vector<int> NerModel::Decode(const NerFeatures& features) const {
  return Decode(features, std::vector<bool>(features.size(), true));
}

std::vector<int> NerModel::Decode(const NerFeatures& features, const std::vector<bool>& candidate) const {
  const size_t n = features.size();
  std::vector<int> labels(n, kO);
  if (n == 0) return labels;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  std::vector<Weights> emit(n);
  // The table is larger than the cache: ask for the next token's slots while
  // this token's are summed.
  auto prefetch = [&](size_t i) {
    if (i >= n || !candidate[i] || frozen_.empty()) return;
    for (uint64_t f : features[i]) __builtin_prefetch(&frozen_[SlotOf(f, frozen_mask_)]);
  };
  prefetch(0);
  for (size_t i = 0; i < n; ++i) {
    prefetch(i + 1);
    Weights e{};
    if (!candidate[i]) {
      for (int l = 1; l < kNerLabelCount; ++l) e[l] = kNeg;
      emit[i] = e;
      continue;
    }
    if (!frozen_.empty()) {
      int32_t sum[kNerLabelCount] = {};
      for (uint64_t f : features[i])
        if (const Slot* slot = FindFrozen(f))
          for (int l = 0; l < kNerLabelCount; ++l) sum[l] += slot->weights[l];
      for (int l = 0; l < kNerLabelCount; ++l) e[l] = static_cast<float>(sum[l]) * kQuantum;
    } else {
      for (uint64_t f : features[i]) {
        if (const Weights* w = Find(f))
          for (int l = 0; l < kNerLabelCount; ++l) e[l] += (*w)[l];
      }
    }
    emit[i] = e;
  }
  std::vector<Weights> score(n);
  std::vector<std::array<int8_t, kNerLabelCount>> back(n);
  for (int l = 0; l < kNerLabelCount; ++l)
    score[0][l] = NerTransitionAllowed(kO, l) && emit[0][l] != kNeg ? emit[0][l] + transitions_[0][l] : kNeg;
  for (size_t i = 1; i < n; ++i) {
    for (int l = 0; l < kNerLabelCount; ++l) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < kNerLabelCount; ++p) {
        if (!NerTransitionAllowed(p, l) || score[i - 1][p] == kNeg) continue;
        float s = score[i - 1][p] + transitions_[p + 1][l];
        if (s > best) { best = s; arg = p; }
      }
      score[i][l] = best == kNeg || emit[i][l] == kNeg ? kNeg : best + emit[i][l];
      back[i][l] = static_cast<int8_t>(arg);
    }
  }
  int best = 0;
  for (int l = 1; l < kNerLabelCount; ++l)
    if (score[n - 1][l] > score[n - 1][best]) best = l;
  for (size_t i = n; i-- > 0;) {
    labels[i] = best;
    if (i > 0) best = back[i][best];
  }
  return labels;
}

namespace {

// Sparse: "LABEL:WEIGHT" pairs for the non-zero weights, in thousandths,
// separated by spaces ("" when all are zero).
std::string FormatWeights(const NerModel::Weights& w) {
  std::string out;
  for (int l = 0; l < kNerLabelCount; ++l) {
    long v = static_cast<long>(std::lround(w[l] * 1000.0f));
    if (v == 0) continue;
    if (!out.empty()) out += ' ';
    out += std::to_string(l) + ":" + std::to_string(v);
  }
  return out;
}

bool ParseWeights(std::string_view s, NerModel::Weights* w) {
  *w = NerModel::Weights{};
  if (s == "0") return true;
  for (std::string_view part : Split(s, ' ')) {
    size_t colon = part.find(':');
    if (colon == std::string_view::npos) return false;
    int l = 0;
    long v = 0;
    auto [p1, e1] = std::from_chars(part.data(), part.data() + colon, l);
    auto [p2, e2] = std::from_chars(part.data() + colon + 1, part.data() + part.size(), v);
    if (e1 != std::errc() || e2 != std::errc() || p1 != part.data() + colon || p2 != part.data() + part.size() ||
        l < 0 || l >= kNerLabelCount)
      return false;
    (*w)[l] = static_cast<float>(v) / 1000.0f;
  }
  return true;
}

}  // namespace

std::string NerModel::ToTsv(std::string_view header_comment) const {
  std::string out(header_comment);
  for (int p = -1; p < kNerLabelCount; ++p)
  {
    std::string w = FormatWeights(transitions_[p + 1]);
    out += "T\t" + std::to_string(p) + "\t" + (w.empty() ? "0" : w) + "\n";
  }
  std::vector<std::pair<uint64_t, uint32_t>> sorted;
  for (size_t i = 0; i < rows_.size(); ++i) sorted.emplace_back(features_[i], static_cast<uint32_t>(i));
  std::sort(sorted.begin(), sorted.end());
  char hex[17];
  for (const auto& [f, i] : sorted) {
    std::string w = FormatWeights(rows_[i]);
    if (w.empty()) continue;
    snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(f));
    out += "F\t";
    out += hex;
    out += "\t" + w + "\n";
  }
  return out;
}

Result<NerModel> NerModel::FromTsv(std::string_view tsv, std::string_view name) {
  NerModel m;
  Status s = ForEachTsvRow(tsv, name, 3, "KIND<TAB>KEY<TAB>WEIGHTS", [&](const auto& c) -> std::string {
    Weights w{};
    if (!ParseWeights(c[2], &w)) return "weights must be LABEL:WEIGHT pairs separated by spaces, or 0";
    if (c[0] == "T") {
      int p = 0;
      auto [ptr, ec] = std::from_chars(c[1].data(), c[1].data() + c[1].size(), p);
      if (ec != std::errc() || p < -1 || p >= kNerLabelCount) return "bad transition row";
      m.transitions_[p + 1] = w;
    } else if (c[0] == "F") {
      uint64_t f = 0;
      auto [ptr, ec] = std::from_chars(c[1].data(), c[1].data() + c[1].size(), f, 16);
      if (ec != std::errc() || c[1].size() != 16) return "feature key must be 16 hex digits";
      if (m.index_.Find(f) != FlatHash64::kMissing) return "duplicate feature";
      m.FeatureWeights(f) = w;
    } else {
      return "first column must be T or F";
    }
    return "";
  });
  if (!s.ok()) return s;
  m.Freeze();
  return m;
}

}  // namespace warta
