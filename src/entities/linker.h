// The entities of one article: names found sentence by sentence, linked into
// real-world actors (dictionary entries, or names the article introduces),
// with short forms ("Liu" → "Liu Pengyu"), metonyms ("Beijing", "Kremlin" →
// the state), title-only mentions ("Presiden AS" → who held the office on the
// publication date) and role phrases that give an unknown person a role and a
// country ("juru bicara kedutaan China Liu Pengyu" → CHNGOV).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clean/cleaner.h"
#include "entities/entity_knowledge.h"
#include "text/segment.h"

namespace warta {

struct EntityMention {
  Span span;                    // bytes in the original text, or in the title field
  bool in_title_field = false;  // the record's title field (not part of the original text)
  Span role;                    // the role phrase the article puts at this mention ("juru bicara kedutaan
                                // China" before "Liu Pengyu"); empty (start == end) if none
};

struct Entity {
  std::string id;       // "e1", "e2", ... in order of first mention
  std::string kb;       // dictionary key ("country/CHN", "person/xi_jinping"), "" if the article introduced it
  std::string name;     // canonical name
  std::string type;     // PER | LOC | ORG | GRP (people of a kind, ethnic and religious groups) | MISC
  std::string subtype;  // country, city, igo, ministry, ..., for people their position; "" if unknown
  std::string country;  // ISO3, "" if unknown
  std::string actor;    // CAMEO actor code, "" if none applies
  std::string role;     // for people: the office held on the date, or the role phrase the article uses
  std::string group;    // an ethnic or religious group: its CAMEO code ("uig", "CTH"); "" otherwise
  std::vector<EntityMention> mentions;  // in order: the title field's first, then the text's
};

struct LinkContext {
  int date = 0;          // publication date yyyymmdd, 0 if unknown (the latest offices are used)
  std::string lang;  // "id", "en", ... ("" unknown)
  size_t headline_sentences = 0;  // the first this many sentences are the title
  // The outlet's home country (ISO3, "" unknown): the state of the domestic
  // institutions and officials the article does not name a state for.
  std::string home_country;
  std::string dateline;  // the place the dateline names ("Kuala Lumpur"), "" if none
};

// The outlet's home country as the linker uses it: `home_country`, else
// Indonesia for Indonesian text; "" when neither says.
inline std::string HomeCountryOf(const LinkContext& c) {
  if (!c.home_country.empty()) return c.home_country;
  return c.lang == "id" ? "IDN" : "";
}

// `sentences` are in text order and index `original`; `title_sentences`
// index `title_field`, the record's title when it is not part of the text.
std::vector<Entity> LinkEntities(std::string_view original, const std::vector<Sentence>& sentences,
                                 const EntityKnowledge& k, const LinkContext& context,
                                 std::string_view title_field = {}, const std::vector<Sentence>& title_sentences = {});

}  // namespace warta
