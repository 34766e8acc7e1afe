#pragma once

#include <string>

#include "analyze/knowledge.h"

namespace warta {

// UPOS, lemma accuracy, UAS and LAS (CoNLL 2018 definitions: every word,
// punctuation included; LAS on the universal part of the relation) of the
// syntax stage with gold tokenisation on the UD test sets in
// ../shared/data/ud-treebanks (eval). Prints Markdown.
void SyntaxQuality(const Knowledge& k, const std::string& data_dir, const std::string& source_dir);

}  // namespace warta
