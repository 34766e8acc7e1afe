#include "cli/parse_command.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analyze/analyzer.h"
#include "cli/ordered_pool.h"
#include "syntax/conllu_writer.h"
#include "syntax/reannotate.h"

namespace warta {

namespace {

// Re-annotates CoNLL-U files (or stdin, "-"): every line but the word rows'
// UPOS, LEMMA, HEAD and DEPREL is written as read.
int ParseConlluFiles(const ParseArgs& args, const Knowledge& k) {
  size_t rejected = 0;
  std::vector<std::string> inputs = args.input.inputs.empty() ? std::vector<std::string>{"-"} : args.input.inputs;
  for (const std::string& path : inputs) {
    std::string text;
    if (path == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        fmt::print(stderr, "warta: {}: cannot read\n", path);
        ++rejected;
        continue;
      }
      std::ostringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
    ConlluFile file = ParseConllu(text);
    for (const ConlluError& e : file.errors) {
      fmt::print(stderr, "warta: {}:{}: {}; sentence skipped\n", path, e.line, e.message);
      ++rejected;
    }
    std::string lang = args.lang;
    if (lang == "auto") {
      std::string sample;
      for (const ConlluSentence& s : file.sentences) {
        for (const ConlluRow* w : s.Words()) sample += w->fields[1] + " ";
        if (sample.size() > 4096) break;
      }
      lang = k.langid.Identify(sample).code.value_or("");
      if (lang == "ms") lang = "id";  // the Indonesian model serves Malay text better than none
    }
    const SyntaxModel* model = k.syntax.Model(lang);
    if (!model) {
      fmt::print(stderr, "warta: {}: no syntax model for language '{}' (use --lang id or --lang en)\n", path, lang);
      ++rejected;
      continue;
    }
    for (ConlluSentence& s : file.sentences) {
      Reannotate(*model, k.syntax.LemmatizerFor(lang), k.abbreviations, &s);
      std::string out = FormatConllu(s);
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  }
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
      "kept and whose UPOS, LEMMA, HEAD and DEPREL are filled.\n"
      "Exit: 0 all good, 1 some input rejected (reported on stderr), 2 usage error.");
  AddInputOptions(cmd, &a->input, "output order never changes", /*conllu=*/true);
  cmd->add_option("--lang", a->lang, "CoNLL-U input: the language's model (id, en; auto: identified)")
      ->check(CLI::IsMember({"auto", "id", "en"}));
  return cmd;
}

int RunParse(const ParseArgs& args) {
  if (args.input.format == "conllu") {
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
  InputSet inputs(args.input.inputs, setup.format, setup.reader);
  size_t rejected = 0;
  std::vector<Record> batch;
  std::vector<std::string> outputs, errors, wheres;
  bool more = true;
  while (more) {
    more = ReadBatch(&inputs, &batch, &rejected);
    outputs.assign(batch.size(), std::string());
    errors.assign(batch.size(), std::string());
    wheres.assign(batch.size(), std::string());
    ParallelFor(batch.size(), setup.threads, [&](size_t i) {
      wheres[i] = WhereOf(batch[i]);
      try {
        Document doc = Analyze(std::move(batch[i]), knowledge.value(), options);
        outputs[i] = DocumentToConllu(doc.id, doc.original, doc.sentences);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
    for (size_t i = 0; i < outputs.size(); ++i) {
      if (!errors[i].empty()) {
        fmt::print(stderr, "warta: {}: cannot parse this record ({}); skipped\n", wheres[i], errors[i]);
        ++rejected;
        continue;
      }
      std::fwrite(outputs[i].data(), 1, outputs[i].size(), stdout);
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
