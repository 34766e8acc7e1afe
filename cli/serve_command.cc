#include "cli/serve_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "serve/server.h"
#include "store/store.h"

namespace warta {

CLI::App* AddServeCommand(CLI::App& app, ServeArgs* a) {
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the store read-only: the JSON API under /api/ (docs/api.md) and the dashboard at /.\n"
      "Binds 127.0.0.1 unless --host says otherwise. Runs until stopped (Ctrl-C).");
  cmd->add_option("--db", a->db, "The store: an SQLite file written by `warta ingest`, or a postgresql:// URI")->capture_default_str();
  cmd->add_option("--host", a->host, "Address to bind (0.0.0.0 for every interface)")->capture_default_str();
  cmd->add_option("--port", a->port, "Port; 0 picks a free one")->check(CLI::Range(0, 65535))->capture_default_str();
  return cmd;
}

int RunServe(const ServeArgs& args) {
  if (!Store::IsPostgresUri(args.db) && !std::filesystem::exists(args.db)) {
    fmt::print(stderr, "warta: {}: no such store (run `warta ingest --db {} ...` first)\n", Store::Printable(args.db), Store::Printable(args.db));
    return 3;
  }
  auto store = Store::Open(args.db, Store::Mode::kReadOnly);
  if (!store.ok()) {
    fmt::print(stderr, "warta: {}\n", store.status().message());
    return 3;
  }
  Status s = Serve(*store.value(), ServeOptions{args.host, args.port}, [&](int port) {
    std::string host = args.host.find(':') != std::string::npos ? "[" + args.host + "]" : args.host;
    fmt::print("warta serve: http://{}:{}/ (store {})\n", host, port, Store::Printable(args.db));
    std::fflush(stdout);
  });
  if (!s.ok()) {
    fmt::print(stderr, "warta: {}\n", s.message());
    return 3;
  }
  return 0;
}

}  // namespace warta
