// The ingest loop: read → prepare (analysis on every thread) → write (one
// writer), pipelined so that the writer works on one batch while the threads
// analyse the next. The CLI parses arguments and prints; this runs the loop.
//
// Determinism: what a batch learns from the store (the sites' page furniture,
// which identities are stored) is read by the writer after the batch two
// before it was committed, whatever the timing; so the store's contents depend
// only on the input and the batch size, never on the thread count or speed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "corpus/ingest.h"
#include "input/record.h"

namespace warta {

struct IngestTotals {
  IngestCounts counts;
  size_t seen = 0;      // records read and accepted by the reader
  size_t skipped = 0;   // already stored, or twice in the input
  size_t rejected = 0;  // records whose analysis failed (the reader's own rejections are the caller's)
  uint64_t bytes = 0;   // of text read
};

struct IngestHooks {
  // Fills *batch (cleared first) with the next records; false once the input
  // is exhausted (the batch may still hold its last records).
  std::function<bool(std::vector<Record>* batch)> next_batch;
  // A record that could not be analysed ("file:line", why), or that had
  // invalid UTF-8 replaced; both optional.
  std::function<void(const std::string& where, const std::string& error)> on_rejected;
  std::function<void(const std::string& where, size_t invalid_utf8)> on_repaired;
  // After each batch is committed; optional.
  std::function<void(const IngestTotals&)> on_progress;
};

// Runs the loop until the input is exhausted or the store fails (the batches
// before the failing one are committed). `threads` analyse; one more thread
// writes.
Status RunIngest(Ingester* ingester, const Knowledge& knowledge, const AnalyzeOptions& options, unsigned threads,
                 const IngestHooks& hooks, IngestTotals* totals);

}  // namespace warta
