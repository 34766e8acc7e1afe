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
#include "text/langid.h"
#include "text/segment.h"
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
  EntityKnowledge entities;
  QuoteLexicon quotes;
  CameoTable cameo;
  EventLexicon events;
  // data/corpus/stopwords_id.tsv then stopwords_en.tsv, checked: what a
  // StoryClusterer is created with (the clusterer itself is state, not knowledge).
  std::string story_stopwords;

  static Result<Knowledge> Load(const DataReader& read);
};

}  // namespace warta
