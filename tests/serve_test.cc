// `warta serve` over HTTP: it binds loopback, prints its address, answers the
// API and the dashboard page with the right types and headers; every error
// says what was wrong; and it holds up to what a hostile or merely busy
// client does: idle keep-alive connections, bursts of connections, many
// ranges, other methods, large requests, a corrupt store.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "tests/run_command.h"

extern char** environ;

namespace warta {
namespace {

// "Answered promptly": far below what starvation costs (the 5 s idle and 10 s
// request timeouts), with room for a loaded test machine. These tests tell
// starvation from service, not speed (speed is measured by scripts/load-test).
constexpr double kPrompt = 2.5;

using Clock = std::chrono::steady_clock;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "warta_serve_test_" + std::to_string(::getpid()) + "_" + name;
}

void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}

// A store of the bundled examples, built once per test process.
const std::string& ExamplesStore() {
  static const std::string* db = [] {
    auto* path = new std::string(TempPath("examples.db"));
    RemoveStore(*path);
    // As `make run` does: the CSV example needs its field names.
    auto r = testing::RunWarta("ingest --quiet --db '" + *path + "' examples/*.txt examples/entities/*.txt "
                               "examples/quotes/*.txt examples/records.jsonl");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return path;
  }();
  return *db;
}

// `warta serve --db DB --port PORT` in a child process, stderr to a file.
class ServerProcess {
 public:
  ~ServerProcess() { Stop(); }

  // Starts the server; its address line gives the port. False when it exits instead.
  bool Start(const std::string& db, int port = 0) {
    err_file_ = TempPath("stderr_" + std::to_string(++starts_) + ".txt");
    int out[2];
    if (pipe(out) != 0) return false;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, 2, err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string binary = WARTA_BINARY;
    std::vector<std::string> args = {binary, "serve", "--db", db, "--port", std::to_string(port)};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
      close(out[0]);
      pid_ = 0;
      return false;
    }
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    // "warta serve: http://127.0.0.1:PORT/ (store …)"
    size_t at = line.find("http://127.0.0.1:");
    if (at == std::string::npos) return false;
    port_ = std::stoi(line.substr(at + 17));
    return true;
  }

  // Stops the server; its exit code (-1 when killed by a signal).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGCONT);
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // Waits for the server to exit by itself.
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::string Stderr() const { return testing::ReadFile(err_file_); }

 private:
  static inline int starts_ = 0;
  pid_t pid_ = 0;
  int port_ = 0;
  std::string err_file_;
};

// A TCP connection to the server on loopback; -1 on failure. Non-blocking if asked.
int Connect(int port, bool nonblocking = false) {
  int fd = socket(AF_INET, SOCK_STREAM | (nonblocking ? SOCK_NONBLOCK : 0), 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && !(nonblocking && errno == EINPROGRESS)) {
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EAGAIN) {
      pollfd p{fd, POLLOUT, 0};
      poll(&p, 1, 1000);
      continue;
    }
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// A response as read from a raw socket.
struct RawResponse {
  int status = 0;  // 0: none (closed or timed out before a whole response)
  std::string headers, body;
};

// Reads one whole response (headers and Content-Length bytes of body) from
// `*buffer` and the socket, within `timeout_ms`. The bytes after it stay in `*buffer`.
RawResponse ReadResponse(int fd, int timeout_ms, std::string* buffer) {
  auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  RawResponse r;
  for (;;) {
    size_t end = buffer->find("\r\n\r\n");
    if (end != std::string::npos) {
      std::string head = buffer->substr(0, end + 2);
      std::string lower = head;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t length = 0;
      size_t cl = lower.find("\r\ncontent-length:");
      if (cl != std::string::npos) length = std::stoul(head.substr(cl + 17));
      if (buffer->size() >= end + 4 + length) {
        r.status = std::stoi(head.substr(9, 3));
        r.headers = head;
        r.body = buffer->substr(end + 4, length);
        buffer->erase(0, end + 4 + length);
        return r;
      }
    }
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    if (left <= 0) return r;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, left) <= 0) return r;
    char chunk[65536];
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return r;
    buffer->append(chunk, static_cast<size_t>(n));
  }
}

RawResponse Exchange(int fd, const std::string& request, int timeout_ms = 5000) {
  std::string buffer;
  if (!SendAll(fd, request)) return {};
  return ReadResponse(fd, timeout_ms, &buffer);
}

// True when the server closed the connection (recv gives 0 or an error) within timeout_ms.
bool ClosedWithin(int fd, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return false;
  char c;
  return recv(fd, &c, 1, 0) <= 0;
}

constexpr const char* kJson = "application/json; charset=utf-8";

TEST(Serve, AnswersTheApiAndTheDashboardOnLoopback) {
  std::string db = TempPath("one.db");
  RemoveStore(db);
  ASSERT_EQ(testing::RunWarta("ingest --quiet --db '" + db + "' examples/02-id-sanksi-as.txt").exit_code, 0);
  ServerProcess server;
  ASSERT_TRUE(server.Start(db));

  httplib::Client client("127.0.0.1", server.port());
  auto stats = client.Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_EQ(stats->get_header_value("Content-Type"), kJson);
  EXPECT_NE(stats->body.find("\"documents\":1"), std::string::npos) << stats->body;
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  auto bad = client.Get("/api/actors?limit=100000");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  auto missing = client.Get("/no/such/page");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body, "{\"error\":\"no such page /no/such/page\"}");
  // A browser's Accept-Encoding: gzip, never brotli at its slowest quality (1.6 s a page).
  httplib::Headers browser{{"Accept-Encoding", "gzip, deflate, br"}};
  client.set_decompress(false);
  auto zipped = client.Get("/", browser);
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  auto br_only = client.Get("/", httplib::Headers{{"Accept-Encoding", "br"}});
  ASSERT_TRUE(br_only);
  EXPECT_EQ(br_only->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(br_only->body.size(), page->body.size());
  // A CSV export is a download.
  auto csv = client.Get("/api/events?format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->get_header_value("Content-Disposition"), "attachment; filename=\"warta-events.csv\"");
  // Read-only: the API has no way to write, and POST is refused.
  auto post = client.Post("/api/stats", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(server.Stop(), -1);  // still serving until killed
  RemoveStore(db);
}

TEST(Serve, ErrorBodiesSayWhatWasWrongNotNotFound) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  httplib::Client client("127.0.0.1", server.port());
  auto expect = [](const httplib::Result& r, int status, const std::string& body, const std::string& what) {
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->status, status) << what;
    EXPECT_EQ(r->body, body) << what;
    EXPECT_EQ(r->get_header_value("Content-Type"), kJson) << what;
  };
  expect(client.Get("/api/actors?limit=100000"), 400, R"({"error":"limit: must be between 1 and 500"})", "limit");
  expect(client.Get("/api/actors?limit=99999999999999999999"), 400,
         R"({"error":"limit: must be between 1 and 500"})", "limit of 2^66");
  expect(client.Get("/api/events?source=9223372036854775808"), 400,
         R"({"error":"source (an entity id): must be between 1 and 9223372036854775807"})", "source of 2^63");
  expect(client.Get("/api/actors/9223372036854775808"), 400,
         R"({"error":"actor id: must be between 1 and 9223372036854775807"})", "actor id of 2^63");
  expect(client.Get("/api/actors/abc"), 400, R"({"error":"actor id: not a whole number"})", "actor id abc");
  expect(client.Get("/api/actors/424242"), 404, R"({"error":"no such actor 424242"})", "unknown actor");
  expect(client.Get("/api/x"), 404, R"({"error":"no such endpoint /api/x"})", "unknown endpoint");
  expect(client.Get("/x"), 404, R"({"error":"no such page /x"})", "unknown page");
  const std::string not_allowed = R"x({"error":"method not allowed: the server is read-only (GET, HEAD)"})x";
  for (const std::string path : {"/api/stats", "/", "/api/actors/1"}) {
    std::vector<httplib::Result> answers;
    answers.push_back(client.Post(path, "x", "text/plain"));
    answers.push_back(client.Put(path, "x", "text/plain"));
    answers.push_back(client.Delete(path));
    answers.push_back(client.Patch(path, "x", "text/plain"));
    answers.push_back(client.Options(path));
    for (const auto& r : answers) {
      expect(r, 405, not_allowed, "other methods on " + path);
      if (r) {
        EXPECT_EQ(r->get_header_value("Allow"), "GET, HEAD");
      }
    }
  }
  expect(client.Post("/api/stats", std::string(100000, 'x'), "text/plain"), 413,
         R"({"error":"request too large: a body of at most 4096 bytes"})", "a large body");
  expect(client.Get(("/api/quotes?q=" + std::string(9000, 'a')).c_str()), 414,
         R"({"error":"URL too long: at most 8192 bytes"})", "a long URL");

  // What httplib answers before any handler, on a raw socket.
  int fd = Connect(server.port());
  ASSERT_GE(fd, 0);
  RawResponse garbage = Exchange(fd, "GARBAGE\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  EXPECT_EQ(garbage.body, R"({"error":"bad request: a malformed request line or header"})");
  close(fd);
  fd = Connect(server.port());
  RawResponse bare = Exchange(fd, "GET /api/stats HTTP/1.1\nHost: x\n\n");  // bare LF line ends: refused at once
  EXPECT_EQ(bare.status, 400);
  close(fd);
  fd = Connect(server.port());
  RawResponse trace = Exchange(fd, "TRACE / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(trace.status, 405);
  EXPECT_EQ(trace.body, not_allowed);
  close(fd);
  // Pipelined requests are answered in order, a refused POST's body read and skipped.
  fd = Connect(server.port());
  std::string buffer;
  ASSERT_TRUE(SendAll(fd, "POST /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789"
                          "GET /api/x HTTP/1.1\r\nHost: x\r\n\r\nGET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(ReadResponse(fd, 5000, &buffer).status, 405);
  EXPECT_EQ(ReadResponse(fd, 5000, &buffer).status, 404);
  EXPECT_EQ(ReadResponse(fd, 5000, &buffer).status, 200);
  close(fd);
  // A GET's body is skipped too (httplib does not read it), not taken for the next request.
  fd = Connect(server.port());
  buffer.clear();
  ASSERT_TRUE(SendAll(fd, "GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                          "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(ReadResponse(fd, 5000, &buffer).status, 200);
  EXPECT_EQ(ReadResponse(fd, 5000, &buffer).status, 200);
  close(fd);
  // A refused POST's body is read: the next request on the connection is answered.
  fd = Connect(server.port());
  EXPECT_EQ(Exchange(fd, "POST /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789").status, 405);
  RawResponse next = Exchange(fd, "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(next.status, 200);
  EXPECT_NE(next.body.find("\"documents\":"), std::string::npos);
  close(fd);
}

// 24 idle keep-alive connections made /api/stats take 14.5 s: each held one
// of 8 workers for the 5 s keep-alive timeout. Idle connections now hold no
// worker at all: 400 of them (far more than there are workers) delay nothing.
TEST(Serve, IdleKeepAliveConnectionsDoNotStarveOthers) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  std::vector<int> idle;
  for (int i = 0; i < 200; ++i) {  // one request each, then silent, kept alive
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    ASSERT_EQ(Exchange(fd, "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n").status, 200);
    idle.push_back(fd);
  }
  for (int i = 0; i < 200; ++i) {  // connected, never a byte
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  auto start = Clock::now();
  httplib::Client client("127.0.0.1", server.port());
  auto stats = client.Get("/api/stats");
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_LT(seconds, kPrompt) << "400 idle connections delayed /api/stats";
  // The server closes idle connections after its idle timeout (5 s).
  for (int fd : idle) {
    EXPECT_TRUE(ClosedWithin(fd, 8000));
    close(fd);
  }
  double closed_after = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_LT(closed_after, 7.0);
}

// More silent connections than the server keeps open (2048): the rest
// waited in the backlog until the idle ones timed out (5 s). The idle ones
// now make room for new clients.
TEST(Serve, AFloodOfSilentConnectionsDelaysNobody) {
  rlimit files{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &files), 0);
  files.rlim_cur = std::min<rlim_t>(files.rlim_max, 65536);
  setrlimit(RLIMIT_NOFILE, &files);  // inherited by the server
  constexpr int kSilent = 2500;
  if (files.rlim_cur < 2 * kSilent + 256) GTEST_SKIP() << "needs " << 2 * kSilent + 256 << " open files";
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  std::vector<int> silent;
  for (int i = 0; i < kSilent; ++i) {
    int fd = Connect(server.port(), /*nonblocking=*/true);
    ASSERT_GE(fd, 0);
    silent.push_back(fd);
  }
  usleep(200000);
  auto start = Clock::now();
  int fd = Connect(server.port());
  ASSERT_GE(fd, 0);
  RawResponse r = Exchange(fd, "GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n");
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(r.status, 200);
  EXPECT_LT(seconds, kPrompt) << kSilent << " silent connections delayed /api/stats";
  close(fd);
  for (int s : silent) close(s);
}

// A client that sends its request a byte at a time (slowloris) held a worker
// for as long as it kept sending; 64 of them (more than there are workers)
// now delay nobody, and each is answered 408 when its request is not whole
// 10 s after its first byte.
TEST(Serve, SlowClientsGet408AndHoldNoWorker) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  std::vector<int> slow;
  for (int i = 0; i < 64; ++i) {
    int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(SendAll(fd, "GET /api/stats HTTP/1.1\r\nHost: x\r\n"));
    slow.push_back(fd);
  }
  auto start = Clock::now();
  for (int second = 0; second < 3; ++second) {  // a header byte a second
    for (int fd : slow) SendAll(fd, "X");
    httplib::Client client("127.0.0.1", server.port());
    auto t0 = Clock::now();
    auto stats = client.Get("/api/stats");
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->status, 200);
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - t0).count(), kPrompt);
    usleep(1000000);
  }
  int timed_out = 0;
  for (int fd : slow) {
    std::string buffer;
    RawResponse r = ReadResponse(fd, 12000, &buffer);
    timed_out += r.status == 408 && r.body == R"({"error":"request timeout: a request must arrive within 10 s"})";
    EXPECT_TRUE(ClosedWithin(fd, 3000));
    close(fd);
  }
  EXPECT_EQ(timed_out, 64);
  double took = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_GT(took, 9.0);
  EXPECT_LT(took, 13.0);
}

// A client that asks for the page and does not read the answer held a
// worker until the write timed out: 64 of them, each with 20 requests
// pipelined, delayed /api/stats by 9 s. What a client is slow to read now
// waits in its connection, and a slow reader still gets every answer whole.
TEST(Serve, SlowReadersHoldNoWorker) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  httplib::Client client("127.0.0.1", server.port());
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  std::string pipelined;
  for (int i = 0; i < 20; ++i) pipelined += "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  auto small_window = [&] {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int size = 4096;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server.port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    return fd;
  };
  std::vector<int> readers;
  for (int i = 0; i < 64; ++i) {
    readers.push_back(small_window());
    ASSERT_TRUE(SendAll(readers.back(), pipelined));
  }
  usleep(500000);
  auto start = Clock::now();
  auto stats = client.Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), kPrompt);
  // One of them reads after all: 20 whole pages, in order.
  std::string buffer;
  for (int i = 0; i < 20; ++i) {
    RawResponse r = ReadResponse(readers[0], 5000, &buffer);
    ASSERT_EQ(r.status, 200) << "answer " << i;
    EXPECT_EQ(r.body, page->body) << "answer " << i;
  }
  for (int fd : readers) close(fd);
}

// Headers were read without bound: 50 MB of them grew the server by 1.1 GB.
// Now a request line and headers have 32 KiB; past that the answer is 431.
TEST(Serve, HugeHeadersGet431AndTheServerStaysSmall) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  auto rss_kb = [&] {
    std::string status = testing::ReadFile("/proc/" + std::to_string(server.pid()) + "/status");
    size_t at = status.find("VmHWM:");
    return at == std::string::npos ? 0L : std::stol(status.substr(at + 6));
  };
  long before = rss_kb();
  int fd = Connect(server.port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(SendAll(fd, "GET /api/stats HTTP/1.1\r\nHost: x\r\n"));
  std::string lines;
  for (int i = 0; i < 100000; ++i) lines += "a:b\r\n";  // 500 KB
  size_t sent = 0;
  while (sent < 50'000'000 && SendAll(fd, lines)) sent += lines.size();
  std::string buffer;
  RawResponse r = ReadResponse(fd, 5000, &buffer);
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(r.body, R"({"error":"request headers too large: at most 32768 bytes"})");
  close(fd);
  // A long URL: 414 as soon as the request line passes 8192 bytes.
  fd = Connect(server.port());
  SendAll(fd, "GET /api/stats?q=" + std::string(100000, 'a'));
  RawResponse url = ReadResponse(fd, 5000, &buffer);
  EXPECT_EQ(url.status, 414);
  EXPECT_EQ(url.body, R"({"error":"URL too long: at most 8192 bytes"})");
  close(fd);
  long after = rss_kb();
  EXPECT_LT(after - before, 20 * 1024) << "peak RSS grew from " << before << " kB to " << after << " kB";
  httplib::Client client("127.0.0.1", server.port());
  auto stats = client.Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
}

// The listen backlog was 5: of 200 clients connecting at once, up to 167 were lost.
TEST(Serve, ABurstOf300ConnectionsAllGetAnswers) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  // With the server stopped, only the kernel's backlog takes connections.
  ASSERT_EQ(kill(server.pid(), SIGSTOP), 0);
  constexpr int kClients = 300;
  std::vector<int> fds;
  for (int i = 0; i < kClients; ++i) {
    int fd = Connect(server.port(), /*nonblocking=*/true);
    ASSERT_GE(fd, 0);
    fds.push_back(fd);
  }
  int connected = 0;
  auto deadline = Clock::now() + std::chrono::seconds(2);
  std::vector<bool> done(fds.size(), false);
  while (connected < kClients && Clock::now() < deadline) {
    for (size_t i = 0; i < fds.size(); ++i) {
      if (done[i]) continue;
      pollfd p{fds[i], POLLOUT, 0};
      if (poll(&p, 1, 0) == 1 && (p.revents & POLLOUT)) {
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &error, &len);
        if (error == 0) {
          done[i] = true;
          ++connected;
          ASSERT_TRUE(SendAll(fds[i], "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        }
      }
    }
    usleep(10000);
  }
  EXPECT_EQ(connected, kClients) << "connections the kernel took while the server was stopped";
  ASSERT_EQ(kill(server.pid(), SIGCONT), 0);
  int answered = 0;
  for (size_t i = 0; i < fds.size(); ++i) {
    if (done[i]) {
      std::string buffer;
      RawResponse r = ReadResponse(fds[i], 20000, &buffer);
      answered += r.status == 200 && r.body.find("\"documents\":") != std::string::npos;
    }
    close(fds[i]);
  }
  EXPECT_EQ(answered, kClients);
}

// 401 overlapping ranges made a 650 KB page a 261 MB answer.
TEST(Serve, ManyOverlappingRangesGetABoundedAnswer) {
  ServerProcess server;
  ASSERT_TRUE(server.Start(ExamplesStore()));
  httplib::Client client("127.0.0.1", server.port());
  auto whole = client.Get("/");
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->status, 200);
  EXPECT_EQ(whole->get_header_value("Accept-Ranges"), "none");
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 400; ++i) ranges += ",0-";
  for (const std::string path : {"/", "/api/stats", "/api/x"}) {
    auto plain = client.Get(path.c_str());
    auto ranged = client.Get(path.c_str(), {{"Range", ranges}});
    ASSERT_TRUE(plain && ranged) << path;
    EXPECT_EQ(ranged->status, plain->status) << path;
    EXPECT_EQ(ranged->body, plain->body) << path << ": Range is ignored, the answer is the whole resource, once";
    EXPECT_EQ(ranged->get_header_value("Content-Type"), plain->get_header_value("Content-Type")) << path;
  }
  // One range is ignored as well: a 200 with a partial body was answered before.
  auto one = client.Get("/api/stats", {{"Range", "bytes=0-3"}});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_NE(one->body.find("\"documents\":"), std::string::npos);
  EXPECT_FALSE(one->has_header("Content-Range"));
  auto bad = client.Get("/api/stats", {{"Range", "bytes=x-y"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 416);
  EXPECT_EQ(bad->get_header_value("Content-Type"), kJson);
  EXPECT_NE(bad->body.find("Range"), std::string::npos) << bad->body;
}

// A copy of `from` whose every table and index root page is junk.
void CorruptCopy(const std::string& from, const std::string& to) {
  {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    out << in.rdbuf();
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(to.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<int64_t> roots;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE rootpage > 1", -1, &st, nullptr), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) roots.push_back(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  int64_t page_size = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  ASSERT_GT(roots.size(), 5u);
  std::fstream f(to, std::ios::binary | std::ios::in | std::ios::out);
  std::string junk(static_cast<size_t>(page_size), '\xa5');
  for (int64_t root : roots) {
    f.seekp((root - 1) * page_size);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
}

TEST(Serve, AStoreFailureAnswers500WithoutSqlTextAndLogsOneLine) {
  std::string corrupt = TempPath("corrupt.db");
  RemoveStore(corrupt);
  CorruptCopy(ExamplesStore(), corrupt);
  ServerProcess server;
  ASSERT_TRUE(server.Start(corrupt));
  httplib::Client client("127.0.0.1", server.port());
  auto r = client.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body, R"({"error":"internal error"})");
  EXPECT_EQ(r->get_header_value("Content-Type"), kJson);
  for (const auto& [name, value] : r->headers)  // httplib's default would put e.what() in a header
    EXPECT_EQ(value.find("malformed"), std::string::npos) << name;
  server.Stop();
  std::string log = server.Stderr();
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << log;
  EXPECT_NE(log.find("GET /api/stats: 500: store: "), std::string::npos) << log;
  EXPECT_NE(log.find("malformed"), std::string::npos) << log;
  RemoveStore(corrupt);
}

// httplib's default socket options set SO_REUSEPORT: a second server bound
// the same port without a word, and took half the connections.
TEST(Serve, ASecondServerOnTheSamePortIsRefused) {
  ServerProcess first, second;
  ASSERT_TRUE(first.Start(ExamplesStore()));
  bool started = second.Start(ExamplesStore(), first.port());
  EXPECT_FALSE(started) << "a second server shares port " << first.port();
  if (started) return;  // the destructor stops it
  EXPECT_EQ(second.Wait(), 3);
  EXPECT_NE(second.Stderr().find("cannot bind 127.0.0.1:" + std::to_string(first.port())), std::string::npos)
      << second.Stderr();
}

// The query commands' integers (they share the store with `warta serve`):
// an id of 2^63 or more died with "warta: fatal: stoll" (exit 3), and CLI11
// read "010" as octal 8 and clamped 2^66 to 2^63-1.
TEST(CliQueries, AnIdOf2To63IsAUsageErrorNotFatalStoll) {
  const std::string db = " --db '" + ExamplesStore() + "'";
  for (const std::string args : {"events --source 99999999999999999999", "events --target 9223372036854775808",
                                 "stories --limit 99999999999999999999", "actors --limit 0x10",
                                 "show 99999999999999999999", "show -1"}) {
    auto r = testing::RunWarta(args + db);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    EXPECT_EQ(r.err.find("fatal"), std::string::npos) << args << ": " << r.err;
    EXPECT_TRUE(r.err.find("must be between") != std::string::npos || r.err.find("not a whole number") != std::string::npos)
        << args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
  auto source = testing::RunWarta("events --source 99999999999999999999" + db);
  EXPECT_NE(source.err.find("--source: an entity id must be between 1 and 9223372036854775807"), std::string::npos)
      << source.err;
  // Decimal, whatever the leading zeros: document 10, not 8.
  auto show = testing::RunWarta("show 010 --json" + db);
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("\"id\":10,"), std::string::npos) << show.out;
  // The largest id is an id: nothing matches it.
  auto largest = testing::RunWarta("events --json --source 9223372036854775807" + db);
  EXPECT_EQ(largest.exit_code, 0) << largest.err;
  EXPECT_EQ(largest.out, "[]\n");
}

}  // namespace
}  // namespace warta
