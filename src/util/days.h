// Calendar days as integers (days since 1970-01-01), for grouping and
// windows over publication dates. Howard Hinnant's civil-calendar
// algorithms; std::chrono's calendar would do the same with more ceremony.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warta {

int32_t DaysFromCivil(int y, unsigned m, unsigned d);
// "2021-12-07", "2021-12-07T14:12:00+07:00" (the date as written, local to
// its own offset); nullopt when the text does not start with a valid date.
std::optional<int32_t> DaysFromIso(std::string_view iso);
// "2021-12-07".
std::string IsoFromDays(int32_t days);

}  // namespace warta
