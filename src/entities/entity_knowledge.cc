#include "entities/entity_knowledge.h"

#include <algorithm>
#include <charconv>

#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {

int DateKey(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return 0;
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t at, size_t len, int* out) {
    auto [p, ec] = std::from_chars(iso.data() + at, iso.data() + at + len, *out);
    return ec == std::errc() && p == iso.data() + at + len;
  };
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  return y * 10000 + m * 100 + d;
}

namespace {

constexpr int kOpenEnd = 99991231;

bool LooksLikeAbbreviation(std::string_view s) {
  // "PBB", "UN", "U.N.", "KPK", "AS": no lower-case letter, at most 6 bytes.
  if (s.size() > 6) return false;
  size_t pos = 0;
  bool letter = false;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, &pos);
    if (IsLower(cp)) return false;
    letter |= IsLetter(cp);
  }
  return letter;
}

std::string Column(std::string_view c) { return c == "-" ? std::string() : std::string(c); }

}  // namespace

uint32_t EntityKnowledge::AddEntity(KbEntity e) {
  auto it = by_key_.find(e.key);
  if (it != by_key_.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(entities_.size());
  by_key_.emplace(e.key, index);
  entities_.push_back(std::move(e));
  offices_by_person_.emplace_back();
  return index;
}

int EntityKnowledge::Find(std::string_view key) const {
  auto it = by_key_.find(std::string(key));
  return it == by_key_.end() ? -1 : static_cast<int>(it->second);
}

Status EntityKnowledge::AddPhrase(std::string_view phrase, PhraseEntry entry, const Abbreviations& abbreviations) {
  phrase = Trim(phrase);
  if (phrase.empty()) return Status::Ok();
  // Tokenised as inside a sentence: a phrase-final "prof." keeps its dot as
  // it does before a name, so a word is added after it and dropped.
  std::string padded = std::string(phrase) + " x";
  std::vector<Span> tokens = Tokenize(padded, Span{0, padded.size()}, abbreviations);
  if (tokens.size() < 2) return Status::Ok();
  tokens.pop_back();
  if (tokens.back().end > phrase.size()) return Status::Ok();
  std::string key;
  uint64_t hash = 0;
  for (const Span& t : tokens) {
    std::string folded = FoldCase(phrase.substr(t.start, t.end - t.start));
    if (!key.empty()) prefixes_.Insert(hash, 1);
    hash = key.empty() ? TokenHash(folded) : PhraseHash(hash, TokenHash(folded));
    if (!key.empty()) key += ' ';
    key += folded;
  }
  first_tokens_.Insert(TokenHash(FoldCase(phrase.substr(tokens[0].start, tokens[0].end - tokens[0].start))), 1);
  max_phrase_tokens_ = std::max(max_phrase_tokens_, tokens.size());
  entry.written.clear();
  for (const Span& t : tokens) {
    if (!entry.written.empty()) entry.written += ' ';
    entry.written += phrase.substr(t.start, t.end - t.start);
  }
  uint32_t index = phrase_index_.Insert(hash, static_cast<uint32_t>(phrases_.size()));
  if (index == phrases_.size()) {
    phrases_.emplace_back();
    phrase_keys_.push_back(key);
  } else if (phrase_keys_[index] != key) {
    return Status::Error(Status::Code::kInvalidInput, "phrase hash collision: " + key + " / " + phrase_keys_[index]);
  }
  auto& list = phrases_[index];
  for (const PhraseEntry& e : list)
    if (e.kind == entry.kind && e.ref == entry.ref && e.exact_case == entry.exact_case && e.written == entry.written)
      return Status::Ok();
  list.push_back(std::move(entry));
  return Status::Ok();
}

const std::vector<PhraseEntry>* EntityKnowledge::Lookup(uint64_t phrase_hash, std::string_view folded_phrase) const {
  uint32_t index = phrase_index_.Find(phrase_hash);
  if (index == FlatHash64::kMissing || phrase_keys_[index] != folded_phrase) return nullptr;
  return &phrases_[index];
}

const std::vector<PhraseEntry>* EntityKnowledge::Lookup(std::string_view folded_phrase) const {
  uint64_t hash = 0;
  bool first = true;
  for (std::string_view token : Split(folded_phrase, ' ')) {
    hash = first ? TokenHash(token) : PhraseHash(hash, TokenHash(token));
    first = false;
  }
  return Lookup(hash, folded_phrase);
}

const std::string& EntityKnowledge::NameOn(uint32_t entity, int date) const {
  auto it = dated_names_.find(entity);
  if (date && it != dated_names_.end())
    for (const DatedName& d : it->second)
      if (d.from <= date && date <= d.to) return d.name;
  return entities_[entity].name;
}

PlaceWord EntityKnowledge::PlaceWordOf(std::string_view folded, std::string_view lang) const {
  std::string key = (lang == "ms" ? std::string("id") : std::string(lang)) + '\t' + std::string(folded);
  auto it = place_words_.find(key);
  if (it == place_words_.end()) it = place_words_.find("*\t" + std::string(folded));
  if (it == place_words_.end() && lang.empty()) {  // language unknown: either
    it = place_words_.find("id\t" + std::string(folded));
    if (it == place_words_.end()) it = place_words_.find("en\t" + std::string(folded));
  }
  return it == place_words_.end() ? PlaceWord::kNone : it->second;
}

bool EntityKnowledge::IsCommonWord(std::string_view token) const { return IsCommon(TokenHash(FoldCase(token))); }

std::vector<const Office*> EntityKnowledge::OfficesOf(uint32_t person, int date) const {
  std::vector<const Office*> out;
  if (person >= offices_by_person_.size()) return out;
  int latest = 0;
  for (uint32_t i : offices_by_person_[person]) latest = std::max(latest, offices_[i].from);
  for (uint32_t i : offices_by_person_[person]) {
    const Office& o = offices_[i];
    if (date ? (o.from <= date && date <= o.to) : (o.from == latest || o.to == kOpenEnd)) out.push_back(&o);
  }
  return out;
}

std::vector<const Office*> EntityKnowledge::Holders(std::string_view position, std::string_view country,
                                                     int date) const {
  std::vector<const Office*> out;
  auto it = offices_by_position_.find(std::string(position));
  if (it == offices_by_position_.end()) return out;
  for (uint32_t i : it->second) {
    const Office& o = offices_[i];
    if ((country.empty() || o.country == country) && (date ? (o.from <= date && date <= o.to) : o.to == kOpenEnd))
      out.push_back(&o);
  }
  return out;
}

Result<EntityKnowledge> EntityKnowledge::Load(const Reader& read, const Abbreviations& abbreviations) {
  EntityKnowledge k;
  auto each = [&](std::string_view path, size_t columns, std::string_view usage, const TsvRowFn& fn) -> Status {
    auto bytes = read(path);
    if (!bytes.ok()) return bytes.status();
    return ForEachTsvRow(bytes.value(), std::string("data/") + std::string(path), columns, usage, fn);
  };
  Status s;
  std::string phrase_error;
  auto phrase = [&](std::string_view text, PhraseKind kind, uint32_t ref, bool exact) {
    PhraseEntry e;
    e.kind = kind;
    e.ref = ref;
    e.exact_case = exact;
    Status st = k.AddPhrase(text, std::move(e), abbreviations);
    if (!st.ok()) phrase_error = st.message();
  };

  std::unordered_set<std::string> named_in_indonesian;  // capitals still named by an Indonesian spelling

  // Countries: CLDR names.
  s = each("entities/countries.tsv", 4, "ISO3<TAB>ISO2<TAB>ENGLISH<TAB>INDONESIAN", [&](const auto& c) -> std::string {
    if (c[0].size() != 3) return "ISO3 must be three letters";
    uint32_t ref = k.AddEntity({"country/" + std::string(c[0]), std::string(c[2]), "LOC", "country", std::string(c[0]),
                                std::string(c[0])});
    phrase(c[2], PhraseKind::kName, ref, false);
    phrase(c[3], PhraseKind::kName, ref, false);
    return "";
  });
  if (!s.ok()) return s;

  s = each("entities/country_aliases.tsv", 5, "ISO3<TAB>ALIAS<TAB>KIND<TAB>LANG<TAB>CASE", [&](const auto& c) -> std::string {
    int country = k.Find("country/" + std::string(c[0]));
    if (country < 0) return "unknown country " + std::string(c[0]) + " (not in countries.tsv)";
    bool exact;
    if (c[4] == "exact") exact = true;
    else if (c[4] == "fold") exact = false;
    else return "CASE must be exact or fold";
    if (c[3] != "id" && c[3] != "en" && c[3] != "*") return "LANG must be id, en or *";
    const std::string iso3(c[0]);
    if (c[2] == "name" || c[2] == "short") {
      phrase(c[1], PhraseKind::kName, country, exact);
    } else if (c[2] == "demonym") {
      phrase(c[1], PhraseKind::kDemonym, country, exact);
    } else if (c[2] == "seat") {
      phrase(c[1], PhraseKind::kSeat, country, exact);
    } else if (c[2] == "capital") {
      // One city entity per state's capital; named by its first English (or shared) spelling.
      int city = k.Find("capital/" + iso3);
      if (city < 0) {
        city = static_cast<int>(k.AddEntity({"capital/" + iso3, std::string(c[1]), "LOC", "city", iso3, ""}));
        if (c[3] == "id") named_in_indonesian.insert(iso3);
      } else if (c[3] != "id" && named_in_indonesian.erase(iso3)) {
        k.entities_[city].name = std::string(c[1]);
      }
      phrase(c[1], PhraseKind::kCapital, static_cast<uint32_t>(city), exact);
    } else {
      return "KIND must be name, short, demonym, capital or seat";
    }
    return "";
  });
  if (!s.ok()) return s;

  // Places, organisations and people: a keyed entity with a name and '|'-separated
  // aliases (abbreviations such as "PBB", "NTT" match only as written).
  auto add_named = [&](std::string_view prefix, std::string_view what, const std::vector<std::string_view>& c,
                       std::string_view country_column, KbEntity e) -> std::string {
    e.country = Column(country_column);
    if (!e.country.empty() && k.Find("country/" + e.country) < 0) return "unknown country " + e.country;
    e.key = std::string(prefix) + std::string(c[0]);
    if (k.Find(e.key) >= 0) return "duplicate " + std::string(what) + " key " + std::string(c[0]);
    e.name = std::string(c[1]);
    uint32_t ref = k.AddEntity(std::move(e));
    phrase(c[1], PhraseKind::kName, ref, LooksLikeAbbreviation(c[1]));
    if (c[2] != "-")
      for (std::string_view alias : Split(c[2], '|')) phrase(alias, PhraseKind::kName, ref, LooksLikeAbbreviation(alias));
    return "";
  };

  s = each("entities/places.tsv", 5, "KEY<TAB>NAME<TAB>ALIASES<TAB>SUBTYPE<TAB>COUNTRY", [&](const auto& c) {
    return add_named("place/", "place", c, c[4], {"", "", "LOC", std::string(c[3]), "", ""});
  });
  if (!s.ok()) return s;

  for (std::string_view file : {"entities/organisations_world.tsv", "entities/organisations_idn.tsv"}) {
    s = each(file, 6, "KEY<TAB>NAME<TAB>ALIASES<TAB>SUBTYPE<TAB>COUNTRY<TAB>ACTOR", [&](const auto& c) {
      return add_named("org/", "organisation", c, c[4], {"", "", "ORG", Column(c[3]), "", Column(c[5])});
    });
    if (!s.ok()) return s;
  }

  for (std::string_view file : {"entities/people_world.tsv", "entities/people_idn.tsv"}) {
    s = each(file, 4, "KEY<TAB>NAME<TAB>ALIASES<TAB>COUNTRY", [&](const auto& c) {
      return add_named("person/", "person", c, c[3], {"", "", "PER", "", "", ""});
    });
    if (!s.ok()) return s;
  }

  for (std::string_view file : {"entities/offices_world.tsv", "entities/offices_idn.tsv"}) {
    s = each(file, 7, "PERSON_KEY<TAB>POSITION<TAB>COUNTRY<TAB>ACTOR<TAB>FROM<TAB>TO<TAB>LABEL",
             [&](const auto& c) -> std::string {
               int person = k.Find("person/" + std::string(c[0]));
               if (person < 0) return "unknown person " + std::string(c[0]);
               Office o;
               o.person = static_cast<uint32_t>(person);
               o.position = std::string(c[1]);
               o.country = Column(c[2]);
               o.actor = Column(c[3]);
               o.from = DateKey(c[4]);
               o.to = c[5] == "-" ? kOpenEnd : DateKey(c[5]);
               o.label = std::string(c[6]);
               if (!o.from || !o.to) return "FROM and TO must be YYYY-MM-DD (TO may be -)";
               if (o.to < o.from) return "TO is before FROM";
               k.offices_by_person_[o.person].push_back(static_cast<uint32_t>(k.offices_.size()));
               k.offices_by_position_[o.position].push_back(static_cast<uint32_t>(k.offices_.size()));
               k.offices_.push_back(std::move(o));
               return "";
             });
    if (!s.ok()) return s;
  }

  s = each("entities/titles.tsv", 4, "PHRASE<TAB>LANG<TAB>POSITION<TAB>ROLE", [&](const auto& c) -> std::string {
    k.titles_.push_back({std::string(c[0]), std::string(c[2]), Column(c[3])});
    phrase(c[0], PhraseKind::kTitle, static_cast<uint32_t>(k.titles_.size() - 1), false);
    return "";
  });
  if (!s.ok()) return s;

  auto heads = read("entities/org_heads.tsv");
  if (!heads.ok()) return heads.status();
  s = ForEachTsvRow(heads.value(), "data/entities/org_heads.tsv", 4, 5, "HEAD<TAB>LANG<TAB>SUBTYPE<TAB>ROLE[<TAB>COUNTRY]",
                    [&](const auto& c) -> std::string {
    if (c[1] != "id" && c[1] != "en" && c[1] != "*") return "LANG must be id, en or *";
    std::string country = c.size() > 4 ? Column(c[4]) : "";
    if (!country.empty() && k.Find("country/" + country) < 0) return "unknown country " + country;
    k.org_heads_.push_back({std::string(c[0]), std::string(c[2]), Column(c[3]), std::string(c[1]), country});
    phrase(c[0], PhraseKind::kOrgHead, static_cast<uint32_t>(k.org_heads_.size() - 1), LooksLikeAbbreviation(c[0]));
    return "";
  });
  if (!s.ok()) return s;

  s = each("entities/common_words.tsv", 2, "WORD<TAB>LANG", [&](const auto& c) -> std::string {
    k.common_words_.Insert(TokenHash(FoldCase(c[0])), 1);
    return "";
  });
  if (!s.ok()) return s;

  // The Indonesian–Malay word list is ordinary words too.
  s = each("langid/id_ms_words.tsv", 2, "WORD<TAB>WEIGHT", [&](const auto& c) -> std::string {
    k.common_words_.Insert(TokenHash(FoldCase(c[0])), 1);
    return "";
  });
  if (!s.ok()) return s;

  auto agents = read("entities/agents.tsv");
  if (!agents.ok()) return agents.status();
  if (s = k.agents_.LoadAgents(agents.value(), "data/entities/agents.tsv"); !s.ok()) return s;
  auto groups = read("entities/groups.tsv");
  if (!groups.ok()) return groups.status();
  if (s = k.agents_.LoadGroups(groups.value(), "data/entities/groups.tsv"); !s.ok()) return s;

  auto outlets = read("entities/outlets.tsv");
  auto countries = read("entities/countries.tsv");
  if (!outlets.ok()) return outlets.status();
  if (!countries.ok()) return countries.status();
  if (s = k.outlets_.Load(outlets.value(), countries.value()); !s.ok()) return s;

  s = each("entities/place_words.tsv", 3, "WORD<TAB>LANG<TAB>KIND", [&](const auto& c) -> std::string {
    if (c[1] != "id" && c[1] != "en" && c[1] != "*") return "LANG must be id, en or *";
    PlaceWord kind;
    if (c[2] == "locative") kind = PlaceWord::kLocative;
    else if (c[2] == "directional") kind = PlaceWord::kDirectional;
    else if (c[2] == "origin") kind = PlaceWord::kOrigin;
    else if (c[2] == "street") kind = PlaceWord::kStreet;
    else return "KIND must be locative, directional, origin or street";
    if (FoldCase(c[0]) != c[0]) return "WORD must be lower case";
    k.place_words_[std::string(c[1]) + '\t' + std::string(c[0])] = kind;
    return "";
  });
  if (!s.ok()) return s;

  s = each("entities/dated_names.tsv", 4, "KEY<TAB>NAME<TAB>FROM<TAB>TO", [&](const auto& c) -> std::string {
    int entity = k.Find(c[0]);
    if (entity < 0) return "unknown entity " + std::string(c[0]);
    DatedName d{std::string(c[1]), DateKey(c[2]), c[3] == "-" ? kOpenEnd : DateKey(c[3])};
    if (!d.from || !d.to || d.to < d.from) return "FROM and TO must be YYYY-MM-DD (TO may be -), FROM before TO";
    k.dated_names_[static_cast<uint32_t>(entity)].push_back(std::move(d));
    return "";
  });
  if (!s.ok()) return s;

  auto model = read("entities/ner_model.tsv");
  if (!model.ok()) return model.status();
  auto parsed = NerModel::FromTsv(model.value(), "data/entities/ner_model.tsv");
  if (!parsed.ok()) return parsed.status();
  k.model_ = std::move(parsed).value();
  // The English model is optional: without it English text uses the one above.
  auto model_en = read("entities/ner_model_en.tsv");
  if (model_en.ok()) {
    auto parsed_en = NerModel::FromTsv(model_en.value(), "data/entities/ner_model_en.tsv");
    if (!parsed_en.ok()) return parsed_en.status();
    k.model_en_ = std::move(parsed_en).value();
  } else if (model_en.status().code() != Status::Code::kNotFound) {
    return model_en.status();
  }
  if (!phrase_error.empty()) return Status::Error(Status::Code::kInvalidArgument, phrase_error);
  return k;
}

}  // namespace warta
