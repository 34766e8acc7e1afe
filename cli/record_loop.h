// The loop `analyze` and `parse` share: read the inputs in batches, analyse
// each record on all threads, write each record's output in input order.
#pragma once

#include <functional>
#include <string>

#include "analyze/analyzer.h"
#include "cli/input_options.h"

namespace warta {

// Analyses every record of `args`' inputs with `options` and writes what
// `render` makes of each document to stdout, in input order whatever the
// thread count. A record whose analysis fails is reported as `file:line` and
// skipped; the run goes on. Returns the exit code: 0 all good, 1 some input
// rejected or the output could not be written.
int AnalyzeRecords(const InputArgs& args, const InputSetup& setup, const Knowledge& knowledge,
                   const AnalyzeOptions& options, const std::function<std::string(const Document&)>& render);

}  // namespace warta
