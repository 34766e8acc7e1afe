// See targets.h. Compiled into each harness and, through
// tests/fuzz_regression_test.cc, into warta_tests.
#include "fuzz/targets.h"

#include <signal.h>
#include <simdjson.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>

#include "analyze/analyzer.h"
#include "corpus/ingest.h"
#include "corpus/stories.h"
#include "store/store.h"
#include "util/utf8.h"

namespace warta::fuzz {
namespace {

// A failed invariant: said on stderr, then abort() (libFuzzer keeps the input).
[[noreturn]] void Finding(const std::string& what) {
  std::fprintf(stderr, "\nwarta fuzz finding: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}
#define FUZZ_CHECK(cond, what) \
  do {                         \
    if (!(cond)) Finding(std::string(#cond) + ": " + (what)); \
  } while (0)

// ---------------------------------------------------------------- readers ---

std::string Gzip(std::string_view in) {
  std::string out(compressBound(static_cast<uLong>(in.size())) + 64, '\0');
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) Finding("deflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) Finding("deflate did not finish");
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zstd(std::string_view in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 1);
  if (ZSTD_isError(n)) Finding("ZSTD_compress failed");
  out.resize(n);
  return out;
}

std::string Pack(std::string_view payload, Compression c) {
  return c == Compression::kGzip ? Gzip(payload) : c == Compression::kZstd ? Zstd(payload) : std::string(payload);
}

// Hands out its bytes at most `chunk` at a time: every boundary of every
// buffer above it gets hit.
class ShortReads final : public ByteSource {
 public:
  ShortReads(std::unique_ptr<ByteSource> inner, size_t chunk) : inner_(std::move(inner)), chunk_(chunk) {}
  Result<size_t> Read(char* buf, size_t n) override { return inner_->Read(buf, std::min(n, chunk_)); }

 private:
  std::unique_ptr<ByteSource> inner_;
  size_t chunk_;
};

constexpr size_t kKeep = 100;

}  // namespace

uint8_t ReadersMode(Format format, Compression compression, bool packed, bool small_records, bool mapped_fields,
                    bool two_members) {
  uint8_t f = format == Format::kJsonl ? 1 : format == Format::kCsv ? 2 : 0;
  uint8_t c = compression == Compression::kGzip ? 1 : compression == Compression::kZstd ? 2 : 0;
  return static_cast<uint8_t>(f | c << 2 | packed << 4 | small_records << 5 | mapped_fields << 6 | two_members << 7);
}

ReadersOutcome FuzzReaders(const uint8_t* data, size_t size) {
  ReadersOutcome out;
  const uint8_t mode = size > 0 ? data[0] : 0;
  const size_t chunk = size > 1 ? data[1] : 0;
  std::string_view payload;
  if (size > 2) payload = std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2);

  static constexpr Format kFormats[] = {Format::kTxt, Format::kJsonl, Format::kCsv, Format::kJsonl};
  static constexpr Compression kCompressions[] = {Compression::kNone, Compression::kGzip, Compression::kZstd,
                                                  Compression::kNone};
  out.format = kFormats[mode & 3];
  out.compression = kCompressions[(mode >> 2) & 3];
  out.packed = (mode & 0x10) != 0 && out.compression != Compression::kNone;
  ReaderOptions options;
  options.max_record_bytes = (mode & 0x20) ? 64 : size_t{1} << 20;
  out.max_record_bytes = options.max_record_bytes;
  if (mode & 0x40) {
    options.fields.id = "kode";
    options.fields.title = "judul";
    options.fields.text = "isi";
    options.fields.url = "tautan";
    options.fields.published = "tanggal";
    options.fields.authors = "penulis";
  }

  std::string bytes;
  if (!out.packed) {
    bytes.assign(payload);
  } else if (mode & 0x80) {  // two members / frames, as `cat a.gz b.gz` makes
    size_t half = payload.size() / 2;
    bytes = Pack(payload.substr(0, half), out.compression) + Pack(payload.substr(half), out.compression);
  } else {
    bytes = Pack(payload, out.compression);
  }
  std::unique_ptr<ByteSource> source = MemorySource(bytes);
  if (chunk > 0) source = std::make_unique<ShortReads>(std::move(source), chunk);
  source = Decompress(std::move(source), out.compression);

  const std::string name = out.format == Format::kTxt ? "fuzz.txt" : out.format == Format::kCsv ? "fuzz.csv" : "fuzz.jsonl";
  auto reader = NewReader(out.format, std::move(source), name, options);
  Record record;
  uint64_t last_line = 0;
  const DiagnosticSink report = [&](Diagnostic d) {
    FUZZ_CHECK(d.source == name, "a diagnostic names another source: " + d.source);
    FUZZ_CHECK(!d.message.empty(), "an empty diagnostic");
    ++out.diagnostics;
    if (out.first_diagnostics.size() < kKeep) out.first_diagnostics.push_back(std::move(d));
  };
  for (;;) {
    bool got = reader->Next(&record, report);
    if (!got) break;
    ++out.records;
    FUZZ_CHECK(record.source == name, "a record names another source: " + record.source);
    if (out.format == Format::kTxt) {
      FUZZ_CHECK(record.line == 0, "a .txt record has a line");
      FUZZ_CHECK(out.records == 1, "a .txt file gave two records");
    } else {
      FUZZ_CHECK(record.line >= 1 && record.line >= last_line,
                 "record lines out of order: " + std::to_string(record.line) + " after " + std::to_string(last_line));
      last_line = record.line;
    }
    // The size bound: a record is at most the limit, three times over when
    // the JSON Lines reader replaced bytes by U+FFFD.
    FUZZ_CHECK(record.text.size() <= 3 * options.max_record_bytes,
               "a record of " + std::to_string(record.text.size()) + " bytes passed the limit");
    if (out.first_records.size() < kKeep) out.first_records.push_back(record);
  }
  return out;
}

// ---------------------------------------------------------------- analyze ---

const Knowledge& FuzzKnowledge() {
  static const Knowledge* k = [] {
    auto loaded = Knowledge::Load(EmbeddedDataReader());
    if (!loaded.ok()) Finding("Knowledge::Load: " + loaded.status().message());
    return new Knowledge(std::move(loaded).value());
  }();
  return *k;
}

namespace {

// Takes the text up to the next '\n' (or the end) off the front of *rest.
std::string_view TakeLine(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  return line;
}

bool Boundary(std::string_view text, size_t off) {
  return off == text.size() || (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) != 0x80);
}

void CheckSpan(std::string_view text, const Span& s, const char* what) {
  if (s.start <= s.end && s.end <= text.size() && Boundary(text, s.start) && Boundary(text, s.end)) return;
  Finding(std::string(what) + ": span [" + std::to_string(s.start) + ", " + std::to_string(s.end) +
          ") is not a UTF-8 slice of a text of " + std::to_string(text.size()) + " bytes");
}

// An empty span (start == end) means "none" for roles, speakers and cues.
void CheckOptionalSpan(std::string_view text, const Span& s, const char* what) {
  if (s.start == s.end) return;
  CheckSpan(text, s, what);
}

}  // namespace

AnalyzeOutcome FuzzAnalyze(const uint8_t* data, size_t size) {
  const uint8_t flags = size > 0 ? data[0] : 0;
  std::string_view rest;
  if (size > 1) rest = std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
  Record record;
  record.source = "fuzz";
  if (flags & 2) record.title = std::string(TakeLine(&rest));
  if (flags & 4) record.published = std::string(TakeLine(&rest));
  if (flags & 8) {
    std::vector<std::string> authors;
    std::string_view line = TakeLine(&rest);
    while (!line.empty()) {
      size_t comma = line.find(',');
      authors.emplace_back(line.substr(0, comma));
      line.remove_prefix(comma == std::string_view::npos ? line.size() : comma + 1);
    }
    record.authors = std::move(authors);
  }
  record.text = std::string(rest);

  AnalyzeOptions options;
  options.sentences = (flags & 1) != 0;
  Document doc = Analyze(std::move(record), FuzzKnowledge(), options);
  JsonOptions json_options;
  json_options.sentences = options.sentences;
  json_options.original = (flags & 16) != 0;

  AnalyzeOutcome out;
  out.json = ToJson(doc, json_options);
  out.entities = doc.entities.size();
  out.quotes = doc.quotes.size();
  out.events = doc.events.size();
  out.removed = doc.clean.removed.size();
  out.paragraphs = doc.clean.paragraphs.size();

  // The original is valid UTF-8 and every span is a UTF-8 slice of it
  // (docs/output.md); removals are sorted and, with the paragraphs, disjoint.
  const std::string_view text = doc.original;
  FUZZ_CHECK(IsValidUtf8(text), "the original text is not valid UTF-8");
  std::vector<char> cover(text.size(), 0);
  size_t last_start = 0;
  for (const Removal& r : doc.clean.removed) {
    CheckSpan(text, r.span, "removed");
    FUZZ_CHECK(r.span.start >= last_start, "removals not sorted by start");
    last_start = r.span.start;
    for (size_t i = r.span.start; i < r.span.end; ++i) {
      FUZZ_CHECK(cover[i] == 0, "two removals overlap at byte " + std::to_string(i));
      cover[i] = 'r';
    }
  }
  for (const Span& p : doc.clean.paragraphs) {
    CheckSpan(text, p, "paragraph");
    for (size_t i = p.start; i < p.end; ++i) {
      FUZZ_CHECK(cover[i] == 0, "a paragraph overlaps a removal or a paragraph at byte " + std::to_string(i));
      cover[i] = 'p';
    }
  }
  // Nothing is lost silently: every code point that is not a space is kept
  // in a paragraph or reported as removed.
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t cp = NextCodePoint(text, &i);
    FUZZ_CHECK(i > at && i <= text.size(), "NextCodePoint did not advance within the text");
    if (!IsSpace(cp) && cover[at] == 0)
      Finding("byte " + std::to_string(at) + " (U+" + std::to_string(static_cast<uint32_t>(cp)) +
              ") is neither kept nor reported as removed");
  }
  for (const Sentence& s : doc.sentences) {
    CheckSpan(text, s.span, "sentence");
    size_t roots = 0, parsed = 0;
    for (const Token& t : s.tokens) {
      CheckSpan(text, t.span, "token");
      FUZZ_CHECK(s.span.start <= t.span.start && t.span.end <= s.span.end, "a token outside its sentence");
      // The parse (with --sentences every sentence of a language with a model is
      // parsed): heads inside the sentence, one root, no token its own head.
      if (t.deprel.empty()) continue;
      ++parsed;
      FUZZ_CHECK(t.head <= s.tokens.size(), "a head outside the sentence");
      FUZZ_CHECK(t.head != static_cast<size_t>(&t - s.tokens.data()) + 1, "a token that is its own head");
      roots += t.head == 0;
    }
    FUZZ_CHECK(parsed == 0 || (parsed == s.tokens.size() && roots == 1), "a parse without exactly one root");
  }
  const std::string_view title = doc.clean.title ? std::string_view(*doc.clean.title) : std::string_view();
  for (const Entity& e : doc.entities) {
    FUZZ_CHECK(!e.mentions.empty(), "an entity without mentions: " + e.id);
    for (const EntityMention& m : e.mentions) {
      if (m.in_title_field) {
        FUZZ_CHECK(doc.clean.title.has_value(), "a mention in a title field that is not there");
        CheckSpan(title, m.span, "mention in the title field");
      } else {
        CheckSpan(text, m.span, "mention");
      }
      CheckOptionalSpan(m.in_title_field ? title : text, m.role, "mention role");
    }
  }
  const int entities = static_cast<int>(doc.entities.size());
  for (const Quote& q : doc.quotes) {
    CheckSpan(text, q.span, "quote");
    CheckOptionalSpan(text, q.speaker_mention, "quote speaker");
    CheckOptionalSpan(text, q.cue, "quote cue");
    FUZZ_CHECK(q.speaker_entity >= -1 && q.speaker_entity < entities, "a quote's speaker is no entity");
  }
  for (const Event& ev : doc.events) {
    CheckSpan(text, ev.sentence, "event evidence");
    FUZZ_CHECK(ev.code != nullptr, "an event without a code");
    FUZZ_CHECK(ev.source >= -1 && ev.source < entities, "an event's source is no entity");
    FUZZ_CHECK(ev.target >= -1 && ev.target < entities, "an event's target is no entity");
  }

  // ToJson writes one line of valid JSON (simdjson also checks the UTF-8).
  FUZZ_CHECK(out.json.find('\n') == std::string::npos, "ToJson wrote a newline");
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  auto error = parser.parse(out.json).get(root);
  FUZZ_CHECK(!error, std::string("ToJson wrote invalid JSON: ") + simdjson::error_message(error));
  FUZZ_CHECK(root.is_object(), "ToJson wrote no object");
  return out;
}

// -------------------------------------------------------------------- api ---

namespace {

struct ApiStore {
  std::string dir;
  std::unique_ptr<Store> store;
};
ApiStore* api_store = nullptr;

// The stores of processes that ended without running atexit (a crash, a
// minimisation, libFuzzer's _Exit): "warta_fuzz_api_<pid>_*" whose pid is gone.
void RemoveStaleApiStores(const std::filesystem::path& parent) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(parent, ec)) {
    std::string name = e.path().filename().string();
    const std::string prefix = "warta_fuzz_api_";
    if (name.rfind(prefix, 0) != 0) continue;
    long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      std::error_code ignored;
      std::filesystem::remove_all(e.path(), ignored);
    }
  }
}

void RemoveApiStore() {
  if (api_store == nullptr) return;
  api_store->store.reset();
  std::error_code ignored;
  std::filesystem::remove_all(api_store->dir, ignored);
}

Record ApiRecord(std::string id, std::string date, std::string title, std::string text) {
  Record r;
  r.source = "fuzz-api";
  r.id = std::move(id);
  r.published = std::move(date);
  r.title = std::move(title);
  r.text = std::move(text);
  return r;
}

// Articles written for the fuzzer: states, a spokesperson quoted, events
// both ways between the same pair, a copy (a duplicate), hostile HTML.
std::vector<Record> ApiRecords() {
  std::vector<Record> r;
  r.push_back(ApiRecord(
      "1", "2025-10-01", "China dan Rusia Perluas Kerja Sama Energi",
      "China dan Rusia sepakat memperluas kerja sama energi di Moskow pada Rabu. “Kami siap bekerja sama lebih "
      "erat,” kata juru bicara Kementerian Luar Negeri China Mao Ning kepada wartawan di Beijing."));
  r.push_back(ApiRecord(
      "2", "2025-11-03", "AS Jatuhkan Sanksi pada Perusahaan China",
      "Amerika Serikat menjatuhkan sanksi terhadap tiga perusahaan China pada Senin. China mengecam Amerika "
      "Serikat atas sanksi itu dan menuntut pencabutannya. “Langkah ini merugikan kedua pihak,” ujarnya."));
  r.push_back(ApiRecord(
      "3", "2025-11-03", "AS Jatuhkan Sanksi pada Perusahaan China",
      "Amerika Serikat menjatuhkan sanksi terhadap tiga perusahaan China pada Senin. China mengecam Amerika "
      "Serikat atas sanksi itu dan menuntut pencabutannya. “Langkah ini merugikan kedua pihak,” ujarnya."));
  r.push_back(ApiRecord(
      "4", "2025-12-15", "Indonesia and Malaysia sign a border agreement",
      "Indonesia and Malaysia signed a border agreement in Jakarta on Monday. \"This is a good day for both "
      "countries,\" Foreign Minister Sugiono said. Malaysia praised Indonesia for its patience."));
  r.push_back(ApiRecord(
      "5", "2026-01-20", "<b>Protes</b> di Jakarta",
      "Ribuan warga berunjuk rasa di Jakarta menentang kenaikan harga. Polisi menangkap sepuluh orang. <script>"
      "alert(1)</script> Menurut Presiden Indonesia, pemerintah akan berdialog dengan para pengunjuk rasa."));
  return r;
}

}  // namespace

void FuzzApiInit() {
  if (api_store != nullptr) return;
  std::error_code ec;
  std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  RemoveStaleApiStores(tmp);
  std::string pattern = (tmp / ("warta_fuzz_api_" + std::to_string(::getpid()) + "_XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) Finding("mkdtemp failed: " + pattern);
  api_store = new ApiStore{pattern, nullptr};
  std::atexit(RemoveApiStore);
  const std::string path = api_store->dir + "/api.db";
  const Knowledge& k = FuzzKnowledge();
  {
    auto store = Store::OpenSqlite(path, Store::Mode::kReadWrite);
    if (!store.ok()) Finding("OpenSqlite: " + store.status().message());
    auto stories = StoryClusterer::Create(StoryClusterer::Options{}, k.story_stopwords);
    auto topics = StoryClusterer::Create(TopicOptions(), k.story_stopwords);
    if (!stories.ok() || !topics.ok()) Finding("StoryClusterer::Create failed");
    auto ingester = Ingester::Open(store.value().get(), std::move(stories).value(), std::move(topics).value());
    if (!ingester.ok()) Finding("Ingester::Open: " + ingester.status().message());
    std::vector<PreparedDocument> batch;
    for (Record& r : ApiRecords()) batch.push_back(PrepareDocument(std::move(r), k, AnalyzeOptions{}));
    IngestCounts counts;
    Status written = ingester.value().Write(&batch, &counts);
    if (!written.ok()) Finding("Ingester::Write: " + written.message());
  }
  auto store = Store::OpenSqlite(path, Store::Mode::kReadOnly);
  if (!store.ok()) Finding("OpenSqlite read-only: " + store.status().message());
  api_store->store = std::move(store).value();
}

namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = i + 2 < s.size() && s[i] == '%' ? Hex(s[i + 1]) : -1;
    int lo = hi >= 0 ? Hex(s[i + 2]) : -1;
    if (lo >= 0) {
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

ApiOutcome FuzzApi(const uint8_t* data, size_t size) {
  FuzzApiInit();
  ApiOutcome out;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  out.path = PercentDecode(TakeLine(&rest));
  if (out.path.rfind("/api/", 0) != 0) out.path = "/api/" + out.path;
  while (!rest.empty()) {
    std::string_view line = TakeLine(&rest);
    size_t eq = line.find('=');
    std::string key = PercentDecode(line.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : PercentDecode(line.substr(eq + 1));
    out.params.emplace(std::move(key), std::move(value));  // the first value of each, as the server does
  }
  out.response = HandleApi(*api_store->store, out.path, out.params);

  // A healthy store never answers 5xx: bad input is a 400, an unknown thing a 404.
  const ApiResponse& r = out.response;
  FUZZ_CHECK(r.status == 200 || r.status == 400 || r.status == 404,
             "status " + std::to_string(r.status) + " for " + out.path + ": " + r.body.substr(0, 300));
  static simdjson::dom::parser parser;
  simdjson::dom::element root;
  auto error = parser.parse(r.body).get(root);
  FUZZ_CHECK(!error, std::string("the body is not JSON: ") + simdjson::error_message(error));
  if (r.status != 200) {
    std::string_view message;
    FUZZ_CHECK(root["error"].get(message) == simdjson::SUCCESS && !message.empty(),
               "an error without an \"error\" message: " + r.body.substr(0, 300));
  }
  return out;
}

}  // namespace warta::fuzz
