// What the parse says about a predicate's clause, for the event coder: its
// subject, objects, agent and place (each with its case word), whether it is
// passive, negated, announced, refused, wished for, asked for, hypothetical
// or a condition. Pure: a sentence's token table (parsed) in, facts out.
// A sentence that was not parsed gives facts with parsed = false, and the
// coder reads its word windows alone.
#pragma once

#include <cstddef>
#include <vector>

#include "events/event_lexicon.h"
#include "text/segment.h"

namespace warta {

struct ClauseFacts {
  bool parsed = false;
  bool passive = false;   // di-/ter- voice, or an English passive (aux:pass, nsubj:pass)
  bool negated = false;   // a negation depends on it ("tidak", "not")
  bool intent = false;    // planned or announced ("akan", "berencana", "will", "plans to")
  bool blocked = false;   // a condition, a hypothetical, or what someone else is asked or wished to do
  int refused_by = -1;    // the refusing verb whose complement it is ("menolak untuk bertemu")
  int subject = -1;       // token of the subject (inherited over "dan"/"and" and from a controlling verb)
  int agent = -1;         // the passive agent ("oleh", "by")
  std::vector<int> objects;  // direct objects, then obliques with a target case (kepada, terhadap, to, against)
  std::vector<int> partners; // obliques with "dengan"/"with"
  std::vector<int> places;   // obliques with a locative case ("di", "in"): where, never whom
  std::vector<int> object_places;  // a locative inside an object ("kamp pengungsi di Rafah"): where, or whose
};

// The facts of the predicate at token `pred` (0-based) of a parsed sentence.
ClauseFacts ReadClause(const TokenView& tokens, size_t pred, const EventLexicon& lexicon);

// Whether token c heads its governor's complement: an open or clausal
// complement, or an adverbial clause of purpose ("menolak untuk bertemu"),
// not one of manner or time ("rejected the plan, saying …").
bool ComplementClause(const TokenView& tokens, size_t c, const EventLexicon& lexicon);
// Whether `token` lies in `root`'s subtree (0-based, `root` included), at most `limit` levels down.
bool InSubtree(const TokenView& tokens, size_t token, size_t root, int limit);
// Whether the token's case word is a locative one ("di Moskow", "in Manila").
bool IsPlace(const TokenView& tokens, size_t token, const EventLexicon& lexicon);

}  // namespace warta
