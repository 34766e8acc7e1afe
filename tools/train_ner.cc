// Trains the name tagger's models from NER files. `make model` runs it on
// the train splits in ../shared/data: the Indonesian model
// (data/entities/ner_model.tsv) from CoNLL files, the English one
// (data/entities/ner_model_en.tsv, --lang en) from Universal NER IOB2 files
// read as analyze reads English text. The result is byte-for-byte the same on
// every run.
//
//   warta_train_ner [--lang en] --out MODEL [--dev FILE]... [--epochs N] [--prune W] TRAIN...
//   warta_train_ner --lang en --cv K [--errors] TRAIN...   (k-fold cross-validation, no model written)
// With --lang en, TRAIN are IOB2 files of English, and `--id FILE` adds a
// CoNLL file of Indonesian, tagged by the Indonesian syntax model (the cross-validation
// trains every fold on it too).
// Defaults (epochs, pruning) are those of `make model` (entities/ner_train.h).
#include <array>
#include <cstdio>
#include <map>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tools/read_file.h"
#include "analyze/knowledge.h"
#include "entities/conll.h"
#include "entities/ner_train.h"
#include "entities/recognizer.h"

namespace {

using warta::tools::ReadFile;

void PrintCounts(const std::string& what, const warta::NerCounts& counts) {
  for (const auto& [type, c] : counts) {
    double p = c[0] ? double(c[0]) / double(c[0] + c[1]) : 0, r = c[0] ? double(c[0]) / double(c[0] + c[2]) : 0;
    std::fprintf(stderr, "%s %s: P %.3f R %.3f F1 %.3f (tp %zu fp %zu fn %zu)\n", what.c_str(), type.c_str(), p, r,
                 p + r ? 2 * p * r / (p + r) : 0, c[0], c[1], c[2]);
  }
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace warta;
  std::string out_path, data_dir, lang = "id";
  std::vector<std::string> train, dev, also_id;
  int epochs = -1, cv = 0;
  double prune = -1;
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--out") out_path = next();
    else if (a == "--dev") dev.push_back(next());
    else if (a == "--epochs") epochs = std::stoi(next());
    else if (a == "--prune") prune = std::stod(next());
    else if (a == "--data") data_dir = next();
    else if (a == "--lang") lang = next();
    else if (a == "--cv") cv = std::stoi(next());
    else if (a == "--errors") errors = true;
    else if (a == "--id") also_id.push_back(next());
    else train.push_back(a);
  }
  if (train.empty()) throw std::runtime_error("usage: warta_train_ner [--lang en] [--out MODEL] [--dev FILE]... TRAIN...");
  if (lang != "id" && lang != "en") throw std::runtime_error("--lang must be id or en");
  const bool en = lang == "en";
  if (epochs < 0) epochs = en ? kNerEpochsEn : kNerEpochs;
  if (prune < 0) prune = en ? kNerPruneEn : kNerPrune;
  // The models being trained are not read (they may be absent or stale).
  DataReader base = data_dir.empty() ? EmbeddedDataReader() : DirectoryDataReader(data_dir);
  DataReader reader = [base](std::string_view path) -> Result<std::string> {
    if (path == "entities/ner_model.tsv" || path == "entities/ner_model_en.tsv") return std::string();
    return base(path);
  };
  auto knowledge = Knowledge::Load(reader);
  if (!knowledge.ok()) throw std::runtime_error(knowledge.status().message());
  const Knowledge& k = knowledge.value();

  // English: the sentences as analyze sees them (warta's tokens, tagged).
  auto annotator = [&](std::string_view lang) -> NerAnnotator {
    return [&k, lang](std::string_view text, std::vector<Token>* tokens) { k.syntax.Annotate(lang, text, tokens, false); };
  };
  auto prepare = [&](const std::string& path) { return ReadNerSentences(ReadFile(path), true, k.abbreviations, annotator("en")); };
  // Indonesian sentences the English model learns from too.
  std::vector<NerExample> extra;
  for (const auto& path : also_id) {
    auto e = NerExamplesFromText(ReadNerSentences(ReadFile(path), false, k.abbreviations, annotator("id")), k.entities,
                                 true, kNerCandidatesOnlyEn);
    std::cerr << path << " (id): " << e.size() << " sentences\n";
    extra.insert(extra.end(), e.begin(), e.end());
  }
  NerTrainOptions options;
  options.epochs = epochs;
  options.prune_below = static_cast<float>(prune);

  if (en && cv > 0) {
    std::vector<NerTextSentence> sentences;
    for (const auto& path : train) {
      auto s = prepare(path);
      sentences.insert(sentences.end(), s.begin(), s.end());
    }
    NerErrorSink sink;
    if (errors)
      sink = [](std::string_view kind, std::string_view type, std::string_view name, std::string_view text) {
        std::cerr << kind << " " << type << " [" << name << "] in: " << text << "\n";
      };
    PrintCounts(std::to_string(cv) + "-fold CV", CrossValidateNer(sentences, extra, k.entities, cv, options, sink));
    return 0;
  }

  auto load = [&](const std::string& path) {
    if (en) return NerExamplesFromText(prepare(path), k.entities, true, kNerCandidatesOnlyEn);
    return NerExamplesFromConll(ReadFile(path), k.entities);
  };
  std::vector<NerExample> examples;
  for (const auto& path : train) {
    auto e = load(path);
    std::cerr << path << ": " << e.size() << " sentences\n";
    examples.insert(examples.end(), e.begin(), e.end());
  }
  examples.insert(examples.end(), extra.begin(), extra.end());
  options.on_epoch = [](int epoch, double acc) { std::fprintf(stderr, "epoch %d: train token accuracy %.4f\n", epoch, acc); };
  NerModel model = TrainNerModel(examples, options);
  std::cerr << "features: " << model.size() << "\n";

  for (const auto& path : dev) {
    if (en) {
      EntityKnowledge dev_k = k.entities;
      dev_k.SetModel("en", model);
      NerCounts counts;
      ScoreNames(prepare(path), dev_k, "en", &counts);
      PrintCounts(path, counts);
      continue;
    }
    auto e = load(path);
    NerCounts counts;  // type → tp, fp, fn
    for (const auto& ex : e) {
      auto guess = LabelsToSpans(model.Decode(ex.features));
      auto gold = LabelsToSpans(ex.labels);
      for (const auto& g : guess) {
        bool hit = false;
        for (const auto& x : gold) hit |= x.begin == g.begin && x.end == g.end && x.type == g.type;
        ++counts[std::string(g.type)][hit ? 0 : 1];
        ++counts["ALL"][hit ? 0 : 1];
      }
      for (const auto& x : gold) {
        bool hit = false;
        for (const auto& g : guess) hit |= x.begin == g.begin && x.end == g.end && x.type == g.type;
        if (!hit) { ++counts[std::string(x.type)][2]; ++counts["ALL"][2]; }
      }
    }
    PrintCounts(path, counts);
  }
  if (!out_path.empty()) {
    std::ofstream out(out_path, std::ios::binary);
    out << model.ToTsv(en ? kNerModelHeaderEn : kNerModelHeader);
    if (!out) throw std::runtime_error("cannot write " + out_path);
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "warta_train_ner: " << e.what() << "\n";
  return 1;
}
