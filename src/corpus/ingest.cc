#include "corpus/ingest.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "util/days.h"
#include "util/hash.h"
#include "util/strings.h"

namespace warta {

namespace {

// Where a level's clusterer state is kept in the store's meta table.
std::string TermStatsKey(Grouping g) { return g == Grouping::kStory ? "stories.term_stats" : "topics.term_stats"; }
std::string NextIdKey(Grouping g) { return g == Grouping::kStory ? "stories.next_id" : "topics.next_id"; }
// Counts the batches committed to the store, by any writer.
constexpr char kGenerationKey[] = "ingest.generation";

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

// Near-duplicate candidates whose exact Jaccard is checked per document (each costs reading and
// shingling a stored text): the ones sharing the most LSH bands. Without a bound, a story copied
// N times made its next copy check N texts, and ingest slowed with the store (docs/benchmarks.md).
constexpr size_t kMaxNearCandidates = 8;

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

// The outlet of a URL: its registered domain when outlets.tsv knows it (news.detik.com is
// detik.com), else the host; named by outlets.tsv, else by the record's publisher field, else
// by its domain. Without a URL, the publisher field names it: an outlet outlets.tsv knows by that
// name, alias or domain label, else one keyed by the name folded.
void SetOutlet(const Document& d, const Outlets& outlets, DocumentRow* row) {
  std::string host = d.url ? Outlets::Host(*d.url) : "";
  if (host.empty()) {
    if (!d.publisher || d.publisher->empty()) return;
    if (const Outlet* known = outlets.FindByName(*d.publisher)) {  // "Breitbart" and "breitbart" are breitbart.com
      row->outlet = known->domain;
      row->outlet_name = known->name;
      row->outlet_country = known->country;
      return;
    }
    row->outlet = FoldCase(*d.publisher);
    row->outlet_name = *d.publisher;
    return;
  }
  const Outlet* known = outlets.Find(*d.url);
  row->outlet = known ? known->domain : host;
  row->outlet_name = known && !known->name.empty() ? known->name : d.publisher.value_or(row->outlet);
  row->outlet_country = outlets.HomeCountry(*d.url);
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
  std::string identity = IdentityOf(record), site = SiteOf(record);
  return PrepareDocument(std::move(record), std::move(identity), std::move(site), knowledge, options);
}

PreparedDocument PrepareDocument(Record record, std::string identity, std::string site, const Knowledge& knowledge,
                                 const AnalyzeOptions& options) {
  PreparedDocument p;
  DocumentRow& row = p.row;
  row.identity = std::move(identity);
  row.input_id = record.id;
  row.site = std::move(site);
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
  SetOutlet(d, knowledge.entities.outlets(), &row);
  std::string normalized = NormalizeForDedup(d.clean.text);
  row.content_hash = Hex64(Fnv1a64(normalized));
  p.shingles = Shingles(normalized);
  if (!p.shingles.empty()) p.bands = BandKeys(MinHashSignature(p.shingles));
  return p;
}

Result<Ingester> Ingester::Open(Store* store, StoryClusterer stories, StoryClusterer topics) {
  Ingester in(store, std::move(stories), std::move(topics));
  // The generation first: a batch another writer commits while the state below is read
  // changes it, so the first Write catches up (reading a batch twice is harmless).
  auto generation = store->GetMeta(kGenerationKey);
  if (!generation.ok()) return generation.status();
  in.generation_ = generation.value().value_or("");
  Status s = in.AddBandsAfter(0);
  if (!s.ok()) return s;
  for (Level& level : in.levels_) {
    s = in.RestoreLevel(&level);
    if (!s.ok()) return s;
  }
  return in;
}

Status Ingester::AddBandsAfter(int64_t after) {
  return store_->ForEachBands(after, [&](int64_t doc, const std::string& bands) {
    index_.Add(doc, UnpackHashes(bands));
    last_indexed_ = std::max(last_indexed_, doc);
  });
}

Status Ingester::RestoreLevel(Level* level) {
  auto rows = store_->OpenGroups(level->grouping);
  if (!rows.ok()) return rows.status();
  auto stats = store_->GetMeta(TermStatsKey(level->grouping));
  if (!stats.ok()) return stats.status();
  auto next = store_->GetMeta(NextIdKey(level->grouping));
  if (!next.ok()) return next.status();
  if (!stats.value()) return Status::Ok();  // nothing stored yet
  int64_t next_id = 1;
  if (next.value()) {
    auto [end, ec] = std::from_chars(next.value()->data(), next.value()->data() + next.value()->size(), next_id);
    if (ec != std::errc() || end != next.value()->data() + next.value()->size())
      return Status::Error(Status::Code::kCorrupt, "restoring the stories: a bad next id \"" + *next.value() + "\"");
  }
  Status s = level->clusterer.Restore(std::move(rows).value(), *stats.value(), next_id);
  if (!s.ok()) return Status::Error(s.code(), "restoring the stories: " + s.message());
  return Status::Ok();
}

Status Ingester::CatchUp() {
  auto generation = store_->GetMeta(kGenerationKey);
  if (!generation.ok()) return generation.status();
  if (generation.value().value_or("") == generation_) return Status::Ok();  // no one else wrote
  Status s = AddBandsAfter(last_indexed_);
  for (Level& level : levels_)
    if (s.ok()) s = RestoreLevel(&level);
  return s;
}

Status Ingester::WriteOne(PreparedDocument* p, IngestCounts* counts) {
  auto known = store_->HasIdentity(p->row.identity);
  if (!known.ok()) return known.status();
  if (known.value()) {
    ++counts->already_stored;
    return Status::Ok();
  }
  const Document& d = p->doc;
  p->row.original = d.original;  // views: `d` outlives the call
  p->row.text = d.clean.text;
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
    std::vector<std::pair<int64_t, int64_t>> spans;
    for (const EntityMention& m : e.mentions)
      if (!m.in_title_field)  // offsets into the title field, not the text
        spans.emplace_back(static_cast<int64_t>(m.span.start), static_cast<int64_t>(m.span.end));
    Status s = store_->AddMentions(doc, eid.value(), spans);
    if (!s.ok()) return s;
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
      for (int64_t c : index_.Candidates(p->bands, kMaxNearCandidates)) {
        auto text = store_->CleanTextOf(c);
        if (!text.ok()) return text.status();
        double j = Jaccard(p->shingles, Shingles(NormalizeForDedup(text.value())));
        if (j > best) best = j, best_doc = c;
      }
      if (best >= kNearDuplicateJaccard) {
        copy_of = best_doc;
        Status s = store_->LinkDuplicate(doc, best_doc, best);
        if (!s.ok()) return s;
        ++counts->near_duplicates;
      }
    }
    Status s = store_->AddDedupKeys(doc, PackHashes(p->bands));
    if (!s.ok()) return s;
    index_.Add(doc, p->bands);
    last_indexed_ = std::max(last_indexed_, doc);
  }

  // Furniture is learned from distinct documents only: five copies of one
  // article must not make its lines look like a site's template.
  if (!copy_of) {
    auto& counts_of_site = line_counts_[p->row.site];
    for (uint64_t k : p->line_keys) ++counts_of_site[k];
  }

  // Stories and topics: a copy joins its original's.
  StoryDoc sd;
  sd.doc = doc;
  if (p->row.title) sd.title = *p->row.title;
  sd.text = d.clean.text;
  sd.actors = ActorsOf(d);
  int64_t groups[2] = {0, 0};  // story, topic
  sd.day = p->row.day;
  for (Level& level : levels_) {
    int64_t before = level.clusterer.next_id(), group = 0;
    std::optional<int64_t> original;
    if (copy_of) {
      auto of = store_->GroupOf(level.grouping, *copy_of);
      if (!of.ok()) return of.status();
      original = of.value();
    }
    group = original ? level.clusterer.Join(sd, *original) : level.clusterer.Add(sd);
    if (level.clusterer.next_id() > before)
      ++(level.grouping == Grouping::kStory ? counts->stories_started : counts->topics_started);
    groups[level.grouping == Grouping::kStory ? 0 : 1] = group;
  }
  return store_->SetGroups(doc, groups[0], groups[1]);
}

Status Ingester::Write(std::vector<PreparedDocument>* batch, IngestCounts* counts) {
  Status s = store_->Begin();
  if (s.ok()) s = CatchUp();
  if (!s.ok()) return s;
  line_counts_.clear();
  for (PreparedDocument& p : *batch) {
    s = WriteOne(&p, counts);
    if (!s.ok()) return s;  // the transaction is rolled back when the store closes
  }
  for (Level& level : levels_) {
    for (const StoryState& st : level.clusterer.TakeChanged()) {
      s = store_->SaveGroup(level.grouping, st);
      if (!s.ok()) return s;
    }
    s = store_->SetMeta(TermStatsKey(level.grouping), level.clusterer.SaveTermStats());
    if (s.ok()) s = store_->SetMeta(NextIdKey(level.grouping), std::to_string(level.clusterer.next_id()));
    if (!s.ok()) return s;
  }
  for (const auto& [site, counts] : line_counts_) {
    s = store_->AddLineCounts(site, std::vector<std::pair<uint64_t, int64_t>>(counts.begin(), counts.end()));
    if (!s.ok()) return s;
  }
  auto generation = store_->GetMeta(kGenerationKey);
  if (!generation.ok()) return generation.status();
  int64_t n = 0;
  if (generation.value()) std::from_chars(generation.value()->data(), generation.value()->data() + generation.value()->size(), n);
  std::string next = std::to_string(n + 1);
  s = store_->SetMeta(kGenerationKey, next);
  if (s.ok()) s = store_->Commit();
  if (s.ok()) generation_ = std::move(next);
  return s;
}

}  // namespace warta
