// Role phrases around a person's name: the title, the organisation and the
// state before the name ("juru bicara kedutaan China Liu Pengyu"), in
// apposition after it ("Liu Pengyu, juru bicara ..."), shared by coordinated
// names, and finished into a CAMEO sector and a state.
#include "entities/linker_builder.h"

namespace warta::linker_internal {

// Adds what a name inside a role phrase says: its state, its organisation.
// `nearer_title`: this name is nearer the title than those absorbed before.
void Builder::Absorb(size_t s, const NameSpan& n, int index, Role* r, bool nearer_title) const {
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
Role Builder::RoleBefore(size_t s, size_t name_begin) const {
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
Role Builder::RoleAfter(size_t s, size_t name_end) const {
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
  // "Kim Soo-yeon, a professor of international relations in Seoul, said":
  // English appositions go on past the title; the place or organisation in
  // them, up to the comma that closes them, gives the state.
  if (ctx.lang == "en" && r.country.empty()) {
    for (size_t e = j; e < tokens.size() && e - j < 10; ++e) {
      std::string_view w = tokens.surface(e);
      if (w == ",") {
        for (size_t i = j; i < e; ++i)
          if (int n = NameStartingAt(s, i); n >= 0 && names[n].type != "PER" && r.country.empty())
            Absorb(s, names[n], n, &r, false);
        break;
      }
      if (w == "." || w == ";" || w == "\"" || tokens[e].upos == Upos::kVerb) break;
    }
  }
  return r;
}

// "Sens. Jon Tester (D-Mont.) and David Vitter": a name joined to the one
// before it takes that one's role, as finished for it.
Role Builder::CoordinatedRole(size_t s, size_t first_mention, size_t begin) const {
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


void Builder::FinishRole(size_t s, Role* r) const {
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

}  // namespace warta::linker_internal
