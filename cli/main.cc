// warta: a news-intelligence engine. This is the command line; the stages it
// drives live under src/ (see src/README.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>

#include "cli/analyze_command.h"

int main(int argc, char** argv) {
  try {
    CLI::App app{"warta: rebuilds who said and did what to whom from raw news text (Indonesian and English)."};
    app.require_subcommand(1);
    warta::AnalyzeArgs analyze;
    CLI::App* analyze_cmd = warta::AddAnalyzeCommand(app, &analyze);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int rc = app.exit(e);
      return rc == 0 ? 0 : 2;
    }
    if (analyze_cmd->parsed()) return warta::RunAnalyze(analyze);
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "warta: fatal: {}\n", e.what());
    return 3;
  }
}
