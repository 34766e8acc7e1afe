#include "input/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "util/strings.h"

namespace warta {
namespace {

constexpr size_t kChunk = 1 << 16;

// Owns a file descriptor (RAII); stdin is borrowed, never closed.
class FileSource final : public ByteSource {
 public:
  FileSource(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      return Status::Error(Status::Code::kIoError, name_ + ": read failed: " + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string name_;
};

class MemSource final : public ByteSource {
 public:
  explicit MemSource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

// gzip (and concatenated gzip members, as `cat a.gz b.gz` makes).
class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> inner) : inner_(std::move(inner)), in_(kChunk) {
    std::memset(&zs_, 0, sizeof zs_);
    ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;  // +32: accept gzip and zlib headers
  }
  ~GzipSource() override { inflateEnd(&zs_); }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    if (!ok_) return Status::Error(Status::Code::kIoError, "zlib initialisation failed");
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    while (zs_.avail_out == n) {
      if (zs_.avail_in == 0) {
        auto got = inner_->Read(in_.data(), in_.size());
        if (!got.ok()) return got.status();
        if (got.value() == 0) {
          if (in_member_) return Status::Error(Status::Code::kTruncated, "gzip stream is truncated");
          return size_t{0};
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(got.value());
      }
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Status::Error(Status::Code::kInvalidInput,
                             std::string("corrupt gzip data: ") + (zs_.msg ? zs_.msg : "inflate failed"));
      }
    }
    return n - zs_.avail_out;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream zs_;
  bool ok_ = false;
  bool in_member_ = false;
};

class ZstdSource final : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> inner)
      : inner_(std::move(inner)), in_(ZSTD_DStreamInSize()), ds_(ZSTD_createDStream()) {
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }
  ZstdSource(const ZstdSource&) = delete;
  ZstdSource& operator=(const ZstdSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size) {
        auto got = inner_->Read(in_.data(), in_.size());
        if (!got.ok()) return got.status();
        if (got.value() == 0) {
          if (pending_) return Status::Error(Status::Code::kTruncated, "zstd stream is truncated");
          return size_t{0};
        }
        input_ = ZSTD_inBuffer{in_.data(), got.value(), 0};
      }
      size_t rc = ZSTD_decompressStream(ds_, &out, &input_);
      if (ZSTD_isError(rc))
        return Status::Error(Status::Code::kInvalidInput, std::string("corrupt zstd data: ") + ZSTD_getErrorName(rc));
      // rc == 0: a frame ended; anything else: more input is needed for this frame.
      pending_ = rc != 0;
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool pending_ = false;
};

}  // namespace

Compression CompressionFromPath(std::string_view path) {
  if (EndsWith(path, ".gz")) return Compression::kGzip;
  if (EndsWith(path, ".zst")) return Compression::kZstd;
  return Compression::kNone;
}

std::string_view StripCompressionSuffix(std::string_view path) {
  if (EndsWith(path, ".gz")) return path.substr(0, path.size() - 3);
  if (EndsWith(path, ".zst")) return path.substr(0, path.size() - 4);
  return path;
}

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) { return std::make_unique<MemSource>(bytes); }

std::unique_ptr<ByteSource> Decompress(std::unique_ptr<ByteSource> inner, Compression compression) {
  switch (compression) {
    case Compression::kGzip: return std::make_unique<GzipSource>(std::move(inner));
    case Compression::kZstd: return std::make_unique<ZstdSource>(std::move(inner));
    case Compression::kNone: break;
  }
  return inner;
}

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path, Compression compression) {
  std::unique_ptr<ByteSource> file;
  if (path == "-") {
    file = std::make_unique<FileSource>(0, false, "stdin");
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      auto code = errno == ENOENT ? Status::Code::kNotFound : Status::Code::kIoError;
      return Status::Error(code, std::string("cannot open: ") + std::strerror(errno));
    }
    file = std::make_unique<FileSource>(fd, true, path);
  }
  return Decompress(std::move(file), compression);
}

}  // namespace warta
