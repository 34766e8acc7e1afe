// Which backend a --db names: a PostgreSQL URI, else an SQLite file.
#include "store/store.h"
#include "util/strings.h"

namespace warta {

bool Store::IsPostgresUri(std::string_view db) { return StartsWith(db, "postgresql://") || StartsWith(db, "postgres://"); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& db, Mode mode, bool wait_for_writer) {
  if (IsPostgresUri(db)) return OpenPostgres(db, mode);
  return OpenSqlite(db, mode, wait_for_writer);
}

}  // namespace warta
