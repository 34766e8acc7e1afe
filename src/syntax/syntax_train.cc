#include "syntax/syntax_train.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "util/strings.h"

namespace warta {

namespace {

std::vector<WordInfo> Describe(const TreebankSentence& s) {
  std::vector<std::string_view> surface, folded;
  for (const Token& t : s.tokens) {
    surface.push_back(std::string_view(s.text).substr(t.span.start, t.span.end - t.span.start));
    folded.push_back(t.folded);
  }
  return DescribeWords(surface, folded);
}

// For each form the treebank hid inside a warta token, its most frequent
// tag, relation and attachment.
std::map<std::string, HiddenWord> LearnHidden(const std::vector<TrainingSentence>& sentences) {
  std::map<std::string, std::map<std::tuple<std::string, std::string, bool>, int>> counts;
  for (const TrainingSentence& ts : sentences) {
    const TreebankSentence& s = *ts.tokens;
    std::vector<const ConlluRow*> w = ts.words->Words();
    for (size_t i = 0; i < w.size(); ++i) {
      int tok = s.word_token[i];
      if (tok < 0 || s.token_main[static_cast<size_t>(tok)] == static_cast<int>(i) ||
          s.token_main[static_cast<size_t>(tok)] < 0)
        continue;
      int main = s.token_main[static_cast<size_t>(tok)];
      bool to_host = w[i]->head == main + 1;
      ++counts[FoldCase(w[i]->fields[1])][{w[i]->fields[3], w[i]->fields[7], to_host}];
    }
  }
  std::map<std::string, HiddenWord> out;
  for (const auto& [form, c] : counts) {
    auto best = c.begin();
    int total = 0;
    for (auto it = c.begin(); it != c.end(); ++it) {
      total += it->second;
      if (it->second > best->second) best = it;
    }
    if (total < 2) continue;
    const auto& [upos, deprel, to_host] = best->first;
    out[form] = HiddenWord{ParseUpos(upos).value_or(Upos::kX), deprel, to_host};
  }
  return out;
}

}  // namespace

std::vector<SyntaxModel> TrainSyntaxModels(const std::string& lang, const std::vector<TrainingSentence>& sentences,
                             const std::vector<std::string>& styles, const SyntaxTrainOptions& options) {
  auto say = [&](const std::string& m) {
    if (options.progress) options.progress(m);
  };
  const int nstyles = static_cast<int>(styles.size());
  auto style_of = [&](const TrainingSentence& s) { return nstyles > 1 ? s.style : -1; };
  std::vector<TaggerExample> tagged;
  tagged.reserve(sentences.size());
  for (const TrainingSentence& s : sentences) {
    TaggerExample ex{Describe(*s.tokens), {}, style_of(s)};
    for (const Token& t : s.tokens->tokens) ex.tags.push_back(t.upos);
    tagged.push_back(std::move(ex));
  }
  say("tagger: " + std::to_string(tagged.size()) + " sentences, " + std::to_string(nstyles) + " style(s)");
  std::vector<Tagger> taggers = TrainTagger(tagged, options.tagger_epochs, options.seed, nstyles > 1 ? nstyles : 0);
  auto pick = [&](const std::vector<Tagger>& t, const TrainingSentence& s) -> const Tagger& {
    return t[nstyles > 1 ? static_cast<size_t>(s.style) : 0];
  };

  // The parser learns on predicted tags: each fold tagged by a tagger trained without it.
  std::vector<std::vector<Upos>> predicted(sentences.size());
  const size_t folds = static_cast<size_t>(std::max(1, options.jackknife));
  for (size_t f = 0; f < folds; ++f) {
    std::vector<TaggerExample> rest;
    for (size_t i = 0; i < tagged.size(); ++i)
      if (folds == 1 || i % folds != f) rest.push_back(tagged[i]);
    std::vector<Tagger> t =
        folds == 1 ? taggers : TrainTagger(rest, options.tagger_epochs, options.seed + 1 + f, nstyles > 1 ? nstyles : 0);
    for (size_t i = 0; i < tagged.size(); ++i)
      if (folds == 1 || i % folds == f) predicted[i] = pick(t, sentences[i]).Tag(tagged[i].words);
    say("jackknife fold " + std::to_string(f + 1) + "/" + std::to_string(folds));
  }

  std::set<std::string> label_set{"root", "punct", "parataxis", "dep"};
  for (const TrainingSentence& s : sentences)
    for (const Token& t : s.tokens->tokens)
      if (!t.deprel.empty()) label_set.insert(t.deprel);
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  auto label_id = [&](const std::string& l) {
    return static_cast<int>(std::lower_bound(labels.begin(), labels.end(), l.empty() ? "dep" : l) - labels.begin());
  };
  std::vector<ParserExample> parsed;
  parsed.reserve(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    ParserExample ex{tagged[i].words, predicted[i], {}, {}, style_of(sentences[i])};
    for (const Token& t : sentences[i].tokens->tokens) {
      ex.heads.push_back(t.head);
      ex.labels.push_back(label_id(t.deprel));
    }
    Projectivize(&ex.heads);
    parsed.push_back(std::move(ex));
  }
  say("parser: " + std::to_string(parsed.size()) + " sentences, " + std::to_string(labels.size()) + " relations");
  std::vector<Parser> parsers = TrainParser(parsed, labels, options.parser_epochs, options.explore, options.seed,
                                            options.min_count, nstyles > 1 ? nstyles : 0);
  std::map<std::string, HiddenWord> hidden = LearnHidden(sentences);
  std::vector<SyntaxModel> models;
  for (size_t v = 0; v < parsers.size(); ++v)
    models.emplace_back(lang, v < styles.size() ? styles[v] : std::string(), taggers[v], parsers[v], hidden);
  return models;
}

}  // namespace warta
