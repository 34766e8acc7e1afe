// The parties of a sentence for the event coder: named actors, unnamed
// people, person pronouns, groups, subjects, objects, and their actor codes.

#include <algorithm>

#include "events/sentence_coder.h"
#include "util/strings.h"

namespace warta::events_internal {

namespace {

// A state office's CAMEO role: government, military, police, courts, legislature, intelligence.
bool OfficialRole(std::string_view role) {
  return role == "GOV" || role == "MIL" || role == "COP" || role == "JUD" || role == "LEG" || role == "SPY";
}

}  // namespace

void SentenceCoder::FindActors() {
  const Span sentence = s_.span;
  auto first = std::lower_bound(mentions_.begin(), mentions_.end(), sentence.start,
                                [](const MentionRef& m, size_t b) { return m.span.start < b; });
  // "Gubernur Bengkulu Rohidin Mersyah": a place or body inside the role phrase of a
  // person with an actor code is that person's office, not a party of its own.
  std::vector<Span> roles;
  for (auto r = first; r != mentions_.end() && r->span.start < sentence.end; ++r)
    if (r->role.end > r->role.start && !ActorOf((*in_.entities)[static_cast<size_t>(r->entity)]).empty())
      roles.push_back(r->role);
  for (auto it = first; it != mentions_.end() && it->span.start < sentence.end; ++it) {
    if (it->span.end > sentence.end) continue;
    if (std::any_of(roles.begin(), roles.end(),
                    [&](const Span& r) { return r.start <= it->span.start && it->span.end <= r.end; }))
      continue;
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
    // "ethnic Albanians" and the "Albanians" inside it: the longer name is the party.
    const size_t e_end = TokenAt(it->span.end);
    if (!actors_.empty() && actors_.back().begin <= b && e_end <= actors_.back().end) continue;
    actors_.push_back({b, e_end, it->entity});
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
    if (!Is(i, Modifier::kPersonPronoun) || QuoteAt(*in_.quotes, s_.tokens[i].span.start, /*direct_only=*/true)) continue;
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
// "warga Filipina" or "Israeli troops", where the named actor stands); beside
// a bare state ("Bolivian miners", "nelayan asal Vietnam") they are that
// state's people of their role (BOLLAB), one party with it.
void SentenceCoder::FindPeople() {
  std::vector<ActorSpan> found;
  std::vector<size_t> absorbed;  // indices of states now inside a group of people
  std::string place;
  bool place_known = false;
  size_t next_actor = 0;
  auto bare_state = [&](size_t k) {
    const Entity& e = (*in_.entities)[static_cast<size_t>(actors_[k].entity)];
    return e.type == "LOC" && ActorOf(e).size() == 3;
  };
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
    std::string country;
    size_t begin = i, stop = end;
    // A state already inside a group ("demonstran Indonesia mahasiswa …") is not taken twice.
    if (named_before && !absorbed.empty() && absorbed.back() == next_actor - 1) {
      i = end;
      continue;
    }
    if (named_before && bare_state(next_actor - 1)) {
      absorbed.push_back(next_actor - 1);
      begin = actors_[next_actor - 1].begin;
      country = ActorOf((*in_.entities)[static_cast<size_t>(actors_[next_actor - 1].entity)]);
    } else if (!named_before && named_after && bare_state(next_actor)) {
      absorbed.push_back(next_actor);
      stop = actors_[next_actor].end;
      country = ActorOf((*in_.entities)[static_cast<size_t>(actors_[next_actor].entity)]);
    } else if (named_before || named_after) {
      i = end;
      continue;
    } else {
      if (!place_known) place = PlaceCountry(), place_known = true;
      country = place;
    }
    found.push_back({begin, stop, PeopleParty(people_.size())});
    people_.push_back({{s_.tokens[begin].span.start, s_.tokens[stop - 1].span.end}, country, std::string(role)});
    i = stop;
  }
  if (found.empty()) return;
  for (size_t k = absorbed.size(); k-- > 0;) actors_.erase(actors_.begin() + static_cast<long>(absorbed[k]));
  actors_.insert(actors_.end(), found.begin(), found.end());
  std::sort(actors_.begin(), actors_.end(), [](const ActorSpan& a, const ActorSpan& b) { return a.begin < b.begin; });
}

const Quote* SentenceCoder::QuoteAround(size_t byte) const { return QuoteAt(*in_.quotes, byte); }

// Who speaks a quotation, as an actor: its speaker, else an actor named in
// the words at its cue ("kata juru bicara China" → China); -1 when none.
int SentenceCoder::SpeakerOf(const Quote* q) const {
  if (!q) return -1;
  if (q->speaker_entity >= 0) return ActorOf((*in_.entities)[static_cast<size_t>(q->speaker_entity)]).empty() ? -1 : q->speaker_entity;
  Span w = q->speaker_mention;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), w.start,
                             [](const MentionRef& m, size_t b) { return m.span.start < b; });
  for (; it != mentions_.end() && it->span.start < w.end; ++it)  // people of no known office do not count
    if (it->span.end <= w.end && !ActorOf((*in_.entities)[static_cast<size_t>(it->entity)]).empty()) return it->entity;
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
    bool joins = false, others = true, comma_only = true;
    for (size_t t = gap_begin; t < gap_end;) {
      size_t len = 0;
      // "OJK (Otoritas Jasa Keuangan) dan Kemenkeu": brackets around a name's short form.
      const std::string_view w = tokens_.folded(t);
      if (w == "(" || w == ")") {
        ++t;
      } else if (Is(t, Modifier::kConjunction) || w == ",") {
        joins = true;
        comma_only = comma_only && w == ",";
        ++t;
      } else if (!lex_.PeopleAt(tokens_, t, &len).empty()) {
        t += len;
      } else {
        others = false;
        break;
      }
    }
    // "… Kementerian Luar Negeri, Dian Permatasari, …", "Kofi Annan, UN secretary-general": a body
    // and a person set off by a comma are one party in apposition, not two joined: the person
    // where they have an actor code, else the body.
    auto is_person = [&](int party) { return party >= 0 && (*in_.entities)[static_cast<size_t>(party)].type == "PER"; };
    if (joins && comma_only && others && is_person(n.entity) != is_person(actors_[at].entity)) {
      const int person = is_person(n.entity) ? n.entity : actors_[at].entity;
      const int body = person == n.entity ? actors_[at].entity : n.entity;
      const int party = ActorOf((*in_.entities)[static_cast<size_t>(person)]).empty() ? body : person;
      if (group.back() == actors_[at].entity) group.back() = party;
      *edge = forward ? n.end : n.begin;
      at = next;
      continue;
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

bool SentenceCoder::IsPlaceParty(int party) const {
  if (party < 0 || (*in_.entities)[static_cast<size_t>(party)].type != "LOC") return false;
  for (const ActorSpan& a : actors_)
    if (a.entity == party && a.begin > 0 && Is(a.begin - 1, Modifier::kLocative)) return true;
  return false;
}

// The object of a verb: the first party within 8 tokens, or further on
// (up to 20) when a preposition puts it there ("mengirimkan paket bantuan
// senilai 1 miliar dolar AS ke Ukraina", "delivered a shipment of shells to
// Kyiv"); never past the end of the clause. The place of a cooperative act
// ("signed a pact in Canberra") is not its object.
std::vector<int> SentenceCoder::TargetAfter(size_t from, bool cooperative, bool material_conflict, std::string_view root,
                                            bool verbal, size_t* end) const {
  const bool root15 = root == "15";
  size_t stop = from;
  while (stop < tokens_.size() && stop < from + 20 && !ClauseBreak(tokens_.folded(stop)) && !Is(stop, Modifier::kContrast) &&
         !Is(stop, Modifier::kRelative))
    ++stop;
  auto it = std::lower_bound(actors_.begin(), actors_.end(), from,
                             [](const ActorSpan& a, size_t f) { return a.begin < f; });
  for (; it != actors_.end() && it->begin < stop; ++it) {
    bool place = it->begin > 0 && Is(it->begin - 1, Modifier::kLocative);
    if (place && cooperative) continue;  // "signed a pact in Canberra": where, not with whom
    const std::string unnamed_role = UnnamedRole(it->entity);
    if (IsMeans(it->entity, material_conflict, root15)) continue;
    // Words say something to people right after the verb ("mengimbau masyarakat"); further
    // on, people are what the words are about ("berharap … berdampak pada warga").
    // Officials ("Serbian authorities") are whom a demand is made of wherever they stand.
    if (!unnamed_role.empty() && !OfficialRole(unnamed_role) && verbal && it->begin > from + 2) continue;
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
  } else if (country.empty() && IsPeople(other)) {
    country = people_[PeopleIndex(other)].country;  // "Myanmar's security forces tortured prisoners"
  }
  return country.empty() ? "" : country + p.role;
}

std::string SentenceCoder::Name(int party) const {
  if (!IsPeople(party)) return (*in_.entities)[static_cast<size_t>(party)].name;
  if (!people_[PeopleIndex(party)].name.empty()) return people_[PeopleIndex(party)].name;
  Span w = people_[PeopleIndex(party)].words;
  return std::string(in_.text.substr(w.start, w.end - w.start));
}

// "Ribuan buruh berunjuk rasa di Surabaya", "Thousands of Kurds demonstrated
// in Kirkuk": a protest by people, a party or a movement that names no one it
// is against is against the government of the state where it is held (`place`,
// the parse's place, the sentence's; else the protesters' own state). -1 when
// the source is itself the state or an office of it.
int SentenceCoder::ProtestedGovernment(const VerbMatch& m, int source, int place) {
  const std::string code = ActorCode(source, -1);
  if (code.size() < 6 || OfficialRole(code.substr(3, 3)) || code.rfind("IGO", 0) == 0 || code.rfind("NGO", 0) == 0)
    return -1;
  std::string country;
  if (place >= 0) country = (*in_.entities)[static_cast<size_t>(place)].country;
  if (country.empty() && place_ >= 0) country = (*in_.entities)[static_cast<size_t>(place_)].country;
  if (country.empty()) country = PlaceCountry();
  if (country.empty()) country = code.substr(0, 3);
  Span verb{s_.tokens[m.begin].span.start, s_.tokens[m.end - 1].span.end};
  people_.push_back({verb, country, "GOV", "government"});
  return PeopleParty(people_.size() - 1);
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

}  // namespace warta::events_internal
