#include "cli/analyze_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "analyze/analyzer.h"
#include "cli/ordered_pool.h"
#include "input/input_set.h"

namespace warta {
namespace {

// Records are analysed in batches: read a batch (one thread), analyse it (all
// threads), write it in input order. Bounds memory to about one batch.
constexpr size_t kBatchRecords = 256;
constexpr size_t kBatchBytes = size_t{32} << 20;

void Report(const Diagnostic& d) {
  if (d.line > 0) fmt::print(stderr, "warta: {}:{}: {}\n", d.source, d.line, d.message);
  else fmt::print(stderr, "warta: {}: {}\n", d.source, d.message);
}

bool ParseFieldMap(const std::vector<std::string>& specs, FieldMap* map, std::string* error) {
  for (const auto& spec : specs) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      *error = "--field wants KEY=NAME, got '" + spec + "'";
      return false;
    }
    std::string key = spec.substr(0, eq), name = spec.substr(eq + 1);
    std::string* slot = key == "id" ? &map->id
                        : key == "title" ? &map->title
                        : key == "text" ? &map->text
                        : key == "url" ? &map->url
                        : key == "published" ? &map->published
                        : key == "authors" ? &map->authors : nullptr;
    if (!slot) {
      *error = "--field: unknown key '" + key + "' (id, title, text, url, published, authors)";
      return false;
    }
    *slot = name;
  }
  return true;
}

}  // namespace

CLI::App* AddAnalyzeCommand(CLI::App& app, AnalyzeArgs* a) {
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Clean news articles and write one JSON object per article per line on stdout.\n"
      "Each object: id, source, url, lang, lang_score, title, authors, editor, published (ISO 8601),\n"
      "dateline, text (cleaned body), removed [{kind, rule, text, start, end}], paragraphs [[start,end]],\n"
      "entities [{id, name, type, subtype, country, actor, role, kb, mentions}],\n"
      "quotes [{text, kind, speaker, speaker_entity, speaker_role, speaker_mention, cue, start, end}],\n"
      "events [{source, source_name, source_actor, target, target_name, target_actor, cameo, plover,\n"
      "quad_class, goldstein, negated, via, sentence, start, end}],\n"
      "sentences (with --sentences), invalid_utf8. Offsets are UTF-8 bytes into the article's text\n"
      "as read. See docs/output.md.\n"
      "Exit: 0 all good, 1 some input rejected (reported on stderr), 2 usage error.");
  cmd->add_option("inputs", a->inputs,
                  "Files (.txt: one article; .jsonl; .csv; also .gz/.zst), directories (recursive, sorted), - for stdin")
      ->required();
  cmd->add_option("--format", a->format, "auto (by extension) | txt | jsonl | csv")
      ->check(CLI::IsMember({"auto", "txt", "jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("--field", a->fields,
                  "Map a record field: KEY=NAME, KEY one of id, title, text, url, published, authors "
                  "(default: NAME = KEY)");
  cmd->add_option("--threads", a->threads, "Worker threads (default: all cores); output order never changes");
  cmd->add_flag("--sentences", a->sentences, "Add sentences with their tokens");
  cmd->add_flag("--no-entities", a->no_entities,
                "Skip the entity and quote stages (entities and quotes are then empty): cleaning only, faster");
  cmd->add_flag("--no-quotes", a->no_quotes, "Skip the quote stage (quotes is then empty)");
  cmd->add_flag("--no-events", a->no_events, "Skip the event stage (events is then empty)");
  cmd->add_flag("--original", a->original, "Add the article's text as read: the string all offsets index");
  cmd->add_option("--date-order", a->date_order,
                  "How to read ambiguous numeric dates in the published field: auto (day first unless the "
                  "body's own date says otherwise) | dmy | mdy")
      ->check(CLI::IsMember({"auto", "dmy", "mdy"}))
      ->capture_default_str();
  cmd->add_option("--tz", a->tz, "UTC offset for times that name no zone")->capture_default_str();
  cmd->add_option("--max-record-mb", a->max_record_mb, "Reject records larger than this")
      ->check(CLI::Range(0.001, 4096.0))
      ->capture_default_str();
  cmd->add_option("--data", a->data_dir, "Read knowledge files from this data/ directory instead of the built-in copy");
  return cmd;
}

int RunAnalyze(const AnalyzeArgs& args) {
  ReaderOptions reader;
  std::string error;
  if (!ParseFieldMap(args.fields, &reader.fields, &error)) {
    fmt::print(stderr, "warta: {}\n", error);
    return 2;
  }
  reader.max_record_bytes = static_cast<size_t>(args.max_record_mb * 1024 * 1024);

  AnalyzeOptions options;
  options.sentences = args.sentences;
  options.entities = !args.no_entities;
  options.quotes = !args.no_quotes;
  options.events = !args.no_events;
  JsonOptions json{args.sentences, args.original};
  if (args.date_order == "dmy") options.clean.field_date_order = DateOrder::kDayFirst;
  if (args.date_order == "mdy") options.clean.field_date_order = DateOrder::kMonthFirst;
  auto tz = ParseUtcOffset(args.tz);
  if (!tz) {
    fmt::print(stderr, "warta: --tz wants an offset like +07:00, got '{}'\n", args.tz);
    return 2;
  }
  options.clean.default_offset_minutes = *tz;

  auto knowledge = Knowledge::Load(args.data_dir.empty() ? EmbeddedDataReader() : DirectoryDataReader(args.data_dir));
  if (!knowledge.ok()) {
    fmt::print(stderr, "warta: {}\n", knowledge.status().message());
    return 2;
  }

  Format format = args.format == "txt" ? Format::kTxt
                  : args.format == "jsonl" ? Format::kJsonl
                  : args.format == "csv" ? Format::kCsv : Format::kAuto;
  InputSet inputs(args.inputs, format, reader);
  unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());

  size_t rejected = 0;
  std::vector<Diagnostic> diagnostics;
  std::vector<Record> batch;
  struct Output {
    std::string where, json;
    size_t invalid_utf8 = 0;
  };
  std::vector<Output> outputs;
  bool more = true;
  while (more) {
    batch.clear();
    size_t bytes = 0;
    Record record;
    while (batch.size() < kBatchRecords && bytes < kBatchBytes) {
      more = inputs.Next(&record, &diagnostics);
      for (const auto& d : diagnostics) Report(d);
      rejected += diagnostics.size();
      diagnostics.clear();
      if (!more) break;
      bytes += record.text.size();
      batch.push_back(std::move(record));
    }
    outputs.assign(batch.size(), Output());
    ParallelFor(batch.size(), threads, [&](size_t i) {
      Output& out = outputs[i];
      out.where = batch[i].line ? fmt::format("{}:{}", batch[i].source, batch[i].line) : batch[i].source;
      Document doc = Analyze(std::move(batch[i]), knowledge.value(), options);
      out.json = ToJson(doc, json);
      out.json.push_back('\n');
      out.invalid_utf8 = doc.invalid_utf8;
    });
    for (const Output& out : outputs) {
      // Not a rejection: the text is kept with U+FFFD in place of each bad sequence.
      if (out.invalid_utf8 > 0)
        fmt::print(stderr, "warta: {}: {} invalid UTF-8 sequence(s) replaced with U+FFFD\n", out.where, out.invalid_utf8);
      std::fwrite(out.json.data(), 1, out.json.size(), stdout);
    }
  }
  std::fflush(stdout);
  if (std::ferror(stdout)) {
    fmt::print(stderr, "warta: error writing output\n");
    return 1;
  }
  return rejected > 0 ? 1 : 0;
}

}  // namespace warta
