#include "syntax/treebank.h"

#include <algorithm>

#include "util/strings.h"

namespace warta {

namespace {

struct Unit {
  Span span;
  int first = 0, last = 0;  // 0-based words
};

// Follows heads from every token; false on a cycle.
bool IsTree(const std::vector<Token>& tokens) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t at = i + 1, steps = 0;
    while (at != 0) {
      if (++steps > tokens.size()) return false;
      at = tokens[at - 1].head;
    }
  }
  return true;
}

}  // namespace

TreebankSentence OnWartaTokens(const ConlluSentence& sentence, const Abbreviations& abbreviations) {
  TreebankSentence out;
  std::vector<const ConlluRow*> words = sentence.Words();
  std::vector<Unit> units;
  int covered_to = 0;  // words up to here are inside a range already taken
  for (const ConlluRow& r : sentence.rows) {
    if (r.kind == ConlluRow::Kind::kEmpty) continue;
    if (r.kind == ConlluRow::Kind::kWord && r.id <= covered_to) continue;
    const std::string& form = r.fields[1];
    Unit u;
    u.span.start = out.text.size();
    out.text += form.empty() || form == "_" ? std::string("_") : form;
    u.span.end = out.text.size();
    u.first = r.id - 1;
    u.last = r.kind == ConlluRow::Kind::kRange ? r.last - 1 : r.id - 1;
    if (r.kind == ConlluRow::Kind::kRange) covered_to = r.last;
    u.last = std::min(u.last, static_cast<int>(words.size()) - 1);
    if (r.space_after) out.text += ' ';
    units.push_back(u);
  }
  std::vector<Span> spans = Tokenize(out.text, Span{0, out.text.size()}, abbreviations);
  out.word_token.assign(words.size(), -1);
  std::vector<int> piece_of(spans.size(), -1);
  std::vector<std::vector<int>> token_words(spans.size());
  size_t t = 0;
  for (const Unit& u : units) {
    while (t + 1 < spans.size() && spans[t].end <= u.span.start) ++t;
    if (spans.empty()) break;
    size_t first = t;
    for (int w = u.first; w <= u.last; ++w) {
      out.word_token[w] = static_cast<int>(first);
      token_words[first].push_back(w);
    }
    // Further tokens inside the unit are pieces of a cut word.
    while (t + 1 < spans.size() && spans[t + 1].start < u.span.end) {
      ++t;
      piece_of[t] = static_cast<int>(first);
    }
  }
  out.token_main.assign(spans.size(), -1);
  out.tokens.resize(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    Token& tok = out.tokens[i];
    tok.span = spans[i];
    tok.folded = FoldCase(std::string_view(out.text).substr(spans[i].start, spans[i].end - spans[i].start));
    if (token_words[i].empty()) {  // a piece of a cut word, or a token no word maps to
      tok.upos = Upos::kX;
      tok.head = static_cast<uint16_t>(piece_of[i] >= 0 ? piece_of[i] + 1 : 0);
      tok.deprel = piece_of[i] >= 0 ? "goeswith" : "dep";
      continue;
    }
    int main = token_words[i].front();
    for (int w : token_words[i]) {
      int h = words[w]->head;
      if (h <= 0 || out.word_token[h - 1] != static_cast<int>(i)) {
        main = w;
        break;
      }
    }
    out.token_main[i] = main;
    const ConlluRow& row = *words[main];
    tok.upos = ParseUpos(row.fields[3]).value_or(Upos::kX);
    tok.lemma = row.fields[2] == "_" ? "" : FoldCase(row.fields[2]);
    tok.deprel = row.fields[7] == "_" ? "" : row.fields[7];
    int h = row.head;
    tok.head = static_cast<uint16_t>(h <= 0 ? 0 : out.word_token[h - 1] + 1);
  }
  out.tree = IsTree(out.tokens) && !out.tokens.empty();
  return out;
}

}  // namespace warta
