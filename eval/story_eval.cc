#include "eval/story_eval.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "analyze/analyzer.h"
#include "corpus/stories.h"
#include "eval/eval_util.h"
#include "input/input_set.h"
#include "util/strings.h"

namespace warta {
namespace {

using eval::ReadFile;

// One analysed article, as the clusterer sees it, with its gold story.
struct EvalDoc {
  std::string title, text, gold;
  std::optional<int32_t> day;
  std::vector<std::string> actors;
  std::vector<std::string> names;  // TEMP
};

struct Set {
  std::string name;
  std::vector<EvalDoc> docs;
};

struct Scores {
  double precision = 0, recall = 0, f1 = 0;
  size_t clusters = 0;
};

// BCubed: per document, the share of its cluster in its gold story
// (precision) and of its gold story in its cluster (recall), averaged.
Scores BCubed(const std::vector<std::string>& gold, const std::vector<int64_t>& found) {
  std::map<std::pair<int64_t, std::string>, double> both;
  std::map<int64_t, double> cluster;
  std::map<std::string, double> story;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++both[{found[i], gold[i]}];
    ++cluster[found[i]];
    ++story[gold[i]];
  }
  Scores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    double n = both[{found[i], gold[i]}];
    s.precision += n / cluster[found[i]];
    s.recall += n / story[gold[i]];
  }
  s.precision /= double(gold.size());
  s.recall /= double(gold.size());
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.clusters = cluster.size();
  return s;
}

Scores Cluster(const Set& set, const StoryClusterer::Options& o, const std::string& stopwords, bool dates = true,
               bool actors = true) {
  StoryClusterer c = StoryClusterer::Create(o, stopwords).value();
  std::vector<std::string> gold;
  std::vector<int64_t> found;
  int64_t id = 0;
  for (const EvalDoc& e : set.docs) {
    StoryDoc d;
    d.doc = ++id;
    d.title = e.title;
    d.text = e.text;
    if (dates) d.day = e.day;
    if (actors) d.actors = e.actors;
    if (std::getenv("WARTA_STORY_NAMES")) {
      if (std::string(std::getenv("WARTA_STORY_NAMES")) == "only") d.actors.clear();
      d.actors.insert(d.actors.end(), e.names.begin(), e.names.end());
    }
    found.push_back(c.Add(d));
    gold.push_back(e.gold);
  }
  if (std::getenv("WARTA_STORY_CLUSTERS") && set.name.substr(0, 5) == std::getenv("WARTA_STORY_CLUSTERS")) {
    std::map<int64_t, std::vector<size_t>> members;
    for (size_t i = 0; i < found.size(); ++i) members[found[i]].push_back(i);
    for (const auto& [story, list] : members) {
      std::set<std::string> golds;
      for (size_t i : list) golds.insert(gold[i]);
      bool split = false;
      for (size_t i : list)
        for (size_t j = 0; j < found.size(); ++j)
          if (gold[j] == gold[i] && found[j] != story) split = true;
      if (golds.size() < 2 && !split) continue;
      fmt::print(stderr, "story {}{}{}\n", story, golds.size() > 1 ? " MIXED" : "", split ? " SPLIT" : "");
      for (size_t i : list)
        fmt::print(stderr, "   {} {} {} | {}\n", i + 1, set.docs[i].day ? *set.docs[i].day : -1, gold[i], set.docs[i].title);
    }
  }
  return BCubed(gold, found);
}

EvalDoc FromDocument(const Document& doc, std::string gold) {
  EvalDoc e;
  e.title = doc.clean.title.value_or("");
  e.text = doc.clean.text;
  e.gold = std::move(gold);
  if (doc.clean.published) e.day = DayFromIso(*doc.clean.published);
  std::set<std::string> seen;
  for (const Entity& x : doc.entities)
    if (!x.actor.empty() && seen.insert(x.actor).second) e.actors.push_back(x.actor);
  for (const Entity& x : doc.entities) {
    std::string key = !x.kb.empty() ? "kb:" + x.kb : (x.type == "PER" || x.type == "ORG") ? "name:" + x.name : "";
    if (!key.empty() && seen.insert(key).second) e.names.push_back(key);
  }
  return e;
}

AnalyzeOptions Options() {
  AnalyzeOptions o;
  o.quotes = false;
  o.events = false;
  return o;
}

// A JSON Lines set whose gold story is the field `gold_field` of each line.
std::optional<Set> JsonlSet(const Knowledge& k, const std::string& name, const std::string& path,
                            const std::string& gold_field) {
  if (!std::filesystem::exists(path)) {
    fmt::print("{}: skipped, {} not found\n\n", name, path);
    return std::nullopt;
  }
  std::map<uint64_t, std::string> gold;  // line → story
  const std::string text = ReadFile(path);
  simdjson::dom::parser parser;
  uint64_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    simdjson::dom::element root;
    if (Trim(line).empty() || parser.parse(line.data(), line.size()).get(root)) continue;
    simdjson::dom::element g;
    if (root[gold_field].get(g)) continue;
    gold[line_no] = g.is_string() ? std::string(g.get_string().value()) : simdjson::to_string(g);
  }
  Set set{name, {}};
  InputSet inputs({path}, Format::kJsonl, ReaderOptions{});
  std::vector<Diagnostic> diags;
  Record r;
  while (inputs.Next(&r, &diags)) {
    auto it = gold.find(r.line);
    if (it == gold.end()) continue;
    std::string g = it->second;
    set.docs.push_back(FromDocument(Analyze(std::move(r), k, Options()), g));
  }
  return set;
}

std::optional<Set> DetikSet(const Knowledge& k, const std::string& data_dir, const std::string& source_dir) {
  std::string csv = data_dir + "detik-1k-entity-summ/data_berita.csv";
  std::string labels_path = source_dir + "/eval/labels/detik_stories.tsv";
  if (!std::filesystem::exists(csv) || !std::filesystem::exists(labels_path)) {
    fmt::print("detik: skipped, {} or {} not found\n\n", csv, labels_path);
    return std::nullopt;
  }
  std::map<std::string, std::string> gold;
  const std::string labels = ReadFile(labels_path);
  for (std::string_view line : Split(labels, '\n')) {
    auto cols = Split(line, '\t');
    if (line.empty() || line[0] == '#' || cols.size() != 2 || cols[0] == "ID") continue;
    gold[std::string(cols[0])] = std::string(Trim(cols[1]));
  }
  ReaderOptions options;
  options.fields = eval::DetikFields();
  AnalyzeOptions analyze = Options();
  analyze.clean.field_date_order = DateOrder::kMonthFirst;  // `tanggal` is M/D/YYYY (SOURCE.txt)
  Set set{"detik dev (ids <= 300)", {}};
  InputSet inputs({csv}, Format::kCsv, options);
  std::vector<Diagnostic> diags;
  Record r;
  while (inputs.Next(&r, &diags)) {
    if (!r.id || !gold.count(*r.id)) continue;  // only the labelled dev rows
    std::string g = gold[*r.id];
    set.docs.push_back(FromDocument(Analyze(std::move(r), k, analyze), g));
  }
  return set;
}

size_t Stories(const Set& s) {
  std::set<std::string> g;
  for (const EvalDoc& e : s.docs) g.insert(e.gold);
  return g.size();
}

size_t Dated(const Set& s) {
  size_t n = 0;
  for (const EvalDoc& e : s.docs) n += e.day.has_value();
  return n;
}

}  // namespace

void Stories(const Knowledge& k, const std::string& data_dir, const std::string& source_dir) {
  fmt::print("## Stories (BCubed, documents clustered in file order)\n\n");
  const std::string stopwords = ReadFile(source_dir + "/data/corpus/stopwords_id.tsv") +
                                ReadFile(source_dir + "/data/corpus/stopwords_en.tsv");
  std::vector<Set> dev, test;
  if (auto s = JsonlSet(k, "idnews-topic-clusters-5 (dev)", data_dir + "idnews-topic-clusters-5/articles.jsonl",
                        "topic"))
    dev.push_back(std::move(*s));
  if (auto s = DetikSet(k, data_dir, source_dir)) dev.push_back(std::move(*s));
  if (auto s = JsonlSet(k, "news600 (eval)", data_dir + "idnews-hoax-topics-rahutomo/news600_topics.jsonl",
                        "topic_id"))
    test.push_back(std::move(*s));

  StoryClusterer::Options chosen;
  bool use_dates = true, use_actors = true;
  if (const char* env = std::getenv("WARTA_STORY_OPTS")) {  // TEMP tuning
    for (std::string_view kv : Split(env, ',')) {
      auto p = kv.find('=');
      std::string key(kv.substr(0, p));
      double v = std::stod(std::string(kv.substr(p + 1)));
      if (key == "t") chosen.threshold = v;
      if (key == "w") chosen.window_days = int(v);
      if (key == "tw") chosen.title_weight = v;
      if (key == "far") chosen.far_threshold = v;
      if (key == "gp") chosen.gap_penalty = v;
      if (key == "dt") chosen.doc_terms = size_t(v);
      if (key == "close") chosen.close_days = int(v);
      if (key == "ab") chosen.actor_bonus = v;
      if (key == "ct") chosen.centroid_terms = size_t(v);
      if (key == "cand") chosen.candidate_terms = size_t(v);
      if (key == "dates") use_dates = v != 0;
      if (key == "actors") use_actors = v != 0;
    }
  }
  StoryClusterer::Options baseline;  // plain TF-IDF online centroid: cosine only, no title weight, no window
  baseline.title_weight = 1;
  baseline.actor_bonus = 0;
  fmt::print("threshold {}, window {} days, title weight {}, actor bonus {}; baseline: cosine only (same "
             "threshold, no dates, no actors, title words weigh as body words)\n\n",
             chosen.threshold, chosen.window_days, chosen.title_weight, chosen.actor_bonus);
  fmt::print("| set | docs | dated | gold stories | stories found | precision | recall | F1 | baseline F1 |\n"
             "|---|---|---|---|---|---|---|---|---|\n");
  std::vector<const Set*> all;
  for (const Set& s : dev) all.push_back(&s);
  if (!std::getenv("WARTA_STORY_OPTS"))
    for (const Set& s : test) all.push_back(&s);
  for (const Set* s : all) {
    auto start = std::chrono::steady_clock::now();
    Scores w = Cluster(*s, chosen, stopwords, use_dates, use_actors);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    Scores b = Cluster(*s, baseline, stopwords, false, false);
    fmt::print("| {} | {} | {} | {} | {} | {:.3f} | {:.3f} | **{:.3f}** | {:.3f} |\n", s->name, s->docs.size(),
               Dated(*s), Stories(*s), w.clusters, w.precision, w.recall, w.f1, b.f1);
    (void)ms;
  }
  fmt::print("\n");
  if (std::getenv("WARTA_STORY_DUMP"))
    for (const Set& s : dev)
      for (const EvalDoc& e : s.docs)
        fmt::print(stderr, "{}\t{}\t{}\t{}\t{}\n", s.name.substr(0, 5), e.gold, e.day ? *e.day : -1, e.title,
                   fmt::join(e.actors, " "));
  if (dev.empty()) return;

  // The sweep that chose the defaults: dev sets only.
  fmt::print("Dev sweep (F1; the eval set is not part of it):\n\n| threshold |");
  for (const Set& s : dev) fmt::print(" {} |", s.name);
  fmt::print(" mean |\n|---|");
  for (size_t i = 0; i <= dev.size(); ++i) fmt::print("---|");
  fmt::print("\n");
  for (double t = 0.10; t < 0.505; t += 0.04) {
    StoryClusterer::Options o = chosen;
    o.threshold = t;
    double sum = 0;
    fmt::print("| {:.2f} |", t);
    for (const Set& s : dev) {
      double f = Cluster(s, o, stopwords).f1;
      sum += f;
      fmt::print(" {:.3f} |", f);
    }
    fmt::print(" {:.3f} |\n", sum / double(dev.size()));
  }
  fmt::print("\n| window (days) |");
  for (const Set& s : dev) fmt::print(" {} |", s.name);
  fmt::print("\n|---|");
  for (size_t i = 0; i < dev.size(); ++i) fmt::print("---|");
  fmt::print("\n");
  for (int w : {0, 1, 2, 3, 5, 7, 14, 60}) {
    StoryClusterer::Options o = chosen;
    o.window_days = w;
    fmt::print("| {} |", w);
    for (const Set& s : dev) fmt::print(" {:.3f} |", Cluster(s, o, stopwords).f1);
    fmt::print("\n");
  }
  fmt::print("\n");
}

}  // namespace warta
