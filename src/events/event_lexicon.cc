#include "events/event_lexicon.h"

#include <algorithm>

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

Status EventLexicon::AddVerbs(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 4, "PATTERN CAMEO VOICE NOTE", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    VerbPattern p;
    p.tokens = Words(c[0]);
    if (p.tokens.front() == "*" || p.tokens.back() == "*") return std::string("'*' may not come first or last");
    p.code = std::string(c[1]);
    if (p.code.size() < 2 || p.code.size() > 4 || p.code.find_first_not_of("0123456789") != std::string::npos)
      return "CAMEO code must be 2 to 4 digits: " + p.code;
    if (c[2] == "active") p.voice = PatternVoice::kActive;
    else if (c[2] == "passive") p.voice = PatternVoice::kPassive;
    else if (c[2] == "mutual") p.voice = PatternVoice::kMutual;
    else return "voice must be active, passive or mutual: " + std::string(c[2]);
    auto& list = verbs_[p.tokens.front()];
    for (const VerbPattern& o : list)
      if (o.tokens == p.tokens) return "pattern listed twice: " + std::string(c[0]);
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
    else return "unknown type " + std::string(c[2]);
    std::vector<std::string> words = Words(c[0]);
    auto& list = modifiers_[words.front()];
    for (const auto& o : list)
      if (o.first == words) return "phrase listed twice: " + std::string(c[0]);
    list.emplace_back(std::move(words), m);
    return std::string();
  });
}

Status EventLexicon::AddIntent(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 2, "CODE_PREFIX INTENT_CODE", [&](const std::vector<std::string_view>& c) {
    for (std::string_view code : {c[0], c[1]})
      if (code.size() < 2 || code.size() > 4 || code.find_first_not_of("0123456789") != std::string_view::npos)
        return "not a CAMEO code: " + std::string(code);
    if (!intent_.emplace(std::string(c[0]), std::string(c[1])).second) return "prefix listed twice: " + std::string(c[0]);
    return std::string();
  });
}

Status EventLexicon::AddNonEvent(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 2, "WORD DOMAIN", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    static const std::unordered_set<std::string_view> kDomains = {"sport", "market", "entertainment", "game", "weather"};
    if (!kDomains.count(c[1])) return "unknown domain " + std::string(c[1]);
    std::vector<std::string> words = Words(c[0]);
    non_event_[words.front()].push_back(std::move(words));
    return std::string();
  });
}

Status EventLexicon::AddPeople(std::string_view tsv, std::string_view name) {
  return ForEachTsvRow(tsv, name, 3, "PHRASE LANG ROLE", [&](const std::vector<std::string_view>& c) {
    std::string bad = CheckPhrase(c[0]);
    if (!bad.empty()) return bad;
    if (c[1] != "id" && c[1] != "en") return std::string("language must be id or en");
    if (c[2].size() != 3 || c[2].find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos)
      return "role must be a three-letter CAMEO code: " + std::string(c[2]);
    std::vector<std::string> words = Words(c[0]);
    auto& list = people_[words.front()];
    for (const auto& o : list)
      if (o.first == words) return "phrase listed twice: " + std::string(c[0]);
    list.emplace_back(std::move(words), std::string(c[2]));
    return std::string();
  });
}

Result<EventLexicon> EventLexicon::FromTsv(std::string_view verbs, std::string_view modifiers, std::string_view intent,
                                           std::string_view non_event, std::string_view people) {
  EventLexicon lex;
  Status s;
  if (!(s = lex.AddVerbs(verbs, "verbs")).ok()) return s;
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
  for (const char* f : {"events/verbs_id.tsv", "events/verbs_en.tsv"})
    if (!(s = add(f, &EventLexicon::AddVerbs)).ok()) return s;
  if (!(s = add("events/modifiers.tsv", &EventLexicon::AddModifiers)).ok()) return s;
  if (!(s = add("events/intent.tsv", &EventLexicon::AddIntent)).ok()) return s;
  for (const char* f : {"events/non_event_id.tsv", "events/non_event_en.tsv"})
    if (!(s = add(f, &EventLexicon::AddNonEvent)).ok()) return s;
  if (!(s = add("events/people.tsv", &EventLexicon::AddPeople)).ok()) return s;
  return lex;
}

bool EventLexicon::MatchFrom(const VerbPattern& p, const TokenView& tokens, size_t i, std::string_view first,
                             size_t* end) const {
  if (p.tokens.front() != first) return false;
  size_t at = i + 1;
  for (size_t k = 1; k < p.tokens.size(); ++k) {
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

VerbMatch EventLexicon::MatchVerb(const TokenView& tokens, size_t i) const {
  VerbMatch best;
  if (i >= tokens.size()) return best;
  const std::string& folded = tokens.folded(i);
  auto try_first = [&](const std::string& first) {
    auto it = verbs_.find(first);
    if (it == verbs_.end()) return;
    for (const VerbPattern& p : it->second) {
      size_t end = 0;
      if (MatchFrom(p, tokens, i, first, &end) && (!best.pattern || end > best.end)) {
        best.pattern = &p;
        best.begin = i;
        best.end = end;
      }
    }
  };
  try_first(folded);
  // "mengecamnya", "menyerangnya": the object enclitic is not part of the verb.
  if (!best.pattern && folded.size() > 6 && EndsWith(folded, "nya")) try_first(folded.substr(0, folded.size() - 3));
  return best;
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
  for (const auto& words : it->second)
    if (WordsAt(words, tokens, i)) return true;
  return false;
}

std::string_view EventLexicon::PeopleAt(const TokenView& tokens, size_t i, size_t* length) const {
  *length = 0;
  if (i >= tokens.size()) return {};
  auto it = people_.find(tokens.folded(i));
  if (it == people_.end()) return {};
  std::string_view best;
  for (const auto& [words, role] : it->second) {
    if (words.size() <= *length || !WordsAt(words, tokens, i)) continue;
    best = role;
    *length = words.size();
  }
  return best;
}

std::string EventLexicon::IntentCode(const std::string& code) const {
  for (size_t n = code.size(); n >= 2; --n) {
    auto it = intent_.find(code.substr(0, n));
    if (it != intent_.end()) return it->second;
  }
  return code;
}

}  // namespace warta
