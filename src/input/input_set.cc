#include "input/input_set.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <filesystem>
#include <system_error>

#include "input/date_order.h"
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

// Walks `root` depth-first. Every entry that cannot be read is reported, never
// skipped in silence: an unreadable directory, a dangling link, a link loop (a
// directory reached twice through links), a special file with an article's name.
class DirectoryWalk {
 public:
  DirectoryWalk(bool all_files, const DiagnosticSink& report) : all_files_(all_files), report_(report) {}

  std::vector<std::string> Files(const std::string& root) {
    Visit(fs::path(root));
    std::sort(files_.begin(), files_.end());
    return std::move(files_);
  }

 private:
  void Visit(const fs::path& dir) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) return Report(dir, std::strerror(errno));
    if (!seen_.insert({st.st_dev, st.st_ino}).second)
      return Report(dir, "directory already read (reached again through a symbolic link); skipped");
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return Report(dir, "cannot read directory: " + ec.message());
    std::vector<fs::path> subdirs;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (name.empty() || name[0] == '.') continue;  // hidden files and directories
      std::error_code sec;
      fs::file_status target = fs::status(p, sec);
      if (sec) {
        std::error_code lec;
        bool link = fs::is_symlink(fs::symlink_status(p, lec));
        std::string why = !link ? "cannot read: " + sec.message()
                          : sec == std::errc::no_such_file_or_directory ? "dangling symbolic link"
                          : sec == std::errc::too_many_symbolic_link_levels ? "symbolic link loop"
                          : "cannot follow symbolic link: " + sec.message();
        Report(p, why + "; skipped");
        continue;
      }
      if (fs::is_directory(target)) {
        subdirs.push_back(p);
      } else if (all_files_ || IsArticleFile(p)) {
        if (fs::is_regular_file(target)) files_.push_back(p.string());
        else if (!all_files_) Report(p, "not a regular file; skipped");
      }
    }
    if (ec) Report(dir, "cannot read directory: " + ec.message() + "; the rest of it skipped");
    std::sort(subdirs.begin(), subdirs.end());
    for (const fs::path& d : subdirs) Visit(d);
  }

  void Report(const fs::path& p, std::string message) { report_({p.string(), 0, std::move(message)}); }

  bool all_files_;
  const DiagnosticSink& report_;
  std::set<std::pair<dev_t, ino_t>> seen_;
  std::vector<std::string> files_;
};

std::vector<std::string> ListDirectory(const std::string& root, bool all_files, const DiagnosticSink& report) {
  return DirectoryWalk(all_files, report).Files(root);
}

}  // namespace

InputSet::InputSet(std::vector<std::string> inputs, Format format, ReaderOptions options)
    : pending_(std::move(inputs)), format_(format), options_(std::move(options)) {}

bool InputSet::OpenNext(const DiagnosticSink& report) {
  while (next_ < pending_.size()) {
    std::string path = pending_[next_++];
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      // Expand the directory in place, sorted by path bytes, so runs are reproducible.
      std::vector<std::string> files = ListDirectory(path, format_ != Format::kAuto, report);
      pending_.insert(pending_.begin() + static_cast<std::ptrdiff_t>(next_), files.begin(), files.end());
      continue;
    }
    Compression compression = path == "-" ? Compression::kNone : CompressionFromPath(path);
    auto source = OpenByteSource(path, compression);
    if (!source.ok()) {
      report({path, 0, source.status().message()});
      continue;
    }
    Format format = FormatForPath(path, format_);
    if (path == "-" && format == Format::kTxt && format_ == Format::kAuto) {
      // stdin has no extension: sniff JSON Lines by its first byte.
      auto buffered = std::make_unique<BufferedReader>(std::move(source).value());
      int c;
      size_t sniffed = 0;  // endless whitespace is text, not a hang
      while (((c = buffered->Peek()) == ' ' || c == '\n' || c == '\r' || c == '\t') && ++sniffed < (1u << 16))
        buffered->Get();
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
    // One date order per input: every record of this file or stream reads its
    // ambiguous numeric dates alike.
    reader_ = NewDateOrderReader(std::move(reader_), options_.date_order);
    ++files_opened_;
    return true;
  }
  return false;
}

bool InputSet::Next(Record* record, const DiagnosticSink& report) {
  for (;;) {
    if (!reader_ && !OpenNext(report)) return false;
    if (reader_->Next(record, report)) return true;
    reader_.reset();
  }
}

bool InputSet::Next(Record* record, std::vector<Diagnostic>* diagnostics) {
  return Next(record, [diagnostics](Diagnostic d) { diagnostics->push_back(std::move(d)); });
}

}  // namespace warta
