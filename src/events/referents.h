// Who a personal pronoun stands for when it acts ("Ia pun meminta …", "He
// urged …", "pihaknya berkoordinasi …"): the person the text is about at that
// point — the first person named outside quotations in the same sentence
// before the pronoun, else in one of the three sentences before it (the
// sentence's opener, usually its subject, rather than a name further on).
// A quotation's speaker counts as named at its cue ("…," kata Tito. Ia …).
// Names inside a quotation never count: "dia" after a quotation is its
// speaker, not someone the speaker talked about.
//
// A small rule rather than a trained coreference model: news prose names its
// actor and then refers back with "ia"/"he" a sentence or two later, and
// the quote stage resolves "-nya" cues the same way (quotes/resolve.cc).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "entities/linker.h"
#include "quotes/quotes.h"
#include "text/segment.h"

namespace warta {

class PersonReferents {
 public:
  // `sentences` in text order; every person counts, with an actor code or not.
  PersonReferents(std::span<const Sentence> sentences, const std::vector<Entity>& entities,
                  const std::vector<Quote>& quotes);

  // The entity a person pronoun at `byte` stands for; -1 when none is in reach.
  int Before(size_t byte) const;

 private:
  struct Named {
    size_t start = 0;
    int entity = -1;
  };
  std::vector<Span> sentences_;
  std::vector<Named> first_;  // per sentence: its first person named outside quotations (entity -1: none)
};

}  // namespace warta
