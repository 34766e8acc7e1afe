// `warta ingest`: analyses articles and keeps everything in the store, with
// duplicates linked and articles grouped into stories.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "cli/input_options.h"

namespace warta {

struct IngestArgs {
  InputArgs input;
  std::string db = "warta.db";
  bool quiet = false;  // no progress bar even on a terminal
  bool wait = false;   // wait for another writer instead of stopping
  bool no_check = false;  // skip the store's quick integrity check at the start
  size_t batch = kBatchRecords;  // records per transaction
};

CLI::App* AddIngestCommand(CLI::App& app, IngestArgs* args);

// Exit: 0 all good, 1 some input rejected (reported, the rest ingested), 2 usage
// error, 3 the store failed.
int RunIngest(const IngestArgs& args);

}  // namespace warta
