// Duplicate detection through the real ingest: every pair of articles with a
// 5-word-shingle Jaccard of at least 0.8 must end up linked.
#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

void Duplicates(const Knowledge& k, const std::string& data_dir, const std::string& source_dir);

}  // namespace warta
