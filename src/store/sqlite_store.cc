// The SQLite backend of Store: WAL journal, one writer, batches in
// transactions, every statement prepared once with bound parameters.
#include <fmt/format.h>
#include <zdict.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <unordered_map>

#include "store/body_codec.h"
#include "store/mention_summaries.h"
#include "store/schema.h"
#include "store/span_pack.h"
#include "store/sqlite.h"
#include "store/sqlite_functions.h"
#include "store/sqlite_queries.h"
#include "store/store.h"
#include "store/writer_lock.h"
#include "util/strings.h"

namespace warta {
namespace {

using sqlite::Database;
using sqlite::Statement;

Status Err(const std::string& message) { return Status::Error(Status::Code::kIoError, message); }

class SqliteStore final : public Store {
 public:
  SqliteStore(Database db, std::optional<WriterLock> lock, std::shared_ptr<BodyDictionaries> dictionaries)
      : lock_(std::move(lock)), db_(std::move(db)), dictionaries_(std::move(dictionaries)), codec_(dictionaries_) {}

  Result<std::vector<std::string>> CheckIntegrity(bool quick) override {
    auto st = db_.Prepare(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    if (!st.ok()) return st.status();
    std::vector<std::string> problems;
    Status s;
    while (st.value().Step(&s)) {
      // A row may hold several problems, one per line, under a "*** in database main ***" heading.
      std::string row = st.value().Text(0);
      for (auto line : Split(row, '\n'))
        if (line != "ok" && !line.empty() && !StartsWith(line, "***")) problems.emplace_back(line);
    }
    if (!s.ok()) {
      int code = sqlite3_extended_errcode(db_.get()) & 0xFF;
      if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) return s;
      problems.push_back(db_.Error());
    }
    return problems;
  }

  Status Migrate(bool read_only) {
    int version = SchemaVersion();
    if (version < 0) {
      int code = sqlite3_extended_errcode(db_.get()) & 0xFF;
      if (code == SQLITE_NOTADB) return Err("not a warta store (not an SQLite database)");
      if (code == SQLITE_CORRUPT)
        return Status::Error(Status::Code::kCorrupt, "the store is damaged (" + db_.Error() + "); see `warta check`");
      return Err("cannot read the store: " + db_.Error());
    }
    const auto& migrations = Migrations();
    if (version > static_cast<int>(migrations.size()))
      return Err(fmt::format("the database has schema version {}, newer than this warta ({})", version,
                             migrations.size()));
    if (read_only) {
      if (version < static_cast<int>(migrations.size()))
        return Err(fmt::format("the database has schema version {}; run `warta ingest` once to upgrade it", version));
      return Status::Ok();
    }
    for (size_t v = static_cast<size_t>(version); v < migrations.size(); ++v) {
      Status s = db_.Exec("BEGIN IMMEDIATE");
      if (s.ok()) s = db_.Exec(migrations[v]);
      if (s.ok() && v + 1 == kBodyMigration) s = PackBodies();
      if (s.ok()) s = db_.Exec(fmt::format("PRAGMA user_version = {}", v + 1));
      if (s.ok()) s = db_.Exec("COMMIT");
      if (!s.ok()) {
        (void)db_.Exec("ROLLBACK");
        return Err(fmt::format("migration {}: {}", v + 1, s.message()));
      }
    }
    return Status::Ok();
  }

  Status RawExec(std::string_view sql) { return db_.Exec(sql); }

  // The store's text dictionaries into the registry every codec of this connection reads.
  Status LoadDictionaries() {
    auto st = db_.Prepare("SELECT dict FROM body_dictionaries ORDER BY id");
    if (!st.ok()) return st.status();
    Status s;
    while (st.value().Step(&s)) {
      Status a = dictionaries_->Add(st.value().Blob(0));
      if (!a.ok()) return a;
    }
    return s;
  }

  // Inside a write batch: once the store holds kDictionarySamples articles and no text
  // dictionary, one is trained on their original texts (in id order: the same store gives
  // the same dictionary) and every later text is compressed with it. Tried once a session.
  static constexpr int64_t kDictionarySamples = 1000;
  Status TrainDictionary() {
    if (!dictionaries_->empty() || dictionary_tried_) return Status::Ok();
    Statement* count = Stmt("SELECT COUNT(*) FROM (SELECT 1 FROM documents LIMIT ?)");
    if (!count) return Err(db_.Error());
    count->Bind(1, kDictionarySamples);
    auto n = OptionalInt(count);
    if (!n.ok()) return n.status();
    if (n.value().value_or(0) < kDictionarySamples) return Status::Ok();
    dictionary_tried_ = true;
    auto read = db_.Prepare("SELECT body FROM documents ORDER BY id LIMIT ?");
    if (!read.ok()) return read.status();
    read.value().Bind(1, kDictionarySamples);
    std::vector<std::string> samples;
    Status s;
    while (read.value().Step(&s)) {
      auto original = codec_.Original(read.value().Blob(0));
      if (!original.ok()) return original.status();
      samples.push_back(std::move(original).value());
    }
    if (!s.ok()) return s;
    auto dict = TrainBodyDictionary(samples);
    if (!dict.ok()) return Status::Ok();  // too few or too alike to learn from: texts stay as they are
    Statement* add = Stmt("INSERT INTO body_dictionaries (id, dict) VALUES (?, ?)");
    if (!add) return Err(db_.Error());
    s = add->Bind(1, static_cast<int64_t>(ZDICT_getDictID(dict.value().data(), dict.value().size())))
            .BindBlob(2, dict.value())
            .Run();
    return s.ok() ? dictionaries_->Add(dict.value()) : s;
  }

  // Migration 5: each document's two texts into its compressed body.
  static constexpr size_t kBodyMigration = 5;
  Status PackBodies() {
    auto read = db_.Prepare("SELECT id, original, text FROM documents WHERE body IS NULL ORDER BY id");
    auto write = db_.Prepare("UPDATE documents SET body = ? WHERE id = ?");
    if (!read.ok()) return read.status();
    if (!write.ok()) return write.status();
    Status s;
    while (read.value().Step(&s)) {
      std::string body = codec_.Pack(read.value().Blob(1), read.value().Blob(2));
      Status w = write.value().BindBlob(1, body).Bind(2, read.value().Int(0)).Run();
      if (!w.ok()) return w;
    }
    return s;
  }

  int SchemaVersion() override {
    auto st = db_.Prepare("PRAGMA user_version");
    if (!st.ok()) return -1;
    Status s;
    return st.value().Step(&s) ? static_cast<int>(st.value().Int(0)) : -1;
  }

  Status Begin() override {
    summaries_.Clear();
    Status s = db_.Exec("BEGIN IMMEDIATE");
    return s.ok() ? TrainDictionary() : s;
  }
  Status Commit() override {
    Status s = summaries_.Flush([this](const std::string& sql) { return Stmt(sql); });
    return s.ok() ? db_.Exec("COMMIT") : s;
  }

  Result<bool> HasIdentity(const std::string& identity) override {
    Statement* st = Stmt("SELECT 1 FROM documents WHERE identity = ?");
    if (!st) return Err(db_.Error());
    st->Bind(1, identity);
    Status s;
    bool found = st->Step(&s);
    st->Reset();
    if (!s.ok()) return s;
    return found;
  }

  Result<int64_t> AddDocument(const DocumentRow& d) override {
    Statement* st = Stmt(
        "INSERT INTO documents (identity, input_id, source, site, url, title, published, day, lang, body, "
        "content_hash, outlet) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    Statement* fts = Stmt("INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)");
    if (!st || !fts) return Err(db_.Error());
    std::string body = codec_.Pack(d.original, d.text);
    st->Bind(1, d.identity).Bind(2, d.input_id).Bind(3, d.source).Bind(4, d.site).Bind(5, d.url).Bind(6, d.title);
    st->Bind(7, d.published).Bind(9, d.lang).BindBlob(10, body).Bind(11, d.content_hash).Bind(12, d.outlet);
    d.day ? st->Bind(8, static_cast<int64_t>(*d.day)) : st->BindNull(8);
    Status s = st->Run();
    if (!s.ok()) return s;
    int64_t id = db_.LastInsertId();
    summaries_.Document(id, d.day.value_or(std::numeric_limits<int32_t>::min()), d.lang);
    s = AddToOutlet(d);
    if (!s.ok()) return s;
    s = fts->Bind(1, id).Bind(2, d.title).BindStatic(3, d.text).Run();
    if (!s.ok()) return s;
    return id;
  }

  // The outlet's row: its name and country as first seen, its documents and dates counted.
  Status AddToOutlet(const DocumentRow& d) {
    if (d.outlet.empty()) return Status::Ok();
    Statement* st = Stmt(
        "INSERT INTO outlets (outlet, name, country, documents, first_day, last_day) VALUES (?1, ?2, ?3, 1, ?4, ?4) "
        "ON CONFLICT(outlet) DO UPDATE SET documents = documents + 1, "
        "first_day = CASE WHEN first_day IS NULL OR excluded.first_day < first_day THEN excluded.first_day ELSE first_day END, "
        "last_day = CASE WHEN last_day IS NULL OR excluded.last_day > last_day THEN excluded.last_day ELSE last_day END");
    if (!st) return Err(db_.Error());
    st->Bind(1, d.outlet).Bind(2, d.outlet_name.empty() ? d.outlet : d.outlet_name);
    d.outlet_country.empty() ? st->BindNull(3) : st->Bind(3, d.outlet_country);
    d.day ? st->Bind(4, static_cast<int64_t>(*d.day)) : st->BindNull(4);
    return st->Run();
  }

  Result<int64_t> EntityId(const EntityRow& e) override {
    auto cached = entity_ids_.find(e.key);
    if (cached != entity_ids_.end()) return cached->second;
    Statement* find = Stmt("SELECT id, actor, type, subtype, name FROM entities WHERE key = ?");
    if (!find) return Err(db_.Error());
    find->Bind(1, e.key);
    Status s;
    if (find->Step(&s)) {
      int64_t id = find->Int(0);
      summaries_.Entity(id, {find->Text(1), find->Text(2), find->Text(3), find->Text(4)});
      find->Reset();
      return Remember(e.key, id);
    }
    find->Reset();
    if (!s.ok()) return s;
    Statement* add =
        Stmt("INSERT INTO entities (key, name, type, subtype, country, actor, kb) VALUES (?,?,?,?,?,?,?)");
    if (!add) return Err(db_.Error());
    add->Bind(1, e.key).Bind(2, e.name).Bind(3, e.type);
    auto opt = [&](int i, const std::string& v) { v.empty() ? add->BindNull(i) : add->Bind(i, v); };
    opt(4, e.subtype), opt(5, e.country), opt(6, e.actor), opt(7, e.kb);
    s = add->Run();
    if (!s.ok()) return s;
    const int64_t id = db_.LastInsertId();
    summaries_.Entity(id, {e.actor, e.type, e.subtype, e.name});
    return Remember(e.key, id);
  }

  // One row per entity and document (schema 12); a second call for the pair merges its spans.
  Status AddMentions(int64_t document, int64_t entity, const std::vector<std::pair<int64_t, int64_t>>& spans) override {
    if (spans.empty()) return Status::Ok();
    Statement* st = Stmt(
        "INSERT INTO mention_sets (entity, document, mentions, first, spans) VALUES (?,?,?,?,?) "
        "ON CONFLICT(entity, document) DO UPDATE SET mentions = mentions + excluded.mentions, "
        "first = MIN(first, excluded.first), spans = warta_merge_spans(spans, excluded.spans)");
    if (!st) return Err(db_.Error());
    int64_t first = spans.front().first;
    for (const auto& span : spans) first = std::min(first, span.first);
    const auto n = static_cast<int64_t>(spans.size());
    Status s = st->Bind(1, entity).Bind(2, document).Bind(3, n).Bind(4, first).BindBlob(5, PackSpans(spans)).Run();
    if (!s.ok() || summaries_.Add(document, entity, n)) return s;  // summed at commit
    return CountMentions(document, entity, n);
  }

  // The summaries of `n` new mentions of an entity in a canonical document (migration 10 moved
  // this from a trigger per mention): the document counts once per entity, when these are
  // all the entity's mentions in it.
  Status CountMentions(int64_t document, int64_t entity, int64_t n) {
    static constexpr const char* kSql[] = {
        "INSERT INTO agg_entities SELECT ?2, (SELECT mentions FROM mention_sets WHERE entity = ?2 AND document = ?1) = ?3, "
        "?3 FROM documents d WHERE d.id = ?1 AND d.duplicate_of IS NULL "
        "ON CONFLICT(entity) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions",
        "INSERT INTO agg_entity_days SELECT ?2, COALESCE(d.day, -2147483648), d.lang, "
        "(SELECT mentions FROM mention_sets WHERE entity = ?2 AND document = ?1) = ?3, ?3 "
        "FROM documents d WHERE d.id = ?1 AND d.duplicate_of IS NULL "
        "ON CONFLICT(entity, day, lang) DO UPDATE SET documents = documents + excluded.documents, "
        "mentions = mentions + excluded.mentions",
        "INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END, "
        "COALESCE(d.day, -2147483648), d.lang, CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, "
        "?3 FROM entities en, documents d WHERE en.id = ?2 AND d.id = ?1 AND d.duplicate_of IS NULL "
        "AND en.actor IS NOT NULL ON CONFLICT(node, day, lang, label) DO UPDATE SET mentions = mentions + excluded.mentions",
    };
    for (const char* sql : kSql) {
      Statement* st = Stmt(sql);
      if (!st) return Err(db_.Error());
      Status s = st->Bind(1, document).Bind(2, entity).Bind(3, n).Run();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status AddQuote(const QuoteRow& q) override {
    Statement* st = Stmt(
        "INSERT INTO quotes (document, kind, speaker, speaker_entity, speaker_role, start, end, day) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,(SELECT day FROM documents WHERE id = ?1))");
    if (!st) return Err(db_.Error());
    // The words are not stored (schema 12): they are bytes [start, end) of the document's text.
    st->Bind(1, q.document).Bind(2, q.kind).Bind(4, q.speaker_entity).Bind(6, q.start).Bind(7, q.end);
    // A speaker with an entity is named by it (queries read COALESCE(en.name, q.speaker)).
    q.speaker.empty() || q.speaker_entity ? st->BindNull(3) : st->Bind(3, q.speaker);
    q.speaker_role.empty() ? st->BindNull(5) : st->Bind(5, q.speaker_role);
    return st->Run();
  }

  Status AddEvent(const EventRow& e) override {
    Statement* st = Stmt(
        "INSERT INTO events (document, source_entity, target_entity, source_name, target_name, source_actor, "
        "target_actor, cameo, plover, quad_class, goldstein, negated, via, start, end, day) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st) return Err(db_.Error());
    // The sentence is not stored (schema 13): it is bytes [start, end) of the document's text.
    st->Bind(1, e.document).Bind(2, e.source_entity).Bind(3, e.target_entity).Bind(4, e.source_name);
    st->Bind(5, e.target_name).Bind(6, e.source_actor).Bind(7, e.target_actor).Bind(8, e.cameo);
    e.plover.empty() ? st->BindNull(9) : st->Bind(9, e.plover);
    st->Bind(10, e.quad_class).Bind(11, e.goldstein).Bind(12, e.negated ? 1 : 0).Bind(13, e.via);
    st->Bind(14, e.start).Bind(15, e.end);
    e.day ? st->Bind(16, static_cast<int64_t>(*e.day)) : st->BindNull(16);
    return st->Run();
  }

  Result<std::optional<int64_t>> ExactCopyOf(const std::string& content_hash, int64_t except) override {
    Statement* st = Stmt(
        "SELECT COALESCE(duplicate_of, id) FROM documents WHERE content_hash = ? AND id <> ? ORDER BY id LIMIT 1");
    if (!st) return Err(db_.Error());
    st->Bind(1, content_hash).Bind(2, except);
    return OptionalInt(st);
  }

  Status AddDedupKeys(int64_t document, const std::string& bands) override {
    Statement* st = Stmt("INSERT INTO dedup (document, bands) VALUES (?,?)");
    if (!st) return Err(db_.Error());
    return st->Bind(1, document).BindBlob(2, bands).Run();
  }

  Result<std::string> CleanTextOf(int64_t document) override {
    Statement* st = Stmt("SELECT warta_text(body) FROM documents WHERE id = ?");
    if (!st) return Err(db_.Error());
    st->Bind(1, document);
    Status s;
    std::string out;
    if (st->Step(&s)) out = st->Text(0);
    st->Reset();
    if (!s.ok()) return s;
    return out;
  }

  Status ForEachBands(int64_t after, const std::function<void(int64_t, const std::string&)>& fn) override {
    auto st = db_.Prepare("SELECT document, bands FROM dedup WHERE document > ? ORDER BY document");
    if (!st.ok()) return st.status();
    st.value().Bind(1, after);
    Status s;
    while (st.value().Step(&s)) fn(st.value().Int(0), std::string(st.value().Blob(1)));
    return s;
  }

  Status LinkDuplicate(int64_t document, int64_t copy_of, double similarity) override {
    auto canonical = CanonicalOf(copy_of);
    if (!canonical.ok()) return canonical.status();
    if (!canonical.value()) return Err(fmt::format("document {} not found", copy_of));
    int64_t c = *canonical.value();
    auto day_of = [&](int64_t id) -> std::optional<int64_t> {
      Statement* st = Stmt("SELECT day FROM documents WHERE id = ?");
      if (!st) return std::nullopt;
      st->Bind(1, id);
      Status s;
      std::optional<int64_t> day;
      if (st->Step(&s)) day = st->OptInt(0);
      st->Reset();
      return day;
    };
    auto mine = day_of(document), theirs = day_of(c);
    if (mine && theirs && *mine < *theirs) {
      // The new document is an earlier copy: it becomes the one the others repeat.
      Statement* move = Stmt("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ? OR id = ?");
      if (!move) return Err(db_.Error());
      Status s = move->Bind(1, document).Bind(2, c).Bind(3, c).Run();
      if (!s.ok()) return s;
      Statement* sim = Stmt("UPDATE documents SET similarity = ? WHERE id = ?");
      if (!sim) return Err(db_.Error());
      return sim->Bind(1, similarity).Bind(2, c).Run();
    }
    Statement* st = Stmt("UPDATE documents SET duplicate_of = ?, similarity = ? WHERE id = ?");
    if (!st) return Err(db_.Error());
    return st->Bind(1, c).Bind(2, similarity).Bind(3, document).Run();
  }

  Result<std::optional<int64_t>> CanonicalOf(int64_t document) override {
    Statement* st = Stmt("SELECT COALESCE(duplicate_of, id) FROM documents WHERE id = ?");
    if (!st) return Err(db_.Error());
    st->Bind(1, document);
    return OptionalInt(st);
  }

  // The table and the documents' column of a grouping.
  static const char* TableOf(Grouping g) { return g == Grouping::kStory ? "stories" : "topics"; }
  static const char* Column(Grouping g) { return g == Grouping::kStory ? "story" : "topic"; }

  Result<std::optional<int64_t>> GroupOf(Grouping g, int64_t document) override {
    Statement* st = Stmt(fmt::format("SELECT {} FROM documents WHERE id = ?", Column(g)));
    if (!st) return Err(db_.Error());
    st->Bind(1, document);
    return OptionalInt(st);
  }

  Status SetGroups(int64_t document, int64_t story, int64_t topic) override {
    Statement* st = Stmt(fmt::format("UPDATE documents SET {} = ?, {} = ? WHERE id = ?", Column(Grouping::kStory),
                                     Column(Grouping::kTopic)));
    if (!st) return Err(db_.Error());
    return st->Bind(1, story).Bind(2, topic).Bind(3, document).Run();
  }

  Status SaveGroup(Grouping g, const StoryRow& r) override {
    Statement* st = Stmt(fmt::format(
        "INSERT INTO {} (id, label, first_day, last_day, size, last_doc, open, centroid) VALUES (?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET label = excluded.label, first_day = excluded.first_day, "
        "last_day = excluded.last_day, size = excluded.size, last_doc = excluded.last_doc, open = excluded.open, "
        "centroid = excluded.centroid", TableOf(g)));
    if (!st) return Err(db_.Error());
    st->Bind(1, r.id).Bind(2, r.label).Bind(5, r.size).Bind(6, r.last_doc).Bind(7, r.open ? 1 : 0);
    st->BindBlob(8, r.centroid);
    r.first_day ? st->Bind(3, static_cast<int64_t>(*r.first_day)) : st->BindNull(3);
    r.last_day ? st->Bind(4, static_cast<int64_t>(*r.last_day)) : st->BindNull(4);
    return st->Run();
  }

  Result<std::vector<StoryRow>> OpenGroups(Grouping g) override {
    Statement* st = Stmt(fmt::format(
        "SELECT id, label, first_day, last_day, size, last_doc, centroid FROM {} WHERE open = 1 ORDER BY id", TableOf(g)));
    if (!st) return Err(db_.Error());
    std::vector<StoryRow> out;
    Status s;
    while (st->Step(&s)) {
      StoryRow r;
      r.id = st->Int(0);
      r.label = st->Text(1);
      if (!st->IsNull(2)) r.first_day = static_cast<int32_t>(st->Int(2));
      if (!st->IsNull(3)) r.last_day = static_cast<int32_t>(st->Int(3));
      r.size = st->Int(4);
      r.last_doc = st->Int(5);
      r.centroid = std::string(st->Blob(6));
      out.push_back(std::move(r));
    }
    st->Reset();
    if (!s.ok()) return s;
    return out;
  }

  Status AddLineCounts(const std::string& site, const std::vector<std::pair<uint64_t, int64_t>>& counts) override {
    Statement* st = Stmt(
        "INSERT INTO lines (site, hash, documents) VALUES (?,?,?) "
        "ON CONFLICT(site, hash) DO UPDATE SET documents = documents + excluded.documents");
    if (!st) return Err(db_.Error());
    for (const auto& [hash, n] : counts) {
      Status s = st->Bind(1, site).Bind(2, static_cast<int64_t>(hash)).Bind(3, n).Run();
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Result<std::vector<uint64_t>> FrequentLines(const std::string& site, int64_t min_documents) override {
    Statement* st = Stmt("SELECT hash FROM lines WHERE site = ? AND documents >= ? ORDER BY hash");
    if (!st) return Err(db_.Error());
    st->Bind(1, site).Bind(2, min_documents);
    std::vector<uint64_t> out;
    Status s;
    while (st->Step(&s)) out.push_back(static_cast<uint64_t>(st->Int(0)));
    st->Reset();
    if (!s.ok()) return s;
    return out;
  }

  Result<std::optional<std::string>> GetMeta(const std::string& key) override {
    Statement* st = Stmt("SELECT value FROM meta WHERE key = ?");
    if (!st) return Err(db_.Error());
    st->Bind(1, key);
    Status s;
    std::optional<std::string> out;
    if (st->Step(&s)) out = std::string(st->Blob(0));
    st->Reset();
    if (!s.ok()) return s;
    return out;
  }

  Status SetMeta(const std::string& key, const std::string& value) override {
    Statement* st = Stmt("INSERT INTO meta (key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!st) return Err(db_.Error());
    return st->Bind(1, key).BindBlob(2, value).Run();
  }

  // ---- queries: src/store/sqlite_queries.cc

  Result<Table> Stats(const Filter& f) override { return queries_.Stats(f); }
  Result<Table> Outlets(const Filter& f, Page page) override { return queries_.Outlets(f, page); }
  Result<Table> Groups(Grouping g, const Filter& f, Page page) override { return queries_.Groups(g, f, page); }
  Result<Table> Group(Grouping g, int64_t id) override { return queries_.Group(g, id); }
  Result<Table> GroupDocuments(Grouping g, int64_t id, Page page) override {
    return queries_.GroupDocuments(g, id, page);
  }
  Result<Table> GroupTimeline(Grouping g, int64_t id, const std::string& by) override {
    return queries_.GroupTimeline(g, id, by);
  }
  Result<Table> GroupOutlets(Grouping g, int64_t id) override { return queries_.GroupOutlets(g, id); }
  Result<Table> GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents) override {
    return queries_.GroupActors(g, id, limit, max_documents);
  }
  Result<Table> GroupQuotes(Grouping g, int64_t id, Page page) override { return queries_.GroupQuotes(g, id, page); }
  Result<Table> GroupEvents(Grouping g, int64_t id, Page page) override { return queries_.GroupEvents(g, id, page); }
  Result<Table> Actors(const std::optional<std::string>& q, const Filter& f, Page page) override {
    return queries_.Actors(q, f, page);
  }
  Result<Table> Actor(int64_t entity) override { return queries_.Actor(entity); }
  Result<Table> ActorMentionsByMonth(int64_t entity, const Filter& f) override {
    return queries_.ActorMentionsByMonth(entity, f);
  }
  Result<Table> Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                       const Filter& f, Page page) override {
    return queries_.Quotes(speaker, words, f, page);
  }
  Result<Table> QuotesOf(int64_t entity, const Filter& f, Page page) override {
    return queries_.QuotesOf(entity, f, page);
  }
  Result<Table> Events(const EventFilter& f) override { return queries_.Events(f); }
  Result<Table> EventsOf(int64_t entity, bool as_source, const Filter& f, Page page) override {
    return queries_.EventsOf(entity, as_source, f, page);
  }
  Result<Table> Relations(const std::string& a, const std::optional<std::string>& b, const std::string& by,
                          const Filter& f) override {
    return queries_.Relations(a, b, by, f);
  }
  Result<Table> GraphNodes(const Filter& f) override { return queries_.GraphNodes(f); }
  Result<Table> GraphEdges(const Filter& f, int64_t min_events) override { return queries_.GraphEdges(f, min_events); }
  Result<Table> MapCountries(const std::optional<std::string>& actor, const Filter& f) override {
    return queries_.MapCountries(actor, f);
  }
  Result<Table> Document(int64_t id) override { return queries_.Document(id); }
  Result<Table> DocumentMentions(int64_t id) override { return queries_.DocumentMentions(id); }
  Result<Table> DocumentQuotes(int64_t id) override { return queries_.DocumentQuotes(id); }
  Result<Table> DocumentEvents(int64_t id) override { return queries_.DocumentEvents(id); }
  Result<Table> DocumentSpans(int64_t id) override { return queries_.DocumentSpans(id); }
  Result<Table> Search(const std::string& query, const Filter& f, Page page) override {
    return queries_.Search(query, f, page);
  }
  Result<Table> Dyads(const Filter& f, int64_t limit) override { return queries_.Dyads(f, limit); }

  Status Export(const std::string& what,
                const std::function<void(const Table&, const std::vector<std::optional<std::string>>&)>& fn) override {
    std::string sql;
    if (what == "documents")
      sql = "SELECT id, input_id, source, url, title, published, lang, duplicate_of, story, topic, outlet, "
            "warta_text(body) AS text FROM documents ORDER BY id";
    else if (what == "events")
      sql = "SELECT e.id, e.document, d.published, date(e.day * 86400, 'unixepoch') AS date, e.source_actor, "
            "e.source_name, e.target_actor, e.target_name, e.cameo, e.plover, e.quad_class, e.goldstein, e.negated, "
            "e.via, d.url, (SELECT COUNT(*) FROM documents c WHERE c.id = e.document OR c.duplicate_of = e.document) "
            "AS reports, (SELECT COUNT(DISTINCT c.site) FROM documents c WHERE c.id = e.document OR c.duplicate_of = "
            "e.document) AS sources, warta_slice(d.body, e.start, e.end) AS sentence FROM events e "
            "JOIN documents d ON d.id = e.document "
            "WHERE d.duplicate_of IS NULL ORDER BY e.id";
    else if (what == "quotes")
      sql = "SELECT q.id, q.document, d.published, COALESCE(en.name, q.speaker) AS speaker, en.actor AS speaker_actor, "
            "q.speaker_role, q.kind, warta_slice(d.body, q.start, q.end) AS text FROM quotes q JOIN documents d ON d.id = q.document "
            "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.duplicate_of IS NULL ORDER BY q.id";
    else
      return Status::Error(Status::Code::kInvalidArgument, "export: unknown table '" + what + "'");
    auto st = db_.Prepare(sql);
    if (!st.ok()) return st.status();
    Statement& q = st.value();
    Table header;
    for (int i = 0; i < q.Columns(); ++i) header.columns.push_back(q.ColumnName(i));
    // A column's type is its declaration (an id is a number in every row, NULL or not), else
    // the type of the first row's value.
    header.types.assign(header.columns.size(), Table::Type::kText);
    std::vector<bool> declared(header.columns.size(), false);
    for (int i = 0; i < q.Columns(); ++i) {
      const char* d = sqlite3_column_decltype(q.Raw(), i);
      std::string type = d ? d : "";
      declared[static_cast<size_t>(i)] = !type.empty();
      if (type == "INTEGER") header.types[static_cast<size_t>(i)] = Table::Type::kInt;
      if (type == "REAL") header.types[static_cast<size_t>(i)] = Table::Type::kReal;
    }
    std::vector<std::optional<std::string>> row;
    Status s;
    bool typed = false;
    while (q.Step(&s)) {
      row.clear();
      for (int i = 0; i < q.Columns(); ++i) {
        int t = sqlite3_column_type(q.Raw(), i);
        auto c = static_cast<size_t>(i);
        if (!typed && !declared[c] && t == SQLITE_INTEGER) header.types[c] = Table::Type::kInt;
        if (!typed && !declared[c] && t == SQLITE_FLOAT) header.types[c] = Table::Type::kReal;
        row.push_back(q.OptText(i));
      }
      typed = true;
      fn(header, row);
    }
    return s;
  }

 private:
  Statement* Stmt(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return &it->second;
    auto st = db_.Prepare(sql);
    if (!st.ok()) return nullptr;
    return &cache_.emplace(sql, std::move(st).value()).first->second;
  }

  Result<int64_t> Remember(const std::string& key, int64_t id) {
    if (entity_ids_.size() > 200000) entity_ids_.clear();  // a cache, bounded
    entity_ids_.emplace(key, id);
    return id;
  }

  static Result<std::optional<int64_t>> OptionalInt(Statement* st) {
    Status s;
    std::optional<int64_t> out;
    if (st->Step(&s)) out = st->OptInt(0);
    st->Reset();
    if (!s.ok()) return s;
    return out;
  }

  // Declared first, so released last: after the connection has closed (and checkpointed).
  std::optional<WriterLock> lock_;  // held while the store is open for writing
  Database db_;
  std::unordered_map<std::string, Statement> cache_;
  SqliteQueries queries_{&db_};  // after db_: its statements are finalized first
  std::unordered_map<std::string, int64_t> entity_ids_;
  MentionSummaries summaries_;  // this batch's mention summaries, written at commit
  std::shared_ptr<BodyDictionaries> dictionaries_;  // shared with this connection's SQL functions
  BodyCodec codec_;
  bool dictionary_tried_ = false;
};

}  // namespace

Result<std::unique_ptr<Store>> Store::OpenSqlite(const std::string& path, Mode mode, bool wait_for_writer) {
  bool read_only = mode == Mode::kReadOnly;
  std::optional<WriterLock> lock;
  if (!read_only) {
    auto l = WriterLock::Acquire(path, wait_for_writer);
    if (!l.ok()) return l.status();
    lock.emplace(std::move(l).value());
  }
  auto db = Database::Open(path, !read_only, read_only);
  if (!db.ok()) return db.status();
  auto dictionaries = std::make_shared<BodyDictionaries>();
  if (Status f = RegisterStoreFunctions(&db.value(), dictionaries); !f.ok()) return f;
  auto store = std::make_unique<SqliteStore>(std::move(db).value(), std::move(lock), dictionaries);
  // WAL: readers never block the writer, and a killed writer leaves the last
  // committed batch intact. NORMAL sync is durable at each checkpoint and
  // consistent always (the WAL guarantees atomic commits).
  if (!read_only) {
    // The writer's statement journals (each trigger-firing insert in a batch keeps one) and
    // temporary b-trees stay in memory: on disk they were 800 small writes per article and a
    // quarter of the ingest's time. 64 MB of page cache keeps the summaries' hot pages.
    Status s = store->RawExec(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
        "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
    if (!s.ok()) return Status::Error(s.code(), path + ": " + s.message());
  }
  Status s = store->Migrate(read_only);
  // A reader of a damaged store still answers what the damage spares: a text that needs a
  // dictionary it could not load reads as corrupt, naming the dictionary.
  if (s.ok()) {
    Status d = store->LoadDictionaries();
    if (!read_only) s = d;
  }
  if (!s.ok()) return Status::Error(s.code(), path + ": " + s.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace warta
