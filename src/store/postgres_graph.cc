// PostgresStore's queries of relations between actors: a pair's (or one
// actor's) relations per period, the graph, the map of states and the
// busiest dyads, as SqliteQueries answers them (sqlite_queries.cc; the
// shared rules: postgres_sql.h). Means are SQLite's: sums of doubles in the
// order SQLite adds them (by id; for SQLite's agg_pairs, per day and then
// across days), divided, and rounded by SQLite's ROUND(…, 2) in C++
// (RoundMean), since PostgreSQL's rounding of numeric differs where the
// double lies just below a half (0.32499999999999973 is 0.32 for SQLite).
#include <fmt/format.h>

#include "store/postgres_sql.h"
#include "store/postgres_store.h"
#include "store/postgres_table.h"

namespace warta {

using pg::Param;
using namespace pgsql;

namespace {

Result<Table> RoundMean(Result<Table> t) {
  if (t.ok()) RoundColumn(&t.value(), "mean_goldstein", 2);
  return t;
}

// Dyads of graph nodes (source, target, events, q1..q4, goldstein: the sum) of the filter's
// canonical documents. SQLite reads agg_pairs unless the filter names an outlet: sums per day
// and language (events in the order written), then over them in order (undated first); else the events.
std::string PairsSql(const Filter& f, Args* args) {
  std::string quads =
      "SUM((e.quad_class = 1)::integer) AS q1, SUM((e.quad_class = 2)::integer) AS q2, "
      "SUM((e.quad_class = 3)::integer) AS q3, SUM((e.quad_class = 4)::integer) AS q4";
  std::string where = DocConditions(f, "e.day", args);
  if (!f.outlet)
    return fmt::format(
        "SELECT source, target, SUM(events)::bigint AS events, SUM(q1)::bigint AS q1, SUM(q2)::bigint AS q2, "
        "SUM(q3)::bigint AS q3, SUM(q4)::bigint AS q4, SUM(goldstein ORDER BY day, lang COLLATE \"C\") AS goldstein "
        "FROM (SELECT {0} AS source, {1} AS target, COALESCE(e.day, -2147483648) AS day, d.lang AS lang, "
        "COUNT(*) AS events, {2}, SUM(e.goldstein ORDER BY e.id) AS goldstein FROM documents d "
        "JOIN events e ON e.document = d.id WHERE d.duplicate_of IS NULL{3} GROUP BY 1, 2, 3, 4) p GROUP BY 1, 2",
        Node("e.source_actor"), Node("e.target_actor"), quads, where);
  return fmt::format(
      "SELECT {} AS source, {} AS target, COUNT(*) AS events, {}, SUM(e.goldstein ORDER BY e.id) AS goldstein "
      "FROM documents d JOIN events e ON e.document = d.id WHERE d.duplicate_of IS NULL{} GROUP BY 1, 2",
      Node("e.source_actor"), Node("e.target_actor"), quads, where);
}

constexpr std::string_view kQuadColumns =
    "SUM(q1)::bigint AS verbal_cooperation, SUM(q2)::bigint AS material_cooperation, "
    "SUM(q3)::bigint AS verbal_conflict, SUM(q4)::bigint AS material_conflict, "
    "SUM(goldstein) / SUM(events)::double precision AS mean_goldstein";

}  // namespace

Result<Table> PostgresStore::Relations(const std::string& a, const std::optional<std::string>& b,
                                       const std::string& by, const Filter& f) {
  Args args;
  std::string pair;
  if (b) {
    std::string ab = StartsWithCode("e.source_actor", a, &args);
    ab += " AND " + StartsWithCode("e.target_actor", *b, &args);
    std::string ba = StartsWithCode("e.source_actor", *b, &args);
    ba += " AND " + StartsWithCode("e.target_actor", a, &args);
    pair = fmt::format("(({}) OR ({}))", ab, ba);
  } else {
    std::string as_source = StartsWithCode("e.source_actor", a, &args);
    pair = fmt::format("({} OR {})", as_source, StartsWithCode("e.target_actor", a, &args));
  }
  std::string where = DocConditions(f, "e.day", &args);
  // The events (canonical documents, dated), then per period the counts and the distinct
  // sites that reported them (the document and its copies).
  return RoundMean(Query(fmt::format(
      "WITH ev AS MATERIALIZED (SELECT e.id, e.document, e.quad_class, e.goldstein, {0} COLLATE \"C\" AS period "
      "FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL AND e.day IS NOT NULL "
      "AND {1}{2}), "
      "reports AS (SELECT period, COUNT(*) AS sources FROM ("
      "  SELECT ev.period, c.site FROM ev JOIN documents c ON c.id = ev.document "
      "  UNION SELECT ev.period, c.site FROM ev JOIN documents c ON c.duplicate_of = ev.document) u GROUP BY period) "
      "SELECT ev.period, COUNT(*) AS events, SUM((ev.quad_class = 1)::integer) AS verbal_cooperation, "
      "SUM((ev.quad_class = 2)::integer) AS material_cooperation, SUM((ev.quad_class = 3)::integer) AS verbal_conflict, "
      "SUM((ev.quad_class = 4)::integer) AS material_conflict, AVG(ev.goldstein ORDER BY ev.id) AS mean_goldstein, "
      "r.sources FROM ev JOIN reports r ON r.period = ev.period GROUP BY ev.period, r.sources ORDER BY ev.period",
      PeriodOf(by, "e.day"), pair, where),
      args.params()));
}

Result<Table> PostgresStore::GraphNodes(const Filter& f) {
  Args args;
  std::string where = DocConditions(f, "d.day", &args);
  return Query(fmt::format(
      "SELECT {} AS id, MIN(CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name END COLLATE \"C\") AS label, "
      "COUNT(*) AS mentions FROM documents d JOIN mentions m ON m.document = d.id "
      "JOIN entities en ON en.id = m.entity WHERE d.duplicate_of IS NULL AND en.actor IS NOT NULL{} "
      "GROUP BY 1 ORDER BY 3 DESC, 1",
      Node("en.actor"), where),
      args.params());
}

Result<Table> PostgresStore::GraphEdges(const Filter& f, int64_t min_events) {
  Args args;
  std::string pairs = PairsSql(f, &args);
  std::string min = args.Int(min_events);
  return RoundMean(Query(fmt::format("SELECT source, target, SUM(events)::bigint AS events, {} FROM ({}) p "
                                     "WHERE source <> target GROUP BY 1, 2 HAVING SUM(events) >= {} "
                                     "ORDER BY 3 DESC, 1, 2",
                                     kQuadColumns, pairs, min),
                         args.params()));
}

Result<Table> PostgresStore::MapCountries(const std::optional<std::string>& actor, const Filter& f) {
  Args args;
  std::string sides;
  if (actor) {
    std::string me = args.Text(*actor);
    sides = fmt::format("SELECT CASE WHEN source = {0} THEN target ELSE source END AS country, p.* FROM ({1}) p "
                        "WHERE source <> target AND (source = {0} OR target = {0})",
                        me, PairsSql(f, &args));
  } else {
    sides = fmt::format("WITH p AS ({}) SELECT source AS country, p.* FROM p WHERE source <> target "
                        "UNION ALL SELECT target, p.* FROM p WHERE source <> target",
                        PairsSql(f, &args));
  }
  return RoundMean(Query(fmt::format(
      "SELECT x.country, (SELECT en.name FROM entities en WHERE en.actor = x.country AND en.type = 'LOC' "
      "ORDER BY en.id LIMIT 1) AS label, SUM(events)::bigint AS events, {} FROM ({}) x "
      "WHERE length(x.country) = 3 AND NOT {} GROUP BY x.country ORDER BY 3 DESC, 1",
      kQuadColumns, sides, Like("x.country", "'IGO%'")),
      args.params()));
}

Result<Table> PostgresStore::Dyads(const Filter& f, int64_t limit) {
  Args args;
  std::string pairs = PairsSql(f, &args);
  std::string n = limit < 0 ? "NULL" : args.Int(limit);
  return RoundMean(Query(fmt::format(
      "SELECT source, target, SUM(events)::bigint AS events, SUM(q1 + q2)::bigint AS cooperation, "
      "SUM(q3 + q4)::bigint AS conflict, SUM(goldstein) / SUM(events)::double precision AS mean_goldstein "
      "FROM ({}) p WHERE source <> target GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT {}",
      pairs, n),
      args.params()));
}

}  // namespace warta
