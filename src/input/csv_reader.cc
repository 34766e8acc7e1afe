// CSV with a header row (RFC 4180): fields separated by ',', quoted fields may
// hold commas, newlines and doubled quotes (""). Written by hand because no
// Debian-packaged C++ CSV library streams records with their line numbers and a
// size bound; the grammar is small.
#include <unordered_map>

#include "input/record_reader.h"
#include "util/strings.h"

namespace warta {
namespace {

class CsvReader final : public RecordReader {
 public:
  CsvReader(std::unique_ptr<ByteSource> in, std::string name, const ReaderOptions& options)
      : in_(std::move(in)), name_(std::move(name)), options_(options) {}

  bool Next(Record* record, const DiagnosticSink& report) override {
    if (!header_read_) {
      header_read_ = true;
      if (!ReadHeader(report)) return false;
    }
    std::vector<std::string> fields;
    for (;;) {
      uint64_t start_line = line_;
      std::string error;
      auto r = ReadRow(&fields, &error);
      if (r == Row::kEnd) {
        if (!in_.status().ok()) report({name_, line_, in_.status().message()});
        return false;
      }
      if (r == Row::kBinary) {
        report({name_, start_line, error});
        return false;
      }
      if (r == Row::kBad) {
        report({name_, start_line, error});
        continue;
      }
      if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
      if (fields.size() != header_.size()) {
        report({name_, start_line,
                                "CSV row has " + std::to_string(fields.size()) + " fields, header has " +
                                    std::to_string(header_.size()) + "; skipped"});
        continue;
      }
      *record = Record();
      record->source = name_;
      record->line = start_line;
      record->text = std::move(fields[text_col_]);
      auto opt = [&](int col, std::optional<std::string>* slot) {
        if (col >= 0) *slot = std::move(fields[col]);
      };
      opt(id_col_, &record->id);
      opt(title_col_, &record->title);
      opt(url_col_, &record->url);
      opt(published_col_, &record->published);
      if (record->id && record->id->empty()) record->id.reset();
      if (record->url && record->url->empty()) record->url.reset();
      if (record->published && record->published->empty()) record->published.reset();
      if (publisher_col_ >= 0) {
        std::string_view name = Trim(fields[publisher_col_]);
        if (!name.empty()) record->publisher = std::string(name);
      }
      if (authors_col_ >= 0) {
        std::vector<std::string> authors;
        for (auto part : Split(fields[authors_col_], ','))
          if (!Trim(part).empty()) authors.emplace_back(Trim(part));
        record->authors = std::move(authors);
      }
      return true;
    }
  }

 private:
  enum class Row { kOk, kBad, kBinary, kEnd };

  bool ReadHeader(const DiagnosticSink& report) {
    std::string error;
    auto r = ReadRow(&header_, &error);
    if (r != Row::kOk) {
      report({name_, 1, r == Row::kEnd ? (in_.status().ok() ? "empty CSV file; no header"
                                                                              : in_.status().message())
                                                       : error});
      return false;
    }
    if (!header_.empty() && StartsWith(header_[0], "\xEF\xBB\xBF")) header_[0].erase(0, 3);  // BOM
    std::unordered_map<std::string, int> index;
    for (size_t i = 0; i < header_.size(); ++i) index.emplace(std::string(Trim(header_[i])), static_cast<int>(i));
    auto col = [&](const std::string& name) {
      auto it = index.find(name);
      return it == index.end() ? -1 : it->second;
    };
    const FieldMap& f = options_.fields;
    text_col_ = col(f.text);
    id_col_ = col(f.id);
    title_col_ = col(f.title);
    url_col_ = col(f.url);
    published_col_ = col(f.published);
    authors_col_ = col(f.authors);
    publisher_col_ = col(f.publisher);
    if (publisher_col_ < 0 && f.publisher == FieldMap().publisher)  // unmapped: another name of the outlet
      for (const char* alias : kPublisherAliases)
        if ((publisher_col_ = col(alias)) >= 0) break;
    // A column another field reads is not the publisher's too.
    for (int taken : {text_col_, id_col_, title_col_, url_col_, published_col_, authors_col_})
      if (publisher_col_ == taken) publisher_col_ = -1;
    if (text_col_ < 0) {
      report({name_, 1, "CSV header has no text column '" + f.text + "' (use --field text=NAME)"});
      return false;
    }
    return true;
  }

  // Reads one row. Newlines inside quotes belong to the field.
  Row ReadRow(std::vector<std::string>* fields, std::string* error) {
    fields->clear();
    int c = in_.Get();
    if (c < 0) return Row::kEnd;
    uint64_t start_line = line_;
    size_t bytes = 0;
    bool too_large = false;
    std::string field;
    bool quoted = false, after_quote = false;
    for (;; c = in_.Get()) {
      if (c < 0) {
        if (quoted) {
          *error = "unterminated quoted CSV field (row starts here); rest of file skipped";
          return Row::kBad;
        }
        break;
      }
      if (++bytes > options_.max_record_bytes && !too_large) {
        too_large = true;
        field.clear();
        field.shrink_to_fit();
      }
      if (too_large && c == 0) {  // endless binary data (/dev/zero): stop, do not skip forever
        *error = "binary data: an over-long row with NUL bytes; rest of the input skipped";
        return Row::kBinary;
      }
      if (quoted) {
        if (c == '"') {
          if (in_.Peek() == '"') {
            in_.Get();
            if (!too_large) field.push_back('"');
          } else {
            quoted = false;
            after_quote = true;
          }
        } else {
          if (c == '\n') ++line_;
          if (!too_large) field.push_back(static_cast<char>(c));
        }
        continue;
      }
      if (c == ',') {
        fields->push_back(std::move(field));
        field.clear();
        after_quote = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && in_.Peek() == '\n') in_.Get();
        ++line_;
        break;
      } else if (c == '"' && field.empty() && !after_quote) {
        quoted = true;
      } else if (!too_large) {
        field.push_back(static_cast<char>(c));  // stray quotes inside unquoted fields are kept
      }
    }
    fields->push_back(std::move(field));
    if (too_large) {
      *error = "CSV row exceeds the record size limit (--max-record-mb); skipped";
      (void)start_line;
      return Row::kBad;
    }
    return Row::kOk;
  }

  BufferedReader in_;
  std::string name_;
  ReaderOptions options_;
  bool header_read_ = false;
  std::vector<std::string> header_;
  int text_col_ = -1, id_col_ = -1, title_col_ = -1, url_col_ = -1, published_col_ = -1, authors_col_ = -1,
      publisher_col_ = -1;
  uint64_t line_ = 1;  // line number of the next byte
};

}  // namespace

std::unique_ptr<RecordReader> NewCsvReader(std::unique_ptr<ByteSource> in, std::string name,
                                           const ReaderOptions& options) {
  return std::make_unique<CsvReader>(std::move(in), std::move(name), options);
}

}  // namespace warta
