#include "eval/dedup_eval.h"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "corpus/ingest.h"
#include "eval/eval_util.h"
#include "input/input_set.h"
#include "store/store.h"

namespace warta {

namespace {

struct Set {
  std::string name, path;
  Format format;
  FieldMap fields;
  int64_t max_id = 0;  // only records with a numeric id up to this (0: all)
  std::function<std::optional<std::string>(const Record&)> gold;  // the record's gold story
  AnalyzeOptions analyze;
};

// Story BCubed through ingest, one row per set, printed after the duplicates table.
std::vector<std::string> story_rows;

void RunSet(const Knowledge& k, const Set& set, const std::string& stopwords) {
  if (!std::filesystem::exists(set.path)) {
    fmt::print("| {} | skipped: {} not found |||||||\n", set.name, set.path);
    return;
  }
  std::string db = (std::filesystem::temp_directory_path() / ("warta_dedup_eval_" + std::to_string(::getpid()) + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  auto store = Store::OpenSqlite(db, Store::Mode::kReadWrite);
  auto stories = StoryClusterer::Create(StoryClusterer::Options{}, stopwords);
  auto topics = StoryClusterer::Create(TopicOptions(), stopwords);
  if (!store.ok() || !stories.ok() || !topics.ok()) {
    fmt::print("| {} | failed |||||||\n", set.name);
    return;
  }
  auto ingester = Ingester::Open(store.value().get(), std::move(stories).value(), std::move(topics).value());
  ReaderOptions reader;
  reader.fields = set.fields;
  InputSet inputs({set.path}, set.format, reader);
  Record r;
  std::vector<Diagnostic> diags;
  std::vector<PreparedDocument> batch;
  std::vector<std::vector<uint64_t>> shingles;  // by document id - 1
  std::vector<std::optional<std::string>> gold;  // by document id - 1
  IngestCounts counts;
  std::map<std::string, bool> seen;
  while (inputs.Next(&r, &diags)) {
    if (set.max_id > 0) {
      if (!r.id || r.id->find_first_not_of("0123456789") != std::string::npos || std::stoll(*r.id) > set.max_id) continue;
    }
    if (!seen.emplace(IdentityOf(r), true).second) continue;  // a repeated row is the same record
    gold.push_back(set.gold ? set.gold(r) : std::nullopt);
    batch.push_back(PrepareDocument(std::move(r), k, set.analyze));
    shingles.push_back(batch.back().shingles);
    if (batch.size() == 256) {
      Status s = ingester.value().Write(&batch, &counts);
      if (!s.ok()) fmt::print(stderr, "dedup eval: {}\n", s.message());
      batch.clear();
    }
  }
  if (!batch.empty()) (void)ingester.value().Write(&batch, &counts);
  size_t memory = ingester.value().DedupIndexBytes(), story_memory = ingester.value().StoryBytes();
  // Every pair: exact Jaccard, and whether the store links them.
  std::vector<int64_t> canonical(shingles.size());
  for (size_t i = 0; i < shingles.size(); ++i)
    canonical[i] = store.value()->CanonicalOf(static_cast<int64_t>(i) + 1).value().value_or(0);
  size_t high = 0, high_linked = 0, linked = 0;
  double lowest_linked = 1;
  for (size_t i = 0; i < shingles.size(); ++i)
    for (size_t j = i + 1; j < shingles.size(); ++j) {
      if (shingles[i].empty() || shingles[j].empty()) continue;
      bool same = canonical[i] == canonical[j];
      // Jaccard is at most the smaller set's size over the larger's.
      size_t small = std::min(shingles[i].size(), shingles[j].size()), large = std::max(shingles[i].size(), shingles[j].size());
      if (!same && small * 5 < large * 4) continue;
      double jac = Jaccard(shingles[i], shingles[j]);
      if (jac >= 0.8) {
        ++high;
        high_linked += same;
      }
      if (same) {
        ++linked;
        lowest_linked = std::min(lowest_linked, jac);
      }
    }
  fmt::print("| {} | {} | {} | {} | {} of {} | {} | {:.2f} | {:.0f} | {:.1f} |\n", set.name, shingles.size(),
             counts.exact_duplicates, counts.near_duplicates, high_linked, high, linked, linked ? lowest_linked : 0.0,
             shingles.empty() ? 0.0 : static_cast<double>(memory) / static_cast<double>(shingles.size()),
             static_cast<double>(story_memory) / 1e6);
  std::vector<std::string> gold_labels;
  std::vector<int64_t> story_ids, topic_ids;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (!gold[i]) continue;
    gold_labels.push_back(*gold[i]);
    int64_t doc = static_cast<int64_t>(i) + 1;
    story_ids.push_back(store.value()->GroupOf(Grouping::kStory, doc).value().value_or(0));
    topic_ids.push_back(store.value()->GroupOf(Grouping::kTopic, doc).value().value_or(0));
  }
  if (!gold_labels.empty()) {
    eval::BCubedScores b = eval::BCubed(gold_labels, story_ids), t = eval::BCubed(gold_labels, topic_ids);
    story_rows.push_back(fmt::format("| {} | {} | {} | {:.3f} | {:.3f} | **{:.3f}** | {} | {:.3f} | {:.3f} | **{:.3f}** |",
                                     set.name, gold_labels.size(), b.clusters, b.precision, b.recall, b.f1,
                                     t.clusters, t.precision, t.recall, t.f1));
  }
  store.value().reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}

}  // namespace

void Duplicates(const Knowledge& k, const std::string& data_dir, const std::string& source_dir) {
  const std::string& stopwords = k.story_stopwords;
  fmt::print("## Duplicates (through `warta ingest`'s writer)\n\n");
  fmt::print("Pairs of articles whose 5-word-shingle Jaccard is at least 0.8 must be linked (same `duplicate_of` "
             "root). A pair counts as linked when both documents share their earliest copy.\n\n");
  fmt::print("| set | documents | exact copies | near copies | pairs ≥ 0.8 linked | linked pairs | lowest Jaccard of a "
             "linked pair | dedup index bytes/document | stories MB |\n|---|---|---|---|---|---|---|---|---|\n");
  story_rows.clear();
  auto by_line = [](std::map<uint64_t, std::string> gold) {
    return [gold](const Record& r) -> std::optional<std::string> {
      auto it = gold.find(r.line);
      return it == gold.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
  };
  Set idnews{"idnews-topic-clusters-5 (dev)", data_dir + "/idnews-topic-clusters-5/articles.jsonl", Format::kJsonl};
  idnews.fields.id = "-";  // its ids number articles within a topic: the URL is the identity
  idnews.gold = by_line(eval::JsonlGoldByLine(idnews.path, "topic"));
  Set detik{"detik rows ≤ 300 (dev)", data_dir + "/detik-1k-entity-summ/data_berita.csv", Format::kCsv,
            eval::DetikFields(), 300};
  detik.analyze.clean.field_date_order = DateOrder::kMonthFirst;  // `tanggal` is M/D/YYYY (SOURCE.txt)
  auto detik_gold = eval::DetikStories(source_dir + "/eval/labels/detik_stories.tsv");
  detik.gold = [detik_gold](const Record& r) -> std::optional<std::string> {
    auto it = r.id ? detik_gold.find(*r.id) : detik_gold.end();
    return it == detik_gold.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  Set news600{"news600 (eval)", data_dir + "/idnews-hoax-topics-rahutomo/news600_topics.jsonl", Format::kJsonl};
  news600.fields.id = "idx";
  news600.gold = by_line(eval::JsonlGoldByLine(news600.path, "topic_id"));
  for (const Set* set : {&idnews, &detik, &news600}) RunSet(k, *set, stopwords);
  fmt::print("\nStories and topics through the same ingest (copies join their original's; BCubed against the "
             "sets' gold, as in the Stories section):\n\n| set | documents | stories | precision | recall | F1 | "
             "topics | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|---|\n");
  for (const std::string& row : story_rows) fmt::print("{}\n", row);
  fmt::print("\n");
}

}  // namespace warta
