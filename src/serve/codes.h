// What the codes in the store mean, for legends and hover text: the quad
// classes, every CAMEO event code with its name, Goldstein score and PLOVER
// category (data/events/cameo_codes.tsv), and the actor types that end actor
// codes (data/events/agent_types.tsv). Built once when the server starts.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace warta {

// The body of GET /api/codes, from the two files' texts.
Result<std::string> CodesJson(std::string_view cameo_codes_tsv, std::string_view agent_types_tsv);

}  // namespace warta
