// The options `analyze` and `ingest` share: what to read and how to read it,
// and the analysis settings that follow from them.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/knowledge.h"
#include "input/input_set.h"

namespace warta {

struct InputArgs {
  std::vector<std::string> inputs;  // files, directories, "-" (stdin)
  std::string format = "auto";      // auto | txt | jsonl | csv
  std::vector<std::string> fields;  // KEY=NAME mappings for JSONL/CSV, one per --field
  unsigned threads = 0;             // 0: all cores
  std::string date_order = "auto";  // auto (per input, input/date_order.h) | dmy | mdy | ymd, for the published field
  std::string tz = "+07:00";        // offset for times without a zone
  double max_record_mb = 64;        // larger records are rejected
  std::string data_dir;             // read data/ from here instead of the embedded copy
  std::string home_country;         // ISO3 of the outlets' home country ("" = from the URL or language)
};

// Registers the shared options on `cmd`; `threads_note` ends --threads' help;
// `conllu`: --format also takes conllu (`warta parse`).
void AddInputOptions(CLI::App* cmd, InputArgs* a, const std::string& threads_note, bool conllu = false);

// What the options say, checked: everything a run needs before reading.
struct InputSetup {
  ReaderOptions reader;
  Format format = Format::kAuto;
  AnalyzeOptions analyze;
  unsigned threads = 1;
  DataReader data;
};

// Prints what is wrong and returns false on a usage error.
bool SetUpInput(const InputArgs& a, InputSetup* setup);

// "warta: file:line: message" on stderr.
void Report(const Diagnostic& d);

// Records are handled in batches: read a batch (one thread), analyse it (all
// threads), write it in input order. Bounds memory to about one batch. An ingest
// batch is one transaction, whose commit rewrites every page it touched: 1024
// records instead of 256 took ingest into a 60,000-article store from 236 to 290
// articles/s (docs/benchmarks.md), for about 60 MB more at the peak.
inline constexpr size_t kBatchRecords = 1024;
inline constexpr size_t kBatchBytes = size_t{32} << 20;

// Fills *batch (cleared first) with the next records `keep` accepts (all when
// it is empty), up to `max_records` or kBatchBytes of text; bad records are
// reported and counted in *rejected (warnings are reported, not counted).
// False once the inputs are exhausted.
bool ReadBatch(InputSet* inputs, std::vector<Record>* batch, size_t* rejected,
               const std::function<bool(const Record&)>& keep = {}, size_t max_records = kBatchRecords);

}  // namespace warta
