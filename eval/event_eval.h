#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// Event figures: recall and precision of (source country, target country,
// CAMEO root) on our own labelled dev sentences (eval/labels/events_dev.tsv)
// and on the CAMEO codebook's example sentences (../shared/data/cameo-codes,
// with the actors the PLOVER gold records give the same sentences), and the
// events produced on no-event sentences; then whole articles against our gold
// (eval/event_articles.h) and the PLOVER and PETR2 gold standards of single
// sentences (eval/event_gsr.h). Prints Markdown; WARTA_EVAL_ERRORS=1 lists the
// dev errors.
void Events(const Knowledge& k, const std::string& data_dir, const std::string& source_dir);

}  // namespace warta
