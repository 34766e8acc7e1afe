// The files of data/, compiled into the binary (see cmake/embed.cmake).
#pragma once

#include <optional>
#include <string_view>

namespace warta {

// Contents of data/<path> as it was at build time; the view lives forever.
std::optional<std::string_view> EmbeddedDataFile(std::string_view path);

}  // namespace warta
