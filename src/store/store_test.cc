#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <string>

#include "store/schema.h"
#include "store/table_format.h"

namespace warta {
namespace {

std::string TempDb(const std::string& name) {
  std::string path = ::testing::TempDir() + "warta_store_" + name + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

// An Indonesian document of no date whose two texts are `text`.
DocumentRow Row(const std::string& identity, const std::string& text) {
  DocumentRow r;
  r.identity = identity;
  r.source = "test";
  r.site = "example.com";
  r.lang = "id";
  r.original = r.text = text;
  r.content_hash = "h";
  return r;
}

TEST(Store, MigratesAnEmptyFileToTheCurrentSchema) {
  std::string path = TempDb("migrate");
  {
    auto s = Store::OpenSqlite(path, Store::Mode::kReadWrite);
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ(s.value()->SchemaVersion(), static_cast<int>(Migrations().size()));
    auto stats = s.value()->Stats({});
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats.value().columns,
              (std::vector<std::string>{"documents", "unique_documents", "duplicates", "stories", "entities", "quotes",
                                        "events", "topics", "outlets", "first", "last"}));
    EXPECT_EQ(stats.value().rows.at(0).at(0), "0");
  }
  // Opening again changes nothing; read-only works on a current file.
  auto again = Store::OpenSqlite(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value()->SchemaVersion(), static_cast<int>(Migrations().size()));
  EXPECT_TRUE(Store::OpenSqlite(path, Store::Mode::kReadOnly).ok());
}

TEST(Store, MigratesAnOlderSchemaStepByStep) {
  std::string path = TempDb("older");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, std::string(Migrations()[0]).c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  // A reader refuses a file that needs upgrading; a writer upgrades it.
  auto ro = Store::OpenSqlite(path, Store::Mode::kReadOnly);
  ASSERT_FALSE(ro.ok());
  EXPECT_NE(ro.status().message().find("schema version 1"), std::string::npos);
  auto rw = Store::OpenSqlite(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(rw.ok()) << rw.status().message();
  EXPECT_EQ(rw.value()->SchemaVersion(), static_cast<int>(Migrations().size()));
}

// A store written before the texts were compressed (schema 4) keeps every
// article's texts, its search index and its dedup keys through the upgrade.
TEST(Store, AnUncompressedStoreIsCompressedOnUpgrade) {
  std::string path = TempDb("v4");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  for (size_t v = 0; v < 4; ++v) ASSERT_EQ(sqlite3_exec(db, std::string(Migrations()[v]).c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  const char* insert =
      "PRAGMA user_version = 4;"
      "INSERT INTO documents (identity, source, site, title, lang, original, text, content_hash) VALUES "
      "('id:1', 'a.jsonl', 'a.example', 'Banjir di Bekasi', 'id', 'IKLAN\nBanjir merendam rumah warga di Bekasi.', "
      "'Banjir merendam rumah warga di Bekasi.', 'h1');"
      "INSERT INTO dedup (document, shingles, bands) VALUES (1, x'0102', x'0304');";
  ASSERT_EQ(sqlite3_exec(db, insert, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  auto rw = Store::OpenSqlite(path, Store::Mode::kReadWrite);
  ASSERT_TRUE(rw.ok()) << rw.status().message();
  auto doc = rw.value()->Document(1);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Table& t = doc.value();
  auto column = [&](const std::string& name) {
    for (size_t i = 0; i < t.columns.size(); ++i)
      if (t.columns[i] == name) return t.rows.at(0).at(i).value_or("NULL");
    return std::string("no column ") + name;
  };
  EXPECT_EQ(column("original"), "IKLAN\nBanjir merendam rumah warga di Bekasi.");
  EXPECT_EQ(column("text"), "Banjir merendam rumah warga di Bekasi.");
  EXPECT_EQ(rw.value()->CleanTextOf(1).value(), "Banjir merendam rumah warga di Bekasi.");
  auto found = rw.value()->Search("rumah", {}, Page{});
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found.value().rows.size(), 1u);
  EXPECT_NE(found.value().rows[0].back().value_or("").find("\x02rumah\x03"), std::string::npos);
  std::vector<std::string> bands;
  ASSERT_TRUE(rw.value()->ForEachBands(0, [&](int64_t, const std::string& b) { bands.push_back(b); }).ok());
  EXPECT_EQ(bands, std::vector<std::string>{"\x03\x04"});
}

// A store of schema 11 (one row per mention, quotes with their words, events with their
// sentence) keeps every mention and every quotation's words through migrations 12 and 13.
TEST(Store, MentionsArePackedAndQuoteWordsReadFromTheBodyOnUpgrade) {
  std::string path = TempDb("v11");
  {
    auto s = Store::OpenSqlite(path, Store::Mode::kReadWrite);  // creates the current schema
    ASSERT_TRUE(s.ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // Back to schema 11's tables (mentions a row each, quotes with their words, events with their
  // sentence), with rows as schema 11 wrote them; the document is added after the upgrade.
  const char* v11 =
      "DROP TRIGGER agg_canonical; DROP TABLE mention_sets; DROP TABLE body_dictionaries;"
      "ALTER TABLE quotes ADD COLUMN text TEXT NOT NULL DEFAULT '';"
      "ALTER TABLE events ADD COLUMN sentence TEXT NOT NULL DEFAULT '';"
      "CREATE TABLE mentions (document INTEGER NOT NULL REFERENCES documents(id), entity INTEGER NOT NULL "
      "REFERENCES entities(id), start INTEGER NOT NULL, end INTEGER NOT NULL);"
      "CREATE INDEX mentions_document ON mentions(document); CREATE INDEX mentions_entity ON mentions(entity, document);"
      "CREATE TRIGGER agg_canonical AFTER UPDATE OF duplicate_of ON documents BEGIN SELECT 1; END;"
      "INSERT INTO entities (id, key, name, type, actor) VALUES (1, 'kb:x', 'Jokowi', 'PER', 'IDNGOV'),"
      "  (2, 'kb:y', 'Jakarta', 'LOC', 'IDN');"
      "INSERT INTO mentions VALUES (1, 1, 50, 56), (1, 2, 15, 22), (1, 1, 0, 6);"
      "INSERT INTO quotes (document, text, kind, speaker, speaker_entity, start, end) "
      "  VALUES (1, 'stale copy', 'direct', 'Jokowi', 1, 25, 42);"
      "PRAGMA user_version = 11;";
  ASSERT_EQ(sqlite3_exec(db, v11, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  {
    auto s = Store::OpenSqlite(path, Store::Mode::kReadWrite);
    ASSERT_TRUE(s.ok()) << s.status().message();
    Store& st = *s.value();
    ASSERT_TRUE(st.Begin().ok());
    ASSERT_EQ(st.AddDocument(Row("id:1", "Jokowi tiba di Jakarta. \"Kami siap bekerja,\" kata Jokowi.")).value(), 1);
    ASSERT_TRUE(st.Commit().ok());
  }
  auto s = Store::OpenSqlite(path, Store::Mode::kReadOnly);
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto spans = s.value()->DocumentSpans(1);
  ASSERT_TRUE(spans.ok()) << spans.status().message();
  EXPECT_EQ(TableToCsv(spans.value()), "start,end,entity,name,actor\r\n0,6,1,Jokowi,IDNGOV\r\n15,22,2,Jakarta,IDN\r\n"
                                       "50,56,1,Jokowi,IDNGOV\r\n");
  auto mentions = s.value()->DocumentMentions(1);
  ASSERT_TRUE(mentions.ok());
  EXPECT_EQ(TableToCsv(mentions.value()), "entity,name,type,actor,mentions,first\r\n1,Jokowi,PER,IDNGOV,2,0\r\n"
                                          "2,Jakarta,LOC,IDN,1,15\r\n");
  // The quotation's words are the body's bytes [25, 42), not the copy schema 11 kept.
  auto quotes = s.value()->DocumentQuotes(1);
  ASSERT_TRUE(quotes.ok()) << quotes.status().message();
  EXPECT_EQ(TableToCsv(quotes.value()), "speaker,kind,start,end,text\r\nJokowi,direct,25,42,Kami siap bekerja\r\n");
}

// Mentions of one entity added twice to a document (two entities with one key) are one row
// whose spans hold both, and the entity counts the document once.
TEST(Store, MentionsOfOneEntityAddedTwiceAreMerged) {
  auto s = Store::OpenSqlite(TempDb("merge"), Store::Mode::kReadWrite);
  ASSERT_TRUE(s.ok());
  Store& st = *s.value();
  ASSERT_TRUE(st.Begin().ok());
  int64_t doc = st.AddDocument(Row("id:m", "Prabowo bertemu Albanese. Prabowo tersenyum.")).value();
  int64_t prabowo = st.EntityId({"kb:p", "Prabowo", "PER", "", "IDN", "IDNGOV", "p"}).value();
  ASSERT_TRUE(st.AddMentions(doc, prabowo, {{26, 33}}).ok());
  ASSERT_TRUE(st.AddMentions(doc, prabowo, {{0, 7}}).ok());
  ASSERT_TRUE(st.Commit().ok());
  EXPECT_EQ(TableToCsv(st.DocumentSpans(doc).value()),
            "start,end,entity,name,actor\r\n0,7,1,Prabowo,IDNGOV\r\n26,33,1,Prabowo,IDNGOV\r\n");
  auto actor = st.Actor(prabowo);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor.value().rows.at(0).at(6), "1");  // documents
  EXPECT_EQ(actor.value().rows.at(0).at(7), "2");  // mentions
}

// Once the store holds a thousand articles the writer trains a text dictionary on them; the
// articles after it are compressed with it and read back by any connection, also read-only.
TEST(Store, ATextDictionaryIsTrainedOnceEnoughArticlesAreStored) {
  std::string path = TempDb("dictionary");
  auto text = [](int i) {
    return "Jakarta - Kementerian Keuangan menyampaikan realisasi anggaran ke-" + std::to_string(i) +
           " kepada wartawan. Baca juga: Harga Beras Naik Lagi. (red/detikcom) " + std::to_string(i * 7919 % 1000);
  };
  {
    auto s = Store::OpenSqlite(path, Store::Mode::kReadWrite);
    ASSERT_TRUE(s.ok());
    Store& st = *s.value();
    for (int batch = 0; batch < 2; ++batch) {
      ASSERT_TRUE(st.Begin().ok());
      for (int i = batch * 1000; i < (batch + 1) * 1000 + batch; ++i)
        ASSERT_TRUE(st.AddDocument(Row("id:" + std::to_string(i), text(i))).ok());
      ASSERT_TRUE(st.Commit().ok());
    }
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*), MIN(length(dict)) FROM body_dictionaries", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 1);
  EXPECT_GT(sqlite3_column_int(q, 1), 1000);
  sqlite3_finalize(q);
  sqlite3_close(db);
  auto ro = Store::OpenSqlite(path, Store::Mode::kReadOnly);
  ASSERT_TRUE(ro.ok()) << ro.status().message();
  for (int id : {1, 1000, 1500, 2001}) {
    auto t = ro.value()->CleanTextOf(id);
    ASSERT_TRUE(t.ok()) << t.status().message();
    EXPECT_EQ(t.value(), text(id - 1));
  }
}

// Mentions of a document of an earlier batch (not summed in memory) are counted in SQL: the
// entity's totals are the same either way.
TEST(Store, MentionsOfAnEarlierBatchesDocumentAreCountedToo) {
  auto s = Store::OpenSqlite(TempDb("later"), Store::Mode::kReadWrite);
  ASSERT_TRUE(s.ok());
  Store& st = *s.value();
  ASSERT_TRUE(st.Begin().ok());
  int64_t doc = st.AddDocument(Row("id:l", "Prabowo bertemu Albanese. Prabowo tersenyum.")).value();
  int64_t prabowo = st.EntityId({"kb:p", "Prabowo", "PER", "", "IDN", "IDNGOV", "p"}).value();
  ASSERT_TRUE(st.AddMentions(doc, prabowo, {{0, 7}}).ok());
  ASSERT_TRUE(st.Commit().ok());
  ASSERT_TRUE(st.Begin().ok());
  ASSERT_TRUE(st.AddMentions(doc, prabowo, {{26, 33}}).ok());
  ASSERT_TRUE(st.Commit().ok());
  auto actor = st.Actor(prabowo);
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor.value().rows.at(0).at(6), "1");  // documents
  EXPECT_EQ(actor.value().rows.at(0).at(7), "2");  // mentions
  EXPECT_EQ(TableToCsv(st.DocumentSpans(doc).value()),
            "start,end,entity,name,actor\r\n0,7,1,Prabowo,IDNGOV\r\n26,33,1,Prabowo,IDNGOV\r\n");
}

TEST(Store, RefusesANewerSchemaAndNonDatabases) {
  std::string path = TempDb("newer");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto s = Store::OpenSqlite(path, Store::Mode::kReadWrite);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer"), std::string::npos) << s.status().message();

  std::string junk = TempDb("junk");
  FILE* f = std::fopen(junk.c_str(), "wb");
  std::fputs("this is not an SQLite file, just text that is long enough to have a header..........", f);
  std::fclose(f);
  auto j = Store::OpenSqlite(junk, Store::Mode::kReadWrite);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.status().message().find(junk), std::string::npos) << j.status().message();
}

TEST(Store, DocumentsEntitiesAndTheEarliestCopy) {
  auto s = Store::OpenSqlite(TempDb("docs"), Store::Mode::kReadWrite);
  ASSERT_TRUE(s.ok());
  Store& st = *s.value();
  ASSERT_TRUE(st.Begin().ok());
  auto doc = [&](const std::string& identity, std::optional<int32_t> day) {
    DocumentRow r;
    r.identity = identity;
    r.source = "test";
    r.site = "example.com";
    r.day = day;
    r.lang = "id";
    r.original = r.text = "teks";
    r.content_hash = "h";
    return st.AddDocument(r).value();
  };
  int64_t a = doc("id:a", 20000), b = doc("id:b", 20001), c = doc("id:c", 19990);
  EXPECT_TRUE(st.HasIdentity("id:a").value());
  EXPECT_FALSE(st.HasIdentity("id:z").value());
  ASSERT_TRUE(st.LinkDuplicate(b, a, 1.0).ok());
  EXPECT_EQ(st.CanonicalOf(b).value(), a);
  // c is an earlier copy: it becomes the one a and b repeat.
  ASSERT_TRUE(st.LinkDuplicate(c, b, 0.9).ok());
  EXPECT_EQ(st.CanonicalOf(a).value(), c);
  EXPECT_EQ(st.CanonicalOf(b).value(), c);
  EXPECT_EQ(st.CanonicalOf(c).value(), c);
  // One entity row per key.
  EntityRow e{"kb:country/CHN", "China", "LOC", "country", "CHN", "CHN", "country/CHN"};
  EXPECT_EQ(st.EntityId(e).value(), st.EntityId(e).value());
  ASSERT_TRUE(st.Commit().ok());
  auto stats = st.Stats({}).value();
  EXPECT_EQ(TableToCsv(stats), "documents,unique_documents,duplicates,stories,entities,quotes,events,topics,outlets,first,"
                               "last\r\n3,1,2,0,1,0,0,0,0,2024-09-24,2024-10-05\r\n");
}

TEST(TableFormat, TextJsonAndCsv) {
  Table t;
  t.columns = {"name", "n", "x"};
  t.types = {Table::Type::kText, Table::Type::kInt, Table::Type::kReal};
  t.rows = {{std::string("Jakarta, \"DKI\""), std::string("12"), std::string("-2.5")}, {std::nullopt, std::string("3"), std::nullopt}};
  EXPECT_EQ(TableToJson(t), "[{\"name\":\"Jakarta, \\\"DKI\\\"\",\"n\":12,\"x\":-2.5000},\n {\"name\":null,\"n\":3,\"x\":null}]\n");
  EXPECT_EQ(TableToCsv(t), "name,n,x\r\n\"Jakarta, \"\"DKI\"\"\",12,-2.5\r\n,3,\r\n");
  std::string text = TableToText(t);
  EXPECT_NE(text.find("Jakarta, \"DKI\"  12  -2.5"), std::string::npos) << text;
  Table wide;
  wide.columns = {"text"};
  wide.types = {Table::Type::kText};
  wide.rows = {{std::string(100, 'a') + "\nb"}};
  EXPECT_NE(TableToText(wide, 10).find("aaaaaaaaaa…"), std::string::npos);
}

// What messages show of --db: a PostgreSQL URI's password never, a file path as given.
TEST(Store, PrintableHidesAUrisPassword) {
  EXPECT_EQ(Store::Printable("/tmp/my store.db"), "/tmp/my store.db");
  for (std::string uri : {"postgresql://warta:s3cret@db.example/warta", "postgres://db.example/warta?password=s3cret"}) {
    std::string shown = Store::Printable(uri);
    EXPECT_EQ(shown.find("s3cret"), std::string::npos) << shown;
    EXPECT_NE(shown.find("db.example"), std::string::npos) << shown;
  }
}

}  // namespace
}  // namespace warta
