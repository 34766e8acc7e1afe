// PostgreSQL results as the store's Tables, written exactly as the SQLite
// store writes them: the same column types and the same text for every value
// (reals as SQLite prints them). SQLite types a column that is a plain table
// column by its declaration (an id is an integer even when every value is
// NULL or there is no row), any other by the values read (a column with no
// value is text); PostgreSQL says which result columns are plain table
// columns (PQftable), so the same rule applies here.
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

// Whether result column `c` is a plain column of a table (SQLite: has a declared type).
bool Declared(const pg::ResultSet& r, int c);

// One row's values; reals reformatted as SQLite prints them.
std::vector<std::optional<std::string>> RowOf(const pg::ResultSet& r, int row);

// The whole result: columns named as the query names them, typed by their
// OIDs where they are declared or at least one row has a value, else text.
Table ToTable(const pg::ResultSet& r);

// Sets a column's type where SQLite's query reads a declared column and
// PostgreSQL's computes it (SQLite's summary tables): a list, or an integer
// even when there is no row.
void SetType(Table* t, const std::string& column, Table::Type type);

// Rounds a real column's values in place as SQLite's ROUND(x, digits) would
// (the query returns the unrounded double, e.g. an AVG summed in SQLite's order).
void RoundColumn(Table* t, const std::string& column, int digits);

}  // namespace warta
