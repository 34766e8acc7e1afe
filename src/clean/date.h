// Finding publication dates and times in text: Indonesian and English month and
// weekday names, numeric dates, ISO 8601, times with WIB/WITA/WIT and other
// zones. Pure: text in, values out.
#pragma once

#include <optional>
#include <string_view>

#include "clean/calendar.h"
#include "input/record.h"  // DateOrder: how to read an ambiguous numeric date such as 03/04/2025

namespace warta {

struct DateMatch {
  DateTime value;
  size_t start = 0, end = 0;  // byte offsets of the match in the searched text
  bool ambiguous = false;     // a numeric date where day and month could be swapped
};

// The first date (with its time and zone, when they follow) in text[0, limit).
// A numeric date's year is written in four digits, last (21/10/2025: `order`
// says which of the others is the day; kYearFirst reads it day first) or
// first with dashes (2025-10-21).
std::optional<DateMatch> FindDate(std::string_view text, const Calendar& calendar, DateOrder order,
                                  size_t limit = 1 << 16);

// A whole string that is a date, e.g. the `published` field of a record
// ("10/21/2025 20:43", "2025-10-21T20:43:00+07:00", "Selasa, 21 Oktober 2025").
// Beyond FindDate's forms, a field may write a year first with any separator
// (2025/10/21, 2025.10.21: always year, month, day) or in two digits
// (21/10/25, 10-21-25, 25/10/21; not with dots, which write times): kYearFirst
// reads such a date year, month, day, the other orders read its year last
// (00-68 → 2000-2068, 69-99 → 1969-1999, as POSIX's %y).
std::optional<DateMatch> ParseDate(std::string_view text, const Calendar& calendar, DateOrder order);

}  // namespace warta
