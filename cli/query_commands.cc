#include "cli/query_commands.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>

#include "serve/periods.h"
#include "store/fts_query.h"
#include "store/store.h"
#include "store/table_format.h"
#include "util/days.h"

namespace warta {

namespace {

struct Common {
  std::string db = "warta.db";
  bool json = false, csv = false;
  int64_t limit = 50, offset = 0;
  std::string from, to;  // yyyy-mm-dd
  std::optional<std::string> lang, outlet;
};

// A whole number in [min, max], written in decimal: parsed with from_chars,
// never stoll (which throws) nor CLI11's own conversion (which reads "010" as
// octal 8 and 2^64 as 2^63-1). The value is rewritten in canonical form, so
// CLI11's conversion afterwards is exact.
CLI::Validator WholeNumber(int64_t min, int64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        int64_t v = 0;
        const char* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(text.data(), end, v);
        if (ec == std::errc::invalid_argument || ptr != end) return fmt::format("not a whole number: '{}'", text);
        if (ec == std::errc::result_out_of_range || v < min || v > max)
          return fmt::format("must be between {} and {}, got '{}'", min, max, text);
        text = std::to_string(v);
        return "";
      },
      fmt::format("INT in [{} - {}]", min, max));
}

// An actor given as digits is an entity id: it must fit one.
bool CheckActor(const std::string& flag, const std::optional<std::string>& v) {
  if (!v || v->empty() || v->find_first_not_of("0123456789") != std::string::npos) return true;
  int64_t id = 0;
  const char* end = v->data() + v->size();
  auto [ptr, ec] = std::from_chars(v->data(), end, id);
  if (ec == std::errc() && ptr == end && id >= 1) return true;
  fmt::print(stderr, "warta: {}: an entity id must be between 1 and {}, got '{}'\n", flag,
             std::numeric_limits<int64_t>::max(), *v);
  return false;
}

void AddCommon(CLI::App* cmd, Common* c, bool limit = true) {
  cmd->add_option("--db", c->db, "The store: an SQLite file written by `warta ingest`, or a postgresql:// URI")->capture_default_str();
  auto* json = cmd->add_flag("--json", c->json, "A JSON array of objects instead of a table");
  cmd->add_flag("--csv", c->csv, "CSV (RFC 4180, with a header) instead of a table")->excludes(json);
  if (limit) {
    cmd->add_option("--limit", c->limit, "At most this many rows")->transform(WholeNumber(1, 1000000))->capture_default_str();
    cmd->add_option("--offset", c->offset, "Skip this many rows first (the next page)")
        ->transform(WholeNumber(0, 1000000000))
        ->capture_default_str();
  }
}

// --from/--to/--lang/--outlet: which documents a query reads.
void AddFilter(CLI::App* cmd, Common* c) {
  cmd->add_option("--from,--since", c->from, "Only documents published on or after this date (yyyy-mm-dd)");
  cmd->add_option("--to,--until", c->to, "Only documents published on or before this date (yyyy-mm-dd)");
  cmd->add_option("--lang", c->lang, "Only documents in this language (id, en)");
  cmd->add_option("--outlet", c->outlet, "Only documents of this outlet (`warta outlets` lists them: detik.com)");
}

std::unique_ptr<Store> OpenOrSay(const std::string& db) {
  if (!Store::IsPostgresUri(db) && !std::filesystem::exists(db)) {
    fmt::print(stderr, "warta: {}: no such store (run `warta ingest --db {} ...` first)\n", Store::Printable(db), Store::Printable(db));
    return nullptr;
  }
  auto s = Store::Open(db, Store::Mode::kReadOnly);
  if (!s.ok()) {
    fmt::print(stderr, "warta: {}\n", s.status().message());
    return nullptr;
  }
  return std::move(s).value();
}

int Print(const Result<Table>& t, const Common& c) {
  if (!t.ok()) {
    fmt::print(stderr, "warta: {}: {}\n", Store::Printable(c.db), t.status().message());
    return 3;
  }
  std::string out = c.json ? TableToJson(t.value()) : c.csv ? TableToCsv(t.value()) : TableToText(t.value());
  // A page of a longer list says where it is (tables only: JSON and CSV stay data).
  const Table& table = t.value();
  if (!c.json && !c.csv && table.total && *table.total > static_cast<int64_t>(table.rows.size()))
    out += table.rows.empty() ? fmt::format("(none of {} from row {}: --offset is past the end)\n", *table.total, c.offset + 1)
                              : fmt::format("(rows {}-{} of {}: --offset {} for more)\n", c.offset + 1,
                                            c.offset + static_cast<int64_t>(table.rows.size()), *table.total,
                                            c.offset + static_cast<int64_t>(table.rows.size()));
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// "2025-10-01" → days; prints the error and returns false on a bad date.
bool ParseDay(const std::string& flag, const std::string& text, std::optional<int32_t>* out) {
  if (text.empty()) return true;
  *out = DaysFromIso(text);
  if (!*out || text.size() != 10) {
    fmt::print(stderr, "warta: {} wants a date like 2025-10-01, got '{}'\n", flag, text);
    return false;
  }
  return true;
}

// GDELT 2.0 event table columns, in order (http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf).
constexpr const char* kGdeltColumns[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code",
    "Actor2Type2Code", "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"};
constexpr size_t kGdeltWidth = sizeof(kGdeltColumns) / sizeof(kGdeltColumns[0]);

// One event row of Store::Export("events") as a GDELT line. Columns warta
// cannot fill (ethnic and religion codes, IsRootEvent, AvgTone, all Geo
// fields, DATEADDED) stay empty; see docs/output.md.
std::string GdeltLine(const Table& h, const std::vector<std::optional<std::string>>& row) {
  auto col = [&](const char* name) -> std::string {
    for (size_t i = 0; i < h.columns.size(); ++i)
      if (h.columns[i] == name) return row[i].value_or("");
    return "";
  };
  std::vector<std::string> out(kGdeltWidth);
  auto set = [&](const char* name, std::string v) {
    for (size_t i = 0; i < kGdeltWidth; ++i)
      if (std::string_view(kGdeltColumns[i]) == name) out[i] = std::move(v);
  };
  set("GLOBALEVENTID", col("id"));
  std::string date = col("date");  // yyyy-mm-dd or empty
  if (date.size() == 10) {
    std::string ymd = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    set("SQLDATE", ymd);
    set("MonthYear", ymd.substr(0, 6));
    set("Year", ymd.substr(0, 4));
    auto day = DaysFromIso(date);
    int year = 0;
    std::from_chars(date.data(), date.data() + 4, year);
    if (day) set("FractionDate", fmt::format("{:.4f}", year + (*day - DaysFromCivil(year, 1, 1)) / 365.0));
  }
  auto actor = [&](const std::string& prefix, const std::string& code, const std::string& name) {
    set((prefix + "Code").c_str(), code);
    set((prefix + "Name").c_str(), name);
    if (code.rfind("IGO", 0) == 0) {
      set((prefix + "KnownGroupCode").c_str(), code.size() >= 6 ? code.substr(code.size() - 3) : code);
    } else if (code.size() >= 3) {
      set((prefix + "CountryCode").c_str(), code.substr(0, 3));
      if (code.size() >= 6) set((prefix + "Type1Code").c_str(), code.substr(3, 3));
    }
  };
  actor("Actor1", col("source_actor"), col("source_name"));
  actor("Actor2", col("target_actor"), col("target_name"));
  std::string cameo = col("cameo");
  set("EventCode", cameo);
  set("EventBaseCode", cameo.substr(0, 3));
  set("EventRootCode", cameo.substr(0, 2));
  set("QuadClass", col("quad_class"));
  set("GoldsteinScale", col("goldstein"));
  set("NumMentions", col("reports"));
  set("NumSources", col("sources"));
  set("NumArticles", col("reports"));
  set("SOURCEURL", col("url"));
  std::string line;
  for (size_t i = 0; i < kGdeltWidth; ++i) {
    if (i) line += '\t';
    for (char c : out[i]) line += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
  return line + '\n';
}

}  // namespace

std::function<int()> AddQueryCommands(CLI::App& app) {
  struct State {
    Common common;
    std::optional<std::string> q, speaker, source, target, b;
    std::string a, by = "month", what, format = "jsonl";
    std::vector<std::string> query_words;
    int64_t doc = 0;
    CLI::App *stats, *outlets, *stories, *topics, *actors, *quotes, *events, *relations, *dyads, *show, *search, *exportc;
  };
  auto st = std::make_shared<State>();
  Common& c = st->common;

  st->stats = app.add_subcommand("stats", "Counts: documents, unique_documents, duplicates, stories, entities, quotes, events, topics, outlets, first and last date");
  AddCommon(st->stats, &c, false);
  AddFilter(st->stats, &c);
  st->outlets = app.add_subcommand("outlets", "Outlets (publishers) by documents: name, country, first and last date");
  AddCommon(st->outlets, &c);
  AddFilter(st->outlets, &c);
  st->stories = app.add_subcommand("stories", "Stories, largest first: label, time span, documents, outlets");
  AddCommon(st->stories, &c);
  AddFilter(st->stories, &c);
  st->topics = app.add_subcommand("topics", "Topics (threads of stories over months), largest first: dates, outlets, key actors");
  AddCommon(st->topics, &c);
  AddFilter(st->topics, &c);
  st->actors = app.add_subcommand("actors", "Actors by the number of documents naming them");
  AddCommon(st->actors, &c);
  AddFilter(st->actors, &c);
  st->actors->add_option("--q", st->q, "Only actors whose name, actor code or dictionary key contains this (literally)");
  st->quotes = app.add_subcommand("quotes", "Quotations, newest first");
  AddCommon(st->quotes, &c);
  AddFilter(st->quotes, &c);
  st->quotes->add_option("--speaker", st->speaker, "Only quotes by a speaker whose name or actor code contains this");
  st->quotes->add_option("--q", st->q, "Only quotes whose words contain this (literally)");
  st->events = app.add_subcommand("events", "Events in date order");
  AddCommon(st->events, &c);
  AddFilter(st->events, &c);
  st->events->add_option("--source", st->source, "Source actor code prefix (CHN, IDNGOV), name, or entity id");
  st->events->add_option("--target", st->target, "Target actor code prefix, name, or entity id");
  st->relations = app.add_subcommand(
      "relations", "How relations moved, per period (every period, empty ones as 0): events by quad class, mean "
                   "Goldstein, sources, spikes; of a pair both ways, or of one actor with anyone");
  AddCommon(st->relations, &c, false);
  AddFilter(st->relations, &c);
  st->relations->add_option("a", st->a, "An actor code (prefix): CHN, USAGOV")->required();
  st->relations->add_option("b", st->b, "The other actor code (prefix); none: every event of a");
  st->relations->add_option("--by", st->by, "day | week | month | year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}))
      ->capture_default_str();
  st->dyads = app.add_subcommand("dyads", "The busiest pairs of states: events, cooperation, conflict, mean Goldstein");
  AddCommon(st->dyads, &c);
  AddFilter(st->dyads, &c);
  st->search = app.add_subcommand("search", "Full-text search of titles and texts, best matches first");
  AddCommon(st->search, &c);
  AddFilter(st->search, &c);
  st->search->add_option("query", st->query_words,
                         "Words, \"phrases\", OR, NOT, prefix*; anything else is searched as written (an argument "
                         "with spaces is a phrase)")
      ->required();
  st->show = app.add_subcommand("show", "One document: its fields, actors, quotes and events");
  AddCommon(st->show, &c, false);
  st->show->add_option("doc", st->doc, "The document id (`warta export documents` lists them)")
      ->required()
      ->transform(WholeNumber(1, std::numeric_limits<int64_t>::max()));
  st->exportc = app.add_subcommand("export", "Write a whole table: documents, events or quotes");
  st->exportc->add_option("--db", c.db, "The store")->capture_default_str();
  st->exportc->add_option("what", st->what, "documents | events | quotes")
      ->required()
      ->check(CLI::IsMember({"documents", "events", "quotes"}));
  st->exportc->add_option("--format", st->format, "jsonl | csv | gdelt (events only: GDELT 2.0 event table columns)")
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt"}))
      ->capture_default_str();

  return [st]() -> int {
    State& s = *st;
    Common& c = s.common;
    bool any = false;
    for (CLI::App* cmd : {s.stats, s.outlets, s.stories, s.topics, s.actors, s.quotes, s.events, s.relations, s.dyads,
                          s.show, s.search, s.exportc})
      any |= cmd->parsed();
    if (!any) return -1;
    if (s.exportc->parsed() && s.format == "gdelt" && s.what != "events") {
      fmt::print(stderr, "warta: --format gdelt is for events only\n");
      return 2;
    }
    Filter docs;
    if (!ParseDay("--from", c.from, &docs.since) || !ParseDay("--to", c.to, &docs.until)) return 2;
    if (docs.since && docs.until && *docs.since > *docs.until) {
      fmt::print(stderr, "warta: --from {} is after --to {}\n", c.from, c.to);
      return 2;
    }
    docs.lang = c.lang;
    docs.outlet = c.outlet;
    Page page{c.limit, c.offset};
    EventFilter filter;
    if (s.events->parsed()) {
      if (!CheckActor("--source", s.source) || !CheckActor("--target", s.target)) return 2;
      filter.source = s.source;
      filter.target = s.target;
      filter.docs = docs;
      filter.page = page;
    }
    auto store = OpenOrSay(c.db);
    if (!store) return 3;
    if (s.stats->parsed()) {
      auto t = store->Stats(docs);
      if (c.json && t.ok() && t.value().rows.size() == 1) {
        fmt::print("{}\n", RowToJson(t.value(), t.value().rows[0]));
        return 0;
      }
      return Print(t, c);
    }
    if (s.outlets->parsed()) return Print(store->Outlets(docs, page), c);
    if (s.stories->parsed()) return Print(store->Groups(Grouping::kStory, docs, page), c);
    if (s.topics->parsed()) return Print(store->Groups(Grouping::kTopic, docs, page), c);
    if (s.actors->parsed()) return Print(store->Actors(s.q, docs, page), c);
    if (s.quotes->parsed()) return Print(store->Quotes(s.speaker, s.q, docs, page), c);
    if (s.events->parsed()) return Print(store->Events(filter), c);
    if (s.relations->parsed()) {
      auto t = store->Relations(s.a, s.b, s.by, docs);
      if (t.ok()) {
        FillPeriods(&t.value(), s.by, docs.since, docs.until);
        MarkSpikes(&t.value(), "events");
      }
      return Print(t, c);
    }
    if (s.dyads->parsed()) return Print(store->Dyads(docs, c.limit), c);
    if (s.search->parsed()) {
      // The arguments as one search box: an argument the shell kept whole ("Laut Sulawesi") is a phrase.
      std::string typed;
      for (const std::string& w : s.query_words)
        typed += (typed.empty() ? "" : " ") + (w.find(' ') != std::string::npos && w.find('"') == std::string::npos ? "\"" + w + "\"" : w);
      std::string query = SafeSearchQuery(typed);
      if (query.empty()) {
        fmt::print(stderr, "warta: search: nothing to search for in '{}'\n", typed);
        return 2;
      }
      return Print(store->Search(query, docs, page), c);
    }
    if (s.show->parsed()) {
      auto doc = store->Document(s.doc);
      if (doc.ok() && doc.value().rows.empty()) {
        fmt::print(stderr, "warta: {}: no document {}\n", c.db, s.doc);
        return 1;
      }
      if (c.json || c.csv) return Print(doc, c);
      if (!doc.ok()) return Print(doc, c);
      const Table& t = doc.value();
      for (size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i] != "text" && t.columns[i] != "original") fmt::print("{:>13}: {}\n", t.columns[i], t.rows[0][i].value_or(""));
      fmt::print("\n{}\n\n", t.rows[0].back().value_or(""));
      for (auto [title, table] : {std::pair{"Actors", store->DocumentMentions(s.doc)},
                                  std::pair{"Quotes", store->DocumentQuotes(s.doc)},
                                  std::pair{"Events", store->DocumentEvents(s.doc)}}) {
        fmt::print("{}\n", title);
        if (int rc = Print(table, c)) return rc;
        fmt::print("\n");
      }
      return 0;
    }
    // export
    bool header = false;
    Status status = store->Export(s.what, [&](const Table& h, const std::vector<std::optional<std::string>>& row) {
      std::string line;
      if (s.format == "gdelt") {
        line = GdeltLine(h, row);
      } else if (s.format == "csv") {
        if (!header) line = CsvHeader(h);
        line += CsvRow(row);
      } else {
        line = RowToJson(h, row) + "\n";
      }
      header = true;
      std::fwrite(line.data(), 1, line.size(), stdout);
    });
    if (!status.ok()) {
      fmt::print(stderr, "warta: {}: {}\n", c.db, status.message());
      return 3;
    }
    return 0;
  };
}

}  // namespace warta
