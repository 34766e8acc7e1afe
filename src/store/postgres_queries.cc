// PostgresStore's queries of stats, outlets, actors, quotes, events and
// documents: SqliteQueries' SQL (sqlite_queries.cc) rewritten so that
// PostgreSQL answers the same rows in the same order with the same text
// (the shared pieces and their rules: postgres_sql.h):
//  - NULL days sort first ascending and last descending (NULLS FIRST/LAST);
//  - SQLite's summary tables (agg_*) are read here from the base tables, with
//    the same counts; where SQLite's column is then a declared one and ours
//    an expression, the type is set as SQLite's (SetType);
//  - ties SQLite leaves to its scan order (rows inserted first come first)
//    are broken by id.
#include <fmt/format.h>

#include <charconv>

#include "store/like_pattern.h"
#include "store/postgres_sql.h"
#include "store/postgres_store.h"
#include "store/postgres_table.h"

namespace warta {

using pg::Param;
using namespace pgsql;

Result<Table> PostgresStore::Query(const std::string& sql, const std::vector<Param>& params) {
  auto r = db_.Run(sql, params);
  if (!r.ok()) return Status::Error(r.status().code(), "query: " + r.status().message());
  return ToTable(r.value());
}

Result<Table> PostgresStore::List(const std::string& select, const std::string& order, std::vector<Param> params,
                                  Page page) {
  auto count = db_.Run("SELECT COUNT(*) FROM (" + select + ") AS x", params);
  if (!count.ok()) return Status::Error(count.status().code(), "query: " + count.status().message());
  size_t n = params.size();
  // SQLite reads a negative limit as no limit and a negative offset as none.
  params.push_back(page.limit < 0 ? pg::Null() : pg::Int(page.limit));
  params.push_back(pg::Int(page.offset < 0 ? 0 : page.offset));
  auto t = Query(fmt::format("{} ORDER BY {} LIMIT ${}::bigint OFFSET ${}::bigint", select, order, n + 1, n + 2),
                 params);
  if (t.ok()) t.value().total = count.value().Int(0, 0);
  return t;
}

Result<Table> PostgresStore::Stats(const Filter& f) {
  if (Unfiltered(f))
    return Query(fmt::format(
        "SELECT (SELECT COUNT(*) FROM documents) AS documents, "
        "(SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL) AS unique_documents, "
        "(SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL) AS duplicates, "
        "(SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM entities) AS entities, "
        "(SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.document WHERE d.duplicate_of IS NULL) AS quotes, "
        "(SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL) AS events, "
        "(SELECT COUNT(*) FROM topics) AS topics, (SELECT COUNT(*) FROM outlets) AS outlets, "
        "(SELECT {} FROM documents WHERE day IS NOT NULL) AS first, "
        "(SELECT {} FROM documents WHERE day IS NOT NULL) AS last",
        DateOf("MIN(day)"), DateOf("MAX(day)")),
        {});
  Args args;
  std::string where = DocConditions(f, "d.day", &args);
  return Query(fmt::format(
      "WITH docs AS MATERIALIZED (SELECT d.id, d.duplicate_of, d.story, d.topic, d.outlet, d.day FROM documents d "
      "WHERE TRUE{}) "
      "SELECT COUNT(*) AS documents, COALESCE(SUM((duplicate_of IS NULL)::integer), 0) AS unique_documents, "
      "COALESCE(SUM((duplicate_of IS NOT NULL)::integer), 0) AS duplicates, COUNT(DISTINCT story) AS stories, "
      "(SELECT COUNT(DISTINCT m.entity) FROM docs JOIN mentions m ON m.document = docs.id "
      " WHERE docs.duplicate_of IS NULL) AS entities, "
      "(SELECT COUNT(*) FROM docs JOIN quotes q ON q.document = docs.id WHERE docs.duplicate_of IS NULL) AS quotes, "
      "(SELECT COUNT(*) FROM docs JOIN events e ON e.document = docs.id WHERE docs.duplicate_of IS NULL) AS events, "
      "COUNT(DISTINCT topic) AS topics, COUNT(DISTINCT NULLIF(outlet, '')) AS outlets, {} AS first, {} AS last "
      "FROM docs",
      where, DateOf("MIN(day)"), DateOf("MAX(day)")),
      args.params());
}

Result<Table> PostgresStore::Outlets(const Filter& f, Page page) {
  if (Unfiltered(f))
    return List(fmt::format("SELECT outlet, name, country, documents, {} AS first, {} AS last FROM outlets",
                            DateOf("first_day"), DateOf("last_day")),
                "documents DESC, outlet COLLATE \"C\"", {}, page);
  Args args;
  std::string where = DocConditions(f, "d.day", &args);
  return List(fmt::format("SELECT d.outlet, {} AS name, o.country, COUNT(*) AS documents, {} AS first, {} AS last "
                          "FROM documents d LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.outlet <> ''{} "
                          "GROUP BY d.outlet, o.name, o.country",
                          kOutletName, DateOf("MIN(d.day)"), DateOf("MAX(d.day)"), where),
              "documents DESC, d.outlet COLLATE \"C\"", args.params(), page);
}

namespace {

// Each entity's canonical documents and mentions among the filter's documents (SQLite: agg_entities).
std::string EntityCounts(const Filter& f, const std::string& also, Args* args) {
  return "(SELECT m.entity, COUNT(DISTINCT m.document) AS documents, COUNT(*) AS mentions FROM documents d "
         "JOIN mentions m ON m.document = d.id WHERE d.duplicate_of IS NULL" +
         DocConditions(f, "d.day", args) + also + " GROUP BY m.entity) a";
}

constexpr std::string_view kActorColumns =
    "SELECT en.id AS entity, en.name, en.type, en.subtype AS role, en.actor, en.country, a.documents, a.mentions";

// SQLite reads the unfiltered counts from agg_entities, whose columns are integers.
Result<Table> AggregateCounts(Result<Table> t) {
  if (t.ok())
    for (const char* c : {"documents", "mentions"}) SetType(&t.value(), c, Table::Type::kInt);
  return t;
}

}  // namespace

Result<Table> PostgresStore::Actors(const std::optional<std::string>& q, const Filter& f, Page page) {
  Args args;
  std::string counts = EntityCounts(f, "", &args);
  std::string where = " WHERE a.mentions > 0";
  if (q) {
    std::string p = args.Text(LikeContains(*q));
    where += fmt::format(" AND ({} OR {} OR {})", Like("en.name", p), Like("en.actor", p), Like("en.kb", p));
  }
  auto t = List(fmt::format("{} FROM {} JOIN entities en ON en.id = a.entity{}", kActorColumns, counts, where),
                "a.documents DESC, a.mentions DESC, a.entity", args.params(), page);
  return Unfiltered(f) ? AggregateCounts(std::move(t)) : t;
}

Result<Table> PostgresStore::Actor(int64_t entity) {
  Args args;
  std::string also = " AND m.entity = " + args.Int(entity);
  return AggregateCounts(Query(fmt::format("{} FROM {} JOIN entities en ON en.id = a.entity WHERE a.mentions > 0",
                                           kActorColumns, EntityCounts(Filter{}, also, &args)),
                               args.params()));
}

Result<Table> PostgresStore::ActorMentionsByMonth(int64_t entity, const Filter& f) {
  Args args;
  std::string id = args.Int(entity);
  return Query(fmt::format("SELECT {} COLLATE \"C\" AS period, COUNT(DISTINCT d.id) AS documents, COUNT(*) AS "
                           "mentions FROM mentions m JOIN documents d ON d.id = m.document WHERE m.entity = {} "
                           "AND d.duplicate_of IS NULL AND d.day IS NOT NULL{} GROUP BY 1 ORDER BY 1",
                           PeriodOf("month", "d.day"), id, DocConditions(f, "d.day", &args)),
               args.params());
}

// Quotes carry no day of their own here (SQLite's quotes.day is its document's): d.day stands for it.
namespace {
constexpr std::string_view kQuotesNewestFirst = "d.day DESC NULLS LAST, q.document DESC, q.start, q.id";
}

Result<Table> PostgresStore::Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                                    const Filter& f, Page page) {
  Args args;
  std::string where;
  if (speaker) {
    std::string p = args.Text(LikeContains(*speaker));
    where += fmt::format(" AND ({} OR {} OR {})", Like("en.name", p), Like("q.speaker", p), Like("en.actor", p));
  }
  if (words) where += " AND " + Like("q.text", args.Text(LikeContains(*words)));
  where += DocConditions(f, "d.day", &args);
  return List(fmt::format("SELECT {} FROM quotes q JOIN documents d ON d.id = q.document "
                          "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.duplicate_of IS NULL{}",
                          kQuoteColumns, where),
              std::string(kQuotesNewestFirst), args.params(), page);
}

Result<Table> PostgresStore::QuotesOf(int64_t entity, const Filter& f, Page page) {
  Args args;
  std::string id = args.Int(entity);
  std::string where = DocConditions(f, "d.day", &args);
  return List(fmt::format("SELECT {} FROM quotes q JOIN documents d ON d.id = q.document "
                          "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE q.speaker_entity = {} "
                          "AND d.duplicate_of IS NULL{}",
                          kQuoteColumns, id, where),
              std::string(kQuotesNewestFirst), args.params(), page);
}

Result<Table> PostgresStore::Events(const EventFilter& f) {
  Args args;
  std::string where;
  auto party = [&](const char* column, const char* name, const char* entity, const std::string& v) {
    bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      int64_t id = -1;  // too large for an id: no entity has it
      std::from_chars(v.data(), v.data() + v.size(), id);
      where += fmt::format(" AND e.{} = {}", entity, args.Int(id));
      return;
    }
    std::string p = args.Text(LikeContains(v).substr(1)), n = args.Text(v);
    where += fmt::format(" AND ({} OR {} = {})", Like(std::string("e.") + column, p), Fold(std::string("e.") + name),
                         Fold(n));
  };
  if (f.source) party("source_actor", "source_name", "source_entity", *f.source);
  if (f.target) party("target_actor", "target_name", "target_entity", *f.target);
  where += DocConditions(f.docs, "e.day", &args);
  return List(fmt::format("SELECT {} FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL{}",
                          EventColumns(), where),
              "e.day NULLS FIRST, e.document, e.start, e.id", args.params(), f.page);
}

Result<Table> PostgresStore::EventsOf(int64_t entity, bool as_source, const Filter& f, Page page) {
  Args args;
  std::string id = args.Int(entity);
  std::string where = DocConditions(f, "e.day", &args);
  return List(fmt::format("SELECT {} FROM events e JOIN documents d ON d.id = e.document WHERE e.{} = {} "
                          "AND d.duplicate_of IS NULL{}",
                          EventColumns(), as_source ? "source_entity" : "target_entity", id, where),
              "e.day DESC NULLS LAST, e.document DESC, e.start, e.id", args.params(), page);
}

Result<Table> PostgresStore::Document(int64_t id) {
  return Query(
      "SELECT d.id, d.identity, d.input_id, d.source, d.site, d.outlet, o.name AS outlet_name, o.country AS "
      "outlet_country, d.url, d.title, d.published, d.lang, d.duplicate_of, d.similarity, d.story, d.topic, "
      "d.original, d.text FROM documents d LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.id = $1::bigint",
      {pg::Int(id)});
}

Result<Table> PostgresStore::DocumentMentions(int64_t id) {
  Result<Table> t = Query(
      "SELECT en.id AS entity, en.name, en.type, en.actor, COUNT(*) AS mentions, MIN(m.start) AS first "
      "FROM mentions m JOIN entities en ON en.id = m.entity WHERE m.document = $1::bigint GROUP BY en.id "
      "ORDER BY first, en.id",
      {pg::Int(id)});
  // SQLite's columns are integers by declaration (mention_sets), so are these.
  if (t.ok())
    for (const char* c : {"mentions", "first"}) SetType(&t.value(), c, Table::Type::kInt);
  return t;
}

Result<Table> PostgresStore::DocumentQuotes(int64_t id) {
  return Query(
      "SELECT COALESCE(en.name, q.speaker) AS speaker, q.kind, q.start, q.\"end\", q.text FROM quotes q "
      "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE q.document = $1::bigint ORDER BY q.start, q.id",
      {pg::Int(id)});
}

Result<Table> PostgresStore::DocumentEvents(int64_t id) {
  return Query(
      "SELECT source_actor, source_name, cameo, quad_class, target_actor, target_name, negated, via, start, \"end\" "
      "FROM events WHERE document = $1::bigint ORDER BY start, id",
      {pg::Int(id)});
}

Result<Table> PostgresStore::DocumentSpans(int64_t id) {
  return Query(
      "SELECT m.start, m.\"end\", en.id AS entity, en.name, en.actor FROM mentions m JOIN entities en ON "
      "en.id = m.entity WHERE m.document = $1::bigint ORDER BY m.start, m.\"end\", en.id",
      {pg::Int(id)});
}

}  // namespace warta
