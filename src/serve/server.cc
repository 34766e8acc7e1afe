#include "serve/server.h"

#include <httplib.h>

#include <map>
#include <mutex>

#include "serve/api.h"
#include "serve/dashboard.h"

namespace warta {

Status Serve(Store& store, const ServeOptions& options, const std::function<void(int port)>& ready) {
  httplib::Server server;
  // Answers are written in pieces: without TCP_NODELAY a keep-alive client
  // waits on Nagle and delayed ACKs (~40 ms) now and then.
  server.set_tcp_nodelay(true);
  std::mutex store_mutex;  // one SQLite connection: one request at a time
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"}});
  server.Get(R"(/api/.*)", [&](const httplib::Request& req, httplib::Response& res) {
    std::map<std::string, std::string> params;
    for (const auto& [key, value] : req.params) params.emplace(key, value);  // the first value of each
    ApiResponse r;
    {
      std::lock_guard<std::mutex> lock(store_mutex);
      r = HandleApi(store, req.path, params);
    }
    res.status = r.status;
    res.set_content(r.body, "application/json; charset=utf-8");
  });
  auto page = [](const httplib::Request&, httplib::Response& res) {
    std::string_view html = DashboardHtml();
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.set_content(std::string(html), "text/html; charset=utf-8");
  };
  server.Get("/", page);
  server.Get("/index.html", page);
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content(R"({"error":"not found"})", "application/json; charset=utf-8");
  });
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) return Status::Error(Status::Code::kIoError, "cannot bind " + options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    return Status::Error(Status::Code::kIoError, "cannot bind " + options.host + ":" + std::to_string(port));
  }
  ready(port);
  if (!server.listen_after_bind()) return Status::Error(Status::Code::kIoError, "the server stopped");
  return Status::Ok();
}

}  // namespace warta
