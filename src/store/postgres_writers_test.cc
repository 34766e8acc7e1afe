// The PostgreSQL store's writers and openers: concurrent migrations, batches
// of several writers serialised by the advisory lock, two ingests into one
// database at once, a `warta ingest` killed mid-way and resumed, read-only
// mode, rollback of an unfinished batch, and errors that name the URI
// without its password. Each test process runs a throwaway server
// (tests/pg_server.h).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "corpus/ingest.h"
#include "store/postgres_schema.h"
#include "store/store.h"
#include "tests/pg_server.h"
#include "tests/run_command.h"
#include "tests/test_support.h"

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
  EXPECT_TRUE(ro.value()->Stats().ok());  // reading works
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
  std::string binary = WARTA_BINARY;
  std::vector<std::string> args = {binary, "ingest", "--quiet", "--threads", "2", "--db", uri, in};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
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

}  // namespace
}  // namespace warta
