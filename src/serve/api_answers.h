// How the API's handlers answer: JSON bodies from store Tables (lists with
// their totals), CSV downloads, and errors. Shared by api.cc and api_groups.cc.
#pragma once

#include <string>

#include "serve/api.h"
#include "store/store.h"

namespace warta {

ApiResponse ErrorAnswer(int status, const std::string& message);
// A failure of the store (a corrupt page, an I/O error): the client learns
// only that it was not its fault; the detail goes to the server's log.
ApiResponse InternalAnswer(const std::string& detail);
ApiResponse JsonAnswer(std::string body);
// The rows as a CSV download named warta-<name>.csv.
ApiResponse CsvAnswer(const Table& t, const std::string& name);

// A JSON array of the rows' objects.
std::string JsonRows(const Table& t);
// {"items":[…],"total":N,"limit":L,"offset":O}.
std::string JsonList(const Table& t, const Page& page);

}  // namespace warta

// Unwraps a store answer into `Table& var`; a failure returns a 500 (the store,
// not the request, is at fault).
#define WARTA_TABLE(var, expr)                                                                \
  auto var##_result = (expr);                                                                 \
  if (!var##_result.ok()) return InternalAnswer("store: " + var##_result.status().message()); \
  Table& var = var##_result.value()
