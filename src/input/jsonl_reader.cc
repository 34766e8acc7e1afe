// JSON Lines: one JSON object per line, fields mapped by FieldMap. Parsed with
// simdjson (DOM: its runtime-dispatched kernels are the fast ones in Debian's build); each line is repaired to valid UTF-8 first so that one
// bad byte costs a U+FFFD, not the record.
#include <simdjson.h>

#include <cstdint>
#include <iterator>

#include "input/record_reader.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

// Reads a scalar as text: strings as they are, numbers as written.
simdjson::error_code ScalarText(simdjson::dom::element v, std::string* out, bool* is_null) {
  *is_null = false;
  switch (v.type()) {
    case simdjson::dom::element_type::STRING:
      out->assign(std::string_view(v));
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::INT64:
      *out = std::to_string(int64_t(v));
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::UINT64:
      *out = std::to_string(uint64_t(v));
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::DOUBLE:
      *out = simdjson::minify(v);
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::BOOL:
      *out = bool(v) ? "true" : "false";
      return simdjson::SUCCESS;
    case simdjson::dom::element_type::NULL_VALUE:
      *is_null = true;
      return simdjson::SUCCESS;
    default:
      return simdjson::INCORRECT_TYPE;
  }
}

class JsonlReader final : public RecordReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> in, std::string name, const ReaderOptions& options)
      : in_(std::move(in)), name_(std::move(name)), options_(options) {}

  bool Next(Record* record, const DiagnosticSink& report) override {
    for (;;) {
      auto r = in_.ReadLine(&line_, options_.max_record_bytes);
      ++line_no_;
      if (r == BufferedReader::LineResult::kEnd) {
        if (!in_.status().ok()) report({name_, line_no_, in_.status().message()});
        return false;
      }
      if (r == BufferedReader::LineResult::kBinary) {
        report({name_, line_no_, "binary data: an over-long line with NUL bytes; rest of the input skipped"});
        return false;
      }
      if (r == BufferedReader::LineResult::kTooLong) {
        report({name_, line_no_, "line exceeds the record size limit (--max-record-mb); skipped"});
        continue;
      }
      if (Trim(line_).empty()) continue;
      std::string error;
      if (Parse(record, &error)) return true;
      report({name_, line_no_, error});
    }
  }

 private:
  bool Parse(Record* record, std::string* error) {
    RepairedUtf8 fixed = RepairUtf8(line_);
    simdjson::dom::element root;
    if (auto e = parser_.parse(fixed.text).get(root)) return Fail(e, error);
    simdjson::dom::object obj;
    if (root.get(obj)) {
      *error = "malformed JSON: expected an object per line";
      return false;
    }
    *record = Record();
    record->source = name_;
    record->line = line_no_;
    record->invalid_utf8 = fixed.invalid_sequences;
    bool has_text = false;
    const FieldMap& f = options_.fields;
    // The publisher: the mapped field, else (unmapped) the first alias present.
    const bool aliases = f.publisher == FieldMap().publisher;
    size_t publisher_rank = SIZE_MAX;  // 0: the field itself, 1 + i: kPublisherAliases[i]
    for (auto [key, v] : obj) {
      std::string s;
      bool is_null = false;
      if (key == f.authors) {
        if (auto e = ReadAuthors(v, record)) return Fail(e, error, key);
        continue;
      }
      std::optional<std::string>* slot = nullptr;
      if (key == f.id) slot = &record->id;
      else if (key == f.title) slot = &record->title;
      else if (key == f.url) slot = &record->url;
      else if (key == f.published) slot = &record->published;
      else if (key == f.text) {
        if (auto e = ScalarText(v, &s, &is_null)) return Fail(e, error, key);
        if (!is_null) { record->text = std::move(s); has_text = true; }
        continue;
      }
      if (slot == nullptr) {
        if (size_t rank = PublisherRank(key, f.publisher, aliases); rank != SIZE_MAX) {
          // Aliases are other crawls' words ("media" may be a list of images):
          // only a string counts, anything else is not an outlet's name.
          if (rank > 0 && !v.is_string()) continue;
          if (auto e = ScalarText(v, &s, &is_null)) return Fail(e, error, key);
          std::string_view name = Trim(s);
          if (is_null || name.empty() || rank >= publisher_rank) continue;
          record->publisher = std::string(name);
          publisher_rank = rank;
          continue;
        }
        continue;  // unmapped fields are ignored
      }
      if (auto e = ScalarText(v, &s, &is_null)) return Fail(e, error, key);
      if (!is_null) *slot = std::move(s);
      else if (slot == &record->title) *slot = std::string();  // a null title is still a title field
    }
    if (!has_text) {
      *error = "missing text field '" + f.text + "'";
      return false;
    }
    return true;
  }

  // 0 when `key` is the publisher field, 1 + i for kPublisherAliases[i]
  // (when `aliases`), SIZE_MAX otherwise.
  static size_t PublisherRank(std::string_view key, const std::string& field, bool aliases) {
    if (key == field) return 0;
    if (aliases)
      for (size_t i = 0; i < std::size(kPublisherAliases); ++i)
        if (key == kPublisherAliases[i]) return i + 1;
    return SIZE_MAX;
  }

  simdjson::error_code ReadAuthors(simdjson::dom::element v, Record* record) {
    std::vector<std::string> authors;
    if (v.is_array()) {
      for (simdjson::dom::element item : simdjson::dom::array(v)) {
        std::string_view s;
        if (auto e = item.get(s)) return e;
        if (!Trim(s).empty()) authors.emplace_back(Trim(s));
      }
    } else if (v.is_string()) {
      for (auto part : Split(std::string_view(v), ','))  // "A, B" in one string
        if (!Trim(part).empty()) authors.emplace_back(Trim(part));
    } else if (!v.is_null()) {
      return simdjson::INCORRECT_TYPE;
    }
    record->authors = std::move(authors);
    return simdjson::SUCCESS;
  }

  static bool Fail(simdjson::error_code e, std::string* error, std::string_view key = {}) {
    *error = "malformed JSON";
    if (!key.empty()) *error += " in field '" + std::string(key) + "'";
    *error += ": ";
    *error += simdjson::error_message(e);
    return false;
  }

  BufferedReader in_;
  std::string name_;
  ReaderOptions options_;
  simdjson::dom::parser parser_;
  std::string line_;
  uint64_t line_no_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> NewJsonlReader(std::unique_ptr<ByteSource> in, std::string name,
                                             const ReaderOptions& options) {
  return std::make_unique<JsonlReader>(std::move(in), std::move(name), options);
}

}  // namespace warta
