// GET /api/stories, /api/topics and one story's or topic's page: its timeline,
// first report, outlets, actors, quotes and events (docs/api.md).
#include <fmt/format.h>

#include "serve/api.h"
#include "serve/api_answers.h"
#include "serve/api_params.h"
#include "serve/periods.h"
#include "store/table_format.h"
#include "util/days.h"
#include "util/json_writer.h"

namespace warta {

namespace {

// The timeline's period: days for a short story, weeks up to three years, else months.
std::string TimelineBy(const Table& group) {
  auto first = CellOf(group, 0, "first"), last = CellOf(group, 0, "last");
  if (!first || !last) return "day";
  int32_t span = DaysFromIso(*last).value_or(0) - DaysFromIso(*first).value_or(0);
  return span <= 92 ? "day" : span <= 3 * 366 ? "week" : "month";
}

// The earliest document (GroupDocuments' order: day, then published time), when dated.
std::string FirstReport(const Table& docs) {
  if (docs.rows.empty() || !CellOf(docs, 0, "published")) return "null";
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  for (const char* c : {"id", "title", "published", "outlet", "name"}) {
    auto v = CellOf(docs, 0, c);
    w.Key(std::string(c) == "id" ? "document" : c);
    if (!v) w.Null();
    else if (std::string(c) == "id") w.Int(std::strtoll(v->c_str(), nullptr, 10));
    else w.String(*v);
  }
  w.EndObject();
  return out;
}

}  // namespace

ApiResponse GroupsApi(Store& store, Grouping g, Params& q) {
  bool csv = q.Csv();
  Filter f = q.GetFilter();
  Page page = q.GetPage();
  if (q.error()) return ErrorAnswer(400, *q.error());
  WARTA_TABLE(t, store.Groups(g, f, page));
  const char* name = g == Grouping::kStory ? "stories" : "topics";
  return csv ? CsvAnswer(t, name) : JsonAnswer(JsonList(t, page));
}

ApiResponse GroupApi(Store& store, Grouping g, int64_t id, const std::string& tail, Params& q) {
  const char* what = g == Grouping::kStory ? "story" : "topic";
  bool csv = q.Csv();
  Page page = q.GetPage();
  if (q.error()) return ErrorAnswer(400, *q.error());
  WARTA_TABLE(group, store.Group(g, id));
  if (group.rows.empty()) return ErrorAnswer(404, fmt::format("no such {} {}", what, id));
  if (tail == "/documents") {
    WARTA_TABLE(docs, store.GroupDocuments(g, id, page));
    return csv ? CsvAnswer(docs, fmt::format("{}-{}-documents", what, id)) : JsonAnswer(JsonList(docs, page));
  }
  std::string by = TimelineBy(group);
  WARTA_TABLE(timeline, store.GroupTimeline(g, id, by));
  FillPeriods(&timeline, by, std::nullopt, std::nullopt);
  if (csv) return CsvAnswer(timeline, fmt::format("{}-{}-timeline", what, id));
  const Page first{50, 0};
  WARTA_TABLE(docs, store.GroupDocuments(g, id, first));
  WARTA_TABLE(outlets, store.GroupOutlets(g, id));
  WARTA_TABLE(actors, store.GroupActors(g, id, 20, 2000));
  WARTA_TABLE(quotes, store.GroupQuotes(g, id, first));
  WARTA_TABLE(events, store.GroupEvents(g, id, Page{100, 0}));
  return JsonAnswer(fmt::format("{{\"{}\":{},\"by\":\"{}\",\"timeline\":{},\"first_report\":{},\"outlets\":{},\"documents\":{},"
                      "\"actors\":{},\"quotes\":{},\"events\":{}}}",
                      what, RowToJson(group, group.rows[0]), by, JsonRows(timeline), FirstReport(docs), JsonRows(outlets),
                      JsonList(docs, first), JsonRows(actors), JsonList(quotes, first), JsonList(events, Page{100, 0})));
}

}  // namespace warta
