// Runs the warta binary from a test and captures what it printed.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

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

}  // namespace warta::testing
