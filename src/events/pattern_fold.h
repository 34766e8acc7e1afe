// How a verb pattern written as an inflected form ("menjatuhkan * sanksi",
// "was attacked by") is keyed by lemma, voice and suffix, so that one pattern
// covers every inflected form: the rule the lexicon matches tokens with and
// the fold tool (tools/fold_event_patterns.cc) converts the old lists with.
#pragma once

#include <string>
#include <string_view>

#include "syntax/lemmatizer.h"
#include "text/token.h"

namespace warta {

// The derivational affixes an Indonesian form adds to its lemma besides the
// voice prefix: the suffix "kan" (menjatuhkan), "i" (menemui), "an"
// (kunjungan) or "-" for none (bertemu), after "per-" when the form has the
// per- prefix ("per-kan": mempertemukan; "per-an": pertemuan). English forms
// have none that matters: "*". A final "-nya" is ignored.
std::string SuffixOf(std::string_view lang, std::string_view folded, std::string_view lemma);

// The FORM column: "active", "passive", "nominal", "bare" (no affix), or "any".
std::string_view FormName(Voice v);

struct FoldedPattern {
  std::string lemma;  // of the first word
  std::string form;   // FormName of its voice ("any" for English)
  std::string suffix; // SuffixOf
  std::string rest;   // the pattern's further words, or "-"
  std::string frame;  // active, passive or mutual: whose act it is
};

// `pattern` as the old lists write it; `voice` its VOICE column. English rows
// that start with a passive auxiliary ("was attacked by") lose it: the coder
// reads the passive from the parse, so the row keys on the participle's lemma
// with an active frame.
FoldedPattern FoldPattern(std::string_view lang, std::string_view pattern, std::string_view voice,
                          const Lemmatizer& lemmatizer);

}  // namespace warta
