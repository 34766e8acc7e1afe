#include "entities/ner_features.h"

#include <algorithm>
#include <array>

#include "util/hash.h"
#include "util/utf8.h"

namespace warta {

std::string WordShape(std::string_view token) {
  std::string shape;
  bool ascii = true;
  for (unsigned char c : token) ascii &= c < 0x80;
  if (ascii) {
    char last = 0;
    for (unsigned char c : token) {
      char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : static_cast<char>(c);
      if (k != last) shape.push_back(k);
      last = k;
    }
    return shape;
  }
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

// Each template has its own seed. A token's strings (lower case, shape,
// affixes) are hashed once; a feature mixes the template's seed with those
// hashes, so extraction does no string work per feature.
uint64_t Mix(uint64_t x) {  // SplitMix64's finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
uint64_t Seed(uint64_t template_id) { return Mix(0x5EED000000000000ULL + template_id); }
uint64_t F(uint64_t seed, uint64_t a) { return Mix(seed ^ a); }
uint64_t F(uint64_t seed, uint64_t a, uint64_t b) { return Mix(Mix(seed ^ a) ^ (b * 0x9E3779B97F4A7C15ULL)); }
uint64_t F(uint64_t seed, uint64_t a, uint64_t b, uint64_t c) { return Mix(F(seed, a, b) ^ (c * 0xC2B2AE3D27D4EB4FULL)); }

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

// Fnv1a64(WordShape(token)) without building the string.
uint64_t ShapeHash(std::string_view token) {
  bool ascii = true;
  for (unsigned char c : token) ascii &= c < 0x80;
  if (!ascii) return Fnv1a64(WordShape(token));
  uint64_t h = 0xcbf29ce484222325ULL;
  char last = 0;
  for (unsigned char c : token) {
    char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : static_cast<char>(c);
    if (k != last) {
      h ^= static_cast<unsigned char>(k);
      h *= 0x100000001b3ULL;
    }
    last = k;
  }
  return h;
}

struct TokenHashes {
  uint64_t lower = 0, shape = 0, prefix3 = 0, suffix3 = 0, suffix2 = 0, prefix4 = 0, suffix4 = 0;
  bool common = false;
};

// How the sentence is written: 0 as prose, 1 in Title Case, 2 in capitals
// (three or more words, at least 70% of them so): a heading, a form's
// labels, a shouted line, where a capital does not mark a name.
uint64_t SentenceCase(const TokenView& tokens) {
  size_t words = 0, capitalised = 0, upper = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = tokens.surface(i);
    size_t pos = 0;
    if (t.empty()) continue;
    char32_t first = NextCodePoint(t, &pos);
    if (!IsLetter(first)) continue;
    ++words;
    if (!IsUpper(first)) continue;
    ++capitalised;
    bool all = true;
    size_t letters = 1;
    while (pos < t.size()) {
      char32_t cp = NextCodePoint(t, &pos);
      if (!IsLetter(cp)) continue;
      ++letters;
      all &= IsUpper(cp);
    }
    upper += all && letters > 1;
  }
  if (words < 3) return 0;
  if (upper * 10 >= words * 7) return 2;
  if (capitalised * 10 >= words * 7) return 1;
  return 0;
}

}  // namespace

void ExtractNerFeatures(const TokenView& tokens, const std::vector<TokenHint>& hints, const FeatureContext& context,
                        NerFeatures* features, const std::vector<bool>* only) {
  constexpr int kTemplates = 47;
  static const auto kSeeds = [] {
    std::array<uint64_t, kTemplates> seeds{};
    for (int t = 0; t < kTemplates; ++t) seeds[t] = Seed(static_cast<uint64_t>(t));
    return seeds;
  }();
  static const uint64_t kBos = Fnv1a64("<s>"), kEos = Fnv1a64("</s>"), kCommon = Fnv1a64("c"),
                        kNotCommon = Fnv1a64("n"), kFirst = Fnv1a64("first"), kInner = Fnv1a64("inner");
  static const std::array<uint64_t, 6> kGazetteer = {Fnv1a64("P"), Fnv1a64("p"), Fnv1a64("L"),
                                                     Fnv1a64("l"), Fnv1a64("O"), Fnv1a64("o")};
  const size_t n = tokens.size();
  // Only the tokens asked for and their neighbours (features look two tokens
  // either way) are described.
  std::vector<bool> need(n, only == nullptr);
  if (only)
    for (size_t i = 0; i < n; ++i)
      if ((*only)[i])
        for (size_t j = i >= 2 ? i - 2 : 0; j < n && j <= i + 2; ++j) need[j] = true;
  std::vector<TokenHashes> th(n);
  for (size_t i = 0; i < n; ++i) {
    if (!need[i]) continue;
    const std::string& lower = tokens.folded(i);
    TokenHashes& t = th[i];
    t.lower = Fnv1a64(lower);
    t.shape = ShapeHash(tokens.surface(i));
    t.prefix3 = Fnv1a64(Prefix(lower, 3));
    t.suffix3 = Fnv1a64(Suffix(lower, 3));
    t.suffix2 = Fnv1a64(Suffix(lower, 2));
    t.prefix4 = Fnv1a64(Prefix(lower, 4));
    t.suffix4 = Fnv1a64(Suffix(lower, 4));
    t.common = context.is_common && context.is_common(lower);
  }
  auto lw = [&](long i) -> uint64_t {
    if (i < 0) return kBos;
    if (i >= static_cast<long>(n)) return kEos;
    return th[i].lower;
  };
  auto sh = [&](long i) -> uint64_t {
    if (i < 0) return kBos;
    if (i >= static_cast<long>(n)) return kEos;
    return th[i].shape;
  };
  auto pos = [&](long i) -> uint64_t {
    if (i < 0) return kBos;
    if (i >= static_cast<long>(n)) return kEos;
    return 0x100 + static_cast<uint64_t>(tokens[static_cast<size_t>(i)].upos);
  };
  const uint64_t sentence_case = context.syntax ? 0x200 + SentenceCase(tokens) : 0;
  // Where the token is in its run of capitalised words: its length (up to 4)
  // and place (only, first, inside, last); 0 outside runs.
  std::vector<uint64_t> run;
  if (context.syntax) {
    run.assign(n, 0);
    auto capitalised = [&](size_t i) {
      std::string_view t = tokens.surface(i);
      size_t p = 0;
      return !t.empty() && IsUpper(NextCodePoint(t, &p));
    };
    for (size_t b = 0; b < n;) {
      if (!capitalised(b)) { ++b; continue; }
      size_t e = b;
      while (e < n && capitalised(e)) ++e;
      uint64_t len = std::min<uint64_t>(e - b, 4);
      for (size_t i = b; i < e; ++i)
        run[i] = 0x300 + len * 4 + (e - b == 1 ? 0 : i == b ? 1 : i + 1 == e ? 3 : 2);
      b = e;
    }
  }
  auto common = [&](long i) { return i >= 0 && i < static_cast<long>(n) && th[i].common ? kCommon : kNotCommon; };
  features->Clear();
  features->Reserve(n, only ? 12 : 32);
  struct Out {
    NerFeatures* f;
    void push_back(uint64_t x) { f->Add(x); }
  } f{features};
  for (size_t u = 0; u < n; ++u) {
    long i = static_cast<long>(u);
    if (only && !(*only)[u]) {
      features->EndToken();
      continue;
    }
    const TokenHashes& t = th[u];
    f.push_back(kSeeds[0]);  // bias
    f.push_back(F(kSeeds[1], t.lower));
    f.push_back(F(kSeeds[2], t.shape));
    f.push_back(F(kSeeds[3], t.prefix3));
    f.push_back(F(kSeeds[4], t.suffix3));
    f.push_back(F(kSeeds[5], t.suffix2));
    f.push_back(F(kSeeds[6], lw(i - 1)));
    f.push_back(F(kSeeds[7], lw(i + 1)));
    f.push_back(F(kSeeds[8], lw(i - 2)));
    f.push_back(F(kSeeds[9], lw(i + 2)));
    f.push_back(F(kSeeds[10], sh(i - 1), t.shape));
    f.push_back(F(kSeeds[11], t.shape, sh(i + 1)));
    f.push_back(F(kSeeds[12], lw(i - 1), t.lower));
    f.push_back(F(kSeeds[13], t.lower, lw(i + 1)));
    f.push_back(F(kSeeds[14], u == 0 ? kFirst : kInner, t.shape));
    f.push_back(F(kSeeds[15], common(i), t.shape));
    f.push_back(F(kSeeds[16], common(i - 1), sh(i - 1)));
    f.push_back(F(kSeeds[17], common(i + 1), sh(i + 1)));
    const TokenHint& h = hints[u];
    for (int b = 0; b < 6; ++b) {
      if (h.gazetteer & (1u << b)) f.push_back(F(kSeeds[18], kGazetteer[b]));
      if (u > 0 && (hints[u - 1].gazetteer & (1u << b))) f.push_back(F(kSeeds[19], kGazetteer[b]));
      if (u + 1 < n && (hints[u + 1].gazetteer & (1u << b))) f.push_back(F(kSeeds[20], kGazetteer[b]));
    }
    if (h.after_title) f.push_back(F(kSeeds[21], t.shape));
    if (h.org_head) f.push_back(kSeeds[22]);
    if (u > 0 && hints[u - 1].org_head) f.push_back(F(kSeeds[23], t.shape));
    f.push_back(F(kSeeds[24], t.prefix4));
    f.push_back(F(kSeeds[25], t.suffix4));
    f.push_back(F(kSeeds[26], lw(i - 1), sh(i + 1)));
    f.push_back(F(kSeeds[27], sh(i - 1), lw(i + 1)));
    f.push_back(F(kSeeds[28], sh(i - 2), sh(i - 1)));
    f.push_back(F(kSeeds[29], sh(i + 1), sh(i + 2)));
    if (context.syntax) {
      f.push_back(F(kSeeds[30], pos(i)));
      f.push_back(F(kSeeds[31], pos(i - 1)));
      f.push_back(F(kSeeds[32], pos(i + 1)));
      f.push_back(F(kSeeds[33], pos(i), t.shape));
      f.push_back(F(kSeeds[34], pos(i - 1), pos(i)));
      f.push_back(F(kSeeds[35], pos(i), pos(i + 1)));
      f.push_back(F(kSeeds[36], u == 0 ? kFirst : kInner, pos(i)));
      f.push_back(F(kSeeds[37], common(i), pos(i)));
      f.push_back(F(kSeeds[38], lw(i - 1), pos(i)));
      f.push_back(F(kSeeds[39], pos(i), lw(i + 1)));
      f.push_back(F(kSeeds[40], sentence_case, t.shape));
      f.push_back(F(kSeeds[41], sentence_case, pos(i)));
      f.push_back(F(kSeeds[42], pos(i - 1), pos(i), pos(i + 1)));
      f.push_back(F(kSeeds[43], pos(i - 2), pos(i - 1)));
      f.push_back(F(kSeeds[44], pos(i + 1), pos(i + 2)));
      f.push_back(F(kSeeds[45], run[u], t.shape));
      f.push_back(F(kSeeds[46], run[u], pos(i)));
    }
    features->EndToken();
  }
}

}  // namespace warta
