// A throwaway PostgreSQL server for tests: initdb into a fresh temporary
// directory, pg_ctl start listening on a Unix socket in that directory only
// (no TCP), databases created on demand, and on destruction the server
// stopped and the directory removed. PostgreSQL refuses to run as root: as
// root the server runs as the `postgres` system user (runuser), in a
// directory given to that user, and tests connect as that user.
#pragma once

#include <glob.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace warta::testing {

class PgServer {
 public:
  PgServer() {
    why_ = Start();
    if (!why_.empty() && !dir_.empty()) why_ += ": " + Tail(dir_ + "/log") + Tail(dir_ + "/log.server");
  }
  ~PgServer() {
    if (started_) (void)Shell(Bin("pg_ctl") + " -D '" + dir_ + "/data' -m immediate -w stop >/dev/null 2>&1");
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // Empty when running; else why there is no server (for GTEST_SKIP).
  const std::string& why() const { return why_; }
  const std::string& user() const { return user_; }

  std::string Uri(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + dir_ + "&user=" + user_;
  }

  // A new empty database; empty on success, else the error. With an ICU
  // collation where the server has ICU, so that queries that would depend on
  // the database's collation (not byte order, unlike SQLite) show it.
  std::string CreateDatabase(const std::string& name) {
    PGconn* c = PQconnectdb(Uri("postgres").c_str());
    std::string err;
    if (PQstatus(c) != CONNECTION_OK) {
      err = PQerrorMessage(c);
    } else {
      std::string icu = "CREATE DATABASE " + name +
                        " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'en'";
      if (!Ok(PQexec(c, icu.c_str())) && !Ok(PQexec(c, ("CREATE DATABASE " + name).c_str()))) err = PQerrorMessage(c);
    }
    PQfinish(c);
    return err;
  }

 private:
  static bool Ok(PGresult* r) {
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    return ok;
  }

  static int Shell(const std::string& cmd) { return std::system(cmd.c_str()); }

  // The end of a log, for a failure's message (the directory is removed).
  static std::string Tail(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return "";
    std::string s;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
    std::fclose(f);
    return s.size() > 600 ? s.substr(s.size() - 600) : s;
  }

  // A PostgreSQL program: on PATH, else in the newest /usr/lib/postgresql/*/bin.
  std::string Bin(const std::string& name) const { return as_ + "'" + bin_dir_ + "/" + name + "'"; }
  static std::string FindBinDir() {
    const char* path = std::getenv("PATH");
    std::string p = path ? path : "";
    for (size_t start = 0; start <= p.size();) {
      size_t end = p.find(':', start);
      if (end == std::string::npos) end = p.size();
      std::string d = p.substr(start, end - start);
      if (!d.empty() && access((d + "/initdb").c_str(), X_OK) == 0 && access((d + "/pg_ctl").c_str(), X_OK) == 0)
        return d;
      start = end + 1;
    }
    glob_t g;
    std::vector<std::string> found;
    if (glob("/usr/lib/postgresql/*/bin/initdb", 0, nullptr, &g) == 0)
      for (size_t i = 0; i < g.gl_pathc; ++i) found.emplace_back(g.gl_pathv[i]);
    globfree(&g);
    std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
      return std::atoi(a.c_str() + 20) < std::atoi(b.c_str() + 20);  // by major version, after "/usr/lib/postgresql/"
    });
    return found.empty() ? "" : found.back().substr(0, found.back().size() - 7);
  }

  // Empty when the server runs.
  std::string Start() {
    bin_dir_ = FindBinDir();
    if (bin_dir_.empty()) return "PostgreSQL's initdb/pg_ctl not found (on PATH or /usr/lib/postgresql/*/bin)";
    std::string templ = ::testing::TempDir() + "warta_pg_XXXXXX";
    if (!mkdtemp(templ.data())) return "cannot make a temporary directory";
    dir_ = templ;
    if (geteuid() == 0) {
      passwd* pw = getpwnam("postgres");
      if (!pw) return "running as root and there is no postgres user to run the server as";
      if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) return "cannot give the temporary directory to postgres";
      user_ = "postgres";
      as_ = "runuser -u postgres -- ";
    } else {
      passwd* pw = getpwuid(geteuid());
      user_ = pw ? pw->pw_name : "postgres";
    }
    std::string log = dir_ + "/log";
    if (Shell(Bin("initdb") + " -D '" + dir_ + "/data' -U " + user_ + " --auth=trust -E UTF8 --no-locale >'" + log +
              "' 2>&1") != 0)
      return "initdb failed";
    // No TCP; fsync off: a throwaway server need not survive the machine's crash, only a killed client.
    if (Shell(Bin("pg_ctl") + " -D '" + dir_ + "/data' -l '" + log + ".server' -w -t 60 -o \"-k " + dir_ +
              " -c listen_addresses='' -c fsync=off\" start >>'" + log + "' 2>&1") != 0)
      return "pg_ctl start failed";
    started_ = true;
    return "";
  }

  std::string bin_dir_, dir_, user_, as_, why_;
  bool started_ = false;
};

}  // namespace warta::testing
