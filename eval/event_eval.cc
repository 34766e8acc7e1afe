#include "eval/event_eval.h"

#include <fmt/format.h>
#include <simdjson.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "analyze/analyzer.h"
#include "eval/eval_util.h"
#include "eval/event_articles.h"
#include "eval/event_gsr.h"
#include "input/byte_source.h"
#include "input/record_reader.h"
#include "util/strings.h"

namespace warta {
namespace {

using eval::ReadFile;

// The country (or IGO) an actor code stands for, as the labels write it.
std::string CountryOf(const std::string& actor) {
  if (actor.rfind("IGO", 0) == 0) {
    for (const char* igo : {"UNO", "ASN", "NAT", "EUR"})
      if (actor.find(igo) != std::string::npos) return igo;
    return actor;
  }
  return actor.substr(0, 3);
}

using Triple = std::tuple<std::string, std::string, std::string>;  // source, target, root

struct Tally {
  size_t gold = 0, found = 0, reported = 0, right = 0;
  size_t no_event_sentences = 0, events_on_no_event = 0;
  size_t negation_checked = 0, negation_right = 0;
};

std::string Ratio(size_t a, size_t b) { return b ? fmt::format("{:.3f}", double(a) / double(b)) : "-"; }

std::vector<Triple> Predicted(const Knowledge& k, const std::string& sentence, std::map<Triple, bool>* negated) {
  Record r;
  r.source = "eval";
  r.text = sentence;
  Document doc = Analyze(std::move(r), k, AnalyzeOptions{});
  std::vector<Triple> out;
  for (const Event& e : doc.events) {
    Triple t{CountryOf(e.source_actor), CountryOf(e.target_actor), e.code->code.substr(0, 2)};
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    if (negated) (*negated)[t] = e.negated;
  }
  return out;
}

// A labelled set: `title` heads its table. Errors go to stderr when asked,
// for the dev set only: the test set is never looked into.
void LabelledSet(const Knowledge& k, const std::string& path, const std::string& title, bool errors) {
  if (!std::filesystem::exists(path)) {
    fmt::print("{}: skipped, {} not found\n\n", title, path);
    return;
  }
  struct Gold {
    std::string lang, sentence;
    std::vector<std::pair<Triple, bool>> events;  // (triple, negated)
  };
  std::map<std::string, Gold> sentences;
  const std::string text = ReadFile(path);
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    auto c = Split(line, '\t');
    if (c.size() < 8 || c[0] == "ID") continue;
    Gold& g = sentences[std::string(c[0])];
    g.lang = std::string(c[1]);
    g.sentence = std::string(c[2]);
    if (c[3] != "-" && c[5] != "-")
      g.events.push_back({Triple{std::string(c[3]), std::string(c[4]), std::string(c[5])}, c[7] == "yes"});
  }
  std::map<std::string, Tally> by_lang;
  for (const auto& [id, g] : sentences) {
    Tally& t = by_lang[g.lang];
    std::map<Triple, bool> negated;
    std::vector<Triple> got = Predicted(k, g.sentence, &negated);
    if (g.events.empty()) {
      ++t.no_event_sentences;
      t.events_on_no_event += got.size();
      if (errors && !got.empty())
        fmt::print(stderr, "events {} no-event sentence got {} {} {}: {}\n", id, std::get<0>(got[0]), std::get<1>(got[0]),
                   std::get<2>(got[0]), g.sentence);
      continue;
    }
    std::set<Triple> gold;
    for (const auto& [triple, neg] : g.events) gold.insert(triple);
    t.gold += gold.size();
    for (const Triple& want : gold) {
      bool hit = std::find(got.begin(), got.end(), want) != got.end();
      t.found += hit;
      if (!hit && errors)
        fmt::print(stderr, "events {} missed {} {} {}: {}\n", id, std::get<0>(want), std::get<1>(want), std::get<2>(want),
                   g.sentence);
    }
    for (const Triple& have : got) {
      ++t.reported;
      bool hit = gold.count(have) > 0;
      t.right += hit;
      if (!hit && errors)
        fmt::print(stderr, "events {} extra {} {} {}: {}\n", id, std::get<0>(have), std::get<1>(have), std::get<2>(have),
                   g.sentence);
    }
    for (const auto& [triple, neg] : g.events) {
      auto it = negated.find(triple);
      if (it == negated.end()) continue;
      ++t.negation_checked;
      t.negation_right += it->second == neg;
    }
  }
  fmt::print("{}: (source, target, root) triples.\n\n", title);
  fmt::print("| language | gold events | recall | precision | negation right (matched) | no-event sentences | events on them |\n|---|---|---|---|---|---|---|\n");
  for (const auto& [lang, t] : by_lang)
    fmt::print("| {} | {} | {} ({}/{}) | {} ({}/{}) | {}/{} | {} | {} |\n", lang, t.gold, Ratio(t.found, t.gold), t.found,
               t.gold, Ratio(t.right, t.reported), t.right, t.reported, t.negation_right, t.negation_checked,
               t.no_event_sentences, t.events_on_no_event);
  fmt::print("\n");
}

std::string Key(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void CameoExamples(const Knowledge& k, const std::string& data_dir) {
  std::string csv = data_dir + "cameo-codes/cameo-codes.csv", gsr = data_dir + "plover/PLOVER_GSR_CAMEO.txt";
  if (!std::filesystem::exists(csv) || !std::filesystem::exists(gsr)) {
    fmt::print("CAMEO examples: skipped, {} or {} not found\n\n", csv, gsr);
    return;
  }
  // The PLOVER gold records code the same example sentences with their actors' countries.
  std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> actors;  // sentence key → (sources, targets)
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  std::string gsr_text = ReadFile(gsr);
  if (!parser.parse(gsr_text).get(root)) {
    simdjson::dom::array records;
    if (!root.get(records))
      for (auto r : records) {
        std::string_view text;
        if (r["text"].get(text)) continue;
        auto& slot = actors[Key(text)];
        for (const char* side : {"source", "target"}) {
          simdjson::dom::array list;
          if (r[side].get(list)) continue;
          for (auto a : list) {
            std::string_view code;
            if (!a["code"].get(code)) (side[0] == 's' ? slot.first : slot.second).insert(std::string(code));
          }
        }
      }
  }
  // The file is cp1252: ICU converts it, then the project's own CSV reader
  // reads it (the example sentence as the text, the code as the id).
  std::string bytes = ReadFile(csv), utf8;
  icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252").toUTF8String(utf8);
  ReaderOptions options;
  options.fields.id = "code";
  options.fields.text = "example";
  auto inputs = NewCsvReader(MemorySource(utf8), csv, options);
  std::vector<Diagnostic> diags;
  Record r;
  size_t examples = 0, with_actors = 0, root_found = 0, triple_gold = 0, triple_found = 0, reported = 0, right = 0;
  DiagnosticSink report = [&diags](Diagnostic d) { diags.push_back(std::move(d)); };
  while (inputs->Next(&r, report)) {
    const std::string code = r.id.value_or("");
    const std::string example(Trim(r.text));
    if (example.empty() || example == "NA" || code.size() < 2) continue;
    ++examples;
    std::string want_root = code.substr(0, 2);
    std::vector<Triple> got = Predicted(k, example, nullptr);
    bool any_root = false;
    for (const Triple& t : got) any_root |= std::get<2>(t) == want_root;
    root_found += any_root;
    auto it = actors.find(Key(example));
    if (it == actors.end() || it->second.first.empty() || it->second.second.empty()) continue;
    ++with_actors;
    std::set<Triple> gold;
    for (const auto& s : it->second.first)
      for (const auto& t : it->second.second) gold.insert(Triple{s.substr(0, 3), t.substr(0, 3), want_root});
    ++triple_gold;
    bool hit = false;
    for (const Triple& t : got) hit |= gold.count(t) > 0;
    triple_found += hit;
    for (const Triple& t : got) {
      ++reported;
      right += gold.count(t) > 0;
    }
  }
  fmt::print("CAMEO codebook example sentences (English, `cameo-codes.csv`): {} examples; the root is among the events "
             "coded for {} ({}). {} of them have their actors in the PLOVER gold records: an event with the right "
             "(source, target, root) for {} ({}); {} of {} events coded on those sentences are right ({}).\n\n",
             examples, root_found, Ratio(root_found, examples), with_actors, triple_found, Ratio(triple_found, triple_gold),
             right, reported, Ratio(right, reported));
}

}  // namespace

void Events(const Knowledge& k, const std::string& data_dir, const std::string& source_dir) {
  bool errors = std::getenv("WARTA_EVAL_ERRORS") != nullptr;
  fmt::print("## Events\n\n");
  LabelledSet(k, source_dir + "/eval/labels/events_dev.tsv", "Own labelled dev sentences (`eval/labels/events_dev.tsv`)",
              errors);
  LabelledSet(k, source_dir + "/eval/labels/events_test.tsv",
              "Own labelled held-out sentences (`eval/labels/events_test.tsv`, never used to tune the coder)", false);
  CameoExamples(k, data_dir);
  EventArticles(k, data_dir, source_dir, errors);
  EventGsr(k, data_dir, errors);
}

}  // namespace warta
