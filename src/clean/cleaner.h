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
  // How the record's `published` field reads ambiguous numeric dates, for
  // every record (--date-order); nullopt: the record's input's order
  // (RecordMeta::date_order), else day first. Never decided per record: one
  // record's body does not change how its field reads (issue 19).
  std::optional<DateOrder> field_date_order;
  int default_offset_minutes = 7 * 60;  // UTC offset for times that name no zone (WIB)
  // Page furniture learned from the corpus (lines repeated across many
  // documents of the record's site; see FurnitureKeys): sorted line keys.
  // Such lines are removed as boilerplate, rule "learned furniture".
  const std::vector<uint64_t>* furniture = nullptr;
};

// The keys of an article's lines that could be page furniture (2 to 60
// words), sorted and distinct: how the corpus learns, CCNet-style, which lines
// a site repeats on every page. A line's key ignores spacing and ASCII case.
std::vector<uint64_t> FurnitureKeys(std::string_view original);

// What the record itself says (fields of JSONL/CSV input).
struct RecordMeta {
  std::optional<std::string> title;  // set when the input has a title field, even empty
  std::optional<std::vector<std::string>> authors;
  std::optional<std::string> published;
  std::optional<DateOrder> date_order;  // how its input reads ambiguous numeric dates (Record::date_order)
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
