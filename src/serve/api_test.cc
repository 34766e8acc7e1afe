// The JSON API on a store built from articles written for this test: every
// endpoint, bad parameters (400, never 5xx), unknown ids (404), the page cap,
// and article text that is hostile HTML coming back as JSON strings.
#include "serve/api.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <vector>

#include "corpus/ingest.h"
#include "tests/test_support.h"

namespace warta {
namespace {

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // One file per process: ctest runs each test in a process of its own, in parallel.
    path_ = new std::string(::testing::TempDir() + "warta_api_test_" + std::to_string(::getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((*path_ + suffix).c_str());
    auto store = Store::OpenSqlite(*path_, Store::Mode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
    const Knowledge& k = testing::TestKnowledge();
    auto ingester = Ingester::Open(store.value().get(),
                                   StoryClusterer::Create(StoryClusterer::Options{}, k.story_stopwords).value(),
                                   StoryClusterer::Create(TopicOptions(), k.story_stopwords).value());
    ASSERT_TRUE(ingester.ok());
    auto record = [](std::string id, std::string date, std::string title, std::string text, std::string url = "") {
      Record r;
      r.source = "api-test";
      r.id = std::move(id);
      if (!url.empty()) r.url = std::move(url);
      r.published = std::move(date);
      r.title = std::move(title);
      r.text = std::move(text);
      return r;
    };
    std::vector<PreparedDocument> batch;
    batch.push_back(PrepareDocument(
        record("1", "2025-10-01", "China dan Rusia Perluas Kerja Sama",
               "China dan Rusia sepakat memperluas kerja sama energi di Moskow pada Rabu. “Kami siap bekerja sama "
               "lebih erat,” kata juru bicara Kementerian Luar Negeri China Mao Ning kepada wartawan."),
        k, AnalyzeOptions{}));
    batch.push_back(PrepareDocument(
        record("2", "2025-11-03", "AS Jatuhkan Sanksi pada Perusahaan China",
               "Amerika Serikat menjatuhkan sanksi terhadap tiga perusahaan China pada Senin. China mengecam "
               "Amerika Serikat atas sanksi itu."),
        k, AnalyzeOptions{}));
    batch.push_back(PrepareDocument(
        record("3", "2025-11-04", "<script>alert(1)</script> Judul",
               "Teks dengan <img src=x onerror=alert(1)> di dalamnya, dan Indonesia bertemu Malaysia di Jakarta."),
        k, AnalyzeOptions{}));
    // Two outlets (one known to data/entities/outlets.tsv, one only by its country-code domain)
    // and a second language.
    batch.push_back(PrepareDocument(
        record("4", "2025-12-01", "Presiden Indonesia Bertemu Perdana Menteri Malaysia",
               "Presiden Indonesia bertemu Perdana Menteri Malaysia di Kuala Lumpur pada Senin untuk membahas "
               "perbatasan kedua negara.",
               "https://news.detik.com/berita/d-4/presiden-bertemu"),
        k, AnalyzeOptions{}));
    batch.push_back(PrepareDocument(
        record("5", "2025-12-02", "Japan and South Korea sign a trade agreement",
               "Japan and South Korea signed a trade agreement in Tokyo on Tuesday, officials of both "
               "governments said after the meeting.",
               "https://www.example-news.co.uk/world/5"),
        k, AnalyzeOptions{}));
    IngestCounts counts;
    ASSERT_TRUE(ingester.value().Write(&batch, &counts).ok());
  }
  static void TearDownTestSuite() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((*path_ + suffix).c_str());
    delete path_;
  }

  void SetUp() override {
    auto s = Store::OpenSqlite(*path_, Store::Mode::kReadOnly);
    ASSERT_TRUE(s.ok());
    store_ = std::move(s).value();
  }

  // The answer, checked to be JSON with the given status.
  simdjson::dom::element Get(const std::string& path, const std::map<std::string, std::string>& params, int status,
                             const ApiData& data = {}) {
    ApiResponse r = HandleApi(*store_, path, params, data);
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    bodies_.push_back(r.body);
    // A parser per answer: an element stays valid while later answers are parsed.
    simdjson::dom::element e;
    auto error = parsers_.emplace_back().parse(bodies_.back()).get(e);
    EXPECT_FALSE(error) << path << ": not JSON: " << r.body;
    return e;
  }

  static std::string* path_;
  std::unique_ptr<Store> store_;
  std::deque<std::string> bodies_;
  std::deque<simdjson::dom::parser> parsers_;
};
std::string* Api::path_ = nullptr;

TEST_F(Api, StatsActorsAndOneActor) {
  auto stats = Get("/api/stats", {}, 200);
  EXPECT_EQ(int64_t(stats["documents"]), 5);
  auto actors = Get("/api/actors", {{"q", "China"}}, 200);
  ASSERT_GE(simdjson::dom::array(actors["items"]).size(), 1u);
  int64_t china = actors["items"].at(0)["entity"];
  EXPECT_EQ(std::string_view(actors["items"].at(0)["actor"]), "CHN");
  EXPECT_EQ(int64_t(actors["limit"]), 50);
  auto one = Get("/api/actors/" + std::to_string(china), {}, 200);
  EXPECT_EQ(std::string_view(one["actor"]["name"]), "China");
  EXPECT_GE(simdjson::dom::array(one["mentions_by_month"]).size(), 2u);
  EXPECT_GE(simdjson::dom::array(one["events_as_source"]["items"]).size(), 1u);
  EXPECT_GE(simdjson::dom::array(one["events_as_target"]["items"]).size(), 1u);
  EXPECT_GE(int64_t(one["events_as_target"]["total"]), 1);
  Get("/api/actors/999999", {}, 404);
  Get("/api/actors/abc", {}, 400);
}

TEST_F(Api, GraphRelationsAndEvents) {
  auto graph = Get("/api/graph", {}, 200);
  EXPECT_GE(simdjson::dom::array(graph["nodes"]).size(), 3u);
  bool chn_rus = false;
  for (auto e : simdjson::dom::array(graph["edges"]))
    chn_rus |= std::string_view(e["source"]) == "CHN" && std::string_view(e["target"]) == "RUS";
  EXPECT_TRUE(chn_rus);
  auto later = Get("/api/graph", {{"from", "2025-11-01"}}, 200);
  for (auto e : simdjson::dom::array(later["edges"])) EXPECT_NE(std::string_view(e["target"]), "RUS");
  auto rel = Get("/api/relations", {{"source", "CHN"}, {"target", "USA"}, {"by", "month"}}, 200);
  ASSERT_GE(simdjson::dom::array(rel["periods"]).size(), 1u);
  EXPECT_EQ(std::string_view(rel["periods"].at(0)["period"]), "2025-11");
  ASSERT_GE(simdjson::dom::array(rel["evidence"]).size(), 2u);  // both directions
  auto events = Get("/api/events", {{"source", "USA"}, {"limit", "1"}}, 200);
  EXPECT_EQ(simdjson::dom::array(events["items"]).size(), 1u);
  EXPECT_EQ(std::string_view(events["items"].at(0)["cameo"]).substr(0, 2), "16");
}

TEST_F(Api, QuotesStoriesDocumentsAndSearch) {
  auto quotes = Get("/api/quotes", {{"speaker", "Mao"}}, 200);
  ASSERT_EQ(simdjson::dom::array(quotes["items"]).size(), 1u);
  EXPECT_EQ(std::string_view(quotes["items"].at(0)["speaker"]), "Mao Ning");
  auto stories = Get("/api/stories", {}, 200);
  ASSERT_GE(simdjson::dom::array(stories["items"]).size(), 2u);
  int64_t story = stories["items"].at(0)["story"];
  auto one = Get("/api/stories/" + std::to_string(story), {}, 200);
  EXPECT_GE(simdjson::dom::array(one["documents"]["items"]).size(), 1u);
  Get("/api/topics", {}, 200);
  Get("/api/stories/424242", {}, 404);
  auto doc = Get("/api/documents/1", {}, 200);
  std::string_view text = doc["text"];
  ASSERT_GE(simdjson::dom::array(doc["entities"]).size(), 2u);
  for (auto m : simdjson::dom::array(doc["entities"])) {  // byte offsets into the text
    int64_t start = m["start"], end = m["end"];
    ASSERT_LE(end, static_cast<int64_t>(text.size()));
    if (std::string_view(m["name"]) == "China") EXPECT_EQ(text.substr(start, end - start), "China");
  }
  EXPECT_GE(simdjson::dom::array(doc["quotes"]).size(), 1u);
  // Hostile HTML is data: it comes back as a JSON string, unchanged.
  auto hostile = Get("/api/documents/3", {}, 200);
  EXPECT_NE(std::string_view(hostile["text"]).find("<img src=x onerror=alert(1)>"), std::string_view::npos);
  auto found = Get("/api/search", {{"q", "sanksi"}}, 200);
  ASSERT_EQ(simdjson::dom::array(found["items"]).size(), 1u);
  EXPECT_EQ(int64_t(found["items"].at(0)["document"]), 2);
  EXPECT_NE(std::string_view(found["items"].at(0)["snippet"]).find("\x02"), std::string_view::npos);
}

TEST_F(Api, BadParametersAre400AndNever5xx) {
  for (const auto& [path, params] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
           {"/api/actors", {{"limit", "501"}}},  // over the cap
           {"/api/actors", {{"limit", "0"}}},
           {"/api/actors", {{"offset", "-1"}}},
           {"/api/actors", {{"limit", "ten"}}},
           {"/api/events", {{"from", "2025-02-30"}}},
           {"/api/events", {{"source", "'; DROP TABLE events; --"}}},
           {"/api/graph", {{"min_events", "0"}}},
           {"/api/relations", {{"source", "CHN"}}},
           {"/api/relations", {{"source", "CHN"}, {"target", "RUS"}, {"by", "fortnight"}}},
           {"/api/quotes", {{"q", std::string(300, 'a')}}},
           {"/api/quotes", {{"q", "\xff\xfe"}}},
           {"/api/search", {}},
           {"/api/events", {{"from", "2025-12-01"}, {"to", "2025-11-01"}}},
           {"/api/actors", {{"lang", "Indonesian"}}},
           {"/api/graph", {{"limit", "2001"}}},
           {"/api/graph", {{"isolates", "maybe"}}},
           {"/api/events", {{"format", "xml"}}},
           {"/api/events", {{"limit", "501"}}},  // 10,000 is for CSV exports
       }) {
    auto e = Get(path, params, 400);
    EXPECT_FALSE(std::string_view(e["error"]).empty()) << path;
  }
  Get("/api/nothing-here", {}, 404);
  Get("/api/relations", {{"source", "999999"}, {"target", "CHN"}}, 404);
  // At the cap, the page is served.
  auto capped = Get("/api/actors", {{"limit", "500"}, {"offset", "1"}}, 200);
  EXPECT_EQ(int64_t(capped["limit"]), 500);
  // The store is intact after the hostile parameters.
  EXPECT_EQ(int64_t(Get("/api/stats", {}, 200)["events"]), int64_t(Get("/api/stats", {}, 200)["events"]));
}

TEST_F(Api, SearchAcceptsWhatPeopleType) {
  // Words with hyphens, apostrophes, colons, a lone quote, operators with nothing to join:
  // searched as written, never refused.
  for (const std::string& q : std::vector<std::string>{"COVID-19", "e-KTP", "Ma'ruf", "\"", "AND OR NOT", "nosuchcolumn:sanksi", "* x",
                              std::string(150, '(') + "a", "NEAR(a b, -1)", "\"unbalanced"}) {
    auto r = Get("/api/search", {{"q", q}}, 200);
    EXPECT_EQ(int64_t(r["total"]), int64_t(simdjson::dom::array(r["items"]).size())) << q;
  }
  EXPECT_EQ(int64_t(Get("/api/search", {{"q", "nosuchcolumn:sanksi"}}, 200)["total"]), 0);
  EXPECT_EQ(int64_t(Get("/api/search", {{"q", "sanksi OR Tokyo"}}, 200)["total"]), 2);
  EXPECT_EQ(int64_t(Get("/api/search", {{"q", "sanksi OR Tokyo"}, {"lang", "en"}}, 200)["total"]), 1);
}

TEST_F(Api, FiltersNarrowEveryQuery) {
  EXPECT_EQ(int64_t(Get("/api/stats", {{"outlet", "detik.com"}}, 200)["documents"]), 1);
  EXPECT_EQ(int64_t(Get("/api/stats", {{"lang", "en"}}, 200)["documents"]), 1);
  EXPECT_EQ(int64_t(Get("/api/stats", {{"from", "2025-11-01"}, {"to", "2025-11-30"}}, 200)["documents"]), 2);
  auto en = Get("/api/actors", {{"lang", "en"}}, 200);
  ASSERT_GE(int64_t(en["total"]), 1);
  for (auto a : simdjson::dom::array(en["items"])) {
    if (a["actor"].is_string()) {
      EXPECT_NE(std::string_view(a["actor"]), "CHN");
    }
  }
  auto november = Get("/api/events", {{"from", "2025-11-01"}, {"to", "2025-11-30"}}, 200);
  ASSERT_GE(int64_t(november["total"]), 1);
  for (auto e : simdjson::dom::array(november["items"])) EXPECT_EQ(std::string_view(e["date"]).substr(0, 7), "2025-11");
  EXPECT_EQ(int64_t(Get("/api/quotes", {{"lang", "en"}}, 200)["total"]), 0);
  EXPECT_EQ(simdjson::dom::array(Get("/api/graph", {{"outlet", "nosuch.example"}}, 200)["edges"]).size(), 0u);
  EXPECT_EQ(int64_t(Get("/api/stories", {{"outlet", "detik.com"}}, 200)["total"]), 1);
  EXPECT_EQ(std::string_view(Get("/api/events", {{"from", "2025-12-01"}, {"to", "2025-11-01"}}, 400)["error"]),
            "from: after to");
}

TEST_F(Api, ListsCarryTheirTotalAndMatchLiterally) {
  auto page = Get("/api/actors", {{"limit", "1"}}, 200);
  EXPECT_EQ(simdjson::dom::array(page["items"]).size(), 1u);
  EXPECT_GE(int64_t(page["total"]), 4);
  // Every quote: the total the summaries keep is the count of the rows.
  EXPECT_EQ(int64_t(Get("/api/quotes", {{"limit", "1"}}, 200)["total"]), int64_t(Get("/api/stats", {}, 200)["quotes"]));
  EXPECT_GE(int64_t(Get("/api/stats", {}, 200)["quotes"]), 1);
  auto past = Get("/api/actors", {{"offset", "100000"}}, 200);
  EXPECT_EQ(simdjson::dom::array(past["items"]).size(), 0u);
  EXPECT_EQ(int64_t(past["total"]), int64_t(page["total"]));
  // % and _ are characters, not wildcards.
  EXPECT_EQ(int64_t(Get("/api/actors", {{"q", "%"}}, 200)["total"]), 0);
  EXPECT_GE(int64_t(Get("/api/actors", {{"q", "Chin"}}, 200)["total"]), 1);
  EXPECT_EQ(int64_t(Get("/api/actors", {{"q", "Ch_na"}}, 200)["total"]), 0);
  EXPECT_EQ(int64_t(Get("/api/quotes", {{"q", "%"}}, 200)["total"]), 0);
}

TEST_F(Api, OutletsAreDataOnDocumentsAndStories) {
  auto outlets = Get("/api/outlets", {}, 200);
  ASSERT_EQ(int64_t(outlets["total"]), 2);
  std::map<std::string, std::pair<std::string, std::string>> seen;
  for (auto o : simdjson::dom::array(outlets["items"]))
    seen[std::string(std::string_view(o["outlet"]))] = {std::string(std::string_view(o["name"])),
                                                        std::string(std::string_view(o["country"]))};
  EXPECT_EQ(seen["detik.com"], (std::pair<std::string, std::string>{"detikcom", "IDN"}));  // news.detik.com's outlet
  EXPECT_EQ(seen["example-news.co.uk"], (std::pair<std::string, std::string>{"example-news.co.uk", "GBR"}));
  auto doc = Get("/api/documents/4", {}, 200);
  EXPECT_EQ(std::string_view(doc["document"]["outlet"]), "detik.com");
  EXPECT_EQ(std::string_view(doc["document"]["outlet_name"]), "detikcom");
  auto stories = Get("/api/stories", {{"outlet", "detik.com"}}, 200);
  ASSERT_EQ(simdjson::dom::array(stories["items"]).size(), 1u);
  EXPECT_EQ(int64_t(stories["items"].at(0)["sources"]), 1);
  EXPECT_EQ(std::string_view(stories["items"].at(0)["outlets"].at(0)), "detikcom");
  // A document without a URL has no outlet: never its input file's name.
  EXPECT_TRUE(Get("/api/documents/1", {}, 200)["document"]["outlet"].is_string());
  EXPECT_EQ(std::string_view(Get("/api/documents/1", {}, 200)["document"]["outlet"]), "");
}

TEST_F(Api, AStoryPageHasItsTimelineFirstReportOutletsAndActors) {
  auto stories = Get("/api/stories", {{"outlet", "detik.com"}}, 200);
  int64_t id = stories["items"].at(0)["story"];
  auto story = Get("/api/stories/" + std::to_string(id), {}, 200);
  EXPECT_EQ(std::string_view(story["by"]), "day");
  ASSERT_EQ(simdjson::dom::array(story["timeline"]).size(), 1u);
  EXPECT_EQ(std::string_view(story["timeline"].at(0)["period"]), "2025-12-01");
  EXPECT_EQ(int64_t(story["timeline"].at(0)["documents"]), 1);
  EXPECT_EQ(std::string_view(story["first_report"]["outlet"]), "detik.com");
  EXPECT_EQ(int64_t(story["first_report"]["document"]), 4);
  EXPECT_EQ(std::string_view(story["outlets"].at(0)["name"]), "detikcom");
  EXPECT_GE(simdjson::dom::array(story["actors"]).size(), 2u);  // Indonesia, Malaysia
  EXPECT_EQ(int64_t(story["documents"]["total"]), 1);
  auto docs = Get("/api/stories/" + std::to_string(id) + "/documents", {{"limit", "1"}}, 200);
  EXPECT_EQ(int64_t(docs["items"].at(0)["id"]), 4);
  Get("/api/stories/" + std::to_string(id) + "/other", {}, 404);
  auto topics = Get("/api/topics", {}, 200);
  ASSERT_GE(simdjson::dom::array(topics["items"]).size(), 1u);
  EXPECT_TRUE(topics["items"].at(0)["first"].is_string());  // topics have dates
  EXPECT_TRUE(topics["items"].at(0)["actors"].is_array());
}

TEST_F(Api, SeriesShowEveryPeriodAndMarkSpikes) {
  auto series = Get("/api/series", {{"actor", "CHN"}, {"from", "2025-09-01"}, {"to", "2025-12-31"}}, 200);
  auto periods = simdjson::dom::array(series["periods"]);
  ASSERT_EQ(periods.size(), 4u);  // September and December have no event: zeros, not gaps
  std::vector<std::string> names;
  for (auto p : periods) names.emplace_back(std::string_view(p["period"]));
  EXPECT_EQ(names, (std::vector<std::string>{"2025-09", "2025-10", "2025-11", "2025-12"}));
  EXPECT_EQ(int64_t(periods.at(0)["events"]), 0);
  EXPECT_TRUE(periods.at(0)["mean_goldstein"].is_null());
  EXPECT_GE(int64_t(periods.at(1)["events"]), 1);
  for (auto p : periods) EXPECT_TRUE(p["spike"].is_bool());
  auto pair = Get("/api/relations", {{"source", "CHN"}, {"target", "USA"}, {"from", "2025-10-01"}}, 200);
  EXPECT_EQ(std::string_view(pair["periods"].at(0)["period"]), "2025-10");
  EXPECT_EQ(int64_t(pair["periods"].at(0)["events"]), 0);
  Get("/api/series", {}, 400);
}

TEST_F(Api, TheMapAndTheCodes) {
  auto all = Get("/api/map", {}, 200);
  std::map<std::string, int64_t> events;
  for (auto c : simdjson::dom::array(all["countries"])) events[std::string(std::string_view(c["country"]))] = c["events"];
  EXPECT_GE(events["CHN"], 2);
  auto china = Get("/api/map", {{"actor", "CHN"}}, 200);
  std::set<std::string> partners;
  for (auto c : simdjson::dom::array(china["countries"])) partners.insert(std::string(std::string_view(c["country"])));
  EXPECT_TRUE(partners.count("USA"));
  EXPECT_FALSE(partners.count("CHN"));
  Get("/api/codes", {}, 404);  // the server loads them (ApiData)
  ApiData data;
  data.codes_json = R"({"cameo":[]})";
  EXPECT_TRUE(Get("/api/codes", {}, 200, data)["cameo"].is_array());
}

TEST_F(Api, TheGraphShowsTheBusiestPairsWithoutIsolates) {
  auto all = Get("/api/graph", {{"isolates", "1"}}, 200);
  ASSERT_GE(int64_t(all["total_edges"]), 2);
  auto top = Get("/api/graph", {{"limit", "1"}}, 200);
  ASSERT_EQ(simdjson::dom::array(top["edges"]).size(), 1u);
  std::set<std::string> ends{std::string(std::string_view(top["edges"].at(0)["source"])),
                             std::string(std::string_view(top["edges"].at(0)["target"]))};
  std::set<std::string> nodes;
  for (auto n : simdjson::dom::array(top["nodes"])) nodes.insert(std::string(std::string_view(n["id"])));
  EXPECT_EQ(nodes, ends);
  EXPECT_GT(simdjson::dom::array(all["nodes"]).size(), nodes.size());
}

TEST_F(Api, ViewsExportAsCsv) {
  ApiResponse r = HandleApi(*store_, "/api/events", {{"format", "csv"}, {"limit", "10000"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(r.filename, "warta-events.csv");
  EXPECT_EQ(r.body.substr(0, r.body.find("\r\n")),
            "document,date,source_actor,source_name,cameo,plover,quad_class,goldstein,negated,target_actor,"
            "target_name,via,reports,sentence,title,url");
  ApiResponse stories = HandleApi(*store_, "/api/stories", {{"format", "csv"}, {"outlet", "detik.com"}});
  EXPECT_NE(stories.body.find(",detikcom"), std::string::npos) << stories.body;
  ApiResponse timeline = HandleApi(*store_, "/api/stories/1", {{"format", "csv"}});
  EXPECT_EQ(timeline.filename, "warta-story-1-timeline.csv");
  EXPECT_EQ(timeline.body.substr(0, timeline.body.find("\r\n")), "period,documents,outlets");
  ApiResponse series = HandleApi(*store_, "/api/series", {{"actor", "CHN"}, {"format", "csv"}});
  EXPECT_EQ(series.body.substr(0, 7), "period,");
  EXPECT_NE(series.body.find(",spike\r\n"), std::string::npos);
}

TEST_F(Api, AllDigitParametersOf2To63AreA400NotA500) {
  // std::stoll threw on these: a 500 for the client's mistake.
  for (const std::string& big : std::vector<std::string>{"9223372036854775808", "18446744073709551616", std::string(400, '9')}) {
    for (const auto& [path, params] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
             {"/api/actors", {{"limit", big}}},
             {"/api/actors", {{"offset", big}}},
             {"/api/quotes", {{"limit", "-" + big}}},
             {"/api/graph", {{"min_events", big}}},
             {"/api/events", {{"source", big}}},
             {"/api/events", {{"target", big}}},
             {"/api/relations", {{"source", big}, {"target", "CHN"}}},
             {"/api/relations", {{"source", "CHN"}, {"target", big}}},
             {"/api/actors/" + big, {}},
             {"/api/stories/" + big, {}},
             {"/api/topics/" + big, {}},
             {"/api/documents/" + big, {}},
         }) {
      auto e = Get(path, params, 400);
      EXPECT_NE(std::string_view(e["error"]).find("must be between"), std::string_view::npos) << path;
    }
  }
  // The largest id is a valid id, and unknown: 404.
  Get("/api/actors/9223372036854775807", {}, 404);
  Get("/api/events", {{"source", "9223372036854775807"}}, 200);
}

TEST_F(Api, ErrorBodiesSayWhatWasWrong) {
  auto error = [&](const std::string& path, const std::map<std::string, std::string>& params, int status) {
    return std::string(std::string_view(Get(path, params, status)["error"]));
  };
  EXPECT_EQ(error("/api/actors", {{"limit", "501"}}, 400), "limit: must be between 1 and 500");
  EXPECT_EQ(error("/api/actors", {{"offset", "-1"}}, 400), "offset: must be between 0 and 1000000000");
  EXPECT_EQ(error("/api/actors", {{"limit", "ten"}}, 400), "limit: not a whole number");
  EXPECT_EQ(error("/api/actors", {{"limit", "5 "}}, 400), "limit: not a whole number");
  EXPECT_EQ(error("/api/events", {{"from", "2025-02-30"}}, 400), "from: a date like 2025-10-01");
  EXPECT_EQ(error("/api/actors/999999", {}, 404), "no such actor 999999");
  EXPECT_EQ(error("/api/stories/424242", {}, 404), "no such story 424242");
  EXPECT_EQ(error("/api/topics/424242", {}, 404), "no such topic 424242");
  EXPECT_EQ(error("/api/documents/424242", {}, 404), "no such document 424242");
  EXPECT_EQ(error("/api/relations", {{"source", "999999"}, {"target", "CHN"}}, 404), "no such actor 999999");
  EXPECT_EQ(error("/api/x", {}, 404), "no such endpoint /api/x");
  EXPECT_EQ(error("/api/actors/", {}, 404), "no such endpoint /api/actors/");
  EXPECT_EQ(error("/api/actors/1/more", {}, 404), "no such endpoint /api/actors/1/more");
  EXPECT_EQ(error("/api/\xff<b>", {}, 404), "no such endpoint /api/?<b>");
  // A path id that is not a number is a bad request (docs/api.md), not an unknown id.
  EXPECT_EQ(error("/api/actors/abc", {}, 400), "actor id: not a whole number");
  EXPECT_EQ(error("/api/documents/-1", {}, 400), "document id: must be between 1 and 9223372036854775807");
  EXPECT_EQ(error("/api/stories/0", {}, 400), "story id: must be between 1 and 9223372036854775807");
}

// A copy of `from` whose every table and index root page (all but the schema)
// is overwritten with junk: the store opens, and every query fails.
void CorruptCopy(const std::string& from, const std::string& to) {
  {
    std::ifstream in(from, std::ios::binary);
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    out << in.rdbuf();
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(to.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<int64_t> roots;
  int64_t page_size = 0;
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE rootpage > 1", -1, &st, nullptr), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) roots.push_back(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  page_size = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  ASSERT_GT(roots.size(), 5u);
  std::fstream f(to, std::ios::binary | std::ios::in | std::ios::out);
  std::string junk(static_cast<size_t>(page_size), '\xa5');
  for (int64_t root : roots) {
    f.seekp((root - 1) * page_size);
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
}

TEST_F(Api, AStoreFailureIsA500WithoutSqlText) {
  std::string corrupt = *path_ + ".corrupt.db";
  CorruptCopy(*path_, corrupt);
  auto store = Store::OpenSqlite(corrupt, Store::Mode::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  for (const std::string path : {"/api/stats", "/api/actors", "/api/graph", "/api/stories", "/api/documents/1",
                                 "/api/actors/1", "/api/events"}) {
    ApiResponse r = HandleApi(*store.value(), path, {});
    EXPECT_EQ(r.status, 500) << path << ": " << r.body;
    EXPECT_EQ(r.body, R"({"error":"internal error"})") << path;
    EXPECT_NE(r.log.find("malformed"), std::string::npos) << path << ": the detail is for the log: " << r.log;
  }
  for (const auto& [path, params] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
           {"/api/relations", {{"source", "1"}, {"target", "CHN"}}},
           {"/api/search", {{"q", "sanksi"}}},  // not taken for a bad search
       }) {
    ApiResponse r = HandleApi(*store.value(), path, params);
    EXPECT_EQ(r.status, 500) << path << ": " << r.body;
    EXPECT_EQ(r.body, R"({"error":"internal error"})") << path;
  }
  store.value().reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((corrupt + suffix).c_str());
}

}  // namespace
}  // namespace warta
