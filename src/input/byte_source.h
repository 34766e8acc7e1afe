// Byte streams from files and stdin, with transparent .gz and .zst decoding.
// Everything upstream of parsing reads through ByteSource, so tests can feed
// bytes from memory and readers never hold a whole file.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/status.h"

namespace warta {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; returns 0 at the end of the stream.
  // A truncated or corrupt compressed stream is an error, not an early end.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

enum class Compression { kNone, kGzip, kZstd };

// Compression named by the file extension (".gz", ".zst"); kNone otherwise.
Compression CompressionFromPath(std::string_view path);
// `path` without a trailing ".gz"/".zst".
std::string_view StripCompressionSuffix(std::string_view path);

// Opens `path` ("-" is stdin) and decodes it as `compression` says.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path, Compression compression);

// A source over bytes in memory (for tests). The bytes are copied.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);
// Wraps `inner` with a decoder.
std::unique_ptr<ByteSource> Decompress(std::unique_ptr<ByteSource> inner, Compression compression);

}  // namespace warta
