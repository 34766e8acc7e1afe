#include "eval/ner_eval.h"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "entities/conll.h"
#include "entities/ner_model.h"
#include "entities/ner_train.h"
#include "entities/recognizer.h"

namespace warta {

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using Counts = std::map<std::string, std::array<size_t, 3>>;  // type → tp, fp, fn

// With WARTA_EVAL_ERRORS=1, errors on dev sets (never eval sets) go to stderr.
void Score(const std::vector<ConllSentence>& sentences, const Knowledge& k, Counts* counts, bool show_errors) {
  for (const ConllSentence& s : sentences) {
    // The sentence as text, and where each gold token is in it.
    std::string text;
    std::vector<size_t> starts, ends;
    for (const auto& t : s.tokens) {
      if (!text.empty()) text += ' ';
      starts.push_back(text.size());
      text += t;
      ends.push_back(text.size());
    }
    std::vector<int> labels;
    for (const auto& t : s.tags) labels.push_back(ParseNerLabel(t));
    using Key = std::tuple<size_t, size_t, std::string>;
    std::set<Key> gold, got;
    for (const NerSpan& g : LabelsToSpans(labels)) gold.insert({starts[g.begin], ends[g.end - 1], std::string(g.type)});
    // Tokenised as warta tokenises (not the gold tokens): what analyze sees.
    std::vector<Token> tokens = TokenTable(text, Tokenize(text, Span{0, text.size()}, k.abbreviations));
    for (const NameSpan& n : RecognizeNames(TokenView(text, tokens), k.entities).names) {
      if (n.type != "PER" && n.type != "LOC" && n.type != "ORG") continue;
      got.insert({tokens[n.begin].span.start, tokens[n.end - 1].span.end, std::string(n.type)});
    }
    for (const Key& g : got) {
      bool hit = gold.count(g) > 0;
      if (!hit && show_errors)
        fmt::print(stderr, "FP {} [{}] in: {}\n", std::get<2>(g),
                   text.substr(std::get<0>(g), std::get<1>(g) - std::get<0>(g)), text);
      ++(*counts)[std::get<2>(g)][hit ? 0 : 1];
      ++(*counts)["all"][hit ? 0 : 1];
    }
    for (const Key& g : gold)
      if (!got.count(g)) {
        if (show_errors)
          fmt::print(stderr, "FN {} [{}] in: {}\n", std::get<2>(g),
                     text.substr(std::get<0>(g), std::get<1>(g) - std::get<0>(g)), text);
        ++(*counts)[std::get<2>(g)][2];
        ++(*counts)["all"][2];
      }
  }
}

void PrintRows(const std::string& name, const std::string& role, size_t sentences, NerCounts counts) {
  for (const char* type : {"all", "PER", "LOC", "ORG"}) {
    const auto& c = counts[type];
    double p = c[0] ? double(c[0]) / double(c[0] + c[1]) : 0, r = c[0] ? double(c[0]) / double(c[0] + c[2]) : 0;
    fmt::print("| {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", name, role, sentences, type, p, r,
               p + r > 0 ? 2 * p * r / (p + r) : 0.0);
  }
}

// English: Universal NER English-EWT, each sentence read as analyze reads
// English text: its written text split and tokenised by warta, tagged by the
// English syntax model, names found with the English tagger. Dev is scored
// by 5-fold cross-validation (models trained as `make model` trains, on the
// other folds and the Indonesian sentences); test by the committed model.
void EnglishNamedEntities(const Knowledge& k, const std::string& data_dir) {
  auto annotator = [&](std::string_view lang) -> NerAnnotator {
    return [&k, lang](std::string_view text, std::vector<Token>* tokens) { k.syntax.Annotate(lang, text, tokens, false); };
  };
  auto prepare = [&](const std::string& path) { return ReadNerSentences(Read(path), true, k.abbreviations, annotator("en")); };
  const std::string dev = data_dir + "uner-en-ewt/dev.iob2", test = data_dir + "uner-en-ewt/test.iob2";
  if (!std::filesystem::exists(dev)) {
    fmt::print("| UNER English-EWT dev | dev | skipped: not found | | | | |\n");
  } else {
    auto sentences = prepare(dev);
    std::vector<NerExample> extra;  // what `make model` adds to the English model's training
    for (const char* f : kNerTrainFilesEnFromId) {
      if (!std::filesystem::exists(data_dir + f)) continue;
      auto e = NerExamplesFromText(ReadNerSentences(Read(data_dir + f), false, k.abbreviations, annotator("id")),
                                   k.entities, true, kNerCandidatesOnlyEn);
      extra.insert(extra.end(), e.begin(), e.end());
    }
    NerTrainOptions options;
    options.epochs = kNerEpochsEn;
    options.prune_below = kNerPruneEn;
    NerErrorSink sink;
    if (std::getenv("WARTA_EVAL_ERRORS"))
      sink = [](std::string_view kind, std::string_view type, std::string_view name, std::string_view text) {
        fmt::print(stderr, "{} {} [{}] in: {}\n", kind, type, name, text);
      };
    PrintRows("UNER English-EWT dev (5-fold CV)", "dev (trained and tuned on)", sentences.size(),
              CrossValidateNer(sentences, extra, k.entities, 5, options, sink));
  }
  if (!std::filesystem::exists(test)) {
    fmt::print("| UNER English-EWT test | eval | skipped: not found | | | | |\n");
  } else {
    auto sentences = prepare(test);
    NerCounts counts;
    ScoreNames(sentences, k.entities, "en", &counts);  // an eval set: its errors are never shown
    PrintRows("UNER English-EWT test", "eval", sentences.size(), counts);
  }
}

}  // namespace

void NamedEntities(const Knowledge& k, const std::string& data_dir) {
  struct Set {
    const char* name;
    const char* role;
    std::vector<std::string> files;
  };
  std::vector<Set> sets = {
      {"idner-news-2k dev", "dev (tuned on)", {"idner-news-2k/dev.txt"}},
      {"NERGrit valid", "dev (tuned on)", {"indonlu-nergrit_ner-grit/valid_preprocess.txt"}},
      {"idner-news-2k test", "eval", {"idner-news-2k/test.txt"}},
      {"NERGrit test", "eval", {"indonlu-nergrit_ner-grit/test_preprocess.txt"}},
      {"NER-UI (5 test folds)", "eval", {}},
      {"NER-UGM (5 test folds)", "eval", {}},
  };
  for (int i = 1; i <= 5; ++i) {
    sets[4].files.push_back(fmt::format("indolem-nerui/test.0{}.tsv", i));
    sets[5].files.push_back(fmt::format("indolem-nerugm/test.0{}.tsv", i));
  }
  fmt::print("## Named entities\n\nExact span and type; PER, LOC, ORG; warta's own tokenisation (English: also its\n"
             "sentence splitting of the written text and its part-of-speech tags, as analyze reads English).\n\n");
  fmt::print("| set | role | sentences | type | P | R | F1 |\n|---|---|---|---|---|---|---|\n");
  for (const Set& set : sets) {
    std::vector<ConllSentence> sentences;
    bool missing = false;
    for (const auto& f : set.files) {
      if (!std::filesystem::exists(data_dir + f)) { missing = true; break; }
      auto s = ParseConll(Read(data_dir + f));
      sentences.insert(sentences.end(), s.begin(), s.end());
    }
    if (missing) {
      fmt::print("| {} | {} | skipped: not found | | | | |\n", set.name, set.role);
      continue;
    }
    Counts counts;
    Score(sentences, k, &counts, std::string(set.role).rfind("dev", 0) == 0 && std::getenv("WARTA_EVAL_ERRORS"));
    for (const char* type : {"all", "PER", "LOC", "ORG"}) {
      const auto& c = counts[type];
      double p = c[0] ? double(c[0]) / double(c[0] + c[1]) : 0, r = c[0] ? double(c[0]) / double(c[0] + c[2]) : 0;
      fmt::print("| {} | {} | {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", set.name, set.role, sentences.size(), type, p, r,
                 p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    }
  }
  EnglishNamedEntities(k, data_dir);
  fmt::print("\n");
}

}  // namespace warta
