// The token table: one row per token of a sentence, built once and read by
// every later stage (in the spirit of spaCy's Doc). The segmenter fills the
// span and the folded form; the syntax stage fills lemma, part of speech, head
// and relation. No later stage re-tokenises or re-folds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "clean/cleaner.h"

namespace warta {

// Universal POS tags (UD v2), in UD's documented order.
enum class Upos : uint8_t {
  kX = 0,  // other, and "not tagged yet"
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct, kSconj, kSym, kVerb,
};
inline constexpr size_t kUposCount = 17;

// "NOUN", "VERB", ... (UD's spelling).
std::string_view UposName(Upos u);
// The tag of a UD name; nullopt for anything else.
std::optional<Upos> ParseUpos(std::string_view name);

// What the affixes say beside the lemma.
enum class Voice : uint8_t {
  kNone,     // no voice marked
  kActive,   // meN-, memper-, ber- (id)
  kPassive,  // di-, ter-, ke-an (id); the parser's nsubj:pass marks English passives
  kNominal,  // peN-an, per-an, ke-an, pe-, -an (id): an act named as a noun
};

// "active", "passive", "nominal"; "" for kNone.
std::string_view VoiceName(Voice v);

struct Token {
  Span span;           // UTF-8 byte offsets into the original text
  std::string folded;  // FoldCase of the surface form
  std::string lemma;   // the syntax stage's lemma (folded); empty before it runs
  Upos upos = Upos::kX;
  uint16_t head = 0;   // 1-based index of the head token in the sentence; 0: the root
  std::string deprel;  // UD v2 relation ("nsubj", "obl:agent", ...); empty before parsing
  Voice voice = Voice::kNone;  // from the affixes, with the lemma
};

}  // namespace warta
