// The working state of LinkEntities (linker.cc) for one article, shared by
// the files that implement it: linker.cc (mentions, short forms, grouping
// into entities), linker_roles.cc (role phrases around a person's name) and
// linker_agents.cc (actors named by a common noun, the article's setting,
// abbreviations). Internal to the entities stage.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/linker.h"
#include "entities/recognizer.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta::linker_internal {

// Offices in order of precedence, for a person who holds several at once.
inline int PositionRank(std::string_view p) {
  static const char* const kOrder[] = {"head_of_state", "head_of_government", "igo_head", "vice_president",
                                       "foreign_minister", "defence_minister", "minister", "speaker",
                                       "military_chief", "police_chief", "intelligence_chief", "fm_spokesperson"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (p == kOrder[i]) return static_cast<int>(i);
  return p == "candidate" ? 101 : 100;  // a candidate who holds an office acts through it
}

inline bool StartsUpper(std::string_view token) {
  size_t pos = 0;
  return !token.empty() && IsUpper(NextCodePoint(token, &pos));
}

// Words that make the title after them a past one. A closed class: listed here.
inline bool IsFormer(const std::string& folded) {
  static const std::unordered_set<std::string> words = {"mantan", "eks", "bekas", "former", "ex", "ex-"};
  return words.count(folded) > 0;
}

// A rank's retirement mark, in brackets after it: "Jenderal TNI (Purn.)".
inline bool IsRetired(const std::string& folded) {
  static const std::unordered_set<std::string> words = {"purn", "purn.", "purnawirawan", "ret", "ret.", "retired"};
  return words.count(folded) > 0;
}



inline bool IsWordToken(std::string_view token) {
  size_t pos = 0;
  return !token.empty() && IsLetter(NextCodePoint(token, &pos));
}

// The office a title names: most titles name their own position; a king is
// his state's head of state, a secretary-general heads an IGO.
inline std::string_view OfficePosition(std::string_view title_position) {
  if (title_position == "monarch") return "head_of_state";
  if (title_position == "secretary_general") return "igo_head";
  return title_position;
}

struct Role {
  bool found = false;
  size_t begin = 0, end = 0;  // tokens of the phrase
  std::string position, role, country;
  bool country_assumed = false;  // not named in the text: the home country or the setting
  bool former = false;           // "mantan", "former": a past role
  int org = -1;     // names index of the organisation in the phrase nearest the title
  int patron = -1;  // names index of the person whose role it is ("Stein spokeswoman", "Clinton aide")
};

// A capital or seat that acts stands for its government ("Beijing menuduh",
// "the Kremlin said"): an actor of sector GOV, like "pemerintah China".
inline const Agent& Government() {
  static const Agent government{"", "", "GOV", Agent::Kind::kBody, ""};
  return government;
}

// "Americans", "Russians" as a noun: the people of the state, not the state.
inline const Agent& Civilians() {
  static const Agent civilians{"", "", "CVL", Agent::Kind::kPeople, ""};
  return civilians;
}

// Where an actor named by a common noun ("polisi Malaysia", "warga", "etnis
// Uighur") is in a sentence, and the state the text gives it.
struct AgentMention {
  const Agent* agent = nullptr;
  std::string country;  // "" when no state applies
};

struct SentenceData {
  TokenView tokens;  // over the original, or over the title field
  bool in_title_field = false;
  SentenceNames names;
  // By token position (size tokens + 1): the longest title ending / starting
  // there (index into names.matches), the name ending / starting there (index
  // into names.names); -1 for none.
  std::vector<int> title_ending_at, title_starting_at, name_ending_at, name_starting_at;

  void Index() {
    const size_t n = tokens.size() + 1;
    title_ending_at.assign(n, -1);
    title_starting_at.assign(n, -1);
    name_ending_at.assign(n, -1);
    name_starting_at.assign(n, -1);
    const auto& m = names.matches;
    for (size_t i = 0; i < m.size(); ++i) {
      if (m[i].entry->kind != PhraseKind::kTitle) continue;
      int& e = title_ending_at[m[i].end];
      if (e < 0 || m[i].begin < m[e].begin) e = static_cast<int>(i);
      int& b = title_starting_at[m[i].begin];
      if (b < 0 || m[i].end > m[b].end) b = static_cast<int>(i);
    }
    for (size_t i = 0; i < names.names.size(); ++i) {
      if (name_ending_at[names.names[i].end] < 0) name_ending_at[names.names[i].end] = static_cast<int>(i);
      if (name_starting_at[names.names[i].begin] < 0) name_starting_at[names.names[i].begin] = static_cast<int>(i);
    }
  }
};

struct Mention {
  size_t sentence = 0, begin = 0, end = 0;  // tokens (a title-only mention covers the title)
  Span span;
  bool in_title_field = false;
  std::string type;
  int kb = -1;
  PhraseKind kind = PhraseKind::kName;
  Role role;
  int entity = -1;
  std::string text;
  AgentMention agent;     // an actor named by a common noun (agent != nullptr)
  struct {
    const Title* title = nullptr;  // an office named without its holder ("Menteri Dalam Negeri")
    std::string country;
  } office;
  bool street = false;    // a street named after a person ("Jalan Gatot Subroto")
  bool dropped = false;   // absorbed into an agent or group phrase
};

// Mentions in the title field come before those in the text.
inline uint64_t Position(const Mention& m) { return (m.in_title_field ? 0 : (uint64_t{1} << 48)) + m.span.start; }

struct Builder {
  std::string_view original;
  const EntityKnowledge& k;
  const LinkContext& ctx;
  std::vector<SentenceData> sentences;
  std::vector<Mention> mentions;
  std::string article_setting;  // the state the article is set in (its dateline, else its places), "" if unknown
  bool setting_from_dateline = false;

  // The outlet's home country; Indonesian text with no outlet is Indonesia's.
  std::string Home() const { return HomeCountryOf(ctx); }
  // A word before token `at` that makes a name there a place: "di", "in" (and
  // with `directional`, "ke", "to", "visited").
  bool LocativeBefore(size_t s, size_t at, bool directional = false) const {
    if (at == 0) return false;
    PlaceWord w = k.PlaceWordOf(sentences[s].tokens.folded(at - 1), ctx.lang);
    return w == PlaceWord::kLocative || (directional && w == PlaceWord::kDirectional);
  }
  // The state a place is in: a country, its capital, a city or region of it.
  std::string StateOfPlace(const NameSpan& n) const {
    if (n.kb < 0 || n.type == "PER") return "";
    const KbEntity& e = k.entities()[n.kb];
    return e.type == "LOC" || n.kind == PhraseKind::kDemonym || n.kind == PhraseKind::kSeat ? e.country : "";
  }
  // The state a sentence is set in: the first place after a locative word.
  std::string SentenceSetting(size_t s) const {
    for (const NameSpan& n : sentences[s].names.names)
      if (LocativeBefore(s, n.begin) && n.kind != PhraseKind::kDemonym) {
        std::string c = StateOfPlace(n);
        if (!c.empty()) return c;
      }
    return "";
  }
  // The state of an actor the phrase gives none: the sentence's place, the
  // article's, else the home country. A state's body ("polisi", "Congress")
  // named in the outlet's own press is the home country's unless the
  // sentence or the dateline sets it elsewhere; people of a kind ("warga",
  // "protesters") are also where the article's places say.
  std::string Setting(size_t s, bool body) const {
    std::string c = SentenceSetting(s);
    if (c.empty() && !body) c = FirstState(s);  // "Junta Myanmar membebaskan ribuan tahanan"
    if (c.empty() && (!body || setting_from_dateline)) c = article_setting;
    return c.empty() ? Home() : c;
  }
  // The first state the sentence names (a country, a demonym, a capital).
  std::string FirstState(size_t s) const {
    for (const NameSpan& n : sentences[s].names.names) {
      std::string c = n.kb >= 0 && n.type != "PER" ? k.entities()[n.kb].country : "";
      if (!c.empty()) return c;
    }
    return "";
  }

  // A mention of tokens [b, e) of sentence s, of `type`.
  Mention MakeMention(size_t s, size_t b, size_t e, std::string type) const {
    Mention m;
    m.sentence = s;
    m.begin = b;
    m.end = e;
    m.span = SpanOf(s, b, e);
    m.in_title_field = sentences[s].in_title_field;
    m.text = std::string(Text(s, b, e));
    m.type = std::move(type);
    return m;
  }
  std::string_view Text(size_t s, size_t b, size_t e) const {
    const TokenView& t = sentences[s].tokens;
    return t.text().substr(t[b].span.start, t[e - 1].span.end - t[b].span.start);
  }
  Span SpanOf(size_t s, size_t b, size_t e) const {
    const TokenView& t = sentences[s].tokens;
    return {t[b].span.start, t[e - 1].span.end};
  }

  // The country a name stands for, if it is a country, demonym, capital or seat.
  std::string CountryOf(const NameSpan& n) const {
    if (n.kb < 0) return "";
    const KbEntity& e = k.entities()[n.kb];
    if (e.subtype == "country" || e.subtype == "city") return e.country;
    return "";
  }
  // An organisation name's state: the dictionary's, else a country named inside it.
  std::string OrgCountry(size_t s, const NameSpan& n) const {
    if (n.kb >= 0) return k.entities()[n.kb].country;
    const OrgHead* h = HeadOf(s, n);
    if (h && !h->country.empty()) return h->country;  // "KBRI Tokyo": Indonesia's embassy
    std::string named = CountryNamedIn(s, n);
    if (!named.empty()) return named;
    if (!h) return "";
    // An organisation with an Indonesian head word ("Universitas", "Kementerian")
    // is Indonesian, or in Malay text the home country's.
    if (h->lang == "id") return ctx.lang == "ms" && !Home().empty() ? Home() : "IDN";
    // "the Foreign Ministry", "the Tribune": a body of where the article is set, else of the home country.
    return article_setting.empty() ? Home() : article_setting;
  }
  std::string CountryNamedIn(size_t s, const NameSpan& n) const {
    for (const auto& m : sentences[s].names.matches) {
      if (m.begin < n.begin || m.end > n.end || m.entry->kind == PhraseKind::kTitle ||
          m.entry->kind == PhraseKind::kOrgHead)
        continue;
      const KbEntity& e = k.entities()[m.entry->ref];
      if (e.subtype == "country" || m.entry->kind == PhraseKind::kDemonym) return e.country;
    }
    return "";
  }
  const OrgHead* HeadOf(size_t s, const NameSpan& n) const {
    for (const auto& m : sentences[s].names.matches)
      if (m.entry->kind == PhraseKind::kOrgHead && m.begin >= n.begin && m.end <= n.end)
        return &k.org_heads()[m.entry->ref];
    return nullptr;
  }
  std::string OrgRole(size_t s, const NameSpan& n) const {
    if (n.kb >= 0) {
      const std::string& a = k.entities()[n.kb].actor;
      return a.size() >= 6 && a.compare(0, 3, "IGO") != 0 ? a.substr(3, 3) : "";
    }
    const OrgHead* h = HeadOf(s, n);
    return h ? h->role : "";
  }

  // The longest title phrase ending at token `end` (exclusive).
  // Lookups by token position, from the indexes built once per sentence.
  const DictionaryMatch* TitleEndingAt(size_t s, size_t end) const {
    int i = sentences[s].title_ending_at[end];
    return i < 0 ? nullptr : &sentences[s].names.matches[i];
  }
  const DictionaryMatch* TitleStartingAt(size_t s, size_t begin) const {
    if (begin >= sentences[s].title_starting_at.size()) return nullptr;
    int i = sentences[s].title_starting_at[begin];
    return i < 0 ? nullptr : &sentences[s].names.matches[i];
  }
  int NameEndingAt(size_t s, size_t end) const { return sentences[s].name_ending_at[end]; }
  int NameStartingAt(size_t s, size_t begin) const {
    return begin < sentences[s].name_starting_at.size() ? sentences[s].name_starting_at[begin] : -1;
  }

  // Adds what a name inside a role phrase says: its state, its organisation.
  // `nearer_title`: this name is nearer the title than those absorbed before.
  void Absorb(size_t s, const NameSpan& n, int index, Role* r, bool nearer_title) const;

  // "juru bicara kedutaan China [Liu Pengyu]", "Russian President [Vladimir Putin]".
  Role RoleBefore(size_t s, size_t name_begin) const;

  // "Liu Pengyu, juru bicara kedutaan China, ..."
  Role RoleAfter(size_t s, size_t name_end) const;

  // "Sens. Jon Tester (D-Mont.) and David Vitter": a name joined to the one
  // before it takes that one's role, as finished for it.
  Role CoordinatedRole(size_t s, size_t first_mention, size_t begin) const;

  void FinishRole(size_t s, Role* r) const;

  // A holder of `position` on the date whose name has all of `surname`'s tokens.
  int HolderNamed(std::string_view position, std::string_view country, std::string_view surname) const {
    for (const Office* o : k.Holders(OfficePosition(position), country, ctx.date)) {
      const std::string& name = k.entities()[o->person].name;
      bool all = true;
      for (std::string_view part : Split(surname, ' ')) {
        bool hit = false;
        for (std::string_view w : Split(name, ' ')) hit |= w == part;
        all &= hit;
      }
      if (all) return static_cast<int>(o->person);
    }
    return -1;
  }

  // The office a person left last before the date; nullptr if none (or no date).
  const Office* LastOfficeBefore(uint32_t person) const {
    if (!ctx.date) return nullptr;
    const Office* last = nullptr;
    for (const Office* o : k.OfficesOf(person, 0))
      if (o->to < ctx.date && (!last || o->to > last->to)) last = o;
    return last;
  }

  // A known person's actor code on the date: their first-ranked office's.
  std::string PersonActor(uint32_t person) const {
    auto offices = k.OfficesOf(person, ctx.date);
    const Office* best = nullptr;
    for (const Office* o : offices)
      if (!best || PositionRank(o->position) < PositionRank(best->position)) best = o;
    return best ? best->actor : "";
  }

  // "americans": a demonym whose singular is one too.
  bool IsPluralDemonym(const std::string& folded) const {
    if (folded.size() < 3 || folded.back() != 's') return false;
    const auto* entries = k.Lookup(std::string_view(folded).substr(0, folded.size() - 1));
    if (!entries) return false;
    for (const PhraseEntry& e : *entries)
      if (e.kind == PhraseKind::kDemonym) return true;
    return false;
  }

  // A capitalised word that is not an ordinary word: "Xi", not "Pada".
  bool LooksLikeName(std::string_view token) const {
    return StartsUpper(token) && !k.IsCommonWord(token);
  }

  void FindArticleSetting();
  void Abbreviations();
  std::unordered_map<std::string, std::string> long_form_;  // "TPID" → "Tim Pengendalian Inflasi Daerah"
  void Collect();
  void Agents(size_t s, size_t first_mention);
  void TitleOnlyMentions(size_t s);
  void ShortForms();
  std::vector<Entity> Group();
};

}  // namespace warta::linker_internal
