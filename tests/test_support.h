// Shared by the tests: the project's knowledge loaded from data/ in the source tree.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <fstream>
#include <optional>
#include <sstream>

#include "analyze/analyzer.h"
#include "analyze/knowledge.h"

namespace warta::testing {

inline const Knowledge& TestKnowledge() {
  static const Knowledge* k = [] {
    auto loaded = Knowledge::Load(DirectoryDataReader(std::string(WARTA_SOURCE_DIR) + "/data"));
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return new Knowledge(std::move(loaded).value());
  }();
  return *k;
}

inline std::string SourcePath(const std::string& rel) { return std::string(WARTA_SOURCE_DIR) + "/" + rel; }

// Text written in a test, through the whole analyze pipeline.
inline Document AnalyzeText(const std::string& text, std::optional<std::string> published = std::nullopt) {
  Record r;
  r.source = "test";
  r.text = text;
  r.published = std::move(published);
  return Analyze(std::move(r), TestKnowledge(), AnalyzeOptions{});
}

// A file of the source tree ("examples/quotes/x.txt"), through the whole pipeline.
inline Document AnalyzeSourceFile(const std::string& rel, std::optional<std::string> title = std::nullopt) {
  std::ifstream in(SourcePath(rel), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Record r;
  r.source = rel;
  r.text = ss.str();
  EXPECT_FALSE(r.text.empty()) << rel;
  r.title = std::move(title);
  return Analyze(std::move(r), TestKnowledge(), AnalyzeOptions{});
}

}  // namespace warta::testing
