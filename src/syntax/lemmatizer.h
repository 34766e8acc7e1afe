// Lemmas for Indonesian and English tokens, so that later stages can key
// their dictionaries by lemma and voice instead of listing inflected forms:
// "menandatangani", "ditandatangani", "penandatanganan" share the lemma
// "tandatangan" (active, passive, nominal); "signed", "signing" share "sign".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/token.h"
#include "util/status.h"

namespace warta {

struct LemmaAnalysis {
  std::string lemma;  // folded
  Voice voice = Voice::kNone;
};

// One (form, tag, lemma) triple of a treebank, for training.
struct LemmaExample {
  std::string folded;
  Upos upos = Upos::kX;
  std::string lemma;  // folded; "_" or empty: the treebank has none
};

class Lemmatizer {
 public:
  // `lexicon_tsv`: the learned rows `make syntax-model` writes (TrainLemmaLexicon);
  // `rules_tsv`: the language's hand-written affix rules and roots (may be empty).
  // `name` prefixes errors ("data/syntax/id_lemmas.tsv:12: ..."); the rules'
  // errors name "<lang>_morphology.tsv" in the same folder.
  static Result<Lemmatizer> Load(std::string_view lang, std::string_view lexicon_tsv, std::string_view rules_tsv,
                                 std::string_view name);
  LemmaAnalysis Analyze(std::string_view folded, Upos upos) const;

  struct Model;  // lemma_impl.h

 private:
  std::shared_ptr<const Model> model_;  // null: a default-constructed lemmatizer, which keeps every form
};

// The lexicon file learned from treebank triples; deterministic: the same
// examples in any order give the same bytes.
std::string TrainLemmaLexicon(std::string_view lang, const std::vector<LemmaExample>& examples);
// The same with the language's hand-written rules (data/syntax/<lang>_morphology.tsv):
// only what the rules do not already produce is written, so the lexicon is
// small. `make syntax-model` should use this one; the two-argument form trains
// as if the rules were empty.
std::string TrainLemmaLexicon(std::string_view lang, const std::vector<LemmaExample>& examples,
                              std::string_view rules_tsv);

}  // namespace warta
