#include "cli/serve_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "analyze/knowledge.h"
#include "serve/codes.h"
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
  ServeOptions options{args.host, args.port, {}};
  DataReader data = EmbeddedDataReader();
  auto cameo = data("events/cameo_codes.tsv");
  auto agents = data("events/agent_types.tsv");
  if (!cameo.ok() || !agents.ok()) {
    fmt::print(stderr, "warta: {}\n", (!cameo.ok() ? cameo.status() : agents.status()).message());
    return 3;
  }
  auto codes = CodesJson(cameo.value(), agents.value());
  if (!codes.ok()) {
    fmt::print(stderr, "warta: {}\n", codes.status().message());
    return 3;
  }
  options.api.codes_json = std::move(codes).value();
  Status s = Serve(*store.value(), options, [&](int port) {
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
