// The inputs of one run: files, directories (walked recursively, in sorted
// order, following symbolic links; hidden entries and, unless a format is
// forced, files without an article extension are left out) and "-" for stdin,
// read one after another as a single record stream. Each input's records
// carry its date order (Record::date_order, input/date_order.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "input/record_reader.h"

namespace warta {

// Format a file is read as: `forced` unless kAuto, else by extension
// (.jsonl/.ndjson/.json → JSONL, .csv → CSV, anything else → text), looking
// through .gz/.zst.
Format FormatForPath(std::string_view path, Format forced);

class InputSet {
 public:
  InputSet(std::vector<std::string> inputs, Format format, ReaderOptions options);

  // Next record from the inputs, in order; false when all are read. Problems
  // go to `report` as they are found (a directory entry that cannot be read, a
  // bad record, a broken archive), each naming its file and line.
  bool Next(Record* record, const DiagnosticSink& report);
  // The same, collecting the problems (for tools and tests on small inputs).
  bool Next(Record* record, std::vector<Diagnostic>* diagnostics);

  // How many files (or stdin) have been opened so far.
  uint64_t files_opened() const { return files_opened_; }

 private:
  bool OpenNext(const DiagnosticSink& report);

  std::vector<std::string> pending_;  // inputs not yet opened, in order
  size_t next_ = 0;
  Format format_;
  ReaderOptions options_;
  std::unique_ptr<RecordReader> reader_;
  uint64_t files_opened_ = 0;
};

}  // namespace warta
