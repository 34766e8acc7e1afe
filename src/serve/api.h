// The JSON API of `warta serve` (docs/api.md) as a function: a path and its
// query parameters in, a status and a JSON body out. No sockets here, so the
// API is tested without a network; src/serve/server.cc puts it on HTTP.
#pragma once

#include <map>
#include <string>

#include "store/store.h"

namespace warta {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// The hard cap on `limit`.
inline constexpr int64_t kMaxPageLimit = 500;

// `path` starts with "/api/"; `params` are the decoded query parameters (the
// first value of each). Bad parameters give 400, unknown ids and paths 404,
// both with {"error": "..."}; a failing store gives 500.
ApiResponse HandleApi(Store& store, const std::string& path, const std::map<std::string, std::string>& params);

}  // namespace warta
