#include "eval/event_articles.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "analyze/analyzer.h"
#include "eval/article_sets.h"
#include "eval/eval_util.h"
#include "eval/event_scoring.h"
#include "util/strings.h"

namespace warta {
namespace {

using eval::GoldEvent;
using eval::ReportedEvent;

// A gold file: article id → its events (an article may have none).
using GoldArticles = std::map<std::string, std::vector<GoldEvent>>;

using eval::JsonFlag;
using eval::JsonText;

// "4", "04", "042" → "04".
std::string RootOf(std::string code) {
  if (code.size() == 1) code = "0" + code;
  return code.substr(0, 2);
}

// sentence_starts: one string, or a list of them.
std::string Starts(simdjson::simdjson_result<simdjson::dom::element> v) {
  simdjson::dom::array list;
  if (v.get(list)) return JsonText(v);
  std::string out;
  for (auto s : list) out += (out.empty() ? "" : " | ") + JsonText(s);
  return out;
}

GoldEvent ReadGoldEvent(simdjson::dom::element e) {
  GoldEvent g;
  g.source = eval::NormaliseCountry(JsonText(e["source"]));
  g.target = eval::NormaliseCountry(JsonText(e["target"]));
  g.source_actor = JsonText(e["source_actor"]);
  g.target_actor = JsonText(e["target_actor"]);
  g.root = RootOf(JsonText(e["root"]));
  if (g.root.empty()) g.root = RootOf(JsonText(e["cameo"]));
  simdjson::dom::array alts;
  if (!e["alt_roots"].get(alts))
    for (auto a : alts) g.alt_roots.push_back(RootOf(JsonText(a)));
  g.negated = JsonFlag(e["negated"]);
  g.optional = JsonFlag(e["optional"]);
  g.symmetric = JsonFlag(e["symmetric"]);
  g.sentence_starts = Starts(e["sentence_starts"]);
  return g;
}

// One JSON line per article; lines that are not such are counted in *bad.
GoldArticles ReadGold(const std::string& path, size_t* bad) {
  GoldArticles out;
  simdjson::dom::parser parser;
  const std::string text = eval::ReadFile(path);
  for (std::string_view line : Split(text, '\n')) {
    simdjson::dom::element d;
    if (Trim(line).empty()) continue;
    std::string id;
    if (parser.parse(line.data(), line.size()).get(d) || (id = JsonText(d["id"])).empty()) {
      ++*bad;
      continue;
    }
    auto& events = out[id];
    simdjson::dom::array list;
    if (!d["events"].get(list))
      for (auto e : list) events.push_back(ReadGoldEvent(e));
  }
  return out;
}

// The first `n` characters of the text at `span`, on one line.
std::string Opening(const std::string& text, Span span, size_t n) {
  std::string out;
  for (size_t i = span.start; i < std::min(span.end, text.size()); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && n-- == 0) break;
    out += c == '\n' ? ' ' : text[i];
  }
  return out;
}

std::vector<ReportedEvent> ReportedOf(const Document& doc) {
  std::vector<ReportedEvent> out;
  for (const Event& e : doc.events)
    out.push_back({e.source_actor, e.target_actor, e.code->code.substr(0, 2), e.negated,
                   Opening(doc.original, e.sentence, 40)});
  return out;
}

std::string Describe(const GoldEvent& g) {
  std::string roots = g.root;
  for (const std::string& r : g.alt_roots) roots += "/" + r;
  return fmt::format("{} -> {} {}{}{}", g.source_actor.empty() ? g.source : g.source_actor,
                     g.target_actor.empty() ? g.target : g.target_actor, roots, g.negated ? " negated" : "",
                     g.symmetric ? " symmetric" : "");
}

void PrintErrors(const std::string& id, const std::vector<GoldEvent>& gold, const eval::ArticleScore& s) {
  for (size_t i : s.missed)
    fmt::print(stderr, "events article {} missed {}: {}\n", id, Describe(gold[i]), gold[i].sentence_starts);
  for (const ReportedEvent& r : s.wrong)
    fmt::print(stderr, "events article {} extra {} -> {} {}{}: {}\n", id, r.source_actor, r.target_actor, r.root,
               r.negated ? " negated" : "", r.evidence);
}

struct Part {
  std::string name, gold, data, lang;
  bool dev;    // set A: its errors may be printed
  bool detik;  // else PolNeAR
};

// One gold file's articles analysed and scored; *absent counts the gold ids
// not in the data.
eval::EventTally ScorePart(const Knowledge& k, const Part& part, const GoldArticles& gold, bool errors,
                           size_t* absent) {
  eval::EventTally t;
  std::set<std::string> ids, seen;
  for (const auto& [id, events] : gold) ids.insert(id);
  auto score = [&](const std::string& id, const Document& doc) {
    seen.insert(id);
    eval::ArticleScore s = eval::ScoreArticle(gold.at(id), ReportedOf(doc));
    t.Add(s);
    if (errors && part.dev) PrintErrors(id, gold.at(id), s);
  };
  if (part.detik) eval::AnalyzeDetik(k, part.data, ids, score);
  else eval::AnalyzePolNear(k, part.data, ids, score);
  *absent += ids.size() - seen.size();
  return t;
}

std::string Ratio(size_t a, size_t b) { return b ? fmt::format("{:.3f} ({}/{})", double(a) / double(b), a, b) : "-"; }

void Row(const std::string& name, const eval::EventTally& t) {
  fmt::print("| {} | {} | {} | {} | {} | {} | {} |\n", name, t.articles, t.core, Ratio(t.core_found, t.core),
             Ratio(t.right, t.reported), t.silent, Ratio(t.core_pair_found, t.core));
}

}  // namespace

void EventArticles(const Knowledge& k, const std::string& data_dir, const std::string& source_dir, bool errors) {
  const std::string labels = source_dir + "/eval/labels/";
  const std::string detik = data_dir + "detik-1k-entity-summ/data_berita.csv";
  const std::string polnear = data_dir + "en-quote-polnear/polnear_train.jsonl";
  const std::vector<Part> parts = {
      {"A: detik (id)", labels + "events_gold_detik_a.jsonl", detik, "id", true, true},
      {"A: PolNeAR train (en)", labels + "events_gold_polnear_a.jsonl", polnear, "en", true, false},
      {"B: detik (id)", labels + "events_gold_detik_b.jsonl", detik, "id", false, true},
      {"B: PolNeAR train (en)", labels + "events_gold_polnear_b.jsonl", polnear, "en", false, false},
  };
  bool any = false;
  for (const Part& p : parts) any |= std::filesystem::exists(p.gold);
  if (!any) {
    fmt::print("Whole articles: skipped, no {}events_gold_*.jsonl found\n\n", labels);
    return;
  }
  fmt::print("Whole articles against our gold (`eval/labels/events_gold_*.jsonl`, labelled as "
             "../shared/docs/event-labelling.md says): one reported event per distinct (source actor, target actor, "
             "root, negation) per article; it matches a gold event with the same countries (either way when "
             "symmetric), the same sector where both give one, the root or an alternative, and the same negation. "
             "Recall counts core gold events; precision counts reports matching any gold event, core or optional. "
             "Set A is dev; set B is kept from tuning.\n\n");
  fmt::print("| set | articles | core gold events | recall | precision | articles with nothing reported | "
             "country pair found |\n|---|---|---|---|---|---|---|\n");
  std::map<std::string, eval::EventTally> by_lang;
  size_t absent = 0, bad = 0;
  for (const Part& p : parts) {
    if (!std::filesystem::exists(p.gold) || !std::filesystem::exists(p.data)) {
      const std::string& absent_file = std::filesystem::exists(p.gold) ? p.data : p.gold;
      fmt::print("| {} | skipped: {} not found | | | | | |\n", p.name, absent_file);
      continue;
    }
    eval::EventTally t = ScorePart(k, p, ReadGold(p.gold, &bad), errors, &absent);
    Row(p.name, t);
    by_lang[p.lang].Add(t);
  }
  for (const char* lang : {"id", "en"})
    if (by_lang.count(lang)) Row(fmt::format("A+B: all ({})", lang), by_lang[lang]);
  fmt::print("\n");
  if (absent || bad) fmt::print("{} gold articles not in the data, {} gold lines unreadable.\n\n", absent, bad);
}

}  // namespace warta
