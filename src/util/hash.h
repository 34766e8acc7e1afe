// A fixed 64-bit hash (FNV-1a). Ids and dedup keys must be identical on every
// compiler and platform, so std::hash is not used.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace warta {

inline uint64_t Fnv1a64(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// 16 lower-case hex digits.
std::string Hex64(uint64_t v);

}  // namespace warta
