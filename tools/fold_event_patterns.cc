// fold_event_patterns: folds the event coder's old verb lists, one row per
// inflected form (verbs_<lang>.tsv: PATTERN CAMEO VOICE NOTE), into patterns
// keyed by lemma, voice and suffix (predicates_<lang>.tsv: LEMMA FORM SUFFIX
// REST CAMEO FRAME NOTE), with the syntax stage's lemmatizer: "menyerang",
// "menyerangnya" and "menyerangi"-like rows of one family become one row each
// per (lemma, voice, suffix, rest). Built as build/warta_fold_event_patterns:
//
//   build/warta_fold_event_patterns id data/events/verbs_id.tsv data/syntax OUT.tsv
//
// Comment lines are kept in place; a row that folds onto an earlier one with
// the same code is dropped, one with another code is dropped and reported.
// The rule (FoldPattern) is shared with the lexicon's tests: src/events/pattern_fold.h.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "events/pattern_fold.h"
#include "syntax/lemmatizer.h"
#include "tools/read_file.h"
#include "util/strings.h"

using namespace warta;

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s LANG VERBS.tsv SYNTAX_DIR OUT.tsv\n", argv[0]);
    return 2;
  }
  try {
    const std::string lang = argv[1], dir = argv[3];
    auto lemmatizer = Lemmatizer::Load(lang, tools::ReadFile(dir + "/" + lang + "_lemmas.tsv"),
                                       tools::ReadFile(dir + "/" + lang + "_morphology.tsv"), dir);
    if (!lemmatizer.ok()) throw std::runtime_error(lemmatizer.status().message());
    std::string out;
    std::set<std::string> keys;
    size_t rows = 0, kept = 0, conflicts = 0;
    const std::string verbs = tools::ReadFile(argv[2]);
    for (std::string_view line : Split(verbs, '\n')) {
      if (line.empty() || line[0] == '#') {
        out += std::string(line) + "\n";
        continue;
      }
      auto c = Split(line, '\t');
      if (c.size() < 4) throw std::runtime_error("bad row: " + std::string(line));
      ++rows;
      FoldedPattern f = FoldPattern(lang, c[0], c[2], lemmatizer.value());
      std::string key = f.lemma + "\t" + f.form + "\t" + f.suffix + "\t" + f.rest;
      auto [it, fresh] = keys.insert(key);
      if (!fresh) {
        // The same key with another code: the first row (in the file's order of precedence) wins.
        if (out.find(key + "\t" + std::string(c[1]) + "\t") == std::string::npos) {
          ++conflicts;
          std::fprintf(stderr, "dropped (folds onto an earlier row with another code): %.*s\n",
                       static_cast<int>(line.size()), line.data());
        }
        continue;
      }
      ++kept;
      out += key + "\t" + std::string(c[1]) + "\t" + f.frame + "\t" + std::string(c.size() > 3 ? c[3] : "-") + "\n";
    }
    std::ofstream(argv[4], std::ios::binary) << out;
    std::fprintf(stderr, "%zu rows folded into %zu patterns; %zu dropped with another code\n", rows, kept, conflicts);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fold_event_patterns: %s\n", e.what());
    return 1;
  }
}
