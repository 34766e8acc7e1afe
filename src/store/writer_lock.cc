#include "store/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace warta {

Result<WriterLock> WriterLock::Acquire(const std::string& store_path, bool wait) {
  std::string path = store_path + ".lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::Error(Status::Code::kIoError, path + ": cannot create the writer lock: " + std::strerror(errno));
  WriterLock lock(fd);  // closes fd on every path
  while (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK)
      return Status::Error(Status::Code::kIoError, path + ": cannot lock: " + std::strerror(errno));
    char pid[32] = {0};
    ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
    std::string holder = n > 0 ? std::string(pid, static_cast<size_t>(n)) : std::string();
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0')) holder.pop_back();
    return Status::Error(Status::Code::kBusy,
                         store_path + ": another warta process is writing to this store" +
                             (holder.empty() ? std::string() : " (pid " + holder + ")") +
                             "; wait for it to finish, or run with --wait");
  }
  std::string me = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, me.data(), me.size(), 0) != static_cast<ssize_t>(me.size())) {
    // The pid is only for the message; the lock itself is held.
  }
  return lock;
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace warta
