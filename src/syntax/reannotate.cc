#include "syntax/reannotate.h"

#include "syntax/treebank.h"
#include "util/strings.h"

namespace warta {

namespace {

// The lemma as CoNLL-U writes it: a proper noun keeps the case of its form.
std::string LemmaColumn(const Lemmatizer* lemmatizer, const std::string& form, Upos upos) {
  std::string folded = FoldCase(form);
  std::string lemma = lemmatizer->Analyze(folded, upos).lemma;
  if (lemma.empty()) lemma = folded;
  return upos == Upos::kPropn && lemma == folded ? form : lemma;
}

}  // namespace

void Reannotate(const SyntaxModel& model, const Lemmatizer* lemmatizer,
                const Abbreviations& abbreviations, ConlluSentence* sentence) {
  // Only the forms and SpaceAfter are read: the tokens' gold columns are not used.
  TreebankSentence tb = OnWartaTokens(*sentence, abbreviations);
  std::vector<Token> tokens = tb.tokens;
  model.Annotate(tb.text, &tokens);
  std::vector<ConlluRow*> words;
  for (ConlluRow& r : sentence->rows)
    if (r.kind == ConlluRow::Kind::kWord) words.push_back(&r);
  // Each token's main word: the first of its words that is not a hidden word.
  std::vector<int> main(tokens.size(), -1);
  for (size_t w = 0; w < words.size(); ++w) {
    int t = tb.word_token[w];
    if (t < 0) continue;
    int& m = main[static_cast<size_t>(t)];
    if (m == -1 || (model.Hidden(FoldCase(words[static_cast<size_t>(m)]->fields[1])) &&
                    !model.Hidden(FoldCase(words[w]->fields[1]))))
      m = static_cast<int>(w);
  }
  // A token's 1-based head → the 1-based word. A piece of a cut word (a token
  // no word maps to) stands for nothing: its own head is followed instead.
  auto word_of_token = [&](int head) {
    for (size_t steps = 0; head > 0 && main[static_cast<size_t>(head - 1)] < 0 && steps <= tokens.size(); ++steps)
      head = tokens[static_cast<size_t>(head - 1)].head;
    return head <= 0 || main[static_cast<size_t>(head - 1)] < 0 ? 0 : main[static_cast<size_t>(head - 1)] + 1;
  };
  for (size_t w = 0; w < words.size(); ++w) {
    ConlluRow& row = *words[w];
    int t = tb.word_token[w];
    if (t < 0) continue;
    const Token& tok = tokens[static_cast<size_t>(t)];
    int m = main[static_cast<size_t>(t)];
    int head = word_of_token(tok.head);
    Upos upos = tok.upos;
    std::string deprel = tok.deprel;
    if (m != static_cast<int>(w)) {
      const HiddenWord* h = model.Hidden(FoldCase(row.fields[1]));
      upos = h ? h->upos : Upos::kX;
      deprel = h ? h->deprel : "dep";
      head = h && !h->to_host && head != 0 ? head : m + 1;
    }
    row.fields[3] = std::string(UposName(upos));
    row.fields[6] = std::to_string(head);
    row.head = head;
    row.fields[7] = deprel.empty() ? "dep" : deprel;
    if (lemmatizer) row.fields[2] = LemmaColumn(lemmatizer, row.fields[1], upos);
  }
  // One root: when the root token was a piece of a cut word, its dependents
  // came out as roots; all but the first hang from the first as parataxis.
  ConlluRow* root = nullptr;
  for (ConlluRow* row : words) {
    if (row->head != 0 || row->fields[6] != "0") continue;
    if (!root) {
      root = row;
      row->fields[7] = "root";
      continue;
    }
    row->head = root->id;
    row->fields[6] = std::to_string(root->id);
    row->fields[7] = "parataxis";
  }
}

}  // namespace warta
