// An analysed article's sentences as CoNLL-U (`warta parse`): one block per
// sentence with `# sent_id = <doc id>-<n>` and `# text`, each token's byte
// span in the article's text in MISC (start=..|end=..).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/segment.h"

namespace warta {

std::string DocumentToConllu(std::string_view doc_id, std::string_view text, const std::vector<Sentence>& sentences);

}  // namespace warta
