// The analyze pipeline for one record: repair → clean → language → segment.
// Pure: a Record in, a Document out; no files, clock or threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyze/knowledge.h"
#include "clean/cleaner.h"
#include "entities/linker.h"
#include "events/coder.h"
#include "input/record.h"
#include "quotes/quotes.h"
#include "text/segment.h"

namespace warta {

// Whether every sentence is parsed for the later stages. No: `analyze`
// parses every sentence only when the sentences are written out; otherwise
// it parses just the sentences the event coder reads (two actors, a person
// pronoun counting as one, and a predicate pattern that matches) and those
// of reporting cues where the quote stage's word windows found no speaker.
inline constexpr bool kStagesReadParse = false;

struct AnalyzeOptions {
  CleanOptions clean;
  bool sentences = false;  // keep sentences and tokens in the Document (--sentences)
  bool syntax = true;      // tag and lemmatise the sentences (the token table's syntax fields)
  // Parse them too (head, relation). On with --sentences and in `warta parse`;
  // otherwise only when a later stage reads the parse (kStagesReadParse).
  bool parse = false;
  bool entities = true;    // recognise and link entities
  bool quotes = true;      // find quotations and their speakers (needs entities)
  bool events = true;      // code events between actors (needs entities; uses quotes)
  // The outlet's home country (ISO3): the state of the institutions an article
  // names without a state. Empty: from the URL's outlet or domain, else the
  // language (Indonesian text: Indonesia).
  std::string home_country;
  // How a record longer than one section (1 MiB) may analyse several sections
  // at once: the caller's threads (the core starts none). Unset or
  // section_threads <= 1: one after another. The result is the same.
  std::function<void(size_t n, const std::function<void(size_t i)>& fn)> parallel_for;
  unsigned section_threads = 1;
};

struct Document {
  std::string id;      // the input's id, else "h" + a content hash
  std::string source;  // the input's path or name
  std::optional<std::string> url;
  std::optional<std::string> publisher;  // the outlet's name as the input gives it (Record::publisher), NFC
  std::string original;  // the record's text, invalid UTF-8 replaced: all offsets index this
  size_t invalid_utf8 = 0;
  LanguageGuess lang;
  CleanResult clean;
  std::vector<Sentence> sentences;  // only with AnalyzeOptions::sentences
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Event> events;
};

Document Analyze(Record record, const Knowledge& knowledge, const AnalyzeOptions& options);

struct JsonOptions {
  bool sentences = false;  // the "sentences" field
  bool original = false;   // the "original" field: the text all offsets index
};

// One line of JSON (without the newline), as documented in docs/output.md.
std::string ToJson(const Document& doc, const JsonOptions& options);

}  // namespace warta
