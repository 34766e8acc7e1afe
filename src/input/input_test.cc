#include <gtest/gtest.h>

#include "input/byte_source.h"
#include "tests/compress.h"
#include "input/record_reader.h"

namespace warta {
namespace {

using testing::Gzip;
using testing::Zstd;


Result<std::string> ReadAllFrom(std::unique_ptr<ByteSource> src) {
  std::string out;
  char buf[7];  // small on purpose: exercises partial reads
  for (;;) {
    auto got = src->Read(buf, sizeof buf);
    if (!got.ok()) return got.status();
    if (got.value() == 0) return out;
    out.append(buf, got.value());
  }
}

std::vector<Record> ReadRecords(Format format, const std::string& bytes, std::vector<Diagnostic>* diags,
                                ReaderOptions options = {}) {
  auto reader = NewReader(format, MemorySource(bytes), "mem", options);
  std::vector<Record> out;
  Record r;
  DiagnosticSink report = [diags](Diagnostic d) { diags->push_back(std::move(d)); };
  while (reader->Next(&r, report)) out.push_back(r);
  return out;
}

}  // namespace

TEST(ByteSource, GzipAndZstdRoundTrip) {
  std::string text(100000, 'x');
  for (size_t i = 0; i < text.size(); i += 97) text[i] = '\n';
  auto gz = ReadAllFrom(Decompress(MemorySource(Gzip(text)), Compression::kGzip));
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(gz.value(), text);
  auto zs = ReadAllFrom(Decompress(MemorySource(Zstd(text)), Compression::kZstd));
  ASSERT_TRUE(zs.ok());
  EXPECT_EQ(zs.value(), text);
}

TEST(ByteSource, ConcatenatedGzipMembersAreOneStream) {
  auto r = ReadAllFrom(Decompress(MemorySource(Gzip("abc\n") + Gzip("def\n")), Compression::kGzip));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), "abc\ndef\n");
}

TEST(ByteSource, TruncatedArchivesAreErrorsNotShortReads) {
  std::string text(50000, 'y');
  std::string gz = Gzip(text), zs = Zstd(text);
  auto g = ReadAllFrom(Decompress(MemorySource(gz.substr(0, gz.size() / 2)), Compression::kGzip));
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kTruncated);
  auto z = ReadAllFrom(Decompress(MemorySource(zs.substr(0, zs.size() - 5)), Compression::kZstd));
  ASSERT_FALSE(z.ok());
  EXPECT_EQ(z.status().code(), Status::Code::kTruncated);
}

TEST(ByteSource, GarbageIsCorruptData) {
  auto g = ReadAllFrom(Decompress(MemorySource(std::string(100, '\x42')), Compression::kGzip));
  EXPECT_FALSE(g.ok());
}

TEST(CsvReader, QuotedFieldsHoldNewlinesCommasAndDoubledQuotes) {
  std::vector<Diagnostic> d;
  ReaderOptions o;
  o.fields.text = "isi";
  o.fields.title = "judul";
  auto recs = ReadRecords(Format::kCsv,
                          "id,judul,isi\r\n1,\"A, B\",\"baris satu\n\"\"kutip,\"\" kata dia\"\n2,C,polos\n", &d, o);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(*recs[0].id, "1");
  EXPECT_EQ(*recs[0].title, "A, B");
  EXPECT_EQ(recs[0].text, "baris satu\n\"kutip,\" kata dia");
  EXPECT_EQ(recs[0].line, 2u);
  EXPECT_EQ(recs[1].line, 4u);  // the quoted newline moved it down a line
  EXPECT_EQ(recs[1].text, "polos");
}

TEST(CsvReader, RowWithMissingColumnIsReportedWithItsLineAndSkipped) {
  std::vector<Diagnostic> d;
  auto recs = ReadRecords(Format::kCsv, "id,title,text\n1,a,first\n2,b\n3,c,third\n", &d);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].text, "third");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 3u);
  EXPECT_NE(d[0].message.find("2 fields"), std::string::npos);
}

TEST(CsvReader, MissingTextColumnIsAnError) {
  std::vector<Diagnostic> d;
  auto recs = ReadRecords(Format::kCsv, "id,body\n1,x\n", &d);
  EXPECT_TRUE(recs.empty());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("--field text="), std::string::npos);
}

TEST(CsvReader, UnterminatedQuoteIsReported) {
  std::vector<Diagnostic> d;
  auto recs = ReadRecords(Format::kCsv, "id,text\n1,ok\n2,\"never closed\n3,x\n", &d);
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 3u);
}

TEST(JsonlReader, MapsFieldsAndKeepsGoingAfterMalformedLines) {
  std::vector<Diagnostic> d;
  ReaderOptions o;
  o.fields.text = "body";
  auto recs = ReadRecords(Format::kJsonl,
                          "{\"id\": 7, \"title\": \"\", \"body\": \"teks\", \"authors\": [\"A\", \"B\"]}\n"
                          "{not json}\n"
                          "\n"
                          "{\"id\": \"x\"}\n"
                          "[1,2]\n"
                          "{\"id\": \"y\", \"body\": \"dua\", \"authors\": \"C, D\", \"published\": null}\n",
                          &d, o);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(*recs[0].id, "7");
  ASSERT_TRUE(recs[0].title.has_value());
  EXPECT_EQ(*recs[0].title, "");
  EXPECT_EQ(recs[0].authors->size(), 2u);
  EXPECT_EQ((*recs[1].authors)[1], "D");
  EXPECT_FALSE(recs[1].published.has_value());
  EXPECT_EQ(recs[1].line, 6u);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].line, 2u);
  EXPECT_EQ(d[1].line, 4u);
  EXPECT_NE(d[1].message.find("missing text field 'body'"), std::string::npos);
  EXPECT_EQ(d[2].line, 5u);
}

TEST(JsonlReader, InvalidUtf8InsideAStringIsRepairedNotRejected) {
  std::vector<Diagnostic> d;
  auto recs = ReadRecords(Format::kJsonl, "{\"text\": \"a\xFF" "b\"}\n", &d);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(recs[0].text, "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(recs[0].invalid_utf8, 1u);
}

TEST(JsonlReader, OverlongLineIsSkippedWithBoundedMemory) {
  std::vector<Diagnostic> d;
  ReaderOptions o;
  o.max_record_bytes = 1000;
  std::string big = "{\"text\": \"" + std::string(5000, 'a') + "\"}\n{\"text\": \"kecil\"}\n";
  auto recs = ReadRecords(Format::kJsonl, big, &d, o);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].text, "kecil");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].line, 1u);
}

TEST(TxtReader, BinaryAndEmptyFilesAreRejected) {
  std::vector<Diagnostic> d;
  EXPECT_TRUE(ReadRecords(Format::kTxt, std::string("\x7F" "ELF\0\0\x01", 7), &d).empty());
  EXPECT_TRUE(ReadRecords(Format::kTxt, "  \n\n", &d).empty());
  ASSERT_EQ(d.size(), 2u);
  EXPECT_NE(d[0].message.find("binary"), std::string::npos);
  EXPECT_NE(d[1].message.find("empty"), std::string::npos);
}

// Issue 19, finding 3: records may name their outlet (JSONL/CSV field
// `publisher`, or --field publisher=NAME; unmapped, also source_name, outlet
// or media); Record::publisher carries it, trimmed, absent when empty.
TEST(InputPublisher, JsonlReadsThePublisherFieldAndItsAliases) {
  std::vector<Diagnostic> d;
  auto recs = ReadRecords(Format::kJsonl,
                          "{\"text\": \"a\", \"publisher\": \" Kompas \"}\n"
                          "{\"text\": \"b\", \"media\": \"Tempo\", \"source_name\": \"Detik\"}\n"
                          "{\"text\": \"c\", \"outlet\": \"Antara\", \"publisher\": \"CNN Indonesia\"}\n"
                          "{\"text\": \"d\", \"media\": [{\"url\": \"x.jpg\"}], \"publisher\": null}\n"
                          "{\"text\": \"e\", \"publisher\": \"  \"}\n"
                          "{\"text\": \"f\"}\n",
                          &d);
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_TRUE(d.empty()) << d[0].message;
  EXPECT_EQ(recs[0].publisher, "Kompas");
  EXPECT_EQ(recs[1].publisher, "Detik");  // source_name before media
  EXPECT_EQ(recs[2].publisher, "CNN Indonesia");  // the field itself before any alias
  EXPECT_EQ(recs[3].publisher, std::nullopt);  // a list of images is no outlet; null is none
  EXPECT_EQ(recs[4].publisher, std::nullopt);
  EXPECT_EQ(recs[5].publisher, std::nullopt);
}

TEST(InputPublisher, JsonlMappedPublisherFieldReadsOnlyThatField) {
  std::vector<Diagnostic> d;
  ReaderOptions o;
  o.fields.publisher = "nama_media";
  auto recs = ReadRecords(Format::kJsonl,
                          "{\"text\": \"a\", \"nama_media\": \"Republika\", \"publisher\": \"X\"}\n"
                          "{\"text\": \"b\", \"media\": \"Tempo\"}\n",
                          &d, o);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].publisher, "Republika");
  EXPECT_EQ(recs[1].publisher, std::nullopt);
}

TEST(InputPublisher, CsvReadsThePublisherColumnMappedOrByItsAliases) {
  std::vector<Diagnostic> d;
  auto recs = ReadRecords(Format::kCsv, "text,publisher\nSatu.,Kompas\nDua., \n", &d);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].publisher, "Kompas");
  EXPECT_EQ(recs[1].publisher, std::nullopt);
  recs = ReadRecords(Format::kCsv, "isi,outlet,media\nSatu.,Antara,Tempo\n", &d, [] {
    ReaderOptions o;
    o.fields.text = "isi";
    return o;
  }());
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].publisher, "Antara");
  ReaderOptions mapped;
  mapped.fields.publisher = "sumber";
  recs = ReadRecords(Format::kCsv, "text,sumber,publisher\nSatu.,Bisnis.com,X\n", &d, mapped);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].publisher, "Bisnis.com");
  // A column another field reads is not also the publisher.
  ReaderOptions shared;
  shared.fields.publisher = "title";
  recs = ReadRecords(Format::kCsv, "text,title\nSatu.,Judul\n", &d, shared);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].title, "Judul");
  EXPECT_EQ(recs[0].publisher, std::nullopt);
  EXPECT_TRUE(d.empty());
}

}  // namespace warta
