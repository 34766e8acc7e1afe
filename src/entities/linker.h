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

struct Entity {
  std::string id;       // "e1", "e2", ... in order of first mention
  std::string kb;       // dictionary key ("country/CHN", "person/xi_jinping"), "" if the article introduced it
  std::string name;     // canonical name
  std::string type;     // PER | LOC | ORG | MISC
  std::string subtype;  // country, city, igo, ministry, ..., for people their position; "" if unknown
  std::string country;  // ISO3, "" if unknown
  std::string actor;    // CAMEO actor code, "" if none applies
  std::string role;     // for people: the office held on the date, or the role phrase the article uses
  std::vector<Span> mentions;  // byte spans in the original text, in order
};

struct LinkContext {
  int date = 0;          // publication date yyyymmdd, 0 if unknown (the latest offices are used)
  std::string_view lang;  // "id", "en", ... ("" unknown)
  size_t headline_sentences = 0;  // the first this many sentences are the title
};

// `sentences` are in text order and index `original`.
std::vector<Entity> LinkEntities(std::string_view original, const std::vector<Sentence>& sentences,
                                 const EntityKnowledge& k, const LinkContext& context);

}  // namespace warta
