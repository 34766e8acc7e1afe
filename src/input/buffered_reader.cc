#include "input/buffered_reader.h"

#include <cstring>

namespace warta {

bool BufferedReader::Refill() {
  if (!status_.ok()) return false;
  consumed_ += len_;
  pos_ = len_ = 0;
  auto got = source_->Read(buf_.data(), buf_.size());
  if (!got.ok()) {
    status_ = got.status();
    return false;
  }
  len_ = got.value();
  return len_ > 0;
}

BufferedReader::LineResult BufferedReader::ReadLine(std::string* line, size_t max_bytes) {
  line->clear();
  bool any = false, too_long = false;
  for (;;) {
    if (pos_ == len_ && !Refill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', len_ - pos_);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : len_ - pos_;
    if (!too_long) {
      if (line->size() + take > max_bytes) {
        too_long = true;
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, take);
      }
    }
    if (too_long && std::memchr(start, '\0', take) != nullptr) return LineResult::kBinary;
    pos_ += take;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!any) return LineResult::kEnd;
  if (too_long) return LineResult::kTooLong;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return LineResult::kLine;
}

bool BufferedReader::ReadAll(std::string* out, size_t max_bytes) {
  out->clear();
  for (;;) {
    if (pos_ == len_ && !Refill()) break;
    size_t take = len_ - pos_;
    if (out->size() + take > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return false;
    }
    out->append(buf_.data() + pos_, take);
    pos_ = len_;
  }
  return true;
}

}  // namespace warta
