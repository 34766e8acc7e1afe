#include "corpus/near_dup.h"

#include <algorithm>
#include <cstring>

#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

namespace {

// SplitMix64's finaliser: a strong 64-bit mixer, fixed on every platform.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

constexpr int kHashes = kMinHashBands * kMinHashRows;

}  // namespace

std::string NormalizeForDedup(std::string_view text) {
  std::string folded = FoldCase(text);
  std::string out;
  out.reserve(folded.size());
  bool in_word = false;
  for (size_t pos = 0; pos < folded.size();) {
    size_t start = pos;
    char32_t cp = NextCodePoint(folded, &pos);
    if (IsLetter(cp) || IsDigit(cp)) {
      if (!in_word && !out.empty()) out.push_back(' ');
      out.append(folded, start, pos - start);
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return out;
}

std::vector<uint64_t> Shingles(std::string_view normalized) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < normalized.size(); ++i)
    if (i == 0 || normalized[i - 1] == ' ') starts.push_back(i);
  std::vector<uint64_t> out;
  if (starts.empty()) return out;
  if (starts.size() < kShingleWords) {
    out.push_back(Fnv1a64(normalized));
    return out;
  }
  out.reserve(starts.size() - kShingleWords + 1);
  for (size_t w = 0; w + kShingleWords <= starts.size(); ++w) {
    size_t end = w + kShingleWords < starts.size() ? starts[w + kShingleWords] - 1 : normalized.size();
    out.push_back(Fnv1a64(normalized.substr(starts[w], end - starts[w])));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else ++common, ++i, ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& shingles) {
  std::vector<uint32_t> sig(kHashes, UINT32_MAX);
  for (uint64_t s : shingles) {
    // The k-th hash function: the mixer seeded with k; the high bits are the best mixed.
    for (int k = 0; k < kHashes; ++k) {
      uint32_t h = static_cast<uint32_t>(Mix(s + 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(k + 1)) >> 32);
      sig[static_cast<size_t>(k)] = std::min(sig[static_cast<size_t>(k)], h);
    }
  }
  return sig;
}

std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& signature) {
  std::vector<uint64_t> keys;
  keys.reserve(kMinHashBands);
  for (int b = 0; b < kMinHashBands && static_cast<size_t>((b + 1) * kMinHashRows) <= signature.size(); ++b) {
    uint64_t h = Mix(static_cast<uint64_t>(b) + 1);
    for (int r = 0; r < kMinHashRows; ++r) h = Mix(h ^ signature[static_cast<size_t>(b * kMinHashRows + r)]);
    keys.push_back(h);
  }
  return keys;
}

void LshIndex::Insert(uint32_t key, uint32_t doc) {
  size_t i = Home(key);
  while (slots_[i].doc != 0) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = {key, doc};
  ++used_;
}

void LshIndex::Add(int64_t doc, const std::vector<uint64_t>& band_keys) {
  if (doc <= 0 || doc > static_cast<int64_t>(UINT32_MAX)) return;  // outside the index's range: never a candidate
  if ((used_ + band_keys.size()) * 4 > slots_.size() * 3) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.doc) Insert(s.key, s.doc);
  }
  for (uint64_t k : band_keys) Insert(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(doc));
  ++documents_;
}

std::vector<int64_t> LshIndex::Candidates(const std::vector<uint64_t>& band_keys, size_t max) const {
  std::vector<int64_t> out;
  if (slots_.empty()) return out;
  for (uint64_t k : band_keys) {
    uint32_t key = static_cast<uint32_t>(k >> 32);
    for (size_t i = Home(key); slots_[i].doc != 0; i = (i + 1) & (slots_.size() - 1))
      if (slots_[i].key == key) out.push_back(slots_[i].doc);
  }
  std::sort(out.begin(), out.end());
  // (bands shared, document) of each candidate.
  std::vector<std::pair<size_t, int64_t>> counted;
  for (size_t i = 0, j = 0; i < out.size(); i = j) {
    while (j < out.size() && out[j] == out[i]) ++j;
    counted.emplace_back(j - i, out[i]);
  }
  if (counted.size() > max) {  // the most shared first, then the earliest
    std::partial_sort(counted.begin(), counted.begin() + static_cast<std::ptrdiff_t>(max), counted.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    counted.resize(max);
  }
  out.clear();
  for (const auto& c : counted) out.push_back(c.second);
  std::sort(out.begin(), out.end());
  return out;
}

std::string PackHashes(const std::vector<uint64_t>& hashes) {
  std::string out(hashes.size() * 8, '\0');
  for (size_t i = 0; i < hashes.size(); ++i)
    for (int b = 0; b < 8; ++b) out[i * 8 + static_cast<size_t>(b)] = static_cast<char>((hashes[i] >> (8 * b)) & 0xff);
  return out;
}

std::vector<uint64_t> UnpackHashes(std::string_view bytes) {
  std::vector<uint64_t> out(bytes.size() / 8);
  for (size_t i = 0; i < out.size(); ++i) {
    uint64_t v = 0;
    for (int b = 7; b >= 0; --b) v = (v << 8) | static_cast<unsigned char>(bytes[i * 8 + static_cast<size_t>(b)]);
    out[i] = v;
  }
  return out;
}

}  // namespace warta
