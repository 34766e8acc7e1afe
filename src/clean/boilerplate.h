// Page-furniture lines ("Baca juga: ...", "SCROLL TO CONTINUE WITH CONTENT",
// social prompts, copyright footers), matched with one RE2::Set built from the
// patterns in data/clean/boilerplate.tsv.
#pragma once

#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace warta {

class BoilerplateMatcher {
 public:
  // Lines longer than this are never furniture (and never reach the matcher).
  static constexpr size_t kMaxLineBytes = 400;

  // Compiles the patterns of a boilerplate TSV; errors name the line.
  static Result<BoilerplateMatcher> FromTsv(std::string_view tsv, std::string_view name);

  // The name of the first pattern matching the whole trimmed `line`, or nullptr.
  // Thread-safe.
  const std::string* Match(std::string_view line) const;

  size_t size() const { return names_.size(); }

 private:
  std::unique_ptr<re2::RE2::Set> set_;
  std::vector<std::string> names_;
};

}  // namespace warta
