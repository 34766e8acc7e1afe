#include "eval/syntax_eval.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include "eval/eval_util.h"
#include "syntax/reannotate.h"

namespace warta {

namespace {

struct Scores {
  size_t words = 0, upos = 0, lemma = 0, lemma_words = 0, uas = 0, las = 0;
};

std::string_view Universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// The test file re-annotated from its forms alone, scored word by word.
Scores Score(const Knowledge& k, const SyntaxModel& model, const Lemmatizer* lemmatizer,
             const ConlluFile& gold, double* seconds) {
  Scores s;
  auto start = std::chrono::steady_clock::now();
  std::vector<ConlluSentence> ours;
  ours.reserve(gold.sentences.size());
  for (const ConlluSentence& g : gold.sentences) {
    ConlluSentence blank = g;
    for (ConlluRow& r : blank.rows)
      if (r.kind == ConlluRow::Kind::kWord)
        for (size_t c : {2, 3, 4, 5, 6, 7, 8}) r.fields[c] = "_", r.head = -1;
    Reannotate(model, lemmatizer, k.abbreviations, &blank);
    ours.push_back(std::move(blank));
  }
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t i = 0; i < gold.sentences.size(); ++i) {
    std::vector<const ConlluRow*> g = gold.sentences[i].Words(), o = ours[i].Words();
    for (size_t w = 0; w < g.size() && w < o.size(); ++w) {
      ++s.words;
      s.upos += g[w]->fields[3] == o[w]->fields[3];
      if (g[w]->fields[2] != "_") {
        ++s.lemma_words;
        s.lemma += g[w]->fields[2] == o[w]->fields[2];
      }
      bool head = g[w]->head == o[w]->head;
      s.uas += head;
      s.las += head && Universal(g[w]->fields[7]) == Universal(o[w]->fields[7]);
    }
  }
  return s;
}

}  // namespace

void SyntaxQuality(const Knowledge& k, const std::string& data_dir, const std::string& source_dir) {
  std::string dir = data_dir + "ud-treebanks/";
  if (!std::filesystem::exists(dir)) {
    fmt::print("## Syntax\n\nskipped: {} not found\n\n", dir);
    return;
  }
  fmt::print("## Syntax: tags, lemmas and dependencies (UD test sets, eval; gold tokenisation)\n\n");
  fmt::print("CoNLL 2018 definitions: every word, punctuation included; LAS on the universal part of the\n"
             "relation. Model: the one trained for the test set's annotation style (data/syntax/styles/<lang>_<style>.model)\n"
             "and the pipeline's (<lang>.model). Lemma: words whose gold lemma is given.\n\n");
  fmt::print("| test set | model | words | UPOS | lemma | UAS | LAS | words/s |\n|---|---|---|---|---|---|---|---|\n");
  struct Set {
    const char* file;
    const char* lang;
    const char* style;
  };
  for (const Set& set : {Set{"id_gsd-2.1/test.conllu", "id", "gsd21"}, Set{"id_gsd-2025/test.conllu", "id", "gsd25"},
                         Set{"id_csui/test.conllu", "id", "csui"}, Set{"en_ewt/test.conllu", "en", ""}}) {
    const SyntaxModel* pipeline = k.syntax.Model(set.lang);
    if (!pipeline || !std::filesystem::exists(dir + set.file)) {
      fmt::print("| {} | skipped: no model or no file | | | | | | |\n", set.file);
      continue;
    }
    ConlluFile gold = ParseConllu(eval::ReadFile(dir + set.file));
    std::vector<std::pair<std::string, const SyntaxModel*>> models;
    std::optional<SyntaxModel> own;
    std::string own_path = source_dir + "/data/syntax/styles/" + set.lang + "_" + set.style + ".model";
    if (*set.style && pipeline->style() != set.style && std::filesystem::exists(own_path)) {
      auto loaded = SyntaxModel::Load(eval::ReadFile(own_path), own_path);
      if (loaded.ok()) own = std::move(loaded).value();
      else fmt::print(stderr, "eval: {}\n", loaded.status().message());
    }
    if (own) models.emplace_back(std::string(set.lang) + "_" + set.style, &*own);
    models.emplace_back(std::string(set.lang) + " (pipeline)", pipeline);
    for (const auto& [name, model] : models) {
      double seconds = 0;
      Scores s = Score(k, *model, k.syntax.LemmatizerFor(set.lang), gold, &seconds);
      auto pct = [](size_t a, size_t b) { return b ? fmt::format("{:.2f}", 100.0 * double(a) / double(b)) : "–"; };
      fmt::print("| {} | {} | {} | {} | {} | {} | {} | {:.0f} |\n", set.file, name, s.words, pct(s.upos, s.words),
                 pct(s.lemma, s.lemma_words), pct(s.uas, s.words), pct(s.las, s.words),
                 seconds > 0 ? double(s.words) / seconds : 0.0);
    }
  }
  fmt::print("\n");
}

}  // namespace warta
