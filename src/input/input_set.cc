#include "input/input_set.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "util/strings.h"

namespace warta {
namespace fs = std::filesystem;

Format FormatForPath(std::string_view path, Format forced) {
  if (forced != Format::kAuto) return forced;
  std::string p = AsciiLower(StripCompressionSuffix(path));
  if (EndsWith(p, ".jsonl") || EndsWith(p, ".ndjson") || EndsWith(p, ".json")) return Format::kJsonl;
  if (EndsWith(p, ".csv")) return Format::kCsv;
  return Format::kTxt;
}

namespace {

bool IsArticleFile(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.empty() || name[0] == '.') return false;
  std::string s = AsciiLower(StripCompressionSuffix(name));
  for (const char* ext : {".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv"})
    if (EndsWith(s, ext)) return true;
  return false;
}

}  // namespace

InputSet::InputSet(std::vector<std::string> inputs, Format format, ReaderOptions options)
    : pending_(std::move(inputs)), format_(format), options_(std::move(options)) {}

bool InputSet::OpenNext(std::vector<Diagnostic>* diagnostics) {
  while (next_ < pending_.size()) {
    std::string path = pending_[next_++];
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      // Expand the directory in place, sorted by path bytes, so runs are reproducible.
      std::vector<std::string> files;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && (format_ != Format::kAuto || IsArticleFile(it->path())))
          files.push_back(it->path().string());
      }
      if (ec) diagnostics->push_back({path, 0, "cannot read directory: " + ec.message()});
      std::sort(files.begin(), files.end());
      pending_.insert(pending_.begin() + static_cast<std::ptrdiff_t>(next_), files.begin(), files.end());
      continue;
    }
    Compression compression = path == "-" ? Compression::kNone : CompressionFromPath(path);
    auto source = OpenByteSource(path, compression);
    if (!source.ok()) {
      diagnostics->push_back({path, 0, source.status().message()});
      continue;
    }
    Format format = FormatForPath(path, format_);
    if (path == "-" && format == Format::kTxt && format_ == Format::kAuto) {
      // stdin has no extension: sniff JSON Lines by its first byte.
      auto buffered = std::make_unique<BufferedReader>(std::move(source).value());
      int c;
      while ((c = buffered->Peek()) == ' ' || c == '\n' || c == '\r' || c == '\t') buffered->Get();
      format = c == '{' ? Format::kJsonl : Format::kTxt;
      // Hand the rest of the stream on through a small adapter.
      struct Rest final : ByteSource {
        explicit Rest(std::unique_ptr<BufferedReader> b) : b_(std::move(b)) {}
        Result<size_t> Read(char* buf, size_t n) override {
          size_t k = 0;
          while (k < n) {
            int ch = b_->Get();
            if (ch < 0) break;
            buf[k++] = static_cast<char>(ch);
          }
          if (k == 0 && !b_->status().ok()) return b_->status();
          return k;
        }
        std::unique_ptr<BufferedReader> b_;
      };
      reader_ = NewReader(format, std::make_unique<Rest>(std::move(buffered)), "-", options_);
    } else {
      reader_ = NewReader(format, std::move(source).value(), path, options_);
    }
    ++files_opened_;
    return true;
  }
  return false;
}

bool InputSet::Next(Record* record, std::vector<Diagnostic>* diagnostics) {
  for (;;) {
    if (!reader_ && !OpenNext(diagnostics)) return false;
    if (reader_->Next(record, diagnostics)) return true;
    reader_.reset();
  }
}

}  // namespace warta
