#include "events/clause.h"

#include <string_view>

namespace warta {

namespace {

bool Parsed(const TokenView& t) { return !t.empty() && !t[0].deprel.empty(); }
// The 0-based head of token i; -1 for the root.
int Head(const TokenView& t, size_t i) { return static_cast<int>(t[i].head) - 1; }
bool RelIs(const Token& t, std::string_view rel) {
  return t.deprel == rel || (t.deprel.size() > rel.size() && t.deprel.compare(0, rel.size(), rel) == 0 &&
                             t.deprel[rel.size()] == ':');
}

// The case word ("kepada", "by") of argument token a, lemma; "" for none.
std::string_view CaseOf(const TokenView& t, size_t a) {
  for (size_t i = 0; i < t.size(); ++i)
    if (Head(t, i) == static_cast<int>(a) && t[i].deprel == "case") return t[i].lemma.empty() ? t[i].folded : t[i].lemma;
  return {};
}

FrameClass ClassOf(const EventLexicon& lex, const Token& t) {
  return lex.FrameOf(t.lemma.empty() ? t.folded : t.lemma);
}

int ChildWith(const TokenView& t, size_t head, std::string_view rel) {
  for (size_t i = 0; i < t.size(); ++i)
    if (Head(t, i) == static_cast<int>(head) && RelIs(t[i], rel)) return static_cast<int>(i);
  return -1;
}

// The subject of predicate p: its own, else (over "dan"/"and") its first
// conjunct's, else for a controlled complement the controller: the
// governor's object ("mendesak Israel untuk menghentikan") or subject.
int SubjectOf(const TokenView& t, size_t p, const EventLexicon& lex, int depth = 0) {
  int s = ChildWith(t, p, "nsubj");
  if (s >= 0 || depth > 4) return s;
  int h = Head(t, p);
  if (h < 0) return -1;
  if (t[p].deprel == "conj") return SubjectOf(t, static_cast<size_t>(h), lex, depth + 1);
  if (t[p].deprel == "xcomp" || t[p].deprel == "advcl") {
    // Object control only after a verb of asking ("mendesak Israel untuk …",
    // "urged Israel to …"); else the governor's subject acts ("sepakat memperluas").
    int o = ClassOf(lex, t[static_cast<size_t>(h)]) == FrameClass::kAppeal ? ChildWith(t, static_cast<size_t>(h), "obj") : -1;
    return o >= 0 ? o : SubjectOf(t, static_cast<size_t>(h), lex, depth + 1);
  }
  return -1;
}

}  // namespace

bool ComplementClause(const TokenView& t, size_t c, const EventLexicon& lex) {
  const std::string& rel = t[c].deprel;
  if (rel == "xcomp" || rel == "ccomp" || rel == "csubj") return true;
  if (rel != "advcl") return false;
  int m = ChildWith(t, c, "mark");
  return m >= 0 && ClassOf(lex, t[static_cast<size_t>(m)]) == FrameClass::kPurpose;
}

namespace {

void Arguments(const TokenView& t, size_t p, const EventLexicon& lex, ClauseFacts* f) {
  // "menyerang kamp pengungsi di Rafah": a place inside the object is where it happened too.
  auto places_in = [&](size_t o) {
    for (size_t i = 0; i < t.size(); ++i)
      if (Head(t, i) == static_cast<int>(o) && RelIs(t[i], "nmod") && lex.CaseRoleOf(CaseOf(t, i)) == CaseRole::kPlace)
        f->object_places.push_back(static_cast<int>(i));
  };
  for (size_t i = 0; i < t.size(); ++i) {
    if (Head(t, i) != static_cast<int>(p)) continue;
    const Token& a = t[i];
    int ii = static_cast<int>(i);
    if (a.deprel == "obj" || a.deprel == "iobj") {
      // "diserang Iran": an Indonesian passive's bare noun after the verb is its agent.
      if (f->passive && f->agent < 0 && a.deprel == "obj") f->agent = ii;
      else f->objects.push_back(ii);
      places_in(i);
    } else if (a.deprel == "obl:agent") {
      f->agent = ii;
    } else if (RelIs(a, "obl") || RelIs(a, "nmod")) {
      switch (lex.CaseRoleOf(CaseOf(t, i))) {
        case CaseRole::kAgent: f->agent = ii; break;
        case CaseRole::kTarget: f->objects.push_back(ii); break;
        case CaseRole::kPartner: f->partners.push_back(ii); break;
        case CaseRole::kPlace: f->places.push_back(ii); break;
        case CaseRole::kNone: break;
      }
    }
  }
}

// What the predicate's own dependents and its governor say about it.
void Context(const TokenView& t, size_t p, const EventLexicon& lex, ClauseFacts* f) {
  size_t g = p;  // the head of the predicate's chain of conjuncts
  for (int k = 0; k < 4 && t[g].deprel == "conj" && Head(t, g) >= 0; ++k) g = static_cast<size_t>(Head(t, g));
  // "said it would boycott …": a reported future where the clause is what a bare statement
  // says ("said", "announced", "mengatakan"), not what is feared or hoped ("feared China would attack").
  bool reported = false;
  if (t[g].deprel == "ccomp" && Head(t, g) >= 0) {
    const VerbPattern* says = lex.MatchVerb(t, static_cast<size_t>(Head(t, g))).pattern;
    reported = says && (says->code == "010" || says->code == "01");
  }
  auto dependents = [&](size_t head) {
    for (size_t i = 0; i < t.size(); ++i) {
      if (Head(t, i) != static_cast<int>(head)) continue;
      const std::string& rel = t[i].deprel;
      if (rel != "aux" && rel != "advmod" && rel != "mark" && rel != "aux:pass" && rel != "cop") continue;
      FrameClass c = ClassOf(lex, t[i]);
      if (c == FrameClass::kBackshift) c = reported ? FrameClass::kPlan : FrameClass::kHypothetical;
      if (c == FrameClass::kNegation && rel != "mark") f->negated = true;
      else if (c == FrameClass::kPlan && rel != "mark") f->intent = true;
      else if (c == FrameClass::kHypothetical && rel != "mark") f->blocked = true;
      else if (c == FrameClass::kCondition && rel == "mark") f->blocked = true;
    }
  };
  dependents(p);
  if (g != p) dependents(g);
  int h = Head(t, g);
  const std::string& rel = t[g].deprel;
  if (h < 0 || !ComplementClause(t, g, lex)) return;
  switch (ClassOf(lex, t[static_cast<size_t>(h)])) {
    // "refused to meet": the refused act; "rejected a US offer to host talks": the offer's act, not done.
    case FrameClass::kRefuse:
      if (ChildWith(t, static_cast<size_t>(h), "obj") >= 0) f->blocked = true;
      else f->refused_by = h;
      break;
    case FrameClass::kWish: {
      int own = ChildWith(t, g, "nsubj");
      if (own >= 0 && own != SubjectOf(t, static_cast<size_t>(h), lex)) f->blocked = true;
      else f->intent = true;
      break;
    }
    case FrameClass::kAppeal: f->blocked = rel != "ccomp" || ChildWith(t, g, "nsubj") < 0; break;
    case FrameClass::kPlan: f->intent = true; break;
    case FrameClass::kHypothetical: f->blocked = true; break;
    // "mengundang X untuk membahas …": what a coded act is for is not done by it (but
    // "membentuk misi untuk menyelidiki …": after an uncoded verb the purpose is the act).
    default:
      if (rel == "advcl") {
        const VerbPattern* governor = lex.MatchVerb(t, static_cast<size_t>(h)).pattern;
        f->blocked = f->blocked || (governor && governor->code != "010" && governor->code != "01");
      }
      break;
  }
  // A condition further up: "jika X menyerang Y, Z akan ...", "if X attacks".
  for (int a = h, k = 0; a >= 0 && k < 6; a = Head(t, static_cast<size_t>(a)), ++k) {
    int m = ChildWith(t, static_cast<size_t>(a), "mark");
    if (m >= 0 && t[static_cast<size_t>(a)].deprel == "advcl" && ClassOf(lex, t[static_cast<size_t>(m)]) == FrameClass::kCondition)
      f->blocked = true;
  }
}

}  // namespace

bool IsPlace(const TokenView& t, size_t token, const EventLexicon& lex) {
  return lex.CaseRoleOf(CaseOf(t, token)) == CaseRole::kPlace;
}

bool InSubtree(const TokenView& tokens, size_t token, size_t root, int limit) {
  int at = static_cast<int>(token);
  for (int k = 0; k <= limit && at >= 0; ++k, at = Head(tokens, static_cast<size_t>(at)))
    if (at == static_cast<int>(root)) return true;
  return false;
}

ClauseFacts ReadClause(const TokenView& t, size_t pred, const EventLexicon& lex) {
  ClauseFacts f;
  if (!Parsed(t) || pred >= t.size()) return f;
  f.parsed = true;
  f.passive = t[pred].voice == Voice::kPassive || ChildWith(t, pred, "aux:pass") >= 0 || ChildWith(t, pred, "nsubj:pass") >= 0;
  f.subject = SubjectOf(t, pred, lex);
  Arguments(t, pred, lex, &f);
  Context(t, pred, lex, &f);
  return f;
}

}  // namespace warta
