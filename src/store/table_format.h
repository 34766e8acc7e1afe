// A query's Table as people and programs read it: an aligned text table, a
// JSON array of objects (numbers as numbers, NULL as null) or RFC 4180 CSV.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace warta {

// Columns aligned by code points; cells longer than `max_cell` code points are
// cut with "…"; line breaks inside cells become spaces.
std::string TableToText(const Table& t, size_t max_cell = 60);
// The index of a column by name, or -1.
int ColumnIndex(const Table& t, std::string_view name);
// A cell by row and column name; nullopt when NULL or absent.
std::optional<std::string> CellOf(const Table& t, size_t row, std::string_view column);
std::string TableToJson(const Table& t);
// One JSON object (no newline) for a row of `t`'s shape.
std::string RowToJson(const Table& t, const std::vector<std::optional<std::string>>& row);
std::string TableToCsv(const Table& t);
std::string CsvHeader(const Table& t);
std::string CsvRow(const std::vector<std::optional<std::string>>& row);
// A row of `t`, list cells joined with "; ".
std::string CsvRowOf(const Table& t, const std::vector<std::optional<std::string>>& row);

}  // namespace warta
