// `warta serve` on HTTP: the API of api.h under /api/ and the embedded
// dashboard at /. Connections are accepted and requests read by one thread,
// bounded in bytes and time (docs/api.md, "Limits"); whole requests are
// answered by worker threads with cpp-httplib's request handling. The store
// connection is read-only and used by one request at a time.
#pragma once

#include <functional>
#include <string>

#include "serve/api.h"
#include "store/store.h"
#include "util/status.h"

namespace warta {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  ApiData api;      // what the API serves besides the store
};

// Serves until the process is stopped. `ready` is called with the bound port
// before the first request is taken.
Status Serve(Store& store, const ServeOptions& options, const std::function<void(int port)>& ready);

}  // namespace warta
