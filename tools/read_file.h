// What the tools under tools/ share: a whole file read into memory, or an
// exception naming it (caught in each tool's main).
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace warta::tools {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace warta::tools
