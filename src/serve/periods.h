// Time series as analysts read them: every period between the first and the
// last shown (an empty month is a zero, not a gap that puts 2016-09 beside
// 2021-12), and the periods whose volume stands out marked as spikes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace warta {

// The label of a day (days since 1970-01-01) as the store's strftime makes it:
// "day" 2021-12-07, "week" 2021-W49 (Monday weeks, %W: days before the year's
// first Monday are week 00), "month" 2021-12, "year" 2021.
std::string PeriodOf(int32_t day, const std::string& by);

// About the most periods a filled series holds (a day series over 13 years).
inline constexpr int kMaxPeriods = 5000;

// `t` has a "period" column and one row per period with data, in order. Adds a
// row for every missing period from `since` (else the first row's period) to
// `until` (else the last row's): integer columns 0, other columns NULL. Beyond
// about kMaxPeriods periods the range narrows to the rows' own, and beyond that
// nothing is added; no row is ever dropped. Rows whose period is not a label of
// `by` are kept, last.
void FillPeriods(Table* t, const std::string& by, std::optional<int32_t> since, std::optional<int32_t> until);

// Adds a boolean column "spike": the period's `column` (events, documents)
// stands well above the series' usual level: at least 3, and above the median
// by more than three robust standard deviations (1.4826 MAD, at least 1).
void MarkSpikes(Table* t, const std::string& column);

}  // namespace warta
