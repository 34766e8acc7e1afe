// Buffered byte-at-a-time and line-at-a-time access to a ByteSource, with a
// bound on how long a line may grow (bounded memory on hostile input).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "input/byte_source.h"

namespace warta {

class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteSource> source)
      : source_(std::move(source)), buf_(1 << 16) {}

  // Next byte as 0..255, or -1 at the end of input or on error (see status()).
  int Get() {
    if (pos_ == len_ && !Refill()) return -1;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int Peek() {
    if (pos_ == len_ && !Refill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }

  enum class LineResult { kLine, kTooLong, kBinary, kEnd };
  // Reads the next line (without "\n" or "\r\n"). If it is longer than
  // `max_bytes`, the rest of the line is skipped and kTooLong returned; if
  // that over-long line holds a NUL byte, reading stops there and kBinary is
  // returned (endless binary input such as /dev/zero is not skipped forever).
  // Memory: at most `max_bytes` plus the 64 KB buffer.
  LineResult ReadLine(std::string* line, size_t max_bytes);

  // Reads everything left, up to `max_bytes`; returns false as soon as there
  // is more (the rest is not read: the input may be endless).
  bool ReadAll(std::string* out, size_t max_bytes);

  const Status& status() const { return status_; }
  uint64_t bytes_read() const { return consumed_ + pos_; }

 private:
  bool Refill();
  std::unique_ptr<ByteSource> source_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;
  uint64_t consumed_ = 0;
  Status status_;
};

}  // namespace warta
