// `make eval`: quality figures of the analyze stage on ../shared/data, printed
// as Markdown for docs/quality.md. Skips each measurement whose data is absent.
//   1. Language ID, Indonesian vs Malay, on the DSL shared-task sets (eval):
//      CLD2 alone versus warta (CLD2 + the id/ms word stage).
//   2. Boilerplate removal on detik dev rows labelled by hand
//      (eval/labels/detik_boilerplate.tsv).
//   3. Robustness: every article set goes through analyze; records in = out.
//   4. Named entities on the Indonesian NER sets and UNER English-EWT (eval/ner_eval.cc).
//   4b. Actor codes on our labelled sample of real articles (eval/actor_eval.cc).
//   5. Quotes on hand-labelled detik dev rows and PolNeAR (eval/quote_eval.cc).
//   6. Events on our labelled dev sentences, the CAMEO examples, our gold of whole
//      articles and the PLOVER and PETR2 gold standards (eval/event_eval.cc).
//   7. Story clustering, BCubed, on three sets with story labels (eval/story_eval.cc).
//   8. Syntax: UPOS, lemma, UAS, LAS on the UD test sets (eval/syntax_eval.cc).
#include <fmt/format.h>

#include <set>
#include <string>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "analyze/analyzer.h"
#include "eval/ner_eval.h"
#include "eval/actor_eval.h"
#include "eval/eval_util.h"
#include "eval/event_eval.h"
#include "eval/quote_eval.h"
#include "eval/story_eval.h"
#include "eval/syntax_eval.h"
#include "eval/dedup_eval.h"
#include "input/input_set.h"
#include "util/strings.h"

namespace warta {
namespace {

const std::string kSource = WARTA_SOURCE_DIR;
const std::string kData = kSource + "/../shared/data/";

using eval::DetikFields;
using eval::ReadFile;

void LanguageId(const Knowledge& k) {
  std::string dir = kData + "langid-dslcc-id-ms-en/";
  if (!std::filesystem::exists(dir)) {
    fmt::print("## Language ID\n\nskipped: {} not found\n\n", dir);
    return;
  }
  // CLD2 alone: the same identifier with a word list that never matches.
  auto cld2_only = LanguageIdentifier::FromTsv("zzqqzzqq\t0\n", "none").value();
  fmt::print("## Language ID: Indonesian vs Malay (DSL shared task, eval)\n\n");
  fmt::print("| set | sentences | CLD2 alone | warta | warta id recall | warta ms recall |\n|---|---|---|---|---|---|\n");
  for (const char* file : {"dslcc2014_test_id_my.tsv", "dslcc2015_test_A_id_my_xx.tsv",
                           "dslcc2015_test_B_NEblinded_id_my_xx.tsv"}) {
    std::string tsv = ReadFile(dir + file);
    size_t n = 0, base = 0, ours = 0, id_n = 0, id_ok = 0, ms_n = 0, ms_ok = 0;
    for (std::string_view line : Split(tsv, '\n')) {
      size_t tab = line.rfind('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view text = line.substr(0, tab), label = Trim(line.substr(tab + 1));
      if (label != "id" && label != "my") continue;
      std::string gold = label == "id" ? "id" : "ms";
      ++n;
      auto b = cld2_only.Identify(text), w = k.langid.Identify(text);
      base += b.code == gold;
      ours += w.code == gold;
      (gold == "id" ? id_n : ms_n)++;
      (gold == "id" ? id_ok : ms_ok) += w.code == gold;
    }
    fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", file, n, double(base) / n, double(ours) / n,
               double(id_ok) / id_n, double(ms_ok) / ms_n);
  }
  std::string en = ReadFile(dir + "dslcc2014_test_en-GB_en-US.tsv");
  size_t n = 0, ok = 0;
  for (std::string_view line : Split(en, '\n')) {
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) continue;
    ++n;
    ok += k.langid.Identify(line.substr(0, tab)).code == "en";
  }
  fmt::print("\nEnglish (en-GB + en-US sentences) identified as `en`: {}/{} = {:.3f}\n\n", ok, n, double(ok) / n);
}

void Boilerplate(const Knowledge& k) {
  std::string labels_path = kSource + "/eval/labels/detik_boilerplate.tsv";
  std::string csv = kData + "detik-1k-entity-summ/data_berita.csv";
  if (!std::filesystem::exists(csv)) {
    fmt::print("## Boilerplate\n\nskipped: {} not found\n\n", csv);
    return;
  }
  std::map<std::string, std::map<size_t, bool>> labels;  // id → line → is boilerplate
  const std::string label_text = ReadFile(labels_path);  // Split returns views into it
  for (std::string_view line : Split(label_text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = Split(line, '\t');
    if (cols.size() < 3) continue;
    labels[std::string(cols[0])][std::stoul(std::string(cols[1]))] = cols[2] == "boilerplate";
  }
  ReaderOptions options;
  options.fields = DetikFields();
  InputSet inputs({csv}, Format::kCsv, options);
  std::vector<Diagnostic> diags;
  Record r;
  size_t tp = 0, fp = 0, fn = 0, tn = 0, rows = 0;
  std::vector<std::string> misses;
  while (inputs.Next(&r, &diags)) {
    if (!r.id || !labels.count(*r.id)) continue;
    const auto& want = labels[*r.id];
    std::string id = *r.id;
    ++rows;
    Document doc = Analyze(r, k, AnalyzeOptions{});
    size_t line_no = 0, start = 0;
    for (std::string_view line : Split(doc.original, '\n')) {
      ++line_no;
      size_t end = start + line.size();
      auto it = want.find(line_no);
      if (it != want.end()) {
        bool removed = false;
        std::string rule;
        for (const Removal& x : doc.clean.removed)
          if (x.span.start < end && x.span.end > start &&
              (x.kind == "boilerplate" || x.kind == "byline" || x.kind == "editor")) {
            removed = true;
            rule = x.reason;
          }
        if (it->second && removed) ++tp;
        else if (it->second) { ++fn; misses.push_back(fmt::format("missed {}:{}", id, line_no)); }
        else if (removed) { ++fp; misses.push_back(fmt::format("wrongly removed {}:{} ({})", id, line_no, rule)); }
        else ++tn;
      }
      start = end + 1;
    }
  }
  fmt::print("## Boilerplate removal (detik dev rows, hand-labelled lines)\n\n");
  fmt::print("rows {}, labelled lines {}, boilerplate lines {}\n\n", rows, tp + fp + fn + tn, tp + fn);
  fmt::print("| precision | recall | F1 |\n|---|---|---|\n");
  double p = double(tp) / std::max<size_t>(1, tp + fp), rc = double(tp) / std::max<size_t>(1, tp + fn);
  fmt::print("| {:.3f} | {:.3f} | {:.3f} |\n\n", p, rc, p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0);
  for (const auto& m : misses) fmt::print("- {}\n", m);
  fmt::print("\n");
}

void Robustness(const Knowledge& k) {
  struct Set { std::string name, path; Format format; FieldMap fields; };
  std::vector<Set> sets = {
      {"detik-1k (CSV)", kData + "detik-1k-entity-summ/data_berita.csv", Format::kCsv, DetikFields()},
      {"idnews-topic-clusters-5", kData + "idnews-topic-clusters-5/articles.jsonl", Format::kJsonl, {}},
      {"idnews-hoax-topics", kData + "idnews-hoax-topics-rahutomo/news600_topics.jsonl", Format::kJsonl, {}},
      {"polnear train", kData + "en-quote-polnear/polnear_train.jsonl", Format::kJsonl, {}},
      {"polnear dev", kData + "en-quote-polnear/polnear_dev.jsonl", Format::kJsonl, {}},
      {"polnear test", kData + "en-quote-polnear/polnear_test.jsonl", Format::kJsonl, {}},
  };
  fmt::print("## Every article set through analyze\n\n| set | records | documents out | rejected | languages |\n|---|---|---|---|---|\n");
  for (const Set& s : sets) {
    if (!std::filesystem::exists(s.path)) {
      fmt::print("| {} | skipped: not found | | | |\n", s.name);
      continue;
    }
    ReaderOptions options;
    options.fields = s.fields;
    InputSet inputs({s.path}, s.format, options);
    std::vector<Diagnostic> diags;
    Record r;
    size_t docs = 0;
    std::map<std::string, size_t> langs;
    while (inputs.Next(&r, &diags)) {
      Document doc = Analyze(r, k, AnalyzeOptions{});
      ++docs;
      ++langs[doc.lang.code.value_or("null")];
    }
    std::string lang_list;
    for (const auto& [code, count] : langs) lang_list += fmt::format("{} {} ", code, count);
    fmt::print("| {} | {} | {} | {} | {}|\n", s.name, docs + diags.size(), docs, diags.size(), lang_list);
  }
  fmt::print("\n");
}

}  // namespace
}  // namespace warta

// `warta_eval [SECTION...]` runs the named sections (langid, boilerplate,
// robustness, entities, actors, quotes, events, stories, duplicates, syntax); no argument runs them all.
int main(int argc, char** argv) {
  std::set<std::string> only(argv + 1, argv + argc);
  auto want = [&](const char* section) { return only.empty() || only.count(section) > 0; };
  auto k = warta::Knowledge::Load(warta::DirectoryDataReader(warta::kSource + "/data"));
  if (!k.ok()) {
    fmt::print(stderr, "eval: {}\n", k.status().message());
    return 2;
  }
  if (want("langid")) warta::LanguageId(k.value());
  if (want("boilerplate")) warta::Boilerplate(k.value());
  if (want("robustness")) warta::Robustness(k.value());
  if (want("entities")) warta::NamedEntities(k.value(), warta::kData);
  if (want("actors")) warta::ActorCodes(k.value(), warta::kData, warta::kSource);
  if (want("quotes")) warta::Quotes(k.value(), warta::kData, warta::kSource);
  if (want("events")) warta::Events(k.value(), warta::kData, warta::kSource);
  if (want("stories")) warta::Stories(k.value(), warta::kData, warta::kSource);
  if (want("duplicates")) warta::Duplicates(k.value(), warta::kData, warta::kSource);
  if (want("syntax")) warta::SyntaxQuality(k.value(), warta::kData, warta::kSource);
  return 0;
}
