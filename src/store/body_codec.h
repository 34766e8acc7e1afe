// A stored article's two texts in one compressed value: the original text
// (every offset indexes it) as a zstd frame, then the cleaned text as a zstd
// frame compressed with the original as its prefix, so the cleaned text,
// mostly lines of the original, costs a few bytes of references. Layout:
//   4 bytes  little-endian length of the first frame
//   frame    zstd(original)
//   frame    zstd(text, prefix = original)
// Why by hand: zstd has no container for two related texts; this is the
// smallest one that lets a reader decompress only the original.
#pragma once

#include <zstd.h>

#include <memory>
#include <string>
#include <string_view>

#include "store/body_dictionaries.h"
#include "util/status.h"

namespace warta {

class BodyCodec {
 public:
  // Without dictionaries, or with the store's (shared: one registry per connection).
  explicit BodyCodec(std::shared_ptr<const BodyDictionaries> dictionaries = nullptr);
  // The compressed value; throws std::bad_alloc only.
  std::string Pack(std::string_view original, std::string_view text);
  // kCorrupt when the value is not one Pack made.
  Result<std::string> Original(std::string_view body);
  Result<std::string> Text(std::string_view body);

 private:
  struct FreeC {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
  };
  struct FreeD {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
  };
  Result<std::string> Frame(std::string_view frame, std::string_view prefix);
  std::unique_ptr<ZSTD_CCtx, FreeC> cctx_;
  std::unique_ptr<ZSTD_DCtx, FreeD> dctx_;
  std::shared_ptr<const BodyDictionaries> dictionaries_;
};

}  // namespace warta
