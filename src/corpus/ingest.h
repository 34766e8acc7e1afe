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
#include <map>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "corpus/near_dup.h"
#include "corpus/stories.h"
#include "store/store.h"

namespace warta {

// Page furniture is learned per site, CCNet-style: a line that at least this
// many distinct (not duplicate) documents of a site contain is removed from
// the site's later documents. Counts are committed with each batch, so a
// batch uses what earlier batches taught; a site's first documents keep such
// lines unless the per-article rules (data/clean/boilerplate.tsv) catch them.
inline constexpr int64_t kFurnitureDocuments = 10;

// The outlet: the URL's host without "www.", else the record's source.
std::string SiteOf(const Record& r);

// What makes a record the same record: its id, else its URL, else a hash of
// its normalised text ("id:…", "url:…", "hash:…").
std::string IdentityOf(const Record& r);

struct PreparedDocument {
  Document doc;
  DocumentRow row;
  std::vector<uint64_t> shingles;  // of the normalised cleaned text
  std::vector<uint64_t> bands;     // LSH keys of its MinHash signature
  std::vector<uint64_t> line_keys;  // FurnitureKeys of its text, for learning
};

PreparedDocument PrepareDocument(Record record, const Knowledge& knowledge, const AnalyzeOptions& options);
// The same with the record's identity and site computed already (IdentityOf, SiteOf).
PreparedDocument PrepareDocument(Record record, std::string identity, std::string site, const Knowledge& knowledge,
                                 const AnalyzeOptions& options);

struct IngestCounts {
  size_t added = 0;            // new documents
  size_t already_stored = 0;   // skipped by the writer: the store had the identity by then
  size_t exact_duplicates = 0;  // of which the same text as an earlier one
  size_t near_duplicates = 0;   // of which nearly the same
  size_t stories_started = 0;
  size_t topics_started = 0;
};

class Ingester {
 public:
  // Rebuilds the duplicate index, the open stories and the open topics from
  // `store`. `stories` groups by event (dated documents in a time window);
  // `topics` (made with TopicOptions()) groups threads, with no time window.
  static Result<Ingester> Open(Store* store, StoryClusterer stories, StoryClusterer topics);

  Store* store() const { return store_; }

  // The furniture learned so far for a site (sorted line keys).
  Result<std::vector<uint64_t>> FurnitureOf(const std::string& site) { return store_->FrequentLines(site, kFurnitureDocuments); }

  // Writes a batch in one transaction, in order. A document whose identity the store holds by
  // then (another writer, or an earlier batch of this run) is skipped and counted.
  // With several writers on one store (PostgreSQL), Begin() serialises the batches and each
  // batch first catches up with what the others committed since this writer's last batch: their
  // band keys join the duplicate index and the stories and topics are restored from the store,
  // so duplicates and stories link across writers.
  Status Write(std::vector<PreparedDocument>* batch, IngestCounts* counts);

  // Bytes held in memory: the duplicate index (grows with the corpus) and the
  // open stories with their term statistics (bounded).
  size_t DedupIndexBytes() const { return index_.MemoryBytes(); }
  size_t StoryBytes() const { return levels_[0].clusterer.MemoryBytes() + levels_[1].clusterer.MemoryBytes(); }

 private:
  // One grouping level: its clusterer and where its state is kept.
  struct Level {
    Grouping grouping;
    StoryClusterer clusterer;
  };
  Ingester(Store* store, StoryClusterer stories, StoryClusterer topics)
      : store_(store),
        levels_{Level{Grouping::kStory, std::move(stories)}, Level{Grouping::kTopic, std::move(topics)}} {}
  Status WriteOne(PreparedDocument* p, IngestCounts* counts);
  Status CatchUp();  // inside the batch's transaction
  Status RestoreLevel(Level* level);
  Status AddBandsAfter(int64_t after);

  std::map<std::string, std::map<uint64_t, int64_t>> line_counts_;  // this batch's, by site

  Store* store_;
  LshIndex index_;
  int64_t last_indexed_ = 0;  // the highest document id in index_
  // The store's write generation after this writer's last commit (meta "ingest.generation"):
  // another value at the next Begin means another writer committed in between.
  std::string generation_;
  Level levels_[2];
};

}  // namespace warta
