#include "util/strings.h"

#include <unicode/ucasemap.h>

#include <memory>

#include "util/hash.h"
#include "util/utf8.h"

namespace warta {

std::string Hex64(uint64_t v) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[i] = kDigits[v & 0xF];
  return s;
}

void TrimBounds(std::string_view s, size_t* begin, size_t* end) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t p = b;
    if (!IsSpace(NextCodePoint(s, &p))) break;
    b = p;
  }
  while (e > b) {
    size_t p = PrevCodePointStart(s, e);
    size_t q = p;
    if (!IsSpace(NextCodePoint(s, &q))) break;
    e = p;
  }
  *begin = b;
  *end = e;
}

std::string_view Trim(std::string_view s) {
  size_t b, e;
  TrimBounds(s, &b, &e);
  return s.substr(b, e - b);
}

std::string AsciiLower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

std::string FoldCase(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii &= c < 0x80;
  if (ascii) return AsciiLower(s);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCaseMap, decltype(&ucasemap_close)> map(ucasemap_open("", 0, &err), ucasemap_close);
  std::string out(s.size() * 2 + 8, '\0');
  int32_t n = ucasemap_utf8FoldCase(map.get(), out.data(), static_cast<int32_t>(out.size()), s.data(),
                                    static_cast<int32_t>(s.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.resize(static_cast<size_t>(n));
    n = ucasemap_utf8FoldCase(map.get(), out.data(), n, s.data(), static_cast<int32_t>(s.size()), &err);
  }
  if (U_FAILURE(err)) return AsciiLower(s);
  out.resize(static_cast<size_t>(n));
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view x) {
  return s.size() >= x.size() && s.substr(s.size() - x.size()) == x;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = NextCodePoint(s, &i);
    if (IsSpace(cp)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

}  // namespace warta
