// Reading the knowledge files in data/: tab-separated rows, '#' comments and
// blank lines ignored, every error naming file and line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace warta {

// Returns an empty string when the row is good, else what is wrong with it.
using TsvRowFn = std::function<std::string(const std::vector<std::string_view>& columns)>;

// Calls `row` for each data line of `tsv`, which must have `columns` columns
// (`usage` says which, for the error). Stops at the first bad row with an error
// "NAME:LINE: message".
Status ForEachTsvRow(std::string_view tsv, std::string_view name, size_t columns, std::string_view usage,
                     const TsvRowFn& row);
// The same for a file whose last columns are optional: each row has
// `min_columns` to `max_columns` columns.
Status ForEachTsvRow(std::string_view tsv, std::string_view name, size_t min_columns, size_t max_columns,
                     std::string_view usage, const TsvRowFn& row);

}  // namespace warta
