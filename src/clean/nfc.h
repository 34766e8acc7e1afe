// Unicode NFC normalisation (ICU), with a fast path for text that already is.
#pragma once

#include <string>
#include <string_view>

namespace warta {

// REQUIRES: `s` is valid UTF-8.
std::string ToNfc(std::string_view s);
// Appends ToNfc(s) to *out without an intermediate copy in the common case.
void AppendNfc(std::string_view s, std::string* out);

}  // namespace warta
