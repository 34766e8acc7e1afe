// Issue 13: the readers and the directory walk on hostile input. Each test is
// named after the finding it guards against.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "input/byte_source.h"
#include "input/input_set.h"
#include "input/record_reader.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

// An endless stream of one byte (/dev/zero when the byte is 0), counting what is read.
class EndlessSource final : public ByteSource {
 public:
  explicit EndlessSource(char byte, uint64_t* read) : byte_(byte), read_(read) {}
  Result<size_t> Read(char* buf, size_t n) override {
    std::memset(buf, byte_, n);
    *read_ += n;
    return n;
  }

 private:
  char byte_;
  uint64_t* read_;
};

std::vector<Record> ReadAll(RecordReader& reader, std::vector<Diagnostic>* diags) {
  std::vector<Record> out;
  Record r;
  DiagnosticSink report = [diags](Diagnostic d) { diags->push_back(std::move(d)); };
  while (reader.Next(&r, report)) out.push_back(r);
  return out;
}

TEST(HostileInput, TxtAndJsonlEndingInALoneLeadByteAreRead) {
  // printf 'xyA\n\xe2\n': the record is kept, the stray byte repaired later.
  std::vector<Diagnostic> d;
  auto txt = NewReader(Format::kTxt, MemorySource("xyA\n\xe2\n"), "t.txt", {});
  auto recs = ReadAll(*txt, &d);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].text, "xyA\n\xe2\n");
  auto jsonl = NewReader(Format::kJsonl,
                         MemorySource("{\"text\":\"satu\"}\n\xe2\n{\"text\":\"dua\xe2\"}\n{\"text\":\"tiga\"}\n\xe2"),
                         "t.jsonl", {});
  d.clear();
  recs = ReadAll(*jsonl, &d);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].text, "dua\xEF\xBF\xBD");
  ASSERT_EQ(d.size(), 2u);  // the lone bytes on lines 2 and 5
  EXPECT_EQ(d[0].line, 2u);
  EXPECT_EQ(d[1].line, 5u);
}

TEST(HostileInput, DevZeroAsTextStopsAtTheRecordLimit) {
  uint64_t read = 0;
  ReaderOptions o;
  o.max_record_bytes = 1 << 20;
  auto reader = NewReader(Format::kTxt, std::make_unique<EndlessSource>('\0', &read), "/dev/zero", o);
  std::vector<Diagnostic> d;
  EXPECT_TRUE(ReadAll(*reader, &d).empty());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("record size limit"), std::string::npos);
  EXPECT_LE(read, o.max_record_bytes + (1 << 17));  // one buffer beyond the limit at most
}

TEST(HostileInput, DevZeroAsJsonlOrCsvStopsAsBinary) {
  for (Format f : {Format::kJsonl, Format::kCsv}) {
    uint64_t read = 0;
    ReaderOptions o;
    o.max_record_bytes = 1 << 20;
    auto reader = NewReader(f, std::make_unique<EndlessSource>('\0', &read), "/dev/zero", o);
    std::vector<Diagnostic> d;
    EXPECT_TRUE(ReadAll(*reader, &d).empty());
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].message.find("binary data"), std::string::npos) << d[0].message;
    EXPECT_LE(read, o.max_record_bytes + (1 << 17));
  }
}

TEST(HostileInput, EndlessTextWithoutNulIsSkippedLineByLineNotStoppedEarly) {
  // Only NUL bytes mark endless binary data; a long line of text is skipped
  // and the next line is read.
  ReaderOptions o;
  o.max_record_bytes = 100;
  auto reader = NewReader(Format::kJsonl,
                          MemorySource(std::string(1000, 'a') + "\n{\"text\":\"baik\"}\n"), "long.jsonl", o);
  std::vector<Diagnostic> d;
  auto recs = ReadAll(*reader, &d);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].text, "baik");
}

TEST(HostileInput, BadLinesAreReportedAsTheyAreFoundNotHeldToTheEnd) {
  // Two million bad lines held their messages until the end of the file: the
  // first problem must reach the caller before the reader has read on.
  std::string bytes;
  for (int i = 0; i < 200000; ++i) bytes += "{oops\n";
  bytes += "{\"text\":\"akhirnya\"}\n";
  auto reader = NewReader(Format::kJsonl, MemorySource(bytes), "bad.jsonl", {});
  size_t reported = 0;
  Record r;
  ASSERT_TRUE(reader->Next(&r, [&](const Diagnostic& d) {
    ++reported;
    EXPECT_EQ(d.line, reported);
  }));
  EXPECT_EQ(reported, 200000u);
  EXPECT_EQ(r.text, "akhirnya");
}

class Walk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("warta_walk_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    Write("a.txt", "Satu.");
    Write("sub/b.txt", "Dua.");
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "locked", fs::perms::owner_all, ec);
    fs::remove_all(dir_);
  }
  void Write(const std::string& name, const std::string& text) {
    FILE* f = std::fopen((dir_ / name).c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  std::pair<std::vector<std::string>, std::vector<Diagnostic>> Read() {
    InputSet inputs({dir_.string()}, Format::kAuto, {});
    std::vector<std::string> texts;
    std::vector<Diagnostic> d;
    Record r;
    while (inputs.Next(&r, &d)) texts.push_back(r.text);
    return {texts, d};
  }
  fs::path dir_;
};

TEST_F(Walk, ADanglingLinkIsReportedNotSkippedInSilence) {
  fs::create_symlink(dir_ / "missing.txt", dir_ / "c.txt");
  auto [texts, d] = Read();
  EXPECT_EQ(texts, (std::vector<std::string>{"Satu.", "Dua."}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].source, (dir_ / "c.txt").string());
  EXPECT_NE(d[0].message.find("dangling symbolic link"), std::string::npos) << d[0].message;
}

TEST_F(Walk, ALinkLoopIsReportedAndTheRestRead) {
  fs::create_directory_symlink(dir_, dir_ / "sub" / "loop");  // sub/loop → the root
  fs::create_symlink(dir_ / "self.txt", dir_ / "self.txt");   // a link to itself
  auto [texts, d] = Read();
  EXPECT_EQ(texts, (std::vector<std::string>{"Satu.", "Dua."}));
  ASSERT_EQ(d.size(), 2u) << d[0].message;
  bool loop = false, self = false;
  for (const Diagnostic& x : d) {
    loop |= x.source == (dir_ / "sub" / "loop").string() && x.message.find("symbolic link") != std::string::npos;
    self |= x.source == (dir_ / "self.txt").string() && x.message.find("symbolic link loop") != std::string::npos;
  }
  EXPECT_TRUE(loop && self) << d[0].source << ": " << d[0].message << " / " << d[1].source << ": " << d[1].message;
}

TEST_F(Walk, AnUnreadableSubdirectoryIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory: permissions cannot be tested as root";
  fs::create_directory(dir_ / "locked");
  Write("locked/c.txt", "Tiga.");
  fs::permissions(dir_ / "locked", fs::perms::none);
  auto [texts, d] = Read();
  EXPECT_EQ(texts, (std::vector<std::string>{"Satu.", "Dua."}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].source, (dir_ / "locked").string());
  EXPECT_NE(d[0].message.find("cannot read directory"), std::string::npos);
}

}  // namespace
}  // namespace warta
