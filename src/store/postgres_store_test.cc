// The PostgreSQL store answers every query exactly as the SQLite store does:
// the same articles (Indonesian and English: quotes, entities, events, an
// exact copy, an earlier copy, a near copy, dated and undated, of several
// outlets and one without) go through the real ingest path (PrepareDocument,
// Ingester) into both, and every query's Table (columns, types, rows in
// order, total) is compared, unfiltered and with every kind of filter. Search returns the same
// documents (ranking and snippets may differ: postgres_export.cc). Each test
// process runs a throwaway PostgreSQL server (tests/pg_server.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "corpus/ingest.h"
#include "store/postgres_schema.h"
#include "store/store.h"
#include "tests/pg_server.h"
#include "tests/test_support.h"

namespace warta {
namespace {

// `url` empty: a record without one (no outlet).
Record MakeRecord(std::string id, std::string url, std::optional<std::string> date, std::string title, std::string text) {
  Record r;
  r.source = "pg-test";
  r.id = std::move(id);
  if (!url.empty()) r.url = std::move(url);
  r.published = std::move(date);
  r.title = std::move(title);
  r.text = std::move(text);
  return r;
}

const std::string kTalks =
    "Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri Malaysia di Kuala Lumpur pada Rabu untuk "
    "membahas perundingan batas laut di Laut Sulawesi. Indonesia dan Malaysia sepakat mempercepat perundingan batas "
    "laut yang sudah berlangsung lebih dari dua puluh tahun. Kedua menteri juga membahas perlindungan pekerja migran, "
    "perdagangan lintas batas, dan kerja sama penjagaan perairan di Selat Malaka. “Kami ingin perundingan ini selesai "
    "tahun depan,” kata Sugiono kepada wartawan. Para nelayan di Nunukan berharap kesepakatan itu segera selesai.";

const std::string kChinaRussia =
    "China dan Rusia sepakat memperluas kerja sama energi di Moskow pada Rabu. “Kami siap bekerja sama lebih erat,” "
    "kata juru bicara Kementerian Luar Negeri China Mao Ning kepada wartawan. Rusia memuji China atas dukungan itu.";

const std::string kSanctions =
    "The United States imposed sanctions on three Chinese companies on Monday. China condemned the United States "
    "over the sanctions. \"We will respond firmly to this bullying,\" foreign ministry spokesperson Lin Jian told "
    "reporters in Beijing. The United States accused China of supplying Russia with drone parts.";

// Two batches: the second resumes the stories and duplicate index of the first. Outlets:
// detik.com and reuters.com (named by outlets.tsv, two documents each), three hosts that
// outlets.tsv does not know, and a record without a URL; Indonesian and English.
std::vector<std::vector<Record>> Batches() {
  std::string near = kTalks;
  near.replace(near.find("pada Rabu"), 9, "pada Rabu pagi");
  near += " Pertemuan berikutnya dijadwalkan setelah rapat kabinet.";
  return {
      {MakeRecord("1", "https://news.example.id/1", "2025-10-01", "China dan Rusia Perluas Kerja Sama", kChinaRussia),
       MakeRecord("2", "https://other.example.com/2", "2025-10-02", "China-Rusia Perluas Kerja Sama", kChinaRussia),
       MakeRecord("3", "https://www.reuters.com/world/3", "2025-11-03", "US sanctions Chinese firms", kSanctions),
       MakeRecord("4", "https://news.detik.com/berita/4", "2024-12-30", "RI dan Malaysia Percepat Perundingan", kTalks)},
      {MakeRecord("5", "https://third.example.org/5", "2025-01-01", "RI-Malaysia Percepat Perundingan Batas", near),
       MakeRecord("6", "https://www.detik.com/6", "2025-09-30", "China dan Rusia Perluas Kerja Sama", kChinaRussia),
       MakeRecord("7", "", std::nullopt, "Indonesia Bertemu Malaysia",
                  "Indonesia bertemu Malaysia di Jakarta untuk membahas perdagangan. Presiden Prabowo Subianto "
                  "mengatakan Indonesia ingin kerja sama yang lebih erat dengan Malaysia."),
       MakeRecord("8", "https://reuters.com/world/8", "2025-11-04", "China protests US move",
                  "China protested to the United States on Tuesday. Beijing said Washington must lift the sanctions "
                  "on Chinese firms, and Russia criticised the United States as well.")},
  };
}

// Days: 2024-12-30 is 20087, 2025-01-01 20089, 2025-09-30 20361, 2025-10-01 20362, 2025-11-03 20395.
Filter Days(std::optional<int32_t> since, std::optional<int32_t> until) {
  Filter f;
  f.since = since;
  f.until = until;
  return f;
}
Filter Lang(std::string lang, Filter f = {}) {
  f.lang = std::move(lang);
  return f;
}
Filter OutletIs(std::string outlet, Filter f = {}) {
  f.outlet = std::move(outlet);
  return f;
}

// Every kind of filter: none, days (one bound, both, a range with nothing), a language, an
// outlet (one without documents too), and combinations. The second of each pair names it.
std::vector<std::pair<Filter, std::string>> Filters() {
  return {{Filter{}, "none"},
          {Days(20300, std::nullopt), "since 20300"},
          {Days(std::nullopt, 20100), "until 20100"},
          {Days(20362, 20395), "20362..20395"},
          {Days(30000, 30001), "a range without documents"},
          {Lang("en"), "lang en"},
          {Lang("id"), "lang id"},
          {OutletIs("reuters.com"), "outlet reuters.com"},
          {OutletIs("detik.com"), "outlet detik.com"},
          {OutletIs("nothing.example"), "an outlet without documents"},
          {Lang("id", Days(20300, std::nullopt)), "lang id since 20300"},
          {OutletIs("reuters.com", Lang("en", Days(20395, 20395))), "reuters.com, en, 20395"}};
}

Status Ingest(Store* store) {
  const Knowledge& k = testing::TestKnowledge();
  auto ingester = Ingester::Open(store, StoryClusterer::Create(StoryClusterer::Options{}, k.story_stopwords).value(),
                                 StoryClusterer::Create(TopicOptions(), k.story_stopwords).value());
  if (!ingester.ok()) return ingester.status();
  for (auto& records : Batches()) {
    std::vector<PreparedDocument> batch;
    for (Record& r : records) batch.push_back(PrepareDocument(std::move(r), k, AnalyzeOptions{}));
    IngestCounts counts;
    Status s = ingester.value().Write(&batch, &counts);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

std::string Show(const Table& t) {
  std::string out;
  for (size_t i = 0; i < t.columns.size(); ++i)
    out += t.columns[i] + "(" + std::to_string(i < t.types.size() ? static_cast<int>(t.types[i]) : -1) + ") ";
  for (const auto& row : t.rows) {
    out += "\n ";
    for (const auto& v : row) out += (v ? "'" + *v + "'" : "NULL") + " ";
  }
  return out;
}

class PostgresVsSqlite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new testing::PgServer();
    if (!server_->why().empty()) return;
    ASSERT_EQ(server_->CreateDatabase("same"), "");
    auto pg = Store::OpenPostgres(server_->Uri("same"), Store::Mode::kReadWrite);
    ASSERT_TRUE(pg.ok()) << pg.status().message();
    std::string path = ::testing::TempDir() + "warta_pg_same_" + std::to_string(getpid()) + ".db";
    for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::remove((path + suffix).c_str());
    sqlite_path_ = new std::string(path);  // removed at the end even when a step below fails
    auto lite = Store::OpenSqlite(path, Store::Mode::kReadWrite);
    ASSERT_TRUE(lite.ok()) << lite.status().message();
    Status s = Ingest(lite.value().get());
    ASSERT_TRUE(s.ok()) << "sqlite: " << s.message();
    s = Ingest(pg.value().get());
    ASSERT_TRUE(s.ok()) << "postgres: " << s.message();
    pg_ = pg.value().release();
    sqlite_ = lite.value().release();
  }
  static void TearDownTestSuite() {
    delete pg_;
    delete sqlite_;
    if (sqlite_path_)
      for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::remove((*sqlite_path_ + suffix).c_str());
    delete sqlite_path_;
    delete server_;
    pg_ = sqlite_ = nullptr;
    sqlite_path_ = nullptr;
    server_ = nullptr;
  }
  void SetUp() override {
    if (!server_->why().empty()) GTEST_SKIP() << "no PostgreSQL server: " << server_->why();
    ASSERT_NE(pg_, nullptr);
  }

  // Both stores answer alike; returns SQLite's answer (empty on error) for further checks.
  static Table Same(const Result<Table>& lite, const Result<Table>& pg, const std::string& what) {
    EXPECT_TRUE(lite.ok()) << what << ": sqlite: " << lite.status().message();
    EXPECT_TRUE(pg.ok()) << what << ": postgres: " << pg.status().message();
    if (!lite.ok() || !pg.ok()) return {};
    const Table &a = lite.value(), &b = pg.value();
    EXPECT_EQ(a.columns, b.columns) << what;
    EXPECT_EQ(a.types, b.types) << what << "\nsqlite:   " << Show(a) << "\npostgres: " << Show(b);
    EXPECT_EQ(a.rows, b.rows) << what << "\nsqlite:   " << Show(a) << "\npostgres: " << Show(b);
    EXPECT_EQ(a.total, b.total) << what;
    return a;
  }

  static std::vector<int64_t> Ids(const Table& t, size_t column) {
    std::vector<int64_t> out;
    for (const auto& row : t.rows)
      if (row.at(column)) out.push_back(std::stoll(*row.at(column)));
    return out;
  }

  static testing::PgServer* server_;
  static Store* pg_;
  static Store* sqlite_;
  static std::string* sqlite_path_;
};
testing::PgServer* PostgresVsSqlite::server_ = nullptr;
Store* PostgresVsSqlite::pg_ = nullptr;
Store* PostgresVsSqlite::sqlite_ = nullptr;
std::string* PostgresVsSqlite::sqlite_path_ = nullptr;

#define SAME(call) Same(sqlite_->call, pg_->call, #call)
// The same, with a filter's name in the message.
#define SAME_F(call, name) Same(sqlite_->call, pg_->call, std::string(#call) + " [" + (name) + "]")

size_t ColumnOf(const Table& t, const std::string& name) {
  auto it = std::find(t.columns.begin(), t.columns.end(), name);
  EXPECT_NE(it, t.columns.end()) << name;
  return static_cast<size_t>(it - t.columns.begin());
}

TEST_F(PostgresVsSqlite, StatsAndWhatTheIngestFound) {
  Table stats = SAME(Stats(Filter{}));
  ASSERT_EQ(stats.rows.size(), 1u);
  EXPECT_EQ(stats.rows[0][0], "8");  // documents
  EXPECT_NE(stats.rows[0][2], "0");  // duplicates: the copies of 1 and 4
  EXPECT_EQ(stats.rows[0][ColumnOf(stats, "outlets")], "5");
  EXPECT_EQ(stats.rows[0][ColumnOf(stats, "first")], "2024-12-30");
  for (const auto& [f, name] : Filters()) SAME_F(Stats(f), name);
  EXPECT_EQ(pg_->SchemaVersion(), static_cast<int>(PostgresMigrations().size()));
  auto problems = pg_->CheckIntegrity(false);
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  EXPECT_TRUE(problems.value().empty()) << problems.value().front();
}

TEST_F(PostgresVsSqlite, OutletsWithEveryFilter) {
  Table all = SAME(Outlets(Filter{}, Page{50, 0}));
  ASSERT_EQ(all.rows.size(), 5u) << Show(all);
  EXPECT_EQ(all.total, 5);
  bool reuters = false;
  for (const auto& row : all.rows)
    if (row[0] == "reuters.com") reuters = row[1] == "Reuters" && row[2] == "GBR" && row[3] == "2";
  EXPECT_TRUE(reuters) << Show(all);
  for (const auto& [f, name] : Filters()) {
    SAME_F(Outlets(f, Page{50, 0}), name);
    SAME_F(Outlets(f, Page{2, 1}), name);
  }
}

TEST_F(PostgresVsSqlite, StoriesAndTopics) {
  for (Grouping g : {Grouping::kStory, Grouping::kTopic}) {
    Table groups = SAME(Groups(g, Filter{}, Page{50, 0}));
    EXPECT_FALSE(groups.rows.empty());
    EXPECT_EQ(groups.total, static_cast<int64_t>(groups.rows.size()));
    // The list columns: the outlets (the story of 1, 2 and 6 has three), the topics' actors.
    size_t outlets = ColumnOf(groups, "outlets");
    EXPECT_EQ(groups.types.at(outlets), Table::Type::kList);
    bool several = false;
    for (const auto& row : groups.rows) several |= row[outlets] && row[outlets]->find(Table::kListSeparator) != std::string::npos;
    EXPECT_TRUE(several) << Show(groups);
    if (g == Grouping::kTopic) {
      EXPECT_EQ(groups.types.at(ColumnOf(groups, "actors")), Table::Type::kList);
    }
    SAME(Groups(g, Filter{}, Page{2, 1}));
    for (const auto& [f, name] : Filters()) {
      SAME_F(Groups(g, f, Page{50, 0}), name);
      SAME_F(Groups(g, f, Page{1, 1}), name);
    }
    for (int64_t id : Ids(groups, 0)) {
      SAME(Group(g, id));
      SAME(GroupDocuments(g, id, Page{50, 0}));
      SAME(GroupDocuments(g, id, Page{1, 1}));
      for (const char* by : {"day", "week", "month", "year"}) SAME(GroupTimeline(g, id, by));
      SAME(GroupOutlets(g, id));
      SAME(GroupActors(g, id, 10, 30));
      SAME(GroupActors(g, id, 2, 1));
      SAME(GroupQuotes(g, id, Page{50, 0}));
      SAME(GroupQuotes(g, id, Page{1, 1}));
      SAME(GroupEvents(g, id, Page{50, 0}));
      SAME(GroupEvents(g, id, Page{1, 1}));
    }
    // No such group: no rows, the same column types.
    SAME(Group(g, 999));
    SAME(GroupDocuments(g, 999, Page{50, 0}));
    SAME(GroupTimeline(g, 999, "month"));
    SAME(GroupOutlets(g, 999));
    SAME(GroupActors(g, 999, 10, 30));
    SAME(GroupQuotes(g, 999, Page{50, 0}));
    SAME(GroupEvents(g, 999, Page{50, 0}));
  }
}

TEST_F(PostgresVsSqlite, ActorsWithAndWithoutQ) {
  Table all = SAME(Actors(std::nullopt, Filter{}, Page{500, 0}));
  EXPECT_GE(all.rows.size(), 5u);
  EXPECT_EQ(all.total, static_cast<int64_t>(all.rows.size()));
  for (const char* q : {"china", "CHN", "kb:", "%", "_", "%a_", "Ch_na", "\\", "nothing-like-it", "Ä"})
    SAME(Actors(std::string(q), Filter{}, Page{50, 0}));
  // q is a literal: % and _ are no wildcards.
  EXPECT_FALSE(SAME(Actors(std::string("China"), Filter{}, Page{50, 0})).rows.empty());
  EXPECT_TRUE(SAME(Actors(std::string("Ch_na"), Filter{}, Page{50, 0})).rows.empty());
  EXPECT_TRUE(SAME(Actors(std::string("%"), Filter{}, Page{50, 0})).rows.empty());
  SAME(Actors(std::nullopt, Filter{}, Page{3, 2}));
  for (const auto& [f, name] : Filters()) {
    SAME_F(Actors(std::nullopt, f, Page{50, 0}), name);
    SAME_F(Actors(std::string("china"), f, Page{2, 1}), name);
  }
  std::vector<std::pair<Filter, std::string>> some = {
      {Filter{}, "none"}, {Days(20300, std::nullopt), "since 20300"}, {Lang("en"), "lang en"},
      {OutletIs("detik.com"), "outlet detik.com"}};
  for (int64_t id : Ids(all, 0)) {
    SAME(Actor(id));
    for (const auto& [f, name] : some) {
      SAME_F(ActorMentionsByMonth(id, f), name);
      SAME_F(QuotesOf(id, f, Page{50, 0}), name);
      SAME_F(EventsOf(id, true, f, Page{50, 0}), name);
      SAME_F(EventsOf(id, false, f, Page{50, 0}), name);
    }
    SAME(EventsOf(id, true, Filter{}, Page{1, 1}));
    // Dated months only.
    for (const auto& row : SAME(ActorMentionsByMonth(id, Filter{})).rows) EXPECT_NE(row[0], "undated");
  }
  SAME(Actor(999999));
  SAME(ActorMentionsByMonth(999999, Filter{}));
}

TEST_F(PostgresVsSqlite, Quotes) {
  Table all = SAME(Quotes(std::nullopt, std::nullopt, Filter{}, Page{50, 0}));
  EXPECT_GE(all.rows.size(), 2u);
  for (const char* who : {"Lin", "lin jian", "SUGIONO", "%", "_", "CHN"})
    SAME(Quotes(std::string(who), std::nullopt, Filter{}, Page{50, 0}));
  for (const char* words : {"kami", "RESPOND", "%", "x_y", "\\"})
    SAME(Quotes(std::nullopt, std::string(words), Filter{}, Page{50, 0}));
  SAME(Quotes(std::string("a"), std::string("e"), Filter{}, Page{1, 1}));
  for (const auto& [f, name] : Filters()) {
    SAME_F(Quotes(std::nullopt, std::nullopt, f, Page{50, 0}), name);
    SAME_F(Quotes(std::string("a"), std::nullopt, f, Page{1, 0}), name);
  }
}

TEST_F(PostgresVsSqlite, EventsByEveryFilter) {
  Table all = SAME(Events(EventFilter{}));
  EXPECT_GE(all.rows.size(), 3u);
  Table actors = SAME(Actors(std::string("china"), Filter{}, Page{1, 0}));
  std::vector<EventFilter> filters(11);
  filters[0].source = "CHN";
  filters[1].target = "USA";
  filters[2].source = "united states";  // a name, case-insensitive
  filters[3].source = actors.rows.empty() ? "1" : *actors.rows[0][0];  // an entity id
  filters[4].docs.since = 20000;
  filters[5].docs.until = 20200;
  filters[6].source = "C_N";  // a literal _: no code has one
  filters[7].target = "99999999999999999999";  // digits too large for an id
  filters[8].page = Page{2, 1};
  filters[9].source = "RUS";
  filters[9].target = "CHN";
  filters[10].source = "chn";  // a code prefix, case-insensitive
  for (const auto& f : filters) SAME(Events(f));
  EXPECT_TRUE(SAME(Events(filters[6])).rows.empty());
  for (const auto& [f, name] : Filters()) {
    EventFilter ef;
    ef.docs = f;
    SAME_F(Events(ef), name);
    ef.source = "CHN";
    ef.page = Page{1, 1};
    SAME_F(Events(ef), name);
  }
}

TEST_F(PostgresVsSqlite, RelationsGraphMapAndDyads) {
  for (const char* by : {"day", "week", "month", "year"}) {
    Table r = SAME(Relations("CHN", std::string("USA"), by));
    EXPECT_FALSE(r.rows.empty()) << by;
    SAME(Relations("IDN", std::string("MYS"), by));
    SAME(Relations("", std::string(""), by));
    SAME(Relations("", std::string(""), by, Days(20000, 20300)));
    SAME(Relations("chn", std::string("u_a"), by));  // a code with _ is a literal prefix
    // Without b: every event with a on either side; dated periods only.
    Table one = SAME(Relations("CHN", std::nullopt, by));
    EXPECT_GE(one.rows.size(), r.rows.size()) << by;
    for (const auto& row : one.rows) EXPECT_NE(row[0], "undated");
    SAME(Relations("IDN", std::nullopt, by));
    SAME(Relations("XYZ", std::nullopt, by));
  }
  for (const auto& [f, name] : Filters()) {
    SAME_F(Relations("CHN", std::string("USA"), "month", f), name);
    SAME_F(Relations("CHN", std::nullopt, "week", f), name);
    SAME_F(GraphNodes(f), name);
    SAME_F(GraphEdges(f, 1), name);
    SAME_F(GraphEdges(f, 2), name);
    SAME_F(MapCountries(std::nullopt, f), name);
    for (const char* actor : {"CHN", "USA", "IDN", "XYZ"}) SAME_F(MapCountries(std::string(actor), f), name);
    SAME_F(Dyads(f, 50), name);
    SAME_F(Dyads(f, 1), name);
  }
  EXPECT_FALSE(SAME(GraphNodes(Filter{})).rows.empty());
  EXPECT_FALSE(SAME(GraphEdges(Filter{}, 1)).rows.empty());
  EXPECT_FALSE(SAME(Dyads(Filter{}, 50)).rows.empty());
  Table map = SAME(MapCountries(std::nullopt, Filter{}));
  EXPECT_FALSE(map.rows.empty());
  for (const auto& row : map.rows) EXPECT_EQ(row[0]->size(), 3u) << Show(map);
  EXPECT_FALSE(SAME(MapCountries(std::string("CHN"), Filter{})).rows.empty());
}

TEST_F(PostgresVsSqlite, Documents) {
  for (int64_t id = 1; id <= 9; ++id) {  // 9: no such document
    Table d = SAME(Document(id));
    EXPECT_EQ(d.rows.size(), id <= 8 ? 1u : 0u);
    SAME(DocumentMentions(id));
    SAME(DocumentQuotes(id));
    SAME(DocumentEvents(id));
    SAME(DocumentSpans(id));
  }
  // The outlet as outlets.tsv names it; none for a record without a URL.
  bool named = false, none = false;
  for (int64_t id = 1; id <= 8; ++id) {
    auto d = pg_->Document(id);
    ASSERT_TRUE(d.ok());
    const Table& t = d.value();
    const auto& row = t.rows.at(0);
    if (row[ColumnOf(t, "outlet")] == "reuters.com")
      named = row[ColumnOf(t, "outlet_name")] == "Reuters" && row[ColumnOf(t, "outlet_country")] == "GBR";
    if (!row[ColumnOf(t, "url")]) none = row[ColumnOf(t, "outlet")] == "" && !row[ColumnOf(t, "outlet_name")];
  }
  EXPECT_TRUE(named);
  EXPECT_TRUE(none);
}

TEST_F(PostgresVsSqlite, ExportOfEveryTable) {
  for (const char* what : {"documents", "events", "quotes"}) {
    Table a, b;
    auto collect = [](Table* t) {
      return [t](const Table& header, const std::vector<std::optional<std::string>>& row) {
        t->columns = header.columns;
        t->types = header.types;
        t->rows.push_back(row);
      };
    };
    Status sa = sqlite_->Export(what, collect(&a)), sb = pg_->Export(what, collect(&b));
    ASSERT_TRUE(sa.ok()) << sa.message();
    ASSERT_TRUE(sb.ok()) << sb.message();
    EXPECT_FALSE(a.rows.empty()) << what;
    Same(a, b, std::string("Export ") + what);
  }
  Status bad = pg_->Export("mentions", [](const Table&, const std::vector<std::optional<std::string>>&) {});
  EXPECT_EQ(bad.code(), Status::Code::kInvalidArgument);
}

// The same documents; the order and the snippets may differ (bm25 and snippet() against ts_rank and ts_headline).
TEST_F(PostgresVsSqlite, SearchFindsTheSameDocuments) {
  for (const char* q : {"China", "sanksi", "sanctions", "\"kerja sama\"", "China OR Malaysia", "China NOT Rusia",
                        "sanc*", "title:Perundingan", "-title:sanctions", "(China OR Indonesia) AND Malaysia",
                        "perundingan + batas", "tidakadakataini"}) {
    for (const auto& [f, name] : Filters()) {
      auto a = sqlite_->Search(q, f, Page{50, 0});
      auto b = pg_->Search(q, f, Page{50, 0});
      ASSERT_TRUE(a.ok()) << q << ": " << a.status().message();
      ASSERT_TRUE(b.ok()) << q << ": " << b.status().message();
      EXPECT_EQ(a.value().columns, b.value().columns);
      EXPECT_EQ(a.value().types, b.value().types) << q << " [" << name << "]";
      auto ids = [](const Table& t) {
        std::set<int64_t> s;
        for (const auto& row : t.rows) s.insert(std::stoll(*row[0]));
        return s;
      };
      EXPECT_EQ(ids(a.value()), ids(b.value())) << q << " [" << name << "]";
      EXPECT_EQ(a.value().total, b.value().total) << q << " [" << name << "]";
      for (const auto& row : b.value().rows) EXPECT_TRUE(row[4].has_value()) << q;
      // A page: as many rows, and the same total.
      auto pa = sqlite_->Search(q, f, Page{1, 1});
      auto pb = pg_->Search(q, f, Page{1, 1});
      ASSERT_TRUE(pa.ok() && pb.ok()) << q;
      EXPECT_EQ(pa.value().rows.size(), pb.value().rows.size()) << q << " [" << name << "]";
      EXPECT_EQ(pa.value().total, pb.value().total) << q << " [" << name << "]";
    }
  }
  // A word of the text is marked in the snippet as SQLite marks it.
  auto hit = pg_->Search("sanctions", Filter{}, Page{50, 0});
  ASSERT_TRUE(hit.ok());
  ASSERT_FALSE(hit.value().rows.empty());
  EXPECT_EQ(hit.value().rows[0][3], "reuters.com");  // the outlet
  EXPECT_NE(hit.value().rows[0][4]->find("\x02sanctions\x03"), std::string::npos) << *hit.value().rows[0][4];
  // Malformed queries: both refuse, with the same kind of message.
  for (const char* q : {"AND", "\"open", "x:foo", "China NOT", "(China", "China)"}) {
    auto a = sqlite_->Search(q, Filter{}, Page{50, 0});
    auto b = pg_->Search(q, Filter{}, Page{50, 0});
    ASSERT_FALSE(a.ok()) << q;
    ASSERT_FALSE(b.ok()) << q;
    for (const char* kind : {"fts5", "unterminated string", "no such column"})
      EXPECT_EQ(a.status().message().find(kind) != std::string::npos,
                b.status().message().find(kind) != std::string::npos)
          << q << ": " << a.status().message() << " / " << b.status().message();
  }
}

}  // namespace
}  // namespace warta
