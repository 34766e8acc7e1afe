// Runs the warta binary from a test and captures what it printed.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace warta::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `WARTA_BINARY <args>` in the project root (args are passed to the shell
// as written: quote them yourself).
inline CommandResult RunWarta(const std::string& args, const std::string& stdin_file = "") {
  // One file per process and call: ctest runs test processes in parallel.
  static int calls = 0;
  std::string err_file = ::testing::TempDir() + "warta_stderr_" + std::to_string(::getpid()) + "_" +
                         std::to_string(++calls) + ".txt";
  std::string cmd = "cd '" WARTA_SOURCE_DIR "' && '" WARTA_BINARY "' " + args + " 2>'" + err_file + "'";
  if (!stdin_file.empty()) cmd += " <'" + stdin_file + "'";
  CommandResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  std::stringstream ss;
  ss << e.rdbuf();
  r.err = ss.str();
  std::remove(err_file.c_str());
  return r;
}

// Starts `WARTA_BINARY <args>` in the background with its stderr into `err_file`
// (/dev/null when empty) and returns its pid, or -1 when it could not start. For
// tests that kill a run mid-way or run several at once; waitpid() is theirs.
inline pid_t SpawnWarta(const std::vector<std::string>& args, const std::string& err_file = "") {
  std::string binary = WARTA_BINARY;
  std::vector<std::string> all = {binary};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.empty() ? "/dev/null" : err_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// A test with a fresh directory of its own, removed after it, named after the
// test suite and the process (ctest runs tests in parallel processes).
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string suite = ::testing::UnitTest::GetInstance()->current_test_suite()->name();
    dir_ = std::filesystem::path(::testing::TempDir()) / ("warta_" + suite + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& bytes) {
    WriteFile(Path(name), bytes);
    return Path(name);
  }
  std::filesystem::path dir_;
};

}  // namespace warta::testing
