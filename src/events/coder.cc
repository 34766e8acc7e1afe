#include "events/coder.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "events/sentence_coder.h"
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

namespace events_internal {

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
  // "thousands of Iraqi Kurds": an actor that modifies another names whose it is; the other is the party.
  for (int k = 0; k < 2 && found < actors_.size(); ++k) {
    const int head = static_cast<int>(tokens_[actors_[found].end - 1].head) - 1;
    size_t owner = actors_.size();
    for (size_t o = 0; o < actors_.size(); ++o)
      if (o != found && head >= 0 && actors_[o].begin <= static_cast<size_t>(head) &&
          static_cast<size_t>(head) < actors_[o].end && usable(actors_[o]))
        owner = o;
    if (owner == actors_.size()) break;
    found = owner;
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
  // "rejected a US offer to host talks": what is rejected is the object.
  for (size_t i = 0; i < tokens_.size(); ++i)
    if (tokens_[i].head == pred + 1 && tokens_[i].deprel == "obj") return false;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    // "refused to meet" is a pattern of its own (125): the complement inside the match is not another act;
    // "rejected …, saying …" is no complement, nor is a bare statement.
    if (i < m.end || tokens_[i].head != pred + 1 || !ComplementClause(tokens_, i, lex_)) continue;
    const VerbPattern* c = lex_.MatchVerb(tokens_, i).pattern;
    if (c && c->code != "010" && c->code != "01") return true;
  }
  return false;
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
  // Where it happened is not whom it was done to ("menembak … di Yangon"), unless
  // the pattern names the place as its party ("tiba di Beijing").
  if (verb_place >= 0 && !NamesPlace(m))
    targets->erase(std::remove(targets->begin(), targets->end(), verb_place), targets->end());
  return true;
}

// "“Washington harus berhenti mencampuri …,” tegas juru bicara China": a
// modal of obligation inside a quotation, its subject right before it, is the
// speaker's demand of that subject (not "kami harus …": the speaker's own duty).
bool SentenceCoder::DemandInQuote(size_t i, std::vector<Event>* out) const {
  if (!Is(i, Modifier::kDemand)) return false;
  const int demander = SpeakerOf(QuoteAround(s_.tokens[i].span.start));
  if (demander < 0) return false;
  std::vector<int> subject = GroupEndingBefore(i);
  auto a = std::upper_bound(actors_.begin(), actors_.end(), i, [](size_t t, const ActorSpan& x) { return t < x.begin; });
  bool near = !subject.empty() && a != actors_.begin() && std::prev(a)->end + 2 >= i;
  bool first_person = false;
  for (size_t b = i >= 3 ? i - 3 : 0; b < i; ++b) first_person |= FirstPerson(tokens_.folded(b));
  if (!near || first_person) return false;
  for (int who : subject)
    if (who != demander) Emit(demander, who, "10", false, true, out);
  return true;
}

// "wisatawan asal China yang berkunjung ke Bali", "who visited Beijing": a
// verb in a relative clause is no event of the sentence.
bool SentenceCoder::InRelativeClause(const VerbMatch& m) const {
  bool relative = false;
  for (size_t b = m.begin >= 3 ? m.begin - 3 : 0; b < m.begin; ++b) {
    if (ClauseBreak(tokens_.folded(b))) relative = false;
    else if (Is(b, Modifier::kRelative)) relative = true;
  }
  return relative;
}

// Up to three tokens before the verb ("tidak akan", "saling", "did not",
// "plans to") and the words right after it ("each other").
SentenceCoder::Around SentenceCoder::ModifiersAround(const VerbMatch& m) const {
  Around a;
  for (size_t b = m.begin >= 4 ? m.begin - 4 : 0; b < m.begin;) {
    size_t len = 0;
    Modifier mod = lex_.ModifierAt(tokens_, b, &len);
    if (len == 0 || b + len > m.begin) {
      ++b;
      continue;
    }
    a.negated |= mod == Modifier::kNegation;
    a.intent |= mod == Modifier::kIntent;
    a.reciprocal |= mod == Modifier::kReciprocal;
    b += len;  // "menolak untuk": a negation, not "untuk" as an intent
  }
  size_t after_len = 0;
  if (lex_.ModifierAt(tokens_, m.end, &after_len) == Modifier::kReciprocal) a.reciprocal = true;
  return a;
}

// The word windows' reading of the verb's parties: the subject before it and
// the object after it (passives the other way round), a verb after "dan"
// taking the subject before, and "-nya" the object or subject before.
void SentenceCoder::WindowParties(const VerbMatch& m, const Reading& r, const Flow& flow, std::vector<int>* sources,
                                  std::vector<int>* targets) const {
  size_t target_end = 0;
  if (r.voice == PatternVoice::kPassive) {
    // "Israel diserang oleh Iran", "Israel diserang Iran", "X was attacked by Y".
    *targets = GroupEndingBefore(m.begin);
    size_t from = m.end, len = 0;
    if (lex_.ModifierAt(tokens_, from, &len) == Modifier::kAgent) from += len;
    *sources = GroupStartingAfter(from, 5, &target_end);  // "oleh kapal penjaga pantai China"
    return;
  }
  *sources = GroupEndingBefore(m.begin);
  // "X mengecam Y dan menarik …": the subject of a verb right after "dan" is the one before.
  size_t conj = 0;
  if (!flow.last_sources.empty() && m.begin >= 1 && lex_.ModifierAt(tokens_, m.begin - 1, &conj) == Modifier::kConjunction)
    *sources = flow.last_sources;
  // "accused * of spying", "expelled * diplomats": the object is inside the gap.
  // "tiba di Beijing", "arrived in Amman": the place the pattern names is its target.
  *targets = TargetAfter(r.gap ? m.begin + 1 : m.end, r.cooperative && !NamesPlace(m), r.material_conflict, r.root,
                         r.verbal,
                         &target_end);
  // "menelepon Menlu Singapura dan memujinya": the enclitic is the object
  // before; "Seoul mengusulkan …, tetapi Pyongyang menolaknya": the subject before.
  if (targets->empty() && EndsWith(tokens_.folded(m.end - 1), "nya"))
    *targets = !flow.last_targets.empty() ? flow.last_targets
               : flow.last_sources != *sources ? flow.last_sources
                                                : std::vector<int>{};
}

// The events between the parties: joint acts each with each, "A bertemu B"
// A → B (both ways only for "saling", "each other"), and a speaker telling
// of another's conflict act accusing them.
void SentenceCoder::EmitParties(const VerbMatch& m, const Reading& r, const std::vector<int>& sources,
                                std::vector<int> targets, std::vector<Event>* out) const {
  const std::string& code = r.code;
  // "Australia and Papua New Guinea signed a pact": a cooperative act of a
  // compound subject with no one else named is done together.
  bool joint = r.voice == PatternVoice::kMutual || r.around.reciprocal || (r.cooperative && targets.empty());
  // "Israeli troops and Hezbollah fighters exchanged fire across the Lebanese
  // border": a mutual act of a compound subject is between its members, also
  // when a place or third party follows.
  if (r.voice == PatternVoice::kMutual && !targets.empty() && sources.size() >= 2) {
    // A third party only when named as the partner ("… bertemu dengan Iran"), not a topic or place.
    auto t = std::lower_bound(actors_.begin(), actors_.end(), r.gap ? m.begin + 1 : m.end,
                              [](const ActorSpan& x, size_t f) { return x.begin < f; });
    if (t == actors_.end() || t->begin == 0 || !Is(t->begin - 1, Modifier::kPartner)) targets.clear();
    else
      for (int a : sources)
        for (int b : sources) Emit(a, b, code, r.negated, r.via_quote, out);
  }
  if (joint && targets.empty() && sources.size() >= 2) {
    // "China dan Rusia sepakat …", "saling serang": each with each.
    for (int a : sources)
      for (int b : sources) Emit(a, b, code, r.negated, r.via_quote, out);
  } else {
    for (int a : sources)
      for (int b : targets) {
        Emit(a, b, code, r.negated, r.via_quote, out);
        if (r.around.reciprocal) Emit(b, a, code, r.negated, r.via_quote, out);
      }
  }
  // A speaker who tells of another's conflict act accuses them: "AS
  // mencampuri urusan negara lain," kata juru bicara China → CHN accuses USA.
  // Not of their own side: a spokesman telling of what the body their role names will
  // demand accuses no one (of other bodies of their state, even of one sector, they may).
  if (r.speaker >= 0 && r.matched && r.matched->quad >= 3 && !r.negated)
    for (int a : sources)
      if (a != r.speaker && !HoldsRoleIn(r.speaker, a)) Emit(r.speaker, a, "112", false, true, out);
}

// One predicate matched at `m`: its reading, parties and events. False when it
// is no act (the parse blocks it, or it only refuses its complement).
bool SentenceCoder::CodeVerb(const VerbMatch& m, Flow* flow, std::vector<Event>* out) {
  const VerbPattern& p = *m.pattern;
  Reading r;
  r.root = p.code.substr(0, 2);
  r.verbal = Verbal(r.root);
  r.around = ModifiersAround(m);
  r.negated = r.around.negated;
  r.code = r.around.intent ? lex_.IntentCode(p.code) : p.code;
  const Quote* quote = QuoteAround(s_.tokens[m.begin].span.start);
  r.via_quote = quote != nullptr;
  r.speaker = SpeakerOf(quote);
  r.matched = table_.Find(r.code);
  r.cooperative = r.matched && r.matched->quad <= 2;
  r.material_conflict = r.matched && r.matched->quad == 4;
  // "was rejected by Beijing": an English participle after an auxiliary is passive.
  r.voice = p.voice;
  if (r.voice == PatternVoice::kActive && m.begin > 0 && Is(m.begin - 1, Modifier::kPassiveAux) &&
      !EndsWith(tokens_.folded(m.begin), "ing"))
    r.voice = PatternVoice::kPassive;
  r.gap = std::find(p.tokens.begin(), p.tokens.end(), "*") != p.tokens.end();

  std::vector<int> sources, targets;
  WindowParties(m, r, *flow, &sources, &targets);
  if (!ApplyParse(m, &r.voice, &r.code, &r.negated, &sources, &targets) || RefusesAComplement(m)) return false;
  if (targets.empty() && (r.root == "02" || r.root == "10")) targets = AskedAfter(m.end);
  // "sampel dari Lembata tiba di Beijing": only people, bodies and states arrive, towns do not.
  if (NamesPlace(m)) {
    auto place = [&](int p) {  // a city or a region (a state stands for its government: "Chile's minister")
      return p >= 0 && (*in_.entities)[static_cast<size_t>(p)].type == "LOC" &&
             (*in_.entities)[static_cast<size_t>(p)].subtype != "country";
    };
    const bool any = !sources.empty();
    sources.erase(std::remove_if(sources.begin(), sources.end(), place), sources.end());
    if (any && sources.empty()) return true;  // nor is the speaker telling of them
  }
  if (!targets.empty()) flow->last_targets = targets;
  if (!sources.empty()) flow->last_sources = sources;
  // Inside a quotation, "kami"/"we" (or no subject at all) is the speaker.
  if (r.speaker >= 0) {
    bool first_person = false;
    for (size_t b = m.begin >= 4 ? m.begin - 4 : 0; b < m.begin; ++b) first_person |= FirstPerson(tokens_.folded(b));
    if (sources.empty() || first_person) sources = {r.speaker};
  }
  // A protest against no one named, or only "in" a place, is against a government.
  if (r.root == "14" && !sources.empty() && !r.negated && (targets.empty() || IsPlaceParty(targets.front()))) {
    int government = ProtestedGovernment(m, sources.front(), targets.empty() ? -1 : targets.front());
    if (government != -1) targets = {government};
  }
  EmitParties(m, r, sources, targets, out);
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
  Flow flow;
  for (size_t i = 0; i < tokens_.size();) {
    // "mendorong agar Indonesia mengajak Singapura …": what is asked for is no event.
    if (Is(i, Modifier::kPurpose)) break;
    // "… mengecam Myanmar dan menarik duta besarnya": a second act of the same
    // subject, joined by "dan"/"and", is an event again; so is anything after
    // "tetapi"/"but" ("Seoul mengusulkan …, tetapi Pyongyang menolaknya").
    size_t conj_len = 0;
    if (flow.in_content && lex_.ModifierAt(tokens_, i, &conj_len) == Modifier::kConjunction &&
        lex_.MatchVerb(tokens_, i + conj_len).pattern)
      flow.in_content = false;
    if (flow.in_content && Is(i, Modifier::kContrast)) flow.in_content = false;
    if (!flow.in_content && DemandInQuote(i, out)) {
      flow.in_content = true;
      ++i;
      continue;
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
    if (flow.in_content) break;
    i = m.end;
    if (m.pattern->form == "nominal") {  // "kunjungan Presiden ke Beijing", "talks between China and Russia"
      CodeNominal(m, out);
      continue;
    }
    // "said", "stated": a bare statement names no one it is done to (reporting verbs are no events).
    if (InRelativeClause(m) || m.pattern->code == "010" || m.pattern->code == "01") continue;
    // After a verbal act what follows is its content; "menolak untuk
    // menandatangani" is the refusal alone (the parse, where there is one,
    // codes the refused act as the more specific rejection instead).
    if (CodeVerb(m, &flow, out)) flow.in_content = Verbal(m.pattern->code.substr(0, 2));
  }
}

}  // namespace events_internal

using events_internal::Article;
using events_internal::MentionRef;
using events_internal::SentenceCoder;

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
      if (!m.in_title_field) mentions.push_back({m.span, static_cast<int>(e), m.role});
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
    coder.CodeJudgements(&found);
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
