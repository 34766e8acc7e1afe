// The syntax stage: for each sentence's token table, part of speech, lemma,
// head and dependency relation (UD v2), read by every later stage.
//
// A language's model (data/syntax/<lang>.model, written by `make
// syntax-model`) holds the tagger's and the parser's weights, the relation
// names and what the treebank's words inside one warta token do ("'s", "nya");
// its lemmatizer reads data/syntax/<lang>_lemmas.tsv and <lang>_morphology.tsv.
// A language whose treebanks follow several annotation styles has one model
// per style, trained together: <lang>.model is the pipeline's, the others
// (styles/<lang>_<style>.model) serve `make eval` on those treebanks' test sets.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "text/token.h"
#include "util/status.h"

namespace warta {

// A treebank word that warta's tokens hide inside another ("nya" in "bukunya",
// "'s" in "John's"): how to restore it when writing CoNLL-U word by word.
struct HiddenWord {
  Upos upos = Upos::kX;
  std::string deprel;
  bool to_host = true;  // its head is the host word; else the host's head
};

class SyntaxModel {
 public:
  SyntaxModel() = default;
  // `style`: the annotation style of the treebank it was trained for (perceptron.h).
  SyntaxModel(std::string lang, std::string style, Tagger tagger, Parser parser,
              std::map<std::string, HiddenWord> hidden);
  // Reads the bytes Save wrote; `name` prefixes errors.
  static Result<SyntaxModel> Load(std::string_view bytes, std::string_view name);
  // zstd-compressed; the same model gives the same bytes.
  std::string Save() const;

  // Tags the tokens (upos) and, with `parse`, parses them (head, deprel);
  // `text` is what their spans index.
  void Annotate(std::string_view text, std::vector<Token>* tokens, bool parse = true) const;
  // Parses tokens Annotate already tagged (head, deprel), keeping their tags:
  // for the sentences a later stage asks to have parsed.
  void ParseTagged(std::string_view text, std::vector<Token>* tokens) const;
  const std::string& lang() const { return lang_; }
  const std::string& style() const { return style_; }
  const Tagger& tagger() const { return tagger_; }
  const Parser& parser() const { return parser_; }
  // nullptr when the treebank never hid `folded` inside a token.
  const HiddenWord* Hidden(std::string_view folded) const;

 private:
  void Run(std::string_view text, std::vector<Token>* tokens, bool tag, bool parse) const;

  std::string lang_, style_;
  Tagger tagger_;
  Parser parser_;
  std::map<std::string, HiddenWord, std::less<>> hidden_;
};

// The models of all languages, with their lemmatizers.
class Syntax {
 public:
  void Add(SyntaxModel model, Lemmatizer lemmatizer);
  // Fills the fields of the tokens the syntax stage owns (head and relation
  // only with `parse`); a language without a model is left as it is (upos X, no head).
  void Annotate(std::string_view lang, std::string_view text, std::vector<Token>* tokens, bool parse = true) const;
  // Head and relation for tokens Annotate tagged without parsing; nothing for a language without a model.
  void ParseTagged(std::string_view lang, std::string_view text, std::vector<Token>* tokens) const;
  const SyntaxModel* Model(std::string_view lang) const;
  const Lemmatizer* LemmatizerFor(std::string_view lang) const;

 private:
  struct Language {
    SyntaxModel model;
    Lemmatizer lemmatizer;
  };
  std::map<std::string, Language, std::less<>> languages_;
};

}  // namespace warta
