#include "cli/analyze_command.h"

#include <fmt/format.h>
#include <unistd.h>


#include "analyze/analyzer.h"
#include "cli/input_options.h"
#include "cli/record_loop.h"
#include "input/input_set.h"

namespace warta {

CLI::App* AddAnalyzeCommand(CLI::App& app, AnalyzeArgs* a) {
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Clean news articles and write one JSON object per article per line on stdout.\n"
      "Each object: id, source, url, publisher (only when the input names the outlet), lang, lang_score,\n"
      "title, authors, editor, published (ISO 8601),\n"
      "dateline, text (cleaned body), removed [{kind, rule, text, start, end}], paragraphs [[start,end]],\n"
      "entities [{id, name, type, subtype, country, actor, role, kb, mentions}],\n"
      "quotes [{text, kind, speaker, speaker_entity, speaker_role, speaker_mention, cue, start, end}],\n"
      "events [{source, source_name, source_actor, target, target_name, target_actor, cameo, plover,\n"
      "quad_class, goldstein, negated, via, sentence, start, end}],\n"
      "sentences (with --sentences), invalid_utf8. Offsets are UTF-8 bytes into the article's text\n"
      "as read. See docs/output.md.\n"
      "Exit: 0 all good, 1 some input rejected (reported on stderr), 2 usage error.");
  AddInputOptions(cmd, &a->input, "output order never changes");
  cmd->add_flag("--sentences", a->sentences, "Add sentences with their tokens");
  cmd->add_flag("--no-entities", a->no_entities,
                "Skip the entity and quote stages (entities and quotes are then empty): cleaning only, faster");
  cmd->add_flag("--no-quotes", a->no_quotes, "Skip the quote stage (quotes is then empty)");
  cmd->add_flag("--no-events", a->no_events, "Skip the event stage (events is then empty)");
  cmd->add_flag("--original", a->original, "Add the article's text as read: the string all offsets index");
  return cmd;
}

int RunAnalyze(const AnalyzeArgs& args) {
  InputSetup setup;
  if (!SetUpInput(args.input, &setup)) return 2;
  AnalyzeOptions options = setup.analyze;
  options.sentences = args.sentences;
  options.entities = !args.no_entities;
  options.quotes = !args.no_quotes;
  options.events = !args.no_events;
  JsonOptions json{args.sentences, args.original};
  auto knowledge = Knowledge::Load(setup.data);
  if (!knowledge.ok()) {
    fmt::print(stderr, "warta: {}\n", knowledge.status().message());
    return 2;
  }
  return AnalyzeRecords(args.input, setup, knowledge.value(), options, [&](const Document& doc) {
    std::string line = ToJson(doc, json);
    line.push_back('\n');
    return line;
  });
}

}  // namespace warta
