#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// Events on the two external gold standards of single sentences
// (../shared/data/event-gsr, each sentence analysed as one document): PLOVER's
// gold standard records (dev: the PLOVER category; `errors` lists its misses
// on stderr) and PETR2's validation sentences (eval: the CAMEO root; measured
// only, never a single result printed). Per-sentence recall (every gold event
// of the sentence found), event recall and precision, events on no-event
// sentences. Prints Markdown; skips what is absent.
void EventGsr(const Knowledge& k, const std::string& data_dir, bool errors);

}  // namespace warta
