#include "entities/linker.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "entities/recognizer.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

namespace {

// Offices in order of precedence, for a person who holds several at once.
int PositionRank(std::string_view p) {
  static const char* const kOrder[] = {"head_of_state", "head_of_government", "igo_head", "vice_president",
                                       "foreign_minister", "defence_minister", "minister", "speaker",
                                       "military_chief", "police_chief", "intelligence_chief", "fm_spokesperson"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (p == kOrder[i]) return static_cast<int>(i);
  return p == "candidate" ? 101 : 100;  // a candidate who holds an office acts through it
}

bool StartsUpper(std::string_view token) {
  size_t pos = 0;
  return !token.empty() && IsUpper(NextCodePoint(token, &pos));
}

// Words that make the title after them a past one. A closed class: listed here.
bool IsFormer(const std::string& folded) {
  static const std::unordered_set<std::string> words = {"mantan", "eks", "bekas", "former", "ex", "ex-"};
  return words.count(folded) > 0;
}

// A rank's retirement mark, in brackets after it: "Jenderal TNI (Purn.)".
bool IsRetired(const std::string& folded) {
  static const std::unordered_set<std::string> words = {"purn", "purn.", "purnawirawan", "ret", "ret.", "retired"};
  return words.count(folded) > 0;
}



bool IsWordToken(std::string_view token) {
  size_t pos = 0;
  return !token.empty() && IsLetter(NextCodePoint(token, &pos));
}

// The office a title names: most titles name their own position; a king is
// his state's head of state, a secretary-general heads an IGO.
std::string_view OfficePosition(std::string_view title_position) {
  if (title_position == "monarch") return "head_of_state";
  if (title_position == "secretary_general") return "igo_head";
  return title_position;
}

struct Role {
  bool found = false;
  size_t begin = 0, end = 0;  // tokens of the phrase
  std::string position, role, country;
  bool country_assumed = false;  // not named in the text: Indonesia by default
  bool former = false;           // "mantan", "former": a past role
  int org = -1;     // names index of the organisation in the phrase nearest the title
  int patron = -1;  // names index of the person whose role it is ("Stein spokeswoman", "Clinton aide")
};

// A capital or seat that acts stands for its government ("Beijing menuduh",
// "the Kremlin said"): an actor of sector GOV, like "pemerintah China".
const Agent& Government() {
  static const Agent government{"", "", "GOV", Agent::Kind::kBody, ""};
  return government;
}

// "Americans", "Russians" as a noun: the people of the state, not the state.
const Agent& Civilians() {
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
uint64_t Position(const Mention& m) { return (m.in_title_field ? 0 : (uint64_t{1} << 48)) + m.span.start; }

struct Builder {
  std::string_view original;
  const EntityKnowledge& k;
  const LinkContext& ctx;
  std::vector<SentenceData> sentences;
  std::vector<Mention> mentions;
  std::string article_setting;  // the state the article is set in (its dateline, else its places), "" if unknown
  bool setting_from_dateline = false;

  // The outlet's home country; Indonesian text with no outlet is Indonesia's.
  std::string Home() const {
    if (!ctx.home_country.empty()) return ctx.home_country;
    return ctx.lang == "id" ? "IDN" : "";
  }
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
  void Absorb(size_t s, const NameSpan& n, int index, Role* r, bool nearer_title) const {
    // "Konsul Jenderal Jepang di Surabaya": the state nearest the title is the role's.
    if (n.type == "ORG") {
      if (r->org < 0 || nearer_title) r->org = index;
      std::string c = OrgCountry(s, n);
      if (r->country.empty() || (nearer_title && !c.empty())) r->country = c;
    } else {
      std::string c = StateOfPlace(n);  // "Gubernur Jawa Tengah": the province's state
      if (r->country.empty() || (nearer_title && !c.empty())) r->country = c;
    }
  }

  // "juru bicara kedutaan China [Liu Pengyu]", "Russian President [Vladimir Putin]".
  Role RoleBefore(size_t s, size_t name_begin) const {
    Role r;
    const auto& names = sentences[s].names.names;
    const auto& tokens = sentences[s].tokens;
    size_t j = name_begin, start = name_begin;
    const DictionaryMatch* nearest_title = nullptr;
    bool retired = false;
    while (j > 0 && name_begin - j < 12) {
      // "Wakil Menteri Luar Negeri (Wamenlu) Arif", "Jenderal (Purn.) Budi": a
      // bracketed abbreviation or retirement mark inside the phrase.
      if (tokens.surface(j - 1) == ")") {
        size_t open = j - 1;
        while (open > 0 && j - open < 6 && tokens.surface(open - 1) != "(") --open;
        if (open == 0 || tokens.surface(open - 1) != "(") break;
        for (size_t i = open; i + 1 < j; ++i) retired |= IsRetired(tokens.folded(i));
        j = open - 1;
        continue;
      }
      if (const DictionaryMatch* t = TitleEndingAt(s, j)) {
        if (!nearest_title && k.titles()[t->entry->ref].position != "honorific") nearest_title = t;
        j = t->begin;
        start = j;
        continue;
      }
      int n = NameEndingAt(s, j);
      if (n >= 0 && names[n].type != "PER") {
        Absorb(s, names[n], n, &r, true);
        // "Wali Kota Malang": a title that ends inside the name ("Kota Malang").
        for (size_t e = names[n].begin + 1; e < names[n].end; ++e)
          if (const DictionaryMatch* t = TitleEndingAt(s, e); t && t->begin < names[n].begin) {
            if (!nearest_title && k.titles()[t->entry->ref].position != "honorific") nearest_title = t;
            j = t->begin + 1;  // the loop's next step finds the title's first token
            break;
          }
        j = std::min(j, names[n].begin);
        start = j;
        if (nearest_title && nearest_title->begin < start) start = j = nearest_title->begin;
        continue;
      }
      if (IsRoleGlue(tokens.folded(j - 1)) || (j == name_begin && tokens.surface(j - 1) == ",")) {
        --j;
        continue;
      }
      // A few ordinary words inside the phrase: between a title and its
      // organisation ("Pengamat hubungan internasional dari Universitas X"),
      // a unit's name ("Direktur Jenderal Pajak", "Direktur Penyuluhan,
      // Pelayanan, dan Hubungan Masyarakat Kementerian Keuangan"), a caucus
      // ("Fraksi"). Kept only if a title comes before them, or before any
      // title a state or organisation ("ajudan presiden Rusia untuk kebijakan
      // luar negeri"); never a lower-case word right before the name ("Menkeu
      // baru pengganti Sri Mulyani": she is not the new minister).
      auto inner = [&](size_t t) {
        std::string_view w = tokens.surface(t);
        if (!IsWordToken(w)) return w == ",";
        Upos u = tokens[t].upos;  // "Fraksi", "Pajak": a capitalised common noun of the unit's name
        return !StartsUpper(w) || k.IsCommonWord(w) || u == Upos::kNoun || u == Upos::kAdj;
      };
      size_t words = 0;
      while (j - words > 0 && words < 8 && inner(j - words - 1) && !TitleEndingAt(s, j - words) &&
             (words == 0 || NameEndingAt(s, j - words) < 0))
        ++words;
      const bool touches_name = j == name_begin || (j + 1 == name_begin && tokens.surface(j) == ",");
      if (touches_name && words > 0 && !StartsUpper(tokens.surface(j - 1))) break;
      int name_there = words > 0 ? NameEndingAt(s, j - words) : -1;
      if (words > 0 && j - words > 0 &&
          (TitleEndingAt(s, j - words) || (!nearest_title && name_there >= 0 && names[name_there].type != "PER"))) {
        j -= words;
        continue;
      }
      break;
    }
    if (!nearest_title) return Role{};
    r.found = true;
    r.begin = start;
    r.end = name_begin;
    // Leading glue is not part of the phrase.
    while (r.begin < r.end && IsRoleGlue(tokens.folded(r.begin)) && !TitleStartingAt(s, r.begin) &&
           NameStartingAt(s, r.begin) < 0)
      ++r.begin;
    while (r.end > r.begin && (tokens.surface(r.end - 1) == "," || IsRoleGlue(tokens.folded(r.end - 1)))) --r.end;
    const Title& title = k.titles()[nearest_title->entry->ref];
    r.position = title.position;
    r.role = title.role;
    // "mantan Presiden AS", "former President": the role is past, not the
    // state's voice today.
    if (r.begin > 0 && IsFormer(tokens.folded(r.begin - 1))) {
      --r.begin;
      r.former = true;
    }
    r.former |= retired;
    // "Stein spokeswoman Melezia Figueroa", "Hillary Clinton's aide": the role
    // of that person's camp.
    size_t p = r.begin;
    if (p > 0 && (tokens.folded(p - 1) == "'s" || tokens.folded(p - 1) == "’s")) --p;
    if (int patron = NameEndingAt(s, p); patron >= 0 && names[patron].type == "PER") r.patron = patron;
    return r;
  }

  // "Liu Pengyu, juru bicara kedutaan China, ..."
  Role RoleAfter(size_t s, size_t name_end) const {
    const auto& tokens = sentences[s].tokens;
    const auto& names = sentences[s].names.names;
    if (name_end + 1 >= tokens.size() || tokens.surface(name_end) != ",") return Role{};
    // ", a senior diplomat from ...", ", seorang pengamat ...": skip an article
    // and up to two describing words before the title.
    size_t at = name_end + 1;
    static const std::unordered_set<std::string_view> kArticles = {"a", "an", "the", "seorang", "sang"};
    if (at < tokens.size() && kArticles.count(tokens.folded(at))) ++at;
    const DictionaryMatch* t = TitleStartingAt(s, at);
    for (size_t extra = 0; !t && extra < 2 && at + extra + 1 < tokens.size() && IsWordToken(tokens.surface(at + extra)) &&
                           !StartsUpper(tokens.surface(at + extra));
         ++extra)
      t = TitleStartingAt(s, at + extra + 1);
    if (!t || k.titles()[t->entry->ref].position == "honorific") return Role{};
    Role r;
    r.found = true;
    r.begin = at;
    const Title& title = k.titles()[t->entry->ref];
    r.position = title.position;
    r.role = title.role;
    size_t j = t->end;
    while (j < tokens.size() && j - name_end < 12) {
      if (const DictionaryMatch* t2 = TitleStartingAt(s, j)) { j = t2->end; continue; }
      int n = NameStartingAt(s, j);
      if (n >= 0 && names[n].type != "PER") {
        Absorb(s, names[n], n, &r, false);
        j = names[n].end;
        continue;
      }
      if (IsRoleGlue(tokens.folded(j))) { ++j; continue; }
      break;
    }
    while (j > t->end && IsRoleGlue(tokens.folded(j - 1))) --j;
    // An apposition closes: a comma, the sentence's end, a bracket, or the
    // verb. "Menurut Sugiono, Presiden RI telah ..." is a new clause, not
    // Sugiono's title.
    if (j < tokens.size()) {
      const std::string& next = tokens.folded(j);
      bool closes = next == "," || next == "." || next == ")" || next == ";" || next == ":" || next == "-" ||
                    StartsWith(next, "me") || StartsWith(next, "ber") || StartsWith(next, "men") ||
                    (!next.empty() && !StartsUpper(tokens.surface(j)) && ctx.lang == "en");
      if (!closes) return Role{};
    }
    r.end = j;
    return r;
  }

  // "Sens. Jon Tester (D-Mont.) and David Vitter": a name joined to the one
  // before it takes that one's role, as finished for it.
  Role CoordinatedRole(size_t s, size_t first_mention, size_t begin) const {
    const TokenView& t = sentences[s].tokens;
    for (size_t mi = mentions.size(); mi-- > first_mention;) {
      const Mention& prev = mentions[mi];
      if (prev.type != "PER" || prev.end > begin) continue;
      if (!prev.role.found || prev.role.end > prev.begin) return Role{};  // only a title before the name
      size_t j = prev.end;
      if (j < begin && t.surface(j) == "(")  // "(D-Mont.)"
        while (j < begin && t.surface(j) != ")") ++j;
      if (j < begin && t.surface(j) == ")") ++j;
      if (j < begin && t.surface(j) == ",") ++j;
      if (j < begin && (t.folded(j) == "and" || t.folded(j) == "dan")) ++j;
      if (j != begin) return Role{};
      return prev.role;  // finished already: the same phrase, state and sector
    }
    return Role{};
  }

  void FinishRole(size_t s, Role* r) const {
    if (!r->found) return;
    if (r->former) {
      // A former official no longer acts for the state: one of its elites (CAMEO ELI).
      r->position = "former_" + r->position;
      r->role = "ELI";
      if (r->country.empty()) r->country = ctx.lang == "en" && !article_setting.empty() ? article_setting : Home();
      return;
    }
    if (r->role.empty() && r->org >= 0) r->role = OrgRole(s, sentences[s].names.names[r->org]);
    if (r->role.empty() && r->patron >= 0) {  // the patron's camp: their state and sector
      const NameSpan& patron = sentences[s].names.names[r->patron];
      std::string code = patron.kb >= 0 ? PersonActor(static_cast<uint32_t>(patron.kb)) : "";
      if (code.size() >= 6) {
        if (r->country.empty()) r->country = code.substr(0, 3);
        r->role = code.substr(3, 3);
      }
    }
    if (r->role.empty() && !r->country.empty()) r->role = "GOV";
    // "Menlu X", "Anggota Komisi I DPR X", "Ketua Umum Partai X" in
    // Indonesian news, no state named: the home country's; in English news ("Foreign Minister X", datelined
    // Beijing) the state the article is set in, else the home country's. Not
    // for heads of state or government, whose state the press always names
    // ("Presiden Nigeria").
    if (r->country.empty() && !r->role.empty() && r->position != "head_of_state" &&
        r->position != "head_of_government" && r->position != "monarch") {
      r->country = ctx.lang == "en" && !article_setting.empty() ? article_setting : Home();
      r->country_assumed = true;
    }
  }

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

// The state the article is set in: its dateline's place, else the state
// whose places the text puts things in ("di Johor", "in Kyiv") more often than
// the home country's, at least twice.
void Builder::FindArticleSetting() {
  if (!ctx.dateline.empty()) {
    if (const auto* entries = k.Lookup(FoldCase(CollapseSpace(ctx.dateline)))) {
      for (const PhraseEntry& e : *entries) {
        if (e.kind != PhraseKind::kName && e.kind != PhraseKind::kCapital && e.kind != PhraseKind::kSeat) continue;
        const KbEntity& place = k.entities()[e.ref];
        if (place.type == "LOC" && !place.country.empty()) {
          article_setting = place.country;
          setting_from_dateline = true;
          return;
        }
      }
    }
  }
  std::map<std::string, int> count;
  for (size_t s = 0; s < sentences.size(); ++s)
    for (const NameSpan& n : sentences[s].names.names)
      if (LocativeBefore(s, n.begin) && n.kind != PhraseKind::kDemonym) {
        std::string c = StateOfPlace(n);
        if (!c.empty()) ++count[c];
      }
  int best = 1;
  const int home = count.count(Home()) ? count[Home()] : 0;
  for (const auto& [country, n] : count)
    if (n > best && n > home) {
      best = n;
      article_setting = country;
    }
}

void Builder::Collect() {
  FindArticleSetting();
  for (size_t s = 0; s < sentences.size(); ++s) {
    SentenceData& sd = sentences[s];
    const size_t first_mention = mentions.size();
    for (size_t ni = 0; ni < sd.names.names.size(); ++ni) {
      const NameSpan& n = sd.names.names[ni];
      // "Batu", "Bantul" spelt like a verb and tagged as one: not the place.
      if (n.kb >= 0 && n.type == "LOC" && n.end - n.begin == 1 && n.kind == PhraseKind::kName &&
          k.entities()[n.kb].subtype != "country" && sd.tokens[n.begin].upos == Upos::kVerb)
        continue;
      // "Jim Jordan", "Mark Cuban": a country's name or demonym as a person's surname.
      const bool state_word = (n.kind == PhraseKind::kName && n.type == "LOC") || n.kind == PhraseKind::kDemonym;
      if (ni > 0 && n.kb >= 0 && state_word && n.end - n.begin == 1 && StartsUpper(sd.tokens.surface(n.begin)) &&
          sd.names.names[ni - 1].end == n.begin && sd.names.names[ni - 1].type == "PER" &&
          sd.names.names[ni - 1].kb < 0 && mentions.size() > first_mention && mentions.back().type == "PER" &&
          mentions.back().end == n.begin && LooksLikeName(sd.tokens.surface(n.begin - 1))) {
        Mention& person = mentions.back();
        person.end = n.end;
        person.span = SpanOf(s, person.begin, person.end);
        person.text = std::string(Text(s, person.begin, person.end));
        continue;
      }
      Mention m;
      m.sentence = s;
      m.begin = n.begin;
      m.end = n.end;
      m.span = SpanOf(s, n.begin, n.end);
      m.in_title_field = sentences[s].in_title_field;
      m.text = std::string(Text(s, n.begin, n.end));
      m.type = std::string(n.type);
      m.kb = n.kb;
      m.kind = n.kind;
      if (n.kb >= 0) {
        const KbEntity& e = k.entities()[n.kb];
        if (n.kind == PhraseKind::kCapital || n.kind == PhraseKind::kSeat) {
          // "Jakarta - Pemerintah ...", "WASHINGTON (AFP) —": a dateline names the place.
          auto line_start = [&](size_t t) {  // the first token of its sentence or line
            if (t == 0) return true;
            const Span& prev = sd.tokens[t - 1].span;
            return sd.tokens.text().substr(prev.end, sd.tokens[t].span.start - prev.end).find('\n') !=
                   std::string_view::npos;
          };
          bool dateline = line_start(n.begin) && n.end < sd.tokens.size() &&
                          (sd.tokens.surface(n.end) == "-" || sd.tokens.surface(n.end) == "–" ||
                           sd.tokens.surface(n.end) == "—" || sd.tokens.surface(n.end) == "(" ||
                           sd.tokens.surface(n.end) == ",");  // "Jakarta, Kamis (9/9/2021) -"
          // "di depan gedung DPR/MPR, Senayan, Jakarta.": the end of an address.
          bool address = n.begin > 1 && sd.tokens.surface(n.begin - 1) == "," &&
                         (n.end == sd.tokens.size() || sd.tokens[n.end].upos == Upos::kPunct) &&
                         StartsUpper(sd.tokens.surface(n.begin - 2));
          // Only the place words say "place": other prepositions take governments
          // ("terhadap Washington", "with Beijing").
          bool place = dateline || address || LocativeBefore(s, n.begin, true);
          if (!place) {  // "Beijing menegaskan", "Gedung Putih": the government
            m.kb = k.Find("country/" + e.country);
            m.type = "ORG";
            m.agent = {&Government(), e.country};
          }
        }
      }
      // "Americans said", "Russians": a plural demonym as a noun is the people.
      if (n.kind == PhraseKind::kDemonym && n.kb >= 0 && IsPluralDemonym(sd.tokens.folded(n.end - 1)) &&
          (n.end == sd.tokens.size() || (sd.tokens[n.end].upos != Upos::kNoun && sd.tokens[n.end].upos != Upos::kPropn))) {
        m.type = "GRP";
        m.agent = {&Civilians(), k.entities()[n.kb].country};
      }
      // "Kedutaan Besar China" tagged as a place: an organisation's head word opens it.
      if (n.kb < 0 && m.type != "ORG" && n.end - n.begin >= 2) {
        const OrgHead* h = HeadOf(s, n);
        for (const auto& d : sd.names.matches)
          if (h && d.entry->kind == PhraseKind::kOrgHead && d.begin == n.begin && &k.org_heads()[d.entry->ref] == h)
            m.type = "ORG";
      }
      // "Jalan Gatot Subroto": a street, not the person it is named after.
      if (n.begin > 0 && (m.type == "PER" || (m.type == "LOC" && m.kb < 0)) &&
          k.PlaceWordOf(sd.tokens.folded(n.begin - 1), ctx.lang) == PlaceWord::kStreet) {
        m.type = "LOC";
        m.kb = -1;
        m.street = true;
      }
      if (m.type == "PER" && n.kb < 0 && n.end - n.begin >= 3) {
        // "Homeland Security Secretary Jeh Johnson" tagged whole: the name is after the title.
        for (size_t e = n.end - 1; e > n.begin; --e)
          if (const DictionaryMatch* t = TitleEndingAt(s, e);
              t && t->begin >= n.begin && k.titles()[t->entry->ref].position != "honorific") {
            m.begin = e;
            m.span = SpanOf(s, m.begin, m.end);
            m.text = std::string(Text(s, m.begin, m.end));
            break;
          }
      }
      if (m.type == "PER") {
        m.role = RoleBefore(s, m.begin);
        if (!m.role.found) m.role = RoleAfter(s, n.end);
        bool coordinated = false;
        if (!m.role.found) {
          m.role = CoordinatedRole(s, first_mention, m.begin);
          coordinated = m.role.found;
        }
        if (!coordinated) FinishRole(s, &m.role);
        // "Presiden Xi": a title and a surname name the office holder.
        if (m.kb < 0 && m.role.found && !m.role.former && !m.role.position.empty()) {
          // "Menlu Wang": any state's minister of that name unless the text names the state.
          int holder = HolderNamed(m.role.position, m.role.country_assumed ? "" : m.role.country, m.text);
          if (holder >= 0) m.kb = holder;
        }
      }
      mentions.push_back(std::move(m));
    }
    TitleOnlyMentions(s);
    Agents(s, first_mention);
  }
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(), [](const Mention& m) { return m.dropped; }),
                 mentions.end());
  ShortForms();
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return Position(a) < Position(b);
  });
  Abbreviations();
}

// "Badan Reserse Kriminal (Bareskrim)", "Dana Moneter Internasional (IMF)",
// "Tim Pengendalian Inflasi Daerah (TPID)": a name and its abbreviation in
// brackets are one actor; a dictionary entry for either names both.
void Builder::Abbreviations() {
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    Mention& full = mentions[i];
    Mention& abbr = mentions[i + 1];
    const TokenView& t = sentences[full.sentence].tokens;
    if (abbr.sentence != full.sentence || abbr.in_title_field != full.in_title_field || abbr.begin != full.end + 1 ||
        abbr.end >= t.size() || t.surface(full.end) != "(" || t.surface(abbr.end) != ")")
      continue;
    if (full.type == "PER" || abbr.type == "PER" || full.agent.agent || abbr.agent.agent || abbr.end - abbr.begin > 2)
      continue;
    if (abbr.kb >= 0 && full.kb < 0) {
      full.kb = abbr.kb;
      full.type = k.entities()[abbr.kb].type;
    } else if (full.kb >= 0 && abbr.kb < 0) {
      abbr.kb = full.kb;
      abbr.type = k.entities()[full.kb].type;
    } else if (full.kb < 0 && abbr.kb < 0) {
      long_form_.emplace(CollapseSpace(abbr.text), CollapseSpace(full.text));
      abbr.type = full.type;
    }
  }
}

// Actors named by a common noun, outside names and role phrases: "polisi
// Malaysia", "Israeli troops", "warga", "etnis Uighur". A state named next to
// the noun is the actor's (its mention is absorbed); else the sentence's or
// article's setting, else the home country. An ethnic or religious group's
// name never makes it a state ("ethnic Russians in Ukraine" are Ukraine's).
void Builder::Agents(size_t s, size_t first_mention) {
  const SentenceData& sd = sentences[s];
  const auto& names = sd.names.names;
  const size_t n = sd.tokens.size();
  std::vector<int> name_at(n, -1);  // names index covering a token
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t t = names[i].begin; t < names[i].end; ++t) name_at[t] = static_cast<int>(i);
  std::vector<bool> role_at(n, false);
  for (size_t mi = first_mention; mi < mentions.size(); ++mi) {
    const Mention& m = mentions[mi];
    if (m.kind == PhraseKind::kTitle)  // title-only mentions ("Presiden AS", "Menteri Dalam Negeri")
      for (size_t t = m.begin; t < m.end && t < n; ++t) role_at[t] = true;
    if (m.role.found)
      for (size_t t = m.role.begin; t < m.role.end; ++t) role_at[t] = true;
  }
  auto drop_name = [&](int ni) {  // the mention of names[ni], absorbed
    for (size_t mi = first_mention; mi < mentions.size(); ++mi)
      if (mentions[mi].begin == names[ni].begin && !mentions[mi].agent.agent) mentions[mi].dropped = true;
  };
  for (size_t i = 0; i < n;) {
    size_t len = 0, limit = SIZE_MAX;
    // "Pemerintah Kota Malang": not "pemerintah kota" over the start of the name "Kota Malang".
    for (size_t t = i + 1; t < n && t - i < 8; ++t)
      if (name_at[t] >= 0 && names[name_at[t]].begin == t) {
        limit = t - i;
        break;
      }
    const Agent* a = role_at[i] ? nullptr : k.agents().LongestAt(sd.tokens, i, ctx.lang, &len);
    // A group's name may hold a state's ("ethnic Russians"); an agent stops before a name.
    if (a && a->kind != Agent::Kind::kEthnic && a->kind != Agent::Kind::kReligion && len > limit)
      a = k.agents().LongestAt(sd.tokens, i, ctx.lang, &len, limit);
    // A modifier, not an actor: "bantuan militer" (the word used as an
    // adjective), "military aid", "police station" (before a noun in English
    // that names no people: not "military leaders", "police officers").
    if (a && a->kind == Agent::Kind::kBody) {
      size_t next_len = 0;
      bool modifier = (ctx.lang != "en" && len == 1 && sd.tokens[i].upos == Upos::kAdj) ||
                      (ctx.lang == "en" && i + len < n && sd.tokens[i + len].upos == Upos::kNoun &&
                       !StartsUpper(sd.tokens.surface(i + len)) && !TitleStartingAt(s, i + len) &&
                       !k.agents().LongestAt(sd.tokens, i + len, ctx.lang, &next_len));
      if (modifier) a = nullptr;
    }
    bool group = a && (a->kind == Agent::Kind::kEthnic || a->kind == Agent::Kind::kReligion);
    // "Security forces fired ...", "Polisi Malaysia menangkap ...": a capital at
    // the sentence's start the tagger took for a name no dictionary knows.
    int opening = i < n ? name_at[i] : -1;
    bool overrides = opening >= 0 && names[opening].kb < 0 && names[opening].begin == i &&
                     (i == 0 || !IsWordToken(sd.tokens.surface(i - 1)));
    bool clear = a != nullptr;
    // A group overrides only names inside it ("Ethnic Russians"), never a
    // person's name that opens with its word ("Muslim Jaya Butar-butar").
    for (size_t t = i; clear && t < i + len; ++t)
      clear = !role_at[t] && (name_at[t] < 0 || (overrides && name_at[t] == opening) ||
                              (group && names[name_at[t]].begin >= i && names[name_at[t]].end <= i + len &&
                               names[name_at[t]].type != "PER"));
    if (!clear) {
      ++i;
      continue;
    }
    size_t begin = i, end = i + len;
    std::string country;
    if (overrides && name_at[i] == opening) {
      // The rest of the name, if any, is a state a dictionary names ("Malaysia");
      // a longer name ("Pasukan Dukungan Cepat") is the actor itself.
      size_t rest = end;
      for (const DictionaryMatch& d : sd.names.matches)
        if (d.begin == end && d.end <= names[opening].end && d.entry->kind != PhraseKind::kTitle &&
            d.entry->kind != PhraseKind::kOrgHead && k.entities()[d.entry->ref].type == "LOC") {
          country = k.entities()[d.entry->ref].country;
          rest = std::max(rest, d.end);
        }
      if (rest < names[opening].end) {
        i = names[opening].end;
        continue;
      }
      drop_name(opening);
      end = std::max(end, names[opening].end);
    }
    if (group)  // the group's name is not a state: "ethnic Russians", "etnis Tionghoa"
      for (size_t t = begin; t < end; ++t)
        if (name_at[t] >= 0) drop_name(name_at[t]);
    // Not a noun that describes the name after it ("partai Golkar", "pemerintah
    // Provinsi Jawa Barat", "polisi Budi"): that name is the actor.
    int after = end < n ? name_at[end] : -1;
    if (!group && after >= 0 && (names[after].type == "ORG" || names[after].type == "PER")) {
      i = end;
      continue;
    }
    if (!group && country.empty() && after >= 0 && names[after].begin == end) {  // "polisi Malaysia", "pemerintah Jakarta"
      country = StateOfPlace(names[after]);
      if (!country.empty()) {
        drop_name(after);
        end = names[after].end;
      }
    }
    // "jurnalis asal Myanmar", "utusan khusus Amerika Serikat", "workers from
    // Vietnam": the state of origin, after an origin word or an adjective.
    if (!group && country.empty() && end + 1 < n && name_at[end] < 0 && name_at[end + 1] >= 0 &&
        names[name_at[end + 1]].begin == end + 1 &&
        (k.PlaceWordOf(sd.tokens.folded(end), ctx.lang) == PlaceWord::kOrigin || sd.tokens[end].upos == Upos::kAdj)) {
      int origin = name_at[end + 1];
      country = StateOfPlace(names[origin]);
      if (!country.empty() && names[origin].kind != PhraseKind::kCapital) {
        drop_name(origin);
        end = names[origin].end;
      } else {
        country.clear();
      }
    }
    int before = begin > 0 ? name_at[begin - 1] : -1;
    // "Hezbollah fighters", "Golkar cadres": the organisation is the actor.
    if (!group && before >= 0 && names[before].end == begin && names[before].type == "ORG") {
      i = end;
      continue;
    }
    if (!group && country.empty() && before >= 0 && names[before].end == begin &&
        (names[before].kind == PhraseKind::kDemonym || names[before].kind == PhraseKind::kName)) {
      country = StateOfPlace(names[before]);  // "Israeli troops", "the Malaysian police"
      if (!country.empty()) {
        drop_name(before);
        begin = names[before].begin;
      }
    }
    if (country.empty()) country = Setting(s, a->kind == Agent::Kind::kBody);
    Mention m;
    m.sentence = s;
    m.begin = begin;
    m.end = end;
    m.span = SpanOf(s, begin, end);
    m.in_title_field = sd.in_title_field;
    m.text = std::string(Text(s, begin, end));
    m.type = a->kind == Agent::Kind::kBody ? "ORG" : "GRP";
    m.agent = {a, country};
    mentions.push_back(std::move(m));
    i = end;
  }
}

// "Presiden AS" with no name: whoever held the office on the publication date.
void Builder::TitleOnlyMentions(size_t s) {
  const SentenceData& sd = sentences[s];
  const auto& names = sd.names.names;
  for (const auto& m : sd.names.matches) {
    if (m.entry->kind != PhraseKind::kTitle) continue;
    const Title& title = k.titles()[m.entry->ref];
    if (title.position.empty()) continue;
    if (m.begin > 0 && IsFormer(sd.tokens.folded(m.begin - 1))) continue;  // "mantan Presiden AS": not today's
    // Only the longest title at this place, and not one inside a longer title.
    if (TitleStartingAt(s, m.begin) != &m || TitleEndingAt(s, m.end) != &m) continue;
    bool inside_longer = false;
    for (size_t b = m.begin; b-- > 0 && !inside_longer;) {
      const DictionaryMatch* o = TitleStartingAt(s, b);
      inside_longer = o && o->end >= m.end;
    }
    if (inside_longer) continue;
    size_t begin = m.begin, end = m.end;
    std::string country;
    int after = NameStartingAt(s, end);
    if (after >= 0 && !CountryOf(names[after]).empty() && names[after].type != "PER") {
      country = CountryOf(names[after]);
      end = names[after].end;
    } else {
      int before = NameEndingAt(s, begin);
      if (before >= 0 && !CountryOf(names[before]).empty()) {
        country = CountryOf(names[before]);
        begin = names[before].begin;
      }
    }
    if (NameStartingAt(s, end) >= 0) continue;  // a name follows: RoleBefore handles it
    if (end < sd.tokens.size() && LooksLikeName(sd.tokens.surface(end))) {
      // "Presiden Xi": a surname the tagger did not mark; the office holder
      // of that name, if there is one, else someone we do not know.
      int holder = HolderNamed(title.position, country, sd.tokens.surface(end));
      if (holder >= 0) {
        Mention mention;
        mention.sentence = s;
        mention.begin = m.begin;
        mention.end = end + 1;
        mention.span = SpanOf(s, m.begin, end + 1);
        mention.in_title_field = sentences[s].in_title_field;
        mention.text = std::string(Text(s, m.begin, end + 1));
        mention.type = "PER";
        mention.kb = holder;
        mentions.push_back(std::move(mention));
      }
      continue;
    }
    if (end < sd.tokens.size() && sd.tokens.surface(end) == ",") {
      // "Presiden, Joko Widodo": still named.
      if (NameStartingAt(s, end + 1) >= 0 && names[NameStartingAt(s, end + 1)].type == "PER") continue;
    }
    const bool capital_letter = StartsUpper(sd.tokens.surface(m.begin));
    // A named office ("Menteri Dalam Negeri", "Kepala Badan Pusat Statistik"):
    // capitalised, of several words, with its sector.
    bool in_role = false;  // "Konsul Jenderal Jepang di Surabaya, Kenji Matsuda": his role
    for (const Mention& p : mentions)
      in_role |= p.sentence == s && p.role.found && p.role.begin <= m.begin && m.begin < p.role.end;
    const bool state_role = title.role == "GOV" || title.role == "MIL" || title.role == "LEG" ||
                            title.role == "JUD" || title.role == "COP" || title.role == "SPY";
    const bool office = capital_letter && m.end - m.begin >= 2 && state_role && !in_role;
    if (country.empty()) {
      // Bare "Presiden" in Indonesian news is Indonesia's, the outlet's home country's.
      if (!Home().empty() && capital_letter &&
          (title.position == "head_of_state" || title.position == "vice_president" || office))
        country = ctx.lang == "en" && !article_setting.empty() ? article_setting : Home();
      else
        continue;
    }
    // Only an office one person holds on the date ("Presiden AS"; not "Menteri");
    // another named office is an actor of its own, its holder unnamed.
    auto holders = k.Holders(OfficePosition(title.position), country, ctx.date);
    bool one_person = !holders.empty();
    for (const Office* o : holders) one_person &= o->person == holders.front()->person;
    if (!one_person) {
      if (!office) continue;
      Mention mention;
      mention.sentence = s;
      mention.begin = begin;
      mention.end = end;
      mention.span = SpanOf(s, begin, end);
      mention.in_title_field = sentences[s].in_title_field;
      mention.text = std::string(Text(s, begin, end));
      mention.type = "PER";
      mention.kind = PhraseKind::kTitle;
      mention.office = {&title, country};
      mentions.push_back(std::move(mention));
      continue;
    }
    Mention mention;
    mention.sentence = s;
    mention.begin = begin;
    mention.end = end;
    mention.span = SpanOf(s, begin, end);
    mention.in_title_field = sentences[s].in_title_field;
    mention.text = std::string(Text(s, begin, end));
    mention.type = "PER";
    mention.kb = static_cast<int>(holders.front()->person);
    mention.kind = PhraseKind::kTitle;
    mentions.push_back(std::move(mention));
  }
}

// A word of a person's full name written alone ("Liu" after "Liu Pengyu")
// that the tagger did not mark: a mention to link to that person.
void Builder::ShortForms() {
  // "Jordan said" after "Jim Jordan": a country's name that is the surname of
  // a person the article names is that person, unless it is a place there ("in Jordan").
  std::unordered_set<std::string> surnames;
  for (const Mention& m : mentions)
    if (m.type == "PER" && m.kb < 0 && m.kind == PhraseKind::kName) {
      auto parts = Split(CollapseSpace(m.text), ' ');
      if (parts.size() >= 2) surnames.emplace(parts.back());
    }
  if (!surnames.empty())
    for (Mention& m : mentions)
      if (m.kb >= 0 && (m.kind == PhraseKind::kName || m.kind == PhraseKind::kDemonym) && m.end - m.begin == 1 &&
          k.entities()[m.kb].subtype == "country" && surnames.count(m.text) && !LocativeBefore(m.sentence, m.begin, true)) {
        m.kb = -1;
        m.type = "PER";
        m.agent = {};
      }
  // English (its tagger learned from web text, where a lone capitalised word
  // is as often a shop or a town): a lone word it took for a place or an
  // organisation that is a word of a person's name in the article is that
  // person's short form ("Hillary Clinton" … "voters for Clinton").
  if (ctx.lang == "en") {
    std::unordered_set<std::string> person_words;
    for (const Mention& m : mentions)
      if (m.type == "PER" && m.end - m.begin > 1)
        for (std::string_view w : Split(m.text, ' ')) person_words.emplace(w);
    for (Mention& m : mentions)
      if (m.kb < 0 && m.kind == PhraseKind::kName && m.end - m.begin == 1 && (m.type == "LOC" || m.type == "ORG") &&
          person_words.count(m.text))
        m.type = "PER";
  }
  std::unordered_set<std::string> words, places;
  for (const Mention& m : mentions)
    if (m.type != "PER") places.insert(m.text);  // "Lembata" the regency is not a short form
  for (const Mention& m : mentions) {
    if (m.type != "PER") continue;
    std::string_view name = m.kb >= 0 ? std::string_view(k.entities()[m.kb].name) : std::string_view(m.text);
    if (m.kb < 0 && m.kind == PhraseKind::kTitle) continue;
    auto parts = Split(name, ' ');
    if (parts.size() < 2) continue;
    for (std::string_view w : parts)
      if (w.size() >= 2 && LooksLikeName(w) && !k.Lookup(FoldCase(w)) && !places.count(std::string(w))) words.emplace(w);
  }
  if (words.empty()) return;
  std::vector<std::vector<bool>> covered(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) covered[s].assign(sentences[s].tokens.size(), false);
  for (const Mention& m : mentions)
    for (size_t i = m.begin; i < m.end; ++i) covered[m.sentence][i] = true;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& tokens = sentences[s].tokens;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (covered[s][i] || !words.count(std::string(tokens.surface(i)))) continue;
      Mention m;
      m.sentence = s;
      m.begin = i;
      m.end = i + 1;
      m.span = SpanOf(s, i, i + 1);
      m.in_title_field = sentences[s].in_title_field;
      m.text = std::string(tokens.surface(i));
      m.type = "PER";
      mentions.push_back(std::move(m));
    }
  }
}

std::vector<std::string> Words(std::string_view s) {  // split on spaces
  std::vector<std::string> out;
  for (std::string_view w : Split(s, ' '))
    if (!w.empty()) out.emplace_back(w);
  return out;
}


// The latest person group whose name has `name`'s words in a row, and more;
// -1 if none. `by_word` lists the person groups that have each word.
template <typename Groups>
int LongerName(const Groups& groups, const std::unordered_map<std::string, std::vector<size_t>>& by_word,
               const std::string& name) {
  std::vector<std::string> words = Words(name);
  auto it = by_word.find(words.front());
  if (it == by_word.end()) return -1;
  for (size_t n = it->second.size(); n-- > 0;) {
    size_t g = it->second[n];
    std::vector<std::string> full = Words(groups[g].text);
    if (full.size() <= words.size()) continue;
    for (size_t at = 0; at + words.size() <= full.size(); ++at)
      if (std::equal(words.begin(), words.end(), full.begin() + static_cast<long>(at))) return static_cast<int>(g);
  }
  return -1;
}

std::vector<Entity> Builder::Group() {
  // Entities keyed by the dictionary entry, or by type and text.
  struct Group {
    int kb = -1;
    std::string type, text;
    std::vector<size_t> mentions;
  };
  std::vector<Group> groups;
  std::map<std::string, size_t> by_key;
  std::unordered_map<std::string, std::vector<size_t>> person_words;  // word → person groups with it
  auto group_for = [&](const std::string& key, int kb, const std::string& type, const std::string& text) {
    auto [it, inserted] = by_key.emplace(key, groups.size());
    if (inserted) {
      groups.push_back({kb, type, text, {}});
      if (type == "PER" || (type == "LOC" && kb < 0)) {  // a place no dictionary knows may be a person's name
        std::vector<std::string> words = Words(text);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (const auto& w : words) person_words[w].push_back(it->second);
      }
    }
    return it->second;
  };
  // Pass 1: dictionary entities and names of several words.
  std::vector<bool> done(mentions.size(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.office.title) {  // one actor per office: "Menteri Dalam Negeri" twice
      m.entity = static_cast<int>(group_for("OFF:" + m.office.country + ":" + FoldCase(CollapseSpace(m.text)), -1,
                                            "PER", CollapseSpace(m.text)));
    } else if (m.agent.agent) {  // one actor per state, sector and group: "polisi" and "aparat kepolisian"
      const Agent& a = *m.agent.agent;
      m.entity = static_cast<int>(
          group_for("AGT:" + m.agent.country + ":" + a.sector + ":" + a.group, -1, m.type, CollapseSpace(m.text)));
    } else if (m.kb >= 0) {
      const KbEntity& e = k.entities()[m.kb];
      m.entity = static_cast<int>(group_for("kb:" + e.key, m.kb, e.type, k.NameOn(static_cast<uint32_t>(m.kb), ctx.date)));
    } else if (m.type != "PER" || Words(CollapseSpace(m.text)).size() > 1) {
      std::string text = CollapseSpace(m.text);
      if (m.type != "PER")
        if (auto it = long_form_.find(text); it != long_form_.end()) text = it->second;
      // "Bhakti Eri" after "Bhakti Eri Nurmansyah": the same person.
      int longer = m.type == "PER" && !by_key.count("PER:" + text) ? LongerName(groups, person_words, text) : -1;
      m.entity = longer >= 0 ? longer : static_cast<int>(group_for(m.type + ":" + text, -1, m.type, text));
      if (longer >= 0 && groups[longer].type == "LOC") groups[longer].type = "PER";
    } else {
      continue;
    }
    groups[m.entity].mentions.push_back(i);
    done[i] = true;
  }
  // Pass 2: one-word person names: a short form of a longer name in the
  // article (the nearest before, else after), else a person of their own.
  // Indexed by word so a long article costs n log n, not n².
  std::unordered_map<std::string, std::vector<std::pair<uint64_t, int>>> by_word;  // in text order
  for (size_t j = 0; j < mentions.size(); ++j) {
    const Mention& o = mentions[j];
    // A name of several words the tagger called a place and no dictionary
    // knows ("Dian Patria") may be the person a later short form names.
    bool maybe_person = o.type == "LOC" && o.kb < 0 && o.kind == PhraseKind::kName && !o.street;
    if (!done[j] || (o.type != "PER" && !maybe_person) || o.entity < 0) continue;
    std::vector<std::string> full = Words(o.kb >= 0 ? k.entities()[o.kb].name : CollapseSpace(o.text));
    if (full.size() < 2) continue;
    std::sort(full.begin(), full.end());
    full.erase(std::unique(full.begin(), full.end()), full.end());
    for (const auto& w : full) by_word[w].emplace_back(Position(o), o.entity);
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (done[i]) continue;
    Mention& m = mentions[i];
    std::string text = CollapseSpace(m.text);
    int best = -1;
    auto it = by_word.find(text);
    if (it != by_word.end()) {
      const auto& list = it->second;
      auto after = std::lower_bound(list.begin(), list.end(), std::make_pair(Position(m), -1));
      best = after != list.begin() ? std::prev(after)->second : list.front().second;
    }
    if (best < 0) best = static_cast<int>(group_for("PER:" + text, -1, "PER", text));
    if (groups[best].type == "LOC") groups[best].type = "PER";  // "Dian Patria" … "Dian": a person after all
    m.entity = best;
    groups[best].mentions.push_back(i);
    done[i] = true;
  }

  // Order entities by first mention.
  for (auto& g : groups)
    std::sort(g.mentions.begin(), g.mentions.end(),
              [&](size_t a, size_t b) { return Position(mentions[a]) < Position(mentions[b]); });
  std::vector<size_t> order(groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return Position(mentions[groups[a].mentions.front()]) < Position(mentions[groups[b].mentions.front()]);
  });

  std::vector<Entity> out;
  std::vector<size_t> entity_of_group(groups.size());
  std::vector<std::pair<size_t, const Mention*>> patron_of;  // (entity, the mention whose role names a patron)
  for (size_t gi : order) {
    entity_of_group[gi] = out.size();
    const Group& g = groups[gi];
    Entity e;
    e.id = "e" + std::to_string(out.size() + 1);
    e.type = g.type;
    e.name = g.text;
    const Role* role = nullptr;
    size_t role_mention = 0;
    for (size_t mi : g.mentions) {
      const Mention& m = mentions[mi];
      if (!role && m.role.found) { role = &m.role; role_mention = mi; }
      if (!e.mentions.empty() && e.mentions.back().span.start == m.span.start &&
          e.mentions.back().in_title_field == m.in_title_field)
        continue;
      EntityMention out{m.span, m.in_title_field, {}};
      if (m.role.found && m.role.end > m.role.begin) out.role = SpanOf(m.sentence, m.role.begin, m.role.end);
      e.mentions.push_back(out);
    }
    const Mention& first = mentions[g.mentions.front()];
    // The longest name the article uses for an entity it introduced.
    if (g.kb < 0 && !first.agent.agent && !first.office.title)
      for (size_t mi : g.mentions)
        if (mentions[mi].kind != PhraseKind::kTitle && CollapseSpace(mentions[mi].text).size() > e.name.size())
          e.name = CollapseSpace(mentions[mi].text);
    if (g.kb >= 0) {
      const KbEntity& kb = k.entities()[g.kb];
      e.kb = kb.key;
      e.subtype = kb.subtype;
      e.country = kb.country;
      e.actor = kb.actor;
      if (kb.type == "PER") {
        auto offices = k.OfficesOf(static_cast<uint32_t>(g.kb), ctx.date);
        std::stable_sort(offices.begin(), offices.end(), [](const Office* a, const Office* b) {
          return PositionRank(a->position) < PositionRank(b->position);
        });
        if (!offices.empty()) {
          e.subtype = offices.front()->position;
          e.actor = offices.front()->actor;
          e.role = offices.front()->label;
          if (!offices.front()->country.empty()) e.country = offices.front()->country;
        } else if (role) {
          e.subtype = role->position;
          e.role = std::string(Text(mentions[role_mention].sentence, role->begin, role->end));
          if (!e.country.empty() && !role->role.empty()) e.actor = e.country + role->role;
        } else if (const Office* past = LastOfficeBefore(static_cast<uint32_t>(g.kb)); past && !e.country.empty()) {
          // Out of office on the date: one of the state's elites (CAMEO ELI).
          e.subtype = "former_" + past->position;
          e.role = "former " + past->label;
          e.actor = e.country + "ELI";
        }
      }
    } else if (first.office.title) {
      e.subtype = first.office.title->position;
      e.country = first.office.country;
      e.role = e.name;
      e.actor = e.country + first.office.title->role;
    } else if (first.agent.agent) {
      const Agent& a = *first.agent.agent;
      static const char* const kKinds[] = {"agent", "people", "ethnic", "religion"};
      e.subtype = kKinds[static_cast<int>(a.kind)];
      e.country = first.agent.country;
      e.group = a.group;
      if (!e.country.empty()) e.actor = e.country + a.sector;
    } else if (first.street) {
      e.subtype = "street";
    } else if (e.type == "PER" && role) {
      const Mention& m = mentions[role_mention];
      e.subtype = role->position;
      e.country = role->country;
      e.role = std::string(Text(m.sentence, role->begin, role->end));
      if (!e.country.empty() && !role->role.empty()) e.actor = e.country + role->role;
    } else if (e.type == "ORG") {
      const Mention& m = mentions[g.mentions.front()];
      NameSpan n{m.begin, m.end, "ORG", -1, PhraseKind::kName, true};
      const OrgHead* head = HeadOf(m.sentence, n);
      e.country = OrgCountry(m.sentence, n);
      if (head) {
        e.subtype = head->subtype;
        // An Indonesian state body with no state named is Indonesia's.
        if (!e.country.empty() && !head->role.empty()) e.actor = e.country + head->role;
      }
    }
    if (e.type == "PER" && e.actor.empty() && role && role->patron >= 0)
      patron_of.emplace_back(out.size(), &mentions[role_mention]);
    out.push_back(std::move(e));
  }
  // "Stein spokeswoman X" with Jill Stein named before: the patron's camp,
  // known once every mention has its entity.
  for (const auto& [index, m] : patron_of) {
    const NameSpan& patron = sentences[m->sentence].names.names[m->role.patron];
    for (const Mention& p : mentions) {
      if (p.sentence != m->sentence || p.begin != patron.begin || p.entity < 0) continue;
      const Entity& camp = out[entity_of_group[static_cast<size_t>(p.entity)]];
      if (camp.actor.size() >= 6) {
        Entity& e = out[index];
        e.country = camp.actor.substr(0, 3);
        e.actor = camp.actor.substr(0, 6);
      }
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<Entity> LinkEntities(std::string_view original, const std::vector<Sentence>& sentences,
                                 const EntityKnowledge& k, const LinkContext& context,
                                 std::string_view title_field, const std::vector<Sentence>& title_sentences) {
  Builder b{original, k, context, {}, {}};
  b.sentences.reserve(sentences.size() + title_sentences.size());
  // A "sentence" of thousands of tokens (a page with no full stops, or
  // hostile input) is read in pieces, so no per-sentence step grows with its
  // square.
  constexpr size_t kMaxTokens = 256;
  auto add = [&](const Sentence& s, std::string_view text, bool in_title_field, bool headline) {
    const TokenView tokens(text, s);
    for (size_t begin = 0; begin < tokens.size(); begin += kMaxTokens) {
      SentenceData sd;
      sd.tokens = tokens.sub(begin, std::min(tokens.size(), begin + kMaxTokens));
      sd.in_title_field = in_title_field;
      sd.names = RecognizeNames(sd.tokens, k, headline, context.lang);
      sd.Index();
      b.sentences.push_back(std::move(sd));
    }
  };
  for (const Sentence& s : title_sentences) add(s, title_field, true, true);
  for (size_t i = 0; i < sentences.size(); ++i) add(sentences[i], original, false, i < context.headline_sentences);
  b.Collect();
  return b.Group();
}

}  // namespace warta
