// The PostgreSQL store's schema as a list of migrations (the same tables and
// columns as the SQLite schema of schema.h), and how a database is brought to
// the current version. Never edit a released migration; append one.
#pragma once

#include <string_view>
#include <vector>

#include "store/postgres.h"
#include "util/status.h"

namespace warta {

// Migration i (1-based) takes a database at version i - 1 to version i; a
// database without the version table is at version 0.
const std::vector<std::string_view>& PostgresMigrations();

// The schema version recorded in warta_meta_version (0 when the table is absent, -1 on error).
int PostgresSchemaVersion(pg::Connection* db);

// Applies the missing migrations in one transaction under an advisory lock,
// so two processes opening a new database at once do not race; a read-only
// opener only checks that the database is current.
Status MigratePostgres(pg::Connection* db, bool read_only);

// The fixed advisory-lock keys of warta's databases ("warta" in ASCII, then a
// number per use): batches of all writers, and schema migrations.
inline constexpr long long kBatchLockKey = 0x7761727461000001LL;
inline constexpr long long kMigrationLockKey = 0x7761727461000002LL;

}  // namespace warta
