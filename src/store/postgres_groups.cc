// PostgresStore's queries of stories and topics (groups): SqliteQueries'
// (sqlite_queries.cc) in PostgreSQL's SQL, with the same answers (the rules:
// postgres_sql.h and postgres_queries.cc). SQLite's group_concat of an
// ordered subquery is string_agg with that order; its bare columns beside
// MIN() (the row of the minimum, the first such row read) are DISTINCT ON.
#include <fmt/format.h>

#include "store/postgres_sql.h"
#include "store/postgres_store.h"
#include "store/postgres_table.h"

namespace warta {

using pg::Param;
using namespace pgsql;

namespace {

// A group's row: its label, dates, size, outlets (how many, the three largest by name) and,
// for topics, the three actors its ten earliest documents name most.
std::string GroupSelect(Grouping g) {
  std::string actors;
  if (g == Grouping::kTopic)
    actors =
        ", (SELECT string_agg(y.name, chr(31) ORDER BY y.documents DESC, y.mentions DESC, y.id) FROM ("
        "  SELECT en.id, en.name, COUNT(DISTINCT m.document) AS documents, COUNT(*) AS mentions FROM (SELECT id "
        "  FROM documents WHERE topic = s.id AND duplicate_of IS NULL ORDER BY id LIMIT 10) x "
        "  JOIN mentions m ON m.document = x.id JOIN entities en ON en.id = m.entity WHERE en.actor IS NOT NULL "
        "  GROUP BY en.id ORDER BY 3 DESC, 4 DESC, en.id LIMIT 3) y) AS actors";
  return fmt::format(
      "SELECT s.id AS {0}, s.label, {2} AS first, {3} AS last, s.size AS documents, "
      "(SELECT COUNT(DISTINCT d.outlet) FROM documents d WHERE d.{0} = s.id AND d.outlet <> '') AS sources, "
      "(SELECT string_agg(y.name, chr(31) ORDER BY y.documents DESC, y.outlet COLLATE \"C\") FROM ("
      "  SELECT d.outlet, {4} AS name, COUNT(*) AS documents FROM documents d "
      "  LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.{0} = s.id AND d.outlet <> '' GROUP BY d.outlet, o.name "
      "  ORDER BY 3 DESC, d.outlet COLLATE \"C\" LIMIT 3) y) AS outlets{5} FROM {1} s",
      Column(g), TableOf(g), DateOf("s.first_day"), DateOf("s.last_day"), kOutletName, actors);
}

Result<Table> MarkGroupLists(Result<Table> t) {
  if (t.ok())
    for (const char* c : {"outlets", "actors"}) SetType(&t.value(), c, Table::Type::kList);
  return t;
}

}  // namespace

Result<Table> PostgresStore::Groups(Grouping g, const Filter& f, Page page) {
  // Groups active in the period (their span meets it) with a document of the language and outlet.
  Args args;
  std::string where = " WHERE TRUE";
  if (f.since) where += " AND s.last_day >= " + args.Int(*f.since);
  if (f.until) where += " AND s.first_day <= " + args.Int(*f.until);
  if (!f.OnlyDays())
    where += fmt::format(" AND EXISTS (SELECT 1 FROM documents d WHERE d.{} = s.id{})", Column(g),
                         DocConditions(f, "d.day", &args));
  return MarkGroupLists(List(GroupSelect(g) + where, "s.size DESC, s.id", args.params(), page));
}

Result<Table> PostgresStore::Group(Grouping g, int64_t id) {
  return MarkGroupLists(Query(GroupSelect(g) + " WHERE s.id = $1::bigint", {pg::Int(id)}));
}

Result<Table> PostgresStore::GroupDocuments(Grouping g, int64_t id, Page page) {
  return List(fmt::format("SELECT d.id, d.title, d.published, d.outlet, {} AS name, d.url, d.duplicate_of "
                          "FROM documents d LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.{} = $1::bigint",
                          kOutletName, Column(g)),
              "d.day IS NULL, d.day, d.published COLLATE \"C\" NULLS FIRST, d.id", {pg::Int(id)}, page);
}

Result<Table> PostgresStore::GroupTimeline(Grouping g, int64_t id, const std::string& by) {
  return Query(fmt::format("SELECT {} COLLATE \"C\" AS period, COUNT(*) AS documents, "
                           "COUNT(DISTINCT NULLIF(d.outlet, '')) AS outlets FROM documents d WHERE d.{} = $1::bigint "
                           "AND d.day IS NOT NULL GROUP BY 1 ORDER BY 1",
                           PeriodOf(by, "d.day"), Column(g)),
               {pg::Int(id)});
}

Result<Table> PostgresStore::GroupOutlets(Grouping g, int64_t id) {
  // Each outlet's earliest report (undated last; the first stored among equals), with its documents.
  return Query(fmt::format(
      "SELECT x.outlet, x.name, x.country, x.documents, x.first, x.first_document FROM ("
      "SELECT DISTINCT ON (d.outlet) d.outlet, {0} AS name, o.country, "
      "COUNT(*) OVER (PARTITION BY d.outlet) AS documents, COALESCE(d.day, 2147483647) AS first_day, "
      "d.published AS first, d.id AS first_document FROM documents d LEFT JOIN outlets o ON o.outlet = d.outlet "
      "WHERE d.{1} = $1::bigint AND d.outlet <> '' ORDER BY d.outlet, COALESCE(d.day, 2147483647), d.id) x "
      "ORDER BY x.first_day, x.first COLLATE \"C\" NULLS FIRST, x.outlet COLLATE \"C\"",
      kOutletName, Column(g)),
      {pg::Int(id)});
}

Result<Table> PostgresStore::GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents) {
  return Query(fmt::format("SELECT en.id AS entity, en.name, en.actor, COUNT(DISTINCT m.document) AS documents, "
                           "COUNT(*) AS mentions FROM (SELECT id FROM documents WHERE {} = $1::bigint AND "
                           "duplicate_of IS NULL ORDER BY day NULLS FIRST, id LIMIT $2::bigint) x "
                           "JOIN mentions m ON m.document = x.id JOIN entities en ON en.id = m.entity "
                           "WHERE en.actor IS NOT NULL GROUP BY en.id ORDER BY documents DESC, mentions DESC, en.id "
                           "LIMIT $3::bigint",
                           Column(g)),
               {pg::Int(id), max_documents < 0 ? pg::Null() : pg::Int(max_documents),
                limit < 0 ? pg::Null() : pg::Int(limit)});
}

Result<Table> PostgresStore::GroupQuotes(Grouping g, int64_t id, Page page) {
  return List(fmt::format("SELECT {} FROM documents d JOIN quotes q ON q.document = d.id "
                          "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.{} = $1::bigint "
                          "AND d.duplicate_of IS NULL",
                          kQuoteColumns, Column(g)),
              "d.day NULLS FIRST, q.document, q.start, q.id", {pg::Int(id)}, page);
}

Result<Table> PostgresStore::GroupEvents(Grouping g, int64_t id, Page page) {
  return List(fmt::format("SELECT {} FROM documents d JOIN events e ON e.document = d.id "
                          "WHERE d.{} = $1::bigint AND d.duplicate_of IS NULL",
                          EventColumns(), Column(g)),
              "e.day NULLS FIRST, e.document, e.start, e.id", {pg::Int(id)}, page);
}

}  // namespace warta
