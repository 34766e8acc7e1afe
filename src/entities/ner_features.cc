#include "entities/ner_features.h"

#include "util/hash.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

std::string WordShape(std::string_view token) {
  std::string shape;
  size_t pos = 0;
  char last = 0;
  while (pos < token.size()) {
    char32_t cp = NextCodePoint(token, &pos);
    char c;
    if (IsUpper(cp)) c = 'X';
    else if (IsLetter(cp) || IsMark(cp)) c = 'x';
    else if (IsDigit(cp)) c = 'd';
    else if (cp < 0x80) c = static_cast<char>(cp);
    else c = '*';
    if (c != last) shape.push_back(c);
    last = c;
  }
  return shape;
}

namespace {

// Each template has its own seed; a feature is the hash of its parts joined
// with a separator that cannot occur in a token.
uint64_t Seed(uint64_t template_id) { return Fnv1a64("tpl", 0xcbf29ce484222325ULL ^ (template_id * 0x9E3779B97F4A7C15ULL)); }
uint64_t H(uint64_t seed, std::string_view a) { return Fnv1a64(a, seed); }
uint64_t H(uint64_t seed, std::string_view a, std::string_view b) { return Fnv1a64(b, Fnv1a64("\x1f", Fnv1a64(a, seed))); }

// The first `n` code points of s (or all of it).
std::string_view Prefix(std::string_view s, int n) {
  size_t pos = 0;
  for (int i = 0; i < n && pos < s.size(); ++i) NextCodePoint(s, &pos);
  return s.substr(0, pos);
}
std::string_view Suffix(std::string_view s, int n) {
  size_t pos = s.size();
  for (int i = 0; i < n && pos > 0; ++i) pos = PrevCodePointStart(s, pos);
  return s.substr(pos);
}

}  // namespace

void ExtractNerFeatures(const std::vector<std::string_view>& tokens, const std::vector<TokenHint>& hints,
                        const FeatureContext& context, std::vector<std::vector<uint64_t>>* features) {
  static const uint64_t kSeeds[] = {Seed(0),  Seed(1),  Seed(2),  Seed(3),  Seed(4),  Seed(5),  Seed(6),
                                    Seed(7),  Seed(8),  Seed(9),  Seed(10), Seed(11), Seed(12), Seed(13),
                                    Seed(14), Seed(15), Seed(16), Seed(17), Seed(18), Seed(19), Seed(20),
                                    Seed(21), Seed(22), Seed(23), Seed(24), Seed(25), Seed(26), Seed(27),
                                    Seed(28), Seed(29)};
  const size_t n = tokens.size();
  std::vector<std::string> lower(n), shape(n);
  for (size_t i = 0; i < n; ++i) {
    lower[i] = FoldCase(tokens[i]);
    shape[i] = WordShape(tokens[i]);
  }
  static const std::string kBos = "<s>", kEos = "</s>";
  auto lw = [&](long i) -> std::string_view {
    if (i < 0) return kBos;
    if (i >= static_cast<long>(n)) return kEos;
    return lower[i];
  };
  auto sh = [&](long i) -> std::string_view {
    if (i < 0) return kBos;
    if (i >= static_cast<long>(n)) return kEos;
    return shape[i];
  };
  auto common = [&](long i) {
    return i >= 0 && i < static_cast<long>(n) && context.common_words && context.common_words->count(lower[i]);
  };
  features->resize(n);
  for (size_t u = 0; u < n; ++u) {
    long i = static_cast<long>(u);
    auto& f = (*features)[u];
    f.clear();
    f.push_back(kSeeds[0]);  // bias
    f.push_back(H(kSeeds[1], lower[u]));
    f.push_back(H(kSeeds[2], shape[u]));
    f.push_back(H(kSeeds[3], Prefix(lower[u], 3)));
    f.push_back(H(kSeeds[4], Suffix(lower[u], 3)));
    f.push_back(H(kSeeds[5], Suffix(lower[u], 2)));
    f.push_back(H(kSeeds[6], lw(i - 1)));
    f.push_back(H(kSeeds[7], lw(i + 1)));
    f.push_back(H(kSeeds[8], lw(i - 2)));
    f.push_back(H(kSeeds[9], lw(i + 2)));
    f.push_back(H(kSeeds[10], sh(i - 1), shape[u]));
    f.push_back(H(kSeeds[11], shape[u], sh(i + 1)));
    f.push_back(H(kSeeds[12], lw(i - 1), lower[u]));
    f.push_back(H(kSeeds[13], lower[u], lw(i + 1)));
    f.push_back(H(kSeeds[14], u == 0 ? "first" : "inner", shape[u]));
    f.push_back(H(kSeeds[15], common(i) ? "c" : "n", shape[u]));
    f.push_back(H(kSeeds[16], common(i - 1) ? "c" : "n", sh(i - 1)));
    f.push_back(H(kSeeds[17], common(i + 1) ? "c" : "n", sh(i + 1)));
    const TokenHint& h = hints[u];
    if (h.gazetteer) {
      for (int b = 0; b < 6; ++b)
        if (h.gazetteer & (1u << b)) f.push_back(H(kSeeds[18], std::string_view("PpLlOo").substr(b, 1)));
    }
    if (u > 0 && hints[u - 1].gazetteer) {
      for (int b = 0; b < 6; ++b)
        if (hints[u - 1].gazetteer & (1u << b)) f.push_back(H(kSeeds[19], std::string_view("PpLlOo").substr(b, 1)));
    }
    if (u + 1 < n && hints[u + 1].gazetteer) {
      for (int b = 0; b < 6; ++b)
        if (hints[u + 1].gazetteer & (1u << b)) f.push_back(H(kSeeds[20], std::string_view("PpLlOo").substr(b, 1)));
    }
    if (h.after_title) f.push_back(H(kSeeds[21], shape[u]));
    if (h.org_head) f.push_back(kSeeds[22]);
    if (u > 0 && hints[u - 1].org_head) f.push_back(H(kSeeds[23], shape[u]));
    f.push_back(H(kSeeds[24], Prefix(lower[u], 4)));
    f.push_back(H(kSeeds[25], Suffix(lower[u], 4)));
    f.push_back(H(kSeeds[26], lw(i - 1), sh(i + 1)));
    f.push_back(H(kSeeds[27], sh(i - 1), lw(i + 1)));
    f.push_back(H(kSeeds[28], sh(i - 2), sh(i - 1)));
    f.push_back(H(kSeeds[29], sh(i + 1), sh(i + 2)));
  }
}

}  // namespace warta
