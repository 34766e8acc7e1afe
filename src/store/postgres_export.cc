// PostgresStore's search, export and integrity check: the parts whose SQL is
// not a plain rewrite of SqliteStore's.
#include <fmt/format.h>

#include "store/fts_query.h"
#include "store/postgres_schema.h"
#include "store/postgres_sql.h"
#include "store/postgres_store.h"
#include "store/postgres_table.h"

namespace warta {

using pg::Param;

// Search reads FTS5's query syntax (fts_query.h) and answers the same
// columns as SQLite. What can differ from SQLite:
//  - ranking: ts_rank (term frequency, title weighted above text) instead of
//    FTS5's bm25, so documents matching equally well may come in another
//    order (ties by id on both);
//  - the snippet: ts_headline's choice of words around the matches (at most
//    12, matches between \x02 and \x03 as SQLite's), without FTS5's "…"
//    where the snippet cuts the text;
//  - tokens: PostgreSQL's parser keeps hyphenated words ("covid-19") beside
//    their parts and does not strip diacritics (FTS5's unicode61 does: "cafe"
//    finds "café" there, not here); a text is indexed up to 500,000 characters.
Result<Table> PostgresStore::Search(const std::string& query, const Filter& f, Page page) {
  auto ts = Fts5ToTsquery(query);
  if (!ts.ok()) return ts.status();
  static const std::string kHeadline =
      "StartSel=\"\x02\", StopSel=\"\x03\", MaxWords=12, MinWords=11, ShortWord=0, HighlightAll=false";
  pgsql::Args args;
  std::string q = args.Text(ts.value());
  std::string where = pgsql::DocConditions(f, "d.day", &args);
  std::string hits = fmt::format(
      "SELECT f.document, ts_rank(f.fts, q.q) AS rank FROM documents_fts f JOIN documents d ON d.id = f.document, "
      "(SELECT to_tsquery('simple', {}) AS q) q WHERE f.fts @@ q.q{}",
      q, where);
  auto count = db_.Run("SELECT COUNT(*) FROM (" + hits + ") AS x", args.params());
  if (!count.ok()) return Status::Error(count.status().code(), "query: " + count.status().message());
  std::vector<Param> params = args.params();
  size_t n = params.size();
  params.push_back(page.limit < 0 ? pg::Null() : pg::Int(page.limit));
  params.push_back(pg::Int(page.offset < 0 ? 0 : page.offset));
  params.push_back(pg::Text(kHeadline));
  // Only the page's snippets are made.
  auto t = Query(fmt::format(
      "WITH hits AS ({0} ORDER BY rank DESC, f.document LIMIT ${1}::bigint OFFSET ${2}::bigint) "
      "SELECT h.document, d.title, d.published, d.outlet, ts_headline('simple', d.text, to_tsquery('simple', {3}), "
      "${4}::text) AS snippet FROM hits h JOIN documents d ON d.id = h.document ORDER BY h.rank DESC, h.document",
      hits, n + 1, n + 2, q, n + 3),
      params);
  if (t.ok()) t.value().total = count.value().Int(0, 0);
  return t;
}

namespace {

const char* ExportSql(const std::string& what) {
  if (what == "documents")
    return "SELECT id, input_id, source, url, title, published, lang, duplicate_of, story, topic, outlet, text "
           "FROM documents ORDER BY id";
  if (what == "events")
    return "SELECT e.id, e.document, d.published, to_char(DATE '1970-01-01' + e.day, 'YYYY-MM-DD') AS date, "
           "e.source_actor, e.source_name, e.target_actor, e.target_name, e.cameo, e.plover, e.quad_class, "
           "e.goldstein, e.negated, e.via, d.url, (SELECT COUNT(*) FROM documents c WHERE c.id = e.document OR "
           "c.duplicate_of = e.document) AS reports, (SELECT COUNT(DISTINCT c.site) FROM documents c WHERE c.id = "
           "e.document OR c.duplicate_of = e.document) AS sources, e.sentence FROM events e JOIN documents d ON "
           "d.id = e.document WHERE d.duplicate_of IS NULL ORDER BY e.id";
  if (what == "quotes")
    return "SELECT q.id, q.document, d.published, COALESCE(en.name, q.speaker) AS speaker, en.actor AS speaker_actor, "
           "q.speaker_role, q.kind, q.text FROM quotes q JOIN documents d ON d.id = q.document "
           "LEFT JOIN entities en ON en.id = q.speaker_entity WHERE d.duplicate_of IS NULL ORDER BY q.id";
  return nullptr;
}

}  // namespace

// Streams through a cursor, 1000 rows a fetch, so a whole table is never held
// in memory. Column types as SqliteStore's Export gives them: a table's
// column by its declaration, any other by the first row's value.
Status PostgresStore::Export(const std::string& what,
                             const std::function<void(const Table&, const std::vector<std::optional<std::string>>&)>& fn) {
  const char* sql = ExportSql(what);
  if (!sql) return Status::Error(Status::Code::kInvalidArgument, "export: unknown table '" + what + "'");
  bool own = db_.TransactionStatus() == PQTRANS_IDLE;  // a cursor lives in a transaction
  Status s = own ? db_.Exec("BEGIN") : Status::Ok();
  if (s.ok()) s = db_.Exec(std::string("DECLARE warta_export NO SCROLL CURSOR FOR ") + sql);
  Table header;
  bool typed = false;
  while (s.ok()) {
    auto r = db_.Run("FETCH 1000 FROM warta_export");
    if (!r.ok()) {
      s = r.status();
      break;
    }
    const pg::ResultSet& rs = r.value();
    if (!typed) {
      for (int c = 0; c < rs.Columns(); ++c) {
        header.columns.push_back(rs.Name(c));
        bool value = rs.Rows() > 0 && !rs.IsNull(0, c);
        header.types.push_back(Declared(rs, c) || value ? TypeOfOid(rs.Type(c)) : Table::Type::kText);
      }
      typed = true;
    }
    for (int i = 0; i < rs.Rows(); ++i) fn(header, RowOf(rs, i));
    if (rs.Rows() == 0) break;
  }
  if (s.ok()) s = db_.Exec("CLOSE warta_export");
  if (own) (void)db_.Exec(s.ok() ? "COMMIT" : "ROLLBACK");
  return s;
}

// The database checks its own pages (checksums, WAL); what a store can get
// wrong is its own invariants. Quick: the schema version and the duplicate
// links; full: also every document's search row, outlet and stories.
Result<std::vector<std::string>> PostgresStore::CheckIntegrity(bool quick) {
  std::vector<std::string> problems;
  int version = SchemaVersion();
  int current = static_cast<int>(PostgresMigrations().size());
  if (version != current) {
    problems.push_back(fmt::format("schema version {} (this warta's is {})", version, current));
    return problems;
  }
  std::vector<std::string> checks = {
      "SELECT 'document ' || d.id || ': duplicate_of ' || d.duplicate_of || ' does not exist' FROM documents d "
      "WHERE d.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.id = d.duplicate_of) "
      "ORDER BY d.id LIMIT 100",
      "SELECT 'document ' || d.id || ': duplicate_of ' || d.duplicate_of || ' is itself a copy of ' || c.duplicate_of "
      "FROM documents d JOIN documents c ON c.id = d.duplicate_of WHERE c.duplicate_of IS NOT NULL ORDER BY d.id "
      "LIMIT 100",
      "SELECT 'document ' || d.id || ': its own duplicate' FROM documents d WHERE d.duplicate_of = d.id ORDER BY d.id "
      "LIMIT 100"};
  if (!quick) {
    checks.push_back(
        "SELECT 'document ' || d.id || ': not in the search index' FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM documents_fts f WHERE f.document = d.id) ORDER BY d.id LIMIT 100");
    checks.push_back(
        "SELECT 'outlet ' || o.outlet || ': ' || o.documents || ' documents counted, ' || COUNT(d.id) || ' stored' "
        "FROM outlets o LEFT JOIN documents d ON d.outlet = o.outlet GROUP BY o.outlet, o.documents "
        "HAVING COUNT(d.id) <> o.documents ORDER BY o.outlet COLLATE \"C\" LIMIT 100");
    checks.push_back(
        "SELECT 'document ' || d.id || ': outlet ' || d.outlet || ' is not in outlets' FROM documents d "
        "WHERE d.outlet <> '' AND NOT EXISTS (SELECT 1 FROM outlets o WHERE o.outlet = d.outlet) ORDER BY d.id "
        "LIMIT 100");
    for (const char* g : {"story", "topic"})
      checks.push_back(fmt::format(
          "SELECT 'document ' || d.id || ': {0} ' || d.{0} || ' does not exist' FROM documents d WHERE d.{0} IS NOT "
          "NULL AND NOT EXISTS (SELECT 1 FROM {1} s WHERE s.id = d.{0}) ORDER BY d.id LIMIT 100",
          g, std::string(g) == "story" ? "stories" : "topics"));
  }
  for (const std::string& sql : checks) {
    auto r = db_.Run(sql);
    if (!r.ok()) return r.status();
    for (int i = 0; i < r.value().Rows(); ++i) problems.emplace_back(r.value().Text(i, 0));
  }
  return problems;
}

}  // namespace warta
