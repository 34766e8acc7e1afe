// Who did what to whom: CAMEO-coded events between the article's actors,
// sentence by sentence, from the verb patterns of data/events/ — Indonesian
// and English, with passives, compound and mutual actors, negation, intent,
// and statements inside quotations attributed to their speaker. Pure: the
// article's sentences, entities and quotes in, events out.
//
// Written here rather than taken from PETRARCH2 or TABARI: both are English
// only, and PETRARCH2 needs a constituency parser; this coder reads the
// entity stage's actors and a flat verb dictionary, at sentence speed.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entities/linker.h"
#include "events/cameo_table.h"
#include "events/event_lexicon.h"
#include "quotes/quotes.h"
#include "text/segment.h"

namespace warta {

struct Event {
  // Indexes into the article's entities; -1 for unnamed people ("ribuan
  // warga", "protesters"), whose actor is a state and a role ("IDNCVL").
  int source = -1, target = -1;
  std::string source_name, target_name;    // canonical names, or the people's words as written
  std::string source_actor, target_actor;  // CAMEO actor codes ("CHNGOV", "RUS", "IGOUNO", "PHLOPP")
  const CameoCode* code = nullptr;         // never null in a returned event
  bool negated = false;
  bool via_quote = false;  // said inside a quotation: the speaker's claim or act
  Span sentence;           // the first evidence
  std::vector<Span> evidence;  // every sentence of the article that reports it, in text order
  int place = -1;          // where it happened (an entity index), apart from its target; -1 if not said
  std::string place_name;
};

struct EventInput {
  std::string_view text;  // the original text: every span indexes it
  std::span<const Sentence> sentences;  // with their token tables
  const std::vector<Entity>* entities;
  const std::vector<Quote>* quotes;
  // The outlet's home country (ISO3, "" unknown): its own bodies of one
  // sector act on each other ("IDNGOV" → "IDNGOV"); a foreign state's
  // ministry, capital and leader are one actor.
  std::string home_country;
};

std::vector<Event> CodeEvents(const EventInput& input, const EventLexicon& lexicon, const CameoTable& table);

// The actor code an entity acts as: its CAMEO actor, else its state for a
// person or an organisation; "" for places and people of no known state.
std::string ActorOf(const Entity& e);

}  // namespace warta
