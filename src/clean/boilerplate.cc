#include "clean/boilerplate.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "util/strings.h"

namespace warta {

Result<BoilerplateMatcher> BoilerplateMatcher::FromTsv(std::string_view tsv, std::string_view name) {
  RE2::Options opts;
  opts.set_case_sensitive(false);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  BoilerplateMatcher m;
  m.set_ = std::make_unique<RE2::Set>(opts, RE2::ANCHOR_BOTH);
  int line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    auto bad = [&](const std::string& why) {
      return Status::Error(Status::Code::kInvalidInput, fmt::format("{}:{}: {}", name, line_no, why));
    };
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size()) return bad("expected NAME<TAB>REGEX");
    std::string error;
    if (m.set_->Add(line.substr(tab + 1), &error) < 0) return bad("bad regex: " + error);
    m.names_.emplace_back(line.substr(0, tab));
  }
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
