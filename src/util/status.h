// Status and Result: how warta reports expected failures at I/O and user-input
// boundaries (missing files, malformed records, truncated archives). Exceptions
// are kept for the truly exceptional and caught once in main().
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace warta {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a file or directory does not exist
    kIoError,          // reading failed (permissions, device error)
    kInvalidInput,     // the bytes are not what the format promises
    kTruncated,        // a compressed stream or record ended early
    kTooLarge,         // a record exceeds the configured size limit
    kInvalidArgument,  // a user-supplied option or value is wrong
    kBusy,             // another process holds what is needed (a store's writer lock)
    kCorrupt,          // stored data failed its integrity check
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(Code code, std::string message) {
    assert(code != Code::kOk);
    return Status(code, std::move(message));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace warta
