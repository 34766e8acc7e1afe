#include "eval/actor_eval.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "analyze/analyzer.h"
#include "eval/article_sets.h"
#include "eval/eval_util.h"
#include "util/strings.h"

namespace warta {

namespace {

using eval::ReadFile;

struct GoldActor {
  Span first;  // the first mention in the body
  std::string name, type, country, sector;
};

struct Tally {
  size_t articles = 0, actors = 0, found = 0, country = 0, sector = 0, both = 0;
  void Add(const Tally& o) {
    articles += o.articles; actors += o.actors; found += o.found;
    country += o.country; sector += o.sector; both += o.both;
  }
};

// eval/labels/actors.tsv: source → article → its actors.
using Labels = std::map<std::string, std::map<std::string, std::vector<GoldActor>>>;

Labels ReadLabels(const std::string& path) {
  Labels out;
  const std::string text = ReadFile(path);
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    auto c = Split(line, '\t');
    if (c.size() < 8 || c[0] == "source") continue;
    GoldActor g;
    g.first = {std::stoul(std::string(c[2])), std::stoul(std::string(c[3]))};
    g.name = std::string(c[4]);
    g.type = std::string(c[5]);
    g.country = c[6] == "-" ? "" : std::string(c[6]);
    g.sector = c[7] == "-" ? "" : std::string(c[7]);
    out[std::string(c[0])][std::string(c[1])].push_back(std::move(g));
  }
  return out;
}

size_t Overlap(Span a, Span b) {
  size_t s = std::max(a.start, b.start), e = std::min(a.end, b.end);
  return e > s ? e - s : 0;
}

// The entity the article's analysis gives the gold actor: the one with a
// mention over its first mention, else one whose name is the gold name.
const Entity* Find(const Document& doc, const GoldActor& g) {
  const Entity* best = nullptr;
  size_t most = 0;
  for (const Entity& e : doc.entities)
    for (const EntityMention& m : e.mentions)
      if (!m.in_title_field && Overlap(m.span, g.first) > most) {
        most = Overlap(m.span, g.first);
        best = &e;
      }
  if (best) return best;
  const std::string want = FoldCase(g.name);
  for (const Entity& e : doc.entities)
    if (FoldCase(e.name) == want) return &e;
  return nullptr;
}

// An actor code's state part and sector: "IDNCOP" → IDN, COP; "IGOUNO" →
// IGO, UNO. A code of a non-state ("NGO...") has no state part for "-".
// With WARTA_EVAL_ERRORS=1, the actors coded wrong go to stderr (sample A only: sample B is
// kept apart from rule tuning).
void Score(const Document& doc, const std::vector<GoldActor>& gold, const EntityKnowledge& k, bool show, Tally* t) {
  ++t->articles;
  for (const GoldActor& g : gold) {
    ++t->actors;
    const Entity* e = Find(doc, g);
    if (!e) {
      if (show) fmt::print(stderr, "{}\tMISSED\t{} [{}{}]\n", doc.id, g.name, g.country, g.sector);
      continue;
    }
    ++t->found;
    std::string country = e->actor.size() >= 3 ? e->actor.substr(0, 3) : e->country;
    // An IGO's code is a path ("IGOUNODEVWBK"): the labels name its last part.
    std::string sector = country == "IGO" && e->actor.size() >= 6 ? e->actor.substr(e->actor.size() - 3)
                         : e->actor.size() >= 6 ? e->actor.substr(3, 3) : "";
    bool is_state = !country.empty() && k.Find("country/" + country) >= 0;
    bool country_ok = g.country.empty() ? !is_state : country == g.country;
    bool sector_ok = sector == g.sector;
    t->country += country_ok;
    t->sector += sector_ok;
    t->both += country_ok && sector_ok;
    if (show && !(country_ok && sector_ok))
      fmt::print(stderr, "{}\tWRONG\t{} [{}{}] got {} '{}' {} {}\n", doc.id, g.name, g.country, g.sector, e->actor,
                 e->name, e->type, e->subtype);
  }
}

using ArticleLabels = std::map<std::string, std::vector<GoldActor>>;

std::set<std::string> Ids(const ArticleLabels& labels) {
  std::set<std::string> ids;
  for (const auto& [id, actors] : labels) ids.insert(id);
  return ids;
}

Tally Detik(const Knowledge& k, const std::string& csv, const ArticleLabels& labels, bool show) {
  Tally t;
  eval::AnalyzeDetik(k, csv, Ids(labels), [&](const std::string& id, const Document& doc) {
    Score(doc, labels.at(id), k.entities, show, &t);
  });
  return t;
}

Tally PolNear(const Knowledge& k, const std::string& path, const ArticleLabels& labels, bool show) {
  Tally t;
  eval::AnalyzePolNear(k, path, Ids(labels), [&](const std::string& id, const Document& doc) {
    Score(doc, labels.at(id), k.entities, show, &t);
  });
  return t;
}

void Row(const std::string& name, const Tally& t) {
  auto pct = [&](size_t n) { return t.actors ? double(n) / double(t.actors) : 0.0; };
  fmt::print("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | **{:.3f}** |\n", name, t.articles, t.actors, pct(t.found),
             pct(t.country), pct(t.sector), pct(t.both));
}

}  // namespace

void ActorCodes(const Knowledge& k, const std::string& data_dir, const std::string& source_dir) {
  const std::string labels_path = source_dir + "/eval/labels/actors.tsv";
  const std::string csv = data_dir + "detik-1k-entity-summ/data_berita.csv";
  const std::string polnear = data_dir + "en-quote-polnear/polnear_dev.jsonl";
  fmt::print("## Actor codes (our labelled sample of real articles)\n\n");
  if (!std::filesystem::exists(labels_path) || !std::filesystem::exists(csv) || !std::filesystem::exists(polnear)) {
    fmt::print("skipped: {}, {} or {} not found\n\n", labels_path, csv, polnear);
    return;
  }
  Labels labels = ReadLabels(labels_path);
  fmt::print("Every actor that acts or speaks, labelled by reading (`eval/labels/actors.tsv`); an actor is\n"
             "found when an entity covers its first mention (or bears its name); right when its CAMEO code\n"
             "has the labelled country and sector (for an IGO, the last part of its code). Sample A is\n"
             "where rules were developed (dev); sample B was labelled apart and kept from tuning.\n\n");
  fmt::print("| set | articles | actors | found | country right | sector right | code right |\n"
             "|---|---|---|---|---|---|---|\n");
  const bool show = std::getenv("WARTA_EVAL_ERRORS") != nullptr;
  Tally all;
  Tally d = Detik(k, csv, labels["detik"], show);
  Row("A: detik (id)", d);
  Tally p = PolNear(k, polnear, labels["polnear"], show);
  Row("A: PolNeAR dev (en)", p);
  all.Add(d);
  all.Add(p);
  Row("A: all", all);
  const std::string b_path = source_dir + "/eval/labels/actors_b.tsv";
  const std::string train = data_dir + "en-quote-polnear/polnear_train.jsonl";
  if (std::filesystem::exists(b_path) && std::filesystem::exists(train)) {
    Labels b = ReadLabels(b_path);
    Tally bd = Detik(k, csv, b["detik"], false), bp = PolNear(k, train, b["polnear"], false), ball;
    Row("B: detik (id)", bd);
    Row("B: PolNeAR train (en)", bp);
    ball.Add(bd);
    ball.Add(bp);
    Row("B: all", ball);
  }
  fmt::print("\n");
}

}  // namespace warta
