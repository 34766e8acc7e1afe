// The corpus store: everything ingest extracts, kept across runs. All SQL
// lives behind this interface (SQLite in sqlite_store.cc) so that another
// backend (PostgreSQL for many writers) can be added without touching the
// ingest or the queries' callers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/story_state.h"
#include "util/status.h"

namespace warta {

struct DocumentRow {
  std::string identity;  // "id:…", "url:…" or "hash:…": what makes a record the same record
  std::optional<std::string> input_id, url, title, published;
  std::string source;  // the input's path or name
  std::string site;    // where furniture is learned: the URL's host, else the source
  // The outlet (publisher): its key (the registered domain of the URL, else the record's
  // publisher field folded; "" when unknown), readable name and home country (ISO3, or "").
  std::string outlet, outlet_name, outlet_country;
  std::optional<int32_t> day;  // days since 1970-01-01 of `published`
  std::string lang;
  // The two texts are views (no copy of a large article): the caller keeps
  // their bytes alive until AddDocument returns.
  std::string_view original;  // the text as read (UTF-8 repaired): every offset indexes it
  std::string_view text;      // the cleaned body
  std::string content_hash;  // of the normalised cleaned text (exact duplicates)
};

struct EntityRow {
  std::string key;  // one real-world actor across the corpus: "kb:…", else type|country|name
  std::string name, type, subtype, country, actor, kb;
};

struct QuoteRow {
  int64_t document = 0;
  std::string text, kind, speaker, speaker_role;
  std::optional<int64_t> speaker_entity;
  int64_t start = 0, end = 0;
};

struct EventRow {
  int64_t document = 0;
  std::optional<int64_t> source_entity, target_entity;
  std::string source_name, target_name, source_actor, target_actor, cameo, plover, via, sentence;
  int quad_class = 0;
  double goldstein = 0;
  bool negated = false;
  int64_t start = 0, end = 0;
  std::optional<int32_t> day;
};

// A story as the clusterer persists it (src/corpus/stories.h).
using StoryRow = StoryState;

// Articles are grouped at two levels: stories (one event, time-windowed) and
// topics (a thread that runs for months: a claim, a long case).
enum class Grouping { kStory, kTopic };

// A query's answer: named columns of text, integers and reals (NULL allowed).
struct Table {
  // kList: a list of strings, its items separated by kListSeparator in the cell.
  // kBool: "1" or "0".
  enum class Type { kText, kInt, kReal, kList, kBool };
  static constexpr char kListSeparator = '\x1f';
  std::vector<std::string> columns;
  std::vector<Type> types;
  std::vector<std::vector<std::optional<std::string>>> rows;
  // For a page of a list: the number of rows on every page together.
  std::optional<int64_t> total;
};

// Which rows of a list: at most `limit`, after skipping `offset`.
struct Page {
  int64_t limit = 50, offset = 0;
};

// Which documents a query reads: published in [since, until] (days since 1970-01-01,
// inclusive; a bound leaves undated documents out), in a language, from an outlet.
struct Filter {
  std::optional<int32_t> since, until;
  std::optional<std::string> lang;    // "id", "en"
  std::optional<std::string> outlet;  // an outlet key: "detik.com"
  bool OnlyDays() const { return !lang && !outlet; }
};

struct EventFilter {
  std::optional<std::string> source, target;  // actor code prefix ("CHN", "IDNGOV") or entity id
  Filter docs;
  Page page{100, 0};
};

class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };
  // Opens or creates the SQLite file and brings its schema to the current
  // version. kReadWrite takes the store's writer lock (one writer at a time):
  // kBusy when another process holds it, unless `wait_for_writer`.
  static Result<std::unique_ptr<Store>> OpenSqlite(const std::string& path, Mode mode, bool wait_for_writer = false);
  // A PostgreSQL database ("postgresql://…" or "postgres://…" URI, libpq's syntax). Any number of
  // writers: each batch (Begin … Commit) holds the store's transaction-level advisory lock.
  static Result<std::unique_ptr<Store>> OpenPostgres(const std::string& uri, Mode mode);
  // Either, by the form of `db`: a PostgreSQL URI, else an SQLite file.
  static Result<std::unique_ptr<Store>> Open(const std::string& db, Mode mode, bool wait_for_writer = false);
  static bool IsPostgresUri(std::string_view db);
  // `db` as messages may show it: a PostgreSQL URI's password as ***.
  static std::string Printable(std::string_view db);
  virtual ~Store() = default;

  virtual int SchemaVersion() = 0;

  // The database's own integrity check (`quick`: pages and records without
  // cross-checking indexes, much faster). One line per problem; none when sound.
  virtual Result<std::vector<std::string>> CheckIntegrity(bool quick) = 0;

  // Writes happen inside a transaction; Commit makes a batch durable at once.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;

  virtual Result<bool> HasIdentity(const std::string& identity) = 0;
  virtual Result<int64_t> AddDocument(const DocumentRow& d) = 0;
  virtual Result<int64_t> EntityId(const EntityRow& e) = 0;  // inserts when new
  // An entity's mentions in a document ([start, end) byte spans), together: the summaries
  // are updated once per entity and document, not once per mention.
  virtual Status AddMentions(int64_t document, int64_t entity, const std::vector<std::pair<int64_t, int64_t>>& spans) = 0;
  virtual Status AddQuote(const QuoteRow& q) = 0;
  virtual Status AddEvent(const EventRow& e) = 0;

  // Duplicates. The copy a document repeats is the earliest published one
  // (ties: the first stored); a later-found earlier copy takes its place.
  virtual Result<std::optional<int64_t>> ExactCopyOf(const std::string& content_hash, int64_t except) = 0;
  // A document's LSH band keys (packed); its shingles are not kept: the near-duplicate check
  // recomputes them from the candidate's cleaned text (CleanTextOf).
  virtual Status AddDedupKeys(int64_t document, const std::string& bands) = 0;
  virtual Result<std::string> CleanTextOf(int64_t document) = 0;  // "" when there is no such document
  // The band keys of every document whose id is above `after`, by id.
  virtual Status ForEachBands(int64_t after, const std::function<void(int64_t document, const std::string& bands)>& fn) = 0;
  virtual Status LinkDuplicate(int64_t document, int64_t copy_of, double similarity) = 0;
  virtual Result<std::optional<int64_t>> CanonicalOf(int64_t document) = 0;  // itself when no copy

  // Stories and topics.
  virtual Result<std::optional<int64_t>> GroupOf(Grouping g, int64_t document) = 0;
  // A document's story and topic, set in one update (the row holds the
  // article's texts: each update rewrites it).
  virtual Status SetGroups(int64_t document, int64_t story, int64_t topic) = 0;
  virtual Status SaveGroup(Grouping g, const StoryRow& s) = 0;
  virtual Result<std::vector<StoryRow>> OpenGroups(Grouping g) = 0;  // by id

  // Learned page furniture: lines repeated across one site's documents.
  virtual Status AddLineCounts(const std::string& site, const std::vector<std::pair<uint64_t, int64_t>>& counts) = 0;
  virtual Result<std::vector<uint64_t>> FrequentLines(const std::string& site, int64_t min_documents) = 0;

  virtual Result<std::optional<std::string>> GetMeta(const std::string& key) = 0;
  virtual Status SetMeta(const std::string& key, const std::string& value) = 0;

  // Queries (the CLI and the server). Lists fill Table::total.
  virtual Result<Table> Stats(const Filter& f) = 0;
  // Outlets by documents: outlet, name, country, documents, first, last.
  virtual Result<Table> Outlets(const Filter& f, Page page) = 0;
  virtual Result<Table> Groups(Grouping g, const Filter& f, Page page) = 0;  // stories or topics, largest first
  virtual Result<Table> Group(Grouping g, int64_t id) = 0;  // one row, or none
  virtual Result<Table> GroupDocuments(Grouping g, int64_t id, Page page) = 0;
  // A group's documents per period ("day", "week", "month", "year" as in Relations):
  // period, documents, outlets; dated periods only.
  virtual Result<Table> GroupTimeline(Grouping g, int64_t id, const std::string& by) = 0;
  // Who reported it, in the order they first did: outlet, name, country, documents, first (the
  // `published` of its earliest report: earliest day, undated last, first stored among equals),
  // first_document.
  virtual Result<Table> GroupOutlets(Grouping g, int64_t id) = 0;
  // The actors its documents name most (of at most `max_documents` of them, the earliest).
  virtual Result<Table> GroupActors(Grouping g, int64_t id, int64_t limit, int64_t max_documents) = 0;
  virtual Result<Table> GroupQuotes(Grouping g, int64_t id, Page page) = 0;
  virtual Result<Table> GroupEvents(Grouping g, int64_t id, Page page) = 0;
  // Actors whose name, actor code or dictionary key contains q literally (all when nullopt).
  virtual Result<Table> Actors(const std::optional<std::string>& q, const Filter& f, Page page) = 0;
  virtual Result<Table> Actor(int64_t entity) = 0;  // one row, or none
  virtual Result<Table> ActorMentionsByMonth(int64_t entity, const Filter& f) = 0;  // dated months only
  // Quotes by speakers whose name or actor code contains `speaker`, with `words` in the text.
  virtual Result<Table> Quotes(const std::optional<std::string>& speaker, const std::optional<std::string>& words,
                               const Filter& f, Page page) = 0;
  virtual Result<Table> QuotesOf(int64_t entity, const Filter& f, Page page) = 0;
  virtual Result<Table> Events(const EventFilter& f) = 0;
  // Events of an entity as the source (or the target).
  virtual Result<Table> EventsOf(int64_t entity, bool as_source, const Filter& f, Page page) = 0;
  // Per period ("month", "week", "day", "year"; dated periods only): events by quad class, mean
  // Goldstein, sources. With b: both directions between a and b (actor code prefixes); without:
  // every event with a as source or target.
  virtual Result<Table> Relations(const std::string& a, const std::optional<std::string>& b, const std::string& by,
                                  const Filter& f = {}) = 0;
  // The relations graph: states and IGOs with their mentions; dyads with events by quad class.
  virtual Result<Table> GraphNodes(const Filter& f) = 0;
  virtual Result<Table> GraphEdges(const Filter& f, int64_t min_events) = 0;
  // States (three-letter codes) with their events: with `actor`, those between it and each
  // other state either way; without, each state's events as source or target.
  virtual Result<Table> MapCountries(const std::optional<std::string>& actor, const Filter& f) = 0;
  virtual Result<Table> Document(int64_t id) = 0;  // one row (for `show`)
  virtual Result<Table> DocumentMentions(int64_t id) = 0;  // per entity
  virtual Result<Table> DocumentQuotes(int64_t id) = 0;
  virtual Result<Table> DocumentEvents(int64_t id) = 0;
  virtual Result<Table> DocumentSpans(int64_t id) = 0;  // every entity mention: start, end, entity, name, actor
  // Full-text search (FTS5 query syntax, see SafeSearchQuery) over titles and cleaned texts.
  virtual Result<Table> Search(const std::string& query, const Filter& f, Page page) = 0;
  // Whole tables for export, streamed row by row.
  virtual Status Export(const std::string& what, const std::function<void(const Table& header, const std::vector<std::optional<std::string>>& row)>& fn) = 0;
  // The busiest pairs of actor codes: events by quad class, mean Goldstein.
  virtual Result<Table> Dyads(const Filter& f, int64_t limit) = 0;
};

}  // namespace warta
