// PostgresStore: opening, transactions and the writer's statements. Each
// statement mirrors SqliteStore's (sqlite_store.cc) with PostgreSQL's
// placeholders, explicit parameter types and RETURNING for new ids.
#include "store/postgres_store.h"

#include <fmt/format.h>

#include "store/postgres_schema.h"

namespace warta {
namespace {

Status Err(const std::string& message) { return Status::Error(Status::Code::kIoError, message); }

const char* TableOf(Grouping g) { return g == Grouping::kStory ? "stories" : "topics"; }
const char* Column(Grouping g) { return g == Grouping::kStory ? "story" : "topic"; }

}  // namespace

using pg::Param;

PostgresStore::~PostgresStore() {
  // A batch left open (a failed Write) is rolled back, as SQLite does when its connection closes.
  if (db_.TransactionStatus() != PQTRANS_IDLE) (void)db_.Exec("ROLLBACK");
}

int PostgresStore::SchemaVersion() { return PostgresSchemaVersion(&db_); }

Status PostgresStore::Begin() {
  // A batch that failed mid-way left its transaction open (and aborted): drop it.
  if (db_.TransactionStatus() != PQTRANS_IDLE) (void)db_.Exec("ROLLBACK");
  pending_entity_ids_.clear();
  Status s = db_.Exec("BEGIN");
  // Waits for any other writer's batch to commit: batches are serialised by the database.
  if (s.ok()) s = db_.Exec(fmt::format("SELECT pg_advisory_xact_lock({})", kBatchLockKey));
  return s;
}

Status PostgresStore::Commit() {
  if (db_.TransactionStatus() == PQTRANS_INERROR) {
    // COMMIT of an aborted transaction "succeeds" as a ROLLBACK: say so instead.
    (void)db_.Exec("ROLLBACK");
    pending_entity_ids_.clear();
    return Err("the batch failed and was rolled back");
  }
  Status s = db_.Exec("COMMIT");
  if (!s.ok()) return s;
  for (auto& [key, id] : pending_entity_ids_) (void)Remember(key, id);
  pending_entity_ids_.clear();
  return Status::Ok();
}

Status PostgresStore::Do(const std::string& sql, const std::vector<Param>& params) {
  auto r = db_.Run(sql, params);
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::optional<int64_t>> PostgresStore::OptionalInt(const std::string& sql, const std::vector<Param>& params) {
  auto r = db_.Run(sql, params);
  if (!r.ok()) return r.status();
  if (r.value().Rows() == 0) return std::optional<int64_t>();
  return r.value().OptInt(0, 0);
}

Result<bool> PostgresStore::HasIdentity(const std::string& identity) {
  auto r = db_.Run("SELECT 1 FROM documents WHERE identity = $1::text", {pg::Text(identity)});
  if (!r.ok()) return r.status();
  return r.value().Rows() > 0;
}

Result<int64_t> PostgresStore::AddDocument(const DocumentRow& d) {
  auto r = db_.Run(
      "INSERT INTO documents (identity, input_id, source, site, url, title, published, day, lang, original, text, "
      "content_hash, outlet) VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, "
      "$8::integer, $9::text, $10::text, $11::text, $12::text, $13::text) RETURNING id",
      {pg::Text(d.identity), pg::OptText(d.input_id), pg::Text(d.source), pg::Text(d.site), pg::OptText(d.url),
       pg::OptText(d.title), pg::OptText(d.published), d.day ? pg::Int(*d.day) : pg::Null(), pg::Text(d.lang),
       pg::View(d.original), pg::View(d.text), pg::Text(d.content_hash), pg::Text(d.outlet)});
  if (!r.ok()) return r.status();
  int64_t id = r.value().Int(0, 0);
  Status s = AddToOutlet(d);
  if (!s.ok()) return s;
  return id;
}

// The outlet's row, as SqliteStore::AddToOutlet: its name and country as first seen, its
// documents and dates counted. One atomic upsert: writers of other processes adding the same
// outlet meet at its key (and their batches are serialised anyway).
Status PostgresStore::AddToOutlet(const DocumentRow& d) {
  if (d.outlet.empty()) return Status::Ok();
  return Do(
      "INSERT INTO outlets AS o (outlet, name, country, documents, first_day, last_day) VALUES ($1::text, $2::text, "
      "$3::text, 1, $4::integer, $4::integer) ON CONFLICT (outlet) DO UPDATE SET documents = o.documents + 1, "
      "first_day = CASE WHEN o.first_day IS NULL OR EXCLUDED.first_day < o.first_day THEN EXCLUDED.first_day "
      "ELSE o.first_day END, "
      "last_day = CASE WHEN o.last_day IS NULL OR EXCLUDED.last_day > o.last_day THEN EXCLUDED.last_day "
      "ELSE o.last_day END",
      {pg::Text(d.outlet), pg::Text(d.outlet_name.empty() ? d.outlet : d.outlet_name), pg::NonEmpty(d.outlet_country),
       d.day ? pg::Int(*d.day) : pg::Null()});
}

Result<int64_t> PostgresStore::Remember(const std::string& key, int64_t id) {
  if (entity_ids_.size() > 200000) entity_ids_.clear();  // a cache, bounded
  entity_ids_.emplace(key, id);
  return id;
}

Result<int64_t> PostgresStore::EntityId(const EntityRow& e) {
  for (auto* cache : {&entity_ids_, &pending_entity_ids_}) {
    auto hit = cache->find(e.key);
    if (hit != cache->end()) return hit->second;
  }
  auto found = OptionalInt("SELECT id FROM entities WHERE key = $1::text", {pg::Text(e.key)});
  if (!found.ok()) return found.status();
  if (found.value()) return Remember(e.key, *found.value());
  // ON CONFLICT: a writer outside Begin() may have added the key since the lookup.
  auto added = OptionalInt(
      "INSERT INTO entities (key, name, type, subtype, country, actor, kb) VALUES ($1::text, $2::text, $3::text, "
      "$4::text, $5::text, $6::text, $7::text) ON CONFLICT (key) DO NOTHING RETURNING id",
      {pg::Text(e.key), pg::Text(e.name), pg::Text(e.type), pg::NonEmpty(e.subtype), pg::NonEmpty(e.country),
       pg::NonEmpty(e.actor), pg::NonEmpty(e.kb)});
  if (!added.ok()) return added.status();
  if (!added.value()) {
    auto again = OptionalInt("SELECT id FROM entities WHERE key = $1::text", {pg::Text(e.key)});
    if (!again.ok()) return again.status();
    if (!again.value()) return Err("entity " + e.key + " vanished");
    return Remember(e.key, *again.value());
  }
  pending_entity_ids_.emplace(e.key, *added.value());
  return *added.value();
}

Status PostgresStore::AddMentions(int64_t document, int64_t entity,
                                  const std::vector<std::pair<int64_t, int64_t>>& spans) {
  for (const auto& [start, end] : spans) {
    Status s = Do("INSERT INTO mentions (document, entity, start, \"end\") VALUES ($1::bigint, $2::bigint, $3::bigint, "
                  "$4::bigint)",
                  {pg::Int(document), pg::Int(entity), pg::Int(start), pg::Int(end)});
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status PostgresStore::AddQuote(const QuoteRow& q) {
  return Do(
      "INSERT INTO quotes (document, text, kind, speaker, speaker_entity, speaker_role, start, \"end\") "
      "VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::bigint, $6::text, $7::bigint, $8::bigint)",
      {pg::Int(q.document), pg::Text(q.text), pg::Text(q.kind), pg::NonEmpty(q.speaker), pg::OptInt(q.speaker_entity),
       pg::NonEmpty(q.speaker_role), pg::Int(q.start), pg::Int(q.end)});
}

Status PostgresStore::AddEvent(const EventRow& e) {
  return Do(
      "INSERT INTO events (document, source_entity, target_entity, source_name, target_name, source_actor, "
      "target_actor, cameo, plover, quad_class, goldstein, negated, via, sentence, start, \"end\", day) VALUES "
      "($1::bigint, $2::bigint, $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::integer, "
      "$11::double precision, $12::integer, $13::text, $14::text, $15::bigint, $16::bigint, $17::integer)",
      {pg::Int(e.document), pg::OptInt(e.source_entity), pg::OptInt(e.target_entity), pg::Text(e.source_name),
       pg::Text(e.target_name), pg::Text(e.source_actor), pg::Text(e.target_actor), pg::Text(e.cameo),
       pg::NonEmpty(e.plover), pg::Int(e.quad_class), pg::Real(e.goldstein), pg::Int(e.negated ? 1 : 0),
       pg::Text(e.via), pg::Text(e.sentence), pg::Int(e.start), pg::Int(e.end), e.day ? pg::Int(*e.day) : pg::Null()});
}

Result<std::optional<int64_t>> PostgresStore::ExactCopyOf(const std::string& content_hash, int64_t except) {
  return OptionalInt(
      "SELECT COALESCE(duplicate_of, id) FROM documents WHERE content_hash = $1::text AND id <> $2::bigint "
      "ORDER BY id LIMIT 1",
      {pg::Text(content_hash), pg::Int(except)});
}

Status PostgresStore::AddDedupKeys(int64_t document, const std::string& bands) {
  return Do("INSERT INTO dedup (document, bands) VALUES ($1::bigint, $2::bytea)",
            {pg::Int(document), pg::Blob(bands)});
}

Result<std::string> PostgresStore::CleanTextOf(int64_t document) {
  auto r = db_.Run("SELECT text FROM documents WHERE id = $1::bigint", {pg::Int(document)});
  if (!r.ok()) return r.status();
  return r.value().Rows() == 0 ? std::string() : std::string(r.value().Text(0, 0));
}

Status PostgresStore::ForEachBands(int64_t after, const std::function<void(int64_t, const std::string&)>& fn) {
  // In pages by id: a result is held in memory whole, and the index covers the corpus.
  for (;;) {
    auto r = db_.Run("SELECT document, bands FROM dedup WHERE document > $1::bigint ORDER BY document LIMIT 10000",
                     {pg::Int(after)});
    if (!r.ok()) return r.status();
    const pg::ResultSet& rs = r.value();
    for (int i = 0; i < rs.Rows(); ++i) fn(rs.Int(i, 0), rs.Bytes(i, 1));
    if (rs.Rows() < 10000) return Status::Ok();
    after = rs.Int(rs.Rows() - 1, 0);
  }
}

Status PostgresStore::LinkDuplicate(int64_t document, int64_t copy_of, double similarity) {
  auto canonical = CanonicalOf(copy_of);
  if (!canonical.ok()) return canonical.status();
  if (!canonical.value()) return Err(fmt::format("document {} not found", copy_of));
  int64_t c = *canonical.value();
  const std::string day_sql = "SELECT day FROM documents WHERE id = $1::bigint";
  auto mine = OptionalInt(day_sql, {pg::Int(document)});
  auto theirs = OptionalInt(day_sql, {pg::Int(c)});
  if (!mine.ok()) return mine.status();
  if (!theirs.ok()) return theirs.status();
  if (mine.value() && theirs.value() && *mine.value() < *theirs.value()) {
    // The new document is an earlier copy: it becomes the one the others repeat.
    Status s = Do("UPDATE documents SET duplicate_of = $1::bigint WHERE duplicate_of = $2::bigint OR id = $2::bigint",
                  {pg::Int(document), pg::Int(c)});
    if (!s.ok()) return s;
    return Do("UPDATE documents SET similarity = $1::double precision WHERE id = $2::bigint",
              {pg::Real(similarity), pg::Int(c)});
  }
  return Do("UPDATE documents SET duplicate_of = $1::bigint, similarity = $2::double precision WHERE id = $3::bigint",
            {pg::Int(c), pg::Real(similarity), pg::Int(document)});
}

Result<std::optional<int64_t>> PostgresStore::CanonicalOf(int64_t document) {
  return OptionalInt("SELECT COALESCE(duplicate_of, id) FROM documents WHERE id = $1::bigint", {pg::Int(document)});
}

Result<std::optional<int64_t>> PostgresStore::GroupOf(Grouping g, int64_t document) {
  return OptionalInt(fmt::format("SELECT {} FROM documents WHERE id = $1::bigint", Column(g)), {pg::Int(document)});
}

Status PostgresStore::SetGroups(int64_t document, int64_t story, int64_t topic) {
  return Do("UPDATE documents SET story = $1::bigint, topic = $2::bigint WHERE id = $3::bigint",
            {pg::Int(story), pg::Int(topic), pg::Int(document)});
}

Status PostgresStore::SaveGroup(Grouping g, const StoryRow& r) {
  return Do(fmt::format(
                "INSERT INTO {} (id, label, first_day, last_day, size, last_doc, open, centroid) VALUES ($1::bigint, "
                "$2::text, $3::integer, $4::integer, $5::bigint, $6::bigint, $7::integer, $8::bytea) "
                "ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, first_day = EXCLUDED.first_day, "
                "last_day = EXCLUDED.last_day, size = EXCLUDED.size, last_doc = EXCLUDED.last_doc, "
                "open = EXCLUDED.open, centroid = EXCLUDED.centroid",
                TableOf(g)),
            {pg::Int(r.id), pg::Text(r.label), r.first_day ? pg::Int(*r.first_day) : pg::Null(),
             r.last_day ? pg::Int(*r.last_day) : pg::Null(), pg::Int(r.size), pg::Int(r.last_doc),
             pg::Int(r.open ? 1 : 0), pg::Blob(r.centroid)});
}

Result<std::vector<StoryRow>> PostgresStore::OpenGroups(Grouping g) {
  auto r = db_.Run(fmt::format(
      "SELECT id, label, first_day, last_day, size, last_doc, centroid FROM {} WHERE open = 1 ORDER BY id", TableOf(g)));
  if (!r.ok()) return r.status();
  const pg::ResultSet& rs = r.value();
  std::vector<StoryRow> out;
  for (int i = 0; i < rs.Rows(); ++i) {
    StoryRow s;
    s.id = rs.Int(i, 0);
    s.label = std::string(rs.Text(i, 1));
    if (!rs.IsNull(i, 2)) s.first_day = static_cast<int32_t>(rs.Int(i, 2));
    if (!rs.IsNull(i, 3)) s.last_day = static_cast<int32_t>(rs.Int(i, 3));
    s.size = rs.Int(i, 4);
    s.last_doc = rs.Int(i, 5);
    s.centroid = rs.Bytes(i, 6);
    out.push_back(std::move(s));
  }
  return out;
}

Status PostgresStore::AddLineCounts(const std::string& site, const std::vector<std::pair<uint64_t, int64_t>>& counts) {
  if (counts.empty()) return Status::Ok();
  // One statement per site (two arrays), not one round trip per line.
  std::string hashes = "{", ns = "{";
  for (const auto& [hash, n] : counts) {
    hashes += std::to_string(static_cast<int64_t>(hash)) + ",";
    ns += std::to_string(n) + ",";
  }
  hashes.back() = '}';
  ns.back() = '}';
  return Do("INSERT INTO lines (site, hash, documents) SELECT $1::text, h, n FROM unnest($2::bigint[], $3::bigint[]) "
            "AS u(h, n) ON CONFLICT (site, hash) DO UPDATE SET documents = lines.documents + EXCLUDED.documents",
            {pg::Text(site), pg::Text(std::move(hashes)), pg::Text(std::move(ns))});
}

Result<std::vector<uint64_t>> PostgresStore::FrequentLines(const std::string& site, int64_t min_documents) {
  auto r = db_.Run("SELECT hash FROM lines WHERE site = $1::text AND documents >= $2::bigint ORDER BY hash",
                   {pg::Text(site), pg::Int(min_documents)});
  if (!r.ok()) return r.status();
  std::vector<uint64_t> out;
  for (int i = 0; i < r.value().Rows(); ++i) out.push_back(static_cast<uint64_t>(r.value().Int(i, 0)));
  return out;
}

Result<std::optional<std::string>> PostgresStore::GetMeta(const std::string& key) {
  auto r = db_.Run("SELECT value FROM meta WHERE key = $1::text", {pg::Text(key)});
  if (!r.ok()) return r.status();
  if (r.value().Rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(r.value().Bytes(0, 0));
}

Status PostgresStore::SetMeta(const std::string& key, const std::string& value) {
  return Do("INSERT INTO meta (key, value) VALUES ($1::text, $2::bytea) ON CONFLICT (key) DO UPDATE SET value = "
            "EXCLUDED.value",
            {pg::Text(key), pg::Blob(value)});
}

Result<std::unique_ptr<Store>> Store::OpenPostgres(const std::string& uri, Mode mode) {
  const std::string shown = pg::RedactUri(uri);
  auto conn = pg::Connection::Open(uri);
  if (!conn.ok()) return conn.status();
  bool read_only = mode == Mode::kReadOnly;
  // Session settings the queries rely on: UTC dates, reals printed exactly
  // (shortest round-trip), and no writes at all when read-only.
  std::string settings = "SET TIME ZONE 'UTC'; SET extra_float_digits = 1; SET client_encoding = 'UTF8';";
  if (read_only) settings += " SET default_transaction_read_only = on;";
  Status s = conn.value().Exec(settings);
  if (s.ok()) s = MigratePostgres(&conn.value(), read_only);
  if (!s.ok()) return Status::Error(s.code(), shown + ": " + s.message());
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(std::move(conn).value(), shown));
}

}  // namespace warta
