// One input record: an article as delivered, before any cleaning.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace warta {

struct Record {
  std::string source;                    // the input's path, or "-" for stdin
  uint64_t line = 0;                     // 1-based line where the record starts (0: whole file)
  std::optional<std::string> id;         // the input's own id, if it has one
  std::optional<std::string> title;      // set (maybe empty) when the input has a title field
  std::optional<std::string> url;
  std::optional<std::string> published;  // as written in the input, parsed later
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
};

// A problem with the input, reported on stderr as "source:line: message".
struct Diagnostic {
  std::string source;
  uint64_t line = 0;  // 0 when the problem is not tied to a line
  std::string message;
};

// Where problems go as they are found: streamed to the caller, never held, so
// memory does not grow with the number of bad records.
using DiagnosticSink = std::function<void(Diagnostic)>;

}  // namespace warta
