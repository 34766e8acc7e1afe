// PostgreSQL results as the store's Tables, written exactly as the SQLite
// store writes them: the same column types (integers, reals, text; a column
// with no value is text, as SQLite's typing by the values read gives) and
// the same text for every value (reals as SQLite prints them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/postgres.h"
#include "store/store.h"

namespace warta {

// A real as SQLite's text: 15 significant digits, ".0" on whole values ("%!.15g", SQLite's own printf).
std::string SqliteReal(double v);

// SQLite's ROUND(r, digits): its printf's rounding of the double, half away
// from zero after the error the binary value carries (0.32499999999999973 → 0.32).
double SqliteRound(double r, int digits);

// A column's type by its type OID: int2/int4/int8 integers; float4/float8/numeric reals; the rest text.
Table::Type TypeOfOid(Oid oid);

// One row's values; reals reformatted as SQLite prints them.
std::vector<std::optional<std::string>> RowOf(const pg::ResultSet& r, int row);

// The whole result: columns named as the query names them, typed by their
// OIDs where at least one row has a value.
Table ToTable(const pg::ResultSet& r);

// Rounds a real column's values in place as SQLite's ROUND(x, digits) would
// (the query returns the unrounded double, e.g. an AVG summed in SQLite's order).
void RoundColumn(Table* t, const std::string& column, int digits);

}  // namespace warta
