// The pieces of SQL that PostgresStore's queries share (postgres_queries.cc,
// postgres_groups.cc, postgres_graph.cc, postgres_export.cc), each the
// PostgreSQL form of an expression of SQLite's queries (sqlite_queries.cc)
// that answers the same values:
//  - LIKE and COLLATE NOCASE fold ASCII letters only (SQLite's rule), by
//    translate(); patterns escape % _ and \ with \ (SQLite's ESCAPE '\');
//  - text compared and sorted byte-wise (COLLATE "C", SQLite's BINARY);
//  - date(x * 86400, 'unixepoch') and strftime() as to_char() on
//    1970-01-01 + x (SQLite's %W week number by its formula).
// Internal to the store stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres.h"
#include "store/store.h"

namespace warta::pgsql {

// Bound parameters in order: each Add returns its placeholder ("$3::bigint").
class Args {
 public:
  std::string Int(int64_t v) { return Add(pg::Int(v), "bigint"); }
  std::string Text(std::string v) { return Add(pg::Text(std::move(v)), "text"); }
  const std::vector<pg::Param>& params() const { return params_; }

 private:
  std::string Add(pg::Param p, const char* type);
  std::vector<pg::Param> params_;
};

const char* TableOf(Grouping g);
const char* Column(Grouping g);

// SQLite's case folding for LIKE and NOCASE: ASCII letters only.
std::string Fold(std::string_view x);
// SQLite's `x LIKE pattern ESCAPE '\'` (ASCII letters folded).
std::string Like(std::string_view x, std::string_view pattern);

// date(day * 86400, 'unixepoch'): 'YYYY-MM-DD', NULL for NULL (`day` an integer expression).
std::string DateOf(std::string_view day);
// strftime(<period>, day * 86400, 'unixepoch') for "day", "week" (%W), "month" (the default), "year".
std::string PeriodOf(const std::string& by, std::string_view day);

// A state or IGO of an actor code: its first three letters, or the whole IGO code (compared as bytes).
std::string Node(std::string_view code);

// " AND …": the filter on documents `d`, with `day` the day column of the rows read.
std::string DocConditions(const Filter& f, std::string_view day, Args* args);
// No filter at all: SQLite reads its summary tables.
bool Unfiltered(const Filter& f);

// "(column starts with code)" as SQLite's StartsWithCode: a byte range from
// upper(code) for codes of letters and digits, else a LIKE prefix.
std::string StartsWithCode(std::string_view column, const std::string& code, Args* args);

// An outlet's name for documents `d`, with outlets `o` joined.
inline constexpr std::string_view kOutletName = "COALESCE(o.name, NULLIF(d.outlet, ''))";

// The columns of quote and event listings (q, en, d; e, d), as SQLite's kQuoteColumns and kEventColumns.
inline constexpr std::string_view kQuoteColumns =
    "q.document, d.published, COALESCE(en.name, q.speaker) AS speaker, q.speaker_role AS role, q.kind, q.text";
std::string EventColumns();

}  // namespace warta::pgsql
