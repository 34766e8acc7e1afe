#include "events/event_lexicon.h"

#include <algorithm>

#include "events/pattern_fold.h"
#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

namespace {

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> out;
  for (std::string_view w : Split(phrase, ' ')) out.emplace_back(w);
  return out;
}

std::string CheckPhrase(std::string_view phrase) {
  std::string p(phrase);
  if (p.empty() || p != FoldCase(p)) return "phrase must be lower case: " + p;
  if (p != CollapseSpace(p)) return "phrase has extra spaces: " + p;
  return "";
}

}  // namespace

Status EventLexicon::AddPredicates(std::string_view tsv, std::string_view name, bool english) {
  return ForEachTsvRow(tsv, name, 7, "LEMMA FORM SUFFIX REST CAMEO FRAME NOTE", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    VerbPattern p;
    p.english = english;
    p.lemma = std::string(c[0]);
    static const std::unordered_set<std::string_view> kForms = {"active", "passive", "nominal", "bare", "any"};
    if (!kForms.count(c[1])) return "form must be active, passive, nominal, bare or any: " + std::string(c[1]);
    p.form = std::string(c[1]);
    static const std::unordered_set<std::string_view> kSuffixes = {"kan",  "i",    "an",    "-",   "*",
                                                                   "per-kan", "per-i", "per-an", "per-"};
    if (!kSuffixes.count(c[2])) return "suffix must be kan, i, an, -, per-kan, per-i, per-an, per- or *: " + std::string(c[2]);
    p.suffix = std::string(c[2]);
    if (c[3] != "-") {
      if (!(bad = CheckPhrase(c[3])).empty()) return bad;
      p.tokens = Words(c[3]);
      if (p.tokens.back() == "*") return std::string("'*' may not come last");
    }
    p.code = std::string(c[4]);
    if (p.code.size() < 2 || p.code.size() > 4 || p.code.find_first_not_of("0123456789") != std::string::npos)
      return "CAMEO code must be 2 to 4 digits: " + p.code;
    if (c[5] == "active") p.voice = PatternVoice::kActive;
    else if (c[5] == "passive") p.voice = PatternVoice::kPassive;
    else if (c[5] == "mutual") p.voice = PatternVoice::kMutual;
    else return "frame must be active, passive or mutual: " + std::string(c[5]);
    auto& list = verbs_[p.lemma];
    for (const VerbPattern& o : list)
      if (o.english == p.english && o.form == p.form && o.suffix == p.suffix && o.tokens == p.tokens)
        return "pattern listed twice: " + std::string(c[0]) + " " + std::string(c[1]) + " " + std::string(c[2]) + " " +
               std::string(c[3]);
    list.push_back(std::move(p));
    ++verb_count_;
    return std::string();
  });
}

Status EventLexicon::AddModifiers(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 3, "PHRASE LANG TYPE", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    if (c[1] != "id" && c[1] != "en") return std::string("language must be id or en");
    Modifier m = Modifier::kNone;
    if (c[2] == "negation") m = Modifier::kNegation;
    else if (c[2] == "intent") m = Modifier::kIntent;
    else if (c[2] == "reciprocal") m = Modifier::kReciprocal;
    else if (c[2] == "agent") m = Modifier::kAgent;
    else if (c[2] == "preposition") m = Modifier::kPreposition;
    else if (c[2] == "conjunction") m = Modifier::kConjunction;
    else if (c[2] == "locative") m = Modifier::kLocative;
    else if (c[2] == "contrast") m = Modifier::kContrast;
    else if (c[2] == "passive_aux") m = Modifier::kPassiveAux;
    else if (c[2] == "demand") m = Modifier::kDemand;
    else if (c[2] == "relative") m = Modifier::kRelative;
    else if (c[2] == "origin") m = Modifier::kOrigin;
    else if (c[2] == "partner") m = Modifier::kPartner;
    else if (c[2] == "person_pronoun") m = Modifier::kPersonPronoun;
    else if (c[2] == "purpose") m = Modifier::kPurpose;
    else if (c[2] == "between") m = Modifier::kBetween;
    else return "unknown type " + std::string(c[2]);
    std::vector<std::string> words = Words(c[0]);
    auto& list = modifiers_[words.front()];
    for (const auto& o : list)
      if (o.first == words) return "phrase listed twice: " + std::string(c[0]);
    list.emplace_back(std::move(words), m);
    return std::string();
  });
}

namespace {

// A CODE_PREFIX → CODE table (intent.tsv, refusal.tsv); `root`, when given,
// is the root every code of the table must have.
Status AddCodeTable(std::string_view tsv, std::string_view name, std::string_view columns, std::string_view root,
                    std::unordered_map<std::string, std::string>* table) {
  return ForEachTsvRow(tsv, name, 2, columns, [&](const std::vector<std::string_view>& c) {
    for (std::string_view code : {c[0], c[1]})
      if (code.size() < 2 || code.size() > 4 || code.find_first_not_of("0123456789") != std::string_view::npos)
        return "not a CAMEO code: " + std::string(code);
    if (!root.empty() && c[1].substr(0, 2) != root) return "not a code of root " + std::string(root) + ": " + std::string(c[1]);
    if (!table->emplace(std::string(c[0]), std::string(c[1])).second) return "prefix listed twice: " + std::string(c[0]);
    return std::string();
  });
}

// The code of the longest prefix of `code` the table lists, or `fallback`.
std::string LongestPrefix(const std::unordered_map<std::string, std::string>& table, const std::string& code,
                          const std::string& fallback) {
  for (size_t n = code.size(); n >= 2; --n) {
    auto it = table.find(code.substr(0, n));
    if (it != table.end()) return it->second;
  }
  return fallback;
}

}  // namespace

Status EventLexicon::AddIntent(std::string_view tsv, std::string_view name) {
  return AddCodeTable(tsv, name, "CODE_PREFIX INTENT_CODE", "", &intent_);
}

Status EventLexicon::AddFrames(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 3, "LEMMA LANG CLASS", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    if (c[1] != "id" && c[1] != "en") return std::string("language must be id or en");
    static const std::unordered_map<std::string_view, FrameClass> kFrames = {
        {"refuse", FrameClass::kRefuse}, {"wish", FrameClass::kWish}, {"appeal", FrameClass::kAppeal},
        {"plan", FrameClass::kPlan}, {"hypothetical", FrameClass::kHypothetical}, {"backshift", FrameClass::kBackshift},
        {"condition", FrameClass::kCondition}, {"purpose", FrameClass::kPurpose}, {"light", FrameClass::kLight}, {"negation", FrameClass::kNegation}};
    static const std::unordered_map<std::string_view, CaseRole> kCases = {
        {"by", CaseRole::kAgent}, {"to", CaseRole::kTarget}, {"with", CaseRole::kPartner}, {"at", CaseRole::kPlace}};
    if (auto f = kFrames.find(c[2]); f != kFrames.end()) {
      if (!frames_.emplace(std::string(c[0]), f->second).second) return "word listed twice: " + std::string(c[0]);
    } else if (auto k = kCases.find(c[2]); k != kCases.end()) {
      if (!cases_.emplace(std::string(c[0]), k->second).second) return "case word listed twice: " + std::string(c[0]);
    } else {
      return "unknown class " + std::string(c[2]);
    }
    return std::string();
  });
}

Status EventLexicon::AddRefusal(std::string_view tsv, std::string_view name) {
  return AddCodeTable(tsv, name, "CODE_PREFIX REFUSAL_CODE", "12", &refusal_);
}

Status EventLexicon::AddNonEvent(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 2, 3, "WORD DOMAIN [noun]", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    static const std::unordered_set<std::string_view> kDomains = {"sport", "market", "entertainment", "game", "weather"};
    if (!kDomains.count(c[1])) return "unknown domain " + std::string(c[1]);
    std::vector<std::string> words = Words(c[0]);
    if (c.size() == 3) {
      if (c[2] != "noun" || words.size() != 1) return std::string("the third column is \"noun\", for a single word");
      non_event_nouns_.insert(words.front());
    }
    non_event_[words.front()].push_back(std::move(words));
    return std::string();
  });
}

namespace {

// people.tsv and judgements.tsv: PHRASE<TAB>LANG<TAB>VALUE, each phrase once.
template <typename PhraseMap>
Status AddPhrases(std::string_view tsv, std::string_view name, std::string_view value_name,
                  const std::function<std::string(std::string_view)>& check_value, PhraseMap* by_first) {
  return ForEachTsvRow(tsv, name, 3, "PHRASE LANG " + std::string(value_name), [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    if (c[1] != "id" && c[1] != "en") return std::string("language must be id or en");
    bad = check_value(c[2]);
    if (!bad.empty()) return bad;
    std::vector<std::string> words = Words(c[0]);
    auto& list = (*by_first)[words.front()];
    for (const auto& o : list)
      if (o.first == words) return "phrase listed twice: " + std::string(c[0]);
    list.emplace_back(std::move(words), std::string(c[2]));
    return std::string();
  });
}

}  // namespace

Status EventLexicon::AddPeople(std::string_view tsv, std::string_view name) {
  return AddPhrases(tsv, name, "ROLE", [](std::string_view role) {
    if (role.size() != 3 || role.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos)
      return "role must be a three-letter CAMEO code: " + std::string(role);
    return std::string();
  }, &people_);
}

Status EventLexicon::AddJudgements(std::string_view tsv, std::string_view name) {
  return AddPhrases(tsv, name, "CODE", [](std::string_view code) {
    if (code.size() != 3 || code.find_first_not_of("0123456789") != std::string_view::npos)
      return "code must be a three-digit CAMEO code: " + std::string(code);
    return std::string();
  }, &judgements_);
}

Result<EventLexicon> EventLexicon::FromTsv(std::string_view predicates, std::string_view modifiers,
                                           std::string_view intent, std::string_view non_event, std::string_view people,
                                           std::string_view predicates_en) {
  EventLexicon lex;
  Status s;
  if (!(s = lex.AddPredicates(predicates, "predicates", false)).ok()) return s;
  if (!predicates_en.empty() && !(s = lex.AddPredicates(predicates_en, "predicates_en", true)).ok()) return s;
  if (!(s = lex.AddModifiers(modifiers, "modifiers")).ok()) return s;
  if (!(s = lex.AddIntent(intent, "intent")).ok()) return s;
  if (!(s = lex.AddNonEvent(non_event, "non_event")).ok()) return s;
  if (!people.empty() && !(s = lex.AddPeople(people, "people")).ok()) return s;
  return lex;
}

Result<EventLexicon> EventLexicon::Load(const Reader& read) {
  EventLexicon lex;
  auto add = [&](std::string_view path, Status (EventLexicon::*fn)(std::string_view, std::string_view)) -> Status {
    auto bytes = read(path);
    if (!bytes.ok()) return bytes.status();
    return (lex.*fn)(bytes.value(), "data/" + std::string(path));
  };
  Status s;
  if (!(s = add("events/predicates_id.tsv", &EventLexicon::AddPredicatesId)).ok()) return s;
  if (!(s = add("events/predicates_en.tsv", &EventLexicon::AddPredicatesEn)).ok()) return s;
  if (!(s = add("events/modifiers.tsv", &EventLexicon::AddModifiers)).ok()) return s;
  if (!(s = add("events/intent.tsv", &EventLexicon::AddIntent)).ok()) return s;
  if (!(s = add("events/refusal.tsv", &EventLexicon::AddRefusal)).ok()) return s;
  if (!(s = add("events/frames.tsv", &EventLexicon::AddFrames)).ok()) return s;
  for (const char* f : {"events/non_event_id.tsv", "events/non_event_en.tsv"})
    if (!(s = add(f, &EventLexicon::AddNonEvent)).ok()) return s;
  if (!(s = add("events/people.tsv", &EventLexicon::AddPeople)).ok()) return s;
  if (!(s = add("events/judgements.tsv", &EventLexicon::AddJudgements)).ok()) return s;
  return lex;
}

bool EventLexicon::MatchFrom(const VerbPattern& p, const TokenView& tokens, size_t i, size_t* end) const {
  size_t at = i + 1;
  for (size_t k = 0; k < p.tokens.size(); ++k) {
    if (p.tokens[k] == "*") {
      // Up to three tokens, then the next word of the pattern.
      const std::string& next = p.tokens[k + 1];
      size_t found = at;
      while (found < tokens.size() && found < at + 4 && tokens.folded(found) != next &&
             tokens.folded(found) != next + "nya")
        ++found;
      if (found >= tokens.size() || (tokens.folded(found) != next && tokens.folded(found) != next + "nya")) return false;
      at = found;
      continue;
    }
    // "menarik duta besarnya": an enclitic on a later word of the pattern too.
    if (at >= tokens.size()) return false;
    const std::string& t = tokens.folded(at);
    bool same = t == p.tokens[k] || (t.size() == p.tokens[k].size() + 3 && EndsWith(t, "nya") &&
                                     t.compare(0, p.tokens[k].size(), p.tokens[k]) == 0);
    if (!same) return false;
    ++at;
  }
  *end = at;
  return true;
}

namespace {

// The token's voice and part of speech fit the pattern's form: passive and
// nominal forms only themselves; an active form an active token, or an
// affixed one the tagger's tag left without a voice (the lemmatizer gives
// meN- its voice only on verbs), never the bare lemma ("darat", land, is not
// "mendarat", lands); a bare form any token but a passive or nominal one. An English verb
// pattern any token but a noun, unless words of the pattern follow it.
bool FormFits(const VerbPattern& p, const Token& t) {
  if (p.english) {
    if (p.form == "nominal") return t.upos == Upos::kNoun;
    return t.upos != Upos::kNoun || !p.tokens.empty();  // "talks", "attacks" as nouns only with their object words
  }
  if (p.form == "any") return true;
  if (p.form == "passive") return t.voice == Voice::kPassive;
  // An act named as a noun; a bare noun only with the words that make it one ("kerja sama").
  if (p.form == "nominal") return t.voice == Voice::kNominal || (t.voice == Voice::kNone && !p.tokens.empty());
  // Spoken Indonesian drops meN- ("kami undang", "kita dukung"): a bare word the tagger reads as a verb.
  if (p.form == "active")
    return t.voice == Voice::kActive || (t.voice == Voice::kNone && (t.lemma != t.folded || t.upos == Upos::kVerb));
  return t.voice == Voice::kNone || t.voice == Voice::kActive;
}

}  // namespace

VerbMatch EventLexicon::MatchVerb(const TokenView& tokens, size_t i) const {
  VerbMatch best;
  if (i >= tokens.size()) return best;
  const Token& t = tokens[i];
  // Without the syntax stage (no lemma) the folded form stands in for it.
  auto it = verbs_.find(t.lemma.empty() ? t.folded : t.lemma);
  if (it == verbs_.end()) return best;
  std::string suffix;  // computed once, for the first Indonesian pattern
  for (const VerbPattern& p : it->second) {
    if (!FormFits(p, t)) continue;
    if (p.suffix != "*") {
      if (suffix.empty()) suffix = SuffixOf("id", t.folded, t.lemma.empty() ? t.folded : t.lemma);
      if (suffix != p.suffix) continue;
    }
    size_t end = 0;
    if (MatchFrom(p, tokens, i, &end) && (!best.pattern || end > best.end)) {
      best.pattern = &p;
      best.begin = i;
      best.end = end;
    }
  }
  return best;
}

bool EventLexicon::MayCode(const TokenView& tokens) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    VerbMatch m = MatchVerb(tokens, i);
    // Reporting verbs ("said", "kata") are no events of their own.
    if (m.pattern && m.pattern->code != "010" && m.pattern->code != "01") return true;
  }
  return false;
}

size_t EventLexicon::PersonPronouns(const TokenView& tokens) const {
  size_t n = 0, len = 0;
  for (size_t i = 0; i < tokens.size(); ++i) n += ModifierAt(tokens, i, &len) == Modifier::kPersonPronoun;
  return n;
}

namespace {

// Whether tokens i, i+1, ... are `words` (folded).
bool WordsAt(const std::vector<std::string>& words, const TokenView& tokens, size_t i) {
  if (i + words.size() > tokens.size()) return false;
  for (size_t j = 0; j < words.size(); ++j)
    if (tokens.folded(i + j) != words[j]) return false;
  return true;
}

}  // namespace

Modifier EventLexicon::ModifierAt(const TokenView& tokens, size_t i, size_t* length) const {
  *length = 0;
  if (i >= tokens.size()) return Modifier::kNone;
  auto it = modifiers_.find(tokens.folded(i));
  if (it == modifiers_.end()) return Modifier::kNone;
  Modifier best = Modifier::kNone;
  for (const auto& [words, m] : it->second) {
    if (words.size() <= *length || !WordsAt(words, tokens, i)) continue;
    best = m;
    *length = words.size();
  }
  return best;
}

bool EventLexicon::NonEventAt(const TokenView& tokens, size_t i) const {
  auto it = non_event_.find(tokens.folded(i));
  if (it == non_event_.end()) return false;
  // "demanded that Washington match the EU's support": a cue listed as a noun
  // is no cue where the tagger reads it as a verb.
  if (tokens[i].upos == Upos::kVerb && non_event_nouns_.count(tokens.folded(i))) return false;
  for (const auto& words : it->second)
    if (WordsAt(words, tokens, i)) return true;
  return false;
}

namespace {

// The value of the longest phrase of `by_first` at token i.
template <typename PhraseMap>
std::string_view LongestAt(const PhraseMap& by_first, const TokenView& tokens, size_t i, size_t* length) {
  *length = 0;
  if (i >= tokens.size()) return {};
  auto it = by_first.find(tokens.folded(i));
  if (it == by_first.end()) return {};
  std::string_view best;
  for (const auto& [words, value] : it->second) {
    if (words.size() <= *length || !WordsAt(words, tokens, i)) continue;
    best = value;
    *length = words.size();
  }
  return best;
}

}  // namespace

std::string_view EventLexicon::PeopleAt(const TokenView& tokens, size_t i, size_t* length) const {
  return LongestAt(people_, tokens, i, length);
}

std::string_view EventLexicon::JudgementAt(const TokenView& tokens, size_t i, size_t* length) const {
  return LongestAt(judgements_, tokens, i, length);
}

std::string EventLexicon::RefusalCode(const std::string& code) const { return LongestPrefix(refusal_, code, "120"); }

FrameClass EventLexicon::FrameOf(std::string_view lemma) const {
  auto it = frames_.find(std::string(lemma));
  return it == frames_.end() ? FrameClass::kNone : it->second;
}

CaseRole EventLexicon::CaseRoleOf(std::string_view lemma) const {
  auto it = cases_.find(std::string(lemma));
  return it == cases_.end() ? CaseRole::kNone : it->second;
}

std::string EventLexicon::IntentCode(const std::string& code) const { return LongestPrefix(intent_, code, code); }

}  // namespace warta
