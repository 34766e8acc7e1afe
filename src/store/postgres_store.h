// The PostgreSQL backend of Store (internal to the store stage: callers use
// Store::OpenPostgres). Writes in postgres_store.cc; queries in
// postgres_queries.cc (stats, outlets, actors, quotes, events, documents),
// postgres_groups.cc (stories and topics), postgres_graph.cc (relations, the
// graph, the map, dyads) and postgres_export.cc (search, export), their
// shared SQL in postgres_sql.h. PostgreSQL has no summary tables (SQLite's
// agg_*): every query reads the base tables, filtered or not. Every query
// answers the same Table as SqliteStore for the same data: columns, types
// (postgres_table.h), values as text, row order and total (SQLite's NULL
// ordering, byte-wise text order, ASCII-only case folding of LIKE, its
// rounding and its printing of reals are reproduced in the SQL or in
// postgres_table.cc).
//
// Any number of processes may write: Begin() opens a transaction and takes a
// transaction-level advisory lock (kBatchLockKey), so the batches of all
// writers run one after another and each sees the ones committed before it.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/postgres.h"
#include "store/store.h"

namespace warta {

class PostgresStore final : public Store {
 public:
  PostgresStore(pg::Connection db, std::string uri) : db_(std::move(db)), uri_(std::move(uri)) {}
  ~PostgresStore() override;

  int SchemaVersion() override;
  Result<std::vector<std::string>> CheckIntegrity(bool quick) override;

  Status Begin() override;
  Status Commit() override;

  Result<bool> HasIdentity(const std::string& identity) override;
  Result<int64_t> AddDocument(const DocumentRow& d) override;
  Result<int64_t> EntityId(const EntityRow& e) override;
  Status AddMentions(int64_t document, int64_t entity, const std::vector<std::pair<int64_t, int64_t>>& spans) override;
  Status AddQuote(const QuoteRow& q) override;
  Status AddEvent(const EventRow& e) override;

  Result<std::optional<int64_t>> ExactCopyOf(const std::string& content_hash, int64_t except) override;
  Status AddDedupKeys(int64_t document, const std::string& bands) override;
  Result<std::string> CleanTextOf(int64_t document) override;
  Status ForEachBands(int64_t after, const std::function<void(int64_t, const std::string&)>& fn) override;
  Status LinkDuplicate(int64_t document, int64_t copy_of, double similarity) override;
  Result<std::optional<int64_t>> CanonicalOf(int64_t document) override;

  Result<std::optional<int64_t>> GroupOf(Grouping g, int64_t document) override;
  Status SetGroups(int64_t document, int64_t story, int64_t topic) override;
  Status SaveGroup(Grouping g, const StoryRow& s) override;
  Result<std::vector<StoryRow>> OpenGroups(Grouping g) override;

  Status AddLineCounts(const std::string& site, const std::vector<std::pair<uint64_t, int64_t>>& counts) override;
  Result<std::vector<uint64_t>> FrequentLines(const std::string& site, int64_t min_documents) override;

  Result<std::optional<std::string>> GetMeta(const std::string& key) override;
  Status SetMeta(const std::string& key, const std::string& value) override;

  Result<Table> Stats(const Filter& f) override;
  Result<Table> Outlets(const Filter& f, Page page) override;
  Result<Table> Groups(Grouping g, const Filter& f, Page page) override;
  Result<Table> Group(Grouping g, int64_t id) override;
  Result<Table> GroupDocuments(Grouping g, int64_t id, Page page) override;
  Result<Table> GroupTimeline(Grouping g, int64_t id, const std::string& by) override;
  Result<Table> GroupOutlets(Grouping g, int64_t id) override;
  Result<Table> GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents) override;
  Result<Table> GroupQuotes(Grouping g, int64_t id, Page page) override;
  Result<Table> GroupEvents(Grouping g, int64_t id, Page page) override;
  Result<Table> Actors(const std::optional<std::string>& q, const Filter& f, Page page) override;
  Result<Table> Actor(int64_t entity) override;
  Result<Table> ActorMentionsByMonth(int64_t entity, const Filter& f) override;
  Result<Table> Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                       const Filter& f, Page page) override;
  Result<Table> QuotesOf(int64_t entity, const Filter& f, Page page) override;
  Result<Table> Events(const EventFilter& f) override;
  Result<Table> EventsOf(int64_t entity, bool as_source, const Filter& f, Page page) override;
  Result<Table> Relations(const std::string& a, const std::optional<std::string>& b, const std::string& by,
                          const Filter& f) override;
  Result<Table> GraphNodes(const Filter& f) override;
  Result<Table> GraphEdges(const Filter& f, int64_t min_events) override;
  Result<Table> MapCountries(const std::optional<std::string>& actor, const Filter& f) override;
  Result<Table> Document(int64_t id) override;
  Result<Table> DocumentMentions(int64_t id) override;
  Result<Table> DocumentQuotes(int64_t id) override;
  Result<Table> DocumentEvents(int64_t id) override;
  Result<Table> DocumentSpans(int64_t id) override;
  Result<Table> Search(const std::string& query, const Filter& f, Page page) override;
  Status Export(const std::string& what,
                const std::function<void(const Table&, const std::vector<std::optional<std::string>>&)>& fn) override;
  Result<Table> Dyads(const Filter& f, int64_t limit) override;

  pg::Connection& connection() { return db_; }

 private:
  // A statement that returns nothing, or one optional integer of its first row.
  Status Do(const std::string& sql, const std::vector<pg::Param>& params);
  Result<std::optional<int64_t>> OptionalInt(const std::string& sql, const std::vector<pg::Param>& params);
  Result<Table> Query(const std::string& sql, const std::vector<pg::Param>& params);
  // The page of `select` (no ORDER BY) ordered by `order`, with Table::total counted (SQLite's List).
  Result<Table> List(const std::string& select, const std::string& order, std::vector<pg::Param> params, Page page);
  Result<int64_t> Remember(const std::string& key, int64_t id);
  Status AddToOutlet(const DocumentRow& d);

  pg::Connection db_;
  std::string uri_;  // redacted, for messages
  // Entity ids by key: those committed, and those inserted by the open
  // transaction (dropped if it rolls back, so no id of a row that never
  // existed is handed out again).
  std::unordered_map<std::string, int64_t> entity_ids_, pending_entity_ids_;
};

}  // namespace warta
