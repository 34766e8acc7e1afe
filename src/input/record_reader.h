// Record readers: turn a byte stream in one format into Records. A reader
// reports a bad record as a Diagnostic and goes on with the next one; a broken
// stream (I/O error, truncated archive) ends the reader with a Diagnostic.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "input/buffered_reader.h"
#include "input/record.h"

namespace warta {

enum class Format { kAuto, kTxt, kJsonl, kCsv };

struct ReaderOptions {
  FieldMap fields;                             // where id/title/text/... come from
  size_t max_record_bytes = size_t{64} << 20;  // larger records are rejected
  // InputSet: the order of every input's ambiguous numeric dates
  // (--date-order); nullopt: inferred per input (input/date_order.h).
  std::optional<DateOrder> date_order;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Fills *record and returns true, or returns false at the end of the input.
  // Problems go to `report` as they are found; the reader skips what it cannot
  // read. Work per call is bounded by the input consumed, never by its content:
  // a reader stops early on endless binary data (NUL bytes in an over-long record).
  virtual bool Next(Record* record, const DiagnosticSink& report) = 0;
};

// `name` is what records and diagnostics name as their source.
std::unique_ptr<RecordReader> NewTxtReader(std::unique_ptr<ByteSource> in, std::string name,
                                           const ReaderOptions& options);
std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<ByteSource> in, std::string name,
                                             const ReaderOptions& options);
std::unique_ptr<RecordReader> NewCsvReader(std::unique_ptr<ByteSource> in, std::string name,
                                           const ReaderOptions& options);
std::unique_ptr<RecordReader> NewReader(Format format, std::unique_ptr<ByteSource> in, std::string name,
                                        const ReaderOptions& options);

}  // namespace warta
