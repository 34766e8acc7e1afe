// Ingest: analysed articles into the store, with their duplicates and
// stories. Two halves:
//  - PrepareDocument: pure and thread-safe — a record in, everything the
//    store needs out (analysis, row, shingles, band keys);
//  - Ingester: the single writer. It keeps the duplicate index and the story
//    clusterer in memory (rebuilt from the store when opened) and writes one
//    batch per transaction, so a kill at any moment loses at most the batch
//    in flight, which the next run ingests again.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "corpus/near_dup.h"
#include "corpus/stories.h"
#include "store/store.h"

namespace warta {

// What makes a record the same record: its id, else its URL, else a hash of
// its normalised text ("id:…", "url:…", "hash:…").
std::string IdentityOf(const Record& r);

struct PreparedDocument {
  Document doc;
  DocumentRow row;
  std::vector<uint64_t> shingles;  // of the normalised cleaned text
  std::vector<uint64_t> bands;     // LSH keys of its MinHash signature
};

PreparedDocument PrepareDocument(Record record, const Knowledge& knowledge, const AnalyzeOptions& options);

struct IngestCounts {
  size_t added = 0;            // new documents
  size_t exact_duplicates = 0;  // of which the same text as an earlier one
  size_t near_duplicates = 0;   // of which nearly the same
  size_t stories_started = 0;
};

class Ingester {
 public:
  // Rebuilds the duplicate index and the open stories from `store`.
  static Result<Ingester> Open(Store* store, StoryClusterer clusterer);

  // Writes a batch in one transaction, in order.
  Status Write(std::vector<PreparedDocument>* batch, IngestCounts* counts);

  // Bytes held in memory for deduplication and stories.
  size_t MemoryBytes() const { return index_.MemoryBytes() + clusterer_.MemoryBytes(); }

 private:
  Ingester(Store* store, StoryClusterer clusterer) : store_(store), clusterer_(std::move(clusterer)) {}
  Status WriteOne(PreparedDocument* p, IngestCounts* counts);

  Store* store_;
  LshIndex index_;
  StoryClusterer clusterer_;
};

}  // namespace warta
