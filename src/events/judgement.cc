// Praise and blame in quotations: a speaker's words that call an actor they
// name wrong or right ("tidak adil jika APBN harus menanggung utang ...
// Danantara", "sikap acuh para birokrat", "terima kasih kepada LNSW") are the
// speaker's criticism (111) or praise (051) of that actor, as analysts code a
// statement made in a quotation (../shared/docs/event-labelling.md). The words
// are data (data/events/judgements.tsv); a verb that codes the pair already
// ("mengecam", "praised") wins.
#include <algorithm>

#include "events/sentence_coder.h"

namespace warta::events_internal {

namespace {

bool HasPair(const std::vector<Event>& events, int source, int target) {
  return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.source == source && e.target == target; });
}

}  // namespace

// A named actor the judgement may be about: a person or body, or a state (not a town it happens in).
bool SentenceCoder::Judgeable(int party) const {
  if (party < 0) return false;
  const Entity& e = (*in_.entities)[static_cast<size_t>(party)];
  return e.type != "LOC" || e.subtype == "country";
}

void SentenceCoder::CodeJudgements(std::vector<Event>* out) {
  place_ = -1;  // a judgement happens nowhere in particular (not where the last verb's act did)
  for (size_t i = 0; i < tokens_.size(); ++i) {
    size_t len = 0;
    std::string_view code = lex_.JudgementAt(tokens_, i, &len);
    if (code.empty()) continue;
    const Quote* q = QuoteAround(tokens_[i].span.start);
    const int speaker = SpeakerOf(q);
    // "tidak gagal", "not wrong": no judgement.
    if (speaker >= 0 && !(i > 0 && Is(i - 1, Modifier::kNegation))) {
      for (const ActorSpan& a : actors_) {
        const Span words{tokens_[a.begin].span.start, tokens_[a.end - 1].span.end};
        if (a.entity == speaker || !Judgeable(a.entity) || words.start < q->span.start || words.end > q->span.end)
          continue;
        if (!HasPair(*out, speaker, a.entity)) Emit(speaker, a.entity, std::string(code), false, true, out);
      }
    }
    i += len - 1;
  }
}

}  // namespace warta::events_internal
