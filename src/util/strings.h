// Small string helpers shared by the stages. All work on UTF-8 and return views
// into their argument (valid as long as the argument is) or owned strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta {

// Trims ASCII whitespace and the Unicode spaces (NBSP, zero-width space, BOM).
std::string_view Trim(std::string_view s);
// Offsets of Trim(s) inside s: [*begin, *end).
void TrimBounds(std::string_view s, size_t* begin, size_t* end);

std::string AsciiLower(std::string_view s);
// Full Unicode lower-casing (ICU case folding); ASCII fast path.
std::string FoldCase(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
// ASCII-case-insensitive equality.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Splits on `sep`, keeping empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);

// Collapses runs of whitespace to one ASCII space and trims.
std::string CollapseSpace(std::string_view s);

}  // namespace warta
