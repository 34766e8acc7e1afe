// The read side of the SQLite store: every query the CLI and the server ask,
// as SQL over the tables of schema.cc. Summaries without a language or outlet
// filter read the aggregates that triggers keep (agg_*, outlets); filtered ones
// read the rows through the indexes on day, outlet and group. SqliteStore
// forwards its query methods here; this class never writes.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace warta {

class SqliteQueries {
 public:
  explicit SqliteQueries(sqlite::Database* db) : db_(db) {}

  Result<Table> Stats(const Filter& f);
  Result<Table> Outlets(const Filter& f, Page page);
  Result<Table> Groups(Grouping g, const Filter& f, Page page);
  Result<Table> Group(Grouping g, int64_t id);
  Result<Table> GroupDocuments(Grouping g, int64_t id, Page page);
  Result<Table> GroupTimeline(Grouping g, int64_t id, const std::string& by);
  Result<Table> GroupOutlets(Grouping g, int64_t id);
  Result<Table> GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents);
  Result<Table> GroupQuotes(Grouping g, int64_t id, Page page);
  Result<Table> GroupEvents(Grouping g, int64_t id, Page page);
  Result<Table> Actors(const std::optional<std::string>& q, const Filter& f, Page page);
  Result<Table> Actor(int64_t entity);
  Result<Table> ActorMentionsByMonth(int64_t entity, const Filter& f);
  Result<Table> Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                       const Filter& f, Page page);
  Result<Table> QuotesOf(int64_t entity, const Filter& f, Page page);
  Result<Table> Events(const EventFilter& f);
  Result<Table> EventsOf(int64_t entity, bool as_source, const Filter& f, Page page);
  Result<Table> Relations(const std::string& a, const std::optional<std::string>& b, const std::string& by,
                          const Filter& f);
  Result<Table> GraphNodes(const Filter& f);
  Result<Table> GraphEdges(const Filter& f, int64_t min_events);
  Result<Table> MapCountries(const std::optional<std::string>& actor, const Filter& f);
  Result<Table> Dyads(const Filter& f, int64_t limit);
  Result<Table> Document(int64_t id);
  Result<Table> DocumentMentions(int64_t id);
  Result<Table> DocumentQuotes(int64_t id);
  Result<Table> DocumentEvents(int64_t id);
  Result<Table> DocumentSpans(int64_t id);
  Result<Table> Search(const std::string& query, const Filter& f, Page page);

  // A bound parameter: an integer, a text or NULL.
  struct Value {
    std::optional<int64_t> i;
    std::string s;
    bool null = false;
  };
  static Value Arg(int64_t v) { return Value{v, {}}; }
  static Value Arg(std::string v) { return Value{std::nullopt, std::move(v)}; }
  static Value Arg(std::optional<int32_t> v) { return v ? Arg(static_cast<int64_t>(*v)) : Value{std::nullopt, {}, true}; }

  // Runs a query into a Table (parameters bound in order). A column's type is its declared
  // type where it has one (INTEGER, REAL), else the type of its values when all agree.
  Result<Table> Query(const std::string& sql, const std::vector<Value>& args);

 private:
  // The page of `select` (no ORDER BY) ordered by `order`, with Table::total counted (or read by
  // `total_sql`, a query of one number without parameters).
  Result<Table> List(const std::string& select, const std::string& order, std::vector<Value> args, Page page,
                     std::optional<std::string> total_sql = std::nullopt);
  Result<Table> Pairs(const Filter& f, const std::string& having, std::vector<Value> having_args,
                      const std::string& order_limit);

  sqlite::Database* db_;
  std::unordered_map<std::string, sqlite::Statement> cache_;
};

}  // namespace warta
