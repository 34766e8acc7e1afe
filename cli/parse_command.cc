#include "cli/parse_command.h"

#include <fmt/format.h>

#include <cstdio>

#include "analyze/analyzer.h"
#include "cli/record_loop.h"
#include "input/byte_source.h"
#include "syntax/conllu_writer.h"
#include "syntax/reannotate.h"

namespace warta {

namespace {

// The model for `lang` ("auto": identified from `sample`, the first words of the file).
const SyntaxModel* ChooseModel(const Knowledge& k, std::string lang, const std::string& sample) {
  if (lang == "auto") {
    lang = k.langid.Identify(sample).code.value_or("");
    if (lang == "ms") lang = "id";  // the Indonesian model serves Malay text better than none
  }
  return k.syntax.Model(lang);
}

// Re-annotates one CoNLL-U file (or stdin, "-"), sentence by sentence: every
// line but the word rows' UPOS, LEMMA, HEAD and DEPREL is written as read.
// Memory holds one sentence (and the first few while the language is told).
// Returns the number of sentences or files rejected.
size_t ParseConlluFile(const ParseArgs& args, const Knowledge& k, const std::string& path) {
  size_t rejected = 0;
  auto source = OpenByteSource(path, CompressionFromPath(path));
  if (!source.ok()) {
    fmt::print(stderr, "warta: {}: {}\n", path, source.status().message());
    return 1;
  }
  ConlluReader reader(std::move(source).value());
  std::vector<ConlluError> errors;
  auto report = [&] {
    for (const ConlluError& e : errors) fmt::print(stderr, "warta: {}:{}: {}; sentence skipped\n", path, e.line, e.message);
    rejected += errors.size();
    errors.clear();
  };
  const SyntaxModel* model = nullptr;
  const Lemmatizer* lemmatizer = nullptr;
  std::vector<ConlluSentence> pending;  // read before the language is known
  std::string sample;
  auto write = [&](ConlluSentence* s) {
    Reannotate(*model, lemmatizer, k.abbreviations, s);
    std::string out = FormatConllu(*s);
    std::fwrite(out.data(), 1, out.size(), stdout);
  };
  auto choose = [&]() -> bool {
    model = ChooseModel(k, args.lang, sample);
    if (!model) {
      fmt::print(stderr, "warta: {}: no syntax model for this language (use --lang id or --lang en)\n", path);
      return false;
    }
    lemmatizer = k.syntax.LemmatizerFor(model->lang());
    for (ConlluSentence& p : pending) write(&p);
    pending.clear();
    return true;
  };
  ConlluSentence s;
  bool ok = true;
  while (ok && reader.Next(&s, &errors)) {
    report();
    if (model) {
      write(&s);
      continue;
    }
    for (const ConlluRow* w : s.Words()) sample += w->fields[1] + " ";
    pending.push_back(std::move(s));
    if (sample.size() >= 4096 || args.lang != "auto") ok = choose();
  }
  report();
  if (ok && !model && !pending.empty()) ok = choose();
  if (!ok) ++rejected;
  if (!reader.status().ok()) {
    fmt::print(stderr, "warta: {}: {}\n", path, reader.status().message());
    ++rejected;
  }
  return rejected;
}

int ParseConlluFiles(const ParseArgs& args, const Knowledge& k) {
  size_t rejected = 0;
  std::vector<std::string> inputs = args.input.inputs.empty() ? std::vector<std::string>{"-"} : args.input.inputs;
  for (const std::string& path : inputs) rejected += ParseConlluFile(args, k, path);
  std::fflush(stdout);
  return rejected > 0 ? 1 : 0;
}

}  // namespace

CLI::App* AddParseCommand(CLI::App& app, ParseArgs* a) {
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Sentences as CoNLL-U: each token's lemma, part of speech (UPOS), head and relation (UD v2),\n"
      "with `# sent_id` and `# text` comments and the token's byte span in MISC (start=..|end=..,\n"
      "UTF-8 offsets into the article's text as read). Input: articles as for `analyze` (cleaned\n"
      "first), or with --input-format conllu a CoNLL-U file whose ID, FORM and multiword lines are\n"
      "kept and whose UPOS, LEMMA, HEAD and DEPREL are filled (.conllu files are read so without it).\n"
      "Exit: 0 all good, 1 some input rejected (reported on stderr), 2 usage error.");
  AddInputOptions(cmd, &a->input, "output order never changes", /*conllu=*/true);
  cmd->add_option("--lang", a->lang, "CoNLL-U input: the language's model (id, en; auto: identified)")
      ->check(CLI::IsMember({"auto", "id", "en"}));
  return cmd;
}

// --format auto and every input a .conllu file (also .gz/.zst): CoNLL-U.
bool AllConllu(const InputArgs& input) {
  if (input.format != "auto" || input.inputs.empty()) return false;
  for (const std::string& path : input.inputs) {
    std::string_view p = StripCompressionSuffix(path);
    if (p.size() < 7 || p.substr(p.size() - 7) != ".conllu") return false;
  }
  return true;
}

int RunParse(const ParseArgs& args) {
  if (args.input.format == "conllu" || AllConllu(args.input)) {
    DataReader data = args.input.data_dir.empty() ? EmbeddedDataReader() : DirectoryDataReader(args.input.data_dir);
    auto knowledge = Knowledge::Load(data);
    if (!knowledge.ok()) {
      fmt::print(stderr, "warta: {}\n", knowledge.status().message());
      return 2;
    }
    return ParseConlluFiles(args, knowledge.value());
  }
  InputSetup setup;
  if (!SetUpInput(args.input, &setup)) return 2;
  AnalyzeOptions options = setup.analyze;
  options.sentences = true;
  options.parse = true;
  options.entities = options.quotes = options.events = false;
  auto knowledge = Knowledge::Load(setup.data);
  if (!knowledge.ok()) {
    fmt::print(stderr, "warta: {}\n", knowledge.status().message());
    return 2;
  }
  return AnalyzeRecords(args.input, setup, knowledge.value(), options,
                        [](const Document& doc) { return DocumentToConllu(doc.id, doc.original, doc.sentences); });
}

}  // namespace warta
