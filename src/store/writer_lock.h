// One writer per store: an advisory lock (flock) on a file beside it,
// "<store>.lock", holding the writer's process id for the message another
// writer gets. The kernel drops the lock when the process ends, however it
// ends, so a killed ingest never leaves a store locked.
#pragma once

#include <string>

#include "util/status.h"

namespace warta {

class WriterLock {
 public:
  // Takes the lock on `store_path`; kBusy (naming the holder's pid) when
  // another process has it, unless `wait`, which blocks until it is free.
  static Result<WriterLock> Acquire(const std::string& store_path, bool wait);

  WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace warta
