// A thin RAII layer over libpq: a connection with a per-connection cache of
// prepared statements, and query results. Every value travels as a bound
// parameter (text format, bytea in binary), never inside the SQL text.
// Errors come back as Status values; nothing here throws.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace warta::pg {

// One bound parameter: its own bytes, or a view of bytes the caller keeps
// alive until the statement has run (large article texts, blobs).
struct Param {
  std::string owned;
  std::string_view external;
  bool is_view = false;
  bool null = false;
  bool binary = false;  // bytea: sent as raw bytes
  std::string_view bytes() const { return is_view ? external : std::string_view(owned); }
};

Param Null();
Param Int(int64_t v);
Param Real(double v);  // exact: 17 significant digits
Param Text(std::string v);
Param View(std::string_view v);  // no copy
Param Blob(std::string_view bytes);  // no copy
Param OptInt(const std::optional<int64_t>& v);
Param OptText(const std::optional<std::string>& v);
Param NonEmpty(const std::string& v);  // NULL when empty (the store's convention for optional strings)

class ResultSet {
 public:
  int Rows() const { return PQntuples(res_.get()); }
  int Columns() const { return PQnfields(res_.get()); }
  std::string Name(int c) const { return PQfname(res_.get(), c); }
  Oid Type(int c) const { return PQftype(res_.get(), c); }
  // The table a column reads when it is a plain column of one (through subqueries and CTEs
  // too), else InvalidOid: what SQLite calls a column with a declared type.
  Oid SourceTable(int c) const { return PQftable(res_.get(), c); }
  bool IsNull(int r, int c) const { return PQgetisnull(res_.get(), r, c) != 0; }
  std::string_view Text(int r, int c) const {
    return {PQgetvalue(res_.get(), r, c), static_cast<size_t>(PQgetlength(res_.get(), r, c))};
  }
  int64_t Int(int r, int c) const;
  std::optional<int64_t> OptInt(int r, int c) const {
    return IsNull(r, c) ? std::nullopt : std::optional<int64_t>(Int(r, c));
  }
  std::string Bytes(int r, int c) const;  // a bytea column (text format, hex)

 private:
  friend class Connection;
  struct Clear {
    void operator()(PGresult* r) const { PQclear(r); }
  };
  explicit ResultSet(PGresult* r) : res_(r) {}
  std::unique_ptr<PGresult, Clear> res_;
};

class Connection {
 public:
  // `uri` in libpq's syntax. Errors name the URI with any password removed.
  static Result<Connection> Open(const std::string& uri);
  Connection(Connection&&) noexcept = default;
  Connection& operator=(Connection&&) noexcept = default;

  // One or more statements without parameters (DDL, BEGIN, SET …).
  Status Exec(std::string_view sql);
  // A statement with parameters, prepared once per connection and cached by its text.
  Result<ResultSet> Run(const std::string& sql, const std::vector<Param>& params = {});
  // Without the cache: for statements whose text varies (search).
  Result<ResultSet> RunOnce(const std::string& sql, const std::vector<Param>& params);

  PGTransactionStatusType TransactionStatus() const { return PQtransactionStatus(conn_.get()); }
  std::string Error() const;

 private:
  struct Finish {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  explicit Connection(PGconn* c) : conn_(c) {}
  Result<ResultSet> Check(PGresult* r, std::string_view what);

  std::unique_ptr<PGconn, Finish> conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
};

// `uri` without its password (user:password@ or password=…), for messages.
std::string RedactUri(std::string_view uri);

}  // namespace warta::pg
