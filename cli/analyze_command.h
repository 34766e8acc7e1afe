// `warta analyze`: reads articles, writes one JSON document per line.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/input_options.h"

namespace warta {

struct AnalyzeArgs {
  InputArgs input;
  bool sentences = false;              // add sentences and tokens
  bool no_entities = false;            // skip the entity stage (and quotes, which need it)
  bool no_quotes = false;              // skip the quote stage
  bool no_events = false;              // skip the event stage
  bool original = false;               // add the text as read (what offsets index)
};

// Registers the subcommand; *args receives the options.
CLI::App* AddAnalyzeCommand(CLI::App& app, AnalyzeArgs* args);

// Runs it. Returns the exit code: 0 all good, 1 some input rejected, 2 usage error.
int RunAnalyze(const AnalyzeArgs& args);

}  // namespace warta
