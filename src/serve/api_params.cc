#include "serve/api_params.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "util/days.h"
#include "util/utf8.h"

namespace warta {

IntError ParseInt(std::string_view text, int64_t min, int64_t max, int64_t* out) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec == std::errc::invalid_argument || ptr != end) return IntError::kNotANumber;
  if (ec == std::errc::result_out_of_range || v < min || v > max) return IntError::kOutOfRange;
  *out = v;
  return IntError::kNone;
}

std::string Between(const std::string& name, int64_t min, int64_t max) {
  return fmt::format("{}: must be between {} and {}", name, min, max);
}

bool AllDigits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

std::optional<std::string> Params::Text(const std::string& name, size_t max_bytes) {
  auto it = p_.find(name);
  if (it == p_.end() || it->second.empty()) return std::nullopt;
  if (it->second.size() > max_bytes) {
    Fail(name + ": at most " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (!IsValidUtf8(it->second)) {
    Fail(name + ": not valid UTF-8");
    return std::nullopt;
  }
  return it->second;
}

std::optional<int64_t> Params::Int(const std::string& name, int64_t min, int64_t max) {
  auto it = p_.find(name);
  if (it == p_.end() || it->second.empty()) return std::nullopt;
  int64_t v = 0;
  switch (ParseInt(it->second, min, max, &v)) {
    case IntError::kNotANumber: Fail(name + ": not a whole number"); return std::nullopt;
    case IntError::kOutOfRange: Fail(Between(name, min, max)); return std::nullopt;
    case IntError::kNone: break;
  }
  return v;
}

std::optional<int32_t> Params::Day(const std::string& name) {
  auto t = Text(name, 10);
  if (!t) return std::nullopt;
  auto d = DaysFromIso(*t);
  if (!d || t->size() != 10) {
    Fail(name + ": a date like 2025-10-01");
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> Params::Actor(const std::string& name) {
  constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();
  auto it = p_.find(name);
  if (it != p_.end() && AllDigits(it->second)) {  // an entity id, however many digits
    int64_t id = 0;
    if (ParseInt(it->second, 1, kMaxId, &id) != IntError::kNone) {
      Fail(Between(name + " (an entity id)", 1, kMaxId));
      return std::nullopt;
    }
    return it->second;
  }
  auto t = Text(name, 20);
  if (!t) return std::nullopt;
  bool code = t->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos && t->size() >= 3;
  if (!code) {
    Fail(name + ": an actor code such as CHN or IDNGOV, or an entity id");
    return std::nullopt;
  }
  return t;
}

std::optional<bool> Params::Bool(const std::string& name) {
  auto t = Text(name, 5);
  if (!t) return std::nullopt;
  if (*t == "1" || *t == "true" || *t == "yes") return true;
  if (*t == "0" || *t == "false" || *t == "no") return false;
  Fail(name + ": 1 or 0");
  return std::nullopt;
}

Page Params::GetPage() {
  Page page;
  page.limit = Int("limit", 1, Csv() ? kMaxCsvLimit : kMaxPageLimit).value_or(50);
  page.offset = Int("offset", 0, 1000000000).value_or(0);
  return page;
}

Filter Params::GetFilter() {
  Filter f;
  f.since = Day("from");
  f.until = Day("to");
  if (f.since && f.until && *f.since > *f.until) Fail("from: after to");
  f.lang = Text("lang", 8);
  if (f.lang && (f.lang->size() < 2 || f.lang->find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos))
    Fail("lang: a language code such as id or en");
  f.outlet = Text("outlet", 200);
  return f;
}

bool Params::Csv() { return OneOf("format", {"json", "csv"}) == "csv"; }

std::string Params::OneOf(const std::string& name, std::initializer_list<const char*> choices) {
  auto t = Text(name, 16);
  if (!t) return *choices.begin();
  for (const char* c : choices)
    if (*t == c) return *t;
  std::string list;
  for (const char* c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
  Fail(fmt::format("{}: one of {}", name, list));
  return *choices.begin();
}

}  // namespace warta
