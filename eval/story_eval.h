#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// Story clustering figures: BCubed precision, recall and F1 of StoryClusterer
// (articles analysed, then fed in file order) and of a plain TF-IDF
// online-centroid baseline, on idnews-topic-clusters-5 (dev, gold `topic`),
// the detik dev rows (ids <= 300, gold eval/labels/detik_stories.tsv) and
// news600 (eval only, gold `topic_id`). Prints Markdown, with the threshold and
// window sweep on the two dev sets that chose the defaults.
void Stories(const Knowledge& k, const std::string& data_dir, const std::string& source_dir);

}  // namespace warta
