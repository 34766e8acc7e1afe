// Shared by the tests: the project's knowledge loaded from data/ in the source tree.
#pragma once

#include <gtest/gtest.h>

#include <string>

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

}  // namespace warta::testing
