// Acts named as nouns: "kunjungan Presiden ke Beijing", "penangkapan X oleh
// KPK", "talks between China and Russia", "Russia's condemnation of Y".

#include <algorithm>

#include "events/sentence_coder.h"
#include "util/strings.h"

namespace warta::events_internal {

// The actor right after a noun that names an act (through "of", "antara",
// "between"): whose act it is or whom it is done to ("kunjungan Presiden
// Prabowo", "the arrest of the deputy minister"); none past a case word.
std::vector<int> SentenceCoder::NominalHolder(const VerbMatch& m, size_t stop) const {
  size_t at = m.end, len = 0;
  const Modifier mod = lex_.ModifierAt(tokens_, at, &len);
  if (mod == Modifier::kOrigin || mod == Modifier::kBetween) at += len;  // "of", "antara", "between"
  else if (mod != Modifier::kNone) return {};
  for (size_t k = 0; k < actors_.size(); ++k) {
    const ActorSpan& a = actors_[k];
    if (a.begin < at) continue;
    if (a.begin >= stop || a.begin > at + 2) break;
    for (size_t t = at; t < a.begin; ++t)
      if (PrepositionLike(t) || Is(t, Modifier::kAgent)) return {};
    size_t edge = 0;
    return GroupAt(k, true, &edge);
  }
  return {};
}

// English: the actor right before the noun ("Russia's condemnation", "Chinese criticism").
std::vector<int> SentenceCoder::NominalPossessor(const VerbMatch& m) const {
  if (!m.pattern->english || m.begin == 0) return {};
  size_t before = m.begin;
  if (tokens_.folded(before - 1) == "'s" || tokens_.folded(before - 1) == "\u2019s") --before;
  for (size_t k = actors_.size(); k-- > 0;)
    if (actors_[k].end == before) {
      size_t edge = 0;
      return GroupAt(k, false, &edge);
    }
  return {};
}

// The subject of the light verb whose object the noun at m is ("melakukan", "held": frames
// class light), from the parse; none unparsed or after a verb of its own meaning
// ("mengecam serangan Israel": the attack is not the critic's).
std::vector<int> SentenceCoder::LightVerbSubject(const VerbMatch& m) const {
  const Token& noun = tokens_[m.begin];
  if (noun.deprel != "obj" || noun.head == 0) return {};
  const size_t verb = noun.head - 1;
  const Token& v = tokens_[verb];
  if (v.upos != Upos::kVerb || lex_.FrameOf(v.lemma.empty() ? v.folded : v.lemma) != FrameClass::kLight) return {};
  return ArgumentActors(ReadClause(tokens_, verb, lex_).subject);
}

// The case word (up to three tokens) before actor k, titles between them:
// "dengan Menlu China", "oleh KPK", "to Beijing"; kNone when there is none.
Modifier SentenceCoder::CaseBefore(size_t k, size_t from) const {
  const size_t b = actors_[k].begin;
  for (size_t t = b; t > from && b - t < 3; --t) {
    if (k > 0 && actors_[k - 1].end >= t) break;
    size_t len = 0;
    Modifier mod = lex_.ModifierAt(tokens_, t - 1, &len);
    if (mod == Modifier::kAgent || mod == Modifier::kPreposition || mod == Modifier::kPartner) return mod;
    if (ClauseBreak(tokens_.folded(t - 1))) break;
  }
  return Modifier::kNone;
}

// An act named as a noun (a "nominal" pattern): the holder by the noun, the
// agent after "oleh"/"by", the other party after a case word ("ke",
// "dengan", "terhadap", "to", "with", "on"); a passive noun ("penangkapan",
// "arrest") needs its agent, a mutual one ("pertemuan", "talks") joins its parties.
void SentenceCoder::CodeNominal(const VerbMatch& m, std::vector<Event>* out) {
  size_t stop = m.end;
  while (stop < tokens_.size() && stop < m.end + 20 && !ClauseBreak(tokens_.folded(stop)) &&
         !Is(stop, Modifier::kRelative) && !Is(stop, Modifier::kContrast))
    ++stop;
  std::vector<int> holder = NominalHolder(m, stop), possessor = NominalPossessor(m), agent, other;
  for (size_t k = 0; k < actors_.size(); ++k) {
    const ActorSpan& a = actors_[k];
    if (a.begin < m.end || a.begin >= stop || std::find(holder.begin(), holder.end(), a.entity) != holder.end()) continue;
    const Modifier mod = CaseBefore(k, m.end);
    size_t edge = 0;
    if (agent.empty() && mod == Modifier::kAgent) agent = GroupAt(k, true, &edge);
    else if (other.empty() && (mod == Modifier::kPreposition || mod == Modifier::kPartner)) other = GroupAt(k, true, &edge);
  }
  const VerbPattern& p = *m.pattern;
  std::vector<int> sources, targets;
  if (p.voice == PatternVoice::kPassive) {
    sources = !agent.empty() ? agent : possessor;
    targets = holder;
  } else {
    // The doer: the agent, else the English possessor (then "of X" is whom it is done to), else the holder.
    sources = !agent.empty() ? agent : !possessor.empty() ? possessor : holder;
    targets = !other.empty() ? other : sources != holder ? holder : std::vector<int>{};
  }
  // "KPK melakukan penyelidikan terhadap …", "Prabowo held talks with Xi", "the judge opened an
  // investigation against …": the noun is the object of a light verb, whose subject does the act.
  if (sources.empty()) sources = LightVerbSubject(m);
  if (p.voice == PatternVoice::kMutual && targets.empty() && sources.size() >= 2) targets = sources;
  const bool via_quote = QuoteAround(s_.tokens[m.begin].span.start) != nullptr;
  for (int a : sources)
    for (int b : targets) Emit(a, b, p.code, false, via_quote, out);
}

}  // namespace warta::events_internal
