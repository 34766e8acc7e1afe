// Re-annotating a CoNLL-U sentence (`warta parse --input-format conllu`, and
// the syntax evaluation with gold tokenisation): every ID, FORM and multiword
// range line stays as given; UPOS, LEMMA, HEAD and DEPREL of each word are
// filled from a parse of warta's tokens of the sentence. A token that holds
// several words gives its annotation to its main word (the first one the
// model does not know as a hidden word such as "nya" or "'s"); the others take
// the tag and relation the treebanks gave them, attached to the main word or
// its head.
#pragma once

#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "text/segment.h"

namespace warta {

// Fills the word rows of `sentence` in place (other columns and rows untouched).
// `lemmatizer` may be null (LEMMA then stays as it is).
void Reannotate(const SyntaxModel& model, const Lemmatizer* lemmatizer,
                const Abbreviations& abbreviations, ConlluSentence* sentence);

}  // namespace warta
