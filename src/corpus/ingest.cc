#include "corpus/ingest.h"

#include <algorithm>
#include <map>

#include "util/days.h"
#include "util/hash.h"
#include "util/strings.h"

namespace warta {

namespace {

constexpr const char* kTermStatsKey = "stories.term_stats";
constexpr const char* kNextStoryKey = "stories.next_id";

// The host of a URL without "www.", lower case; "" when there is none.
std::string HostOf(const std::optional<std::string>& url) {
  if (url) {
    std::string_view u = *url;
    size_t scheme = u.find("://");
    if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
    u = u.substr(0, u.find_first_of("/?#"));
    u = u.substr(0, u.find(':'));
    if (StartsWith(u, "www.")) u.remove_prefix(4);
    if (!u.empty()) return AsciiLower(u);
  }
  return "";
}

// One row per real-world actor across the corpus: dictionary entries by key;
// others by type, state and name (people the article introduced are the same
// person only when their full canonical names agree).
std::string EntityKey(const Entity& e) {
  if (!e.kb.empty()) return "kb:" + e.kb;
  return e.type + "|" + e.country + "|" + FoldCase(e.name);
}

// The actor codes the article names, as the story clusterer was tuned with
// (docs/quality.md, Stories).
std::vector<std::string> ActorsOf(const Document& d) {
  std::vector<std::string> out;
  for (const Entity& e : d.entities)
    if (!e.actor.empty()) out.push_back(e.actor);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::string SiteOf(const Record& r) {
  std::string host = HostOf(r.url);
  return host.empty() ? r.source : host;
}

std::string IdentityOf(const Record& r) {
  if (r.id && !r.id->empty()) return "id:" + *r.id;
  if (r.url && !r.url->empty()) return "url:" + *r.url;
  return "hash:" + Hex64(Fnv1a64(NormalizeForDedup(r.text)));
}

PreparedDocument PrepareDocument(Record record, const Knowledge& knowledge, const AnalyzeOptions& options) {
  PreparedDocument p;
  DocumentRow& row = p.row;
  row.identity = IdentityOf(record);
  row.input_id = record.id;
  row.site = SiteOf(record);
  p.doc = Analyze(std::move(record), knowledge, options);
  const Document& d = p.doc;
  row.source = d.source;
  p.line_keys = FurnitureKeys(d.original);
  row.url = d.url;
  row.title = d.clean.title;
  row.published = d.clean.published;
  if (d.clean.published) {
    auto day = DaysFromIso(*d.clean.published);
    if (day) row.day = *day;
  }
  row.lang = d.lang.code.value_or("und");
  row.original = d.original;
  row.text = d.clean.text;
  std::string normalized = NormalizeForDedup(d.clean.text);
  row.content_hash = Hex64(Fnv1a64(normalized));
  p.shingles = Shingles(normalized);
  if (!p.shingles.empty()) p.bands = BandKeys(MinHashSignature(p.shingles));
  return p;
}

Result<Ingester> Ingester::Open(Store* store, StoryClusterer clusterer) {
  Ingester in(store, std::move(clusterer));
  Status s = store->ForEachBands([&](int64_t doc, const std::string& bands) { in.index_.Add(doc, UnpackHashes(bands)); });
  if (!s.ok()) return s;
  auto rows = store->OpenStories();
  if (!rows.ok()) return rows.status();
  auto stats = store->GetMeta(kTermStatsKey);
  if (!stats.ok()) return stats.status();
  auto next = store->GetMeta(kNextStoryKey);
  if (!next.ok()) return next.status();
  if (stats.value()) {
    std::vector<StoryState> open = std::move(rows).value();
    int64_t next_id = next.value() ? std::stoll(*next.value()) : 1;
    s = in.clusterer_.Restore(std::move(open), *stats.value(), next_id);
    if (!s.ok()) return Status::Error(s.code(), "restoring the stories: " + s.message());
  }
  return in;
}

Status Ingester::WriteOne(PreparedDocument* p, IngestCounts* counts) {
  const Document& d = p->doc;
  auto id = store_->AddDocument(p->row);
  if (!id.ok()) return id.status();
  const int64_t doc = id.value();
  ++counts->added;

  std::vector<int64_t> entity_ids;
  for (const Entity& e : d.entities) {
    EntityRow r{EntityKey(e), e.name, e.type, e.subtype, e.country, e.actor, e.kb};
    auto eid = store_->EntityId(r);
    if (!eid.ok()) return eid.status();
    entity_ids.push_back(eid.value());
    for (const EntityMention& m : e.mentions) {
      if (m.in_title_field) continue;  // offsets into the title field, not the text
      Status s = store_->AddMention(doc, eid.value(), static_cast<int64_t>(m.span.start), static_cast<int64_t>(m.span.end));
      if (!s.ok()) return s;
    }
  }
  auto entity = [&](int i) -> std::optional<int64_t> {
    if (i < 0 || static_cast<size_t>(i) >= entity_ids.size()) return std::nullopt;
    return entity_ids[static_cast<size_t>(i)];
  };
  auto slice = [&](Span s) { return d.original.substr(s.start, s.end - s.start); };
  for (const Quote& q : d.quotes) {
    QuoteRow r;
    r.document = doc;
    r.text = slice(q.span);
    r.kind = q.kind == Quote::Kind::kDirect ? "direct" : "indirect";
    r.speaker_entity = entity(q.speaker_entity);
    r.speaker = q.speaker_entity >= 0 ? d.entities[static_cast<size_t>(q.speaker_entity)].name : slice(q.speaker_mention);
    r.speaker_role = q.speaker_role;
    r.start = static_cast<int64_t>(q.span.start);
    r.end = static_cast<int64_t>(q.span.end);
    Status s = store_->AddQuote(r);
    if (!s.ok()) return s;
  }
  for (const Event& e : d.events) {
    EventRow r;
    r.document = doc;
    r.source_entity = entity(e.source);
    r.target_entity = entity(e.target);
    r.source_name = e.source_name;
    r.target_name = e.target_name;
    r.source_actor = e.source_actor;
    r.target_actor = e.target_actor;
    r.cameo = e.code->code;
    r.plover = e.code->plover;
    r.quad_class = e.code->quad;
    r.goldstein = e.code->goldstein;
    r.negated = e.negated;
    r.via = e.via_quote ? "quote" : "narrative";
    r.sentence = slice(e.sentence);
    r.start = static_cast<int64_t>(e.sentence.start);
    r.end = static_cast<int64_t>(e.sentence.end);
    r.day = p->row.day;
    Status s = store_->AddEvent(r);
    if (!s.ok()) return s;
  }

  // Duplicates: the same normalised text, else the most similar LSH candidate
  // whose exact shingle Jaccard reaches the threshold.
  std::optional<int64_t> copy_of;
  if (!p->shingles.empty()) {
    auto exact = store_->ExactCopyOf(p->row.content_hash, doc);
    if (!exact.ok()) return exact.status();
    if (exact.value()) {
      copy_of = *exact.value();
      Status s = store_->LinkDuplicate(doc, *copy_of, 1.0);
      if (!s.ok()) return s;
      ++counts->exact_duplicates;
    } else {
      double best = 0;
      int64_t best_doc = 0;
      for (int64_t c : index_.Candidates(p->bands)) {
        auto blob = store_->ShinglesOf(c);
        if (!blob.ok()) return blob.status();
        double j = Jaccard(p->shingles, UnpackHashes(blob.value()));
        if (j > best) best = j, best_doc = c;
      }
      if (best >= kNearDuplicateJaccard) {
        copy_of = best_doc;
        Status s = store_->LinkDuplicate(doc, best_doc, best);
        if (!s.ok()) return s;
        ++counts->near_duplicates;
      }
    }
    Status s = store_->AddDedupKeys(doc, PackHashes(p->shingles), PackHashes(p->bands));
    if (!s.ok()) return s;
    index_.Add(doc, p->bands);
  }

  // Furniture is learned from distinct documents only: five copies of one
  // article must not make its lines look like a site's template.
  if (!copy_of) {
    auto& counts_of_site = line_counts_[p->row.site];
    for (uint64_t k : p->line_keys) ++counts_of_site[k];
  }

  // Stories: a copy joins its original's story.
  StoryDoc sd;
  sd.doc = doc;
  if (p->row.title) sd.title = *p->row.title;
  sd.text = p->row.text;
  sd.day = p->row.day;
  sd.actors = ActorsOf(d);
  int64_t story = 0;
  size_t open_before = static_cast<size_t>(clusterer_.next_id());
  if (copy_of) {
    auto of = store_->StoryOf(*copy_of);
    if (!of.ok()) return of.status();
    story = of.value() ? clusterer_.Join(sd, *of.value()) : clusterer_.Add(sd);
  } else {
    story = clusterer_.Add(sd);
  }
  if (static_cast<size_t>(clusterer_.next_id()) > open_before) ++counts->stories_started;
  return store_->SetStory(doc, story);
}

Status Ingester::Write(std::vector<PreparedDocument>* batch, IngestCounts* counts) {
  Status s = store_->Begin();
  if (!s.ok()) return s;
  line_counts_.clear();
  for (PreparedDocument& p : *batch) {
    s = WriteOne(&p, counts);
    if (!s.ok()) return s;  // the transaction is rolled back when the store closes
  }
  for (const StoryState& st : clusterer_.TakeChanged()) {
    s = store_->SaveStory(st);
    if (!s.ok()) return s;
  }
  for (const auto& [site, counts] : line_counts_) {
    s = store_->AddLineCounts(site, std::vector<std::pair<uint64_t, int64_t>>(counts.begin(), counts.end()));
    if (!s.ok()) return s;
  }
  s = store_->SetMeta(kTermStatsKey, clusterer_.SaveTermStats());
  if (s.ok()) s = store_->SetMeta(kNextStoryKey, std::to_string(clusterer_.next_id()));
  if (s.ok()) s = store_->Commit();
  return s;
}

}  // namespace warta
