// warta: a news-intelligence engine. This is the command line; the stages it
// drives live under src/ (see src/README.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>

#include "cli/analyze_command.h"
#include "cli/check_command.h"
#include "cli/ingest_command.h"
#include "cli/parse_command.h"
#include "cli/query_commands.h"
#include "cli/serve_command.h"

int main(int argc, char** argv) {
  try {
    CLI::App app{"warta: rebuilds who said and did what to whom from raw news text (Indonesian and English)."};
    app.require_subcommand(1);
    warta::AnalyzeArgs analyze;
    CLI::App* analyze_cmd = warta::AddAnalyzeCommand(app, &analyze);
    warta::IngestArgs ingest;
    CLI::App* ingest_cmd = warta::AddIngestCommand(app, &ingest);
    auto run_query = warta::AddQueryCommands(app);
    warta::ServeArgs serve;
    CLI::App* serve_cmd = warta::AddServeCommand(app, &serve);
    warta::ParseArgs parse;
    CLI::App* parse_cmd = warta::AddParseCommand(app, &parse);
    warta::CheckArgs check;
    CLI::App* check_cmd = warta::AddCheckCommand(app, &check);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int rc = app.exit(e);
      return rc == 0 ? 0 : 2;
    }
    if (analyze_cmd->parsed()) return warta::RunAnalyze(analyze);
    if (ingest_cmd->parsed()) return warta::RunIngest(ingest);
    if (serve_cmd->parsed()) return warta::RunServe(serve);
    if (check_cmd->parsed()) return warta::RunCheck(check);
    if (parse_cmd->parsed()) return warta::RunParse(parse);
    int rc = run_query();
    return rc >= 0 ? rc : 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "warta: fatal: {}\n", e.what());
    return 3;
  }
}
