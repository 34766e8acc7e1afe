#include "clean/boilerplate.h"

#include <re2/re2.h>

#include <algorithm>

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

Result<BoilerplateMatcher> BoilerplateMatcher::FromTsv(std::string_view tsv, std::string_view name) {
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  BoilerplateMatcher m;
  m.set_ = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
  Status s = ForEachTsvRow(tsv, name, 2, "NAME<TAB>REGEX", [&](const auto& cols) -> std::string {
    if (cols[0].empty() || cols[1].empty()) return "expected NAME<TAB>REGEX";
    std::string error;
    if (m.set_->Add(cols[1], &error) < 0) return "bad regex: " + error;
    m.names_.emplace_back(cols[0]);
    return "";
  });
  if (!s.ok()) return s;
  if (m.names_.empty()) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": no patterns");
  if (!m.set_->Compile()) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": patterns do not compile (too large?)");
  return m;
}

const std::string* BoilerplateMatcher::Match(std::string_view line) const {
  line = Trim(line);
  if (line.empty() || line.size() > kMaxLineBytes) return nullptr;
  std::vector<int> hits;
  if (!set_->Match(line, &hits) || hits.empty()) return nullptr;
  return &names_[*std::min_element(hits.begin(), hits.end())];
}

}  // namespace warta
