// Incremental story clustering: articles arrive one at a time in ingest order
// and each joins the open story it is most similar to, or starts a new one.
// Pure: text in, story ids out; no files, clock or threads.
//
// Similarity is the cosine between the article's TF-IDF vector (its 30
// heaviest fold-cased content words of title and text, title words counted
// three times) and the story's centroid (the sum of its members' vectors, cut
// to its 100 heaviest terms), plus a small bonus for the actors both name.
// Document frequencies are running counts in a fixed array of hashed counters,
// so IDF needs no vocabulary and the saved statistics have a fixed bound.
//
// Time: a dated article joins a story with dated members more than
// `window_days` away only on a much stronger match (`far_threshold`), so a new
// incident of the same kind starts a new story while a follow-up or a story
// told again weeks later can still join. Undated articles and stories have no
// time constraint. Dates need not arrive in order.
//
// Memory is bounded by the open stories (~2.5-5.5 KB each, plus 4 MB of
// counters): beyond `max_open` the least recently joined story closes, and
// with `close_days` stories far behind the newest day seen close too. A closed
// story is forgotten and never joined again.
//
// Deterministic: the same documents in the same order give the same ids (no
// hash-map iteration order is ever observed), and a clusterer restored from
// what TakeChanged and SaveTermStats returned at any point assigns the rest
// exactly as an uninterrupted one would. Not thread-safe; copyable and movable.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/story_state.h"
#include "util/flat_hash.h"
#include "util/status.h"

namespace warta {

struct StoryDoc {
  int64_t doc = 0;                  // the store's document id (increasing in ingest order)
  std::string_view title;           // may be empty
  std::string_view text;            // cleaned article text (invalid UTF-8 is repaired first)
  std::optional<int32_t> day;       // days since 1970-01-01 of the publication date, if known
  std::vector<std::string> actors;  // actor codes / entity keys named in the article ("CHN", "IDNGOV", "kb:Q123")
};

class StoryClusterer {
 public:
  // Defaults chosen on the dev sets (`warta_eval stories`, docs/quality.md).
  struct Options {
    // A document joins the best-scoring open story when the score reaches this;
    // else it starts a new story. Must exceed actor_bonus.
    double threshold = 0.30;
    // A dated document and a story with dated members more than this many days
    // apart (outside [first_day - window, last_day + window]) need far_threshold instead.
    int window_days = 5;
    // The score a story needs beyond the window: a follow-up or a story told
    // again reads much like it, a new incident of the same kind only somewhat.
    double far_threshold = 0.70;
    // At most this many stories are open; beyond it the least recently joined closes.
    size_t max_open = 5000;
    // Stories whose last_day is more than this many days before the newest day
    // seen close (0: never by date). Only for feeds in date order: out of order
    // (backfills, dates read from the body) it closes stories still being told.
    int close_days = 0;
    // A title word counts as this many body words.
    double title_weight = 3.0;
    // Added to the cosine: this times the share of the document's actor weight
    // (IDF-weighted) that the story's actors also carry.
    double actor_bonus = 0.05;
    // Terms kept in a document's vector (its heaviest): the words that say what
    // it is about; the long tail of a long article only dilutes the cosine.
    size_t doc_terms = 30;
    // Terms kept in a story's centroid (its heaviest).
    size_t centroid_terms = 100;
    // Actors kept in a story's centroid (the most often named).
    size_t centroid_actors = 16;
  };

  // `stopwords_tsv`: rows WORD<TAB>LANG (data/corpus/stopwords_*.tsv, the
  // languages' files concatenated); `name` names it in errors.
  static Result<StoryClusterer> Create(const Options& options, std::string_view stopwords_tsv,
                                       std::string_view name = "stopwords");

  // Assigns `d` to an open story or a new one; returns the story id.
  // REQUIRES: d.doc greater than every document added before.
  int64_t Add(const StoryDoc& d);
  // Adds `d` to `story` without searching (an exact or near duplicate of one of
  // its members). When `story` is not open (closed, or unknown), `d` is
  // added as by Add. Returns the story `d` joined.
  int64_t Join(const StoryDoc& d, int64_t story);

  // Persistence. The stories created, joined or closed since the last call, by
  // id; closed ones have open == false. Persist them together with
  // SaveTermStats() and the next id (the largest id + 1).
  std::vector<StoryState> TakeChanged();
  // Document frequencies (hashed counters), the document count and the newest
  // day seen: binary bytes (store as a BLOB), at most ~5 MB, usually far less.
  std::string SaveTermStats() const;
  // Replaces all state by `open` (the stories persisted with open == true),
  // `term_stats` from SaveTermStats and `next_id`. On error the clusterer is
  // left empty.
  Status Restore(std::vector<StoryState> open, std::string_view term_stats, int64_t next_id);

  size_t open_stories() const { return stories_.size(); }
  int64_t next_id() const { return next_id_; }
  // Approximate heap bytes held (the fixed counter array and the open stories).
  size_t MemoryBytes() const;

 private:
  // One term (or actor) of a vector or centroid: a hash of its fold-cased form.
  struct Weighted {
    uint64_t key = 0;
    float weight = 0;
  };
  struct Story {
    StoryState state;                 // `centroid` left empty while open: written by TakeChanged
    std::vector<Weighted> terms;      // sorted by key
    std::vector<Weighted> actors;     // sorted by key; weight = member count naming it
    double norm = 0;                  // of `terms`
  };
  struct DocVector {
    std::vector<Weighted> terms;   // sorted by key, L2-normalised TF-IDF
    std::vector<Weighted> actors;  // sorted by key, weight = IDF
    double actor_total = 0;        // sum of actor IDFs
  };

  StoryClusterer() = default;
  DocVector Vectorise(const StoryDoc& d, bool count);
  std::vector<Weighted> TitleVector(std::string_view title) const;
  std::vector<std::pair<uint64_t, double>> Terms(std::string_view title, std::string_view text) const;
  float Idf(uint64_t key) const;
  double Score(double dot, const DocVector& v, const Story& s, const StoryDoc& d) const;
  int64_t Create(const StoryDoc& d, const DocVector& v);
  void AddMember(Story* s, const StoryDoc& d, const DocVector& v);
  void Index(const Story& s, bool insert);
  void Touch(const Story& s, bool insert);
  void CloseStale();
  void Close(int64_t id);

  Options options_;
  FlatHash64 stopwords_;               // hashes of the fold-cased stopwords
  std::vector<uint32_t> df_;           // document frequency per hashed bucket
  uint64_t docs_ = 0;                  // documents counted in df_
  std::optional<int32_t> newest_day_;  // the newest publication day seen
  int64_t next_id_ = 1;
  struct Posting {
    int64_t story = 0;
    float weight = 0;  // the term's weight in the story's centroid
  };
  std::unordered_map<int64_t, Story> stories_;                      // open stories by id (lookups only)
  std::unordered_map<uint64_t, std::vector<Posting>> postings_;     // term → open stories whose centroid has it
  std::set<std::pair<int32_t, int64_t>> by_last_day_;               // (last_day, id) of dated open stories
  std::set<std::pair<int64_t, int64_t>> by_last_doc_;               // (last_doc, id) of open stories
  std::set<int64_t> changed_;                                       // open stories changed since TakeChanged
  std::vector<StoryState> closed_;                                  // closed since TakeChanged
};

// Options for the coarser level, topics: threads that run for months (a
// claim and its debunks, a long court case). A topic has no time window (its
// dates are only recorded: first and last day) and the threshold is lower;
// chosen on the dev set whose gold is topic-level (docs/quality.md, Stories).
inline StoryClusterer::Options TopicOptions() {
  StoryClusterer::Options o;
  o.threshold = 0.16;
  o.window_days = 1000000000;  // no window: dates never change a score
  return o;
}

}  // namespace warta
