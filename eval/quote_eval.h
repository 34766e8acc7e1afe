#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// Quote figures: recall of direct quotations, precision of every quote
// reported, and speaker accuracy on matched quotes, on the hand-labelled detik
// dev sample (eval/labels/detik_quotes.tsv) and on PolNeAR (English). Prints
// Markdown. WARTA_EVAL_ERRORS=1 lists the dev errors (never the test set's).
void Quotes(const Knowledge& k, const std::string& data_dir, const std::string& source_dir);

}  // namespace warta
