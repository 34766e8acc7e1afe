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
  std::string body;  // JSON, or what content_type says
  std::string log;   // on 500: what failed, for the server's log; never sent to the client
  std::string content_type = "application/json; charset=utf-8";
  std::string filename;  // when set, the answer is a download of this name (CSV exports)
};

// What the API serves besides the store, loaded once by the server.
struct ApiData {
  std::string codes_json;  // GET /api/codes (src/serve/codes.h); the endpoint is absent when empty
};

// The hard cap on `limit`; a CSV export's (format=csv) is higher.
inline constexpr int64_t kMaxPageLimit = 500;
inline constexpr int64_t kMaxCsvLimit = 10000;

// `path` starts with "/api/"; `params` are the decoded query parameters (the
// first value of each). Every answer but 200 has the body {"error": "..."}
// saying what was wrong: bad parameters and ids that are not ids give 400
// ("limit: must be between 1 and 500"), unknown ids and paths 404 ("no such
// actor 12", "no such endpoint /api/x"). A failing store gives 500 with
// {"error":"internal error"} and the store's message in `log` only.
ApiResponse HandleApi(Store& store, const std::string& path, const std::map<std::string, std::string>& params,
                      const ApiData& data = {});

// {"error": message}. REQUIRES: message is valid UTF-8.
std::string ApiErrorBody(const std::string& message);

}  // namespace warta
