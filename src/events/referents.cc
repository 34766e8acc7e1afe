#include "events/referents.h"

#include <algorithm>

namespace warta {
namespace {

// A person, with an actor code or not: "Suhendra … Ia memukul …" is
// Suhendra's act (no event: no code), not the act of a coded official named
// before him.
bool IsPerson(const std::vector<Entity>& entities, int e) {
  return e >= 0 && static_cast<size_t>(e) < entities.size() && entities[static_cast<size_t>(e)].type == "PER";
}

}  // namespace

PersonReferents::PersonReferents(std::span<const Sentence> sentences, const std::vector<Entity>& entities,
                                 const std::vector<Quote>& quotes) {
  sentences_.reserve(sentences.size());
  for (const Sentence& s : sentences) sentences_.push_back(s.span);
  first_.assign(sentences_.size(), Named{});
  auto offer = [&](size_t byte, int entity) {
    auto it = std::upper_bound(sentences_.begin(), sentences_.end(), byte,
                               [](size_t b, const Span& s) { return b < s.start; });
    if (it == sentences_.begin()) return;
    size_t k = static_cast<size_t>(it - sentences_.begin()) - 1;
    if (byte >= sentences_[k].end) return;
    Named& f = first_[k];
    if (f.entity < 0 || byte < f.start) f = {byte, entity};
  };
  for (size_t e = 0; e < entities.size(); ++e) {
    if (!IsPerson(entities, static_cast<int>(e))) continue;
    for (const EntityMention& m : entities[e].mentions)
      if (!m.in_title_field && !QuoteAt(quotes, m.span.start, /*direct_only=*/true)) offer(m.span.start, static_cast<int>(e));
  }
  // "ujarnya", "kata dia": the speaker is named at the cue even where no name stands there.
  for (const Quote& q : quotes)
    if (IsPerson(entities, q.speaker_entity) && q.cue.end > q.cue.start) offer(q.cue.start, q.speaker_entity);
}

int PersonReferents::Before(size_t byte) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), byte,
                             [](size_t b, const Span& s) { return b < s.start; });
  if (it == sentences_.begin()) return -1;
  size_t k = static_cast<size_t>(it - sentences_.begin()) - 1;
  if (first_[k].entity >= 0 && first_[k].start < byte) return first_[k].entity;
  for (size_t back = 1; back <= 3 && back <= k; ++back)
    if (first_[k - back].entity >= 0) return first_[k - back].entity;
  return -1;
}

}  // namespace warta
