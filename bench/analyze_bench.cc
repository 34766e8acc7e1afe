// Throughput of the analyze stage on real news (../shared/data). Skips, with a
// message, when the data is absent. Single-threaded: figures are per core.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>

#include "analyze/analyzer.h"
#include "input/input_set.h"
#include "util/utf8.h"

namespace warta {
namespace {

struct Corpus {
  std::string name;
  std::vector<Record> records;
  size_t bytes = 0;
};

Corpus Load(const std::string& name, const std::string& path, Format format, FieldMap fields) {
  Corpus c{name, {}, 0};
  if (!std::filesystem::exists(path)) return c;
  ReaderOptions options;
  options.fields = fields;
  InputSet inputs({path}, format, options);
  std::vector<Diagnostic> diagnostics;
  Record r;
  while (inputs.Next(&r, &diagnostics)) {
    c.bytes += r.text.size();
    c.records.push_back(r);
  }
  return c;
}

const Knowledge& K() {
  static const Knowledge* k = new Knowledge(
      Knowledge::Load(DirectoryDataReader(std::string(WARTA_SOURCE_DIR) + "/data")).value());
  return *k;
}

std::vector<Corpus>& Corpora() {
  static std::vector<Corpus> corpora = [] {
    std::string d = std::string(WARTA_SOURCE_DIR) + "/../shared/data/";
    FieldMap detik;
    detik.title = "judul";
    detik.text = "isi_berita";
    detik.url = "tautan";
    detik.published = "tanggal";
    std::vector<Corpus> v;
    v.push_back(Load("detik", d + "detik-1k-entity-summ/data_berita.csv", Format::kCsv, detik));
    v.push_back(Load("hoax600", d + "idnews-hoax-topics-rahutomo/news600_topics.jsonl", Format::kJsonl, {}));
    v.push_back(Load("polnear_en", d + "en-quote-polnear/polnear_train.jsonl", Format::kJsonl, {}));
    return v;
  }();
  return corpora;
}

void Run(benchmark::State& state, const Corpus& c, bool sentences, bool entities, bool quotes, bool parse) {
  AnalyzeOptions options;
  options.parse = parse;
  options.sentences = sentences;
  options.entities = entities;
  options.quotes = quotes;
  JsonOptions json{sentences, false};
  size_t out_bytes = 0;
  for (auto _ : state) {
    for (const Record& r : c.records) {
      Document doc = Analyze(r, K(), options);
      std::string line = ToJson(doc, json);
      out_bytes += line.size();
      benchmark::DoNotOptimize(line.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.records.size()));
  state.counters["docs"] = static_cast<double>(c.records.size());
  state.counters["MB"] = static_cast<double>(c.bytes) / 1e6;
}

// Stage by stage, on one corpus: where the time goes.
void Stage(benchmark::State& state, const Corpus& c, int stage) {
  std::vector<std::string> texts;
  for (const Record& r : c.records) texts.push_back(RepairUtf8(r.text).text);
  CleanerData data{&K().boilerplate, &K().calendar, &K().bylines};
  CleanOptions clean_options;
  std::vector<CleanResult> cleaned;
  for (const auto& t : texts) cleaned.push_back(Clean(t, RecordMeta{}, data, clean_options));
  std::vector<std::vector<Sentence>> sentences(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    for (const Span& p : cleaned[i].paragraphs)
      for (auto& s : SplitSentences(texts[i], p, K().abbreviations)) sentences[i].push_back(std::move(s));
  std::vector<std::vector<Entity>> entities(texts.size());
  std::vector<std::vector<Quote>> quotes(texts.size());
  if (stage >= 5)
    for (size_t i = 0; i < texts.size(); ++i) {
      entities[i] = LinkEntities(texts[i], sentences[i], K().entities, LinkContext{20251001, "id"});
      QuoteInput input{texts[i], &cleaned[i].paragraphs, sentences[i], &entities[i]};
      quotes[i] = ExtractQuotes(input, K().entities, K().quotes);
    }
  for (auto _ : state) {
    for (size_t i = 0; i < texts.size(); ++i) {
      switch (stage) {
        case 0: benchmark::DoNotOptimize(RepairUtf8(texts[i]).text.size()); break;
        case 1: benchmark::DoNotOptimize(Clean(texts[i], RecordMeta{}, data, clean_options).text.size()); break;
        case 2: benchmark::DoNotOptimize(K().langid.Identify(cleaned[i].text).score); break;
        case 3:
          for (const Span& p : cleaned[i].paragraphs)
            benchmark::DoNotOptimize(SplitSentences(texts[i], p, K().abbreviations).size());
          break;
        case 4:
          benchmark::DoNotOptimize(LinkEntities(texts[i], sentences[i], K().entities, LinkContext{20251001, "id"}).size());
          break;
        case 5: {
          QuoteInput input{texts[i], &cleaned[i].paragraphs, sentences[i], &entities[i]};
          benchmark::DoNotOptimize(ExtractQuotes(input, K().entities, K().quotes).size());
          break;
        }
        case 6: {
          EventInput input{texts[i], sentences[i], &entities[i], &quotes[i]};
          benchmark::DoNotOptimize(CodeEvents(input, K().events, K().cameo).size());
          break;
        }
        case 7:  // syntax: tags and lemmas
        case 8:  // syntax: tags, lemmas and the parse
          for (Sentence& s : sentences[i]) K().syntax.Annotate("id", texts[i], &s.tokens, stage == 8);
          break;
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  size_t tokens = 0;
  for (const auto& doc : sentences)
    for (const Sentence& s : doc) tokens += s.tokens.size();
  if (stage >= 7)  // the syntax stages: tokens per second is the figure issue 14 asks for
    state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Loading a language's syntax model (decompressing and indexing it), as
// Knowledge::Load does once per process.
void LoadSyntaxModel(benchmark::State& state, std::string lang) {
  std::string path = std::string(WARTA_SOURCE_DIR) + "/data/syntax/" + lang + ".model";
  auto bytes = DirectoryDataReader(std::string(WARTA_SOURCE_DIR) + "/data")("syntax/" + lang + ".model");
  if (!bytes.ok()) {
    state.SkipWithError(bytes.status().message().c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(SyntaxModel::Load(bytes.value(), path).ok());
  state.counters["MB"] = static_cast<double>(bytes.value().size()) / 1e6;
}

}  // namespace
}  // namespace warta

int main(int argc, char** argv) {
  using namespace warta;
  bool any = false;
  for (const Corpus& c : Corpora()) {
    if (c.records.empty()) {
      std::fprintf(stderr, "bench: %s not found under ../shared/data; skipped\n", c.name.c_str());
      continue;
    }
    any = true;
    benchmark::RegisterBenchmark(("analyze/" + c.name).c_str(), Run, c, false, true, true, false)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("analyze-without-entities/" + c.name).c_str(), Run, c, false, false, false, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("analyze-without-quotes/" + c.name).c_str(), Run, c, false, true, false, false)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("analyze+sentences/" + c.name).c_str(), Run, c, true, true, true, false)->Unit(benchmark::kMillisecond);
    // Every sentence parsed, as when a later stage reads the parse (AnalyzeOptions::parse).
    benchmark::RegisterBenchmark(("analyze+parse/" + c.name).c_str(), Run, c, false, true, true, true)
        ->Unit(benchmark::kMillisecond);
  }
  if (!Corpora()[0].records.empty()) {
    const char* names[] = {"utf8_repair", "clean", "langid", "segment", "entities", "quotes", "events",
                           "syntax-tag", "syntax-tag+parse"};
    for (int s = 0; s < 9; ++s)
      benchmark::RegisterBenchmark((std::string("stage/") + names[s] + "/detik").c_str(), Stage, Corpora()[0], s)
          ->Unit(benchmark::kMillisecond);
  }
  for (const char* lang : {"id", "en"})
    benchmark::RegisterBenchmark((std::string("load/syntax-model/") + lang).c_str(), LoadSyntaxModel, std::string(lang))
        ->Unit(benchmark::kMillisecond);
  if (!any) {
    std::fprintf(stderr, "bench: no data in ../shared/data; nothing measured\n");
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
