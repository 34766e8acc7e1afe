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

// Words before a capital that make it a place rather than its government.
const std::unordered_set<std::string_view>& PlaceWords() {
  static const std::unordered_set<std::string_view> words = {
      "di", "ke", "dari", "menuju", "kota", "sekitar", "wilayah", "pusat", "in", "to", "from", "near", "at",
      "outside", "around", "into", "across", "visit", "visited", "mengunjungi", "kunjungan", "tiba", "arrived"};
  return words;
}

// Offices in order of precedence, for a person who holds several at once.
int PositionRank(std::string_view p) {
  static const char* const kOrder[] = {"head_of_state", "head_of_government", "igo_head", "vice_president",
                                       "foreign_minister", "defence_minister", "minister", "speaker",
                                       "military_chief", "police_chief", "intelligence_chief", "fm_spokesperson"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (p == kOrder[i]) return static_cast<int>(i);
  return 100;
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
  int org = -1;  // names index of an organisation in the phrase
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
};

// Mentions in the title field come before those in the text.
uint64_t Position(const Mention& m) { return (m.in_title_field ? 0 : (uint64_t{1} << 48)) + m.span.start; }

struct Builder {
  std::string_view original;
  const EntityKnowledge& k;
  const LinkContext& ctx;
  std::vector<SentenceData> sentences;
  std::vector<Mention> mentions;

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
    std::string named = CountryNamedIn(s, n);
    if (!named.empty()) return named;
    // An organisation with an Indonesian head word ("Universitas", "Kementerian") is Indonesian.
    const OrgHead* h = HeadOf(s, n);
    return h && h->lang == "id" ? "IDN" : "";
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
  void Absorb(size_t s, const NameSpan& n, int index, Role* r) const {
    if (n.type == "ORG") {
      if (r->org < 0) r->org = index;
      if (r->country.empty()) r->country = OrgCountry(s, n);
    } else if (r->country.empty()) {
      r->country = CountryOf(n);
    }
  }

  // "juru bicara kedutaan China [Liu Pengyu]", "Russian President [Vladimir Putin]".
  Role RoleBefore(size_t s, size_t name_begin) const {
    Role r;
    const auto& names = sentences[s].names.names;
    const auto& tokens = sentences[s].tokens;
    size_t j = name_begin, start = name_begin;
    const DictionaryMatch* nearest_title = nullptr;
    while (j > 0 && name_begin - j < 12) {
      if (const DictionaryMatch* t = TitleEndingAt(s, j)) {
        if (!nearest_title && k.titles()[t->entry->ref].position != "honorific") nearest_title = t;
        j = t->begin;
        start = j;
        continue;
      }
      int n = NameEndingAt(s, j);
      if (n >= 0 && names[n].type != "PER") {
        Absorb(s, names[n], n, &r);
        j = names[n].begin;
        start = j;
        continue;
      }
      if (IsRoleGlue(tokens.folded(j - 1)) || (j == name_begin && tokens.surface(j - 1) == ",")) {
        --j;
        continue;
      }
      // A few ordinary words between a title and its organisation ("Pengamat
      // hubungan internasional dari Universitas X"): kept only if a title
      // comes before them.
      size_t words = 0;
      while (j - words > 0 && words < 4 && !StartsUpper(tokens.surface(j - words - 1)) &&
             IsWordToken(tokens.surface(j - words - 1)) && !TitleEndingAt(s, j - words))
        ++words;
      if (words > 0 && j - words > 0 && TitleEndingAt(s, j - words)) {
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
        Absorb(s, names[n], n, &r);
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

  void FinishRole(size_t s, Role* r) const {
    if (!r->found) return;
    if (r->former) {
      r->position = "former_" + r->position;
      r->role.clear();  // no actor code: a former official does not act for the state
      return;
    }
    if (r->role.empty() && r->org >= 0) r->role = OrgRole(s, sentences[s].names.names[r->org]);
    if (r->role.empty() && !r->country.empty()) r->role = "GOV";
    // "Menlu X", "Anggota Komisi I DPR X" in Indonesian news, no state named:
    // Indonesia's. Not for heads of state or government, whose state the
    // press always names ("Presiden Nigeria").
    static const std::unordered_set<std::string_view> kStateRoles = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"};
    if (r->country.empty() && ctx.lang == "id" && kStateRoles.count(r->role) && r->position != "head_of_state" &&
        r->position != "head_of_government" && r->position != "monarch") {
      r->country = "IDN";
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

  // A capitalised word that is not an ordinary word: "Xi", not "Pada".
  bool LooksLikeName(std::string_view token) const {
    return StartsUpper(token) && !k.IsCommonWord(token);
  }

  void Collect();
  void TitleOnlyMentions(size_t s);
  void ShortForms();
  std::vector<Entity> Group();
};

void Builder::Collect() {
  for (size_t s = 0; s < sentences.size(); ++s) {
    SentenceData& sd = sentences[s];
    for (const NameSpan& n : sd.names.names) {
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
        if (n.kind == PhraseKind::kCapital) {
          bool place = n.begin > 0 && PlaceWords().count(sd.tokens.folded(n.begin - 1));
          if (!place) m.kb = k.Find("country/" + e.country);  // "Beijing menegaskan": the government
        }
      }
      if (m.type == "PER") {
        m.role = RoleBefore(s, n.begin);
        if (!m.role.found) m.role = RoleAfter(s, n.end);
        FinishRole(s, &m.role);
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
  }
  ShortForms();
  std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return Position(a) < Position(b);
  });
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
    if (country.empty()) {
      // Bare "Presiden" in Indonesian news is Indonesia's.
      bool capital_letter = StartsUpper(sd.tokens.surface(m.begin));
      if (ctx.lang == "id" && capital_letter && (title.position == "head_of_state" || title.position == "vice_president"))
        country = "IDN";
      else
        continue;
    }
    // Only an office one person holds on the date ("Presiden AS"; not "Menteri").
    auto holders = k.Holders(OfficePosition(title.position), country, ctx.date);
    if (holders.empty()) continue;
    bool one_person = true;
    for (const Office* o : holders) one_person &= o->person == holders.front()->person;
    if (!one_person) continue;
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
    if (m.kb >= 0) {
      const KbEntity& e = k.entities()[m.kb];
      m.entity = static_cast<int>(group_for("kb:" + e.key, m.kb, e.type, e.name));
    } else if (m.type != "PER" || Words(CollapseSpace(m.text)).size() > 1) {
      std::string text = CollapseSpace(m.text);
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
    bool maybe_person = o.type == "LOC" && o.kb < 0 && o.kind == PhraseKind::kName;
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
  for (size_t gi : order) {
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
    // The longest name the article uses for an entity it introduced.
    if (g.kb < 0)
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
        }
      }
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
    out.push_back(std::move(e));
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
