#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// Events of whole articles against our gold (eval/labels/events_gold_{detik,
// polnear}_{a,b}.jsonl, labelled by ../shared/docs/event-labelling.md, scored
// by eval/event_scoring.h): per set and language, the recall of the core gold
// events, the precision of the reported events, the articles where warta
// reports nothing, the core events found on their country pair alone. Set A is
// dev: `errors` lists its misses and false positives on stderr; set B's are
// never printed. Prints Markdown; skips what is absent.
void EventArticles(const Knowledge& k, const std::string& data_dir, const std::string& source_dir, bool errors);

}  // namespace warta
