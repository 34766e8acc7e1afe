#include "analyze/knowledge.h"

#include <fstream>
#include <sstream>

#include "analyze/embedded_data.h"
#include "util/hash.h"
#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

DataReader EmbeddedDataReader() {
  return [](std::string_view path) -> Result<std::string> {
    auto bytes = EmbeddedDataFile(path);
    if (!bytes) return Status::Error(Status::Code::kNotFound, "no embedded data file " + std::string(path));
    return std::string(*bytes);
  };
}

DataReader DirectoryDataReader(std::string directory) {
  return [dir = std::move(directory)](std::string_view path) -> Result<std::string> {
    std::string full = dir + "/" + std::string(path);
    std::ifstream in(full, std::ios::binary);
    if (!in) return Status::Error(Status::Code::kNotFound, "cannot open data file " + full);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
}

namespace {

template <typename T>
Status LoadInto(const DataReader& read, std::string_view path,
                Result<T> (*parse)(std::string_view, std::string_view), T* out) {
  auto bytes = read(path);
  if (!bytes.ok()) return bytes.status();
  auto parsed = parse(bytes.value(), std::string("data/") + std::string(path));
  if (!parsed.ok()) return parsed.status();
  *out = std::move(parsed).value();
  return Status::Ok();
}

}  // namespace

namespace {

// The languages with a syntax model: data/syntax/<lang>.model (`make
// syntax-model`), its learned lemmas <lang>_lemmas.tsv and the hand-written
// morphology <lang>_morphology.tsv.
constexpr std::string_view kSyntaxLanguages[] = {"id", "en"};

Status LoadSyntax(const DataReader& read, Syntax* syntax) {
  for (std::string_view lang : kSyntaxLanguages) {
    std::string base = "syntax/" + std::string(lang);
    auto model_bytes = read(base + ".model");
    if (!model_bytes.ok()) return model_bytes.status();
    auto model = SyntaxModel::Load(model_bytes.value(), "data/" + base + ".model");
    if (!model.ok()) return model.status();
    auto lexicon = read(base + "_lemmas.tsv");
    if (!lexicon.ok()) return lexicon.status();
    auto rules = read(base + "_morphology.tsv");
    if (!rules.ok()) return rules.status();
    auto lemmatizer = Lemmatizer::Load(lang, lexicon.value(), rules.value(), "data/" + base + "_lemmas.tsv");
    if (!lemmatizer.ok()) return lemmatizer.status();
    syntax->Add(std::move(model).value(), std::move(lemmatizer).value());
  }
  return Status::Ok();
}

}  // namespace

Result<Knowledge> Knowledge::Load(const DataReader& read) {
  Knowledge k;
  Status s;
  if (!(s = LoadInto(read, "clean/boilerplate.tsv", &BoilerplateMatcher::FromTsv, &k.boilerplate)).ok()) return s;
  if (!(s = LoadInto(read, "clean/calendar.tsv", &Calendar::FromTsv, &k.calendar)).ok()) return s;
  if (!(s = LoadInto(read, "clean/byline_labels.tsv", &BylineLabels::FromTsv, &k.bylines)).ok()) return s;
  if (!(s = LoadInto(read, "text/abbreviations.tsv", &Abbreviations::FromTsv, &k.abbreviations)).ok()) return s;
  if (!(s = LoadInto(read, "langid/id_ms_words.tsv", &LanguageIdentifier::FromTsv, &k.langid)).ok()) return s;
  auto entities = EntityKnowledge::Load(read, k.abbreviations);
  if (!entities.ok()) return entities.status();
  k.entities = std::move(entities).value();
  if (!(s = LoadSyntax(read, &k.syntax)).ok()) return s;
  if (!(s = LoadInto(read, "quotes/cues.tsv", &QuoteLexicon::FromTsv, &k.quotes)).ok()) return s;
  if (!(s = LoadInto(read, "events/cameo_codes.tsv", &CameoTable::FromTsv, &k.cameo)).ok()) return s;
  auto events = EventLexicon::Load(read);
  if (!events.ok()) return events.status();
  k.events = std::move(events).value();
  for (const char* f : {"corpus/stopwords_id.tsv", "corpus/stopwords_en.tsv"}) {
    auto bytes = read(f);
    if (!bytes.ok()) return bytes.status();
    auto check = ParseStopwords(bytes.value(), "data/" + std::string(f));
    if (!check.ok()) return check.status();
    (std::string_view(f).find("_id") != std::string_view::npos ? k.function_words_id : k.function_words_en) =
        std::move(check).value();
    k.story_stopwords += bytes.value();
    if (!k.story_stopwords.empty() && k.story_stopwords.back() != '\n') k.story_stopwords += '\n';
  }
  return k;
}

Result<FlatHash64> ParseStopwords(std::string_view tsv, std::string_view name) {
  FlatHash64 words;
  Status s = ForEachTsvRow(tsv, name, 2, "WORD<TAB>LANG", [&](const auto& cols) -> std::string {
    std::string_view w = cols[0];
    if (w.empty() || w != Trim(w) || w.find(' ') != std::string_view::npos) return "WORD must be one word";
    if (FoldCase(w) != w) return "WORD must be lower-case";
    if (cols[1].size() != 2) return "LANG must be a two-letter code";
    words.Insert(Fnv1a64(w), 1);
    return "";
  });
  if (!s.ok()) return s;
  if (words.size() == 0) return Status::Error(Status::Code::kInvalidInput, std::string(name) + ": empty");
  return words;
}

}  // namespace warta
