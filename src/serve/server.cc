#include "serve/server.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "serve/api.h"
#include "serve/dashboard.h"
#include "util/strings.h"

namespace warta {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::seconds;

// How the server holds up under load (docs/api.md, "Limits").
//
// cpp-httplib 0.11 (Debian 12) gives each connection a worker thread from its
// first byte to its close and reads requests without bound: idle keep-alive
// connections held all 8 workers, the listen backlog was 5, and 50 MB of
// headers grew the server by 1.1 GB. So connections are kept here: one thread
// (the dispatcher) accepts them and reads each request into the connection's
// buffer, bounded in bytes and time; only a whole request goes to a worker,
// which runs httplib's request handling on the buffer and writes the answer.
// An idle, slow or silent client holds a connection slot, never a worker;
// and what a client is slow to read waits in its connection's buffer, sent by
// the dispatcher as the client reads it, so a slow reader holds no worker
// either (up to kMaxQueuedOutput in all; past that, workers write themselves).
constexpr auto kIdle = seconds(5);              // waiting for a request: the first, or the next on keep-alive
constexpr auto kRequest = seconds(10);          // from a request's first byte to its last, else 408
constexpr auto kResponse = seconds(30);         // writing one answer
constexpr auto kStall = seconds(5);             // a write that makes no progress
constexpr auto kDrain = seconds(1);             // reading what a refused client still sends, before closing
constexpr size_t kMaxQueuedOutput = 64 << 20;   // answers waiting for slow readers, all connections together
constexpr size_t kMaxHeadBytes = 32 * 1024;     // request line and headers, else 431
constexpr size_t kMaxUrlBytes = 8192;           // the request line, else 414 (httplib's own limit too)
constexpr size_t kMaxBodyBytes = 4096;          // the API is read-only: a body is only read to be refused (413)
constexpr size_t kRequestsPerConnection = 100;  // then the answer says Connection: close
constexpr int kListenBacklog = 4096;            // capped by net.core.somaxconn
constexpr size_t kMaxConnections = 2048;        // open at once (and at most the fd limit); then the backlog

// Workers only ever run whole requests; the API answers one at a time (one
// SQLite connection), the dashboard page in parallel. Enough of them that
// clients reading a large answer slowly cannot hold them all.
size_t WorkerCount() { return std::max<size_t>(32, 8 * std::max(1u, std::thread::hardware_concurrency())); }

size_t MaxConnections() {
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur == RLIM_INFINITY) return kMaxConnections;
  size_t usable = files.rlim_cur > 64 ? files.rlim_cur - 64 : 16;  // the store, the epoll set, stdio
  return std::clamp<size_t>(usable, 16, kMaxConnections);
}

constexpr const char* kJson = "application/json; charset=utf-8";

// --- Requests as bytes ---------------------------------------------------

enum class Framing { kIncomplete, kComplete, kUrlTooLong, kHeadTooLarge };

// Whether `in` starts with a whole request: its head, and its body when it
// has a Content-Length of at most kMaxBodyBytes. A larger body, or one of
// unknown length (chunked), is never waited for: the request is answered on
// its head (httplib says 413, or ignores a GET's body) and the connection
// closed after the answer (*close_after). *length: the request's bytes in `in`.
Framing Frame(std::string_view in, size_t* length = nullptr, bool* close_after = nullptr) {
  size_t line = in.find("\r\n");
  if ((line == std::string_view::npos && in.size() > kMaxUrlBytes + 2) ||
      (line != std::string_view::npos && line > kMaxUrlBytes))
    return Framing::kUrlTooLong;
  size_t head = in.find("\r\n\r\n"), bare = in.find("\n\n");
  if (bare < head) {  // bare LF line ends: httplib refuses them (400), so the head ends there
    if (bare + 2 > kMaxHeadBytes) return Framing::kHeadTooLarge;
    if (length) *length = bare + 2;
    if (close_after) *close_after = false;
    return Framing::kComplete;
  }
  if (head == std::string_view::npos) return in.size() >= kMaxHeadBytes ? Framing::kHeadTooLarge : Framing::kIncomplete;
  if (head + 4 > kMaxHeadBytes) return Framing::kHeadTooLarge;
  size_t body = 0;
  bool unbounded = false;
  // Content-Length and Transfer-Encoding, case-insensitive; a malformed value is httplib's to refuse.
  auto header = [&](size_t at, std::string_view name) {
    if (head - at < name.size()) return false;
    for (size_t i = 0; i < name.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(in[at + i])) != name[i]) return false;
    return true;
  };
  for (size_t at = line; at < head; at = in.find("\r\n", at + 2)) {
    if (header(at, "\r\ntransfer-encoding:")) unbounded = true;
    if (!header(at, "\r\ncontent-length:")) continue;
    size_t v = at + 17;
    while (v < head && (in[v] == ' ' || in[v] == '\t')) ++v;
    auto [end, ec] = std::from_chars(in.data() + v, in.data() + head, body);
    if (ec != std::errc() || body > kMaxBodyBytes) unbounded = true;
  }
  if (unbounded) body = 0;
  if (in.size() < head + 4 + body) return Framing::kIncomplete;
  if (length) *length = head + 4 + body;
  if (close_after) *close_after = unbounded;
  return Framing::kComplete;
}

// An answer written by the dispatcher itself, before any handler: always closes.
std::string RawAnswer(int status, const char* reason, const std::string& message) {
  std::string body = ApiErrorBody(message);
  return fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n"
      "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\r\n{}",
      status, reason, kJson, body.size(), body);
}

// --- Connections -----------------------------------------------------------

struct Connection {
  enum class State { kIdle, kReading, kWriting, kDraining };
  int fd = -1;
  State state = State::kIdle;
  Clock::time_point deadline;
  std::string in;        // received, not yet handled
  size_t consumed = 0;   // of `in`, by the request being handled
  std::string out;       // answered, not yet sent (the client reads slowly)
  size_t sent = 0;       // of `out`
  Clock::time_point write_deadline;
  size_t requests = 0;
  bool close = false;    // set by a worker: close instead of waiting for the next request
};

// The stream httplib reads a request from and writes its answer to: reads
// come from the connection's buffer only (the dispatcher put the whole
// request there), writes go to the socket with a deadline.
class BufferedStream final : public httplib::Stream {
 public:
  BufferedStream(Connection* c, std::atomic<size_t>* queued) : c_(c), queued_(queued), deadline_(Clock::now() + kResponse) {}

  bool is_readable() const override { return c_->consumed < c_->in.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, c_->in.size() - c_->consumed);  // 0 at the end: the request is all there is
    std::memcpy(ptr, c_->in.data() + c_->consumed, n);
    c_->consumed += n;
    return static_cast<ssize_t>(n);
  }
  // Sends what the socket takes now; the rest waits in the connection's
  // `out` for the dispatcher. Past kMaxQueuedOutput, waits for the client
  // (kStall without progress, kResponse in all).
  ssize_t write(const char* ptr, size_t size) override {
    if (failed_) return -1;
    std::string_view data(ptr, size);
    if (c_->out.size() == c_->sent) {
      size_t n = Send(data, false);
      if (failed_) return -1;
      data.remove_prefix(n);
    }
    if (data.empty()) return static_cast<ssize_t>(size);
    if (queued_->fetch_add(data.size()) + data.size() <= kMaxQueuedOutput) {
      c_->out.append(data);
      return static_cast<ssize_t>(size);
    }
    queued_->fetch_sub(data.size());
    // Too much is queued already: this worker waits for its client.
    std::string_view pending(c_->out.data() + c_->sent, c_->out.size() - c_->sent);
    c_->sent += Send(pending, true);
    if (!failed_) Send(data, true);
    return failed_ ? -1 : static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(false, ip, port); }
  socket_t socket() const override { return c_->fd; }

  bool failed() const { return failed_; }

 private:
  // Sends from `data`; without `wait`, what the socket takes now. The bytes sent.
  size_t Send(std::string_view data, bool wait) {
    size_t done = 0;
    while (done < data.size() && !failed_) {
      ssize_t n = ::send(c_->fd, data.data() + done, data.size() - done, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && errno == EAGAIN) {
        if (!wait) break;
        failed_ = !Wait(POLLOUT);
      } else {
        failed_ = true;
      }
    }
    return done;
  }

  // Waits for the socket to be ready, at most kStall and never past the answer's deadline.
  bool Wait(short events) const {
    auto left = std::min<Clock::duration>(kStall, deadline_ - Clock::now());
    int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(left).count());
    if (ms <= 0) return false;
    pollfd p{c_->fd, events, 0};
    int r;
    do r = ::poll(&p, 1, ms);
    while (r < 0 && errno == EINTR);
    return r == 1 && (p.revents & events);
  }
  void Address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    int r = peer ? getpeername(c_->fd, reinterpret_cast<sockaddr*>(&a), &len)
                 : getsockname(c_->fd, reinterpret_cast<sockaddr*>(&a), &len);
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    if (r != 0 || getnameinfo(reinterpret_cast<sockaddr*>(&a), len, host, sizeof host, serv, sizeof serv,
                              NI_NUMERICHOST | NI_NUMERICSERV) != 0)
      return;
    ip = host;
    port = std::atoi(serv);
  }

  Connection* c_;
  std::atomic<size_t>* queued_;
  Clock::time_point deadline_;
  bool failed_ = false;
};

// Set by the error handler for the request a worker is running: an answer
// after which the connection may be out of step with the client.
thread_local bool t_close_after = false;

// httplib's request handling (parsing, routing, handlers, error handler) on a
// stream of ours: process_request is protected, for subclasses.
class Handler : public httplib::Server {
 public:
  bool Process(httplib::Stream& s, bool close, bool* closed) { return process_request(s, close, *closed, nullptr); }
};

// Accepts connections, reads requests, hands whole ones to the workers and
// closes what times out. All the epoll set and the counts are the
// dispatcher's own; workers give connections back through `returned_`.
class Dispatcher {
 public:
  Dispatcher(Handler* handler, int listen_fd) : handler_(handler), listen_fd_(listen_fd) {}
  ~Dispatcher() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    work_.notify_all();
    for (auto& t : workers_) t.join();
    for (Connection* c : watched_) {
      ::close(c->fd);
      delete c;
    }
    if (epoll_ >= 0) ::close(epoll_);
    if (wake_ >= 0) ::close(wake_);
    ::close(listen_fd_);
  }

  Status Run() {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_ < 0 || wake_ < 0) return Status::Error(Status::Code::kIoError, "epoll: " + std::string(strerror(errno)));
    Add(listen_fd_, EPOLLIN, &listen_tag_);
    Add(wake_, EPOLLIN, &wake_tag_);
    for (size_t i = 0, n = WorkerCount(); i < n; ++i) workers_.emplace_back([this] { Work(); });
    std::vector<epoll_event> events(256);
    auto next_sweep = Clock::now();
    for (;;) {
      int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
      if (n < 0 && errno != EINTR) return Status::Error(Status::Code::kIoError, "epoll_wait: " + std::string(strerror(errno)));
      bool accept = false;
      for (int i = 0; i < n; ++i) {
        void* tag = events[static_cast<size_t>(i)].data.ptr;
        if (tag == &listen_tag_) accept = true;
        else if (tag == &wake_tag_) TakeBack();
        else if (auto* c = static_cast<Connection*>(tag); c->state == Connection::State::kWriting) Flush(c);
        else Readable(c);
      }
      // Last: accepting may close idle connections (EvictIdle) whose events are in this batch.
      if (accept) Accept();
      if (Clock::now() >= next_sweep) {
        Sweep();
        next_sweep = Clock::now() + std::chrono::milliseconds(100);
      }
    }
  }

 private:
  void Add(int fd, uint32_t events, void* tag) {
    epoll_event e{};
    e.events = events;
    e.data.ptr = tag;
    epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &e);
  }

  void Accept() {
    for (;;) {
      if (open_ >= max_connections_ && !EvictIdle()) return Listen(false);  // further clients wait in the backlog
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) Listen(false);
        return;  // EAGAIN: none left
      }
      int yes = 1;  // answers are written in pieces: no Nagle/delayed-ACK stalls
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      auto* c = new Connection;
      c->fd = fd;
      ++open_;
      Watch(c);
    }
  }

  // With every connection slot taken, the idle ones (no request begun) make
  // room: the longest idle eighth of them is closed. A flood of silent
  // connections then delays nobody; a request under way is never cut.
  bool EvictIdle() {
    std::vector<Connection*> idle;
    for (Connection* c : watched_)
      if (c->state == Connection::State::kIdle) idle.push_back(c);
    if (idle.empty()) return false;
    size_t n = std::max<size_t>(1, idle.size() / 8);
    std::nth_element(idle.begin(), idle.begin() + static_cast<std::ptrdiff_t>(n - 1), idle.end(),
                     [](const Connection* a, const Connection* b) { return a->deadline < b->deadline; });
    for (size_t i = 0; i < n; ++i) Close(idle[i]);
    return true;
  }

  // Accepting on or off (off while kMaxConnections are open or fds ran out).
  void Listen(bool on) {
    if (on == listening_) return;
    epoll_event e{};
    e.events = on ? static_cast<uint32_t>(EPOLLIN) : 0u;
    e.data.ptr = &listen_tag_;
    epoll_ctl(epoll_, EPOLL_CTL_MOD, listen_fd_, &e);
    listening_ = on;
  }

  // The dispatcher takes the connection: waiting for (the rest of) a request.
  void Watch(Connection* c) {
    c->state = c->in.empty() ? Connection::State::kIdle : Connection::State::kReading;
    c->deadline = Clock::now() + (c->in.empty() ? kIdle : kRequest);
    if (c->in.capacity() > 4 * kMaxBodyBytes && c->in.empty()) std::string().swap(c->in);
    Add(c->fd, EPOLLIN | EPOLLRDHUP, c);
    watched_.insert(c);
    Check(c, false);
  }

  void Readable(Connection* c) {
    char buf[16384];
    bool eof = false;
    for (;;) {
      size_t room = kMaxHeadBytes + kMaxBodyBytes - c->in.size();
      if (c->state == Connection::State::kDraining) room = sizeof buf;
      if (room == 0) break;
      ssize_t n = ::recv(c->fd, buf, std::min(sizeof buf, room), 0);
      if (n > 0) {
        if (c->state == Connection::State::kDraining) continue;  // discarded
        if (c->state == Connection::State::kIdle) {
          c->state = Connection::State::kReading;
          c->deadline = Clock::now() + kRequest;
        }
        c->in.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      eof = n == 0 || errno != EAGAIN;
      break;
    }
    if (c->state == Connection::State::kDraining) {
      if (eof) Close(c);
      return;
    }
    Check(c, eof);
  }

  // Sends what a slow reader has not taken yet; once all is sent, the
  // connection goes on as it would have from the worker.
  void Flush(Connection* c) {
    while (c->sent < c->out.size()) {
      ssize_t n = ::send(c->fd, c->out.data() + c->sent, c->out.size() - c->sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        c->sent += static_cast<size_t>(n);
        queued_ -= static_cast<size_t>(n);
        c->deadline = std::min(c->write_deadline, Clock::now() + kStall);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && errno == EAGAIN) {
        return;
      } else {
        return Close(c);
      }
    }
    epoll_ctl(epoll_, EPOLL_CTL_DEL, c->fd, nullptr);
    watched_.erase(c);
    std::string().swap(c->out);
    c->sent = 0;
    if (c->close) return Shut(c);
    Watch(c);  // a pipelined request already whole goes straight to a worker
  }

  // Closes our side once the answer is sent, then drains what the client still sends.
  void Shut(Connection* c) {
    ::shutdown(c->fd, SHUT_WR);
    c->state = Connection::State::kDraining;
    c->deadline = Clock::now() + kDrain;
    std::string().swap(c->in);
    Add(c->fd, EPOLLIN | EPOLLRDHUP, c);
    watched_.insert(c);
  }

  // A whole request goes to a worker; too large a one is refused; a client
  // gone before finishing its request is closed.
  void Check(Connection* c, bool eof) {
    switch (Frame(c->in)) {
      case Framing::kComplete:
        epoll_ctl(epoll_, EPOLL_CTL_DEL, c->fd, nullptr);
        watched_.erase(c);
        {
          std::lock_guard<std::mutex> lock(mutex_);
          ready_.push_back(c);
        }
        work_.notify_one();
        return;
      case Framing::kUrlTooLong:
        return Refuse(c, RawAnswer(414, "URI Too Long", fmt::format("URL too long: at most {} bytes", kMaxUrlBytes)));
      case Framing::kHeadTooLarge:
        return Refuse(c, RawAnswer(431, "Request Header Fields Too Large",
                                   fmt::format("request headers too large: at most {} bytes", kMaxHeadBytes)));
      case Framing::kIncomplete:
        if (eof) Close(c);
        return;
    }
  }

  // Answers and closes our side; what the client still sends is read and
  // dropped for a moment, so that it gets the answer rather than a reset.
  void Refuse(Connection* c, const std::string& answer) {
    (void)::send(c->fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);  // small: fits the socket buffer
    ::shutdown(c->fd, SHUT_WR);
    c->state = Connection::State::kDraining;
    c->deadline = Clock::now() + kDrain;
    std::string().swap(c->in);
  }

  void Close(Connection* c) {
    if (watched_.erase(c)) epoll_ctl(epoll_, EPOLL_CTL_DEL, c->fd, nullptr);
    queued_ -= c->out.size() - c->sent;
    ::close(c->fd);
    delete c;
    --open_;
    Listen(true);
  }

  // Deadlines: an idle connection is closed, a request still incomplete is
  // answered 408, an answer not taken in time (kStall without progress,
  // kResponse in all) is dropped with its connection, a refused client's drain ends.
  void Sweep() {
    auto now = Clock::now();
    std::vector<Connection*> due;
    for (Connection* c : watched_)
      if (c->deadline <= now) due.push_back(c);
    for (Connection* c : due) {
      if (c->state == Connection::State::kReading)
        Refuse(c, RawAnswer(408, "Request Timeout",
                            fmt::format("request timeout: a request must arrive within {} s",
                                        std::chrono::duration_cast<seconds>(kRequest).count())));
      else
        Close(c);
    }
  }

  void TakeBack() {
    uint64_t n;
    while (::read(wake_, &n, sizeof n) > 0) {
    }
    std::deque<Connection*> back;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      back.swap(returned_);
    }
    for (Connection* c : back) {
      if (c->sent < c->out.size()) {
        c->state = Connection::State::kWriting;
        c->write_deadline = Clock::now() + kResponse;
        c->deadline = std::min(c->write_deadline, Clock::now() + kStall);
        Add(c->fd, EPOLLOUT, c);
        watched_.insert(c);
        continue;
      }
      c->out.clear();
      c->sent = 0;
      if (c->close) {
        Shut(c);  // the answer is sent; drain, then close
      } else {
        Watch(c);
      }
    }
  }

  // A worker: runs the requests whole in a connection's buffer, then gives it back.
  void Work() {
    for (;;) {
      Connection* c;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_.wait(lock, [&] { return stopping_ || !ready_.empty(); });
        if (stopping_) return;
        c = ready_.front();
        ready_.pop_front();
      }
      while (!c->close) {
        ++c->requests;
        bool last = c->requests >= kRequestsPerConnection;
        bool closed = false;
        t_close_after = false;
        c->consumed = 0;
        size_t length = 0;
        bool unbounded = false;
        Frame(c->in, &length, &unbounded);
        BufferedStream stream(c, &queued_);
        bool ok = handler_->Process(stream, last, &closed);
        c->in.erase(0, std::min(c->in.size(), std::max(c->consumed, length)));  // a body httplib did not read, too
        c->close = !ok || closed || last || unbounded || t_close_after || stream.failed();
        if (c->sent < c->out.size()) break;  // the client reads slowly: the dispatcher sends the rest
        c->out.clear();
        c->sent = 0;
        if (Frame(c->in) != Framing::kComplete) break;  // else a pipelined request: on with it
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        returned_.push_back(c);
      }
      uint64_t one = 1;
      (void)::write(wake_, &one, sizeof one);
    }
  }

  Handler* handler_;
  int listen_fd_;
  int epoll_ = -1, wake_ = -1;
  char listen_tag_ = 0, wake_tag_ = 0;
  bool listening_ = true;
  size_t open_ = 0;
  const size_t max_connections_ = MaxConnections();
  std::atomic<size_t> queued_{0};  // bytes in every connection's `out`, not yet sent
  std::unordered_set<Connection*> watched_;
  std::mutex mutex_;
  std::condition_variable work_;
  std::deque<Connection*> ready_, returned_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// A listening socket on host:port (port 0: any free one); its port in *bound.
// SO_REUSEADDR only (httplib's default also sets SO_REUSEPORT, which let a
// second `warta serve` bind the same port without a word).
Result<int> OpenListener(const std::string& host, int port, int* bound) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  std::string where = host + ":" + std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found); rc != 0)
    return Status::Error(Status::Code::kIoError, "cannot bind " + where + ": " + gai_strerror(rc));
  std::string error = "no address";
  for (addrinfo* a = found; a; a = a->ai_next) {
    int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (a->ai_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, kListenBacklog) == 0) {
      sockaddr_storage s{};
      socklen_t len = sizeof s;
      getsockname(fd, reinterpret_cast<sockaddr*>(&s), &len);
      *bound = ntohs(s.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&s)->sin6_port
                                             : reinterpret_cast<sockaddr_in*>(&s)->sin_port);
      freeaddrinfo(found);
      return fd;
    }
    error = strerror(errno);
    ::close(fd);
  }
  freeaddrinfo(found);
  return Status::Error(Status::Code::kIoError, "cannot bind " + where + ": " + error);
}

// --- Handlers ----------------------------------------------------------------

// The path as quoted in a message or the log: printable ASCII kept, other bytes '?', at most 100 bytes.
std::string Shown(const std::string& path) {
  std::string out;
  for (char c : path.substr(0, 100)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return path.size() > 100 ? out + "..." : out;
}

// One line for the log, whatever the message holds.
std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

void MethodNotAllowed(httplib::Response& res) {
  res.status = 405;
  res.set_header("Allow", "GET, HEAD");
  res.set_content(ApiErrorBody("method not allowed: the server is read-only (GET, HEAD)"), kJson);
}

// The body of an error httplib answers itself (before or instead of a handler).
std::string ErrorMessage(const httplib::Request& req, int status) {
  switch (status) {
    case 400: return "bad request: a malformed request line or header";
    case 404: return "no such page " + Shown(req.path);
    case 413: return fmt::format("request too large: a body of at most {} bytes", kMaxBodyBytes);
    case 414: return fmt::format("URL too long: at most {} bytes", kMaxUrlBytes);
    case 416: return "bad Range header (ranges are not served: ask for the whole resource)";
    case 500: return "internal error";
    default: return fmt::format("HTTP {}", status);
  }
}

// An Accept-Encoding value without its "br" coding ("gzip, deflate, br" → "gzip, deflate").
std::string WithoutBrotli(const std::string& accept) {
  std::string out;
  for (std::string_view coding : Split(accept, ',')) {
    std::string_view name = Trim(coding.substr(0, coding.find(';')));
    if (name == "br" || name.empty()) continue;
    out += (out.empty() ? "" : ", ") + std::string(Trim(coding));
  }
  return out;
}

void Route(Handler& server, Store& store, std::mutex& store_mutex, const ApiData& data) {
  server.set_keep_alive_timeout(std::chrono::duration_cast<seconds>(kIdle).count());  // said in Keep-Alive
  server.set_keep_alive_max_count(kRequestsPerConnection);
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"},
                              {"Accept-Ranges", "none"}});
  // Range is ignored (RFC 9110 allows it): every answer is the whole resource.
  // httplib would otherwise build one part per range, overlapping or not:
  // 401 ranges made a 650 KB page a 261 MB answer. The Request is httplib's
  // own mutable object, handed to this handler as const.
  // Brotli is dropped from Accept-Encoding: httplib compresses at brotli's
  // best (slowest) quality, 1.6 s for the 820 KB dashboard against 30 ms for
  // gzip, which every browser accepts as well.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    auto& r = const_cast<httplib::Request&>(req);
    r.ranges.clear();
    for (auto [it, end] = r.headers.equal_range("Accept-Encoding"); it != end; ++it) it->second = WithoutBrotli(it->second);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.Get(R"(/api/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    std::map<std::string, std::string> params;
    for (const auto& [key, value] : req.params) params.emplace(key, value);  // the first value of each
    ApiResponse r;
    {
      std::lock_guard<std::mutex> lock(store_mutex);
      r = HandleApi(store, req.path, params, data);
    }
    if (r.status >= 500) fmt::print(stderr, "warta serve: GET {}: {}: {}\n", Shown(req.path), r.status, OneLine(r.log));
    res.status = r.status;
    if (!r.filename.empty()) res.set_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", r.filename));
    res.set_content(r.body, r.content_type.empty() ? kJson : r.content_type.c_str());
  });
  auto page = [](const httplib::Request&, httplib::Response& res) {
    std::string_view html = DashboardHtml();
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set_content(std::string(html), "text/html; charset=utf-8");
  };
  server.Get("/", page);
  server.Get("/index.html", page);
  // Every other method is refused, after its body (at most kMaxBodyBytes,
  // else 413) is read, so that the connection stays in step.
  auto refuse = [](const httplib::Request&, httplib::Response& res) { MethodNotAllowed(res); };
  server.Post(".*", refuse);
  server.Put(".*", refuse);
  server.Patch(".*", refuse);
  server.Delete(".*", refuse);
  server.Options(".*", refuse);
  // httplib's default puts the exception's text in a response header.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    fmt::print(stderr, "warta serve: {} {}: 500: {}\n", req.method, Shown(req.path), OneLine(what));
    res.status = 500;
    res.set_content(ApiErrorBody("internal error"), kJson);
  });
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    // Errors answered before routing (400, 414, 416) would still get Range applied.
    const_cast<httplib::Request&>(req).ranges.clear();
    if (!res.body.empty()) return;  // the API's or a handler's own answer
    // TRACE and CONNECT parse but have no route: httplib says 400.
    if (res.status == 400 && (req.method == "TRACE" || req.method == "CONNECT")) return MethodNotAllowed(res);
    // httplib refused the request as it read it: what follows may be out of step.
    if (res.status != 404) {
      t_close_after = true;
      res.set_header("Connection", "close");
    }
    res.set_content(ApiErrorBody(ErrorMessage(req, res.status)), kJson);
  });
}

}  // namespace

Status Serve(Store& store, const ServeOptions& options, const std::function<void(int port)>& ready) {
  std::mutex store_mutex;  // one SQLite connection: one request at a time
  Handler handler;
  Route(handler, store, store_mutex, options.api);
  int port = 0;
  auto fd = OpenListener(options.host, options.port, &port);
  if (!fd.ok()) return fd.status();
  ready(port);
  Dispatcher dispatcher(&handler, fd.value());
  return dispatcher.Run();
}

}  // namespace warta
