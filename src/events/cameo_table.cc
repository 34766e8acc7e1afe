#include "events/cameo_table.h"

#include <charconv>

#include "util/tsv.h"

namespace warta {

int QuadClassOfRoot(std::string_view root) {
  if (root.size() != 2 || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9') return 0;
  int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 4) return 1;
  if (r >= 5 && r <= 8) return 2;
  if (r >= 9 && r <= 13) return 3;
  if (r >= 14 && r <= 20) return 4;
  return 0;
}

Result<CameoTable> CameoTable::FromTsv(std::string_view tsv, std::string_view name) {
  CameoTable t;
  Status s = ForEachTsvRow(tsv, name, 6, "CODE NAME GOLDSTEIN QUAD PLOVER PLOVER_MODE",
                           [&](const std::vector<std::string_view>& c) -> std::string {
    CameoCode e;
    e.code = std::string(c[0]);
    if (e.code.size() < 2 || e.code.size() > 4 || e.code.find_first_not_of("0123456789") != std::string::npos)
      return "code must be 2 to 4 digits: " + e.code;
    if (t.by_code_.count(e.code)) return "code listed twice: " + e.code;
    if (e.code.size() > 2 && !t.by_code_.count(e.code.substr(0, e.code.size() - 1)) &&
        !t.by_code_.count(e.code.substr(0, 2)))
      return "code " + e.code + " comes before its root";
    e.name = std::string(c[1]);
    if (e.name.empty()) return "empty name";
    // std::from_chars for double: locale-free.
    auto [end, ec] = std::from_chars(c[2].data(), c[2].data() + c[2].size(), e.goldstein);
    if (ec != std::errc() || end != c[2].data() + c[2].size() || e.goldstein < -10 || e.goldstein > 10)
      return "Goldstein score must be a number from -10 to 10: " + std::string(c[2]);
    if (c[3].size() != 1 || c[3][0] < '1' || c[3][0] > '4') return "quad class must be 1-4";
    e.quad = c[3][0] - '0';
    if (e.quad != QuadClassOfRoot(std::string_view(e.code).substr(0, 2)))
      return "quad class " + std::string(c[3]) + " does not match root " + e.code.substr(0, 2);
    if (c[4] != "-") e.plover = std::string(c[4]);
    if (c[5] != "-") e.plover_mode = std::string(c[5]);
    t.by_code_.emplace(e.code, t.codes_.size());
    t.codes_.push_back(std::move(e));
    return "";
  });
  if (!s.ok()) return s;
  return t;
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &codes_[it->second];
}

}  // namespace warta
