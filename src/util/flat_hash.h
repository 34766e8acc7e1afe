// An open-addressing hash table from 64-bit keys (already hashes) to 32-bit
// values: the lookups on the hot path of the name tagger and the phrase
// dictionary. std::unordered_map's node per entry and pointer chase cost
// several times more there; no Debian library offers a flat map for C++20.
#pragma once

#include <cstdint>
#include <vector>

namespace warta {

class FlatHash64 {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  // Inserts key → value unless the key is present; returns the stored value.
  uint32_t Insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = Slot(key);
    while (slots_[i].used) {
      if (slots_[i].key == key) return slots_[i].value;
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = {key, value, true};
    ++size_;
    return value;
  }
  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kMissing;
    size_t i = Slot(key);
    while (slots_[i].used) {
      if (slots_[i].key == key) return slots_[i].value;
      i = (i + 1) & (slots_.size() - 1);
    }
    return kMissing;
  }
  size_t size() const { return size_; }
  void clear() {
    slots_.clear();
    size_ = 0;
  }

 private:
  struct Entry {
    uint64_t key = 0;
    uint32_t value = 0;
    bool used = false;
  };
  size_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL >> 20) & (slots_.size() - 1); }
  void Grow() {
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Entry{});
    size_ = 0;
    for (const Entry& e : old)
      if (e.used) Insert(e.key, e.value);
  }
  std::vector<Entry> slots_;
  size_t size_ = 0;
};

}  // namespace warta
