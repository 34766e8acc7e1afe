#include "syntax/word_features.h"

#include <string>

#include "util/hash.h"

namespace warta {

namespace {

uint64_t Affix(std::string_view folded, size_t n, bool suffix) {
  if (folded.size() < n) return 0;
  std::string_view a = suffix ? folded.substr(folded.size() - n) : folded.substr(0, n);
  return Fnv1a64(a, suffix ? 0x84222325ULL + n : 0x1b3ULL + n);
}

}  // namespace

std::vector<WordInfo> DescribeWords(const std::vector<std::string_view>& surface,
                                    const std::vector<std::string_view>& folded) {
  std::vector<WordInfo> out(surface.size());
  std::string shape;
  for (size_t i = 0; i < surface.size(); ++i) {
    WordInfo& w = out[i];
    std::string_view s = surface[i], f = folded[i];
    w.form = Fnv1a64(f);
    for (size_t n = 1; n <= 4; ++n) {
      w.suffix[n - 1] = Affix(f, n, true);
      w.prefix[n - 1] = Affix(f, n, false);
    }
    shape.clear();
    bool lower = false, upper = false;
    for (unsigned char c : s) {
      char k;
      if (c >= 'A' && c <= 'Z') k = 'X', upper = true;
      else if ((c >= 'a' && c <= 'z') || c >= 0x80) k = 'x', lower = lower || c < 0x80;
      else if (c >= '0' && c <= '9') k = 'd', w.flags |= kDigit;
      else k = static_cast<char>(c);
      if (c == '-') w.flags |= kHyphen;
      // A run of one kind is written once ("Xxxx" → "Xx"), the shape at most 8 long.
      if ((shape.empty() || shape.back() != k) && shape.size() < 8) shape += k;
    }
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') w.flags |= kCapital;
    if (upper && !lower) w.flags |= kAllCaps;
    w.shape = Fnv1a64(shape, 0x5A5A);
  }
  return out;
}

}  // namespace warta
