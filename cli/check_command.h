// `warta check --db FILE`: the store's full integrity check.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace warta {

struct CheckArgs {
  std::string db = "warta.db";
  bool quick = false;
};

CLI::App* AddCheckCommand(CLI::App& app, CheckArgs* args);

// Exit: 0 the store is sound, 1 problems found (one per line on stdout), 3 the
// store cannot be opened.
int RunCheck(const CheckArgs& args);

}  // namespace warta
