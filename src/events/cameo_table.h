// The CAMEO event code table (data/events/cameo_codes.tsv): each code's name,
// Goldstein score, quad class and PLOVER category. Loaded once; the event
// coder (issue 5) looks codes up here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace warta {

struct CameoCode {
  std::string code;         // "01", "036", "1383": a string, the leading zero counts
  std::string name;         // "express intent to meet or negotiate"
  double goldstein = 0;     // -10 (conflict) … 10 (cooperation)
  int quad = 0;             // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
  std::string plover;       // "AGREE", …; "" where the mapping gives none (roots 01, 02)
  std::string plover_mode;  // "" if none
};

class CameoTable {
 public:
  static Result<CameoTable> FromTsv(std::string_view tsv, std::string_view name);

  // The entry for `code`, or nullptr.
  const CameoCode* Find(std::string_view code) const;
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> by_code_;
};

// The quad class GDELT gives a CAMEO root ("01"–"20"): 1–4, or 0 if it is none.
int QuadClassOfRoot(std::string_view root);

}  // namespace warta
