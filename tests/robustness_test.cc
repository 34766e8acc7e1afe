// Issue 13: the findings of fuzzing and hostile use, each as a test named after
// it, through the warta binary: one bad record never ends a run, another
// writer or a damaged store gets a clear message, endless input ends.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "store/writer_lock.h"
#include "tests/run_command.h"
#include "tests/test_support.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

class Robustness : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("warta_robust_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, ec);
    fs::remove_all(dir_);
  }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& bytes) {
    testing::WriteFile(Path(name), bytes);
    return Path(name);
  }
  // Ten good JSON Lines records: "Berita nomor 0." ... with ids.
  std::string TenGood(int from) {
    std::string out;
    for (int i = from; i < from + 5; ++i)
      out += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Presiden Indonesia bertemu Perdana Menteri Malaysia, "
             "berita nomor " + std::to_string(i) + ".\"}\n";
    return out;
  }
  fs::path dir_;
};

size_t Lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST_F(Robustness, TenGoodRecordsAroundALoneLeadByteAreAllAnalysed) {
  // printf 'xyA\n\xe2\n' between good records ended the run (exit 3, no output).
  std::string jsonl = Write("mixed.jsonl", TenGood(0) + "xyA\n\xe2\n" + TenGood(5));
  std::string txt = Write("lead.txt", "xyA\n\xe2");
  auto r = testing::RunWarta("analyze " + jsonl + " " + txt);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the two bad lines are rejected, nothing else
  EXPECT_EQ(Lines(r.out), 11u) << r.err;
  EXPECT_NE(r.err.find(jsonl + ":6: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(jsonl + ":7: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(txt + ": 1 invalid UTF-8 sequence(s) replaced"), std::string::npos) << r.err;
}

TEST_F(Robustness, TenGoodRecordsAroundALoneLeadByteAreAllIngested) {
  std::string jsonl = Write("mixed.jsonl", TenGood(0) + "xyA\n\xe2\n" + TenGood(5));
  std::string db = Path("s.db");
  auto r = testing::RunWarta("ingest --quiet --db " + db + " " + jsonl);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("10 added"), std::string::npos) << r.err;
}

TEST_F(Robustness, DevZeroEndsWithAMessageInsteadOfHanging) {
  auto r = testing::RunWarta("analyze --max-record-mb 1 /dev/zero");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/dev/zero: file exceeds the record size limit"), std::string::npos) << r.err;
  r = testing::RunWarta("analyze --max-record-mb 1 --format jsonl /dev/zero");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/dev/zero:1: binary data"), std::string::npos) << r.err;
}

TEST_F(Robustness, ASecondWriterIsToldAnotherHoldsTheStoreNotUniqueConstraintFailed) {
  std::string input = Write("a.jsonl", TenGood(0));
  std::string db = Path("s.db");
  auto held = WriterLock::Acquire(db, /*wait=*/false);  // this process plays the first writer
  ASSERT_TRUE(held.ok()) << held.status().message();
  auto r = testing::RunWarta("ingest --quiet --db " + db + " " + input);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("another warta process is writing to this store (pid " + std::to_string(::getpid()) + ")"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("UNIQUE"), std::string::npos) << r.err;
  // --wait waits for the first writer, then ingests everything.
  std::thread release([&] {
    // Long enough for the second process to load its knowledge and reach the lock on a busy machine.
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    held = Status::Error(Status::Code::kBusy, "released");  // drops the lock
  });
  r = testing::RunWarta("ingest --quiet --wait --db " + db + " " + input);
  release.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("waiting for it"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("5 added"), std::string::npos) << r.err;
}

TEST_F(Robustness, ADamagedStoreIsNotWrittenToAndCheckSaysWhy) {
  std::string db = Path("s.db");
  auto r = testing::RunWarta("ingest --quiet --db " + db + " " + Write("a.jsonl", TenGood(0)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = testing::RunWarta("check --db " + db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, db + ": ok\n");
  // A b-tree page's header overwritten (the store was closed: no log left).
  ASSERT_TRUE(!fs::exists(db + "-wal") || fs::file_size(db + "-wal") == 0);
  std::string bytes = testing::ReadFile(db);
  ASSERT_GT(bytes.size(), 3 * 4096u);
  bytes.replace(4096, 8, std::string("\x0d\xff\xff\xff\x00\x00\x00\x00", 8));
  testing::WriteFile(db, bytes);
  r = testing::RunWarta("check --db " + db);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(db + ": Page 2"), std::string::npos) << r.out;
  auto before = fs::file_size(db);
  r = testing::RunWarta("ingest --quiet --db " + db + " " + Write("b.jsonl", TenGood(5)));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("the store is damaged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was ingested"), std::string::npos) << r.err;
  EXPECT_EQ(fs::file_size(db), before);
}

TEST_F(Robustness, ANonDatabaseFileIsNamedAsSuch) {
  std::string db = Write("notes.db", std::string(8192, 'x'));
  auto r = testing::RunWarta("stats --db " + db);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("not a warta store"), std::string::npos) << r.err;
  r = testing::RunWarta("check --db " + db);
  EXPECT_NE(r.exit_code, 0);
}

TEST_F(Robustness, AReadOnlyStoreInAReadOnlyDirectoryIsRead) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes every directory: a read-only directory cannot be tested as root";
  std::string db = Path("s.db");
  auto r = testing::RunWarta("ingest --quiet --db " + db + " " + Write("a.jsonl", TenGood(0)));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::remove(Path("a.jsonl"));
  fs::remove(db + ".lock");
  fs::permissions(db, fs::perms::owner_read);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  r = testing::RunWarta("stats --db " + db);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("5"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("not a warta store"), std::string::npos) << r.err;
}

TEST_F(Robustness, AnUnreadableDirectoryOnTheCommandLineIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory: permissions cannot be tested as root";
  fs::create_directory(Path("locked"));
  Write("locked/a.txt", "Satu.");
  fs::permissions(Path("locked"), fs::perms::none);
  auto r = testing::RunWarta("analyze " + Path("locked"));
  fs::permissions(Path("locked"), fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(Path("locked") + ": cannot read directory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace warta
