#include "corpus/pipeline.h"

#include <future>
#include <map>
#include <unordered_set>

#include "util/parallel.h"

namespace warta {

namespace {

// A batch on its way to the writer: the records still to analyse, what they
// are, and what the store had taught about their sites when it was filtered.
struct Pending {
  std::vector<Record> records;
  std::vector<std::string> identities, sites;
  std::map<std::string, std::vector<uint64_t>> furniture;  // by site
};

// On the writer's thread: drops records the store holds already or that
// repeat an identity of this batch or the one before (still being written),
// and reads each remaining site's furniture.
Status NewRecords(Ingester* ingester, Store* store, std::vector<Record> records, std::unordered_set<std::string>* recent,
                 Pending* out, IngestTotals* totals) {
  *out = Pending();
  std::unordered_set<std::string> these;
  for (Record& r : records) {
    ++totals->seen;
    totals->bytes += r.text.size();
    std::string identity = IdentityOf(r);
    auto known = store->HasIdentity(identity);
    if (!known.ok()) return known.status();
    if (known.value() || recent->count(identity) || !these.insert(identity).second) {
      ++totals->skipped;
      continue;
    }
    std::string site = SiteOf(r);
    if (!out->furniture.count(site)) {
      auto lines = ingester->FurnitureOf(site);
      if (!lines.ok()) return lines.status();
      out->furniture.emplace(site, std::move(lines).value());
    }
    out->identities.push_back(std::move(identity));
    out->sites.push_back(std::move(site));
    out->records.push_back(std::move(r));
  }
  *recent = std::move(these);
  return Status::Ok();
}

// On the analysis threads: every record of the batch, in input order; a
// record whose analysis throws is reported and left out.
std::vector<PreparedDocument> Prepare(Pending* p, const Knowledge& knowledge, const AnalyzeOptions& base,
                                      unsigned threads, const IngestHooks& hooks, IngestTotals* totals) {
  const size_t n = p->records.size();
  std::vector<PreparedDocument> prepared(n);
  std::vector<std::string> where(n), failed(n);
  ParallelFor(n, threads, [&](size_t i) {
    where[i] = WhereOf(p->records[i]);
    AnalyzeOptions options = base;
    const auto& furniture = p->furniture.at(p->sites[i]);
    if (!furniture.empty()) options.clean.furniture = &furniture;
    try {
      prepared[i] = PrepareDocument(std::move(p->records[i]), std::move(p->identities[i]), std::move(p->sites[i]),
                                    knowledge, options);
    } catch (const std::exception& e) {
      failed[i] = e.what();
    }
  });
  size_t kept = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!failed[i].empty()) {
      ++totals->rejected;
      if (hooks.on_rejected) hooks.on_rejected(where[i], failed[i]);
      continue;
    }
    if (prepared[i].doc.invalid_utf8 > 0 && hooks.on_repaired) hooks.on_repaired(where[i], prepared[i].doc.invalid_utf8);
    if (kept != i) prepared[kept] = std::move(prepared[i]);
    ++kept;
  }
  prepared.resize(kept);
  return prepared;
}

}  // namespace

Status RunIngest(Ingester* ingester, const Knowledge& knowledge, const AnalyzeOptions& options, unsigned threads,
                 const IngestHooks& hooks, IngestTotals* totals) {
  Store* store = ingester->store();
  std::unordered_set<std::string> recent;
  std::vector<Record> records;
  bool more = hooks.next_batch(&records);
  Pending pending, next;
  Status s = NewRecords(ingester, store, std::move(records), &recent, &pending, totals);
  std::vector<PreparedDocument> written;  // the batch the writer has (empty at first)
  while (s.ok()) {
    std::vector<Record> following;
    if (more) more = hooks.next_batch(&following);
    if (written.empty() && pending.records.empty() && following.empty() && !more) break;
    // The writer commits the batch before this one, then filters the next; meanwhile
    // every thread analyses this one. `totals` is shared: the writer's part
    // (seen, skipped, counts) and this thread's (rejected) touch different fields.
    auto writer = std::async(std::launch::async, [&, following = std::move(following)]() mutable {
      Status w = written.empty() ? Status::Ok() : ingester->Write(&written, &totals->counts);
      if (w.ok()) w = NewRecords(ingester, store, std::move(following), &recent, &next, totals);
      return w;
    });
    std::vector<PreparedDocument> analysed = Prepare(&pending, knowledge, options, threads, hooks, totals);
    s = writer.get();
    if (s.ok() && hooks.on_progress) hooks.on_progress(*totals);
    written = std::move(analysed);
    pending = std::move(next);
  }
  return s;
}

}  // namespace warta
