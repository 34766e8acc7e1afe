// The PostgreSQL store's writers and openers: concurrent migrations, batches
// of several writers serialised by the advisory lock, two ingests into one
// database at once, three `warta ingest` processes at once on overlapping files
// whose copies and stories span the files, a writer that opens while another
// commits, a `warta ingest` killed mid-way and resumed, read-only
// mode, rollback of an unfinished batch, a store of schema version 1
// upgraded (outlets), writers of one outlet at once, and errors that name the URI
// without its password. Each test process runs a throwaway server
// (tests/pg_server.h).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <thread>
#include <utility>

#include "corpus/ingest.h"
#include "corpus/near_dup.h"
#include "store/postgres_schema.h"
#include "store/store.h"
#include "tests/pg_server.h"
#include "tests/run_command.h"
#include "tests/test_support.h"
#include "util/days.h"

extern char** environ;

namespace warta {
namespace {

// One number from a query run through libpq directly (not through the store under test); -1 on error.
long long Number(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  long long n = -1;
  if (PQstatus(c) == CONNECTION_OK) {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) n = std::atoll(PQgetvalue(r, 0, 0));
    PQclear(r);
  }
  PQfinish(c);
  return n;
}

DocumentRow Row(const std::string& identity) {
  DocumentRow d;
  d.identity = identity;
  d.source = "test";
  d.site = "test";
  d.lang = "id";
  d.original = d.text = "teks";
  d.content_hash = identity;
  return d;
}

class PostgresWriters : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new testing::PgServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    if (!server_->why().empty()) GTEST_SKIP() << "no PostgreSQL server: " << server_->why();
  }
  static std::string NewDatabase(const std::string& name) {
    EXPECT_EQ(server_->CreateDatabase(name), "");
    return server_->Uri(name);
  }
  static testing::PgServer* server_;
};
testing::PgServer* PostgresWriters::server_ = nullptr;

TEST_F(PostgresWriters, ManyOpenersOfANewDatabaseMigrateItOnce) {
  std::string uri = NewDatabase("openers");
  std::vector<std::thread> threads;
  std::atomic<int> opened{0};
  std::vector<std::string> errors(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      auto s = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
      if (s.ok()) ++opened;
      else errors[static_cast<size_t>(i)] = s.status().message();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(opened.load(), 4) << errors[0] << errors[1] << errors[2] << errors[3];
  EXPECT_EQ(Number(uri, "SELECT version FROM warta_meta_version"), static_cast<long long>(PostgresMigrations().size()));
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM warta_meta_version"), 1);
  auto ro = Store::Open(uri, Store::Mode::kReadOnly);  // Open picks PostgreSQL for the URI
  ASSERT_TRUE(ro.ok()) << ro.status().message();
  EXPECT_EQ(ro.value()->SchemaVersion(), static_cast<int>(PostgresMigrations().size()));
}

TEST_F(PostgresWriters, ReadOnlyRefusesWritesAndUnmigratedDatabases) {
  std::string uri = NewDatabase("readonly");
  auto fresh = Store::OpenPostgres(uri, Store::Mode::kReadOnly);
  ASSERT_FALSE(fresh.ok());
  EXPECT_NE(fresh.status().message().find("schema version 0"), std::string::npos) << fresh.status().message();
  ASSERT_TRUE(Store::OpenPostgres(uri, Store::Mode::kReadWrite).ok());
  auto ro = Store::OpenPostgres(uri, Store::Mode::kReadOnly);
  ASSERT_TRUE(ro.ok()) << ro.status().message();
  ASSERT_TRUE(ro.value()->Begin().ok());
  auto added = ro.value()->AddDocument(Row("id:x"));
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.status().message().find("read-only"), std::string::npos) << added.status().message();
  EXPECT_FALSE(ro.value()->Commit().ok());  // the batch failed: said so, not committed
  EXPECT_FALSE(ro.value()->SetMeta("k", "v").ok());
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM meta"), 0);
  EXPECT_TRUE(ro.value()->Stats(Filter{}).ok());  // reading works
}

// Statements run through libpq directly; empty on success, else the error.
std::string Exec(const std::string& uri, const std::string& sql) {
  PGconn* c = PQconnectdb(uri.c_str());
  std::string err;
  if (PQstatus(c) != CONNECTION_OK) {
    err = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) err = PQerrorMessage(c);
    PQclear(r);
  }
  PQfinish(c);
  return err;
}

// A store written by the warta before outlets (schema version 1) opens as the current schema:
// documents with a URL take their site as their outlet (as SQLite's migration 9 does), the
// outlets table counts them, and new documents are added to it.
TEST_F(PostgresWriters, AVersionOneStoreGainsOutlets) {
  std::string uri = NewDatabase("version_one");
  ASSERT_EQ(Exec(uri, std::string(PostgresMigrations().at(0))), "");
  ASSERT_EQ(Exec(uri, "CREATE TABLE warta_meta_version (version INTEGER NOT NULL); "
                      "INSERT INTO warta_meta_version VALUES (1); "
                      "INSERT INTO documents (identity, source, site, url, day, lang, original, text, content_hash) "
                      "VALUES ('id:1', 'a.jsonl', 'detik.com', 'https://detik.com/1', 20000, 'id', 't', 't', 'h1'), "
                      "('id:2', 'a.jsonl', 'detik.com', 'https://detik.com/2', 20005, 'id', 't', 't', 'h2'), "
                      "('id:3', 'a.jsonl', 'a.jsonl', NULL, NULL, 'en', 't', 't', 'h3'), "
                      "('id:4', 'a.jsonl', 'bbc.com', 'https://bbc.com/4', NULL, 'en', 't', 't', 'h4')"),
            "");
  auto ro = Store::OpenPostgres(uri, Store::Mode::kReadOnly);
  ASSERT_FALSE(ro.ok());  // a reader does not upgrade
  EXPECT_NE(ro.status().message().find("schema version 1"), std::string::npos) << ro.status().message();
  auto s = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s.value()->SchemaVersion(), static_cast<int>(PostgresMigrations().size()));
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents WHERE outlet = 'detik.com'"), 2);
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents WHERE outlet = ''"), 1);
  EXPECT_EQ(Number(uri, "SELECT documents FROM outlets WHERE outlet = 'detik.com'"), 2);
  EXPECT_EQ(Number(uri, "SELECT last_day FROM outlets WHERE outlet = 'detik.com'"), 20005);
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM outlets WHERE outlet = 'bbc.com' AND first_day IS NULL"), 1);
  DocumentRow d = Row("id:5");
  d.outlet = "bbc.com";
  d.outlet_name = "BBC";
  d.outlet_country = "GBR";
  d.day = 19990;
  ASSERT_TRUE(s.value()->Begin().ok());
  ASSERT_TRUE(s.value()->AddDocument(d).ok());
  ASSERT_TRUE(s.value()->Commit().ok());
  // The name and country stay as first seen (the migration's); the count and days follow.
  EXPECT_EQ(Number(uri, "SELECT documents FROM outlets WHERE outlet = 'bbc.com' AND name = 'bbc.com' AND "
                        "country IS NULL AND first_day = 19990 AND last_day = 19990"),
            2);
  auto outlets = s.value()->Outlets(Filter{}, Page{50, 0});
  ASSERT_TRUE(outlets.ok()) << outlets.status().message();
  EXPECT_EQ(outlets.value().total, 2);
  auto problems = s.value()->CheckIntegrity(false);
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  EXPECT_TRUE(problems.value().empty()) << problems.value().front();
}

// Writers of one outlet in several connections at once: every document counted once in its
// outlet's row, the earliest and latest days kept.
TEST_F(PostgresWriters, WritersOfOneOutletCountEveryDocument) {
  std::string uri = NewDatabase("outlet_writers");
  ASSERT_TRUE(Store::OpenPostgres(uri, Store::Mode::kReadWrite).ok());
  constexpr int kWriters = 3, kBatches = 10, kPerBatch = 4;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kWriters);
  for (int w = 0; w < kWriters; ++w)
    threads.emplace_back([&, w] {
      auto s = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
      if (!s.ok()) return void(errors[static_cast<size_t>(w)] = s.status().message());
      for (int b = 0; b < kBatches; ++b) {
        Status st = s.value()->Begin();
        for (int i = 0; i < kPerBatch && st.ok(); ++i) {
          DocumentRow d = Row("id:" + std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i));
          d.outlet = "kompas.com";
          d.outlet_name = "Kompas.com";
          d.outlet_country = "IDN";
          if (i != 0) d.day = 20000 + w * 100 + b;  // the first of each batch undated
          auto added = s.value()->AddDocument(d);
          if (!added.ok()) st = added.status();
        }
        if (st.ok()) st = s.value()->Commit();
        if (!st.ok()) return void(errors[static_cast<size_t>(w)] = st.message());
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(Number(uri, "SELECT documents FROM outlets WHERE outlet = 'kompas.com' AND name = 'Kompas.com' AND "
                        "country = 'IDN'"),
            kWriters * kBatches * kPerBatch);
  EXPECT_EQ(Number(uri, "SELECT first_day FROM outlets"), 20000);
  EXPECT_EQ(Number(uri, "SELECT last_day FROM outlets"), 20000 + (kWriters - 1) * 100 + kBatches - 1);
  auto s = Store::OpenPostgres(uri, Store::Mode::kReadOnly);
  ASSERT_TRUE(s.ok());
  auto problems = s.value()->CheckIntegrity(false);
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  EXPECT_TRUE(problems.value().empty()) << problems.value().front();
}

TEST_F(PostgresWriters, ErrorsNameTheUriWithoutItsPassword) {
  // A server that is not there (no socket in that directory).
  auto gone = Store::Open("postgresql://warta:s3cret@/warta?host=/nonexistent-warta-dir", Store::Mode::kReadOnly);
  ASSERT_FALSE(gone.ok());
  EXPECT_NE(gone.status().message().find("postgresql://warta:***@/warta?host=/nonexistent-warta-dir"),
            std::string::npos)
      << gone.status().message();
  EXPECT_EQ(gone.status().message().find("s3cret"), std::string::npos) << gone.status().message();
  // A running server, a database that does not exist; a password as a parameter.
  std::string uri = server_->Uri("no_such_db") + "&password=hunter2";
  auto missing = Store::Open(uri, Store::Mode::kReadWrite);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no_such_db"), std::string::npos) << missing.status().message();
  EXPECT_EQ(missing.status().message().find("hunter2"), std::string::npos) << missing.status().message();
}

TEST_F(PostgresWriters, AnUnfinishedBatchIsRolledBack) {
  std::string uri = NewDatabase("rollback");
  {
    auto s = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
    ASSERT_TRUE(s.ok()) << s.status().message();
    ASSERT_TRUE(s.value()->Begin().ok());
    ASSERT_TRUE(s.value()->AddDocument(Row("id:lost")).ok());
  }  // closed without Commit
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents"), 0);
  auto s = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(s.value()->Begin().ok());
  ASSERT_TRUE(s.value()->AddDocument(Row("id:a")).ok());
  EXPECT_FALSE(s.value()->AddDocument(Row("id:a")).ok());  // the identity is unique
  EXPECT_FALSE(s.value()->Commit().ok());                   // a failed batch is not committed
  ASSERT_TRUE(s.value()->Begin().ok());                     // and the next one starts clean
  ASSERT_TRUE(s.value()->AddDocument(Row("id:b")).ok());
  ASSERT_TRUE(s.value()->Commit().ok());
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents"), 1);
  auto has = s.value()->HasIdentity("id:b");
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(has.value());
}

TEST_F(PostgresWriters, BatchesOfTwoWritersRunOneAfterTheOther) {
  std::string uri = NewDatabase("serialised");
  auto a = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  auto b = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(a.value()->Begin().ok());
  ASSERT_TRUE(a.value()->AddDocument(Row("id:first")).ok());
  std::atomic<bool> b_began{false};
  std::thread other([&] {
    EXPECT_TRUE(b.value()->Begin().ok());
    b_began = true;
    // Begun after A's commit: A's document is visible to B's batch.
    auto seen = b.value()->HasIdentity("id:first");
    EXPECT_TRUE(seen.ok() && seen.value());
    EXPECT_TRUE(b.value()->Commit().ok());
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(b_began.load()) << "B's batch began while A's was open";
  ASSERT_TRUE(a.value()->Commit().ok());
  other.join();
  EXPECT_TRUE(b_began.load());
}

std::string Report(int i) {
  return "Laporan nomor " + std::to_string(i) + " dari desa " + std::to_string(i * 7 % 1000) +
         ". Warga desa itu menanam padi dan jagung di lahan seluas " + std::to_string(i % 50) +
         " hektare, kata kepala desa kepada wartawan. Panen tahun ini diperkirakan naik " + std::to_string(i % 13) +
         " persen dibanding tahun lalu karena hujan turun tepat waktu.";
}

// One writer: records [from, to) in batches of 8, skipping those already stored. A batch that
// meets a record another writer stored meanwhile fails on the identity's uniqueness and is
// retried with a fresh Ingester (as a new `warta ingest` would start).
void IngestRange(const std::string& uri, int from, int to, std::string* error) {
  const Knowledge& k = testing::TestKnowledge();
  auto store = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  if (!store.ok()) return void(*error = store.status().message());
  auto open = [&] {
    return Ingester::Open(store.value().get(), StoryClusterer::Create(StoryClusterer::Options{}, k.story_stopwords).value(),
                          StoryClusterer::Create(TopicOptions(), k.story_stopwords).value());
  };
  auto ingester = open();
  for (int start = from; start < to && error->empty();) {
    std::vector<PreparedDocument> batch;
    for (int i = start; i < std::min(start + 8, to); ++i) {
      Record r;
      r.source = "concurrent";
      r.id = "r" + std::to_string(i);
      r.published = "2025-10-01";
      r.text = Report(i);
      auto known = store.value()->HasIdentity(IdentityOf(r));
      if (!known.ok()) return void(*error = known.status().message());
      if (!known.value()) batch.push_back(PrepareDocument(std::move(r), k, AnalyzeOptions{}));
    }
    IngestCounts counts;
    Status s = ingester.ok() ? ingester.value().Write(&batch, &counts) : ingester.status();
    if (s.ok()) {
      start += 8;
    } else if (s.message().find("unique") != std::string::npos || s.message().find("duplicate key") != std::string::npos) {
      ingester = open();  // the batch rolled back: start again from the store
    } else {
      *error = s.message();
    }
  }
}

TEST_F(PostgresWriters, TwoConcurrentIngestsLoseAndDoubleNothing) {
  std::string uri = NewDatabase("concurrent");
  ASSERT_TRUE(Store::OpenPostgres(uri, Store::Mode::kReadWrite).ok());
  std::string error_a, error_b;
  std::thread a(IngestRange, uri, 0, 120, &error_a);   // overlapping: 60..119 by both
  std::thread b(IngestRange, uri, 60, 180, &error_b);
  a.join();
  b.join();
  EXPECT_EQ(error_a, "");
  EXPECT_EQ(error_b, "");
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents"), 180);
  EXPECT_EQ(Number(uri, "SELECT COUNT(DISTINCT input_id) FROM documents"), 180);
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents_fts"), 180);
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM dedup"), 180);
}

// Killed at any moment, the next run finishes the job: every record stored exactly once.
TEST_F(PostgresWriters, KilledIngestResumes) {
  std::string uri = NewDatabase("killed");
  const int n = 1500;
  std::string in = ::testing::TempDir() + "warta_pg_kill_" + std::to_string(getpid()) + ".jsonl", corpus;
  for (int i = 0; i < n; ++i)
    corpus += "{\"id\":\"k" + std::to_string(i) + "\",\"url\":\"https://desa.example/" + std::to_string(i) +
              "\",\"published\":\"2025-10-01\",\"title\":\"Panen\",\"text\":\"" + Report(i) + "\"}\n";
  testing::WriteFile(in, corpus);
  pid_t pid = testing::SpawnWarta({"ingest", "--quiet", "--threads", "2", "--batch", "256", "--db", uri, in});
  ASSERT_GT(pid, 0);
  auto count = [&] { return Number(uri, "SELECT COUNT(*) FROM documents"); };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (count() < 256 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed";
  long long partial = count();
  EXPECT_GE(partial, 256);
  EXPECT_LT(partial, n);

  auto resumed = testing::RunWarta("ingest --quiet --db '" + uri + "' '" + in + "'");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(count(), n);
  EXPECT_EQ(Number(uri, "SELECT COUNT(DISTINCT input_id) FROM documents"), n);
  auto store = Store::OpenPostgres(uri, Store::Mode::kReadOnly);
  ASSERT_TRUE(store.ok());
  auto problems = store.value()->CheckIntegrity(false);
  ASSERT_TRUE(problems.ok()) << problems.status().message();
  EXPECT_TRUE(problems.value().empty()) << problems.value().front();
  std::remove(in.c_str());
}

// ---------------------------------------------------------------------------
// Several `warta ingest` processes at once into one database, on a corpus made
// to need the catch-up (src/corpus/ingest.cc, Ingester::CatchUp): the files
// overlap, and copies (exact and near) and articles of one story are spread
// over different files, so a process must link to and join what another
// process committed.

// A news-like corpus: kStories stories of kPerStory articles each, plus exact
// copies, near copies and records repeated in two files: 858 lines, 780
// distinct records, about 286 per file, so that each process writes two
// batches (--batch 256) and catches up more than once when they interleave.
struct NewsCorpus {
  std::vector<std::string> files[3];  // JSONL lines of each file
  std::vector<std::string> identities;  // every distinct record id, once
  struct Copy {
    std::string original, copy;  // record ids
    bool exact;
  };
  std::vector<Copy> copies;
  std::map<std::string, std::string> text_of;  // by record id
};

// Deterministic on every platform: std::mt19937 is fully specified, and only
// its raw output is used (the standard distributions are not).
struct Dice {
  std::mt19937 rng{20251001};
  size_t operator()(size_t n) { return rng() % n; }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) { return a[(*this)(N)]; }
};

NewsCorpus MakeNewsCorpus() {
  constexpr int kStories = 70, kPerStory = 10;
  static const char* kPlaces[kStories] = {
      "Bekasi", "Bogor", "Depok", "Tangerang", "Serang", "Cilegon", "Karawang", "Purwakarta", "Subang", "Garut",
      "Tasikmalaya", "Ciamis", "Cirebon", "Indramayu", "Kuningan", "Majalengka", "Sumedang", "Sukabumi", "Cianjur",
      "Brebes", "Tegal", "Pemalang", "Pekalongan", "Batang", "Kendal", "Semarang", "Demak", "Kudus", "Jepara",
      "Pati", "Rembang", "Blora", "Grobogan", "Boyolali", "Klaten", "Sukoharjo", "Wonogiri", "Karanganyar", "Sragen",
      "Magelang", "Temanggung", "Wonosobo", "Banjarnegara", "Purbalingga", "Banyumas", "Cilacap", "Kebumen",
      "Purworejo", "Ngawi", "Madiun", "Magetan", "Ponorogo", "Pacitan", "Trenggalek", "Tulungagung", "Blitar",
      "Kediri", "Nganjuk", "Jombang", "Mojokerto", "Lamongan", "Tuban", "Bojonegoro", "Gresik", "Sidoarjo",
      "Pasuruan", "Probolinggo", "Lumajang", "Jember", "Banyuwangi"};
  static const char* kFirst[] = {"Budi", "Siti", "Agus", "Dewi", "Joko", "Rina", "Hendra", "Wati", "Yusuf", "Lestari"};
  static const char* kLast[] = {"Santoso", "Wijaya", "Saputra", "Lubis", "Nasution", "Siregar", "Hidayat"};
  static const char* kDesaHead[] = {"Suka", "Tanjung", "Karang", "Sumber", "Wono", "Banyu", "Mekar", "Jati", "Pasir", "Cempaka"};
  static const char* kDesaTail[] = {"maju", "sari", "rejo", "mulya", "jaya", "asri", "agung"};
  // Ten kinds of story, each with its own words; stories of one kind are 30 days apart.
  static const std::vector<std::vector<std::string>> kKinds = {
      {"banjir", "tanggul", "sungai", "pengungsi", "genangan", "pompa", "luapan", "evakuasi"},
      {"kebakaran", "pemadam", "asap", "korsleting", "hangus", "bara", "mobil tangki", "puing"},
      {"jalan rusak", "aspal", "jembatan", "kontraktor", "lubang", "betonisasi", "tender", "drainase"},
      {"harga beras", "pedagang", "stok", "gabah", "operasi pasar", "penggilingan", "grosir", "timbangan"},
      {"gempa", "magnitudo", "guncangan", "episentrum", "gempa susulan", "tenda darurat", "retakan", "seismograf"},
      {"pilkada", "calon bupati", "kampanye", "pemilih", "debat kandidat", "tempat pemungutan", "saksi", "rekapitulasi"},
      {"sekolah", "guru honorer", "murid", "ruang kelas", "ujian", "beasiswa", "kurikulum", "perpustakaan"},
      {"puskesmas", "pasien", "demam berdarah", "fogging", "jentik", "perawat", "trombosit", "imunisasi"},
      {"sabu", "tersangka", "barang bukti", "penyidik", "kurir", "gram", "penggerebekan", "rehabilitasi"},
      {"nelayan", "perahu", "solar", "dermaga", "tangkapan ikan", "gelombang tinggi", "jaring", "tempat pelelangan"}};
  static const char* kWhen[] = {"sejak Senin pagi", "pada Selasa malam", "sejak Rabu dini hari", "pada Kamis siang",
                                "sejak Jumat sore", "pada akhir pekan lalu", "dalam dua hari terakhir", "sejak awal bulan"};
  static const char* kVerbs[] = {"mengeluhkan", "melaporkan", "mempersoalkan", "mencatat", "menyoroti", "memantau",
                                 "membicarakan", "menanyakan"};
  static const char* kAdverbs[] = {"makin parah", "belum tertangani", "mulai mereda", "menjadi sorotan",
                                   "terus bertambah", "ditangani bertahap", "sulit diatasi", "dibahas di balai desa"};
  static const char* kWho[] = {"petugas kecamatan", "relawan", "anggota dewan", "camat", "ketua rukun warga",
                               "tokoh pemuda", "pengurus koperasi", "bidan desa"};
  static const char* kUnits[] = {"paket bantuan", "personel", "unit kendaraan", "karung", "lembar terpal", "posko",
                                 "juta rupiah", "ton"};
  static const char* kOutlets[] = {"kabarnusa.example", "suarawarga.example", "lintasdaerah.example"};

  Dice dice;
  auto sentence = [&](int s) {
    const auto& kind = kKinds[static_cast<size_t>(s % 10)];
    std::string person = std::string(kFirst[s % 10]) + " " + kLast[s % 7];
    std::string desa = std::string(kDesaHead[s % 10]) + kDesaTail[s % 7], place = kPlaces[s];
    // Drawn in statements of their own: the order of the operands of + is unspecified.
    const size_t form = dice(10);
    const std::string w1 = kind[dice(kind.size())], w2 = kind[dice(kind.size())], n = std::to_string(2 + dice(400));
    const std::string when = dice.Pick(kWhen), verb = dice.Pick(kVerbs), adverb = dice.Pick(kAdverbs);
    const std::string who = dice.Pick(kWho), unit = dice.Pick(kUnits);
    switch (form) {
      case 0: return "Menurut " + person + ", " + w1 + " di Desa " + desa + " " + adverb + " " + when + ".";
      case 1: return person + " mengatakan " + w1 + " dan " + w2 + " di " + desa + " akan dibahas " + when + ".";
      case 2: return "Warga Desa " + desa + " di " + place + " " + verb + " " + w1 + " " + when + ".";
      case 3: return "Pemerintah Kabupaten " + place + " menyiapkan " + n + " " + unit + " untuk " + w1 + " di " + desa + ".";
      case 4: return "Kepala Desa " + desa + ", " + person + ", meminta " + who + " " + verb + " " + w1 + ".";
      case 5: return "Sebanyak " + n + " warga " + place + " terdampak " + w1 + " " + when + ".";
      case 6: return person + " menyebut " + w1 + " di " + place + " " + adverb + " dan " + who + " ikut " + verb + " " + w2 + ".";
      case 7: return "Para " + who + " di " + desa + " " + verb + " " + w1 + " bersama " + n + " " + unit + ".";
      case 8: return "Data kecamatan menunjukkan " + n + " " + unit + " terkait " + w1 + " tercatat di " + place + " " + when + ".";
      default: return "Di " + place + ", " + who + " " + verb + " " + w1 + " yang " + adverb + ".";
    }
  };
  auto title = [&](int s) {
    const auto& kind = kKinds[static_cast<size_t>(s % 10)];
    const std::string w1 = kind[dice(kind.size())], verb = dice.Pick(kVerbs), w2 = kind[dice(kind.size())];
    return "Soal " + w1 + " di " + kPlaces[s] + ", " + kFirst[s % 10] + " " + kLast[s % 7] + " " + verb + " " + w2;
  };
  const int32_t june = DaysFromCivil(2025, 6, 1);
  auto line = [](const std::string& id, const std::string& url, const std::string& date, const std::string& t,
                 const std::string& text) {
    return "{\"id\":\"" + id + "\",\"url\":\"" + url + "\",\"published\":\"" + date + "\",\"title\":\"" + t +
           "\",\"text\":\"" + text + "\"}";
  };

  NewsCorpus c;
  struct Article {
    std::string id, date, title;
    std::vector<std::string> sentences;
    int file;
  };
  std::map<std::string, Article> articles;
  auto text_of = [](const std::vector<std::string>& sentences) {
    std::string t;
    for (const auto& x : sentences) t += (t.empty() ? "" : " ") + x;
    return t;
  };
  // Originals: article j of story s in file (s + j) % 3, so every story is told in every file.
  std::vector<std::string> order[3];
  for (int j = 0; j < kPerStory; ++j)
    for (int s = 0; s < kStories; ++s) {
      Article a;
      a.id = "s" + std::to_string(s) + "-" + std::to_string(j);
      a.date = IsoFromDays(june + 3 * s + j % 2);
      a.title = title(s);
      for (int k = 0; k < 12; ++k) a.sentences.push_back(sentence(s));
      a.file = (s + j) % 3;
      order[a.file].push_back(a.id);
      c.identities.push_back(a.id);
      c.text_of[a.id] = text_of(a.sentences);
      articles[a.id] = std::move(a);
    }
  for (int f = 0; f < 3; ++f)
    for (size_t i = 0; i < order[f].size(); ++i) {
      const Article& a = articles[order[f][i]];
      std::string url = "https://" + std::string(kOutlets[f]) + "/berita/" + a.id;
      c.files[f].push_back(line(a.id, url, a.date, a.title, text_of(a.sentences)));
      // Every 9th record also in the next file, word for word (the same id: one identity).
      if (i % 9 == 4) c.files[(f + 1) % 3].push_back(c.files[f].back());
    }
  // Copies in another file than their original: exact ones (the same title and text, another id and
  // URL) of article 0 of stories 0..39, near ones (one sentence rewritten) of article 1 of stories
  // 30..69. Half go to the start of their file, so that a copy is often stored before its original.
  auto add_copy = [&](const Article& a, bool exact, int k) {
    std::string id = (exact ? "x" : "n") + std::to_string(k);
    std::vector<std::string> sentences = a.sentences;
    if (!exact) sentences[6] = sentence(std::stoi(a.id.substr(1)));
    int f = (a.file + (exact ? 1 : 2)) % 3;
    std::string url = "https://" + std::string(kOutlets[f]) + "/salinan/" + id;
    std::string l = line(id, url, a.date, a.title, text_of(sentences));
    auto& lines = c.files[f];
    lines.insert(k % 2 ? lines.begin() + (k * 7 % 40) : lines.end() - (k * 5 % 40), l);
    c.identities.push_back(id);
    c.text_of[id] = text_of(sentences);
    c.copies.push_back({a.id, id, exact});
  };
  for (int s = 0; s < 40; ++s) add_copy(articles["s" + std::to_string(s) + "-0"], true, s);
  for (int s = 30; s < 70; ++s) add_copy(articles["s" + std::to_string(s) + "-1"], false, s);
  return c;
}

// Every row of a query, each a vector of its columns ("" for NULL), through libpq directly.
std::vector<std::vector<std::string>> Rows(const std::string& uri, const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  PGconn* c = PQconnectdb(uri.c_str());
  if (PQstatus(c) == CONNECTION_OK) {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK) {
      for (int i = 0; i < PQntuples(r); ++i) {
        std::vector<std::string> row;
        for (int j = 0; j < PQnfields(r); ++j) row.emplace_back(PQgetvalue(r, i, j));
        out.push_back(std::move(row));
      }
    } else {
      ADD_FAILURE() << sql << ": " << PQresultErrorMessage(r);
    }
    PQclear(r);
  } else {
    ADD_FAILURE() << PQerrorMessage(c);
  }
  PQfinish(c);
  return out;
}

// The stories as sets of record ids (copies included), sorted: what grouped with what, whatever the ids.
std::vector<std::vector<std::string>> Partition(const std::string& uri, const char* column) {
  std::map<std::string, std::vector<std::string>> by;
  for (auto& row : Rows(uri, std::string("SELECT ") + column + ", input_id FROM documents ORDER BY input_id"))
    by[row[0]].push_back(row[1]);
  std::vector<std::vector<std::string>> out;
  for (auto& [id, members] : by) out.push_back(std::move(members));
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(PostgresWriters, ConcurrentIngestProcessesLinkCopiesAndStoriesAcrossWriters) {
  const NewsCorpus corpus = MakeNewsCorpus();
  // The fixture is what it claims: near copies reach the threshold with room, and two different
  // articles (even of one story) are far from it.
  auto shingles = [&](const std::string& id) { return Shingles(NormalizeForDedup(corpus.text_of.at(id))); };
  for (const auto& c : corpus.copies) {
    if (!c.exact) {
      EXPECT_GE(Jaccard(shingles(c.original), shingles(c.copy)), 0.75) << c.copy;
    }
  }
  EXPECT_LT(Jaccard(shingles("s5-0"), shingles("s5-1")), 0.3);
  EXPECT_LT(Jaccard(shingles("s5-0"), shingles("s15-0")), 0.3);

  const std::string dir = ::testing::TempDir() + "warta_pg_news_" + std::to_string(getpid());
  std::vector<std::string> files;
  size_t lines = 0;
  for (int f = 0; f < 3; ++f) {
    files.push_back(dir + "-" + std::to_string(f) + ".jsonl");
    std::string bytes;
    for (const auto& l : corpus.files[f]) bytes += l + "\n";
    lines += corpus.files[f].size();
    testing::WriteFile(files.back(), bytes);
    // More than one batch (--batch 256) per process, so that a process catches up more than once.
    EXPECT_GT(corpus.files[f].size(), 256u);
  }
  const size_t distinct = corpus.identities.size();
  ASSERT_GT(lines, distinct);  // the files overlap

  // Three processes at once, one file each.
  std::string uri = NewDatabase("news_concurrent");
  std::vector<pid_t> pids;
  std::vector<std::string> errs;
  for (int f = 0; f < 3; ++f) {
    errs.push_back(dir + "-" + std::to_string(f) + ".err");
    pid_t pid =
        testing::SpawnWarta({"ingest", "--quiet", "--threads", "1", "--batch", "256", "--db", uri, files[f]}, errs.back());
    ASSERT_GT(pid, 0);
    pids.push_back(pid);
  }
  for (size_t i = 0; i < pids.size(); ++i) {
    int status = 0;
    waitpid(pids[i], &status, 0);
    std::string err = testing::ReadFile(errs[i]);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "process " << i << ": " << err;
    std::printf("  process %zu: %s", i, err.c_str());
    std::remove(errs[i].c_str());
  }
  // How the processes' batches interleaved, for the log: the documents in id (commit) order as runs
  // of the process that stored them (documents.source is its input file). Not asserted: the schedule
  // is the machine's, and any schedule must give the same store.
  std::map<std::string, int> process_of;
  for (int f = 0; f < 3; ++f) process_of[files[f]] = f;
  std::string runs;
  int last = -1, run = 0;
  for (auto& row : Rows(uri, "SELECT source FROM documents ORDER BY id")) {
    int p = process_of.count(row[0]) ? process_of[row[0]] : -1;
    if (p != last && run > 0) {
      runs += " P" + std::to_string(last) + "x" + std::to_string(run);
      run = 0;
    }
    last = p;
    ++run;
  }
  runs += " P" + std::to_string(last) + "x" + std::to_string(run);
  std::printf("  batches: %lld; documents by process in commit order:%s\n",
              Number(uri, "SELECT convert_from(value, 'UTF8')::bigint FROM meta WHERE key = 'ingest.generation'"),
              runs.c_str());

  // Every distinct record exactly once, nothing else.
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents"), static_cast<long long>(distinct));
  std::vector<std::string> stored, expected = corpus.identities;
  for (auto& row : Rows(uri, "SELECT input_id FROM documents ORDER BY input_id")) stored.push_back(row[0]);
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(stored, expected);
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM dedup"), static_cast<long long>(distinct));

  // Each copy linked to its original, or the original to it (whichever was stored first, the dates
  // being equal), whichever process wrote which; the pair in one story and one topic.
  std::map<std::string, std::vector<std::string>> doc;  // input_id → id, duplicate_of, story, topic
  for (auto& row : Rows(uri, "SELECT input_id, id, COALESCE(duplicate_of::text, ''), story, topic FROM documents"))
    doc[row[0]] = {row[1], row[2], row[3], row[4]};
  for (const auto& c : corpus.copies) {
    const auto& o = doc[c.original];
    const auto& k = doc[c.copy];
    ASSERT_EQ(o.size(), 4u) << c.original;
    ASSERT_EQ(k.size(), 4u) << c.copy;
    EXPECT_TRUE((k[1] == o[0] && o[1].empty()) || (o[1] == k[0] && k[1].empty()))
        << (c.exact ? "exact" : "near") << " copy " << c.copy << " (document " << k[0] << ", duplicate_of '" << k[1]
        << "') of " << c.original << " (document " << o[0] << ", duplicate_of '" << o[1] << "') is not linked";
    EXPECT_EQ(k[2], o[2]) << "story of " << c.copy << " and " << c.original;
    EXPECT_EQ(k[3], o[3]) << "topic of " << c.copy << " and " << c.original;
  }
  // And nothing else is a copy.
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            static_cast<long long>(corpus.copies.size()));
  // Each story's and topic's size is its number of documents: no writer overwrote another's with a stale id.
  for (const char* g : {"stories", "topics"})
    EXPECT_EQ(Number(uri, std::string("SELECT COUNT(*) FROM ") + g + " s FULL JOIN (SELECT " +
                              (std::string(g) == "stories" ? "story" : "topic") +
                              " AS id, COUNT(*) AS n FROM documents GROUP BY 1) d ON d.id = s.id "
                              "WHERE s.size IS DISTINCT FROM d.n"),
              0)
        << g;

  auto check = testing::RunWarta("check --db '" + uri + "'");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;

  // One process, the same files, a fresh database. Stories depend on the order the articles arrive
  // in, and the concurrent order is not this one; but the fixture's stories are far apart (their
  // own places, people and villages, and stories of one kind 30 days apart, beyond the window), so
  // any order must group the same articles together. The count is the property asked for; the
  // partition itself is the stronger one this fixture allows.
  std::string single = NewDatabase("news_single");
  auto one = testing::RunWarta("ingest --quiet --db '" + single + "' '" + files[0] + "' '" + files[1] + "' '" +
                               files[2] + "'");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  std::printf("  single process: %s", one.err.c_str());
  EXPECT_EQ(Number(single, "SELECT COUNT(*) FROM documents"), static_cast<long long>(distinct));
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM stories"), Number(single, "SELECT COUNT(*) FROM stories"));
  EXPECT_EQ(Number(uri, "SELECT COUNT(DISTINCT story) FROM documents"),
            Number(single, "SELECT COUNT(DISTINCT story) FROM documents"));
  EXPECT_EQ(Number(single, "SELECT COUNT(DISTINCT story) FROM documents"), 70);
  EXPECT_EQ(Partition(uri, "story"), Partition(single, "story"));
  for (const std::string& f : files) std::remove(f.c_str());
}

// A Store that forwards every call, and runs a hook once just before the first read of the open
// topics: in Ingester::Open, after the band keys and the stories were read and before the
// generation is.
class HookedStore : public Store {
 public:
  HookedStore(std::unique_ptr<Store> in, std::function<void()> hook) : in_(std::move(in)), hook_(std::move(hook)) {}
  Result<std::vector<StoryRow>> OpenGroups(Grouping g) override {
    if (g == Grouping::kTopic && hook_) std::exchange(hook_, nullptr)();
    return in_->OpenGroups(g);
  }
  int SchemaVersion() override { return in_->SchemaVersion(); }
  Result<std::vector<std::string>> CheckIntegrity(bool quick) override { return in_->CheckIntegrity(quick); }
  Status Begin() override { return in_->Begin(); }
  Status Commit() override { return in_->Commit(); }
  Result<bool> HasIdentity(const std::string& identity) override { return in_->HasIdentity(identity); }
  Result<int64_t> AddDocument(const DocumentRow& d) override { return in_->AddDocument(d); }
  Result<int64_t> EntityId(const EntityRow& e) override { return in_->EntityId(e); }
  Status AddMentions(int64_t document, int64_t entity, const std::vector<std::pair<int64_t, int64_t>>& spans) override {
    return in_->AddMentions(document, entity, spans);
  }
  Status AddQuote(const QuoteRow& q) override { return in_->AddQuote(q); }
  Status AddEvent(const EventRow& e) override { return in_->AddEvent(e); }
  Result<std::optional<int64_t>> ExactCopyOf(const std::string& content_hash, int64_t except) override { return in_->ExactCopyOf(content_hash, except); }
  Status AddDedupKeys(int64_t document, const std::string& bands) override { return in_->AddDedupKeys(document, bands); }
  Result<std::string> CleanTextOf(int64_t document) override { return in_->CleanTextOf(document); }
  Status ForEachBands(int64_t after, const std::function<void(int64_t document, const std::string& bands)>& fn) override { return in_->ForEachBands(after, fn); }
  Status LinkDuplicate(int64_t document, int64_t copy_of, double similarity) override { return in_->LinkDuplicate(document, copy_of, similarity); }
  Result<std::optional<int64_t>> CanonicalOf(int64_t document) override { return in_->CanonicalOf(document); }
  Result<std::optional<int64_t>> GroupOf(Grouping g, int64_t document) override { return in_->GroupOf(g, document); }
  Status SetGroups(int64_t document, int64_t story, int64_t topic) override { return in_->SetGroups(document, story, topic); }
  Status SaveGroup(Grouping g, const StoryRow& s) override { return in_->SaveGroup(g, s); }
  Status AddLineCounts(const std::string& site, const std::vector<std::pair<uint64_t, int64_t>>& counts) override { return in_->AddLineCounts(site, counts); }
  Result<std::vector<uint64_t>> FrequentLines(const std::string& site, int64_t min_documents) override { return in_->FrequentLines(site, min_documents); }
  Result<std::optional<std::string>> GetMeta(const std::string& key) override { return in_->GetMeta(key); }
  Status SetMeta(const std::string& key, const std::string& value) override { return in_->SetMeta(key, value); }
  Result<Table> Stats(const Filter& f) override { return in_->Stats(f); }
  Result<Table> Outlets(const Filter& f, Page page) override { return in_->Outlets(f, page); }
  Result<Table> Groups(Grouping g, const Filter& f, Page page) override { return in_->Groups(g, f, page); }
  Result<Table> Group(Grouping g, int64_t id) override { return in_->Group(g, id); }
  Result<Table> GroupDocuments(Grouping g, int64_t id, Page page) override { return in_->GroupDocuments(g, id, page); }
  Result<Table> GroupTimeline(Grouping g, int64_t id, const std::string& by) override { return in_->GroupTimeline(g, id, by); }
  Result<Table> GroupOutlets(Grouping g, int64_t id) override { return in_->GroupOutlets(g, id); }
  Result<Table> GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents) override { return in_->GroupActors(g, id, limit, max_documents); }
  Result<Table> GroupQuotes(Grouping g, int64_t id, Page page) override { return in_->GroupQuotes(g, id, page); }
  Result<Table> GroupEvents(Grouping g, int64_t id, Page page) override { return in_->GroupEvents(g, id, page); }
  Result<Table> Actors(const std::optional<std::string>& q, const Filter& f, Page page) override { return in_->Actors(q, f, page); }
  Result<Table> Actor(int64_t entity) override { return in_->Actor(entity); }
  Result<Table> ActorMentionsByMonth(int64_t entity, const Filter& f) override { return in_->ActorMentionsByMonth(entity, f); }
  Result<Table> Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words, const Filter& f, Page page) override { return in_->Quotes(speaker, words, f, page); }
  Result<Table> QuotesOf(int64_t entity, const Filter& f, Page page) override { return in_->QuotesOf(entity, f, page); }
  Result<Table> Events(const EventFilter& f) override { return in_->Events(f); }
  Result<Table> EventsOf(int64_t entity, bool as_source, const Filter& f, Page page) override { return in_->EventsOf(entity, as_source, f, page); }
  Result<Table> Relations(const std::string& a, const std::optional<std::string>& b, const std::string& by, const Filter& f) override { return in_->Relations(a, b, by, f); }
  Result<Table> GraphNodes(const Filter& f) override { return in_->GraphNodes(f); }
  Result<Table> GraphEdges(const Filter& f, int64_t min_events) override { return in_->GraphEdges(f, min_events); }
  Result<Table> MapCountries(const std::optional<std::string>& actor, const Filter& f) override { return in_->MapCountries(actor, f); }
  Result<Table> Document(int64_t id) override { return in_->Document(id); }
  Result<Table> DocumentMentions(int64_t id) override { return in_->DocumentMentions(id); }
  Result<Table> DocumentQuotes(int64_t id) override { return in_->DocumentQuotes(id); }
  Result<Table> DocumentEvents(int64_t id) override { return in_->DocumentEvents(id); }
  Result<Table> DocumentSpans(int64_t id) override { return in_->DocumentSpans(id); }
  Result<Table> Search(const std::string& query, const Filter& f, Page page) override { return in_->Search(query, f, page); }
  Status Export(const std::string& what, const std::function<void(const Table& header, const std::vector<std::optional<std::string>>& row)>& fn) override { return in_->Export(what, fn); }
  Result<Table> Dyads(const Filter& f, int64_t limit) override { return in_->Dyads(f, limit); }

 private:
  std::unique_ptr<Store> in_;
  std::function<void()> hook_;
};

// A writer that opens while another commits a batch must still link to and group with that batch.
// Ingester::Open reads the band keys, the stories and topics, and the generation, each in a statement
// of its own outside any transaction. When it read the generation last, a batch committed in between
// was missing from the index and the clusterers while the generation remembered was the one after
// it, so the first Write did not catch up: the near copy below stayed unlinked, and the new writer
// reused the other's story id (SaveGroup's ON CONFLICT overwrote that story's row). Reading the
// generation first makes the first Write catch up.
TEST_F(PostgresWriters, AWriterOpenedWhileAnotherCommitsCatchesUp) {
  const NewsCorpus corpus = MakeNewsCorpus();
  const Knowledge& k = testing::TestKnowledge();
  std::string uri = NewDatabase("open_race");
  auto clusterers = [&] {
    return std::pair(StoryClusterer::Create(StoryClusterer::Options{}, k.story_stopwords).value(),
                     StoryClusterer::Create(TopicOptions(), k.story_stopwords).value());
  };
  auto record = [&](const std::string& id) {
    Record r;
    r.source = "race";
    r.id = id;
    r.published = "2025-07-15";
    r.text = corpus.text_of.at(id);
    return PrepareDocument(std::move(r), k, AnalyzeOptions{});
  };
  auto b_store = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  ASSERT_TRUE(b_store.ok()) << b_store.status().message();
  auto [bs, bt] = clusterers();
  auto b = Ingester::Open(b_store.value().get(), std::move(bs), std::move(bt));
  ASSERT_TRUE(b.ok()) << b.status().message();

  auto a_inner = Store::OpenPostgres(uri, Store::Mode::kReadWrite);
  ASSERT_TRUE(a_inner.ok()) << a_inner.status().message();
  HookedStore a_store(std::move(a_inner).value(), [&] {
    // B commits the original of a near copy while A is opening.
    std::vector<PreparedDocument> batch;
    batch.push_back(record("s35-1"));
    IngestCounts counts;
    Status s = b.value().Write(&batch, &counts);
    ASSERT_TRUE(s.ok()) << s.message();
  });
  auto [as, at] = clusterers();
  auto a = Ingester::Open(&a_store, std::move(as), std::move(at));
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_EQ(Number(uri, "SELECT COUNT(*) FROM documents"), 1) << "the hook did not run";

  // A writes the near copy and an article of another story.
  std::vector<PreparedDocument> batch;
  batch.push_back(record("n35"));
  batch.push_back(record("s12-3"));
  IngestCounts counts;
  Status s = a.value().Write(&batch, &counts);
  ASSERT_TRUE(s.ok()) << s.message();

  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM documents c JOIN documents o ON o.id = c.duplicate_of "
                        "WHERE c.input_id = 'n35' AND o.input_id = 's35-1'"),
            1)
      << "the near copy written by A is not linked to its original, committed by B while A opened";
  EXPECT_EQ(Number(uri, "SELECT COUNT(DISTINCT story) FROM documents WHERE input_id IN ('n35', 's35-1')"), 1)
      << "the copy is not in its original's story";
  EXPECT_EQ(Number(uri, "SELECT COUNT(*) FROM stories s FULL JOIN (SELECT story AS id, COUNT(*) AS n FROM documents "
                        "GROUP BY 1) d ON d.id = s.id WHERE s.size IS DISTINCT FROM d.n"),
            0)
      << "a story row does not describe its documents (A saved a story under an id B had used)";
  if (!HasFailure()) return;
  for (auto& row : Rows(uri, "SELECT input_id, id, COALESCE(duplicate_of::text, '-'), story, topic FROM documents ORDER BY id"))
    std::printf("  %s: document %s, duplicate_of %s, story %s, topic %s\n", row[0].c_str(), row[1].c_str(),
                row[2].c_str(), row[3].c_str(), row[4].c_str());
  for (auto& row : Rows(uri, "SELECT id, size, label FROM stories ORDER BY id"))
    std::printf("  story %s: size %s, label %s\n", row[0].c_str(), row[1].c_str(), row[2].substr(0, 60).c_str());
}

}  // namespace
}  // namespace warta
