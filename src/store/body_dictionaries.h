// zstd dictionaries for a store's article texts. A news article of a few KB
// compresses poorly on its own: most of what it shares is with other articles
// (the outlet's phrasing, names, the language). A dictionary trained on the
// store's first articles holds that, and each later original text is
// compressed against it: on detik-like articles 0.48 of the text (zstd level 3
// alone) becomes 0.35 (level 9 against the dictionary; docs/benchmarks.md). A frame names its dictionary
// by the id zstd writes into its header, so texts compressed before the
// dictionary existed read as they are, and a store may hold several.
#pragma once

#include <zstd.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace warta {

class BodyDictionaries {
 public:
  // Adds a dictionary (bytes as TrainBodyDictionary made them); it becomes the one
  // new texts are compressed with. kCorrupt when they are not a zstd dictionary.
  Status Add(std::string_view bytes);
  // The dictionary to compress with (the last added), or null.
  const ZSTD_CDict* Current() const { return current_ ? current_->cdict.get() : nullptr; }
  // The dictionary of `id` (a frame header's), or null when the store has none of that id.
  const ZSTD_DDict* Find(uint32_t id) const;
  bool empty() const { return by_id_.empty(); }

 private:
  struct FreeC {
    void operator()(ZSTD_CDict* c) const { ZSTD_freeCDict(c); }
  };
  struct FreeD {
    void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
  };
  struct Entry {
    std::unique_ptr<ZSTD_CDict, FreeC> cdict;
    std::unique_ptr<ZSTD_DDict, FreeD> ddict;
  };
  std::map<uint32_t, Entry> by_id_;
  const Entry* current_ = nullptr;
};

// A dictionary of at most `capacity` bytes trained on `samples` (zstd's
// fastCover defaults: deterministic, the same samples give the same bytes),
// or an error when they are too few or too alike to train on.
Result<std::string> TrainBodyDictionary(const std::vector<std::string>& samples, size_t capacity = 112640);

}  // namespace warta
