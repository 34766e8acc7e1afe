// Trains a language's syntax model (data/syntax/<lang>.model) from CoNLL-U
// treebanks. `make syntax-model` runs it on the train and dev splits in
// ../shared/data/ud-treebanks; the result is byte-for-byte the same on every run.
//
//   warta_train_syntax --lang LANG --out MODEL [--abbreviations TSV] [--dev FILE]...
//                      [--tagger-epochs N] [--parser-epochs N] [--style NAME TRAIN...]...
// Train files after `--style NAME` are in that annotation style; one model per
// style is written, the first style's to MODEL (the pipeline's), the others
// in styles/ beside it as <lang>_<style>.model (read by `make eval` only, not
// embedded in the binary). --dev files are only measured (tags,
// heads and relations on warta's tokens), with every model. `--measure MODEL` measures
// a model without training. `--lemmas OUT --morphology RULES` also writes the
// lemmatizer's lexicon learned from the same files.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tools/read_file.h"
#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/syntax_train.h"
#include "syntax/treebank.h"
#include "text/segment.h"
#include "util/strings.h"

namespace {

using warta::tools::ReadFile;

struct Treebank {
  std::vector<warta::ConlluFile> files;
  std::vector<warta::TreebankSentence> sentences;
  std::vector<const warta::ConlluSentence*> words;
  std::vector<int> styles;
  size_t dropped = 0;
};

// paths[i] is read in style styles[i].
Treebank Read(const std::vector<std::string>& paths, const std::vector<int>& styles,
              const warta::Abbreviations& abbreviations) {
  Treebank tb;
  tb.files.reserve(paths.size());
  for (const std::string& p : paths) {
    tb.files.push_back(warta::ParseConllu(ReadFile(p)));
    for (const auto& e : tb.files.back().errors) std::cerr << p << ":" << e.line << ": " << e.message << "\n";
  }
  for (size_t f = 0; f < tb.files.size(); ++f)
    for (const auto& s : tb.files[f].sentences) {
      warta::TreebankSentence t = warta::OnWartaTokens(s, abbreviations);
      if (!t.tree) {
        ++tb.dropped;
        continue;
      }
      tb.sentences.push_back(std::move(t));
      tb.words.push_back(&s);
      tb.styles.push_back(styles[f]);
    }
  return tb;
}

void Measure(const warta::SyntaxModel& model, const std::string& path,
             const warta::Abbreviations& abbreviations) {
  Treebank tb = Read({path}, {0}, abbreviations);
  size_t n = 0, upos = 0, uas = 0, las = 0;
  std::vector<std::vector<warta::Token>> annotated;
  for (const auto& s : tb.sentences) annotated.push_back(s.tokens);
  auto start = std::chrono::steady_clock::now();
  for (size_t k = 0; k < tb.sentences.size(); ++k) model.Annotate(tb.sentences[k].text, &annotated[k]);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t k = 0; k < tb.sentences.size(); ++k) {
    const auto& s = tb.sentences[k];
    const auto& tokens = annotated[k];
    for (size_t i = 0; i < tokens.size(); ++i) {
      ++n;
      upos += tokens[i].upos == s.tokens[i].upos;
      bool head = tokens[i].head == s.tokens[i].head;
      uas += head;
      las += head && tokens[i].deprel == s.tokens[i].deprel;
    }
  }
  auto pct = [&](size_t x) { return n ? 100.0 * static_cast<double>(x) / static_cast<double>(n) : 0.0; };
  std::fprintf(stderr, "%s [%s] (warta tokens: %zu): UPOS %.2f UAS %.2f LAS %.2f (%.0f tokens/s)\n", path.c_str(),
               model.style().c_str(), n, pct(upos), pct(uas), pct(las), static_cast<double>(n) / seconds);
}

struct Args {
  std::string out_path, lang, abbreviations_path = "data/text/abbreviations.tsv";
  std::vector<std::string> train, dev, styles;
  std::vector<int> train_styles;             // the style of each train file
  std::string lemmas_path, morphology_path;  // the learned lemma lexicon to write, the rules it needs
  std::string measure_only;                  // a model file: measure it on --dev, train nothing
  warta::SyntaxTrainOptions options;
};

Args ParseArgs(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--out") a.out_path = next();
    else if (arg == "--lang") a.lang = next();
    else if (arg == "--dev") a.dev.push_back(next());
    else if (arg == "--style") a.styles.push_back(next());
    else if (arg == "--lemmas") a.lemmas_path = next();
    else if (arg == "--morphology") a.morphology_path = next();
    else if (arg == "--measure") a.measure_only = next();
    else if (arg == "--abbreviations") a.abbreviations_path = next();
    else if (arg == "--tagger-epochs") a.options.tagger_epochs = std::stoi(next());
    else if (arg == "--parser-epochs") a.options.parser_epochs = std::stoi(next());
    else if (arg == "--min-count") a.options.min_count = static_cast<uint32_t>(std::stoul(next()));
    else if (arg == "--jackknife") a.options.jackknife = std::stoi(next());
    else {
      if (a.styles.empty()) a.styles.push_back("default");
      a.train.push_back(arg);
      a.train_styles.push_back(static_cast<int>(a.styles.size()) - 1);
    }
  }
  return a;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

// The first style's model is the pipeline's (--out); the others, for `make
// eval` only, in styles/ beside it as <lang>_<style>.model.
void WriteModels(const Args& a, const std::vector<warta::SyntaxModel>& models) {
  for (size_t m = 0; m < models.size(); ++m) {
    std::string path = a.out_path;
    if (m > 0) {
      size_t slash = a.out_path.rfind('/');
      std::string dir = slash == std::string::npos ? std::string(".") : a.out_path.substr(0, slash);
      std::filesystem::create_directories(dir + "/styles");
      path = dir + "/styles/" + a.lang + "_" + models[m].style() + ".model";
    }
    std::string bytes = models[m].Save();
    WriteFile(path, bytes);
    std::cerr << "wrote " << path << " (" << bytes.size() << " bytes; tagger " << models[m].tagger().model().features()
              << " features, parser " << models[m].parser().model().features() << " with "
              << models[m].parser().model().weights() << " weights)\n";
  }
}

// The lemma lexicon from every word of every training file, with its lemma
// where the treebank gives one.
void WriteLemmas(const Args& a, const Treebank& tb) {
  std::vector<warta::LemmaExample> examples;
  for (const warta::ConlluFile& f : tb.files)
    for (const warta::ConlluSentence& s : f.sentences)
      for (const warta::ConlluRow* w : s.Words())
        examples.push_back({warta::FoldCase(w->fields[1]), warta::ParseUpos(w->fields[3]).value_or(warta::Upos::kX),
                            w->fields[2] == "_" ? std::string("_") : warta::FoldCase(w->fields[2])});
  std::string rules = a.morphology_path.empty() ? std::string() : ReadFile(a.morphology_path);
  std::string lexicon = warta::TrainLemmaLexicon(a.lang, examples, rules);
  WriteFile(a.lemmas_path, lexicon);
  std::cerr << "wrote " << a.lemmas_path << " (" << lexicon.size() << " bytes, from " << examples.size() << " words)\n";
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace warta;
  Args a = ParseArgs(argc, argv);
  auto abbreviations = Abbreviations::FromTsv(ReadFile(a.abbreviations_path), a.abbreviations_path);
  if (!abbreviations.ok()) throw std::runtime_error(abbreviations.status().message());
  if (!a.measure_only.empty()) {
    auto model = SyntaxModel::Load(ReadFile(a.measure_only), a.measure_only);
    if (!model.ok()) throw std::runtime_error(model.status().message());
    for (const std::string& d : a.dev) Measure(model.value(), d, abbreviations.value());
    return 0;
  }
  if (a.train.empty() || a.lang.empty() || a.out_path.empty())
    throw std::runtime_error("usage: warta_train_syntax --lang LANG --out MODEL [--dev FILE]... TRAIN...");
  Treebank tb = Read(a.train, a.train_styles, abbreviations.value());
  std::cerr << a.lang << ": " << tb.sentences.size() << " sentences (" << tb.dropped
            << " not trees on warta's tokens)\n";
  a.options.progress = [](const std::string& m) { std::cerr << "  " << m << "\n"; };
  std::vector<TrainingSentence> sentences;
  for (size_t i = 0; i < tb.sentences.size(); ++i) sentences.push_back({&tb.sentences[i], tb.words[i], tb.styles[i]});
  std::vector<SyntaxModel> models = TrainSyntaxModels(a.lang, sentences, a.styles, a.options);
  WriteModels(a, models);
  if (!a.lemmas_path.empty()) WriteLemmas(a, tb);
  for (const std::string& d : a.dev)
    for (const SyntaxModel& m : models) Measure(m, d, abbreviations.value());
  return 0;
} catch (const std::exception& e) {
  std::cerr << "warta_train_syntax: " << e.what() << "\n";
  return 1;
}
