// One input record: an article as delivered, before any cleaning.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace warta {

// How the numbers of a numeric date are ordered: 25/12/2025 is day first,
// 12/25/2025 month first, 25/12/09 (two-digit year) may be year first.
enum class DateOrder { kDayFirst, kMonthFirst, kYearFirst };

struct Record {
  std::string source;                    // the input's path, or "-" for stdin
  uint64_t line = 0;                     // 1-based line where the record starts (0: whole file)
  std::optional<std::string> id;         // the input's own id, if it has one
  std::optional<std::string> title;      // set (maybe empty) when the input has a title field
  std::optional<std::string> url;
  std::optional<std::string> publisher;  // the outlet's name, when the input has a non-empty publisher field
  std::optional<std::string> published;  // as written in the input, parsed later
  // How `published` reads an ambiguous numeric date ("9/12/2025"): one order
  // for every record of an input, set by InputSet (--date-order, else inferred
  // from the input's unambiguous dates; see input/date_order.h). nullopt: the
  // analysis options decide (day first by default).
  std::optional<DateOrder> date_order;
  std::optional<std::vector<std::string>> authors;  // set when the input has an authors field
  std::string text;                      // the article body as delivered (may be invalid UTF-8)
  size_t invalid_utf8 = 0;               // sequences already replaced while decoding the record
};

// "file:line" (or "file" for a whole-file record): where a record came from.
inline std::string WhereOf(const Record& record) {
  return record.line ? record.source + ":" + std::to_string(record.line) : record.source;
}

// Where a record field comes from in JSONL/CSV input: `--field KEY=NAME`.
struct FieldMap {
  std::string id = "id";
  std::string title = "title";
  std::string text = "text";
  std::string url = "url";
  std::string published = "published";
  std::string authors = "authors";
  std::string publisher = "publisher";
};

// Other names of the publisher field, read (in this order of preference) when
// the input has no field named `FieldMap::publisher` and that is still the
// default "publisher": crawls name the outlet in many ways.
inline constexpr const char* kPublisherAliases[] = {"source_name", "outlet", "media"};

// A problem with the input, reported on stderr as "source:line: message".
struct Diagnostic {
  std::string source;
  uint64_t line = 0;  // 0 when the problem is not tied to a line
  std::string message;
  bool warning = false;  // nothing was skipped (e.g. contradicting dates): not a rejected record
};

// Where problems go as they are found: streamed to the caller, never held, so
// memory does not grow with the number of bad records.
using DiagnosticSink = std::function<void(Diagnostic)>;

}  // namespace warta
