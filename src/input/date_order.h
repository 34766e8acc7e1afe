// One date order per input. An ambiguous numeric date in the `published`
// field ("9/12/2025") must be read the same way in every record of an input
// (file or stream): the order is --date-order's, or else what the input's
// unambiguous dates prove (25/12/2025 can only be day first, 12/25/2025 only
// month first).
//
// Records stream and an input can hold millions of them, so the inference is a
// bounded look-ahead: before the first record of an input is handed on, its
// first kDateOrderLookAheadRecords records (at most kDateOrderLookAheadBytes of
// them, whichever comes first) are read and their published fields counted.
// The order more of them prove wins; on a tie, the order proven first; when
// none proves one, day first (the convention of Indonesian and most non-US
// outlets). Every record of the input, in the window or after it, then gets
// that order, so the result depends only on the input's bytes. The first
// record whose date contradicts the order (in the window or after it) is
// reported once per input as a warning naming its file and line; the record
// itself is read right (its date is not ambiguous), only the ambiguous ones
// follow the input's order.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "input/record_reader.h"

namespace warta {

inline constexpr size_t kDateOrderLookAheadRecords = 1000;
inline constexpr size_t kDateOrderLookAheadBytes = size_t{16} << 20;

// "day-first", "month-first", "year-first".
const char* DateOrderName(DateOrder order);

// The order the first numeric date with its year last in `published`
// ("25/12/2025", "12-25-2025 10:00", "Kamis, 25.12.2025", "25/12/25")
// proves: kDayFirst when only its first number can be the day, kMonthFirst
// when only its second can; nullopt when it proves nothing (no such date,
// 9/12/2025, 12/12/2025, or not a valid date either way). Year first is never
// inferred (25/12/09 counts as day first): only --date-order ymd gives it.
std::optional<DateOrder> ProvenDateOrder(std::string_view published);

// Wraps the reader of one input: every record it hands on has `date_order`
// set, to `forced` when given, else to the order inferred as described above.
std::unique_ptr<RecordReader> NewDateOrderReader(std::unique_ptr<RecordReader> in,
                                                 std::optional<DateOrder> forced);

}  // namespace warta
