#include "serve/api.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>
#include <optional>
#include <vector>

#include "serve/api_answers.h"
#include "serve/api_params.h"
#include "serve/periods.h"
#include "store/fts_query.h"
#include "store/table_format.h"
#include "util/days.h"
#include "util/json_writer.h"

namespace warta {

namespace {

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();
// The rows as CSV for download (`name` names the file), or `json`.
ApiResponse Answer(const Table& t, bool csv, const std::string& name, std::string json) {
  return csv ? CsvAnswer(t, name) : JsonAnswer(std::move(json));
}

#define WARTA_CHECK(q) \
  if ((q).error()) return ErrorAnswer(400, *(q).error())

// The path as quoted in a message: printable ASCII kept, other bytes '?', at most 100 bytes.
std::string Shown(const std::string& path) {
  std::string out;
  for (char c : path.substr(0, 100)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return path.size() > 100 ? out + "..." : out;
}

ApiResponse NoSuchEndpoint(const std::string& path) { return ErrorAnswer(404, "no such endpoint " + Shown(path)); }

// "/api/actors/12" with prefix "/api/actors/" → 12 in *id and the rest of the path ("" or
// "/documents") in *tail. Otherwise the answer: 400 when the segment is not an id.
std::optional<ApiResponse> IdAfter(const std::string& path, const std::string& prefix, const char* what, int64_t* id,
                                   std::string* tail = nullptr) {
  std::string rest = path.substr(prefix.size());
  size_t slash = rest.find('/');
  if (rest.empty() || (slash != std::string::npos && !tail)) return NoSuchEndpoint(path);
  if (tail) *tail = slash == std::string::npos ? "" : rest.substr(slash);
  switch (ParseInt(rest.substr(0, slash), 1, kMaxId, id)) {
    case IntError::kNotANumber: return ErrorAnswer(400, fmt::format("{} id: not a whole number", what));
    case IntError::kOutOfRange: return ErrorAnswer(400, Between(std::string(what) + " id", 1, kMaxId));
    case IntError::kNone: break;
  }
  return std::nullopt;
}

// An actor parameter as an actor code prefix: an entity id becomes its entity's code.
// An unknown id answers 404, a failing store 500 (in *error).
std::optional<std::string> ActorCode(Store& store, const std::string& v, ApiResponse* error) {
  if (!AllDigits(v)) return v;
  int64_t id = 0;
  if (ParseInt(v, 1, kMaxId, &id) != IntError::kNone) {  // Params::Actor checked it already
    *error = ErrorAnswer(400, Between("entity id", 1, kMaxId));
    return std::nullopt;
  }
  auto t = store.Actor(id);
  if (!t.ok()) {
    *error = InternalAnswer("store: " + t.status().message());
    return std::nullopt;
  }
  if (auto code = CellOf(t.value(), 0, "actor")) return code;
  *error = ErrorAnswer(404, fmt::format("no such actor {}", id));
  return std::nullopt;
}

// {"key":"value",…} without its closing brace, for answers that go on with more members.
std::string OpenObject(std::initializer_list<std::pair<const char*, std::optional<std::string>>> members) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  for (const auto& [key, value] : members) {
    w.Key(key);
    value ? w.String(*value) : w.Null();
  }
  w.EndObject();
  out.pop_back();
  return out;
}

ApiResponse StatsApi(Store& store, Params& q) {
  Filter f = q.GetFilter();
  WARTA_CHECK(q);
  WARTA_TABLE(t, store.Stats(f));
  return JsonAnswer(RowToJson(t, t.rows.at(0)));
}

ApiResponse OutletsApi(Store& store, Params& q) {
  bool csv = q.Csv();
  Filter f = q.GetFilter();
  Page page = q.GetPage();
  WARTA_CHECK(q);
  WARTA_TABLE(t, store.Outlets(f, page));
  return Answer(t, csv, "outlets", JsonList(t, page));
}

ApiResponse ActorsApi(Store& store, Params& q) {
  bool csv = q.Csv();
  auto text = q.Text("q");
  Filter f = q.GetFilter();
  Page page = q.GetPage();
  WARTA_CHECK(q);
  WARTA_TABLE(t, store.Actors(text, f, page));
  return Answer(t, csv, "actors", JsonList(t, page));
}

ApiResponse ActorApi(Store& store, int64_t id, Params& q) {
  Filter f = q.GetFilter();
  WARTA_CHECK(q);
  WARTA_TABLE(actor, store.Actor(id));
  if (actor.rows.empty()) return ErrorAnswer(404, fmt::format("no such actor {}", id));
  WARTA_TABLE(months, store.ActorMentionsByMonth(id, f));
  FillPeriods(&months, "month", f.since, f.until);
  const Page first{20, 0};
  WARTA_TABLE(quotes, store.QuotesOf(id, f, first));
  WARTA_TABLE(as_source, store.EventsOf(id, true, f, first));
  WARTA_TABLE(as_target, store.EventsOf(id, false, f, first));
  return JsonAnswer(fmt::format("{{\"actor\":{},\"mentions_by_month\":{},\"quotes\":{},\"events_as_source\":{},"
                          "\"events_as_target\":{}}}",
                          RowToJson(actor, actor.rows[0]), JsonRows(months), JsonList(quotes, first), JsonList(as_source, first),
                          JsonList(as_target, first)));
}

ApiResponse GraphApi(Store& store, Params& q) {
  bool csv = q.Csv();
  Filter f = q.GetFilter();
  int64_t min_events = q.Int("min_events", 1, 1000000).value_or(1);
  int64_t limit = q.Int("limit", 1, 2000).value_or(100);
  bool isolates = q.Bool("isolates").value_or(false);
  WARTA_CHECK(q);
  WARTA_TABLE(nodes, store.GraphNodes(f));
  WARTA_TABLE(edges, store.GraphEdges(f, min_events));
  size_t total_edges = edges.rows.size();
  if (edges.rows.size() > static_cast<size_t>(limit)) edges.rows.resize(static_cast<size_t>(limit));  // busiest first
  if (!isolates) {  // the nodes on a shown edge
    std::set<std::string> linked;
    for (const auto& e : edges.rows) linked.insert({e[0].value_or(""), e[1].value_or("")});
    std::erase_if(nodes.rows, [&](const auto& n) { return !linked.count(n[0].value_or("")); });
  }
  return Answer(edges, csv, "graph",
                fmt::format("{{\"nodes\":{},\"edges\":{},\"total_edges\":{}}}", JsonRows(nodes), JsonRows(edges), total_edges));
}

ApiResponse MapApi(Store& store, Params& q) {
  bool csv = q.Csv();
  auto actor = q.Actor("actor");
  Filter f = q.GetFilter();
  WARTA_CHECK(q);
  std::optional<std::string> node;
  if (actor) {
    ApiResponse unknown;
    auto code = ActorCode(store, *actor, &unknown);
    if (!code) return unknown;
    node = code->rfind("IGO", 0) == 0 ? *code : code->substr(0, 3);  // the map is drawn by state
  }
  WARTA_TABLE(t, store.MapCountries(node, f));
  return Answer(t, csv, "map", OpenObject({{"actor", node}}) + fmt::format(",\"countries\":{}}}", JsonRows(t)));
}

// Both /api/relations (source and target) and /api/series (actor, optional target).
ApiResponse SeriesApi(Store& store, Params& q, bool relations) {
  bool csv = q.Csv();
  auto a = q.Actor(relations ? "source" : "actor");
  auto b = q.Actor("target");
  Filter f = q.GetFilter();
  std::string by = q.OneOf("by", {"month", "day", "week", "year"});
  WARTA_CHECK(q);
  if (!a || (relations && !b)) return ErrorAnswer(400, relations ? "source and target are required" : "actor is required");
  ApiResponse unknown;
  auto code_a = ActorCode(store, *a, &unknown);
  if (!code_a) return unknown;
  std::optional<std::string> code_b;
  if (b && !(code_b = ActorCode(store, *b, &unknown))) return unknown;
  WARTA_TABLE(periods, store.Relations(*code_a, code_b, by, f));
  FillPeriods(&periods, by, f.since, f.until);
  MarkSpikes(&periods, "events");
  std::string head = OpenObject({{relations ? "source" : "actor", code_a}, {"target", code_b}, {"by", by}});
  if (!relations || csv)
    return Answer(periods, csv, relations ? "relations" : "series", head + fmt::format(",\"periods\":{}}}", JsonRows(periods)));
  EventFilter both;  // the evidence: events of the pair, either way
  both.docs = f;
  both.page = Page{200, 0};
  both.source = *code_a;
  both.target = *code_b;
  WARTA_TABLE(ab, store.Events(both));
  std::swap(both.source, both.target);
  WARTA_TABLE(ba, store.Events(both));
  ab.rows.insert(ab.rows.end(), ba.rows.begin(), ba.rows.end());
  return JsonAnswer(head + fmt::format(",\"periods\":{},\"evidence\":{}}}", JsonRows(periods), JsonRows(ab)));
}

ApiResponse EventsApi(Store& store, Params& q) {
  bool csv = q.Csv();
  EventFilter f;
  f.source = q.Actor("source");
  f.target = q.Actor("target");
  f.docs = q.GetFilter();
  f.page = q.GetPage();
  WARTA_CHECK(q);
  WARTA_TABLE(t, store.Events(f));
  return Answer(t, csv, "events", JsonList(t, f.page));
}

ApiResponse QuotesApi(Store& store, Params& q) {
  bool csv = q.Csv();
  auto speaker = q.Text("speaker"), words = q.Text("q");
  Filter f = q.GetFilter();
  Page page = q.GetPage();
  int64_t id = 0;
  if (speaker && AllDigits(*speaker) && ParseInt(*speaker, 1, kMaxId, &id) != IntError::kNone)
    q.Fail(Between("speaker (an entity id)", 1, kMaxId));
  WARTA_CHECK(q);
  // Digits name the speaker's entity (the actor page's quotes); words are matched then.
  auto result = id && !words ? store.QuotesOf(id, f, page) : store.Quotes(speaker, words, f, page);
  WARTA_TABLE(t, std::move(result));
  return Answer(t, csv, "quotes", JsonList(t, page));
}

ApiResponse SearchApi(Store& store, Params& q) {
  bool csv = q.Csv();
  auto text = q.Text("q");
  Filter f = q.GetFilter();
  Page page = q.GetPage();
  if (!q.error() && !text) return ErrorAnswer(400, "q is required");
  WARTA_CHECK(q);
  std::string query = SafeSearchQuery(*text);
  if (query.empty()) return Answer(Table{{"document"}, {Table::Type::kInt}, {}, 0}, csv, "search", JsonList(Table{}, page));
  auto t = store.Search(query, f, page);
  if (!t.ok()) {
    // SafeSearchQuery makes every text a valid query; a refusal left is FTS5's limits
    // (too deep a nesting) and still the request's, anything else the store's.
    const std::string& m = t.status().message();
    bool syntax = t.status().code() != Status::Code::kCorrupt &&
                  (m.find("fts5") != std::string::npos || m.find("unterminated string") != std::string::npos ||
                   m.find("no such column") != std::string::npos || m.find("unknown special query") != std::string::npos);
    if (!syntax) return InternalAnswer("store: " + m);
    return ErrorAnswer(400, "q: not a valid search (words, \"phrases\", OR, NOT, prefix*)");
  }
  return Answer(t.value(), csv, "search", JsonList(t.value(), page));
}

ApiResponse DocumentApi(Store& store, int64_t id) {
  WARTA_TABLE(doc, store.Document(id));
  if (doc.rows.empty()) return ErrorAnswer(404, fmt::format("no such document {}", id));
  WARTA_TABLE(entities, store.DocumentSpans(id));
  WARTA_TABLE(quotes, store.DocumentQuotes(id));
  WARTA_TABLE(events, store.DocumentEvents(id));
  // The document's fields without its texts; `text` is the original, which every offset indexes.
  Table fields;
  std::vector<std::optional<std::string>> row;
  std::optional<std::string> original;
  for (size_t i = 0; i < doc.columns.size(); ++i) {
    const std::string& c = doc.columns[i];
    if (c == "original") original = doc.rows[0][i];
    if (c == "original" || c == "text" || c == "identity" || c == "source" || c == "similarity") continue;
    fields.columns.push_back(c);
    fields.types.push_back(doc.types[i]);
    row.push_back(doc.rows[0][i]);
  }
  std::string text;
  AppendJsonString(original.value_or(""), &text);
  return JsonAnswer(fmt::format("{{\"document\":{},\"text\":{},\"entities\":{},\"quotes\":{},\"events\":{}}}",
                          RowToJson(fields, row), text, JsonRows(entities), JsonRows(quotes), JsonRows(events)));
}

}  // namespace

// Stories and topics: api_groups.cc.
ApiResponse GroupsApi(Store& store, Grouping g, Params& q);
ApiResponse GroupApi(Store& store, Grouping g, int64_t id, const std::string& tail, Params& q);

namespace {

ApiResponse Handle(Store& store, const std::string& path, Params& q, const ApiData& data) {
  if (path == "/api/stats") return StatsApi(store, q);
  if (path == "/api/outlets") return OutletsApi(store, q);
  if (path == "/api/actors") return ActorsApi(store, q);
  if (path == "/api/graph") return GraphApi(store, q);
  if (path == "/api/map") return MapApi(store, q);
  if (path == "/api/relations") return SeriesApi(store, q, true);
  if (path == "/api/series") return SeriesApi(store, q, false);
  if (path == "/api/events") return EventsApi(store, q);
  if (path == "/api/quotes") return QuotesApi(store, q);
  if (path == "/api/search") return SearchApi(store, q);
  if (path == "/api/codes") {
    if (data.codes_json.empty()) return NoSuchEndpoint(path);
    return JsonAnswer(data.codes_json);
  }
  int64_t id = 0;
  if (path.rfind("/api/actors/", 0) == 0) {
    if (auto bad = IdAfter(path, "/api/actors/", "actor", &id)) return *bad;
    return ActorApi(store, id, q);
  }
  if (path.rfind("/api/documents/", 0) == 0) {
    if (auto bad = IdAfter(path, "/api/documents/", "document", &id)) return *bad;
    return DocumentApi(store, id);
  }
  for (Grouping g : {Grouping::kStory, Grouping::kTopic}) {
    std::string base = g == Grouping::kStory ? "/api/stories" : "/api/topics";
    if (path == base) return GroupsApi(store, g, q);
    if (path.rfind(base + "/", 0) == 0) {
      std::string tail;
      if (auto bad = IdAfter(path, base + "/", g == Grouping::kStory ? "story" : "topic", &id, &tail)) return *bad;
      if (!tail.empty() && tail != "/documents") return NoSuchEndpoint(path);
      return GroupApi(store, g, id, tail, q);
    }
  }
  return NoSuchEndpoint(path);
}

}  // namespace

std::string ApiErrorBody(const std::string& message) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error");
  w.String(message);
  w.EndObject();
  return body;
}

ApiResponse HandleApi(Store& store, const std::string& path, const std::map<std::string, std::string>& params,
                      const ApiData& data) {
  Params q(params);
  return Handle(store, path, q, data);
}

}  // namespace warta
