// Duplicate detection for the corpus: exact copies by a hash of the
// normalised text, near copies by MinHash over word shingles with LSH
// banding (Broder 1997; the scheme datatrove and CCNet-era pipelines use).
//
// Parameters (see docs/quality.md for the measurement):
//  - shingles of 5 words of the case-folded text (letters and digits only),
//    as datatrove does: short enough that a rewritten paragraph breaks few of
//    them, long enough that two articles on one topic share few;
//  - 100 hashes in 20 bands of 5 rows. A pair with Jaccard J becomes a
//    candidate with probability 1 - (1 - J^5)^20: 0.9997 at J = 0.8, 0.98 at
//    0.7, 0.47 at 0.5. datatrove's 14×8 (threshold ≈ 0.72) misses 8% of pairs at
//    J = 0.8; the issue asks for every such pair, so the bands are wider and
//    candidates are confirmed by their exact shingle Jaccard instead;
//  - a near duplicate is a candidate whose exact Jaccard is ≥ 0.7.
// Pure: text in, values out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

inline constexpr int kShingleWords = 5;
inline constexpr int kMinHashBands = 20;
inline constexpr int kMinHashRows = 5;
inline constexpr double kNearDuplicateJaccard = 0.7;

// The words of `text`, case-folded, joined by single spaces: what "the same
// text" means for exact duplicates (punctuation and spacing do not count).
std::string NormalizeForDedup(std::string_view text);

// The sorted, distinct 64-bit hashes of the 5-word shingles of normalised
// text (a text of fewer than 5 words has one shingle: itself; none if empty).
std::vector<uint64_t> Shingles(std::string_view normalized);

// Jaccard similarity of two sorted, distinct hash lists.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// kMinHashBands * kMinHashRows minima, one per hash function.
std::vector<uint32_t> MinHashSignature(const std::vector<uint64_t>& shingles);

// One key per band: documents that agree on a band's rows share its key.
std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& signature);

// Band keys → documents: an open-addressing multimap of (32-bit key, 32-bit
// document) pairs, 8 bytes a slot at most 3/4 full — 210 to 430 bytes per
// document, against about 900 for std::unordered_multimap. A 32-bit key can
// collide; a collision only adds a candidate, which the exact Jaccard then
// rejects. Document ids must be below 2^32.
class LshIndex {
 public:
  void Add(int64_t doc, const std::vector<uint64_t>& band_keys);
  // Documents sharing at least one band key, ascending, without duplicates;
  // with `max`, only the `max` sharing the most bands (the likeliest to be
  // nearly the same: a pair agrees on a band with probability J^5), ties to
  // the earlier document. The bound keeps a story copied hundreds of times from
  // making each new copy check them all.
  std::vector<int64_t> Candidates(const std::vector<uint64_t>& band_keys, size_t max = SIZE_MAX) const;
  size_t documents() const { return documents_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint32_t key = 0;
    uint32_t doc = 0;  // 0: empty (document ids start at 1)
  };
  void Insert(uint32_t key, uint32_t doc);
  size_t Home(uint32_t key) const { return (key * 0x9e3779b9u) & (slots_.size() - 1); }
  std::vector<Slot> slots_;
  size_t used_ = 0;
  size_t documents_ = 0;
};

// Shingle lists as stored (little-endian 8-byte values) and back.
std::string PackHashes(const std::vector<uint64_t>& hashes);
std::vector<uint64_t> UnpackHashes(std::string_view bytes);

}  // namespace warta
