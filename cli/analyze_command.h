// `warta analyze`: reads articles, writes one JSON document per line.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace warta {

struct AnalyzeArgs {
  std::vector<std::string> inputs;     // files, directories, "-" (stdin)
  std::string format = "auto";         // auto | txt | jsonl | csv
  std::vector<std::string> fields;     // KEY=NAME mappings for JSONL/CSV
  unsigned threads = 0;                // 0: all cores
  bool sentences = false;              // add sentences and tokens
  bool no_entities = false;            // skip the entity stage (and quotes, which need it)
  bool no_quotes = false;              // skip the quote stage
  bool no_events = false;              // skip the event stage
  bool original = false;               // add the text as read (what offsets index)
  std::string date_order = "auto";     // auto | dmy | mdy, for the published field
  std::string tz = "+07:00";           // offset for times without a zone
  double max_record_mb = 64;           // larger records are rejected
  std::string data_dir;                // read data/ from here instead of the embedded copy
};

// Registers the subcommand; *args receives the options.
CLI::App* AddAnalyzeCommand(CLI::App& app, AnalyzeArgs* args);

// Runs it. Returns the exit code: 0 all good, 1 some input rejected, 2 usage error.
int RunAnalyze(const AnalyzeArgs& args);

}  // namespace warta
