#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace warta {

namespace {

template <typename T>
void Put(std::string* out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));  // the build targets little-endian machines (checked in syntax.cc)
  out->append(b, sizeof(T));
}

template <typename T>
bool Get(std::string_view data, size_t* pos, T* v) {
  if (data.size() - *pos < sizeof(T) || *pos > data.size()) return false;
  std::memcpy(v, data.data() + *pos, sizeof(T));
  *pos += sizeof(T);
  return true;
}

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view data, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && *pos < data.size(); shift += 7) {
    uint8_t b = static_cast<uint8_t>(data[(*pos)++]);
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

}  // namespace

// Runs longer than this are stored as dense rows (a row costs a few vector
// additions; a run one scattered addition per weight).
constexpr size_t kDenseFrom = 12;

void LinearModel::Score(const uint64_t* features, size_t n, int32_t* scores) const {
  if (slots_.empty()) return;
  constexpr size_t kChunk = 128;
  uint32_t keys[kChunk];
  uint32_t at[kChunk];
  for (size_t base = 0; base < n; base += kChunk) {
    size_t m = std::min(kChunk, n - base);
    for (size_t i = 0; i < m; ++i) {
      keys[i] = Fold(features[base + i]);
      at[i] = static_cast<uint32_t>(SlotOf(keys[i]));
      __builtin_prefetch(&slots_[at[i]]);
    }
    for (size_t i = 0; i < m; ++i) {
      size_t j = at[i];
      while (slots_[j].offset != 0 && slots_[j].key != keys[i]) j = (j + 1) & mask_;
      at[i] = slots_[j].offset;
      if (!at[i]) continue;
      if (at[i] & kDense) {
        const int16_t* row = &dense_[(at[i] & ~kDense) * row_];
        for (size_t c = 0; c < row_; c += 32) __builtin_prefetch(row + c);
      } else {
        __builtin_prefetch(&pool_[at[i] - 1]);
      }
    }
    for (size_t i = 0; i < m; ++i) {
      if (!at[i]) continue;
      if (at[i] & kDense) {  // a whole row, in blocks of 16 that the compiler vectorises
        const int16_t* row = &dense_[(at[i] & ~kDense) * row_];
        for (size_t c = 0; c < row_; c += 16)
          for (size_t k = 0; k < 16; ++k) scores[c + k] += row[c + k];
        continue;
      }
      const Weight* run = &pool_[at[i] - 1];
      for (uint16_t k = 1; k <= run->cls; ++k) scores[run[k].cls] += run[k].w;
    }
  }
}

size_t LinearModel::weights() const {
  size_t n = 0;
  for (int16_t w : dense_) n += w != 0;
  for (size_t i = 0; i < pool_.size();) {
    n += pool_[i].cls;
    i += 1 + pool_[i].cls;
  }
  return n;
}

void LinearModel::Index(const std::vector<std::pair<uint32_t, std::vector<Weight>>>& rows) {
  features_ = rows.size();
  size_t size = 64;
  while (size < rows.size() * 2) size *= 2;
  slots_.assign(size, Slot{});
  mask_ = static_cast<uint32_t>(size - 1);
  pool_.clear();
  dense_.clear();
  row_ = (classes_ + 15) / 16 * 16;
  for (const auto& [key, w] : rows) {
    size_t j = SlotOf(key);
    while (slots_[j].offset != 0) j = (j + 1) & mask_;
    // A feature with weights for many classes is a dense row.
    if (w.size() > kDenseFrom) {
      size_t r = dense_.size() / row_;
      dense_.resize(dense_.size() + row_, 0);
      for (const Weight& x : w) dense_[r * row_ + x.cls] = x.w;
      slots_[j] = {key, static_cast<uint32_t>(r) | kDense};
      continue;
    }
    slots_[j] = {key, static_cast<uint32_t>(pool_.size() + 1)};
    pool_.push_back({static_cast<uint16_t>(w.size()), 0});
    pool_.insert(pool_.end(), w.begin(), w.end());
  }
}

LinearModel LinearModel::Build(size_t classes,
                               const std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>>& rows) {
  std::map<uint32_t, std::map<uint16_t, double>> folded;
  double most = 0;
  for (const auto& [key, w] : rows) {
    auto& f = folded[Fold(key)];
    for (const auto& [c, v] : w) f[c] += v;
  }
  for (const auto& [k, w] : folded)
    for (const auto& [c, v] : w) most = std::max(most, std::fabs(v));
  LinearModel m(classes);
  m.scale_ = most > 0 ? static_cast<float>(32767.0 / most) : 1.0f;
  std::vector<std::pair<uint32_t, std::vector<Weight>>> out;
  for (const auto& [k, w] : folded) {
    std::vector<Weight> q;
    for (const auto& [c, v] : w) {
      long r = std::lround(v * m.scale_);
      if (r != 0) q.push_back({c, static_cast<int16_t>(std::clamp(r, -32767L, 32767L))});
    }
    if (!q.empty()) out.emplace_back(k, std::move(q));
  }
  m.Index(out);
  return m;
}

void LinearModel::AppendTo(std::string* out) const {
  // In key order, so that the same model gives the same bytes.
  std::vector<std::pair<uint32_t, uint32_t>> order;
  for (const Slot& s : slots_)
    if (s.offset) order.emplace_back(s.key, s.offset);
  std::sort(order.begin(), order.end());
  PutVarint(out, classes_);
  PutVarint(out, order.size());
  Put<float>(out, scale_);
  uint32_t last = 0;
  for (const auto& [key, offset] : order) {
    PutVarint(out, key - last);
    last = key;
    std::vector<Weight> w;
    if (offset & kDense) {
      const int16_t* row = &dense_[(offset & ~kDense) * row_];
      for (size_t c = 0; c < classes_; ++c)
        if (row[c] != 0) w.push_back({static_cast<uint16_t>(c), row[c]});
    } else {
      const Weight* run = &pool_[offset - 1];
      w.assign(run + 1, run + 1 + run->cls);
    }
    PutVarint(out, w.size());
    for (const Weight& x : w) {
      PutVarint(out, x.cls);
      PutVarint(out, ZigZag(x.w));
    }
  }
}

Result<LinearModel> LinearModel::ReadFrom(std::string_view data, size_t* pos, std::string_view name) {
  auto bad = [&](const std::string& what) {
    return Status::Error(Status::Code::kInvalidInput,
                         std::string(name) + ": " + what + " at byte " + std::to_string(*pos));
  };
  uint64_t classes = 0, n = 0;
  float scale = 0;
  if (!GetVarint(data, pos, &classes) || !GetVarint(data, pos, &n) || !Get(data, pos, &scale))
    return bad("truncated header");
  if (classes == 0 || classes > 4096 || n > data.size() || !std::isfinite(scale) || scale <= 0)
    return bad("bad header");
  LinearModel m(classes);
  m.scale_ = scale;
  std::vector<std::pair<uint32_t, std::vector<Weight>>> rows;
  rows.reserve(n);
  uint64_t key = 0;
  for (uint64_t f = 0; f < n; ++f) {
    uint64_t delta = 0, count = 0;
    if (!GetVarint(data, pos, &delta) || !GetVarint(data, pos, &count)) return bad("truncated feature");
    key += delta;
    if (key > 0xFFFFFFFFu || (f > 0 && delta == 0) || count == 0 || count > classes) return bad("bad feature");
    std::vector<Weight> w;
    for (uint64_t i = 0; i < count; ++i) {
      uint64_t c = 0, v = 0;
      if (!GetVarint(data, pos, &c) || !GetVarint(data, pos, &v)) return bad("truncated weight");
      int64_t x = UnZigZag(v);
      if (c >= classes || x < -32767 || x > 32767) return bad("bad weight");
      w.push_back({static_cast<uint16_t>(c), static_cast<int16_t>(x)});
    }
    rows.emplace_back(static_cast<uint32_t>(key), std::move(w));
  }
  m.Index(rows);
  return m;
}

void PerceptronTrainer::Score(const std::vector<uint64_t>& features, std::vector<double>* scores) const {
  scores->assign(classes_, 0.0);
  for (uint64_t f : features) {
    auto it = weights_.find(f);
    if (it == weights_.end()) continue;
    for (const Weight& w : it->second.weights) (*scores)[w.cls] += w.w;
  }
}

void PerceptronTrainer::Update(const std::vector<uint64_t>& features, size_t truth, size_t guess) {
  ++clock_;
  if (truth == guess) return;
  auto bump = [&](Entry& e, size_t cls, int delta) {
    auto it = std::find_if(e.weights.begin(), e.weights.end(), [&](const Weight& w) { return w.cls == cls; });
    if (it == e.weights.end()) {
      e.weights.push_back(Weight{static_cast<uint16_t>(cls)});
      it = e.weights.end() - 1;
      it->stamp = clock_;
    }
    it->total += static_cast<int64_t>(it->w) * (clock_ - it->stamp);
    it->stamp = clock_;
    it->w += delta;
  };
  for (uint64_t f : features) {
    Entry& e = weights_[f];
    ++e.updates;
    bump(e, truth, 1);
    bump(e, guess, -1);
  }
}

LinearModel PerceptronTrainer::Average(uint32_t min_count, int style) const {
  auto averaged = [&](const Entry& e, std::map<uint16_t, double>* into) {
    for (const Weight& x : e.weights) {
      double total = static_cast<double>(x.total) + static_cast<double>(x.w) * static_cast<double>(clock_ - x.stamp);
      (*into)[x.cls] += clock_ > 0 ? total / static_cast<double>(clock_) : 0.0;
    }
  };
  std::vector<std::pair<uint64_t, std::vector<std::pair<uint16_t, float>>>> rows;
  for (const auto& [k, e] : weights_) {
    if (e.updates < min_count || (style >= 0 && (k & 1))) continue;
    std::map<uint16_t, double> sum;
    averaged(e, &sum);
    if (style >= 0) {
      auto it = weights_.find(StyleKey(k, style));
      if (it != weights_.end()) averaged(it->second, &sum);
    }
    std::vector<std::pair<uint16_t, float>> w;
    for (const auto& [c, v] : sum)
      if (v != 0.0) w.emplace_back(c, static_cast<float>(v));
    if (!w.empty()) rows.emplace_back(k, std::move(w));
  }
  return LinearModel::Build(classes_, rows);
}

}  // namespace warta
