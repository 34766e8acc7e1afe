// The bodies of the libFuzzer harnesses (fuzz/fuzz_*.cc) as plain functions,
// so that tests/fuzz_regression_test.cc replays, in `make test` with the
// normal g++ build, exactly the code the fuzzers ran on the inputs that once
// broke it. Each function decodes its input as described below, runs the
// stage, checks the stage's documented invariants and, when one fails, prints
// what failed on stderr and aborts: a broken invariant is a finding, as a
// crash is. Inputs of any bytes and any length are valid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analyze/knowledge.h"
#include "input/byte_source.h"
#include "input/record.h"
#include "input/record_reader.h"
#include "serve/api.h"

namespace warta::fuzz {

// ---- fuzz_readers: every reader, every compression -------------------------
//
// data[0] chooses the case, data[1] the read size, the rest is the payload:
//   bits 0-1  format: 0 txt, 1 JSON Lines, 2 CSV, 3 JSON Lines
//   bits 2-3  compression: 0 none, 1 gzip, 2 zstd, 3 none
//   bit 4     packed: the harness compresses the payload itself (a valid
//             archive of fuzzed content); else the payload is the compressed
//             stream as it is (corrupt, truncated or valid archives)
//   bit 5     max_record_bytes 64 (the too-long paths) instead of 1 MB
//   bit 6     field names mapped (--field text=isi ...): "isi", "judul",
//             "tautan", "tanggal", "penulis", "kode"
//   bit 7     packed only: two gzip members / zstd frames, split in the middle
// data[1]: 0 reads the source in one piece; k > 0 at most k bytes per read
// (short reads at every boundary).
struct ReadersOutcome {
  Format format = Format::kTxt;
  Compression compression = Compression::kNone;
  bool packed = false;
  size_t max_record_bytes = 0;
  size_t records = 0, diagnostics = 0;
  std::vector<Record> first_records;          // the first 100
  std::vector<Diagnostic> first_diagnostics;  // the first 100
};
ReadersOutcome FuzzReaders(const uint8_t* data, size_t size);

// The header bytes FuzzReaders expects, for tests and seeds.
uint8_t ReadersMode(Format format, Compression compression, bool packed = false, bool small_records = false,
                    bool mapped_fields = false, bool two_members = false);

// ---- fuzz_analyze: Analyze and ToJson on one record -------------------------
//
// data[0] is a set of flags, the rest the record, line by line:
//   bit 0  AnalyzeOptions::sentences (and "sentences" in the JSON)
//   bit 1  the first line is the record's title field
//   bit 2  the next line is its published field
//   bit 3  the next line is its authors field ("A, B")
//   bit 4  the JSON has the "original" field
// whatever is left is the text (any bytes).
struct AnalyzeOutcome {
  std::string json;
  size_t entities = 0, quotes = 0, events = 0, removed = 0, paragraphs = 0;
};
AnalyzeOutcome FuzzAnalyze(const uint8_t* data, size_t size);

// data/ as embedded in the binary, loaded once.
const Knowledge& FuzzKnowledge();

// ---- fuzz_api: HandleApi on a small store ----------------------------------
//
// The first line is the path ("/api/" is put in front when it does not start
// with it: the server sends nothing else to HandleApi), each further line a
// parameter "key=value" (no "=": an empty value); %XX is decoded in all of
// them, as the HTTP server does, so any byte can be reached. The first value
// of a key counts.
struct ApiOutcome {
  std::string path;
  std::map<std::string, std::string> params;
  ApiResponse response;
};
ApiOutcome FuzzApi(const uint8_t* data, size_t size);

// Builds the store FuzzApi queries (once; a few articles written for the
// fuzzer, ingested into a fresh temporary directory removed at exit, or by
// the next process when this one crashed: $TMPDIR/warta_fuzz_api_<pid>_*) and
// opens it read-only, as `warta serve` does. FuzzApi calls it; harnesses call
// it early so that the first input is not slower than the others.
void FuzzApiInit();

}  // namespace warta::fuzz
