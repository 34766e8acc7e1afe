#include "clean/calendar.h"

#include <fmt/format.h>

#include <charconv>

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

namespace {
std::string Key(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return FoldCase(word);
}
}  // namespace

std::optional<int> ParseUtcOffset(std::string_view s) {
  if (s == "Z" || s == "z") return 0;
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  int sign = s[0] == '-' ? -1 : 1;
  std::string digits;
  for (char c : s.substr(1)) {
    if (c == ':') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != 2 && digits.size() != 4) return std::nullopt;
  int h = (digits[0] - '0') * 10 + (digits[1] - '0');
  int m = digits.size() == 4 ? (digits[2] - '0') * 10 + (digits[3] - '0') : 0;
  if (h > 14 || m > 59) return std::nullopt;
  return sign * (h * 60 + m);
}

Result<Calendar> Calendar::FromTsv(std::string_view tsv, std::string_view name) {
  Calendar cal;
  Status s = ForEachTsvRow(tsv, name, 3, "KIND<TAB>WORD<TAB>VALUE", [&](const auto& cols) -> std::string {
    std::string word = Key(cols[1]);
    if (word.empty()) return "empty word";
    if (cols[0] == "zone") {
      auto off = ParseUtcOffset(cols[2]);
      if (!off) return "zone offset must look like +07:00";
      cal.zones_[word] = *off;
      return "";
    }
    int v = 0;
    auto [p, ec] = std::from_chars(cols[2].data(), cols[2].data() + cols[2].size(), v);
    if (ec != std::errc() || p != cols[2].data() + cols[2].size()) return "value must be a number";
    if (cols[0] == "month") {
      if (v < 1 || v > 12) return "month must be 1..12";
      cal.months_[word] = v;
    } else if (cols[0] == "day") {
      if (v < 1 || v > 7) return "day must be 1..7";
      cal.days_[word] = v;
    } else {
      return "unknown kind '" + std::string(cols[0]) + "' (month, day, zone)";
    }
    return "";
  });
  if (!s.ok()) return s;
  if (cal.months_.size() < 12) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": fewer than 12 months");
  return cal;
}

static std::optional<int> Find(const std::unordered_map<std::string, int>& m, std::string_view w) {
  if (w.empty() || w.size() > 16) return std::nullopt;
  auto it = m.find(Key(w));
  if (it == m.end()) return std::nullopt;
  return it->second;
}

std::optional<int> Calendar::Month(std::string_view w) const { return Find(months_, w); }
std::optional<int> Calendar::Weekday(std::string_view w) const { return Find(days_, w); }
std::optional<int> Calendar::ZoneOffsetMinutes(std::string_view w) const { return Find(zones_, w); }

std::string ToIso8601(const DateTime& dt, int default_offset_minutes) {
  std::string date = fmt::format("{:04d}-{:02d}-{:02d}", dt.year, dt.month, dt.day);
  if (!dt.has_time()) return date;
  int off = dt.offset_minutes.value_or(default_offset_minutes);
  char sign = off < 0 ? '-' : '+';
  int a = off < 0 ? -off : off;
  return fmt::format("{}T{:02d}:{:02d}:{:02d}{}{:02d}:{:02d}", date, dt.hour, dt.minute, dt.second < 0 ? 0 : dt.second,
                     sign, a / 60, a % 60);
}

}  // namespace warta
