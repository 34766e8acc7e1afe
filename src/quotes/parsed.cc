// The speaker the parse names for a reporting verb: its subject ("Dean, a
// former party chairman, wrote", "A report released last year said"), or,
// for a passive cue ("disampaikan oleh X", "was told by X"), its agent. Used
// where the word windows found the cue but no one at it; `analyze` parses
// the sentences of such cues (and only those) before the stage runs again.

#include "quotes/extractor.h"

namespace warta::quotes_internal {
namespace {

// Relations that stay inside the subject's own words: its name parts,
// determiners and modifiers, not an apposition or a relative clause after it.
bool OwnWords(std::string_view rel) {
  return rel == "flat" || rel == "flat:name" || rel == "compound" || rel == "det" || rel == "amod" ||
         rel == "nummod" || rel == "nmod:poss" || rel == "case" || rel == "nmod";
}

}  // namespace

std::optional<Candidate> Extractor::ParsedSpeaker(size_t cue) const {
  if (cue >= tokens_.size() || tokens_[cue].deprel.empty()) return std::nullopt;
  const bool passive = CueAt(cue).type == CueType::kPassive;
  size_t b = cue, e = cue;
  while (b > 0 && tokens_[b - 1].sentence == tokens_[cue].sentence) --b;
  while (e < tokens_.size() && tokens_[e].sentence == tokens_[cue].sentence) ++e;
  int subject = -1;
  for (size_t t = b; t < e && subject < 0; ++t) {
    if (tokens_[t].head != static_cast<int>(cue) || tokens_[t].segment >= 0) continue;
    std::string_view rel = tokens_[t].deprel;
    if (passive ? rel == "obl:agent" || rel == "obl" : rel == "nsubj") subject = static_cast<int>(t);
  }
  if (subject < 0) return std::nullopt;
  // The subject's own words: the span of its dependents of OwnWords kinds around it.
  const size_t h = static_cast<size_t>(subject);
  size_t l = h, r = h;
  for (size_t t = b; t < e; ++t) {
    if (tokens_[t].head != subject || !OwnWords(tokens_[t].deprel) || tokens_[t].segment >= 0) continue;
    l = std::min(l, t);
    r = std::max(r, t);
  }
  while (l < h && (!tokens_[l].word || CueAt(l).type == CueType::kPreposition)) ++l;  // "by", "oleh"
  // A name or pronoun in those words speaks (with its role); else the words themselves.
  for (size_t t = l; t <= r; ++t)
    if (auto c = CandidateAt(t); c && c->end <= e) return c;
  for (size_t t = l; t <= r; ++t)
    if (tokens_[t].mark || IsCue(CueAt(t))) return std::nullopt;
  return SelfNamed(Candidate::Kind::kNoun, l, r + 1);
}

}  // namespace warta::quotes_internal
