#include "store/span_pack.h"

#include <algorithm>

namespace warta {

namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace

std::string PackSpans(SpanList spans) {
  for (auto& [start, end] : spans) {
    start = std::max<int64_t>(start, 0);
    end = std::max(end, start);
  }
  std::sort(spans.begin(), spans.end());
  std::string out;
  out.reserve(spans.size() * 3);
  int64_t previous = 0;
  for (const auto& [start, end] : spans) {
    PutVarint(static_cast<uint64_t>(start - previous), &out);
    PutVarint(static_cast<uint64_t>(end - start), &out);
    previous = start;
  }
  return out;
}

Result<SpanList> UnpackSpans(std::string_view packed) {
  SpanList out;
  uint64_t start = 0;
  while (!packed.empty()) {
    uint64_t gap = 0, length = 0;
    if (!GetVarint(&packed, &gap) || !GetVarint(&packed, &length))
      return Status::Error(Status::Code::kCorrupt, "a mention's spans are truncated");
    start += gap;
    if (start > (uint64_t{1} << 62) || length > (uint64_t{1} << 62))
      return Status::Error(Status::Code::kCorrupt, "a mention's span is out of range");
    out.emplace_back(static_cast<int64_t>(start), static_cast<int64_t>(start + length));
  }
  return out;
}

}  // namespace warta
