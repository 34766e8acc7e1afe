// Everything warta knows that is data rather than code, loaded once from
// data/ (embedded in the binary, or a directory given with --data) and shared
// read-only by all threads.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "clean/boilerplate.h"
#include "clean/byline.h"
#include "clean/calendar.h"
#include "entities/entity_knowledge.h"
#include "events/cameo_table.h"
#include "events/event_lexicon.h"
#include "quotes/quote_lexicon.h"
#include "syntax/syntax.h"
#include "text/langid.h"
#include "text/segment.h"
#include "util/flat_hash.h"
#include "util/status.h"

namespace warta {

// Reads data/<relative path>. Tests and --data use a directory; the binary
// uses what was embedded at build time.
using DataReader = std::function<Result<std::string>(std::string_view relative_path)>;
DataReader EmbeddedDataReader();
DataReader DirectoryDataReader(std::string directory);

struct Knowledge {
  BoilerplateMatcher boilerplate;
  Calendar calendar;
  BylineLabels bylines;
  Abbreviations abbreviations;
  LanguageIdentifier langid;
  // Tagger, parser and lemmatizer per language (data/syntax/).
  Syntax syntax;
  EntityKnowledge entities;
  QuoteLexicon quotes;
  CameoTable cameo;
  EventLexicon events;
  // data/corpus/stopwords_id.tsv then stopwords_en.tsv, checked: what a
  // StoryClusterer is created with (the clusterer itself is state, not knowledge).
  std::string story_stopwords;
  // The same lists' words by language (Fnv1a64 of the word): which syntax
  // model reads text too short for the language identifier.
  FlatHash64 function_words_id, function_words_en;

  static Result<Knowledge> Load(const DataReader& read);
};

// A stopword list: rows WORD<TAB>LANG (data/corpus/stopwords_*.tsv, one or
// more languages' files concatenated), WORD one lower-case word, LANG a
// two-letter code; `name` names it in errors. Returns the Fnv1a64 hashes of
// the words (value 1), or an error for a bad row or an empty list. Here, with
// the knowledge, so that loading it needs nothing of the corpus stage that
// uses it (StoryClusterer).
Result<FlatHash64> ParseStopwords(std::string_view tsv, std::string_view name);

}  // namespace warta
