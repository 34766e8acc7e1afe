#include "util/utf8.h"

#include <simdjson.h>
#include <unicode/uchar.h>

namespace warta {
namespace {

// Length of the well-formed sequence at in[i], or 0 if it is ill-formed; in that
// case *bad is set to the length of the maximal ill-formed subpart (>= 1).
size_t WellFormedLength(std::string_view in, size_t i, size_t* bad) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(in[k]); };
  unsigned char c = b(i);
  size_t n = in.size();
  if (c < 0x80) return 1;
  unsigned char lo = 0x80, hi = 0xBF;
  size_t need;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= n) { *bad = k; return 0; }
    unsigned char t = b(i + k);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (t < l || t > h) { *bad = k; return 0; }
  }
  return need + 1;
}

}  // namespace

bool IsValidUtf8(std::string_view in) { return simdjson::validate_utf8(in.data(), in.size()); }

RepairedUtf8 RepairUtf8(std::string_view in) {
  RepairedUtf8 r{std::string(), 0};
  if (IsValidUtf8(in)) {
    r.text.assign(in);
    return r;
  }
  r.text.reserve(in.size() + 16);
  size_t i = 0;
  while (i < in.size()) {
    size_t bad = 0;
    size_t len = WellFormedLength(in, i, &bad);
    if (len > 0) {
      r.text.append(in.substr(i, len));
      i += len;
    } else {
      r.text.append("\xEF\xBF\xBD");
      ++r.invalid_sequences;
      i += bad;
    }
  }
  return r;
}

char32_t NextCodePoint(std::string_view in, size_t* pos) {
  // Total on any bytes: an ill-formed or truncated sequence (a lead byte as the
  // last byte of the text, say) decodes as U+FFFD and advances one byte, so no
  // caller can read past the end however the text was cut.
  size_t i = *pos;
  unsigned char c = static_cast<unsigned char>(in[i]);
  if (c < 0x80) { *pos = i + 1; return c; }
  size_t bad = 0;
  size_t len = WellFormedLength(in, i, &bad);
  if (len == 0) { *pos = i + 1; return 0xFFFD; }
  const auto b = [&](size_t k) { return static_cast<unsigned char>(in[k]); };
  *pos = i + len;
  if (len == 2) return (char32_t(c & 0x1F) << 6) | (b(i + 1) & 0x3F);
  if (len == 3) return (char32_t(c & 0x0F) << 12) | (char32_t(b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
  return (char32_t(c & 0x07) << 18) | (char32_t(b(i + 1) & 0x3F) << 12) |
         (char32_t(b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
}

size_t PrevCodePointStart(std::string_view in, size_t pos) {
  // At most three continuation bytes back: constant time on any bytes.
  size_t i = pos - 1;
  for (int k = 0; k < 3 && i > 0 && (static_cast<unsigned char>(in[i]) & 0xC0) == 0x80; ++k) --i;
  return i;
}

void AppendCodePoint(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}
bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}
bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0x200B || cp == 0xFEFF;
}

bool IsMark(char32_t cp) {
  return cp >= 0x300 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

}  // namespace warta
