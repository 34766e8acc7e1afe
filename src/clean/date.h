// Finding publication dates and times in text: Indonesian and English month and
// weekday names, numeric dates, ISO 8601, times with WIB/WITA/WIT and other
// zones. Pure: text in, values out.
#pragma once

#include <optional>
#include <string_view>

#include "clean/calendar.h"

namespace warta {

// How to read an ambiguous numeric date such as 03/04/2025.
enum class DateOrder { kDayFirst, kMonthFirst };

struct DateMatch {
  DateTime value;
  size_t start = 0, end = 0;  // byte offsets of the match in the searched text
  bool ambiguous = false;     // a numeric date where day and month could be swapped
};

// The first date (with its time and zone, when they follow) in text[0, limit).
std::optional<DateMatch> FindDate(std::string_view text, const Calendar& calendar, DateOrder order,
                                  size_t limit = 1 << 16);

// A whole string that is a date, e.g. the `published` field of a record
// ("10/21/2025 20:43", "2025-10-21T20:43:00+07:00", "Selasa, 21 Oktober 2025").
std::optional<DateMatch> ParseDate(std::string_view text, const Calendar& calendar, DateOrder order);

}  // namespace warta
