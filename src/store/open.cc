// Which backend a --db names: a PostgreSQL URI, else an SQLite file.
#include "store/postgres.h"
#include "store/store.h"
#include "util/strings.h"

namespace warta {

bool Store::IsPostgresUri(std::string_view db) { return StartsWith(db, "postgresql://") || StartsWith(db, "postgres://"); }

std::string Store::Printable(std::string_view db) { return IsPostgresUri(db) ? pg::RedactUri(db) : std::string(db); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& db, Mode mode, bool wait_for_writer) {
  if (IsPostgresUri(db)) return OpenPostgres(db, mode);
  return OpenSqlite(db, mode, wait_for_writer);
}

}  // namespace warta
