// Reading CoNLL-style NER files (token ... label per line, blank line between
// sentences), as the public Indonesian NER sets are distributed. Used by the
// tagger's trainer and by the evaluation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // as written: "B-PER", "I-PLACE", "O", ...
};

// Splits on tabs or spaces; the first field is the token, the last the tag.
// CR is ignored; lines with one field are skipped.
std::vector<ConllSentence> ParseConll(std::string_view text);

}  // namespace warta
