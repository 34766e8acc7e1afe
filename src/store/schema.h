// The store's schema as a list of migrations: migration i (1-based) takes a
// database at version i - 1 (PRAGMA user_version) to version i. An empty
// file is at version 0. Never edit a released migration; append one.
#pragma once

#include <string_view>
#include <vector>

namespace warta {

const std::vector<std::string_view>& Migrations();

}  // namespace warta
