// Who said what: the direct quotations (words in quotation marks) and the
// indirect ones ("X mengatakan bahwa ...", "menurut X, ...", "X said that
// ...") of one article, each attributed to its speaker. Pure: the article's
// text, paragraphs, sentences and linked entities in, quotes out.
//
// Written here rather than taken from a library: the quote extractors that
// exist (Citron, quootstrap, the EU media monitor's rules) are English or
// model-bound, and none reads Indonesian cues such as "ujarnya" or "kata dia".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clean/cleaner.h"
#include "entities/entity_knowledge.h"
#include "entities/linker.h"
#include "quotes/quote_lexicon.h"
#include "text/segment.h"

namespace warta {

struct Quote {
  enum class Kind { kDirect, kIndirect };
  Kind kind = Kind::kDirect;
  Span span;                 // the quoted words (direct: without the marks)
  int speaker_entity = -1;   // index into the article's entities, -1 when unknown
  std::string speaker_role;  // the role phrase the article uses for the speaker, "" if none
  Span speaker_mention;      // the words at the cue that name the speaker; empty when none
  Span cue;                  // the reporting word; empty for a quote that continues the previous one
};

struct QuoteInput {
  std::string_view text;                // the original text: every span indexes it
  const std::vector<Span>* paragraphs;  // the body's paragraphs
  std::span<const Sentence> sentences;  // the body's, with their token tables
  const std::vector<Entity>* entities;
};

// Quotes in text order. A quotation repeated in the article (crawler copies)
// is reported once.
std::vector<Quote> ExtractQuotes(const QuoteInput& input, const EntityKnowledge& k, const QuoteLexicon& lexicon);

// The quote (in text order, as ExtractQuotes returns them) whose words hold
// byte `byte`, nullptr if none; `direct_only` skips reported speech.
const Quote* QuoteAt(const std::vector<Quote>& quotes, size_t byte, bool direct_only = false);

}  // namespace warta
