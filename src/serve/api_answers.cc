#include "serve/api_answers.h"

#include <fmt/format.h>

#include "store/table_format.h"

namespace warta {

ApiResponse ErrorAnswer(int status, const std::string& message) {
  ApiResponse r;
  r.status = status;
  r.body = ApiErrorBody(message);
  return r;
}

ApiResponse InternalAnswer(const std::string& detail) {
  ApiResponse r = ErrorAnswer(500, "internal error");
  r.log = detail;
  return r;
}

ApiResponse JsonAnswer(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

ApiResponse CsvAnswer(const Table& t, const std::string& name) {
  ApiResponse r;
  r.body = TableToCsv(t);
  r.content_type = "text/csv; charset=utf-8";
  r.filename = "warta-" + name + ".csv";
  return r;
}

std::string JsonRows(const Table& t) {
  std::string out = "[";
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (i) out += ',';
    out += RowToJson(t, t.rows[i]);
  }
  return out + "]";
}

std::string JsonList(const Table& t, const Page& page) {
  return fmt::format("{{\"items\":{},\"total\":{},\"limit\":{},\"offset\":{}}}", JsonRows(t),
                     t.total.value_or(static_cast<int64_t>(t.rows.size())), page.limit, page.offset);
}

}  // namespace warta
