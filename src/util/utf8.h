// UTF-8 helpers. warta's spans are byte offsets into a document's text; these
// helpers never change the length of valid input, and repair invalid input in a
// way that is counted and deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace warta {

struct RepairedUtf8 {
  std::string text;          // valid UTF-8
  size_t invalid_sequences;  // how many ill-formed sequences became U+FFFD
};

// Returns `in` with every ill-formed sequence (as defined by the Unicode
// "maximal subpart" practice) replaced by U+FFFD. NUL bytes are kept.
RepairedUtf8 RepairUtf8(std::string_view in);

bool IsValidUtf8(std::string_view in);

// Decodes the code point starting at in[*pos] and advances *pos past it.
// An ill-formed or truncated sequence gives U+FFFD and advances one byte;
// *pos never passes in.size(). REQUIRES: *pos < in.size().
char32_t NextCodePoint(std::string_view in, size_t* pos);

// The start of the code point ending just before in[pos] (for valid UTF-8;
// on other bytes a position in [0, pos)). REQUIRES: 0 < pos <= in.size().
size_t PrevCodePointStart(std::string_view in, size_t pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendCodePoint(char32_t cp, std::string* out);

// Unicode-aware character classes (ICU underneath), for code points.
bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);
bool IsMark(char32_t cp);   // combining marks (Mn, Mc, Me)  // includes NBSP and the other Zs spaces

}  // namespace warta
