#include "eval/event_gsr.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "analyze/analyzer.h"
#include "eval/eval_util.h"
#include "util/strings.h"

namespace warta {
namespace {

using eval::JsonFlag;
using eval::JsonText;

// An event as the gold standards compare them: the actors' principals and the type.
struct GsrEvent {
  std::string source, target;  // in the gold, "" (null, "---") matches any actor
  std::string type;            // the PLOVER category, or the CAMEO root
  bool reciprocal = false;     // gold: either direction matches
};

struct Standard {
  std::string name, path;
  bool plover;  // compare the PLOVER category, else the CAMEO root
  bool dev;     // its errors may be printed
};

struct Tally {
  size_t sentences = 0, with_events = 0, all_found = 0, gold = 0, found = 0, reported = 0, right = 0;
  size_t no_event = 0, no_event_reported = 0;
  size_t unmapped = 0;  // reported events whose code has no PLOVER category (roots 01, 02)
};

// An actor code's principal as each standard writes it: PLOVER's first three
// letters ("IGOUNO" → IGO); PETR2's six for IGO, NGO and IMG codes ("IGOUNO",
// "IGOEUR" of "IGOEUREEC"), else three.
std::string Principal(std::string_view actor, bool plover) {
  bool organisation =
      actor.size() >= 6 && (actor.starts_with("IGO") || actor.starts_with("NGO") || actor.starts_with("IMG"));
  return std::string(actor.substr(0, !plover && organisation ? 6 : 3));
}

GsrEvent ReadGold(simdjson::dom::element e, bool plover) {
  GsrEvent g{JsonText(e["source"]), JsonText(e["target"]), JsonText(e[plover ? "plover" : "cameo_root"]),
             JsonFlag(e["reciprocal"])};
  if (!plover && g.type.empty()) g.type = JsonText(e["cameo"]).substr(0, 2);
  return g;
}

// The distinct events warta reports on one sentence, analysed as the CAMEO
// examples are (text alone); for PLOVER, those whose code has no category are
// counted in *unmapped and left out.
std::vector<GsrEvent> Reported(const Knowledge& k, simdjson::dom::element d, bool plover, size_t* unmapped) {
  Record r;
  r.source = "eval";
  r.text = JsonText(d["text"]);
  Document doc = Analyze(std::move(r), k, AnalyzeOptions{});
  std::vector<GsrEvent> out;
  for (const Event& e : doc.events) {
    GsrEvent g{Principal(e.source_actor, plover), Principal(e.target_actor, plover),
               plover ? e.code->plover : e.code->code.substr(0, 2)};
    auto same = [&](const GsrEvent& o) { return o.source == g.source && o.target == g.target && o.type == g.type; };
    if (std::any_of(out.begin(), out.end(), same)) continue;
    if (g.type.empty()) ++*unmapped;
    out.push_back(g);
  }
  std::erase_if(out, [](const GsrEvent& g) { return g.type.empty(); });
  return out;
}

bool Same(const std::string& gold, const std::string& got) { return gold.empty() || gold == got; }

bool Matches(const GsrEvent& gold, const GsrEvent& got) {
  if (gold.type != got.type) return false;
  return (Same(gold.source, got.source) && Same(gold.target, got.target)) ||
         (gold.reciprocal && Same(gold.source, got.target) && Same(gold.target, got.source));
}

std::string Show(const GsrEvent& e) {
  return fmt::format("{} -> {} {}", e.source.empty() ? "any" : e.source, e.target.empty() ? "any" : e.target, e.type);
}

// One sentence's gold against what was reported; a `show` that is not empty
// (the set and the sentence's id) prints its errors with the sentence.
void ScoreSentence(const std::vector<GsrEvent>& gold, const std::vector<GsrEvent>& got, bool no_event,
                   const std::string& show, std::string_view text, Tally* t) {
  ++t->sentences;
  if (no_event || gold.empty()) {
    ++t->no_event;
    t->no_event_reported += !got.empty();
  } else {
    ++t->with_events;
  }
  size_t found = 0;
  for (const GsrEvent& g : gold) {
    bool hit = std::any_of(got.begin(), got.end(), [&](const GsrEvent& r) { return Matches(g, r); });
    found += hit;
    if (!hit && !show.empty()) fmt::print(stderr, "events {} missed {}: {}\n", show, Show(g), text);
  }
  t->gold += gold.size();
  t->found += found;
  t->all_found += !gold.empty() && found == gold.size();
  for (const GsrEvent& r : got) {
    bool right = std::any_of(gold.begin(), gold.end(), [&](const GsrEvent& g) { return Matches(g, r); });
    ++t->reported;
    t->right += right;
    if (!right && !show.empty()) fmt::print(stderr, "events {} extra {}: {}\n", show, Show(r), text);
  }
}

Tally ScoreStandard(const Knowledge& k, const Standard& s, bool errors) {
  Tally t;
  simdjson::dom::parser parser;
  const std::string text = eval::ReadFile(s.path);
  for (std::string_view line : Split(text, '\n')) {
    simdjson::dom::element d;
    if (Trim(line).empty() || parser.parse(line.data(), line.size()).get(d)) continue;
    std::vector<GsrEvent> gold;
    simdjson::dom::array list;
    if (!d["events"].get(list))
      for (auto e : list) gold.push_back(ReadGold(e, s.plover));
    std::vector<GsrEvent> got = Reported(k, d, s.plover, &t.unmapped);
    std::string show = errors && s.dev ? fmt::format("{} {}", s.name, JsonText(d["id"])) : "";
    ScoreSentence(gold, got, JsonFlag(d["no_event"]), show, JsonText(d["text"]), &t);
  }
  return t;
}

std::string Ratio(size_t a, size_t b) { return b ? fmt::format("{:.3f} ({}/{})", double(a) / double(b), a, b) : "-"; }

}  // namespace

void EventGsr(const Knowledge& k, const std::string& data_dir, bool errors) {
  const std::vector<Standard> standards = {
      {"PLOVER GSR", data_dir + "event-gsr/plover_gsr.jsonl", true, true},
      {"PETR2 GSR", data_dir + "event-gsr/petr2_gsr.jsonl", false, false},
  };
  fmt::print("External gold standards of single sentences (`event-gsr/`, each sentence analysed as one document): "
             "a gold event is found when a reported event has the same source and target principal (either way when "
             "reciprocal; a gold actor left open matches any) and type: the PLOVER category on PLOVER's records (dev), "
             "the CAMEO root on PETR2's validation sentences (eval: measured only). A sentence is found when all its "
             "gold events are; precision counts distinct reported events, no-event sentences included.\n\n");
  fmt::print("| set | sentences | with gold events | sentences found | gold events | event recall | precision | "
             "no-event sentences with events |\n|---|---|---|---|---|---|---|---|\n");
  size_t unmapped = 0;
  for (const Standard& s : standards) {
    if (!std::filesystem::exists(s.path)) {
      fmt::print("| {} | skipped: {} not found | | | | | | |\n", s.name, s.path);
      continue;
    }
    Tally t = ScoreStandard(k, s, errors);
    fmt::print("| {} | {} | {} | {} | {} | {} | {} | {}/{} |\n", s.name, t.sentences, t.with_events,
               Ratio(t.all_found, t.with_events), t.gold, Ratio(t.found, t.gold), Ratio(t.right, t.reported),
               t.no_event_reported, t.no_event);
    if (s.plover) unmapped = t.unmapped;
  }
  fmt::print("\nThe aim on PLOVER's records is a per-sentence recall of 0.70 or more. Reported events whose code has "
             "no PLOVER category (roots 01 and 02), left out of PLOVER's precision: {}.\n\n", unmapped);
}

}  // namespace warta
