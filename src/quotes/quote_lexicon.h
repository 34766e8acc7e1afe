// The words the quotes stage reads: reporting cues ("kata", "ujarnya",
// "menurut", "said", "according to"), the words that open a reported clause
// ("bahwa", "that"), pronouns and words for unnamed speakers. Loaded once from
// data/quotes/cues.tsv.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace warta {

enum class CueType : uint8_t {
  kNone,
  kVerb,         // a reporting verb: "kata", "mengatakan", "said"
  kStance,       // attributes marked words next to it, opens no indirect quote: "mengecam", "urged"
  kNya,          // the -nya suffix is the speaker: "ujarnya", "menurutnya"
  kPassive,      // "disampaikan (oleh) X"
  kAccording,    // "menurut X", "according to X"
  kComplement,   // "bahwa", "that"
  kPronoun,      // "dia", "he", "mereka"
  kSpeakerNoun,  // "sumber", "officials"
  kPreposition,  // "dengan", "with", "dan": a name after it does not speak
  kNominal,      // "pentingnya", "soal": a topic after the verb, not reported words
  kParticiple,   // "..., saying": the speaker is the sentence's subject
  kRelative,     // "yang", "who": a cue right after it reports what someone the sentence is about said
};

struct CueMatch {
  CueType type = CueType::kNone;
  size_t tokens = 0;  // how many tokens the phrase covers (0: no match)
  bool indonesian = false;
  bool bare = false;  // an Indonesian root form written before the speaker ("kata X", "ujar X")
  bool request = false;  // a verb of asking ("meminta"): an act named as a noun after it is what is asked for
  bool goes_on = false;  // "tambahnya", "lanjutnya": the speaker goes on, the last one quoted
};

class QuoteLexicon {
 public:
  static Result<QuoteLexicon> FromTsv(std::string_view tsv, std::string_view name);

  // The longest phrase starting at folded[i] (the token table's folded forms).
  CueMatch Match(const std::vector<std::string_view>& folded, size_t i) const;
  size_t size() const { return size_; }

 private:
  struct Entry {
    CueType type = CueType::kNone;
    bool indonesian = false;
    bool request = false;
    bool goes_on = false;
  };
  struct Word {
    Entry entry;          // the word as a phrase of its own (type kNone if it is none)
    size_t longest = 1;   // the longest phrase it starts, in words
  };
  struct Hash {  // looks up a string_view without copying it
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Word, Hash, std::equal_to<>> words_;  // one lookup per token
  std::unordered_map<std::string, Entry> phrases_;  // phrases of two words or more, joined by single spaces
  size_t size_ = 0;
};

}  // namespace warta
