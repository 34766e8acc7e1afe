// Reading CoNLL-style NER files (token ... label per line, blank line between
// sentences), as the public Indonesian NER sets are distributed, and the
// IOB2 files of Universal NER (index, token, tag per line, the sentence's
// text in a "# text = " comment). Used by the tagger's trainer and by the
// evaluation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clean/cleaner.h"

namespace warta {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // as written: "B-PER", "I-PLACE", "O", ...
  std::string text;               // the sentence as written ("# text = "), "" when the file has none
};

// Splits on tabs or spaces; the first field is the token, the last the tag.
// CR is ignored; lines with one field are skipped.
std::vector<ConllSentence> ParseConll(std::string_view text);

// Universal NER's IOB2: "#" comment lines ("# text = ..." kept as the
// sentence's text), then INDEX<TAB>TOKEN<TAB>TAG[<TAB>...] a line.
std::vector<ConllSentence> ParseIob2(std::string_view text);

// Where each of `tokens` is in `text`, in order (whitespace between them
// skipped); empty when some token is not found where it should be.
std::vector<Span> AlignTokens(std::string_view text, const std::vector<std::string>& tokens);

}  // namespace warta
