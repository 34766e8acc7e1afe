#include "store/postgres.h"

#include <fmt/format.h>

#include <charconv>

namespace warta::pg {
namespace {

Status Err(std::string message) { return Status::Error(Status::Code::kIoError, std::move(message)); }

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// The parameter arrays libpq takes, pointing into `params`.
struct Bound {
  explicit Bound(const std::vector<Param>& params) {
    for (const Param& p : params) {
      std::string_view b = p.bytes();
      values.push_back(p.null ? nullptr : b.data() ? b.data() : "");
      lengths.push_back(static_cast<int>(b.size()));
      formats.push_back(p.binary ? 1 : 0);
    }
  }
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
};

}  // namespace

Param Null() {
  Param p;
  p.null = true;
  return p;
}
Param Text(std::string v) {
  Param p;
  p.owned = std::move(v);
  return p;
}
Param Int(int64_t v) { return Text(std::to_string(v)); }
Param Real(double v) { return Text(fmt::format("{:.17g}", v)); }
Param View(std::string_view v) {
  Param p;
  p.external = v;
  p.is_view = true;
  return p;
}
Param Blob(std::string_view bytes) {
  Param p = View(bytes);
  p.binary = true;
  return p;
}
Param OptInt(const std::optional<int64_t>& v) { return v ? Int(*v) : Null(); }
Param OptText(const std::optional<std::string>& v) { return v ? Text(*v) : Null(); }
Param NonEmpty(const std::string& v) { return v.empty() ? Null() : Text(v); }

int64_t ResultSet::Int(int r, int c) const {
  std::string_view t = Text(r, c);
  int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

std::string ResultSet::Bytes(int r, int c) const {
  size_t n = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(res_.get(), r, c)), &n);
  if (!raw) return {};
  std::string out(reinterpret_cast<const char*>(raw), n);
  PQfreemem(raw);
  return out;
}

Result<Connection> Connection::Open(const std::string& uri) {
  PGconn* c = PQconnectdb(uri.c_str());
  if (!c) return Err(RedactUri(uri) + ": cannot connect (out of memory)");
  Connection conn(c);
  if (PQstatus(c) != CONNECTION_OK) return Err(RedactUri(uri) + ": cannot connect: " + conn.Error());
  // Notices ("relation already exists, skipping") are not the user's business.
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  return conn;
}

std::string Connection::Error() const { return Trim(PQerrorMessage(conn_.get())); }

Result<ResultSet> Connection::Check(PGresult* r, std::string_view what) {
  ResultSet rs(r);
  if (!r) return Err(fmt::format("{}: {}", what, Error()));
  ExecStatusType st = PQresultStatus(r);
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return rs;
  const char* primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
  std::string message = primary ? primary : Trim(PQresultErrorMessage(r));
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  // 40P01 deadlock, 40001 serialization failure, 55P03 lock not available: another writer's doing, not the data's.
  std::string_view sqlstate = state ? state : "";
  bool busy = sqlstate == "40P01" || sqlstate == "40001" || sqlstate == "55P03";
  return Status::Error(busy ? Status::Code::kBusy : Status::Code::kIoError, message);
}

Status Connection::Exec(std::string_view sql) {
  auto r = Check(PQexec(conn_.get(), std::string(sql).c_str()), "exec");
  return r.ok() ? Status::Ok() : r.status();
}

Result<ResultSet> Connection::Run(const std::string& sql, const std::vector<Param>& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "w" + std::to_string(prepared_.size() + 1);
    auto r = Check(PQprepare(conn_.get(), name.c_str(), sql.c_str(), static_cast<int>(params.size()), nullptr),
                   "prepare");
    if (!r.ok()) return r.status();
    it = prepared_.emplace(sql, name).first;
  }
  Bound b(params);
  return Check(PQexecPrepared(conn_.get(), it->second.c_str(), static_cast<int>(params.size()), b.values.data(),
                              b.lengths.data(), b.formats.data(), 0),
               "query");
}

Result<ResultSet> Connection::RunOnce(const std::string& sql, const std::vector<Param>& params) {
  Bound b(params);
  return Check(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(params.size()), nullptr, b.values.data(),
                            b.lengths.data(), b.formats.data(), 0),
               "query");
}

std::string RedactUri(std::string_view uri) {
  std::string out(uri);
  // user:password@host — the authority ends at the first '/' after "://".
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3, slash = out.find('/', start);
    size_t at = out.rfind('@', slash == std::string::npos ? out.size() : slash);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // ?password=… or &password=…
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') continue;
    size_t end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
  }
  return out;
}

}  // namespace warta::pg
