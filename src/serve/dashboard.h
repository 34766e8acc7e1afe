// The dashboard: web/ bundled by Vite into one HTML file at build time and
// compiled into the binary (cmake/embed_file.cmake). Without Node.js at build
// time a one-page notice that points to the API takes its place.
#pragma once

#include <string_view>

namespace warta {

std::string_view DashboardHtml();

}  // namespace warta
