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

#include "syntax/conllu.h"
#include "syntax/lemmatizer.h"
#include "syntax/syntax_train.h"
#include "syntax/treebank.h"
#include "text/segment.h"
#include "util/strings.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

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

}  // namespace

int main(int argc, char** argv) try {
  using namespace warta;
  std::string out_path, lang, abbreviations_path = "data/text/abbreviations.tsv";
  std::vector<std::string> train, dev, styles;
  std::vector<int> train_styles;
  std::string lemmas_path, morphology_path;  // the learned lemma lexicon to write, the rules it needs
  std::string measure_only;  // a model file: measure it on --dev, train nothing
  SyntaxTrainOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--out") out_path = next();
    else if (a == "--lang") lang = next();
    else if (a == "--dev") dev.push_back(next());
    else if (a == "--style") styles.push_back(next());
    else if (a == "--lemmas") lemmas_path = next();
    else if (a == "--morphology") morphology_path = next();
    else if (a == "--measure") measure_only = next();
    else if (a == "--abbreviations") abbreviations_path = next();
    else if (a == "--tagger-epochs") options.tagger_epochs = std::stoi(next());
    else if (a == "--parser-epochs") options.parser_epochs = std::stoi(next());
    else if (a == "--min-count") options.min_count = static_cast<uint32_t>(std::stoul(next()));
    else if (a == "--jackknife") options.jackknife = std::stoi(next());
    else {
      if (styles.empty()) styles.push_back("default");
      train.push_back(a);
      train_styles.push_back(static_cast<int>(styles.size()) - 1);
    }
  }
  if (!measure_only.empty()) {
    auto abbreviations = Abbreviations::FromTsv(ReadFile(abbreviations_path), abbreviations_path);
    if (!abbreviations.ok()) throw std::runtime_error(abbreviations.status().message());
    auto model = SyntaxModel::Load(ReadFile(measure_only), measure_only);
    if (!model.ok()) throw std::runtime_error(model.status().message());
    for (const std::string& d : dev) Measure(model.value(), d, abbreviations.value());
    return 0;
  }
  if (train.empty() || lang.empty() || out_path.empty())
    throw std::runtime_error("usage: warta_train_syntax --lang LANG --out MODEL [--dev FILE]... TRAIN...");
  auto abbreviations = Abbreviations::FromTsv(ReadFile(abbreviations_path), abbreviations_path);
  if (!abbreviations.ok()) throw std::runtime_error(abbreviations.status().message());
  Treebank tb = Read(train, train_styles, abbreviations.value());
  std::cerr << lang << ": " << tb.sentences.size() << " sentences (" << tb.dropped << " not trees on warta's tokens)\n";
  options.progress = [](const std::string& m) { std::cerr << "  " << m << "\n"; };
  std::vector<TrainingSentence> sentences;
  for (size_t i = 0; i < tb.sentences.size(); ++i) sentences.push_back({&tb.sentences[i], tb.words[i], tb.styles[i]});
  std::vector<SyntaxModel> models = TrainSyntaxModels(lang, sentences, styles, options);
  for (size_t m = 0; m < models.size(); ++m) {
    // The first style's model is the pipeline's (--out); the others, for
    // `make eval` only, in styles/ beside it as <lang>_<style>.model.
    std::string path = out_path;
    if (m > 0) {
      size_t slash = out_path.rfind('/');
      std::string dir = slash == std::string::npos ? std::string(".") : out_path.substr(0, slash);
      std::filesystem::create_directories(dir + "/styles");
      path = dir + "/styles/" + lang + "_" + models[m].style() + ".model";
    }
    std::string bytes = models[m].Save();
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
    std::cerr << "wrote " << path << " (" << bytes.size() << " bytes; tagger " << models[m].tagger().model().features()
              << " features, parser " << models[m].parser().model().features() << " with "
              << models[m].parser().model().weights() << " weights)\n";
  }
  if (!lemmas_path.empty()) {
    // Every word of every training file, with its lemma where the treebank gives one.
    std::vector<LemmaExample> examples;
    for (const ConlluFile& f : tb.files)
      for (const ConlluSentence& s : f.sentences)
        for (const ConlluRow* w : s.Words())
          examples.push_back({FoldCase(w->fields[1]), ParseUpos(w->fields[3]).value_or(Upos::kX),
                              w->fields[2] == "_" ? std::string("_") : FoldCase(w->fields[2])});
    std::string rules = morphology_path.empty() ? std::string() : ReadFile(morphology_path);
    std::string lexicon = TrainLemmaLexicon(lang, examples, rules);
    std::ofstream lex(lemmas_path, std::ios::binary);
    lex << lexicon;
    if (!lex) throw std::runtime_error("cannot write " + lemmas_path);
    std::cerr << "wrote " << lemmas_path << " (" << lexicon.size() << " bytes, from " << examples.size() << " words)\n";
  }
  for (const std::string& d : dev)
    for (const SyntaxModel& m : models) Measure(m, d, abbreviations.value());
  return 0;
} catch (const std::exception& e) {
  std::cerr << "warta_train_syntax: " << e.what() << "\n";
  return 1;
}
