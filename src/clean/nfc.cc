#include "clean/nfc.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

namespace warta {

void AppendNfc(std::string_view s, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  // ICU owns the instance; it is immutable and shared between threads.
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (U_FAILURE(err) || nfc->isNormalizedUTF8(piece, err) || U_FAILURE(err)) {
    out->append(s);
    return;
  }
  icu::StringByteSink<std::string> sink(out);
  err = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
}

std::string ToNfc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendNfc(s, &out);
  return out;
}

}  // namespace warta
