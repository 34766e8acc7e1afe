// What warta knows about actors, loaded once from data/entities/: countries
// (CLDR names) and their variants, demonyms, capitals and seats of power;
// other places (provinces, regencies, cities, seas, regions);
// organisations and IGOs; political people and their dated offices; title
// words; organisation head words; and the name tagger's model.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/agents.h"
#include "entities/ner_model.h"
#include "entities/outlets.h"
#include "text/segment.h"
#include "util/flat_hash.h"
#include "util/hash.h"
#include "util/status.h"

namespace warta {

// One real-world actor the dictionaries know.
struct KbEntity {
  std::string key;      // "country/CHN", "capital/CHN", "place/surabaya", "org/united_nations", "person/xi_jinping"
  std::string name;     // canonical name (English CLDR name for countries)
  std::string type;     // PER | LOC | ORG
  std::string subtype;  // country, city, igo, ministry, ... ("" for people)
  std::string country;  // ISO3 or ""
  std::string actor;    // CAMEO code or "" (people: from their office at the article's date)
};

// A dated office: who held which position for which state, when.
struct Office {
  uint32_t person = 0;   // index into entities()
  std::string position;  // head_of_state, foreign_minister, fm_spokesperson, ...
  std::string country;   // ISO3, "" for IGO offices
  std::string actor;     // CAMEO code of the office (CHNGOV, IGOUNO, ...)
  std::string label;     // "President of China"
  int from = 0, to = 0;  // yyyymmdd, inclusive; `to` 99991231 when still held
};

enum class PhraseKind : uint8_t {
  kName,     // a country's, organisation's or person's name or alias
  kDemonym,  // "Chinese": stands for the country
  kCapital,  // "Beijing": the city, or the government when not used as a place
  kSeat,     // "Kremlin", "Gedung Putih": stands for the government
  kTitle,    // "Presiden", "juru bicara": a role word
  kOrgHead,  // "Kementerian", "PT": opens (or closes) an organisation's name
};

struct PhraseEntry {
  PhraseKind kind = PhraseKind::kName;
  uint32_t ref = 0;          // entities() index; titles() / org_heads() index for those kinds
  bool exact_case = false;   // only with the capitalisation below
  std::string written;       // the phrase as the data file writes it
};

struct Title {
  std::string phrase, position, role;  // role: CAMEO role or "" when it depends on the organisation
};
struct OrgHead {
  std::string head, subtype, role;
  std::string lang;     // id | en | *: an Indonesian head names a body of the home country unless a state is named
  std::string country;  // the state every body with this head belongs to ("KBRI": IDN), "" if it depends
};

// What a word before a name says about it (data/entities/place_words.tsv).
enum class PlaceWord : uint8_t { kNone, kLocative, kDirectional, kOrigin, kStreet };

class EntityKnowledge {
 public:
  using Reader = std::function<Result<std::string>(std::string_view relative_path)>;
  // `abbreviations` tokenise the phrases exactly as text is tokenised.
  static Result<EntityKnowledge> Load(const Reader& read, const Abbreviations& abbreviations);

  const std::vector<KbEntity>& entities() const { return entities_; }
  const std::vector<Office>& offices() const { return offices_; }
  const std::vector<Title>& titles() const { return titles_; }
  const std::vector<OrgHead>& org_heads() const { return org_heads_; }
  const NerModel& model() const { return model_; }
  const AgentTable& agents() const { return agents_; }
  const Outlets& outlets() const { return outlets_; }
  // What a folded word says about the name after it in `lang`.
  PlaceWord PlaceWordOf(std::string_view folded, std::string_view lang) const;
  // The tagger for a language: the English model (ner_model_en.tsv, its
  // syntax feature set) for "en" when there is one; the Indonesian model
  // for Indonesian, Malay and any other language.
  const NerModel& model(std::string_view lang) const { return UsesEnglishModel(lang) ? model_en_ : model_; }
  bool UsesEnglishModel(std::string_view lang) const { return lang == "en" && !model_en_.empty(); }
  // Replaces a language's model ("en" or the other one): for training and cross-validation.
  void SetModel(std::string_view lang, NerModel model) { (lang == "en" ? model_en_ : model_) = std::move(model); }
  int Find(std::string_view key) const;  // index of a key, -1 if none

  // Phrases are looked up by hash: TokenHash of each case-folded token,
  // chained with PhraseHash. (Hashes, not strings, on the hot path; a hit is
  // confirmed against the phrase's folded text.)
  static uint64_t TokenHash(std::string_view folded_token) { return Fnv1a64(folded_token); }
  static uint64_t PhraseHash(uint64_t phrase, uint64_t next_token) {
    return ((phrase * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL) ^ next_token) * 0x100000001b3ULL;
  }
  // Entries for a phrase of case-folded tokens joined by single spaces.
  const std::vector<PhraseEntry>* Lookup(std::string_view folded_phrase) const;
  // The same by hash; `folded_phrase` confirms the hit.
  const std::vector<PhraseEntry>* Lookup(uint64_t phrase_hash, std::string_view folded_phrase) const;
  bool StartsPhrase(uint64_t token_hash) const { return first_tokens_.Find(token_hash) != FlatHash64::kMissing; }
  // Whether some phrase begins with the tokens hashed so far (PhraseHash chain).
  bool IsPrefix(uint64_t phrase_hash) const { return prefixes_.Find(phrase_hash) != FlatHash64::kMissing; }
  size_t max_phrase_tokens() const { return max_phrase_tokens_; }
  // A common word of either language ("yang", "the"), by TokenHash.
  bool IsCommon(uint64_t token_hash) const { return common_words_.Find(token_hash) != FlatHash64::kMissing; }
  bool IsCommonWord(std::string_view token) const;  // any case

  // The name entities()[i] bore on `date` (dated_names.tsv), else its name.
  const std::string& NameOn(uint32_t entity, int date) const;

  // Offices of a person held on `date` (yyyymmdd); with date 0, the latest ones.
  std::vector<const Office*> OfficesOf(uint32_t person, int date) const;
  // Who held `position` (for `country`; "" = any) on `date`; with date 0, the latest holders.
  std::vector<const Office*> Holders(std::string_view position, std::string_view country, int date) const;

 private:
  Status AddPhrase(std::string_view phrase, PhraseEntry entry, const Abbreviations& abbreviations);
  uint32_t AddEntity(KbEntity e);

  std::vector<KbEntity> entities_;
  std::unordered_map<std::string, uint32_t> by_key_;
  std::vector<Office> offices_;
  std::vector<std::vector<uint32_t>> offices_by_person_;
  std::unordered_map<std::string, std::vector<uint32_t>> offices_by_position_;
  std::vector<Title> titles_;
  std::vector<OrgHead> org_heads_;
  FlatHash64 phrase_index_;                       // phrase hash → index below
  std::vector<std::string> phrase_keys_;           // folded phrase text
  std::vector<std::vector<PhraseEntry>> phrases_;  // its entries
  FlatHash64 first_tokens_;
  FlatHash64 prefixes_;  // hashes of every phrase's first 1..n-1 tokens
  size_t max_phrase_tokens_ = 0;
  NerModel model_, model_en_;
  FlatHash64 common_words_;
  AgentTable agents_;
  Outlets outlets_;
  std::unordered_map<std::string, PlaceWord> place_words_;
  struct DatedName {
    std::string name;
    int from = 0, to = 0;
  };
  std::unordered_map<uint32_t, std::vector<DatedName>> dated_names_;  // LANG '\t' WORD, LANG id | en | *
};

// "2021-12-07T14:12:00+07:00" or "2021-12-07" → 20211207; 0 when absent or unreadable.
int DateKey(std::string_view iso);

}  // namespace warta
