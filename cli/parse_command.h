// `warta parse`: sentences with their part of speech, lemma, head and relation
// as CoNLL-U, from raw articles (the usual inputs) or from a CoNLL-U file whose
// words it re-annotates.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "cli/input_options.h"

namespace warta {

struct ParseArgs {
  InputArgs input;
  std::string lang = "auto";  // for CoNLL-U input: the model's language (auto: identified from the text)
};

CLI::App* AddParseCommand(CLI::App& app, ParseArgs* args);

// Returns the exit code: 0 all good, 1 some input rejected, 2 usage error.
int RunParse(const ParseArgs& args);

}  // namespace warta
