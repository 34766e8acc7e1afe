// LIKE patterns for both stores: what a person typed, matched literally.
#pragma once

#include <string>
#include <string_view>

namespace warta {

// A LIKE pattern (used with ESCAPE '\') that matches `s` anywhere: % _ and \ in
// `s` are characters, not wildcards. Drop the first '%' for "starts with".
inline std::string LikeContains(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace warta
