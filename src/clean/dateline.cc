#include "clean/dateline.h"

#include <re2/re2.h>

#include <algorithm>

#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

// The patterns are grammar, not vocabulary, so they live here. RE2 objects are
// immutable and thread-safe; function-local statics are built once.
const RE2& DatelinePattern() {
  // PLACE [, OUTLET | (OUTLET)] SEPARATOR SPACE
  static const RE2 re(
      R"(^(((?:\p{Lu}[\p{L}'.]*)(?:[ ]\p{Lu}[\p{L}'.]*){0,3})\s*)"
      R"((?:,\s*([\p{L}\p{N}][\p{L}\p{N}.]*(?:[ ][\p{L}\p{N}.]+){0,2})\s*|\(([^()]{1,40})\)\s*)?)"
      R"((?:--|-|–|—|:)\s+))");
  return re;
}

const RE2& EditorPattern() {
  static const RE2 re(R"((?:^|\s)\(([a-z]{2,5}(?:/[a-z]{2,5}){0,3})\)\s*$)");
  return re;
}

bool AllCaps(std::string_view s) {
  bool any = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = NextCodePoint(s, &i);
    if (IsLower(c)) return false;
    any |= IsUpper(c);
  }
  return any;
}

// "KUALA LUMPUR" → "Kuala Lumpur"; names already in mixed case are kept.
std::string NameCase(std::string_view s) {
  if (!AllCaps(s)) return std::string(s);
  std::string lower = FoldCase(s), out;
  bool start = true;
  size_t i = 0;
  while (i < lower.size()) {
    size_t b = i;
    char32_t c = NextCodePoint(lower, &i);
    if (start && c < 0x80 && c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 32));
    else out.append(lower, b, i - b);
    start = c == ' ' || c == '-';
  }
  return out;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view paragraph) {
  re2::StringPiece input(paragraph.data(), std::min<size_t>(paragraph.size(), 160));
  re2::StringPiece whole, place, outlet, paren;
  if (!RE2::PartialMatch(input, DatelinePattern(), &whole, &place, &outlet, &paren)) return std::nullopt;
  std::string_view p(place.data(), place.size());
  bool has_outlet = !outlet.empty() || !paren.empty();
  size_t sep_pos = whole.size();
  std::string_view sep_text = paragraph.substr(0, sep_pos);
  bool colon_sep = Trim(sep_text).back() == ':';
  // Without an outlet, only an all-caps place ("JAKARTA -") or a short place
  // before a dash ("Jakarta - ") is a dateline; "Presiden Jokowi: ..." is not.
  if (!has_outlet && !AllCaps(p) && Split(p, ' ').size() > 2) return std::nullopt;
  if (colon_sep && !AllCaps(p)) return std::nullopt;  // "KUALA LUMPUR: ..." but not "Sementara itu: ..."
  // The body must go on after the dateline.
  if (sep_pos >= paragraph.size()) return std::nullopt;
  return Dateline{NameCase(p), sep_pos};
}

std::optional<EditorMark> FindEditorMark(std::string_view paragraph) {
  re2::StringPiece input(paragraph.data(), paragraph.size()), initials;
  if (paragraph.size() < 4) return std::nullopt;
  size_t from = paragraph.size() > 48 ? paragraph.size() - 48 : 0;
  re2::StringPiece tail = input.substr(from);
  if (!RE2::PartialMatch(tail, EditorPattern(), &initials)) return std::nullopt;
  size_t open = static_cast<size_t>(initials.data() - paragraph.data()) - 1;
  size_t start = open;
  while (start > 0 && (paragraph[start - 1] == ' ' || paragraph[start - 1] == '\t')) --start;
  return EditorMark{std::string(initials.data(), initials.size()), start};
}

}  // namespace warta
