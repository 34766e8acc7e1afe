#include "util/tsv.h"

#include <fmt/format.h>

#include "util/strings.h"

namespace warta {

Status ForEachTsvRow(std::string_view tsv, std::string_view name, size_t columns, std::string_view usage,
                     const TsvRowFn& row) {
  return ForEachTsvRow(tsv, name, columns, columns, usage, row);
}

Status ForEachTsvRow(std::string_view tsv, std::string_view name, size_t min_columns, size_t max_columns,
                     std::string_view usage, const TsvRowFn& row) {
  int line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    auto cols = Split(line, '\t');
    std::string error = cols.size() < min_columns || cols.size() > max_columns ? fmt::format("expected {}", usage) : row(cols);
    if (!error.empty())
      return Status::Error(Status::Code::kInvalidInput, fmt::format("{}:{}: {}", name, line_no, error));
  }
  return Status::Ok();
}

}  // namespace warta
