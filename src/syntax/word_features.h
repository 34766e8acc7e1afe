// What the tagger and the parser know of a word before they look at its
// neighbours: hashes of its folded form, affixes and shape, computed once per
// token (Indonesian prefixes meN-/di-/ber- and suffixes -kan/-an say as much
// about the tag as English -ed/-ing/-s).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace warta {

struct WordInfo {
  uint64_t form = 0;       // hash of the folded form
  uint64_t shape = 0;      // hash of the shape: "Xxxx" → "Xx", "2021" → "d", "U.S." → "X.X."
  uint64_t suffix[4] = {};  // hashes of the last 1..4 bytes of the folded form
  uint64_t prefix[4] = {};  // hashes of the first 1..4 bytes
  uint32_t flags = 0;      // kCapital | kAllCaps | kDigit | kHyphen
};
inline constexpr uint32_t kCapital = 1, kAllCaps = 2, kDigit = 4, kHyphen = 8;

// surface[i] and folded[i] are token i's forms.
std::vector<WordInfo> DescribeWords(const std::vector<std::string_view>& surface,
                                    const std::vector<std::string_view>& folded);

// Stand-ins for the words before the first and after the last token.
inline constexpr uint64_t kNoWord = 0x51ED270B27A4C5F1ULL;

}  // namespace warta
