// The cleaning stage: from an article's original text to its body paragraphs
// and metadata, with every removal reported as a span of the original.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/boilerplate.h"
#include "clean/byline.h"
#include "clean/calendar.h"
#include "clean/date.h"

namespace warta {

struct Span {
  size_t start = 0, end = 0;  // UTF-8 byte offsets into the original text
};

struct Removal {
  std::string kind;    // boilerplate | duplicate | byline | title | editor | dateline
  std::string reason;  // the pattern or rule that removed it
  Span span;
};

// Knowledge the cleaner reads; loaded once, shared (read-only) by all threads.
struct CleanerData {
  const BoilerplateMatcher* boilerplate;
  const Calendar* calendar;
  const BylineLabels* bylines;
};

struct CleanOptions {
  // How the record's `published` field reads ambiguous numeric dates; nullopt:
  // day first unless a weekday-anchored date in the body says otherwise.
  std::optional<DateOrder> field_date_order;
  int default_offset_minutes = 7 * 60;  // UTC offset for times that name no zone (WIB)
};

// What the record itself says (fields of JSONL/CSV input).
struct RecordMeta {
  std::optional<std::string> title;  // set when the input has a title field, even empty
  std::optional<std::vector<std::string>> authors;
  std::optional<std::string> published;
};

struct CleanResult {
  std::vector<Span> paragraphs;  // the body, in order, trimmed
  std::vector<Removal> removed;  // sorted by span.start
  std::optional<std::string> title;
  std::vector<std::string> authors;
  std::optional<std::string> editor;
  std::optional<std::string> published;  // ISO 8601
  std::optional<std::string> dateline;   // place
  std::string text;                      // NFC body, paragraphs joined by a blank line
};

// REQUIRES: `original` is valid UTF-8 (see RepairUtf8).
CleanResult Clean(std::string_view original, const RecordMeta& meta, const CleanerData& data,
                  const CleanOptions& options);

}  // namespace warta
