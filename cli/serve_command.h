// `warta serve`: the JSON API and the dashboard over a store, read-only.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace warta {

struct ServeArgs {
  std::string db = "warta.db";
  std::string host = "127.0.0.1";
  int port = 8080;
};

CLI::App* AddServeCommand(CLI::App& app, ServeArgs* args);
int RunServe(const ServeArgs& args);

}  // namespace warta
