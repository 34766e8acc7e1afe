// An entity's mentions in one document as one value (the `spans` column of
// mention_sets, schema 12): the (start, end) byte spans sorted, each written as
// two unsigned LEB128 varints, the start's distance from the previous span's
// start and the span's length. A typical mention costs three bytes instead of
// a row with two indexes. Why by hand: a few lines; no library packs this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"

namespace warta {

using SpanList = std::vector<std::pair<int64_t, int64_t>>;

// Sorts `spans` (start, then end) and packs them; negative offsets and empty or
// inverted spans are clamped to empty spans at their start (none are written so).
std::string PackSpans(SpanList spans);
// kCorrupt when `packed` is not one PackSpans made.
Result<SpanList> UnpackSpans(std::string_view packed);

}  // namespace warta
