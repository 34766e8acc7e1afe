// A thin RAII layer over SQLite's C API: a connection and prepared
// statements with typed binding and reading. Errors come back as Status
// values naming the statement; nothing here throws.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/status.h"

namespace warta::sqlite {

class Statement;

class Database {
 public:
  // Opens (creating when `create`) the file; read_only opens it for queries only.
  static Result<Database> Open(const std::string& path, bool create, bool read_only);
  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }
  sqlite3* get() const { return db_.get(); }
  std::string Error() const { return sqlite3_errmsg(db_.get()); }

 private:
  struct Close {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  explicit Database(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, Close> db_;
};

class Statement {
 public:
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  // Binding is 1-based, as in SQL.
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view bytes);
  // Binds without a copy: the bytes must stay alive and unchanged until the
  // statement is reset (for large texts, bound once and run at once).
  Statement& BindStatic(int i, std::string_view v);
  Statement& BindNull(int i);
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // One step: true with a row to read, false when done; errors in *status.
  bool Step(Status* status);
  // Runs a statement that returns no rows.
  Status Run();
  void Reset();

  sqlite3_stmt* Raw() const { return stmt_.get(); }
  int Columns() const { return sqlite3_column_count(stmt_.get()); }
  std::string ColumnName(int i) const { return sqlite3_column_name(stmt_.get(), i); }
  bool IsNull(int i) const { return sqlite3_column_type(stmt_.get(), i) == SQLITE_NULL; }
  int64_t Int(int i) const { return sqlite3_column_int64(stmt_.get(), i); }
  double Double(int i) const { return sqlite3_column_double(stmt_.get(), i); }
  std::string Text(int i) const;
  std::string_view Blob(int i) const;
  std::optional<int64_t> OptInt(int i) const { return IsNull(i) ? std::nullopt : std::optional<int64_t>(Int(i)); }
  std::optional<std::string> OptText(int i) const {
    return IsNull(i) ? std::nullopt : std::optional<std::string>(Text(i));
  }

 private:
  friend class Database;
  struct Finalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  Statement(sqlite3_stmt* s, sqlite3* db) : stmt_(s), db_(db) {}
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
  sqlite3* db_;
};

}  // namespace warta::sqlite
