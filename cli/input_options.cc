#include "cli/input_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "clean/calendar.h"
#include "util/parallel.h"

namespace warta {

namespace {

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
                        : key == "authors" ? &map->authors
                        : key == "publisher" ? &map->publisher : nullptr;
    if (!slot) {
      *error = "--field: unknown key '" + key + "' (id, title, text, url, published, authors, publisher)";
      return false;
    }
    *slot = name;
  }
  return true;
}

}  // namespace

void Report(const Diagnostic& d) {
  const char* kind = d.warning ? "warning: " : "";
  if (d.line > 0) fmt::print(stderr, "warta: {}:{}: {}{}\n", d.source, d.line, kind, d.message);
  else fmt::print(stderr, "warta: {}: {}{}\n", d.source, kind, d.message);
}

bool ReadBatch(InputSet* inputs, std::vector<Record>* batch, size_t* rejected,
               const std::function<bool(const Record&)>& keep, size_t max_records) {
  batch->clear();
  // Problems are printed as they are found: two million bad lines cost no memory.
  DiagnosticSink report = [rejected](const Diagnostic& d) {
    Report(d);
    if (!d.warning) ++*rejected;  // a warning skipped nothing
  };
  size_t bytes = 0;
  Record record;
  while (batch->size() < max_records && bytes < kBatchBytes) {
    bool more = inputs->Next(&record, report);
    if (!more) return false;
    if (keep && !keep(record)) continue;
    bytes += record.text.size();
    batch->push_back(std::move(record));
  }
  return true;
}

void AddInputOptions(CLI::App* cmd, InputArgs* a, const std::string& threads_note, bool conllu) {
  cmd->add_option("inputs", a->inputs,
                  "Files (.txt: one article; .jsonl; .csv; also .gz/.zst), directories (recursive, sorted), - for stdin")
      ->required();
  if (conllu) {
    cmd->add_option("--format,--input-format", a->format, "auto (by extension) | txt | jsonl | csv | conllu")
        ->check(CLI::IsMember({"auto", "txt", "jsonl", "csv", "conllu"}))
        ->capture_default_str();
  } else {
    cmd->add_option("--format,--input-format", a->format, "auto (by extension) | txt | jsonl | csv")
        ->check(CLI::IsMember({"auto", "txt", "jsonl", "csv"}))
        ->capture_default_str();
  }
  // One KEY=NAME per --field, repeated for more: a greedy option would take
  // the input files after it for mappings (issue 19).
  cmd->add_option("--field", a->fields,
                  "Map a record field: KEY=NAME, KEY one of id, title, text, url, published, authors, publisher "
                  "(default: NAME = KEY; publisher also reads source_name, outlet or media when there is no "
                  "publisher field); one mapping per --field, repeat it for more")
      ->type_name("KEY=NAME")
      ->allow_extra_args(false);
  cmd->add_option("--threads", a->threads, "Worker threads (default: all cores); " + threads_note);
  cmd->add_option("--date-order", a->date_order,
                  "How the published field's ambiguous numeric dates (9/12/2025) read, alike in every record of "
                  "an input: auto = per input (file or stream), the order most of its first 1000 records prove "
                  "(25/12/2025 proves day first, 12/25/2025 month first; a tie: the first proven), day first "
                  "when none does, and a warning names the first record that contradicts it | dmy | mdy | "
                  "ymd (two-digit years first: 25/12/09 = 2025-12-09)")
      ->check(CLI::IsMember({"auto", "dmy", "mdy", "ymd"}))
      ->capture_default_str();
  cmd->add_option("--tz", a->tz, "UTC offset for times that name no zone")->capture_default_str();
  cmd->add_option("--max-record-mb", a->max_record_mb, "Reject records larger than this")
      ->check(CLI::Range(0.001, 4096.0))
      ->capture_default_str();
  cmd->add_option("--home-country", a->home_country,
                  "ISO 3166 alpha-3 code of the outlets' home country, whose institutions the articles name "
                  "without a state (default: from each article's URL, else Indonesia for Indonesian text)");
  cmd->add_option("--data", a->data_dir, "Read knowledge files from this data/ directory instead of the built-in copy");
}

bool SetUpInput(const InputArgs& a, InputSetup* setup) {
  std::string error;
  if (!ParseFieldMap(a.fields, &setup->reader.fields, &error)) {
    fmt::print(stderr, "warta: {}\n", error);
    return false;
  }
  setup->reader.max_record_bytes = static_cast<size_t>(a.max_record_mb * 1024 * 1024);
  if (a.date_order != "auto") {
    DateOrder order = a.date_order == "mdy" ? DateOrder::kMonthFirst
                      : a.date_order == "ymd" ? DateOrder::kYearFirst : DateOrder::kDayFirst;
    setup->reader.date_order = order;  // no inference: every input's records carry it
    setup->analyze.clean.field_date_order = order;
  }
  auto tz = ParseUtcOffset(a.tz);
  if (!tz) {
    fmt::print(stderr, "warta: --tz wants an offset like +07:00, got '{}'\n", a.tz);
    return false;
  }
  setup->analyze.clean.default_offset_minutes = *tz;
  if (!a.home_country.empty()) {
    bool iso3 = a.home_country.size() == 3 &&
                std::all_of(a.home_country.begin(), a.home_country.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso3) {
      fmt::print(stderr, "warta: --home-country wants an ISO 3166 alpha-3 code like IDN or USA, got '{}'\n",
                 a.home_country);
      return false;
    }
    setup->analyze.home_country = a.home_country;
  }
  setup->format = a.format == "txt" ? Format::kTxt
                  : a.format == "jsonl" ? Format::kJsonl
                  : a.format == "csv" ? Format::kCsv : Format::kAuto;
  setup->threads = a.threads ? a.threads : std::max(1u, std::thread::hardware_concurrency());
  // A record longer than one section may use the run's threads for its sections.
  unsigned threads = setup->threads;
  setup->analyze.section_threads = threads;
  setup->analyze.parallel_for = [threads](size_t n, const std::function<void(size_t)>& fn) { ParallelFor(n, threads, fn); };
  setup->data = a.data_dir.empty() ? EmbeddedDataReader() : DirectoryDataReader(a.data_dir);
  return true;
}

}  // namespace warta
