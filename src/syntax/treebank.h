// Treebank sentences on warta's own tokens. The treebanks split words where
// warta's segmenter does not ("John" "'s", "buku" "nya" as a multiword token)
// and, rarely, join what it splits. Training and re-annotation rebuild the
// sentence's text from its forms, tokenise it as warta does, and map the words
// onto those tokens: the words one token covers become one token that takes
// the tag, lemma, head and relation of its main word (the one whose head lies
// outside the token); a word cut into several tokens keeps its annotation on
// the first and joins the rest to it as "goeswith".
#pragma once

#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "text/segment.h"
#include "text/token.h"

namespace warta {

struct TreebankSentence {
  std::string text;                 // the forms, joined as SpaceAfter says
  std::vector<Token> tokens;        // spans into text, folded, and the gold annotation
  std::vector<int> word_token;      // word i (0-based) → its token
  std::vector<int> token_main;      // token → its main word (0-based), -1 for a piece of a cut word
  bool tree = true;                 // false when the mapped heads do not form a tree
};

TreebankSentence OnWartaTokens(const ConlluSentence& sentence, const Abbreviations& abbreviations);

}  // namespace warta
