// The lemmatizer's tables and its analysis functions, shared by
// lemmatizer.cc (loading, Analyze) and lemma_train.cc (TrainLemmaLexicon).
// Internal to the syntax stage.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "syntax/lemmatizer.h"
#include "util/flat_hash.h"
#include "util/hash.h"
#include "util/status.h"

namespace warta::lemma {

// Upos tags as a bit set.
inline constexpr uint32_t TagBit(Upos u) { return 1u << static_cast<uint32_t>(u); }
inline constexpr uint32_t kAnyTag = (1u << kUposCount) - 1;  // never FlatHash64::kMissing
inline constexpr uint32_t kHandRoot = 1u << 24;               // a root of the rules file

// What an affix says about voice: `noun` on any tag, `verb` on a VERB.
struct VoiceSpec {
  Voice noun = Voice::kNone;
  Voice verb = Voice::kNone;
  bool forbid = false;  // confix: the pair never occurs
};

// One way to read the root once a prefix is removed (see id_morphology.tsv).
struct PrefixOption {
  std::string lead;     // put before the rest ("p" of mem+ukul → pukul); the rest must begin with a vowel
  std::string pattern;  // the rest must begin with it: letters, V (vowel), C (consonant)
  bool known_only = false;
};

struct Prefix {
  std::string text;
  int family = 0;
  std::vector<PrefixOption> options;
  VoiceSpec voice;
};

struct Suffix {
  std::string text;
  uint32_t guess_tags = kAnyTag;  // tags on which it is stripped without a known root
  VoiceSpec voice;
};

// A learned or hand-written lemma of one form (and tag).
struct Entry {
  std::string lemma;
  VoiceSpec voice;  // from the form's affixes
};

inline constexpr uint8_t kAnyTagByte = 0xFF;
inline uint64_t LemmaKey(std::string_view form, uint8_t tag) {
  char c = static_cast<char>(tag);
  return Fnv1a64(std::string_view(&c, 1), Fnv1a64(form) ^ 0x5bd1e995u);
}

}  // namespace warta::lemma

namespace warta {
struct Lemmatizer::Model {
  bool english = false;
  // Indonesian affix table.
  std::vector<lemma::Suffix> particles, possessives, derivs;
  std::vector<lemma::Prefix> prefixes;
  std::vector<std::string> families;  // two-letter prefix families
  std::vector<std::pair<int, int>> stack_rows;                // (outer, inner) families
  std::vector<std::tuple<int, int, lemma::VoiceSpec>> confix_rows;  // (family, deriv, voice)
  std::vector<uint8_t> stack;           // families × families: inner may follow outer (BuildTables)
  std::vector<lemma::VoiceSpec> confix;  // families × derivs (BuildTables)
  // English suffix rule data.
  std::vector<std::string> e_endings, keep_s;
  // Roots (id) / known lemmas (en): Fnv1a64 → tags the lemma is known for.
  FlatHash64 roots;
  // Lemma exceptions: lemma::LemmaKey(form, tag or kAnyTagByte) → index in entries.
  FlatHash64 lemmas;
  std::vector<lemma::Entry> entries;

  bool IsRoot(uint64_t hash, uint32_t tags = lemma::kAnyTag) const {
    uint32_t v = roots.Find(hash);
    return v != FlatHash64::kMissing && (v & tags) != 0;
  }
  bool IsRoot(std::string_view w, uint32_t tags = lemma::kAnyTag) const { return IsRoot(Fnv1a64(w), tags); }
  const lemma::Entry* FindLemma(std::string_view form, uint8_t tag) const {
    uint32_t i = lemmas.Find(lemma::LemmaKey(form, tag));
    return i == FlatHash64::kMissing ? nullptr : &entries[i];
  }
};
}  // namespace warta

namespace warta::lemma {

using Model = Lemmatizer::Model;

// The rows of a lexicon or rules file, before they are turned into a Model.
struct Rows {
  std::map<std::string, uint32_t> roots;                          // word → tags
  std::map<std::pair<std::string, uint8_t>, std::string> lemmas;  // (form, tag or kAnyTagByte) → lemma
};

// Parses `tsv` (rules or lexicon, same format) into `model` (affix rows) and
// `rows` (roots, lemmas; a later row overrides an earlier one). A confix or
// stack row must come after the prefix and suffix rows it names.
// `hand`: the rules file (its roots may be one syllable: "bom").
Status ParseMorphology(std::string_view tsv, std::string_view name, bool hand, Model* model, Rows* rows);
// Fills model->roots and model->lemmas from rows (entries' voice from their affixes).
void BuildTables(const Rows& rows, Model* model);

// The rules alone (no exception lookup), for training and for Analyze.
LemmaAnalysis AnalyzeRules(const Model& m, std::string_view w, Upos tag);
// The full analysis: exceptions, then rules.
LemmaAnalysis AnalyzeFull(const Model& m, std::string_view w, Upos tag);

// Indonesian: the root the known roots give (no guess); false if none.
// `marked`: the affixes read mark a voice (meN-, di-, peN-an; not se-, -i).
bool IdKnownRoot(const Model& m, std::string_view w, Upos tag, std::string* root, bool* marked);
// Indonesian: the guess for a word no known root explains; false if none.
// `suffixed`: the guess strips a derivational suffix.
bool IdGuessRoot(const Model& m, std::string_view w, Upos tag, std::string* root, bool* suffixed);
// Indonesian: whether some reading of the affixes of `w` gives `lemma`.
bool IdReaches(const Model& m, std::string_view w, std::string_view lemma);

Voice Resolve(const VoiceSpec& v, Upos tag);

}  // namespace warta::lemma
