#include "events/coder.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "events/clause.h"
#include "events/referents.h"
#include "util/hash.h"
#include "util/strings.h"

namespace warta {

std::string ActorOf(const Entity& e) {
  if (!e.actor.empty()) return e.actor;
  if ((e.type == "PER" || e.type == "ORG") && !e.country.empty()) return e.country;
  // A visit "ke Jakarta", an attack "on Kharkiv": the state the city is in.
  static const std::set<std::string> kPlaces = {"city", "province", "regency", "region", "area", "island"};
  if (e.type == "LOC" && kPlaces.count(e.subtype) && !e.country.empty()) return e.country;
  return "";
}

namespace {

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
};

int PeopleParty(size_t k) { return -2 - static_cast<int>(k); }
bool IsPeople(int party) { return party <= -2; }
size_t PeopleIndex(int party) { return static_cast<size_t>(-2 - party); }

// Punctuation that ends the stretch where a verb's object may stand.
bool ClauseBreak(std::string_view t) {
  return t == "," || t == ";" || t == ":" || t == "(" || t == "\u2014" || t == "\u2013" || t == "\"" ||
         t == "\u201c" || t == "\u201d";
}

// First-person words: inside a quotation they are the speaker.
bool FirstPerson(std::string_view folded) {
  return folded == "kami" || folded == "kita" || folded == "we" || folded == "saya" || folded == "i";
}

// Every mention of an actor in the article, by start: built once, so each
// sentence finds its own by binary search.
struct MentionRef {
  Span span;
  int entity;
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
  std::vector<int> TargetAfter(size_t from, bool cooperative, bool material_conflict, bool root15, bool verbal,
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
  bool IsMeans(int party, bool material_conflict, bool root15) const;
  bool RefusesAComplement(const VerbMatch& m) const;
  void CodeNominal(const VerbMatch& m, std::vector<Event>* out);
  std::vector<int> NominalHolder(const VerbMatch& m, size_t stop) const;
  std::vector<int> NominalPossessor(const VerbMatch& m) const;
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

void SentenceCoder::FindActors() {
  const Span sentence = s_.span;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), sentence.start,
                             [](const MentionRef& m, size_t b) { return m.span.start < b; });
  for (; it != mentions_.end() && it->span.start < sentence.end; ++it) {
    if (it->span.end > sentence.end) continue;
    size_t b = TokenAt(it->span.start);
    if (b >= s_.tokens.size() || s_.tokens[b].span.start != it->span.start) continue;
    // "dolar AS", "U.S. dollars": a currency, not the state acting.
    if (b > 0 && (tokens_.folded(b - 1) == "dolar" || tokens_.folded(b - 1) == "dollar")) continue;
    // "Niger's ambassador Brah Mohamane": a person of no known office right after
    // an actor is that actor's (it stays the party), not a party of their own.
    const Entity& e = (*in_.entities)[static_cast<size_t>(it->entity)];
    if (ActorOf(e).empty() && !actors_.empty() && actors_.back().end + 3 >= b) {
      bool verb = false;
      for (size_t t = actors_.back().end; t < b; ++t) verb |= s_.tokens[t].upos == Upos::kVerb;
      if (!verb) continue;
    }
    actors_.push_back({b, TokenAt(it->span.end), it->entity});
  }
  FindPeople();
  FindReferents();
}

// "Ia pun meminta …", "He urged …": a person pronoun outside quotations acts
// for the person the text is about (inside one, "dia" is whoever the speaker
// talks of, and "kami"/"we" the speaker: Code() sees to those).
void SentenceCoder::FindReferents() {
  std::vector<ActorSpan> found;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (!Is(i, Modifier::kPersonPronoun) || QuoteAround(s_.tokens[i].span.start)) continue;
    bool inside = false;
    for (const ActorSpan& a : actors_) inside |= a.begin <= i && i < a.end;
    int who = inside ? -1 : referents_.Before(s_.tokens[i].span.start);
    if (who >= 0) found.push_back({i, i + 1, who});
  }
  if (found.empty()) return;
  actors_.insert(actors_.end(), found.begin(), found.end());
  std::sort(actors_.begin(), actors_.end(), [](const ActorSpan& a, const ActorSpan& b) { return a.begin < b.begin; });
}

// "meminta agar kepala daerah …", "mendesak supaya DPR …": an appeal with no
// object asks the first party of what it asks for (within the clause).
std::vector<int> SentenceCoder::AskedAfter(size_t from) const {
  size_t at = from;
  while (at < tokens_.size() && at < from + 2 && !Is(at, Modifier::kPurpose)) ++at;
  if (at >= tokens_.size() || !Is(at, Modifier::kPurpose)) return {};
  size_t end = 0;
  for (const ActorSpan& a : actors_) {
    if (a.begin <= at) continue;
    for (size_t t = at + 1; t < a.begin; ++t)
      if (ClauseBreak(tokens_.folded(t))) return {};
    return a.begin <= at + 4 ? GroupStartingAfter(a.begin, 0, &end) : std::vector<int>{};
  }
  return {};
}

// The state of the first place the sentence puts something in ("di Jakarta",
// "in Manila"); "" when it names none.
std::string SentenceCoder::PlaceCountry() const {
  for (const ActorSpan& a : actors_) {
    if (IsPeople(a.entity) || a.begin == 0 || !Is(a.begin - 1, Modifier::kLocative)) continue;
    const Entity& e = (*in_.entities)[static_cast<size_t>(a.entity)];
    if (e.type == "LOC" && !e.country.empty()) return e.country;
  }
  return "";
}

// Unnamed people with no named actor beside them ("ribuan warga", but not
// "warga Filipina" or "Israeli troops", where the named actor stands).
void SentenceCoder::FindPeople() {
  std::vector<ActorSpan> found;
  std::string place;
  bool place_known = false;
  size_t next_actor = 0;
  for (size_t i = 0; i < tokens_.size();) {
    while (next_actor < actors_.size() && actors_[next_actor].end <= i) ++next_actor;
    size_t len = 0;
    std::string_view role = lex_.PeopleAt(tokens_, i, &len);
    bool inside = next_actor < actors_.size() && actors_[next_actor].begin <= i;
    if (role.empty() || inside) {
      ++i;
      continue;
    }
    size_t end = i + len;
    bool named_before = next_actor > 0 && actors_[next_actor - 1].end == i;
    bool named_after = next_actor < actors_.size() &&
                       (actors_[next_actor].begin == end || (actors_[next_actor].begin == end + 1 && Is(end, Modifier::kOrigin)));
    if (!named_before && !named_after) {
      if (!place_known) place = PlaceCountry(), place_known = true;
      found.push_back({i, end, PeopleParty(people_.size())});
      people_.push_back({{s_.tokens[i].span.start, s_.tokens[end - 1].span.end}, place, std::string(role)});
    }
    i = end;
  }
  if (found.empty()) return;
  actors_.insert(actors_.end(), found.begin(), found.end());
  std::sort(actors_.begin(), actors_.end(), [](const ActorSpan& a, const ActorSpan& b) { return a.begin < b.begin; });
}

const Quote* SentenceCoder::QuoteAround(size_t byte) const {
  // Quotes come in text order; a byte lies in the last one starting at or before it, if any.
  const auto& quotes = *in_.quotes;
  auto it = std::upper_bound(quotes.begin(), quotes.end(), byte, [](size_t b, const Quote& q) { return b < q.span.start; });
  for (int back = 0; it != quotes.begin() && back < 3; ++back) {
    --it;
    if (it->span.start <= byte && byte < it->span.end) return &*it;
  }
  return nullptr;
}

// Who speaks a quotation, as an actor: its speaker, else an actor named in
// the words at its cue ("kata juru bicara China" → China); -1 when none.
int SentenceCoder::SpeakerOf(const Quote* q) const {
  if (!q) return -1;
  if (q->speaker_entity >= 0) return ActorOf((*in_.entities)[static_cast<size_t>(q->speaker_entity)]).empty() ? -1 : q->speaker_entity;
  Span w = q->speaker_mention;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), w.start,
                             [](const MentionRef& m, size_t b) { return m.span.start < b; });
  for (; it != mentions_.end() && it->span.start < w.end; ++it)
    if (it->span.end <= w.end) return it->entity;
  return -1;
}

// Actors joined by "dan", "and", "," around actors_[i]: "China dan Rusia",
// "the United States, Britain and France". *edge gets the group's far token.
std::vector<int> SentenceCoder::GroupAt(size_t i, bool forward, size_t* edge) const {
  std::vector<int> group = {actors_[i].entity};
  size_t at = i;
  *edge = forward ? actors_[i].end : actors_[i].begin;
  while (group.size() < 8) {  // "A, B dan C": a few; a list of hundreds is no compound actor
    size_t next = forward ? at + 1 : at - 1;
    if (forward ? next >= actors_.size() : at == 0) break;
    const ActorSpan& n = actors_[next];
    size_t gap_begin = forward ? actors_[at].end : n.end, gap_end = forward ? n.begin : actors_[at].begin;
    if (gap_end < gap_begin || gap_end - gap_begin > 3) break;
    // "China dan Rusia", "Israeli troops and Hezbollah fighters": a joining
    // word, and besides it only words for people.
    bool joins = false, others = true;
    for (size_t t = gap_begin; t < gap_end;) {
      size_t len = 0;
      // "OJK (Otoritas Jasa Keuangan) dan Kemenkeu": brackets around a name's short form.
      const std::string_view w = tokens_.folded(t);
      if (w == "(" || w == ")") {
        ++t;
      } else if (Is(t, Modifier::kConjunction) || w == ",") {
        joins = true;
        ++t;
      } else if (!lex_.PeopleAt(tokens_, t, &len).empty()) {
        t += len;
      } else {
        others = false;
        break;
      }
    }
    if (!joins || !others) {
      // The short form in brackets right after the name is the same actor, not a partner.
      if (!(n.entity == actors_[at].entity && gap_end - gap_begin <= 1)) break;
    } else if (std::find(group.begin(), group.end(), n.entity) == group.end()) {
      group.push_back(n.entity);
    }
    *edge = forward ? n.end : n.begin;
    at = next;
  }
  return group;
}

// The subject: the nearest actor before the verb that is not the object of a
// preposition, with the actors joined to it.
std::vector<int> SentenceCoder::GroupEndingBefore(size_t verb) const {
  // Within 40 tokens of the verb (a long "sentence" stays linear).
  auto first_after = std::lower_bound(actors_.begin(), actors_.end(), verb,
                                      [](const ActorSpan& a, size_t v) { return a.begin < v; });
  for (size_t i = static_cast<size_t>(first_after - actors_.begin()); i-- > 0;) {
    if (actors_[i].end + 40 < verb) break;
    if (actors_[i].end > verb) continue;
    size_t edge = 0;
    std::vector<int> group = GroupAt(i, false, &edge);
    // "wisatawan asal Australia dan China yang berkunjung", "di Jakarta": in a phrase, not the subject.
    if (edge > 0 && PrepositionLike(edge - 1)) {
      i -= group.size() - 1;
      continue;
    }
    return group;
  }
  return {};
}

// The object: the first actor after the verb, within a few tokens
// (prepositions, articles, titles: "bertemu dengan Presiden Rusia").
std::vector<int> SentenceCoder::GroupStartingAfter(size_t from, size_t limit, size_t* end) const {
  auto it = std::lower_bound(actors_.begin(), actors_.end(), from,
                             [](const ActorSpan& a, size_t f) { return a.begin < f; });
  if (it == actors_.end() || it->begin > from + limit) return {};
  return GroupAt(static_cast<size_t>(it - actors_.begin()), true, end);
}

// Unnamed people, found here or by the entities stage ("pasukan", "warga"):
// their sector; "" for a named actor.
std::string SentenceCoder::UnnamedRole(int party) const {
  if (IsPeople(party)) return people_[PeopleIndex(party)].role;
  if (party < 0) return "";
  const Entity& e = (*in_.entities)[static_cast<size_t>(party)];
  bool unnamed = e.subtype == "agent" || e.subtype == "people" || e.subtype == "ethnic" || e.subtype == "religion";
  return unnamed && e.actor.size() >= 6 ? e.actor.substr(3, 3) : "";
}

// "mengerahkan pasukan", "massed troops": the soldiers are the means, not the object.
bool SentenceCoder::IsMeans(int party, bool material_conflict, bool root15) const {
  return UnnamedRole(party) == "MIL" && (!material_conflict || root15);
}

// The object of a verb: the first party within 8 tokens, or further on
// (up to 20) when a preposition puts it there ("mengirimkan paket bantuan
// senilai 1 miliar dolar AS ke Ukraina", "delivered a shipment of shells to
// Kyiv"); never past the end of the clause. The place of a cooperative act
// ("signed a pact in Canberra") is not its object.
std::vector<int> SentenceCoder::TargetAfter(size_t from, bool cooperative, bool material_conflict, bool root15,
                                            bool verbal, size_t* end) const {
  size_t stop = from;
  while (stop < tokens_.size() && stop < from + 20 && !ClauseBreak(tokens_.folded(stop)) && !Is(stop, Modifier::kContrast) &&
         !Is(stop, Modifier::kRelative))
    ++stop;
  auto it = std::lower_bound(actors_.begin(), actors_.end(), from,
                             [](const ActorSpan& a, size_t f) { return a.begin < f; });
  for (; it != actors_.end() && it->begin < stop; ++it) {
    bool place = it->begin > 0 && Is(it->begin - 1, Modifier::kLocative);
    if (place && cooperative) continue;
    const std::string unnamed_role = UnnamedRole(it->entity);
    if (IsMeans(it->entity, material_conflict, root15)) continue;
    // Words say something to people right after the verb ("mengimbau masyarakat"); further
    // on, people are what the words are about ("berharap … berdampak pada warga").
    if (!unnamed_role.empty() && verbal && it->begin > from + 2) continue;
    if (it->begin > from + 8) {
      // Far off: only as the object of a preposition a few words before it ("to earthquake victims").
      bool marked = false;
      for (size_t b = std::max(from, it->begin >= 3 ? it->begin - 3 : 0); b < it->begin; ++b)
        marked |= Is(b, Modifier::kPreposition) || Is(b, Modifier::kPartner) ||
                  (material_conflict && Is(b, Modifier::kLocative));
      if (!marked) continue;
    }
    return GroupAt(static_cast<size_t>(it - actors_.begin()), true, end);
  }
  return {};
}

// The actor code of a party; unnamed people with no place take the state of
// `other` (a domestic event: "Junta Myanmar membebaskan ribuan tahanan").
std::string SentenceCoder::ActorCode(int party, int other) const {
  if (!IsPeople(party)) {
    const Entity& e = (*in_.entities)[static_cast<size_t>(party)];
    std::string code = ActorOf(e);
    // A person of no known office or state done to by a body of the outlet's
    // own country ("polisi menangkap Suhendra"): one of its civilians.
    if (code.empty() && e.type == "PER" && other >= 0 && !in_.home_country.empty() &&
        ActorOf((*in_.entities)[static_cast<size_t>(other)]).compare(0, 3, in_.home_country) == 0)
      code = in_.home_country + "CVL";
    return code;
  }
  const People& p = people_[PeopleIndex(party)];
  std::string country = p.country;
  if (country.empty() && other >= 0) {
    std::string o = ActorOf((*in_.entities)[static_cast<size_t>(other)]);
    if (o.size() >= 3 && o.rfind("IGO", 0) != 0) country = o.substr(0, 3);
  }
  return country.empty() ? "" : country + p.role;
}

std::string SentenceCoder::Name(int party) const {
  if (!IsPeople(party)) return (*in_.entities)[static_cast<size_t>(party)].name;
  Span w = people_[PeopleIndex(party)].words;
  return std::string(in_.text.substr(w.start, w.end - w.start));
}

// Whether entity `person`'s role phrase names entity `body` ("Ketua Komisi I DPR" and "Komisi I DPR").
bool SentenceCoder::HoldsRoleIn(int person, int body) const {
  if (person < 0 || body < 0) return false;  // unnamed people hold no role
  if (role_bodies_.count({person, body})) return true;
  const Entity& p = (*in_.entities)[static_cast<size_t>(person)];
  const Entity& b = (*in_.entities)[static_cast<size_t>(body)];
  return p.type == "PER" && !p.role.empty() && !b.name.empty() &&
         FoldCase(p.role).find(FoldCase(b.name)) != std::string::npos;
}

void SentenceCoder::Emit(int source, int target, std::string code, bool negated, bool via_quote,
                         std::vector<Event>* out) const {
  if (source == -1 || target == -1 || source == target) return;
  // People with no place are the source's people as targets; as sources, no one knows whose.
  std::string sa = ActorCode(source, -1), ta = ActorCode(target, source);
  if (sa.empty() || ta.empty()) return;
  // A state with itself or with one of its own people ("Menlu Singapura …
  // Singapura") is no event; two bodies of one state with their roles are
  // ("IDNGOV" and "IDNCOP"), and so is a state with its unnamed people. Two
  // named bodies of one sector are in the outlet's home country (the
  // President and the regional heads, a ministry and an agency: IDNGOV
  // both), not abroad ("Moskow" and the Russian foreign ministry are one actor).
  if (sa == ta && (sa.size() == 3 || IsPeople(source) || IsPeople(target) || in_.home_country.empty() ||
                   sa.compare(0, 3, in_.home_country) != 0))
    return;
  // "Ketua Komisi I DPR, Rudi Hartono, …": a person and the body their role names are one party.
  if (!IsPeople(source) && !IsPeople(target) && (HoldsRoleIn(source, target) || HoldsRoleIn(target, source))) return;
  if (!IsPeople(source) && !IsPeople(target) && sa.substr(0, 3) == ta.substr(0, 3) && (sa.size() == 3 || ta.size() == 3))
    return;
  const CameoCode* c = table_.Find(code);
  while (!c && code.size() > 2) c = table_.Find(code = code.substr(0, code.size() - 1));
  if (!c) return;
  Event e;
  e.source = IsPeople(source) ? -1 : source;
  e.target = IsPeople(target) ? -1 : target;
  e.source_name = Name(source);
  e.target_name = Name(target);
  e.source_actor = sa;
  e.target_actor = ta;
  e.code = c;
  e.negated = negated;
  e.via_quote = via_quote;
  e.sentence = s_.span;
  e.evidence.push_back(s_.span);
  if (place_ >= 0 && place_ != source && place_ != target) {
    e.place = place_;
    e.place_name = (*in_.entities)[static_cast<size_t>(place_)].name;
  }
  out->push_back(std::move(e));
}

std::vector<int> SentenceCoder::ArgumentActors(int tok, const CameoCode* act) const {
  if (tok < 0) return {};
  const size_t t = static_cast<size_t>(tok);
  auto usable = [&](const ActorSpan& a) {
    return !act || !IsMeans(a.entity, act->quad == 4, act->code.rfind("15", 0) == 0);
  };
  size_t found = actors_.size();
  for (size_t k = 0; k < actors_.size() && found == actors_.size(); ++k)
    if (actors_[k].begin <= t && t < actors_[k].end && usable(actors_[k])) found = k;
  // Else the first actor inside the phrase: "Menteri Luar Negeri Rusia", "pasukan ke Ukraina".
  for (size_t k = 0; k < actors_.size() && found == actors_.size(); ++k) {
    const ActorSpan& a = actors_[k];
    if (a.begin + 8 >= t && a.begin <= t + 8 && InSubtree(tokens_, a.begin, t, 3) && usable(a) &&
        !IsPlace(tokens_, a.begin, lex_))
      found = k;
  }
  if (found == actors_.size()) return {};
  // With the actors joined to it ("Australia and Papua New Guinea"), as the word windows join them.
  size_t edge = 0;
  std::vector<int> out = GroupAt(found, false, &edge);
  std::reverse(out.begin(), out.end());
  for (int e : GroupAt(found, true, &edge))
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  return out;
}

// "menolak untuk bertemu …", "refused to meet": the refusing verb whose
// complement is an act gives no event of its own; the complement is coded as the refusal.
bool SentenceCoder::RefusesAComplement(const VerbMatch& m) const {
  if (tokens_.empty() || tokens_[0].deprel.empty()) return false;
  const size_t pred = m.begin;
  const Token& t = tokens_[pred];
  if (lex_.FrameOf(t.lemma.empty() ? t.folded : t.lemma) != FrameClass::kRefuse) return false;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& rel = tokens_[i].deprel;
    // "refused to meet" is a pattern of its own (125): the complement inside the match is not another act.
    if (i >= m.end && tokens_[i].head == pred + 1 && (rel == "xcomp" || rel == "ccomp" || rel == "advcl") &&
        lex_.MatchVerb(tokens_, i).pattern)
      return true;
  }
  return false;
}

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
  if (p.voice == PatternVoice::kMutual && targets.empty() && sources.size() >= 2) targets = sources;
  const bool via_quote = QuoteAround(s_.tokens[m.begin].span.start) != nullptr;
  for (int a : sources)
    for (int b : targets) Emit(a, b, p.code, false, via_quote, out);
}

bool SentenceCoder::ApplyParse(const VerbMatch& m, PatternVoice* voice, std::string* code, bool* negated,
                               std::vector<int>* sources, std::vector<int>* targets) {
  place_ = -1;
  ClauseFacts f = ReadClause(tokens_, m.begin, lex_);
  if (!f.parsed) return true;
  if (f.blocked) return false;
  if (f.refused_by >= 0) {
    *code = lex_.RefusalCode(m.pattern->code);
    *negated = f.negated;
  } else {
    *negated = *negated || f.negated;
    if (f.intent) *code = lex_.IntentCode(m.pattern->code);
  }
  // A place the verb names is where, not whom; one inside the object may be either
  // ("villages in Syria"): it stays a target when nothing else is.
  int verb_place = -1;
  for (const std::vector<int>* list : {&f.places, &f.object_places})
    for (int p : *list) {
      std::vector<int> at = ArgumentActors(p);
      if (place_ < 0 && !at.empty() && at[0] >= 0 && (*in_.entities)[static_cast<size_t>(at[0])].type == "LOC") {
        place_ = at[0];
        if (list == &f.places) verb_place = place_;
      }
    }
  const bool turned = f.passive && *voice == PatternVoice::kActive;  // the window read it as active
  if (turned) *voice = PatternVoice::kPassive;
  const CameoCode* act = table_.Find(*code);
  std::vector<int> subject = ArgumentActors(f.subject), object;
  for (int o : f.objects)
    if (object.empty()) object = ArgumentActors(o, act);
  if (*voice == PatternVoice::kMutual)
    for (int o : f.partners)
      if (object.empty()) object = ArgumentActors(o, act);
  if (*voice == PatternVoice::kPassive) {
    std::vector<int> agent = ArgumentActors(f.agent);
    if (!subject.empty()) *targets = subject;
    if (!agent.empty()) *sources = agent;
    else if (turned) sources->clear();  // what stood before the verb is its target, not its agent
  } else {
    if (!subject.empty()) *sources = subject;
    if (!object.empty()) *targets = object;
  }
  // Where it happened is not whom it was done to ("menembak … di Yangon").
  if (verb_place >= 0) targets->erase(std::remove(targets->begin(), targets->end(), verb_place), targets->end());
  return true;
}

void SentenceCoder::Code(std::vector<Event>* out) {
  // "Apakah China akan menyerang Taiwan?": a question reports no act.
  if (!tokens_.empty() && tokens_.folded(tokens_.size() - 1) == "?") return;
  // Sports, markets, films: "menyerang", "menahan imbang", "menggempur" are no events there.
  for (size_t i = 0; i < tokens_.size(); ++i)
    if (lex_.NonEventAt(tokens_, i)) return;
  FindActors();
  if (actors_.empty()) return;
  // After a verbal act (a statement, appeal, demand, accusation, rejection or
  // threat), what follows in the sentence is its content, not another event:
  // "menyerukan Israel dan Hamas segera menyepakati gencatan senjata".
  bool in_content = false;
  std::vector<int> last_targets;  // the previous verb's object, for "… dan memujinya"
  std::vector<int> last_sources;  // the previous verb's subject, for "… dan menarik duta besarnya"
  for (size_t i = 0; i < tokens_.size();) {
    // "mendorong agar Indonesia mengajak Singapura …": what is asked for is no event.
    if (Is(i, Modifier::kPurpose)) break;
    // "… mengecam Myanmar dan menarik duta besarnya": a second act of the same
    // subject, joined by "dan"/"and", is an event again; so is anything after
    // "tetapi"/"but" ("Seoul mengusulkan …, tetapi Pyongyang menolaknya").
    size_t conj_len = 0;
    if (in_content && lex_.ModifierAt(tokens_, i, &conj_len) == Modifier::kConjunction &&
        lex_.MatchVerb(tokens_, i + conj_len).pattern)
      in_content = false;
    if (in_content && Is(i, Modifier::kContrast)) in_content = false;
    int demander = -1;
    if (!in_content && Is(i, Modifier::kDemand) && (demander = SpeakerOf(QuoteAround(s_.tokens[i].span.start))) >= 0) {
      // "“Washington harus berhenti mencampuri …,” tegas juru bicara China": the speaker demands it.
      std::vector<int> subject = GroupEndingBefore(i);
      auto a = std::upper_bound(actors_.begin(), actors_.end(), i, [](size_t t, const ActorSpan& x) { return t < x.begin; });
      bool near = !subject.empty() && a != actors_.begin() && std::prev(a)->end + 2 >= i;
      bool first_person = false;
      for (size_t b = i >= 3 ? i - 3 : 0; b < i; ++b) first_person |= FirstPerson(tokens_.folded(b));
      if (near && !first_person) {
        for (int who : subject)
          if (who != demander) Emit(demander, who, "10", false, true, out);
        in_content = true;
        ++i;
        continue;
      }
    }
    VerbMatch m = lex_.MatchVerb(tokens_, i);
    bool inside_actor = false;
    if (m.pattern) {
      auto a = std::upper_bound(actors_.begin(), actors_.end(), i, [](size_t t, const ActorSpan& x) { return t < x.begin; });
      inside_actor = a != actors_.begin() && std::prev(a)->end > i;
    }
    if (!m.pattern || inside_actor) {
      ++i;
      continue;
    }
    const VerbPattern& p = *m.pattern;
    if (in_content) break;
    if (p.form == "nominal") {  // "kunjungan Presiden ke Beijing", "talks between China and Russia"
      CodeNominal(m, out);
      i = m.end;
      continue;
    }
    // "wisatawan asal China yang berkunjung ke Bali", "who visited Beijing": a relative clause.
    bool relative = false;
    for (size_t b = m.begin >= 3 ? m.begin - 3 : 0; b < m.begin; ++b) {
      if (ClauseBreak(tokens_.folded(b))) relative = false;
      else if (Is(b, Modifier::kRelative)) relative = true;
    }
    if (relative) {
      i = m.end;
      continue;
    }
    // "said", "stated": a bare statement names no one it is done to (reporting verbs are no events).
    if (p.code == "010" || p.code == "01") {
      i = m.end;
      continue;
    }
    const std::string root = p.code.substr(0, 2);
    const bool verbal = root == "01" || root == "02" || root == "10" || root == "11" || root == "12" || root == "13";
    // Up to three tokens before the verb: "tidak akan", "saling", "did not", "plans to".
    bool negated = false, intent = false, reciprocal = false;
    for (size_t b = m.begin >= 4 ? m.begin - 4 : 0; b < m.begin;) {
      size_t len = 0;
      Modifier mod = lex_.ModifierAt(tokens_, b, &len);
      if (len == 0 || b + len > m.begin) {
        ++b;
        continue;
      }
      negated |= mod == Modifier::kNegation;
      intent |= mod == Modifier::kIntent;
      reciprocal |= mod == Modifier::kReciprocal;
      b += len;  // "menolak untuk": a negation, not "untuk" as an intent
    }
    size_t after_len = 0;
    if (lex_.ModifierAt(tokens_, m.end, &after_len) == Modifier::kReciprocal) reciprocal = true;  // "each other"

    std::string code = intent ? lex_.IntentCode(p.code) : p.code;
    const Quote* quote = QuoteAround(s_.tokens[m.begin].span.start);
    bool via_quote = quote != nullptr;
    const int speaker = SpeakerOf(quote);
    const CameoCode* info = table_.Find(code);
    const bool cooperative = info && info->quad <= 2;
    const bool material_conflict = info && info->quad == 4;

    // "was rejected by Beijing": an English participle after an auxiliary is passive.
    PatternVoice voice = p.voice;
    if (voice == PatternVoice::kActive && m.begin > 0 && Is(m.begin - 1, Modifier::kPassiveAux) &&
        !EndsWith(tokens_.folded(m.begin), "ing"))
      voice = PatternVoice::kPassive;

    std::vector<int> sources, targets;
    size_t target_end = 0;
    const bool gap = std::find(p.tokens.begin(), p.tokens.end(), "*") != p.tokens.end();
    if (voice == PatternVoice::kPassive) {
      // "Israel diserang oleh Iran", "Israel diserang Iran", "X was attacked by Y".
      targets = GroupEndingBefore(m.begin);
      size_t from = m.end, len = 0;
      if (lex_.ModifierAt(tokens_, from, &len) == Modifier::kAgent) from += len;
      sources = GroupStartingAfter(from, 5, &target_end);  // "oleh kapal penjaga pantai China"
    } else {
      sources = GroupEndingBefore(m.begin);
      // "X mengecam Y dan menarik …": the subject of a verb right after "dan" is the one before.
      size_t conj = 0;
      if (!last_sources.empty() && m.begin >= 1 && lex_.ModifierAt(tokens_, m.begin - 1, &conj) == Modifier::kConjunction)
        sources = last_sources;
      // "accused * of spying", "expelled * diplomats": the object is inside the gap.
      targets = TargetAfter(gap ? m.begin + 1 : m.end, cooperative, material_conflict, root == "15", verbal, &target_end);
      // "menelepon Menlu Singapura dan memujinya": the enclitic is the object
      // before; "Seoul mengusulkan …, tetapi Pyongyang menolaknya": the subject before.
      if (targets.empty() && EndsWith(tokens_.folded(m.end - 1), "nya"))
        targets = !last_targets.empty() ? last_targets : last_sources != sources ? last_sources : std::vector<int>{};
    }
    if (!ApplyParse(m, &voice, &code, &negated, &sources, &targets) || RefusesAComplement(m)) {
      i = m.end;
      continue;
    }
    if (targets.empty() && (root == "02" || root == "10")) targets = AskedAfter(m.end);
    if (!targets.empty()) last_targets = targets;
    if (!sources.empty()) last_sources = sources;
    // Inside a quotation, "kami"/"we" (or no subject at all) is the speaker.
    if (speaker >= 0) {
      bool first_person = false;
      for (size_t b = m.begin >= 4 ? m.begin - 4 : 0; b < m.begin; ++b) first_person |= FirstPerson(tokens_.folded(b));
      if (sources.empty() || first_person) sources = {speaker};
    }
    // "Australia and Papua New Guinea signed a pact": a cooperative act of a
    // compound subject with no one else named is done together.
    bool joint = voice == PatternVoice::kMutual || reciprocal || (cooperative && targets.empty());
    // "Israeli troops and Hezbollah fighters exchanged fire across the Lebanese
    // border": a mutual act of a compound subject is between its members, also
    // when a place or third party follows.
    if (voice == PatternVoice::kMutual && !targets.empty() && sources.size() >= 2) {
      // A third party only when named as the partner ("… bertemu dengan Iran"), not a topic or place.
      auto t = std::lower_bound(actors_.begin(), actors_.end(), gap ? m.begin + 1 : m.end,
                                [](const ActorSpan& x, size_t f) { return x.begin < f; });
      if (t == actors_.end() || t->begin == 0 || !Is(t->begin - 1, Modifier::kPartner)) targets.clear();
      else
        for (int a : sources)
          for (int b : sources) Emit(a, b, code, negated, via_quote, out);
    }
    if (joint && targets.empty() && sources.size() >= 2) {
      // "China dan Rusia sepakat …", "saling serang": each with each.
      for (int a : sources)
        for (int b : sources) Emit(a, b, code, negated, via_quote, out);
    } else {
      // "A bertemu B": A → B. Both ways only when the text says so ("saling", "each other").
      for (int a : sources)
        for (int b : targets) {
          Emit(a, b, code, negated, via_quote, out);
          if (reciprocal) Emit(b, a, code, negated, via_quote, out);
        }
    }
    // A speaker who tells of another's conflict act accuses them: "AS
    // mencampuri urusan negara lain," kata juru bicara China → CHN accuses USA.
    // Not of their own side: a spokesman telling of what the body their role names will
    // demand accuses no one (of other bodies of their state, even of one sector, they may).
    if (speaker >= 0 && info && info->quad >= 3 && !negated)
      for (int a : sources) {
        const bool own = HoldsRoleIn(speaker, a);
        if (a != speaker && !own) Emit(speaker, a, "112", false, true, out);
      }
    // After a verbal act what follows is its content; "menolak untuk
    // menandatangani" is the refusal alone (the parse, where there is one,
    // codes the refused act as the more specific rejection instead).
    in_content = verbal;
    i = m.end;
  }
}

}  // namespace

namespace {

// The actor mentions of the article, by start; people of no known office too
// (ActorCode may make them civilians).
std::vector<MentionRef> ActorMentions(const std::vector<Entity>& entities) {
  std::vector<MentionRef> mentions;
  for (size_t e = 0; e < entities.size(); ++e) {
    const Entity& entity = entities[e];
    // People of no known office stay: the subject they are keeps the verb from
    // another actor, and done to by a body at home they are civilians (ActorCode).
    if (ActorOf(entity).empty() && entity.type != "PER") continue;
    for (const EntityMention& m : entity.mentions)
      if (!m.in_title_field) mentions.push_back({m.span, static_cast<int>(e)});
  }
  std::sort(mentions.begin(), mentions.end(), [](const MentionRef& a, const MentionRef& b) {
    return a.span.start < b.span.start || (a.span.start == b.span.start && a.entity < b.entity);
  });
  return mentions;
}

// (person, body) for every actor mention inside a person's role phrase: one
// binary search per role phrase, so linear in the article.
std::set<std::pair<int, int>> RoleBodies(const std::vector<Entity>& entities, const std::vector<MentionRef>& mentions) {
  std::set<std::pair<int, int>> out;
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type != "PER") continue;
    for (const EntityMention& r : entities[e].mentions) {
      if (r.in_title_field || r.role.end <= r.role.start) continue;
      auto it = std::lower_bound(mentions.begin(), mentions.end(), r.role.start,
                                 [](const MentionRef& m, size_t b) { return m.span.start < b; });
      for (; it != mentions.end() && it->span.start < r.role.end; ++it)
        if (it->span.end <= r.role.end && it->entity != static_cast<int>(e)) out.insert({static_cast<int>(e), it->entity});
    }
  }
  return out;
}

}  // namespace

std::vector<Event> CodeEvents(const EventInput& input, const EventLexicon& lexicon, const CameoTable& table) {
  std::vector<MentionRef> mentions = ActorMentions(*input.entities);
  std::set<std::pair<int, int>> role_bodies = RoleBodies(*input.entities, mentions);
  const Article article{std::move(mentions), PersonReferents(input.sentences, *input.entities, *input.quotes),
                        std::move(role_bodies)};
  // One event per (source, target, code, negation) in the article, with
  // every sentence that reports it as evidence (crawler copies included once).
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, bool>, size_t> index;
  std::set<uint64_t> sentences_seen;
  std::vector<Event> out, found;
  for (const Sentence& s : input.sentences) {
    if (s.tokens.empty()) continue;
    found.clear();
    SentenceCoder coder(input, lexicon, table, s, article);
    coder.Code(&found);
    if (found.empty()) continue;
    uint64_t text = Fnv1a64(FoldCase(CollapseSpace(input.text.substr(s.span.start, s.span.end - s.span.start))));
    const bool copy = !sentences_seen.insert(text).second;
    for (Event& e : found) {
      auto key = std::make_tuple(e.source_actor, e.source_name, e.target_actor, e.target_name, e.code->code, e.negated);
      auto [it, fresh] = index.emplace(key, out.size());
      if (fresh) {
        out.push_back(std::move(e));
        continue;
      }
      Event& first = out[it->second];
      if (!copy && first.evidence.back().start != s.span.start) first.evidence.push_back(s.span);
      if (first.place < 0 && e.place >= 0) first.place = e.place, first.place_name = e.place_name;
    }
  }
  return out;
}

}  // namespace warta
