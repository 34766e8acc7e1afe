// lemma_check: a developer's check of the lemmatizer on the UD treebanks'
// dev data (never on a test.conllu). Built as build/warta_lemma_check:
//
//   build/warta_lemma_check id ../shared/data/ud-treebanks [errors]
//   build/warta_lemma_check en ../shared/data/ud-treebanks [errors]
//   build/warta_lemma_check write id ../shared/data/ud-treebanks OUT.tsv
//   build/warta_lemma_check probe id OUT.tsv menandatangani/VERB pukulan/NOUN
//
// id: trains on id_csui/train's first 80% of sentences, id_gsd-2025/dev and
// id_gsd-2.1/train (forms only: no lemmas), measures on the last 20% of
// id_csui/train; then trains on all of id_csui/train (+ gsd-2.1 forms) and
// measures on id_gsd-2025/dev. en: trains on en_ewt/train, measures on
// en_ewt/dev. Gold tags and words (multiword tokens' words), lemmas compared
// folded. Also the lexicon's size and Analyze's speed.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tools/read_file.h"
#include "syntax/lemmatizer.h"
#include "util/strings.h"

using namespace warta;

namespace {

using Sentence = std::vector<LemmaExample>;

using warta::tools::ReadFile;

std::vector<Sentence> ReadConllu(const std::string& path, bool lemmas) {
  std::vector<Sentence> out;
  Sentence cur;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (line[0] == '#') continue;
    auto cols = Split(line, '\t');
    if (cols.size() != 10) continue;
    if (cols[0].find('-') != std::string_view::npos || cols[0].find('.') != std::string_view::npos) continue;
    LemmaExample e;
    e.folded = FoldCase(cols[1]);
    e.upos = ParseUpos(cols[3]).value_or(Upos::kX);
    e.lemma = lemmas ? FoldCase(cols[2]) : "_";
    cur.push_back(std::move(e));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

void Append(std::vector<LemmaExample>* to, const std::vector<Sentence>& s, size_t from, size_t to_end) {
  for (size_t i = from; i < to_end && i < s.size(); ++i) to->insert(to->end(), s[i].begin(), s[i].end());
}

void Measure(const std::string& title, const std::string& lang, const std::vector<LemmaExample>& train,
             const std::vector<LemmaExample>& eval, const std::string& rules, bool errors) {
  std::string lex = TrainLemmaLexicon(lang, train, rules);
  size_t roots = 0, lemmas = 0;
  for (std::string_view l : Split(lex, '\n')) {
    roots += StartsWith(l, "root\t");
    lemmas += StartsWith(l, "lemma\t");
  }
  auto lz = Lemmatizer::Load(lang, lex, rules, "data/syntax/" + lang + "_lemmas.tsv");
  if (!lz.ok()) {
    std::fprintf(stderr, "%s\n", lz.status().message().c_str());
    std::exit(1);
  }
  const Lemmatizer& L = lz.value();
  std::map<std::string, std::pair<int, int>> by_tag;
  std::map<std::string, int> errs;
  int ok = 0, n = 0, ok_seen = 0, n_seen = 0;
  std::map<std::string, int> train_forms;
  for (const auto& e : train) train_forms[e.folded]++;
  for (const auto& e : eval) {
    if (e.lemma == "_" || e.lemma.empty()) continue;
    std::string got = L.Analyze(e.folded, e.upos).lemma;
    bool good = got == e.lemma;
    ok += good;
    ++n;
    bool seen = train_forms.count(e.folded) > 0;
    ok_seen += good && seen;
    n_seen += seen;
    auto& t = by_tag[std::string(UposName(e.upos))];
    t.first += good;
    t.second++;
    if (!good) errs[std::string(UposName(e.upos)) + " " + e.folded + " gold=" + e.lemma + " got=" + got]++;
  }
  std::printf("== %s\n", title.c_str());
  std::printf("lexicon: %zu bytes, %zu roots, %zu lemma rows\n", lex.size(), roots, lemmas);
  std::printf("lemma accuracy: %.4f (%d/%d); forms seen in training %.4f (%d), unseen %.4f (%d)\n",
              double(ok) / n, ok, n, double(ok_seen) / n_seen, n_seen, double(ok - ok_seen) / (n - n_seen),
              n - n_seen);
  for (const auto& [tag, c] : by_tag)
    std::printf("  %-6s %.4f of %d\n", tag.c_str(), double(c.first) / c.second, c.second);
  if (errors) {
    std::vector<std::pair<int, std::string>> v;
    for (const auto& [k, c] : errs) v.emplace_back(-c, k);
    std::sort(v.begin(), v.end());
    for (size_t i = 0; i < v.size() && i < 150; ++i) std::printf("   %3d %s\n", -v[i].first, v[i].second.c_str());
  }
  // Speed: every eval token, many times.
  size_t tokens = 0, bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < 20; ++r)
    for (const auto& e : eval) {
      bytes += L.Analyze(e.folded, e.upos).lemma.size();
      ++tokens;
    }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("speed: %.2f M tokens/s (%zu tokens, %zu bytes)\n", tokens / s / 1e6, tokens, bytes);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: lemma_check id|en UD_DIR [errors] | write id|en UD_DIR OUT\n");
    return 2;
  }
  std::string mode = argv[1];
  bool write = mode == "write";
  if (mode == "probe") {  // probe LANG LEXICON WORD/TAG...: the lemma and voice of each word
    std::string lang = argv[2];
    auto lz = Lemmatizer::Load(lang, ReadFile(argv[3]), ReadFile("data/syntax/" + lang + "_morphology.tsv"),
                               std::string(argv[3]));
    if (!lz.ok()) {
      std::fprintf(stderr, "%s\n", lz.status().message().c_str());
      return 1;
    }
    for (int i = 4; i < argc; ++i) {
      std::string_view a = argv[i];
      size_t slash = a.find('/');
      Upos tag = slash == std::string_view::npos ? Upos::kX : ParseUpos(a.substr(slash + 1)).value_or(Upos::kX);
      LemmaAnalysis r = lz.value().Analyze(a.substr(0, slash), tag);
      static const char* kVoice[] = {"-", "active", "passive", "nominal"};
      std::printf("%s\t%s\t%s\n", argv[i], r.lemma.c_str(), kVoice[static_cast<int>(r.voice)]);
    }
    return 0;
  }
  std::string lang = write ? argv[2] : mode;
  std::string ud = write ? argv[3] : argv[2];
  bool errors = !write && argc > 3;
  std::string rules = ReadFile("data/syntax/" + lang + "_morphology.tsv");
  if (lang == "id") {
    auto csui = ReadConllu(ud + "/id_csui/train.conllu", true);
    auto gsd25 = ReadConllu(ud + "/id_gsd-2025/dev.conllu", true);
    auto gsd21 = ReadConllu(ud + "/id_gsd-2.1/train.conllu", false);
    size_t cut = csui.size() * 8 / 10;
    if (write) {
      std::vector<LemmaExample> all;
      Append(&all, csui, 0, csui.size());
      Append(&all, gsd25, 0, gsd25.size());
      Append(&all, gsd21, 0, gsd21.size());
      std::ofstream(argv[4]) << TrainLemmaLexicon(lang, all, rules);
      return 0;
    }
    std::vector<LemmaExample> train, held;
    Append(&train, csui, 0, cut);
    Append(&train, gsd25, 0, gsd25.size());
    Append(&train, gsd21, 0, gsd21.size());
    Append(&held, csui, cut, csui.size());
    Measure("id: csui train[:80%] + gsd-2025 dev + gsd-2.1 train forms → csui train[80%:]", lang, train, held,
            rules, errors);
    std::vector<LemmaExample> train2, dev;
    Append(&train2, csui, 0, csui.size());
    Append(&train2, gsd21, 0, gsd21.size());
    Append(&dev, gsd25, 0, gsd25.size());
    Measure("id: csui train + gsd-2.1 train forms → gsd-2025 dev", lang, train2, dev, rules, errors);
    std::vector<LemmaExample> none;
    Measure("id: rules file only (no lexicon) → csui train[80%:]", lang, none, held, rules, errors);
  } else {
    auto tr = ReadConllu(ud + "/en_ewt/train.conllu", true);
    auto dv = ReadConllu(ud + "/en_ewt/dev.conllu", true);
    std::vector<LemmaExample> train, dev;
    Append(&train, tr, 0, tr.size());
    Append(&dev, dv, 0, dv.size());
    if (write) {
      std::ofstream(argv[4]) << TrainLemmaLexicon(lang, train, rules);
      return 0;
    }
    Measure("en: ewt train → ewt dev", lang, train, dev, rules, errors);
  }
  return 0;
}
