#include "store/body_codec.h"

#include <new>
#include <string>
#include <utility>

namespace warta {

namespace {

// Fast enough to keep the writer ahead of analysis (hundreds of MB/s), and
// within a few percent of the higher levels' ratio on news text.
constexpr int kLevel = 3;
// A bound on what a frame may claim to hold: a damaged header must not make
// the reader allocate gigabytes (the input readers refuse larger records).
constexpr unsigned long long kMaxText = 1ull << 31;

Status Corrupt(const std::string& what) { return Status::Error(Status::Code::kCorrupt, "stored text: " + what); }

}  // namespace

BodyCodec::BodyCodec(std::shared_ptr<const BodyDictionaries> dictionaries)
    : cctx_(ZSTD_createCCtx()), dctx_(ZSTD_createDCtx()), dictionaries_(std::move(dictionaries)) {
  if (!cctx_ || !dctx_) throw std::bad_alloc();
}

std::string BodyCodec::Pack(std::string_view original, std::string_view text) {
  std::string out(4 + ZSTD_compressBound(original.size()) + ZSTD_compressBound(text.size()), '\0');
  ZSTD_CCtx_reset(cctx_.get(), ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx_.get(), ZSTD_c_compressionLevel, kLevel);
  if (dictionaries_ && dictionaries_->Current()) ZSTD_CCtx_refCDict(cctx_.get(), dictionaries_->Current());
  size_t first = ZSTD_compress2(cctx_.get(), out.data() + 4, out.size() - 4, original.data(), original.size());
  if (ZSTD_isError(first)) throw std::bad_alloc();  // the bound makes any other error impossible
  for (int i = 0; i < 4; ++i) out[static_cast<size_t>(i)] = static_cast<char>((first >> (8 * i)) & 0xFF);
  ZSTD_CCtx_reset(cctx_.get(), ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx_.get(), ZSTD_c_compressionLevel, kLevel);
  ZSTD_CCtx_refPrefix(cctx_.get(), original.data(), original.size());
  size_t at = 4 + first;
  size_t second = ZSTD_compress2(cctx_.get(), out.data() + at, out.size() - at, text.data(), text.size());
  if (ZSTD_isError(second)) throw std::bad_alloc();
  out.resize(at + second);
  return out;
}

Result<std::string> BodyCodec::Frame(std::string_view frame, std::string_view prefix) {
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxText)
    return Corrupt("a damaged frame header");
  std::string out(static_cast<size_t>(size), '\0');
  ZSTD_DCtx_reset(dctx_.get(), ZSTD_reset_session_and_parameters);
  if (!prefix.empty()) {
    ZSTD_DCtx_refPrefix(dctx_.get(), prefix.data(), prefix.size());
  } else if (unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size()); id != 0) {
    const ZSTD_DDict* dict = dictionaries_ ? dictionaries_->Find(id) : nullptr;
    if (!dict) return Corrupt("compressed with a dictionary (" + std::to_string(id) + ") the store does not hold");
    ZSTD_DCtx_refDDict(dctx_.get(), dict);
  }
  size_t n = ZSTD_decompressDCtx(dctx_.get(), out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != out.size()) return Corrupt(ZSTD_isError(n) ? ZSTD_getErrorName(n) : "a short frame");
  return out;
}

// The length of the first frame, checked against the value's size.
static Result<size_t> FirstFrameLength(std::string_view body) {
  if (body.size() < 4) return Status::Error(Status::Code::kCorrupt, "stored text: too short");
  size_t first = 0;
  for (size_t i = 0; i < 4; ++i) first |= static_cast<size_t>(static_cast<unsigned char>(body[i])) << (8 * i);
  if (first > body.size() - 4) return Status::Error(Status::Code::kCorrupt, "stored text: a frame longer than the value");
  return first;
}

Result<std::string> BodyCodec::Original(std::string_view body) {
  auto first = FirstFrameLength(body);
  if (!first.ok()) return first.status();
  return Frame(body.substr(4, first.value()), {});
}

Result<std::string> BodyCodec::Text(std::string_view body) {
  auto original = Original(body);
  if (!original.ok()) return original;
  return Frame(body.substr(4 + FirstFrameLength(body).value()), original.value());
}

}  // namespace warta
