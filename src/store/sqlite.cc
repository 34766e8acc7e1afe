#include "store/sqlite.h"

namespace warta::sqlite {

namespace {
Status DbError(sqlite3* db, std::string_view what) {
  return Status::Error(Status::Code::kIoError, std::string(what) + ": " + sqlite3_errmsg(db));
}
}  // namespace

Result<Database> Database::Open(const std::string& path, bool create, bool read_only) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw);  // closes raw on every path
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return Status::Error(rc == SQLITE_CANTOPEN ? Status::Code::kNotFound : Status::Code::kIoError,
                         path + ": cannot open the database: " + msg);
  }
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Status Database::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::Error(Status::Code::kIoError, "sqlite: " + msg);
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw,
                         nullptr) != SQLITE_OK) {
    sqlite3_finalize(raw);
    return DbError(db_.get(), "sqlite: preparing '" + std::string(sql.substr(0, 60)) + "'");
  }
  return Statement(raw, db_.get());
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_.get(), i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_.get(), i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::BindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_.get(), i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_.get(), i);
  return *this;
}

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    *status = DbError(db_, std::string("sqlite: '") + std::string(sqlite3_sql(stmt_.get())).substr(0, 60) + "'");
    sqlite3_reset(stmt_.get());
    return false;
  }
  return false;
}

Status Statement::Run() {
  Status s;
  while (Step(&s)) {
  }
  Reset();
  return s;
}

void Statement::Reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::Text(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_.get(), i);
  int n = sqlite3_column_bytes(stmt_.get(), i);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}

std::string_view Statement::Blob(int i) const {
  const void* p = sqlite3_column_blob(stmt_.get(), i);
  int n = sqlite3_column_bytes(stmt_.get(), i);
  return p ? std::string_view(static_cast<const char*>(p), static_cast<size_t>(n)) : std::string_view();
}

}  // namespace warta::sqlite
