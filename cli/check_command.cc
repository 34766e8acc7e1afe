#include "cli/check_command.h"

#include <fmt/format.h>

#include <filesystem>

#include "store/store.h"

namespace warta {

CLI::App* AddCheckCommand(CLI::App& app, CheckArgs* a) {
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check the store's integrity (SQLite's integrity_check: every page, record and index).\n"
      "Read-only; safe while an ingest runs. Exit: 0 sound, 1 damaged (problems on stdout), 3 cannot open.");
  cmd->add_option("--db", a->db, "The store")->capture_default_str();
  cmd->add_flag("--quick", a->quick, "quick_check: pages and records, without cross-checking indexes (faster)");
  return cmd;
}

int RunCheck(const CheckArgs& args) {
  std::error_code ec;
  if (!Store::IsPostgresUri(args.db) && !std::filesystem::exists(args.db, ec)) {
    fmt::print(stderr, "warta: {}: no such store\n", Store::Printable(args.db));
    return 3;
  }
  auto store = Store::Open(args.db, Store::Mode::kReadOnly);
  if (!store.ok()) {
    if (store.status().code() == Status::Code::kCorrupt) {
      fmt::print("{}\n", store.status().message());
      return 1;
    }
    fmt::print(stderr, "warta: {}\n", store.status().message());
    return 3;
  }
  auto problems = store.value()->CheckIntegrity(args.quick);
  if (!problems.ok()) {
    fmt::print(stderr, "warta: {}: {}\n", Store::Printable(args.db), problems.status().message());
    return 3;
  }
  for (const std::string& p : problems.value()) fmt::print("{}: {}\n", Store::Printable(args.db), p);
  if (!problems.value().empty()) {
    fmt::print(stderr, "warta check: {}: {} problem(s): the store is damaged\n", Store::Printable(args.db), problems.value().size());
    return 1;
  }
  fmt::print("{}: ok\n", Store::Printable(args.db));
  return 0;
}

}  // namespace warta
