#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// Actor codes on our own hand-labelled sample of real articles
// (eval/labels/actors.tsv: detik dev rows and PolNeAR dev articles): for
// every actor that acts or speaks, whether warta finds it and gives it the
// right country and sector. Prints Markdown.
void ActorCodes(const Knowledge& k, const std::string& data_dir, const std::string& source_dir);

}  // namespace warta
