#include "store/sqlite.h"

#include <fmt/format.h>
#include <unistd.h>

namespace warta::sqlite {

namespace {
Status DbError(sqlite3* db, std::string_view what) {
  int code = sqlite3_extended_errcode(db) & 0xFF;
  return Status::Error(code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? Status::Code::kCorrupt : Status::Code::kIoError,
                       std::string(what) + ": " + sqlite3_errmsg(db));
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
  if (read_only && (sqlite3_exec(raw, "PRAGMA schema_version", nullptr, nullptr, nullptr) & 0xFF) == SQLITE_READONLY) {
    // A WAL store in a directory we cannot write: SQLite cannot make its
    // shared-memory file. With no write-ahead log left beside it the file
    // holds every committed batch and no writer is at work (a writer would
    // have made the log), so it is read as immutable.
    if (::access((path + "-wal").c_str(), F_OK) == 0)
      return Status::Error(Status::Code::kIoError,
                           path + ": cannot read the store: its directory is read-only and a writer's log (" + path +
                               "-wal) is beside it; open it once where it is writable, or copy it elsewhere");
    std::string uri = "file:";
    for (char c : path) {  // percent-encode what a URI path cannot hold as is
      if (c == '%' || c == '?' || c == '#') uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
      else uri += c;
    }
    uri += "?immutable=1";
    sqlite3* imm = nullptr;
    rc = sqlite3_open_v2(uri.c_str(), &imm, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    Database reopened(imm);
    if (rc != SQLITE_OK)
      return Status::Error(Status::Code::kIoError, path + ": cannot open the database: " + sqlite3_errmsg(imm));
    sqlite3_extended_result_codes(imm, 1);
    return reopened;
  }
  return db;
}

Status Database::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (int rc = sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    rc &= 0xFF;
    return Status::Error(rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? Status::Code::kCorrupt : Status::Code::kIoError,
                         "sqlite: " + msg);
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
Statement& Statement::BindStatic(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_.get(), i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
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
