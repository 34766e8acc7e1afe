// A .txt file is one article: its whole content is the text.
#include <cstring>

#include "input/record_reader.h"
#include "util/strings.h"

namespace warta {
namespace {

class TxtReader final : public RecordReader {
 public:
  TxtReader(std::unique_ptr<ByteSource> in, std::string name, const ReaderOptions& options)
      : in_(std::move(in)), name_(std::move(name)), options_(options) {}

  bool Next(Record* record, const DiagnosticSink& report) override {
    if (done_) return false;
    done_ = true;
    std::string text;
    bool fits = in_.ReadAll(&text, options_.max_record_bytes);
    if (!in_.status().ok()) {
      report({name_, 0, in_.status().message()});
      return false;
    }
    if (!fits) {
      report({name_, 0, "file exceeds the record size limit (--max-record-mb); skipped (read no further)"});
      return false;
    }
    if (std::memchr(text.data(), '\0', std::min<size_t>(text.size(), 1 << 16)) != nullptr) {
      report({name_, 0, "binary file (NUL bytes); skipped"});
      return false;
    }
    if (Trim(text).empty()) {
      report({name_, 0, "empty file; no article"});
      return false;
    }
    *record = Record();
    record->source = name_;
    record->text = std::move(text);
    return true;
  }

 private:
  BufferedReader in_;
  std::string name_;
  ReaderOptions options_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewTxtReader(std::unique_ptr<ByteSource> in, std::string name,
                                           const ReaderOptions& options) {
  return std::make_unique<TxtReader>(std::move(in), std::move(name), options);
}

std::unique_ptr<RecordReader> NewReader(Format format, std::unique_ptr<ByteSource> in, std::string name,
                                        const ReaderOptions& options) {
  switch (format) {
    case Format::kJsonl: return NewJsonlReader(std::move(in), std::move(name), options);
    case Format::kCsv: return NewCsvReader(std::move(in), std::move(name), options);
    case Format::kTxt:
    case Format::kAuto: break;
  }
  return NewTxtReader(std::move(in), std::move(name), options);
}

}  // namespace warta
