#pragma once

#include "analyze/knowledge.h"

namespace warta {

// Entity P/R/F1 (exact span and type, PER/LOC/ORG) of warta's name finder
// (dictionaries + tagger, on warta's own tokenisation of the sentence) on the
// Indonesian NER sets and Universal NER English-EWT in ../shared/data. Prints Markdown.
void NamedEntities(const Knowledge& k, const std::string& data_dir);

}  // namespace warta
