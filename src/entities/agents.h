// Actors named by a common noun rather than a name: institutions and forces
// that act for a state ("polisi", "aparat keamanan", "the military"), people
// of a kind ("warga", "protesters", "mahasiswa") with their CAMEO sector, and
// ethnic and religious groups ("etnis Tionghoa", "umat Katolik", "ethnic
// Russians") with their CAMEO ethnic or religion code. Knowledge is data:
// data/entities/agents.tsv and groups.tsv, loaded once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/segment.h"
#include "util/status.h"

namespace warta {

struct Agent {
  enum class Kind : uint8_t {
    kBody,      // acts for a state: it takes the state's code ("polisi" → IDNCOP)
    kPeople,    // people of a kind: the state of the place they are in ("warga" → CVL)
    kEthnic,    // an ethnic group: people of the place they live in, never the state of the name
    kReligion,  // a religious community, likewise
  };
  std::string phrase;  // folded tokens joined by single spaces
  std::string lang;    // id | en
  std::string sector;  // CAMEO agent type: COP, MIL, GOV, CVL, ... (groups: CVL)
  Kind kind = Kind::kBody;
  std::string group;   // groups: the CAMEO ethnic ("uig") or religion ("CTH") code
};

class AgentTable {
 public:
  // agents.tsv: PHRASE<TAB>LANG<TAB>SECTOR<TAB>KIND (body | people);
  // groups.tsv: PHRASE<TAB>LANG<TAB>KIND<TAB>CODE (ethnic | religion).
  Status LoadAgents(std::string_view tsv, std::string_view name);
  Status LoadGroups(std::string_view tsv, std::string_view name);

  // The longest phrase of `lang` ("ms" reads as "id") of at most `limit`
  // tokens that starts at token `i`, with its length in tokens; nullptr if none.
  const Agent* LongestAt(const TokenView& tokens, size_t i, std::string_view lang, size_t* length,
                         size_t limit = SIZE_MAX) const;

  size_t size() const { return agents_.size(); }
  const std::vector<Agent>& agents() const { return agents_; }

 private:
  Status Add(Agent a);

  std::vector<Agent> agents_;
  std::unordered_map<std::string, uint32_t> by_key_;  // LANG '\t' PHRASE → index
  std::unordered_map<std::string, uint8_t> first_;    // LANG '\t' first word → 1
  size_t max_tokens_ = 0;
};

}  // namespace warta
