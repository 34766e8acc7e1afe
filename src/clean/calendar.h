// Calendar words (month and weekday names, time-zone words) loaded from
// data/clean/calendar.tsv, and the date/time value the cleaner produces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/status.h"

namespace warta {

class Calendar {
 public:
  // Parses the TSV described in data/clean/calendar.tsv. `name` is used in errors.
  static Result<Calendar> FromTsv(std::string_view tsv, std::string_view name);

  // Lookups take a word as written; case and a trailing '.' are ignored.
  std::optional<int> Month(std::string_view word) const;    // 1..12
  std::optional<int> Weekday(std::string_view word) const;  // 1..7
  std::optional<int> ZoneOffsetMinutes(std::string_view word) const;

 private:
  std::unordered_map<std::string, int> months_, days_, zones_;
};

// A calendar date with an optional time of day and UTC offset.
struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1, second = -1;  // -1: not given
  std::optional<int> offset_minutes;        // UTC offset, when the text gives one

  bool has_time() const { return hour >= 0; }
  bool operator==(const DateTime&) const = default;
};

// ISO 8601: "2021-12-07T14:12:00+07:00" when a time is known (the text's offset,
// else `default_offset_minutes`), "2021-12-07" for a date alone.
std::string ToIso8601(const DateTime& dt, int default_offset_minutes);

// Parses "+07:00", "-0500", "Z" into minutes; nullopt if malformed.
std::optional<int> ParseUtcOffset(std::string_view s);

}  // namespace warta
