#include "clean/byline.h"


#include <algorithm>

#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {

Result<BylineLabels> BylineLabels::FromTsv(std::string_view tsv, std::string_view name) {
  BylineLabels out;
  Status s = ForEachTsvRow(tsv, name, 3, "LABEL<TAB>ROLE<TAB>NEEDS_COLON", [&](const auto& cols) -> std::string {
    if (cols[1] != "author" && cols[1] != "editor") return "ROLE must be author or editor";
    if (cols[2] != "yes" && cols[2] != "no") return "NEEDS_COLON must be yes or no";
    if (Trim(cols[0]).empty()) return "empty label";
    out.labels_.push_back({AsciiLower(Trim(cols[0])), cols[1] == "editor", cols[2] == "yes"});
    return "";
  });
  if (!s.ok()) return s;
  // Longest label first, so "edited by" wins over "editor"-like prefixes.
  std::stable_sort(out.labels_.begin(), out.labels_.end(),
                   [](const Label& a, const Label& b) { return a.words.size() > b.words.size(); });
  if (out.labels_.empty()) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": no labels");
  return out;
}

namespace {

// Name particles that may be lower-case inside a personal name.
bool IsParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"bin", "binti", "van", "von", "der", "den", "de",
                                                    "da",  "del",   "al",  "el",  "la",  "le",  "dos"};
  for (auto p : kParticles)
    if (w == p) return true;
  return false;
}

bool IsNameWord(std::string_view w, const Calendar& cal) {
  if (w.empty() || w.size() > 30) return false;
  if (IsParticle(w)) return true;
  size_t i = 0;
  char32_t first = NextCodePoint(w, &i);
  if (!IsUpper(first)) return false;
  if (cal.Weekday(w) || cal.Month(w)) return false;
  while (i < w.size()) {
    char32_t c = NextCodePoint(w, &i);
    if (!(IsLetter(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019)) return false;
  }
  return true;
}

// Splits "A, B dan C" / "A and B" / "A & B" into names; false if any piece is
// not a plausible personal name.
bool SplitNames(std::string_view s, const Calendar& cal, std::vector<std::string>* out) {
  std::string norm = CollapseSpace(s);
  for (std::string_view sep : {" dan ", " and ", " & ", ";"}) {
    size_t p;
    while ((p = norm.find(sep)) != std::string::npos) norm.replace(p, sep.size(), ",");
  }
  for (std::string_view piece : Split(norm, ',')) {
    piece = Trim(piece);
    while (!piece.empty() && (piece.back() == '-' || piece.back() == '.' || piece.back() == ':')) {
      if (piece.back() == '.' && piece.size() >= 2 && IsUpper(static_cast<unsigned char>(piece[piece.size() - 2])) &&
          (piece.size() == 2 || piece[piece.size() - 3] == ' '))
        break;  // keep the dot of a final initial ("Budi S.")
      piece = Trim(piece.substr(0, piece.size() - 1));
    }
    if (piece.empty()) continue;
    auto words = Split(piece, ' ');
    if (words.size() == 1 && cal.Weekday(words[0])) continue;  // "By X, Selasa, 7 ..."
    if (words.size() > 6 || piece.size() > 60) return false;
    for (auto w : words)
      if (!IsNameWord(w, cal)) return false;
    out->emplace_back(piece);
  }
  return true;
}

// Length of `label` at the start of `s` (ignoring case, whole words), or 0.
size_t MatchLabel(std::string_view s, const BylineLabels::Label& label) {
  if (s.size() < label.words.size()) return 0;
  if (!EqualsIgnoreCase(s.substr(0, label.words.size()), label.words)) return 0;
  size_t n = label.words.size();
  if (n < s.size() && IsLetter(static_cast<unsigned char>(s[n]))) return 0;
  return n;
}

}  // namespace

std::optional<Byline> ParseByline(std::string_view line, const BylineLabels& labels, const Calendar& calendar,
                                  DateOrder order) {
  line = Trim(line);
  if (line.empty() || line.size() > 240) return std::nullopt;
  Byline out;
  size_t names_end = line.size();
  if (auto date = FindDate(line, calendar, order)) {
    out.date = date;
    // Whatever follows the date must be small ("| detikNews"), else it is prose.
    names_end = date->start;
  }
  size_t seg_start = 0;
  bool first = true;
  while (seg_start < names_end) {
    size_t bar = line.find('|', seg_start);
    size_t seg_end = std::min(bar == std::string_view::npos ? names_end : bar, names_end);
    std::string_view seg = Trim(line.substr(seg_start, seg_end - seg_start));
    seg_start = seg_end + 1;
    if (seg.empty()) continue;
    const BylineLabels::Label* label = nullptr;
    size_t n = 0;
    for (const auto& l : labels.labels())
      if ((n = MatchLabel(seg, l)) > 0) {
        label = &l;
        break;
      }
    if (label == nullptr) {
      if (first) return std::nullopt;
      continue;  // "| detikNews" after the names
    }
    std::string_view rest = Trim(seg.substr(n));
    bool colon = !rest.empty() && rest[0] == ':';
    if (label->needs_colon && !colon) {
      if (first) return std::nullopt;
      continue;
    }
    if (colon) rest = Trim(rest.substr(1));
    std::vector<std::string> names;
    if (!SplitNames(rest, calendar, &names) || names.empty()) {
      if (first) return std::nullopt;
      continue;
    }
    if (label->editor) {
      if (!out.editor) out.editor = names.front();
    } else {
      for (auto& name : names)
        if (std::find(out.authors.begin(), out.authors.end(), name) == out.authors.end())
          out.authors.push_back(std::move(name));
    }
    first = false;
  }
  if (first) return std::nullopt;
  if (out.date) {
    std::string_view tail = Trim(line.substr(out.date->end));
    if (tail.size() > 40) return std::nullopt;
  }
  return out;
}

bool IsDateLine(std::string_view line, const Calendar& calendar, DateOrder order, DateMatch* date) {
  line = Trim(line);
  if (line.empty() || line.size() > 120) return false;
  auto m = ParseDate(line, calendar, order);
  if (!m) return false;
  // Up to three words before the date ("Diterbitkan pada", "Published:"), only
  // punctuation after it.
  if (Split(CollapseSpace(line.substr(0, m->start)), ' ').size() > 3) return false;
  for (char c : line.substr(m->end))
    if (!(c == ' ' || c == ')' || c == '.' || c == ']' || c == '|')) return false;
  *date = *m;
  return true;
}

}  // namespace warta
