#include "serve/api.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <optional>
#include <vector>

#include "store/table_format.h"
#include "util/days.h"
#include "util/json_writer.h"
#include "util/utf8.h"

namespace warta {

namespace {

struct Failure {
  int status;
  std::string message;
};

constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

ApiResponse Error(int status, const std::string& message) {
  return {status, ApiErrorBody(message), ""};
}

// A failure of the store (a corrupt page, an I/O error): the client learns
// only that it was not its fault; the detail goes to the server's log.
ApiResponse Internal(const std::string& detail) { return {500, ApiErrorBody("internal error"), detail}; }

enum class IntError { kNone, kNotANumber, kOutOfRange };

// A decimal integer (an optional '-', digits, nothing else) in [min, max],
// parsed without exceptions: any number of digits is refused, not thrown on.
IntError ParseInt(std::string_view text, int64_t min, int64_t max, int64_t* out) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec == std::errc::invalid_argument || ptr != end) return IntError::kNotANumber;
  if (ec == std::errc::result_out_of_range || v < min || v > max) return IntError::kOutOfRange;
  *out = v;
  return IntError::kNone;
}

std::string Between(const std::string& name, int64_t min, int64_t max) {
  return fmt::format("{}: must be between {} and {}", name, min, max);
}

bool AllDigits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

// Reads and checks the query parameters; the first problem is kept.
class Params {
 public:
  explicit Params(const std::map<std::string, std::string>& p) : p_(p) {}

  std::optional<std::string> Text(const std::string& name, size_t max_bytes = 200) {
    auto it = p_.find(name);
    if (it == p_.end() || it->second.empty()) return std::nullopt;
    if (it->second.size() > max_bytes) return Fail(name + ": at most " + std::to_string(max_bytes) + " bytes");
    if (!IsValidUtf8(it->second)) return Fail(name + ": not valid UTF-8");
    return it->second;
  }
  std::optional<int64_t> Int(const std::string& name, int64_t min, int64_t max) {
    auto it = p_.find(name);
    if (it == p_.end() || it->second.empty()) return std::nullopt;
    int64_t v = 0;
    switch (ParseInt(it->second, min, max, &v)) {
      case IntError::kNotANumber: return FailInt(name + ": not a whole number");
      case IntError::kOutOfRange: return FailInt(Between(name, min, max));
      case IntError::kNone: break;
    }
    return v;
  }
  std::optional<int32_t> Day(const std::string& name) {
    auto t = Text(name, 10);
    if (!t) return std::nullopt;
    auto d = DaysFromIso(*t);
    if (!d || t->size() != 10) {
      Fail(name + ": a date like 2025-10-01");
      return std::nullopt;
    }
    return d;
  }
  // An actor code prefix (CHN, IDNGOV, IGOUNO) or an entity id.
  std::optional<std::string> Actor(const std::string& name) {
    auto it = p_.find(name);
    if (it != p_.end() && AllDigits(it->second)) {  // an entity id, however many digits
      int64_t id = 0;
      if (ParseInt(it->second, 1, kMaxId, &id) != IntError::kNone) return Fail(Between(name + " (an entity id)", 1, kMaxId));
      return it->second;
    }
    auto t = Text(name, 20);
    if (!t) return std::nullopt;
    bool code = t->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos && t->size() >= 3;
    if (!code) return Fail(name + ": an actor code such as CHN or IDNGOV, or an entity id");
    return t;
  }
  Page GetPage() {
    Page page;
    page.limit = Int("limit", 1, kMaxPageLimit).value_or(50);
    page.offset = Int("offset", 0, 1000000000).value_or(0);
    return page;
  }
  const std::optional<std::string>& error() const { return error_; }

 private:
  std::optional<std::string> Fail(const std::string& message) {
    if (!error_) error_ = message;
    return std::nullopt;
  }
  std::optional<int64_t> FailInt(const std::string& message) {
    Fail(message);
    return std::nullopt;
  }
  const std::map<std::string, std::string>& p_;
  std::optional<std::string> error_;
};

// Table → JSON: an array of objects, one object, or a list answer.
std::string Rows(const Table& t) {
  std::string out = "[";
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (i) out += ',';
    out += RowToJson(t, t.rows[i]);
  }
  return out + "]";
}
std::string List(const Table& t, const Page& page) {
  return fmt::format("{{\"items\":{},\"limit\":{},\"offset\":{}}}", Rows(t), page.limit, page.offset);
}

// Unwraps a store answer; a failure becomes a 500 (the store, not the request, is at fault).
#define WARTA_TABLE(var, expr)                                                        \
  auto var##_result = (expr);                                                         \
  if (!var##_result.ok()) return Internal("store: " + var##_result.status().message()); \
  const Table& var = var##_result.value()

// The path as quoted in a message: printable ASCII kept, other bytes '?', at most 100 bytes.
std::string Shown(const std::string& path) {
  std::string out;
  for (char c : path.substr(0, 100)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return path.size() > 100 ? out + "..." : out;
}

ApiResponse NoSuchEndpoint(const std::string& path) { return Error(404, "no such endpoint " + Shown(path)); }

// "/api/actors/12" with prefix "/api/actors/" → 12 in *id. Otherwise the
// answer: 404 when the rest is not one path segment, 400 when it is not an id.
std::optional<ApiResponse> IdAfter(const std::string& path, const std::string& prefix, const char* what, int64_t* id) {
  std::string rest = path.substr(prefix.size());
  if (rest.empty() || rest.find('/') != std::string::npos) return NoSuchEndpoint(path);
  switch (ParseInt(rest, 1, kMaxId, id)) {
    case IntError::kNotANumber: return Error(400, fmt::format("{} id: not a whole number", what));
    case IntError::kOutOfRange: return Error(400, Between(std::string(what) + " id", 1, kMaxId));
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
    *error = Error(400, Between("entity id", 1, kMaxId));
    return std::nullopt;
  }
  auto t = store.Actor(id);
  if (!t.ok()) {
    *error = Internal("store: " + t.status().message());
    return std::nullopt;
  }
  const Table& row = t.value();
  if (!row.rows.empty())
    for (size_t i = 0; i < row.columns.size(); ++i)
      if (row.columns[i] == "actor" && row.rows[0][i]) return row.rows[0][i];
  *error = Error(404, fmt::format("no such actor {}", id));
  return std::nullopt;
}

ApiResponse Handle(Store& store, const std::string& path, Params& q) {
  if (path == "/api/stats") {
    WARTA_TABLE(t, store.Stats());
    return {200, RowToJson(t, t.rows.at(0)), ""};
  }
  if (path == "/api/actors") {
    auto text = q.Text("q");
    Page page = q.GetPage();
    if (q.error()) return Error(400, *q.error());
    WARTA_TABLE(t, store.Actors(text, page));
    return {200, List(t, page), ""};
  }
  if (path.rfind("/api/actors/", 0) == 0) {
    int64_t id = 0;
    if (auto bad = IdAfter(path, "/api/actors/", "actor", &id)) return *bad;
    WARTA_TABLE(actor, store.Actor(id));
    if (actor.rows.empty()) return Error(404, fmt::format("no such actor {}", id));
    WARTA_TABLE(months, store.ActorMentionsByMonth(id));
    WARTA_TABLE(quotes, store.QuotesOf(id, Page{100, 0}));
    WARTA_TABLE(as_source, store.EventsOf(id, true, Page{100, 0}));
    WARTA_TABLE(as_target, store.EventsOf(id, false, Page{100, 0}));
    return {200, fmt::format("{{\"actor\":{},\"mentions_by_month\":{},\"quotes\":{},\"events_as_source\":{},"
                             "\"events_as_target\":{}}}",
                             RowToJson(actor, actor.rows[0]), Rows(months), Rows(quotes), Rows(as_source),
                             Rows(as_target)), ""};
  }
  if (path == "/api/graph") {
    auto from = q.Day("from"), to = q.Day("to");
    int64_t min_events = q.Int("min_events", 1, 1000000).value_or(1);
    if (q.error()) return Error(400, *q.error());
    WARTA_TABLE(nodes, store.GraphNodes(from, to));
    WARTA_TABLE(edges, store.GraphEdges(from, to, min_events));
    return {200, fmt::format("{{\"nodes\":{},\"edges\":{}}}", Rows(nodes), Rows(edges)), ""};
  }
  if (path == "/api/relations") {
    auto source = q.Actor("source"), target = q.Actor("target");
    auto from = q.Day("from"), to = q.Day("to");
    std::string by = q.Text("by", 8).value_or("month");
    if (!q.error() && (!source || !target)) return Error(400, "source and target are required");
    if (!q.error() && by != "day" && by != "week" && by != "month" && by != "year")
      return Error(400, "by: day, week, month or year");
    if (q.error()) return Error(400, *q.error());
    ApiResponse unknown;
    auto a = ActorCode(store, *source, &unknown);
    if (!a) return unknown;
    auto b = ActorCode(store, *target, &unknown);
    if (!b) return unknown;
    WARTA_TABLE(periods, store.Relations(*a, *b, by, from, to));
    EventFilter both;  // the evidence: events of the pair, either way
    both.since = from;
    both.until = to;
    both.page = Page{200, 0};
    both.source = *a;
    both.target = *b;
    WARTA_TABLE(ab, store.Events(both));
    std::swap(both.source, both.target);
    WARTA_TABLE(ba, store.Events(both));
    std::string evidence = Rows(ab);
    std::string reverse = Rows(ba);
    if (reverse.size() > 2) evidence = evidence.size() > 2 ? evidence.substr(0, evidence.size() - 1) + "," + reverse.substr(1) : reverse;
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("source");
    w.String(*a);
    w.Key("target");
    w.String(*b);
    w.Key("by");
    w.String(by);
    w.EndObject();
    out.pop_back();
    return {200, out + fmt::format(",\"periods\":{},\"evidence\":{}}}", Rows(periods), evidence), ""};
  }
  if (path == "/api/events") {
    EventFilter f;
    f.source = q.Actor("source");
    f.target = q.Actor("target");
    f.since = q.Day("from");
    f.until = q.Day("to");
    f.page = q.GetPage();
    if (q.error()) return Error(400, *q.error());
    WARTA_TABLE(t, store.Events(f));
    return {200, List(t, f.page), ""};
  }
  if (path == "/api/quotes") {
    auto speaker = q.Text("speaker"), words = q.Text("q");
    Page page = q.GetPage();
    if (q.error()) return Error(400, *q.error());
    WARTA_TABLE(t, store.Quotes(speaker, words, page));
    return {200, List(t, page), ""};
  }
  for (Grouping g : {Grouping::kStory, Grouping::kTopic}) {
    std::string base = g == Grouping::kStory ? "/api/stories" : "/api/topics";
    if (path == base) {
      Page page = q.GetPage();
      if (q.error()) return Error(400, *q.error());
      WARTA_TABLE(t, store.Groups(g, page));
      return {200, List(t, page), ""};
    }
    if (path.rfind(base + "/", 0) == 0) {
      const char* what = g == Grouping::kStory ? "story" : "topic";
      int64_t id = 0;
      if (auto bad = IdAfter(path, base + "/", what, &id)) return *bad;
      WARTA_TABLE(row, store.Group(g, id));
      if (row.rows.empty()) return Error(404, fmt::format("no such {} {}", what, id));
      WARTA_TABLE(docs, store.GroupDocuments(g, id, Page{kMaxPageLimit, 0}));
      return {200, fmt::format("{{\"{}\":{},\"documents\":{}}}", g == Grouping::kStory ? "story" : "topic",
                               RowToJson(row, row.rows[0]), Rows(docs)), ""};
    }
  }
  if (path.rfind("/api/documents/", 0) == 0) {
    int64_t id = 0;
    if (auto bad = IdAfter(path, "/api/documents/", "document", &id)) return *bad;
    WARTA_TABLE(doc, store.Document(id));
    if (doc.rows.empty()) return Error(404, fmt::format("no such document {}", id));
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
    return {200, fmt::format("{{\"document\":{},\"text\":{},\"entities\":{},\"quotes\":{},\"events\":{}}}",
                             RowToJson(fields, row), text, Rows(entities), Rows(quotes), Rows(events)), ""};
  }
  if (path == "/api/search") {
    auto text = q.Text("q");
    Page page = q.GetPage();
    if (!q.error() && !text) return Error(400, "q is required");
    if (q.error()) return Error(400, *q.error());
    auto t = store.Search(*text, page);
    if (!t.ok()) {
      // FTS5 refuses malformed queries ("AND", unbalanced quotes, "col:word", deep
      // nesting): the request's fault. Anything else is the store's.
      const std::string& m = t.status().message();
      bool syntax = t.status().code() != Status::Code::kCorrupt &&
                    (m.find("fts5") != std::string::npos || m.find("unterminated string") != std::string::npos ||
                     m.find("no such column") != std::string::npos || m.find("unknown special query") != std::string::npos);
      if (!syntax) return Internal("store: " + m);
      return Error(400, "q: not a valid search (words, \"phrases\", OR, NOT, prefix*)");
    }
    return {200, List(t.value(), page), ""};
  }
  return NoSuchEndpoint(path);
}

#undef WARTA_TABLE

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

ApiResponse HandleApi(Store& store, const std::string& path, const std::map<std::string, std::string>& params) {
  Params q(params);
  return Handle(store, path, q);
}

}  // namespace warta
