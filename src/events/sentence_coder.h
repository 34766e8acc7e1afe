// The event coder's working state for one sentence, shared by its parts.
// Internal to src/events/: the public interface is coder.h.
//   sentence_actors.cc  the sentence's parties: named actors, unnamed people,
//                       pronouns, groups joined by "dan"/"and", subjects and objects
//   nominal.cc          acts named as nouns ("kunjungan X ke Y", "talks between X and Y")
//   judgement.cc        praise and blame of a named actor in a quotation
//   coder.cc            verbs and the parse, events emitted, the article's loop
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "events/clause.h"
#include "events/coder.h"
#include "events/referents.h"

namespace warta::events_internal {

// A party of the sentence: tokens [begin, end). `party` is an entity index
// (>= 0) or, for unnamed people, -2 - (index into the coder's people list).
struct ActorSpan {
  size_t begin = 0, end = 0;
  int entity = -1;
};

// Unnamed people ("ribuan warga", "protesters"): the state is the place the
// sentence names, else (for a target) the source's state.
struct People {
  Span words;
  std::string country;  // "" when the sentence names no place
  std::string role;     // CAMEO role: CVL, OPP, MIL, ...
  std::string name;     // a party the act implies, not named ("government"); "" for the words
};

inline int PeopleParty(size_t k) { return -2 - static_cast<int>(k); }
inline bool IsPeople(int party) { return party <= -2; }
inline size_t PeopleIndex(int party) { return static_cast<size_t>(-2 - party); }

// Punctuation that ends the stretch where a verb's object may stand.
inline bool ClauseBreak(std::string_view t) {
  return t == "," || t == ";" || t == ":" || t == "(" || t == "\u2014" || t == "\u2013" || t == "\"" ||
         t == "\u201c" || t == "\u201d";
}

// A statement, appeal, demand, accusation, rejection or threat (CAMEO roots
// 01, 02, 10–13): what follows it in the sentence is its content.
inline bool Verbal(std::string_view root) {
  return root == "01" || root == "02" || root == "10" || root == "11" || root == "12" || root == "13";
}

// First-person words: inside a quotation they are the speaker.
inline bool FirstPerson(std::string_view folded) {
  return folded == "kami" || folded == "kita" || folded == "we" || folded == "saya" || folded == "i";
}

// Every mention of an actor in the article, by start: built once, so each
// sentence finds its own by binary search.
struct MentionRef {
  Span span;
  int entity;
  Span role;  // a person's role phrase at this mention ("Gubernur Bengkulu"); empty if none
};

// What the coder knows of the whole article, built once: every actor
// mention, whom person pronouns stand for, and which bodies people's role
// phrases name ("Ketua Komisi I DPR, Rudi Hartono": Rudi Hartono → Komisi I DPR).
struct Article {
  std::vector<MentionRef> mentions;
  PersonReferents referents;
  std::set<std::pair<int, int>> role_bodies;
};


class SentenceCoder {
 public:
  SentenceCoder(const EventInput& in, const EventLexicon& lex, const CameoTable& table, const Sentence& s,
                const Article& article)
      : in_(in), lex_(lex), table_(table), s_(s), mentions_(article.mentions), referents_(article.referents),
        role_bodies_(article.role_bodies), tokens_(in.text, s) {}

  void Code(std::vector<Event>* out);
  // After Code, with `out` this sentence's events: praise and blame in its quotations of
  // the actors they name (judgements.tsv), for pairs `out` has no event of.
  void CodeJudgements(std::vector<Event>* out);

 private:
  size_t TokenAt(size_t byte) const {
    auto it = std::lower_bound(s_.tokens.begin(), s_.tokens.end(), byte,
                               [](const Token& t, size_t b) { return t.span.start < b; });
    return static_cast<size_t>(it - s_.tokens.begin());
  }
  bool Is(size_t i, Modifier m) const {
    size_t len = 0;
    return lex_.ModifierAt(tokens_, i, &len) == m;
  }
  // "tiba di", "arrived in": a pattern whose last word is a locative names the place as its party.
  bool NamesPlace(const VerbMatch& m) const { return Is(m.end - 1, Modifier::kLocative); }
  // "dengan", "to", and the places' "di", "in": a word that puts the actor after it in a phrase.
  bool PrepositionLike(size_t i) const {
    size_t len = 0;
    Modifier m = lex_.ModifierAt(tokens_, i, &len);
    return m == Modifier::kPreposition || m == Modifier::kPartner || m == Modifier::kLocative;
  }
  void FindActors();
  void FindPeople();
  void FindReferents();
  std::vector<int> AskedAfter(size_t from) const;
  std::string PlaceCountry() const;
  const Quote* QuoteAround(size_t byte) const;
  int SpeakerOf(const Quote* q) const;
  std::vector<int> GroupEndingBefore(size_t verb) const;
  std::vector<int> GroupStartingAfter(size_t from, size_t limit, size_t* end) const;
  std::vector<int> TargetAfter(size_t from, bool cooperative, bool material_conflict, std::string_view root, bool verbal,
                               size_t* end) const;
  std::vector<int> GroupAt(size_t actor_index, bool forward, size_t* edge) const;
  std::string ActorCode(int party, int other) const;
  bool HoldsRoleIn(int person, int body) const;
  std::string Name(int party) const;
  void Emit(int source, int target, std::string code, bool negated, bool via_quote, std::vector<Event>* out) const;
  // The parse's reading of the predicate at `m`: sources, targets, code and flags
  // corrected where the parse names them. False when the clause is no act.
  bool ApplyParse(const VerbMatch& m, PatternVoice* voice, std::string* code, bool* negated,
                  std::vector<int>* sources, std::vector<int>* targets);
  // The actors of the argument headed by token `tok` (the one covering it,
  // else the first inside its phrase), with the actors joined to it (GroupAt).
  // `act`: skip the act's means ("pasukan" sent, IsMeans); null: take any actor.
  std::vector<int> ArgumentActors(int tok, const CameoCode* act = nullptr) const;
  std::string UnnamedRole(int party) const;
  int ProtestedGovernment(const VerbMatch& m, int source, int place);
  bool IsMeans(int party, bool material_conflict, bool root15) const;
  bool Judgeable(int party) const;
  // A named place the sentence puts something in ("di Surabaya", "in Serbia").
  bool IsPlaceParty(int party) const;
  bool RefusesAComplement(const VerbMatch& m) const;
  // The words around a verb: negation, intent, reciprocity.
  struct Around {
    bool negated = false, intent = false, reciprocal = false;
  };
  // What a matched predicate is: its code, voice and kind, where it is said.
  struct Reading {
    std::string root, code;
    PatternVoice voice = PatternVoice::kActive;
    Around around;
    bool negated = false, verbal = false, cooperative = false, material_conflict = false, gap = false;
    bool via_quote = false;
    int speaker = -1;  // the quotation's speaker, -1 outside one
    const CameoCode* matched = nullptr;  // the code as matched (before the parse's reading)
  };
  // What the sentence's earlier verbs leave to the next one.
  struct Flow {
    bool in_content = false;        // after a verbal act: its content, no new event
    std::vector<int> last_targets;  // the previous verb's object, for "… dan memujinya"
    std::vector<int> last_sources;  // the previous verb's subject, for "… dan menarik duta besarnya"
  };
  bool DemandInQuote(size_t i, std::vector<Event>* out) const;
  bool InRelativeClause(const VerbMatch& m) const;
  Around ModifiersAround(const VerbMatch& m) const;
  void WindowParties(const VerbMatch& m, const Reading& r, const Flow& flow, std::vector<int>* sources,
                     std::vector<int>* targets) const;
  void EmitParties(const VerbMatch& m, const Reading& r, const std::vector<int>& sources, std::vector<int> targets,
                   std::vector<Event>* out) const;
  bool CodeVerb(const VerbMatch& m, Flow* flow, std::vector<Event>* out);
  void CodeNominal(const VerbMatch& m, std::vector<Event>* out);
  std::vector<int> NominalHolder(const VerbMatch& m, size_t stop) const;
  std::vector<int> NominalPossessor(const VerbMatch& m) const;
  std::vector<int> LightVerbSubject(const VerbMatch& m) const;
  Modifier CaseBefore(size_t actor, size_t from) const;

  const EventInput& in_;
  const EventLexicon& lex_;
  const CameoTable& table_;
  const Sentence& s_;
  const std::vector<MentionRef>& mentions_;
  const PersonReferents& referents_;
  const std::set<std::pair<int, int>>& role_bodies_;
  const TokenView tokens_;  // the sentence's token table
  std::vector<ActorSpan> actors_;  // in order: named actors and unnamed people
  std::vector<People> people_;
  int place_ = -1;  // the entity where the current predicate's act happened (the parse's locative oblique)
};

}  // namespace warta::events_internal
