#include "cli/ingest_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "corpus/pipeline.h"
#include "input/input_set.h"

namespace warta {

namespace {

// The total size of the inputs when they are plain files (for an ETA);
// 0 when unknown (stdin, compressed files).
uint64_t KnownInputBytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  std::error_code ec;
  auto add = [&](const fs::path& p) {
    std::string ext = p.extension().string();
    if (ext == ".gz" || ext == ".zst") return false;
    total += fs::file_size(p, ec);
    return !ec;
  };
  for (const std::string& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(in, ec))
        if (e.is_regular_file(ec) && !add(e.path())) return 0;
    } else if (!add(in)) {
      return 0;
    }
  }
  return total;
}

// A one-line progress display on stderr, redrawn at most 5 times a second.
class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
  void Update(size_t documents, uint64_t bytes, bool last = false) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!last && now - drawn_ < std::chrono::milliseconds(200)) return;
    drawn_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double mbps = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0;
    std::string line = fmt::format("\rwarta ingest: {} documents  {:.1f} MB/s", documents, mbps);
    if (total_ > 0 && bytes > 0 && !last) {
      double left = seconds * (static_cast<double>(total_) / static_cast<double>(bytes) - 1);
      if (left < 0) left = 0;
      int s = static_cast<int>(left);
      line += fmt::format("  {:.0f}%  ETA {}:{:02}:{:02}", std::min(100.0, 100.0 * static_cast<double>(bytes) / static_cast<double>(total_)),
                          s / 3600, s / 60 % 60, s % 60);
    }
    fmt::print(stderr, "{}\x1b[K{}", line, last ? "\n" : "");
  }

 private:
  bool enabled_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), drawn_;
};

}  // namespace

CLI::App* AddIngestCommand(CLI::App& app, IngestArgs* a) {
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Analyse articles and keep them in the store (SQLite, WAL): documents, entities, quotes, events,\n"
      "duplicates (exact and near, linked to the earliest copy) and stories. Idempotent: a record already\n"
      "stored (same id, else URL, else text) is skipped. Safe to kill: the next run resumes.\n"
      "Exit: 0 all good, 1 some input rejected (reported on stderr, the rest ingested), 2 usage error,\n"
      "3 the store failed.");
  AddInputOptions(cmd, &a->input, "the store's contents never depend on it");
  cmd->add_option("--db", a->db, "The store: an SQLite file, created when missing, or a postgresql:// URI (any number of ingests at once)")->capture_default_str();
  cmd->add_flag("--quiet", a->quiet, "No progress display (it is shown only on a terminal anyway)");
  cmd->add_flag("--wait", a->wait, "When another process is writing to the store, wait for it instead of stopping");
  cmd->add_option("--batch", a->batch,
                  "Records per transaction: larger batches write faster (each commit rewrites the pages it touched), "
                  "smaller ones hold less memory and lose less to a kill (the store's contents depend on it)")
      ->check(CLI::Range(size_t{1}, size_t{100000}))
      ->capture_default_str();
  cmd->add_flag("--no-check", a->no_check,
                "Skip the quick integrity check of the store at the start (a damaged store is never written to "
                "knowingly; see `warta check`)");
  return cmd;
}

int RunIngest(const IngestArgs& args) {
  InputSetup setup;
  if (!SetUpInput(args.input, &setup)) return 2;
  auto knowledge = Knowledge::Load(setup.data);
  if (!knowledge.ok()) {
    fmt::print(stderr, "warta: {}\n", knowledge.status().message());
    return 2;
  }
  auto stories = StoryClusterer::Create(StoryClusterer::Options{}, knowledge.value().story_stopwords);
  auto topics = StoryClusterer::Create(TopicOptions(), knowledge.value().story_stopwords);
  if (!stories.ok() || !topics.ok()) {
    fmt::print(stderr, "warta: {}\n", (stories.ok() ? topics : stories).status().message());
    return 2;
  }
  auto store = Store::Open(args.db, Store::Mode::kReadWrite);
  if (!store.ok() && store.status().code() == Status::Code::kBusy && args.wait) {
    fmt::print(stderr, "warta: {}: another process is writing to this store; waiting for it\n", Store::Printable(args.db));
    store = Store::Open(args.db, Store::Mode::kReadWrite, /*wait_for_writer=*/true);
  }
  if (!store.ok()) {
    fmt::print(stderr, "warta: {}\n", store.status().message());
    return 3;
  }
  if (!args.no_check) {
    // A damaged store is not written to: new batches could land on bad pages.
    auto problems = store.value()->CheckIntegrity(/*quick=*/true);
    if (!problems.ok() || !problems.value().empty()) {
      fmt::print(stderr, "warta: {}: the store is damaged ({}); nothing was ingested. `warta check --db {}` lists the "
                         "problems; restore it from a copy or ingest into a new store\n",
                 Store::Printable(args.db), problems.ok() ? problems.value()[0] : problems.status().message(), Store::Printable(args.db));
      return 3;
    }
  }
  auto ingester = Ingester::Open(store.value().get(), std::move(stories).value(), std::move(topics).value());
  if (!ingester.ok()) {
    fmt::print(stderr, "warta: {}: {}\n", Store::Printable(args.db), ingester.status().message());
    return 3;
  }

  InputSet inputs(args.input.inputs, setup.format, setup.reader);
  Progress progress(!args.quiet && isatty(STDERR_FILENO), KnownInputBytes(args.input.inputs));
  size_t unreadable = 0;  // records the readers rejected
  IngestHooks hooks;
  hooks.next_batch = [&](std::vector<Record>* batch) { return ReadBatch(&inputs, batch, &unreadable, {}, args.batch); };
  hooks.on_rejected = [](const std::string& where, const std::string& error) {
    fmt::print(stderr, "warta: {}: cannot analyse this record ({}); skipped\n", where, error);
  };
  hooks.on_repaired = [](const std::string& where, size_t n) {
    fmt::print(stderr, "warta: {}: {} invalid UTF-8 sequence(s) replaced with U+FFFD\n", where, n);
  };
  hooks.on_progress = [&](const IngestTotals& t) { progress.Update(t.seen, t.bytes); };
  IngestTotals totals;
  Status s = RunIngest(&ingester.value(), knowledge.value(), setup.analyze, setup.threads, hooks, &totals);
  if (!s.ok()) {
    fmt::print(stderr, "warta: {}: {}{}\n", Store::Printable(args.db), s.message(),
               s.code() == Status::Code::kCorrupt ? "; the store is damaged: ingest stopped, the batches "
                                                    "before this one are stored (`warta check` lists the problems)"
                                                  : "");
    return 3;
  }
  const IngestCounts& counts = totals.counts;
  const size_t seen = totals.seen, rejected = totals.rejected + unreadable;
  const size_t skipped = totals.skipped + counts.already_stored;
  const uint64_t bytes_read = totals.bytes;
  progress.Update(seen, bytes_read, true);
  fmt::print(stderr,
             "warta ingest: {} records read, {} added ({} exact and {} near duplicates, {} new stories, {} new topics), "
             "{} already stored, {} rejected\n",
             seen + unreadable, counts.added, counts.exact_duplicates, counts.near_duplicates, counts.stories_started,
             counts.topics_started, skipped, rejected);
  return rejected > 0 ? 1 : 0;
}

}  // namespace warta
