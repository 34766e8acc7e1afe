// The query subcommands over the store: stats, stories, actors, quotes,
// events, relations, show and export. Each prints a readable table, or
// --json / --csv.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace warta {

// Registers the subcommands; returns a runner that executes the parsed one
// (or nullptr when none of them was given). The runner returns the exit code.
std::function<int()> AddQueryCommands(CLI::App& app);

}  // namespace warta
