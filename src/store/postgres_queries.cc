// PostgresStore's queries: SqliteStore's SQL (sqlite_store.cc) rewritten so
// that PostgreSQL answers the same rows in the same order with the same text:
//  - LIKE and COLLATE NOCASE fold ASCII letters only (SQLite's rule), by
//    translate(); a pattern's % and _ stay wildcards and nothing escapes
//    them (ESCAPE ''), as in SQLite, which has no escape character;
//  - NULL days sort first ascending and last descending (NULLS FIRST/LAST);
//  - text sorts and MIN() compare bytes (COLLATE "C"), as SQLite's BINARY;
//  - date(x * 86400, 'unixepoch') and strftime() become to_char() on
//    1970-01-01 + x (SQLite's %W week number by its formula);
//  - AVG sums doubles in SQLite's order and ROUND(…, 2) is SQLite's own
//    (Mean, RoundMean; reals printed by SQLite's rules: postgres_table.cc);
//  - ties SQLite leaves to its scan order (rows inserted first come first)
//    are broken by id.
#include <fmt/format.h>

#include <charconv>

#include "store/fts_query.h"
#include "store/postgres_schema.h"
#include "store/postgres_store.h"
#include "store/postgres_table.h"

namespace warta {
namespace {

using pg::Param;

const char* TableOf(Grouping g) { return g == Grouping::kStory ? "stories" : "topics"; }
const char* Column(Grouping g) { return g == Grouping::kStory ? "story" : "topic"; }

// SQLite's case folding for LIKE and NOCASE: ASCII letters only.
std::string Fold(std::string_view x) {
  return fmt::format("translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')", x);
}
std::string Like(std::string_view x, std::string_view pattern) {
  return fmt::format("{} LIKE {} ESCAPE ''", Fold(x), Fold(pattern));
}

// date(day * 86400, 'unixepoch'): 'YYYY-MM-DD', NULL for NULL.
std::string DateOf(std::string_view day) { return fmt::format("to_char(DATE '1970-01-01' + {}, 'YYYY-MM-DD')", day); }

// strftime(<period>, day * 86400, 'unixepoch') for a period of Relations.
std::string PeriodOf(const std::string& by, std::string_view day) {
  std::string d = fmt::format("(DATE '1970-01-01' + {})", day);
  if (by == "year") return fmt::format("to_char({}, 'YYYY')", d);
  if (by == "day") return fmt::format("to_char({}, 'YYYY-MM-DD')", d);
  // %W: the week of the year, weeks starting on Monday, days before the first Monday in week 00.
  if (by == "week")
    return fmt::format("to_char({0}, 'YYYY') || '-W' || lpad(((extract(doy FROM {0})::integer + 7 - "
                       "extract(isodow FROM {0})::integer) / 7)::text, 2, '0')",
                       d);
  return fmt::format("to_char({}, 'YYYY-MM')", d);
}

// SQLite's AVG of reals: a plain double sum, in the order the rows come
// (insertion order, as SQLite's plans read events); the query returns it
// unrounded and RoundMean applies SQLite's ROUND(…, 2) in C++, since
// PostgreSQL's rounding of numeric differs where the double mean lies just
// below a half (0.32499999999999973 is 0.32 for SQLite).
std::string Mean(std::string_view x, std::string_view id) { return fmt::format("AVG({} ORDER BY {})", x, id); }

Result<Table> RoundMean(Result<Table> t) {
  if (t.ok()) RoundColumn(&t.value(), "mean_goldstein", 2);
  return t;
}

// A state or IGO of an actor code: its first three letters, or the whole IGO code (compared as bytes).
std::string Node(std::string_view code) {
  return fmt::format("(CASE WHEN {1} THEN {0} ELSE substr({0}, 1, 3) END) COLLATE \"C\"", code,
                     Like(code, "'IGO%'"));
}

std::string GroupSelect(Grouping g) {
  return fmt::format(
      "SELECT s.id AS {0}, s.label, {2} AS first, {3} AS last, s.size AS documents, "
      "(SELECT COUNT(DISTINCT site) FROM documents d WHERE d.{0} = s.id) AS sources FROM {1} s",
      Column(g), TableOf(g), DateOf("s.first_day"), DateOf("s.last_day"));
}

constexpr std::string_view kActorSelect =
    "SELECT en.id AS entity, en.name, en.type, en.subtype AS role, en.actor, en.country, "
    "COUNT(DISTINCT m.document) AS documents, COUNT(*) AS mentions FROM entities en JOIN mentions m ON m.entity = en.id "
    "JOIN documents d ON d.id = m.document WHERE d.duplicate_of IS NULL";

constexpr std::string_view kQuoteSelect =
    "SELECT q.document, d.published, COALESCE(en.name, q.speaker) AS speaker, q.speaker_role AS role, "
    "q.kind, q.text FROM quotes q JOIN documents d ON d.id = q.document "
    "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.duplicate_of IS NULL";

std::string EventSelect() {
  return fmt::format(
      "SELECT e.document, {} AS date, e.source_actor, e.source_name, e.cameo, e.plover, e.quad_class, e.goldstein, "
      "e.negated, e.target_actor, e.target_name, e.via, "
      "(SELECT COUNT(*) FROM documents c WHERE c.id = e.document OR c.duplicate_of = e.document) AS reports, "
      "e.sentence, d.title, d.url FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL",
      DateOf("e.day"));
}

Param Day(std::optional<int32_t> v) { return v ? pg::Int(*v) : pg::Null(); }

}  // namespace

Result<Table> PostgresStore::Query(const std::string& sql, const std::vector<Param>& params) {
  auto r = db_.Run(sql, params);
  if (!r.ok()) return Status::Error(r.status().code(), "query: " + r.status().message());
  return ToTable(r.value());
}

Result<Table> PostgresStore::Stats() {
  return Query(
      "SELECT (SELECT COUNT(*) FROM documents) AS documents, "
      "(SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL) AS unique_documents, "
      "(SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL) AS duplicates, "
      "(SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM entities) AS entities, "
      "(SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.document WHERE d.duplicate_of IS NULL) AS quotes, "
      "(SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL) AS events, "
      "(SELECT COUNT(*) FROM topics) AS topics",
      {});
}

Result<Table> PostgresStore::Groups(Grouping g, Page page) {
  return Query(GroupSelect(g) + " ORDER BY s.size DESC, s.id LIMIT $1::bigint OFFSET $2::bigint",
               {pg::Int(page.limit), pg::Int(page.offset)});
}

Result<Table> PostgresStore::Group(Grouping g, int64_t id) {
  return Query(GroupSelect(g) + " WHERE s.id = $1::bigint", {pg::Int(id)});
}

Result<Table> PostgresStore::GroupDocuments(Grouping g, int64_t id, Page page) {
  return Query(fmt::format("SELECT id, title, published, site, url, duplicate_of FROM documents WHERE {} = $1::bigint "
                           "ORDER BY day NULLS FIRST, id LIMIT $2::bigint OFFSET $3::bigint",
                           Column(g)),
               {pg::Int(id), pg::Int(page.limit), pg::Int(page.offset)});
}

Result<Table> PostgresStore::Actors(const std::optional<std::string>& q, Page page) {
  std::string like = q ? "%" + *q + "%" : "%";
  return Query(fmt::format("{} AND ({} OR {} OR {}) GROUP BY en.id ORDER BY documents DESC, mentions DESC, en.id "
                           "LIMIT $2::bigint OFFSET $3::bigint",
                           kActorSelect, Like("en.name", "$1::text"), Like("en.actor", "$1::text"),
                           Like("en.kb", "$1::text")),
               {pg::Text(like), pg::Int(page.limit), pg::Int(page.offset)});
}

Result<Table> PostgresStore::Actor(int64_t entity) {
  return Query(fmt::format("{} AND en.id = $1::bigint GROUP BY en.id", kActorSelect), {pg::Int(entity)});
}

Result<Table> PostgresStore::ActorMentionsByMonth(int64_t entity) {
  return Query(fmt::format("SELECT COALESCE({}, 'undated') COLLATE \"C\" AS period, COUNT(DISTINCT m.document) AS "
                           "documents, COUNT(*) AS mentions FROM mentions m JOIN documents d ON d.id = m.document "
                           "WHERE m.entity = $1::bigint AND d.duplicate_of IS NULL GROUP BY 1 ORDER BY 1",
                           PeriodOf("month", "d.day")),
               {pg::Int(entity)});
}

Result<Table> PostgresStore::Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                                    Page page) {
  std::string who = speaker ? "%" + *speaker + "%" : "%", what = words ? "%" + *words + "%" : "%";
  return Query(fmt::format("{} AND ($1::text = '%' OR {} OR {} OR {}) AND {} ORDER BY d.day DESC NULLS LAST, "
                           "q.document DESC, q.start, q.id LIMIT $3::bigint OFFSET $4::bigint",
                           kQuoteSelect, Like("en.name", "$1::text"), Like("q.speaker", "$1::text"),
                           Like("en.actor", "$1::text"), Like("q.text", "$2::text")),
               {pg::Text(who), pg::Text(what), pg::Int(page.limit), pg::Int(page.offset)});
}

Result<Table> PostgresStore::QuotesOf(int64_t entity, Page page) {
  return Query(fmt::format("{} AND q.speaker_entity = $1::bigint ORDER BY d.day DESC NULLS LAST, q.document DESC, "
                           "q.start, q.id LIMIT $2::bigint OFFSET $3::bigint",
                           kQuoteSelect),
               {pg::Int(entity), pg::Int(page.limit), pg::Int(page.offset)});
}

Result<Table> PostgresStore::EventsOf(int64_t entity, bool as_source, Page page) {
  return Query(fmt::format("{} AND e.{} = $1::bigint ORDER BY e.day DESC NULLS LAST, e.document DESC, e.start, e.id "
                           "LIMIT $2::bigint OFFSET $3::bigint",
                           EventSelect(), as_source ? "source_entity" : "target_entity"),
               {pg::Int(entity), pg::Int(page.limit), pg::Int(page.offset)});
}

Result<Table> PostgresStore::Events(const EventFilter& f) {
  std::string where;
  std::vector<Param> args;
  auto next = [&] { return fmt::format("${}", args.size() + 1); };
  auto party = [&](const char* column, const char* name, const char* entity, const std::string& v) {
    bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      int64_t id = -1;  // too large for an id: no entity has it
      std::from_chars(v.data(), v.data() + v.size(), id);
      where += fmt::format(" AND e.{} = {}::bigint", entity, next());
      args.push_back(pg::Int(id));
      return;
    }
    std::string p = next() + "::text";
    args.push_back(pg::Text(v + "%"));
    std::string n = next() + "::text";
    args.push_back(pg::Text(v));
    where += fmt::format(" AND ({} OR {} = {})", Like(std::string("e.") + column, p), Fold(std::string("e.") + name),
                         Fold(n));
  };
  if (f.source) party("source_actor", "source_name", "source_entity", *f.source);
  if (f.target) party("target_actor", "target_name", "target_entity", *f.target);
  if (f.since) {
    where += fmt::format(" AND e.day >= {}::integer", next());
    args.push_back(pg::Int(*f.since));
  }
  if (f.until) {
    where += fmt::format(" AND e.day <= {}::integer", next());
    args.push_back(pg::Int(*f.until));
  }
  std::string limit = next();
  args.push_back(pg::Int(f.page.limit));
  std::string offset = next();
  args.push_back(pg::Int(f.page.offset));
  return Query(fmt::format("{}{} ORDER BY e.day NULLS FIRST, e.document, e.start, e.id LIMIT {}::bigint OFFSET "
                           "{}::bigint",
                           EventSelect(), where, limit, offset),
               args);
}

Result<Table> PostgresStore::Relations(const std::string& a, const std::string& b, const std::string& by,
                                       std::optional<int32_t> since, std::optional<int32_t> until) {
  std::string pair = fmt::format(
      "(({} AND {}) OR ({} AND {})) AND ($3::integer IS NULL OR e.day >= $3::integer) AND "
      "($4::integer IS NULL OR e.day <= $4::integer)",
      Like("e.source_actor", "$1::text"), Like("e.target_actor", "$2::text"), Like("e.source_actor", "$2::text"),
      Like("e.target_actor", "$1::text"));
  // The pair's canonical events with their period first: the sources of a
  // period are the sites of those events' documents and copies.
  return RoundMean(Query(fmt::format(
      "WITH ev AS (SELECT e.id, e.quad_class, e.goldstein, COALESCE({0}, 'undated') COLLATE \"C\" AS period "
      "FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL AND {1}) "
      "SELECT ev.period, COUNT(*) AS events, SUM((ev.quad_class = 1)::integer) AS verbal_cooperation, "
      "SUM((ev.quad_class = 2)::integer) AS material_cooperation, SUM((ev.quad_class = 3)::integer) AS verbal_conflict, "
      "SUM((ev.quad_class = 4)::integer) AS material_conflict, {2} AS mean_goldstein, "
      "(SELECT COUNT(DISTINCT c.site) FROM documents c JOIN events x ON (c.id = x.document OR c.duplicate_of = "
      "x.document) WHERE x.id IN (SELECT ev2.id FROM ev ev2 WHERE ev2.period = ev.period)) AS sources "
      "FROM ev GROUP BY ev.period ORDER BY ev.period",
      PeriodOf(by, "e.day"), pair, Mean("ev.goldstein", "ev.id")),
      {pg::Text(a + "%"), pg::Text(b + "%"), Day(since), Day(until)}));
}

Result<Table> PostgresStore::GraphNodes(std::optional<int32_t> since, std::optional<int32_t> until) {
  return Query(fmt::format(
      "SELECT {} AS id, MIN(CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name END COLLATE \"C\") AS label, "
      "COUNT(*) AS mentions FROM mentions m JOIN entities en ON en.id = m.entity "
      "JOIN documents d ON d.id = m.document WHERE d.duplicate_of IS NULL AND en.actor IS NOT NULL "
      "AND ($1::integer IS NULL OR d.day >= $1::integer) AND ($2::integer IS NULL OR d.day <= $2::integer) "
      "GROUP BY 1 ORDER BY 3 DESC, 1",
      Node("en.actor")), {Day(since), Day(until)});
}

Result<Table> PostgresStore::GraphEdges(std::optional<int32_t> since, std::optional<int32_t> until, int64_t min_events) {
  std::string source = Node("e.source_actor"), target = Node("e.target_actor");
  return RoundMean(Query(fmt::format(
      "SELECT {0} AS source, {1} AS target, COUNT(*) AS events, "
      "SUM((e.quad_class = 1)::integer) AS verbal_cooperation, SUM((e.quad_class = 2)::integer) AS material_cooperation, "
      "SUM((e.quad_class = 3)::integer) AS verbal_conflict, SUM((e.quad_class = 4)::integer) AS material_conflict, "
      "{2} AS mean_goldstein FROM events e JOIN documents d ON d.id = e.document "
      "WHERE d.duplicate_of IS NULL AND {0} <> {1} AND ($1::integer IS NULL OR e.day >= $1::integer) "
      "AND ($2::integer IS NULL OR e.day <= $2::integer) GROUP BY 1, 2 HAVING COUNT(*) >= $3::bigint "
      "ORDER BY 3 DESC, 1, 2",
      source, target, Mean("e.goldstein", "e.id")), {Day(since), Day(until), pg::Int(min_events)}));
}

Result<Table> PostgresStore::Dyads(int64_t limit) {
  std::string source = Node("e.source_actor"), target = Node("e.target_actor");
  return RoundMean(Query(fmt::format(
      "SELECT {0} AS source, {1} AS target, COUNT(*) AS events, SUM((e.quad_class <= 2)::integer) AS cooperation, "
      "SUM((e.quad_class >= 3)::integer) AS conflict, {2} AS mean_goldstein "
      "FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL AND {0} <> {1} "
      "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT $1::bigint",
      source, target, Mean("e.goldstein", "e.id")), {pg::Int(limit)}));
}

Result<Table> PostgresStore::Document(int64_t id) {
  return Query(
      "SELECT id, identity, input_id, source, site, url, title, published, lang, duplicate_of, similarity, story, "
      "topic, original, text FROM documents WHERE id = $1::bigint",
      {pg::Int(id)});
}

Result<Table> PostgresStore::DocumentMentions(int64_t id) {
  return Query(
      "SELECT en.id AS entity, en.name, en.type, en.actor, COUNT(*) AS mentions, MIN(m.start) AS first "
      "FROM mentions m JOIN entities en ON en.id = m.entity WHERE m.document = $1::bigint GROUP BY en.id "
      "ORDER BY first, en.id",
      {pg::Int(id)});
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
