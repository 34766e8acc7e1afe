#include "store/sqlite_queries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <tuple>

#include "store/like_pattern.h"
#include "store/span_pack.h"

namespace warta {

namespace {

using Value = SqliteQueries::Value;
using sqlite::Statement;

Status Err(const std::string& message) { return Status::Error(Status::Code::kIoError, message); }

Value Int(int64_t v) { return SqliteQueries::Arg(v); }
Value Text(std::string v) { return SqliteQueries::Arg(std::move(v)); }

constexpr std::string_view kUndated = "-2147483648";  // an aggregate's day for undated documents (schema.cc)

// " AND …": the filter on documents `d`, with `day` the day column of the rows read.
std::string DocConditions(const Filter& f, std::string_view day, std::vector<Value>* args) {
  std::string w;
  if (f.since) {
    w += fmt::format(" AND {} >= ?", day);
    args->push_back(Int(*f.since));
  }
  if (f.until) {
    w += fmt::format(" AND {} <= ?", day);
    args->push_back(Int(*f.until));
  }
  if (f.lang) {
    w += " AND d.lang = ?";
    args->push_back(Text(*f.lang));
  }
  if (f.outlet) {
    w += " AND d.outlet = ?";
    args->push_back(Text(*f.outlet));
  }
  return w;
}

// Whether the summaries (agg_*, by day and language) answer for the filter: all but an outlet.
bool Summarised(const Filter& f) { return !f.outlet; }

// " AND …": the filter's days on an aggregate's `day` (undated rows count for no range) and
// its language on the aggregate's `lang`.
std::string AggDays(const Filter& f, std::vector<Value>* args) {
  std::string w;
  if (f.lang) {
    w += " AND lang = ?";
    args->push_back(Text(*f.lang));
  }
  if (f.since) {
    w += " AND day >= ?";
    args->push_back(Int(*f.since));
  }
  if (f.until) {
    w += fmt::format(" AND day <= ? AND day <> {}", kUndated);
    args->push_back(Int(*f.until));
  }
  return w;
}

bool Unfiltered(const Filter& f) { return f.OnlyDays() && !f.since && !f.until; }

// The graph's node of an actor code column: the whole IGO code, else its first three letters.
std::string Node(std::string_view column) {
  return fmt::format("CASE WHEN {0} LIKE 'IGO%' THEN {0} ELSE substr({0}, 1, 3) END", column);
}

std::string Date(std::string_view day) { return fmt::format("date({} * 86400, 'unixepoch')", day); }

// strftime's format of a period: "day", "week" (Monday weeks, %W), "month", "year".
std::string PeriodFormat(const std::string& by) {
  return by == "year" ? "'%Y'" : by == "day" ? "'%Y-%m-%d'" : by == "week" ? "'%Y-W%W'" : "'%Y-%m'";
}

const char* TableOf(Grouping g) { return g == Grouping::kStory ? "stories" : "topics"; }
const char* Column(Grouping g) { return g == Grouping::kStory ? "story" : "topic"; }

// An outlet's name for documents `d`, with outlets `o` joined.
constexpr std::string_view kOutletName = "COALESCE(o.name, NULLIF(d.outlet, ''))";

constexpr std::string_view kQuoteColumns =
    "q.document, d.published, COALESCE(en.name, q.speaker) AS speaker, q.speaker_role AS role, q.kind, "
    "warta_slice(d.body, q.start, q.end) AS text";

constexpr std::string_view kEventColumns =
    "e.document, date(e.day * 86400, 'unixepoch') AS date, e.source_actor, e.source_name, e.cameo, "
    "e.plover, e.quad_class, e.goldstein, e.negated, e.target_actor, e.target_name, e.via, "
    "(SELECT COUNT(*) FROM documents c WHERE c.id = e.document OR c.duplicate_of = e.document) AS reports, "
    "warta_slice(d.body, e.start, e.end) AS sentence, d.title, d.url";

// Where a list's columns end and its rows' source begins (List counts from there on):
// columns may hold subqueries with FROM of their own.
constexpr std::string_view kFrom = " FROM\t";

void MarkList(Table* t, std::string_view column) {
  for (size_t i = 0; i < t->columns.size(); ++i)
    if (t->columns[i] == column) t->types[i] = Table::Type::kList;
}

}  // namespace

Result<Table> SqliteQueries::List(const std::string& select, const std::string& order, std::vector<Value> args,
                                  Page page, std::optional<std::string> total_sql) {
  // select is "SELECT <columns> FROM <rest>", split at kFrom: the count reads <rest> only.
  size_t from = select.find(kFrom);
  if (from == std::string::npos) return Err("query: a list without \" FROM\\t\"");
  std::string rest = select.substr(from + kFrom.size());
  auto count = total_sql ? Query(*total_sql, {}) : Query(fmt::format("SELECT COUNT(*) FROM (SELECT 1 FROM {})", rest), args);
  if (!count.ok()) return count.status();
  args.push_back(Int(page.limit));
  args.push_back(Int(page.offset));
  auto t = Query(fmt::format("{} ORDER BY {} LIMIT ? OFFSET ?", select, order), args);
  if (!t.ok()) return t;
  const auto& cell = count.value().rows.at(0).at(0);
  t.value().total = cell ? std::strtoll(cell->c_str(), nullptr, 10) : 0;
  return t;
}

Result<Table> SqliteQueries::Stats(const Filter& f) {
  if (Unfiltered(f)) {
    auto total = [](std::string_view name) {
      return fmt::format("COALESCE((SELECT n FROM agg_totals WHERE name = '{0}'), 0) AS {0}", name);
    };
    return Query(fmt::format("SELECT {}, {}, {}, {}, {}, {}, {}, {}, (SELECT COUNT(*) FROM outlets) AS outlets, "
                             "(SELECT {} FROM documents WHERE day IS NOT NULL) AS first, "
                             "(SELECT {} FROM documents WHERE day IS NOT NULL) AS last",
                             total("documents"), total("unique_documents"), total("duplicates"), total("stories"),
                             total("entities"), total("quotes"), total("events"), total("topics"), Date("MIN(day)"),
                             Date("MAX(day)")),
                 {});
  }
  std::vector<Value> args;
  std::string where = DocConditions(f, "d.day", &args);
  return Query(fmt::format(
      "WITH docs AS MATERIALIZED (SELECT d.id, d.duplicate_of, d.story, d.topic, d.outlet, d.day FROM documents d "
      "WHERE 1{}) "
      "SELECT COUNT(*) AS documents, COALESCE(SUM(duplicate_of IS NULL), 0) AS unique_documents, "
      "COALESCE(SUM(duplicate_of IS NOT NULL), 0) AS duplicates, COUNT(DISTINCT story) AS stories, "
      "(SELECT COUNT(DISTINCT m.entity) FROM docs CROSS JOIN mention_sets m ON m.document = docs.id "
      " WHERE docs.duplicate_of IS NULL) AS entities, "
      "(SELECT COUNT(*) FROM docs CROSS JOIN quotes q ON q.document = docs.id WHERE docs.duplicate_of IS NULL) AS quotes, "
      "(SELECT COUNT(*) FROM docs CROSS JOIN events e ON e.document = docs.id WHERE docs.duplicate_of IS NULL) AS events, "
      "COUNT(DISTINCT topic) AS topics, COUNT(DISTINCT NULLIF(outlet, '')) AS outlets, {} AS first, {} AS last FROM docs",
      where, Date("MIN(day)"), Date("MAX(day)")),
      args);
}

Result<Table> SqliteQueries::Outlets(const Filter& f, Page page) {
  if (Unfiltered(f))
    return List(fmt::format("SELECT outlet, name, country, documents, {} AS first, {} AS last FROM\toutlets",
                            Date("first_day"), Date("last_day")),
                "documents DESC, outlet", {}, page);
  std::vector<Value> args;
  std::string where = DocConditions(f, "d.day", &args);
  return List(fmt::format("SELECT d.outlet, {} AS name, o.country, COUNT(*) AS documents, {} AS first, {} AS last "
                          "FROM\tdocuments d LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.outlet <> ''{} "
                          "GROUP BY d.outlet",
                          kOutletName, Date("MIN(d.day)"), Date("MAX(d.day)"), where),
              "documents DESC, d.outlet", args, page);
}

namespace {

// A group's row: its label, dates, size, outlets (how many, the three largest by name) and,
// for topics, the three actors its ten earliest documents name most.
std::string GroupSelect(Grouping g) {
  std::string actors;
  if (g == Grouping::kTopic)
    actors =
        ", (SELECT group_concat(name, char(31)) FROM (SELECT en.name FROM (SELECT id FROM documents "
        "  WHERE topic = s.id AND duplicate_of IS NULL ORDER BY id LIMIT 10) x CROSS JOIN mention_sets m ON m.document = x.id "
        "  JOIN entities en ON en.id = m.entity WHERE en.actor IS NOT NULL GROUP BY en.id "
        "  ORDER BY COUNT(*) DESC, SUM(m.mentions) DESC, en.id LIMIT 3)) AS actors";
  return fmt::format(
      "SELECT s.id AS {0}, s.label, {2} AS first, {3} AS last, s.size AS documents, "
      "(SELECT COUNT(DISTINCT d.outlet) FROM documents d WHERE d.{0} = s.id AND d.outlet <> '') AS sources, "
      "(SELECT group_concat(name, char(31)) FROM (SELECT {4} AS name FROM documents d "
      "  LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.{0} = s.id AND d.outlet <> '' GROUP BY d.outlet "
      "  ORDER BY COUNT(*) DESC, d.outlet LIMIT 3)) AS outlets{5} FROM\t{1} s",
      Column(g), TableOf(g), Date("s.first_day"), Date("s.last_day"), kOutletName, actors);
}

void MarkGroupLists(Table* t) {
  MarkList(t, "outlets");
  MarkList(t, "actors");
}

}  // namespace

Result<Table> SqliteQueries::Groups(Grouping g, const Filter& f, Page page) {
  // Groups active in the period (their span meets it) with a document of the language and outlet.
  std::vector<Value> args;
  std::string where = " WHERE 1";
  if (f.since) {
    where += " AND s.last_day >= ?";
    args.push_back(Int(*f.since));
  }
  if (f.until) {
    where += " AND s.first_day <= ?";
    args.push_back(Int(*f.until));
  }
  if (!f.OnlyDays()) {
    where += fmt::format(" AND EXISTS (SELECT 1 FROM documents d WHERE d.{} = s.id", Column(g));
    where += DocConditions(f, "d.day", &args) + ")";
  }
  auto t = List(GroupSelect(g) + where, "s.size DESC, s.id", args, page);
  if (t.ok()) MarkGroupLists(&t.value());
  return t;
}

Result<Table> SqliteQueries::Group(Grouping g, int64_t id) {
  auto t = Query(GroupSelect(g) + " WHERE s.id = ?", {Int(id)});
  if (t.ok()) MarkGroupLists(&t.value());
  return t;
}

Result<Table> SqliteQueries::GroupDocuments(Grouping g, int64_t id, Page page) {
  return List(fmt::format("SELECT d.id, d.title, d.published, d.outlet, {} AS name, d.url, d.duplicate_of "
                          "FROM\tdocuments d LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.{} = ?",
                          kOutletName, Column(g)),
              "d.day IS NULL, d.day, d.published, d.id", {Int(id)}, page);
}

Result<Table> SqliteQueries::GroupTimeline(Grouping g, int64_t id, const std::string& by) {
  return Query(fmt::format("SELECT strftime({}, d.day * 86400, 'unixepoch') AS period, COUNT(*) AS documents, "
                           "COUNT(DISTINCT NULLIF(d.outlet, '')) AS outlets FROM documents d WHERE d.{} = ? "
                           "AND d.day IS NOT NULL GROUP BY period ORDER BY period",
                           PeriodFormat(by), Column(g)),
               {Int(id)});
}

Result<Table> SqliteQueries::GroupOutlets(Grouping g, int64_t id) {
  // Each outlet's earliest report: the earliest day (undated last), the first stored among equals.
  return Query(fmt::format("SELECT outlet, name, country, documents, first, first_document FROM ("
                           "SELECT d.outlet, {} AS name, o.country, COUNT(*) OVER (PARTITION BY d.outlet) AS documents, "
                           "d.published AS first, d.id AS first_document, COALESCE(d.day, 2147483647) AS first_day, "
                           "ROW_NUMBER() OVER (PARTITION BY d.outlet ORDER BY COALESCE(d.day, 2147483647), d.id) AS n "
                           "FROM documents d LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.{} = ? AND d.outlet <> '') "
                           "WHERE n = 1 ORDER BY first_day, first, outlet",
                           kOutletName, Column(g)),
               {Int(id)});
}

Result<Table> SqliteQueries::GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents) {
  return Query(fmt::format("SELECT en.id AS entity, en.name, en.actor, COUNT(*) AS documents, "
                           "SUM(m.mentions) AS mentions FROM (SELECT id FROM documents WHERE {} = ? AND duplicate_of IS NULL "
                           "ORDER BY day, id LIMIT ?) x CROSS JOIN mention_sets m ON m.document = x.id "
                           "JOIN entities en ON en.id = m.entity WHERE en.actor IS NOT NULL GROUP BY en.id "
                           "ORDER BY documents DESC, mentions DESC, en.id LIMIT ?",
                           Column(g)),
               {Int(id), Int(max_documents), Int(limit)});
}

Result<Table> SqliteQueries::GroupQuotes(Grouping g, int64_t id, Page page) {
  return List(fmt::format("SELECT {} FROM\tdocuments d CROSS JOIN quotes q ON q.document = d.id "
                          "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.{} = ? AND d.duplicate_of IS NULL",
                          kQuoteColumns, Column(g)),
              "q.day, q.document, q.start", {Int(id)}, page);
}

Result<Table> SqliteQueries::GroupEvents(Grouping g, int64_t id, Page page) {
  return List(fmt::format("SELECT {} FROM\tdocuments d CROSS JOIN events e ON e.document = d.id "
                          "WHERE d.{} = ? AND d.duplicate_of IS NULL",
                          kEventColumns, Column(g)),
              "e.day, e.document, e.start, e.id", {Int(id)}, page);
}

Result<Table> SqliteQueries::Actors(const std::optional<std::string>& q, const Filter& f, Page page) {
  std::vector<Value> args;
  std::string counts;
  if (Unfiltered(f)) {
    counts = "agg_entities a";
  } else if (Summarised(f)) {
    counts = "(SELECT entity, SUM(documents) AS documents, SUM(mentions) AS mentions FROM agg_entity_days WHERE 1" +
             AggDays(f, &args) + " GROUP BY entity) a";
  } else {
    counts = "(SELECT m.entity, COUNT(*) AS documents, SUM(m.mentions) AS mentions FROM documents d "
             "CROSS JOIN mention_sets m ON m.document = d.id WHERE d.duplicate_of IS NULL" +
             DocConditions(f, "d.day", &args) + " GROUP BY m.entity) a";
  }
  std::string where = " WHERE a.mentions > 0";
  if (q) {
    where += " AND (en.name LIKE ? ESCAPE '\\' OR en.actor LIKE ? ESCAPE '\\' OR en.kb LIKE ? ESCAPE '\\')";
    for (int i = 0; i < 3; ++i) args.push_back(Text(LikeContains(*q)));
  }
  return List(fmt::format("SELECT en.id AS entity, en.name, en.type, en.subtype AS role, en.actor, en.country, "
                          "a.documents, a.mentions FROM\t{} JOIN entities en ON en.id = a.entity{}",
                          counts, where),
              "a.documents DESC, a.mentions DESC, a.entity", args, page);
}

Result<Table> SqliteQueries::Actor(int64_t entity) {
  return Query("SELECT en.id AS entity, en.name, en.type, en.subtype AS role, en.actor, en.country, a.documents, "
               "a.mentions FROM agg_entities a JOIN entities en ON en.id = a.entity WHERE a.mentions > 0 AND a.entity = ?",
               {Int(entity)});
}

Result<Table> SqliteQueries::ActorMentionsByMonth(int64_t entity, const Filter& f) {
  std::vector<Value> args{Int(entity)};
  if (Summarised(f))
    return Query(fmt::format("SELECT strftime('%Y-%m', day * 86400, 'unixepoch') AS period, SUM(documents) AS documents, "
                             "SUM(mentions) AS mentions FROM agg_entity_days WHERE entity = ? AND mentions > 0 "
                             "AND day <> {}{} GROUP BY period ORDER BY period",
                             kUndated, AggDays(f, &args)),
                 args);
  return Query("SELECT strftime('%Y-%m', d.day * 86400, 'unixepoch') AS period, COUNT(*) AS documents, "
               "SUM(m.mentions) AS mentions FROM mention_sets m JOIN documents d ON d.id = m.document WHERE m.entity = ? "
               "AND d.duplicate_of IS NULL AND d.day IS NOT NULL" +
                   DocConditions(f, "d.day", &args) + " GROUP BY period ORDER BY period",
               args);
}

Result<Table> SqliteQueries::Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                                    const Filter& f, Page page) {
  // Quotes first (CROSS JOIN fixes the loop order): a page newest first walks quotes_day and
  // stops at its limit instead of sorting every quote.
  std::vector<Value> args;
  std::string where;
  if (speaker) {
    where += " AND (en.name LIKE ? ESCAPE '\\' OR q.speaker LIKE ? ESCAPE '\\' OR en.actor LIKE ? ESCAPE '\\')";
    for (int i = 0; i < 3; ++i) args.push_back(Text(LikeContains(*speaker)));
  }
  if (words) {
    where += " AND warta_slice(d.body, q.start, q.end) LIKE ? ESCAPE '\\'";
    args.push_back(Text(LikeContains(*words)));
  }
  where += DocConditions(f, "q.day", &args);
  // Every quote: the total the triggers keep, not a count of them all.
  std::optional<std::string> total;
  if (!speaker && !words && Unfiltered(f)) total = "SELECT COALESCE((SELECT n FROM agg_totals WHERE name = 'quotes'), 0)";
  return List(fmt::format("SELECT {} FROM\tquotes q CROSS JOIN documents d ON d.id = q.document "
                          "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.duplicate_of IS NULL{}",
                          kQuoteColumns, where),
              "q.day DESC, q.document DESC, q.start", args, page, total);
}

Result<Table> SqliteQueries::QuotesOf(int64_t entity, const Filter& f, Page page) {
  std::vector<Value> args{Int(entity)};
  std::string where = DocConditions(f, "q.day", &args);
  return List(fmt::format("SELECT {} FROM\tquotes q CROSS JOIN documents d ON d.id = q.document "
                          "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE q.speaker_entity = ? "
                          "AND d.duplicate_of IS NULL{}",
                          kQuoteColumns, where),
              "q.day DESC, q.document DESC, q.start", args, page);
}

Result<Table> SqliteQueries::Events(const EventFilter& f) {
  std::vector<Value> args;
  std::string where;
  auto party = [&](const char* column, const char* name, const char* entity, const std::string& v) {
    bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
      int64_t id = -1;  // too large for an id: no entity has it
      std::from_chars(v.data(), v.data() + v.size(), id);
      where += fmt::format(" AND e.{} = ?", entity);
      args.push_back(Int(id));
    } else {
      where += fmt::format(" AND (e.{} LIKE ? ESCAPE '\\' OR e.{} = ? COLLATE NOCASE)", column, name);
      args.push_back(Text(LikeContains(v).substr(1)));
      args.push_back(Text(v));
    }
  };
  if (f.source) party("source_actor", "source_name", "source_entity", *f.source);
  if (f.target) party("target_actor", "target_name", "target_entity", *f.target);
  where += DocConditions(f.docs, "e.day", &args);
  return List(fmt::format("SELECT {} FROM\tevents e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL{}",
                          kEventColumns, where),
              "e.day, e.document, e.start, e.id", args, f.page);
}

Result<Table> SqliteQueries::EventsOf(int64_t entity, bool as_source, const Filter& f, Page page) {
  std::vector<Value> args{Int(entity)};
  std::string where = DocConditions(f, "e.day", &args);
  return List(fmt::format("SELECT {} FROM\tevents e JOIN documents d ON d.id = e.document WHERE e.{} = ? "
                          "AND d.duplicate_of IS NULL{}",
                          kEventColumns, as_source ? "source_entity" : "target_entity", where),
              "e.day DESC, e.document DESC, e.start", args, page);
}

namespace {

// Codes of letters and digits bound an index range (events_dyad, events_tactor): LIKE alone cannot use one.
bool Plain(const std::string& v) {
  return !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// " (column starts with code)", as an index range where the code allows.
std::string StartsWithCode(std::string_view column, const std::string& code, std::vector<Value>* args) {
  if (Plain(code)) {
    args->push_back(Text(code));
    args->push_back(Text(code));
    return fmt::format("({0} >= upper(?) AND {0} < upper(?) || 'z')", column);
  }
  args->push_back(Text(LikeContains(code).substr(1)));
  return fmt::format("{} LIKE ? ESCAPE '\\'", column);
}

}  // namespace

Result<Table> SqliteQueries::Relations(const std::string& a, const std::optional<std::string>& b,
                                       const std::string& by, const Filter& f) {
  std::string period = PeriodFormat(by);
  std::vector<Value> args;
  std::string pair;
  if (b) {
    pair = "((" + StartsWithCode("e.source_actor", a, &args) + " AND " + StartsWithCode("e.target_actor", *b, &args) +
           ") OR (" + StartsWithCode("e.source_actor", *b, &args) + " AND " +
           StartsWithCode("e.target_actor", a, &args) + "))";
  } else {
    pair = "(" + StartsWithCode("e.source_actor", a, &args) + " OR " + StartsWithCode("e.target_actor", a, &args) + ")";
  }
  std::string where = DocConditions(f, "e.day", &args);
  // The events (canonical documents, dated), then per period the counts and the distinct
  // outlets that reported them (the document and its copies).
  return Query(fmt::format(
      "WITH pe AS MATERIALIZED (SELECT e.document, e.quad_class, e.goldstein, "
      "  strftime({0}, e.day * 86400, 'unixepoch') AS period "
      "  FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL AND e.day IS NOT NULL "
      "  AND {1}{2} ORDER BY e.id), "
      "reports AS (SELECT period, COUNT(*) AS sources FROM ("
      "  SELECT pe.period, c.site FROM pe JOIN documents c ON c.id = pe.document "
      "  UNION SELECT pe.period, c.site FROM pe JOIN documents c ON c.duplicate_of = pe.document) GROUP BY period) "
      "SELECT pe.period, COUNT(*) AS events, SUM(quad_class = 1) AS verbal_cooperation, "
      "SUM(quad_class = 2) AS material_cooperation, SUM(quad_class = 3) AS verbal_conflict, "
      "SUM(quad_class = 4) AS material_conflict, ROUND(AVG(goldstein), 2) AS mean_goldstein, r.sources "
      "FROM pe JOIN reports r ON r.period = pe.period GROUP BY pe.period ORDER BY pe.period",
      period, pair, where),
      args);
}

namespace {

// Dyads of graph nodes (source, target, events, q1..q4, goldstein: the sum) for the filter:
// from agg_pairs unless it names an outlet, else from the events of the matching documents.
std::string PairsSql(const Filter& f, std::vector<Value>* args) {
  if (Summarised(f))
    return "SELECT source, target, SUM(events) AS events, SUM(q1) AS q1, SUM(q2) AS q2, SUM(q3) AS q3, SUM(q4) AS q4, "
           "SUM(goldstein) AS goldstein FROM agg_pairs WHERE events > 0" +
           AggDays(f, args) + " GROUP BY 1, 2";
  return fmt::format(
      "SELECT {} AS source, {} AS target, COUNT(*) AS events, SUM(e.quad_class = 1) AS q1, SUM(e.quad_class = 2) AS q2, "
      "SUM(e.quad_class = 3) AS q3, SUM(e.quad_class = 4) AS q4, SUM(e.goldstein) AS goldstein "
      "FROM documents d CROSS JOIN events e ON e.document = d.id WHERE d.duplicate_of IS NULL "
      "AND e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL{} GROUP BY 1, 2",
      Node("e.source_actor"), Node("e.target_actor"), DocConditions(f, "e.day", args));
}

constexpr std::string_view kQuadColumns =
    "SUM(q1) AS verbal_cooperation, SUM(q2) AS material_cooperation, SUM(q3) AS verbal_conflict, "
    "SUM(q4) AS material_conflict, ROUND(SUM(goldstein) / SUM(events), 2) AS mean_goldstein";

}  // namespace

Result<Table> SqliteQueries::GraphNodes(const Filter& f) {
  std::vector<Value> args;
  if (Summarised(f))
    return Query("SELECT node AS id, MIN(NULLIF(label, '')) AS label, SUM(mentions) AS mentions FROM agg_nodes "
                 "WHERE mentions > 0" + AggDays(f, &args) + " GROUP BY node ORDER BY 3 DESC, 1",
                 args);
  std::string where = DocConditions(f, "d.day", &args);
  return Query(fmt::format("SELECT {} AS id, MIN(CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name END) "
                           "AS label, SUM(m.mentions) AS mentions FROM documents d CROSS JOIN mention_sets m ON m.document = d.id "
                           "JOIN entities en ON en.id = m.entity WHERE d.duplicate_of IS NULL AND en.actor IS NOT NULL{} "
                           "GROUP BY 1 ORDER BY 3 DESC, 1",
                           Node("en.actor"), where),
               args);
}

Result<Table> SqliteQueries::GraphEdges(const Filter& f, int64_t min_events) {
  std::vector<Value> args;
  std::string pairs = PairsSql(f, &args);
  args.push_back(Int(min_events));
  return Query(fmt::format("SELECT source, target, SUM(events) AS events, {} FROM ({}) WHERE source <> target "
                           "GROUP BY 1, 2 HAVING SUM(events) >= ? ORDER BY 3 DESC, 1, 2",
                           kQuadColumns, pairs),
               args);
}

Result<Table> SqliteQueries::MapCountries(const std::optional<std::string>& actor, const Filter& f) {
  std::vector<Value> args;
  std::string pairs = PairsSql(f, &args);
  std::string sides;
  if (actor) {
    sides = fmt::format("SELECT CASE WHEN source = ?1 THEN target ELSE source END AS country, * FROM ({}) "
                        "WHERE source <> target AND (source = ?1 OR target = ?1)",
                        pairs);
    // ?1 is the actor: the pairs' own parameters follow it.
    args.insert(args.begin(), Text(*actor));
  } else {
    sides = fmt::format("WITH p AS ({}) SELECT source AS country, * FROM p WHERE source <> target "
                        "UNION ALL SELECT target, * FROM p WHERE source <> target",
                        pairs);
  }
  return Query(fmt::format("SELECT x.country, (SELECT en.name FROM entities en WHERE en.actor = x.country "
                           "AND en.type = 'LOC' ORDER BY en.id LIMIT 1) AS label, SUM(events) AS events, {} FROM ({}) x "
                           "WHERE length(x.country) = 3 AND x.country NOT LIKE 'IGO%' GROUP BY x.country ORDER BY 3 DESC, 1",
                           kQuadColumns, sides),
               args);
}

Result<Table> SqliteQueries::Dyads(const Filter& f, int64_t limit) {
  std::vector<Value> args;
  std::string pairs = PairsSql(f, &args);
  args.push_back(Int(limit));
  return Query(fmt::format("SELECT source, target, SUM(events) AS events, SUM(q1 + q2) AS cooperation, "
                           "SUM(q3 + q4) AS conflict, ROUND(SUM(goldstein) / SUM(events), 2) AS mean_goldstein "
                           "FROM ({}) WHERE source <> target GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
                           pairs),
               args);
}

Result<Table> SqliteQueries::Document(int64_t id) {
  return Query(
      "SELECT d.id, d.identity, d.input_id, d.source, d.site, d.outlet, o.name AS outlet_name, o.country AS "
      "outlet_country, d.url, d.title, d.published, d.lang, d.duplicate_of, d.similarity, d.story, d.topic, "
      "warta_original(d.body) AS original, warta_text(d.body) AS text FROM documents d "
      "LEFT JOIN outlets o ON o.outlet = d.outlet WHERE d.id = ?",
      {Int(id)});
}

Result<Table> SqliteQueries::DocumentMentions(int64_t id) {
  return Query(
      "SELECT en.id AS entity, en.name, en.type, en.actor, m.mentions, m.first "
      "FROM mention_sets m JOIN entities en ON en.id = m.entity WHERE m.document = ? ORDER BY m.first, en.id",
      {Int(id)});
}

Result<Table> SqliteQueries::DocumentQuotes(int64_t id) {
  return Query(
      "SELECT COALESCE(en.name, q.speaker) AS speaker, q.kind, q.start, q.end, warta_slice(d.body, q.start, q.end) "
      "AS text FROM quotes q JOIN documents d ON d.id = q.document LEFT JOIN entities en ON en.id = q.speaker_entity "
      "WHERE q.document = ? ORDER BY q.start",
      {Int(id)});
}

Result<Table> SqliteQueries::DocumentEvents(int64_t id) {
  return Query(
      "SELECT source_actor, source_name, cameo, quad_class, target_actor, target_name, negated, via, start, end "
      "FROM events WHERE document = ? ORDER BY start, id",
      {Int(id)});
}

Result<Table> SqliteQueries::DocumentSpans(int64_t id) {
  auto sets = Query("SELECT m.spans, en.id AS entity, en.name, en.actor FROM mention_sets m "
                    "JOIN entities en ON en.id = m.entity WHERE m.document = ?",
                    {Int(id)});
  if (!sets.ok()) return sets.status();
  // One row per mention (the packed spans of each entity unpacked), in text order.
  Table out;
  out.columns = {"start", "end", "entity", "name", "actor"};
  out.types = {Table::Type::kInt, Table::Type::kInt, Table::Type::kInt, Table::Type::kText, Table::Type::kText};
  std::vector<std::tuple<int64_t, int64_t, int64_t, size_t>> order;  // start, end, entity, row of `sets`
  for (size_t r = 0; r < sets.value().rows.size(); ++r) {
    const auto& row = sets.value().rows[r];
    auto spans = UnpackSpans(row[0].value_or(""));
    if (!spans.ok()) return Status::Error(spans.status().code(), fmt::format("document {}: {}", id, spans.status().message()));
    const int64_t entity = std::stoll(row[1].value_or("0"));
    for (const auto& [start, end] : spans.value()) order.emplace_back(start, end, entity, r);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [start, end, entity, r] : order) {
    const auto& row = sets.value().rows[r];
    out.rows.push_back({std::to_string(start), std::to_string(end), std::to_string(entity), row[2], row[3]});
  }
  return out;
}

Result<Table> SqliteQueries::Search(const std::string& query, const Filter& f, Page page) {
  std::vector<Value> args{Text(query)};
  std::string where = DocConditions(f, "d.day", &args);
  // List counts from " FROM …": the snippet is only made for the page.
  return List(fmt::format("SELECT f.rowid AS document, d.title, d.published, d.outlet, "
                          "snippet(documents_fts, 1, char(2), char(3), '…', 12) AS snippet "
                          "FROM\tdocuments_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ?{}",
                          where),
              "rank, f.rowid", args, page);
}

Result<Table> SqliteQueries::Query(const std::string& sql, const std::vector<Value>& args) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto st = db_->Prepare(sql);
    if (!st.ok()) return Err("query: " + db_->Error());
    it = cache_.emplace(sql, std::move(st).value()).first;
  }
  Statement* st = &it->second;
  for (size_t i = 0; i < args.size(); ++i) {
    int n = static_cast<int>(i) + 1;
    if (args[i].null) st->BindNull(n);
    else if (args[i].i) st->Bind(n, *args[i].i);
    else st->Bind(n, args[i].s);
  }
  Table t;
  std::vector<int> seen;  // bit 1: int, 2: real, 4: text
  for (int i = 0; i < st->Columns(); ++i) {
    t.columns.push_back(st->ColumnName(i));
    const char* declared = sqlite3_column_decltype(st->Raw(), i);
    std::string type = declared ? declared : "";
    seen.push_back(type == "INTEGER" ? 8 | 1 : type == "REAL" ? 8 | 2 : type == "TEXT" ? 8 | 4 : 0);
  }
  Status s;
  while (st->Step(&s)) {
    std::vector<std::optional<std::string>> row;
    for (int i = 0; i < st->Columns(); ++i) {
      int type = sqlite3_column_type(st->Raw(), i);
      int& bits = seen[static_cast<size_t>(i)];
      if (!(bits & 8)) bits |= type == SQLITE_INTEGER ? 1 : type == SQLITE_FLOAT ? 2 : type == SQLITE_NULL ? 0 : 4;
      row.push_back(st->OptText(i));
    }
    t.rows.push_back(std::move(row));
  }
  st->Reset();
  if (!s.ok()) return s;
  for (int bits : seen)
    t.types.push_back(bits & 4 ? Table::Type::kText : bits & 2 ? Table::Type::kReal : bits & 1 ? Table::Type::kInt
                                                                                             : Table::Type::kText);
  return t;
}

}  // namespace warta
