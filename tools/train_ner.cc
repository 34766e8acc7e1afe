// Trains the name tagger's model (data/entities/ner_model.tsv) from CoNLL
// files. `make model` runs it on the train splits in ../shared/data; the
// result is byte-for-byte the same on every run.
//
//   warta_train_ner --out MODEL [--dev FILE]... [--epochs N] [--prune W] TRAIN...
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

}  // namespace

int main(int argc, char** argv) try {
  using namespace warta;
  std::string out_path, data_dir;
  std::vector<std::string> train, dev;
  int epochs = kNerEpochs;
  double prune = kNerPrune;
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
    else train.push_back(a);
  }
  if (train.empty()) throw std::runtime_error("usage: warta_train_ner [--out MODEL] [--dev FILE]... TRAIN...");
  // The model being trained is not read (it may be absent or stale).
  DataReader base = data_dir.empty() ? EmbeddedDataReader() : DirectoryDataReader(data_dir);
  DataReader reader = [base](std::string_view path) -> Result<std::string> {
    if (path == "entities/ner_model.tsv") return std::string();
    return base(path);
  };
  auto knowledge = Knowledge::Load(reader);
  if (!knowledge.ok()) throw std::runtime_error(knowledge.status().message());
  const Knowledge& k = knowledge.value();

  auto load = [&](const std::string& path) { return NerExamplesFromConll(ReadFile(path), k.entities); };
  std::vector<NerExample> examples;
  for (const auto& path : train) {
    auto e = load(path);
    std::cerr << path << ": " << e.size() << " sentences\n";
    examples.insert(examples.end(), e.begin(), e.end());
  }
  NerTrainOptions options;
  options.epochs = epochs;
  options.prune_below = static_cast<float>(prune);
  options.on_epoch = [](int epoch, double acc) { std::fprintf(stderr, "epoch %d: train token accuracy %.4f\n", epoch, acc); };
  NerModel model = TrainNerModel(examples, options);
  std::cerr << "features: " << model.size() << "\n";

  for (const auto& path : dev) {
    auto e = load(path);
    std::map<std::string, std::array<size_t, 3>> counts;  // type → tp, fp, fn
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
    for (const auto& [type, c] : counts) {
      double p = c[0] ? double(c[0]) / (c[0] + c[1]) : 0, r = c[0] ? double(c[0]) / (c[0] + c[2]) : 0;
      std::fprintf(stderr, "%s %s: P %.3f R %.3f F1 %.3f\n", path.c_str(), type.c_str(), p, r,
                   p + r ? 2 * p * r / (p + r) : 0);
    }
  }
  if (!out_path.empty()) {
    std::ofstream out(out_path, std::ios::binary);
    out << model.ToTsv(kNerModelHeader);
    if (!out) throw std::runtime_error("cannot write " + out_path);
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "warta_train_ner: " << e.what() << "\n";
  return 1;
}
