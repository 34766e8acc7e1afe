// Actors named by a common noun, the article's setting and bracketed
// abbreviations: the parts of LinkEntities that find actors beyond names.
#include "entities/linker_builder.h"

namespace warta::linker_internal {

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

namespace {

// One sentence read for actors named by a common noun: which tokens names
// and role phrases cover, and what stands next to a noun.
struct AgentScan {
  Builder& b;
  size_t s;
  size_t first_mention;
  const SentenceData& sd;
  const std::vector<NameSpan>& names;
  size_t n;
  std::vector<int> name_at;   // the names index covering a token, -1 if none
  std::vector<bool> role_at;  // a token of a role phrase or a title-only mention

  AgentScan(Builder& builder, size_t sentence, size_t first)
      : b(builder), s(sentence), first_mention(first), sd(builder.sentences[sentence]), names(sd.names.names),
        n(sd.tokens.size()), name_at(n, -1), role_at(n, false) {
    for (size_t i = 0; i < names.size(); ++i)
      for (size_t t = names[i].begin; t < names[i].end; ++t) name_at[t] = static_cast<int>(i);
    for (size_t mi = first_mention; mi < b.mentions.size(); ++mi) {
      const Mention& m = b.mentions[mi];
      if (m.kind == PhraseKind::kTitle)  // title-only mentions ("Presiden AS", "Menteri Dalam Negeri")
        for (size_t t = m.begin; t < m.end && t < n; ++t) role_at[t] = true;
      if (m.role.found)
        for (size_t t = m.role.begin; t < m.role.end; ++t) role_at[t] = true;
    }
  }

  static bool IsGroup(const Agent* a) {
    return a && (a->kind == Agent::Kind::kEthnic || a->kind == Agent::Kind::kReligion);
  }

  void DropName(int ni) {  // the mention of names[ni], absorbed into a phrase
    for (size_t mi = first_mention; mi < b.mentions.size(); ++mi)
      if (b.mentions[mi].begin == names[ni].begin && !b.mentions[mi].agent.agent) b.mentions[mi].dropped = true;
  }

  // The agent or group phrase at token i, with its length; nullptr if none.
  const Agent* At(size_t i, size_t* len) const {
    if (role_at[i]) return nullptr;
    size_t limit = SIZE_MAX;
    // "Pemerintah Kota Malang": not "pemerintah kota" over the start of the name "Kota Malang".
    for (size_t t = i + 1; t < n && t - i < 8; ++t)
      if (name_at[t] >= 0 && names[name_at[t]].begin == t) {
        limit = t - i;
        break;
      }
    const Agent* a = b.k.agents().LongestAt(sd.tokens, i, b.ctx.lang, len);
    // A group's name may hold a state's ("ethnic Russians"); an agent stops before a name.
    if (a && !IsGroup(a) && *len > limit) a = b.k.agents().LongestAt(sd.tokens, i, b.ctx.lang, len, limit);
    // A modifier, not an actor: "bantuan militer" (the word used as an
    // adjective), "military aid", "police station" (before a noun in English
    // that names no people: not "military leaders", "police officers").
    if (a && a->kind == Agent::Kind::kBody) {
      size_t next_len = 0, after = i + *len;
      bool modifier = (b.ctx.lang != "en" && *len == 1 && sd.tokens[i].upos == Upos::kAdj) ||
                      (b.ctx.lang == "en" && after < n && sd.tokens[after].upos == Upos::kNoun &&
                       !StartsUpper(sd.tokens.surface(after)) && !b.TitleStartingAt(s, after) &&
                       !b.k.agents().LongestAt(sd.tokens, after, b.ctx.lang, &next_len));
      if (modifier) a = nullptr;
    }
    return a;
  }

  // Whether the phrase [i, i + len) may be an actor: outside role phrases and
  // names, except the name `opening` it overrides and names inside a group's
  // phrase ("Ethnic Russians"), never a person's name that opens with the
  // group's word ("Muslim Jaya Butar-butar").
  bool Clear(size_t i, size_t len, bool group, int opening) const {
    for (size_t t = i; t < i + len; ++t) {
      if (role_at[t]) return false;
      int ni = name_at[t];
      bool inside_group = group && ni >= 0 && names[ni].begin >= i && names[ni].end <= i + len && names[ni].type != "PER";
      if (ni >= 0 && ni != opening && !inside_group) return false;
    }
    return true;
  }

  // The state named next to the noun, absorbing its name into [*begin, *end):
  // "polisi Malaysia", "pemerintah Jakarta", "jurnalis asal Myanmar",
  // "Israeli troops". False when the noun is no actor of its own: it
  // describes the name after it ("partai Golkar", "polisi Budi") or is an
  // organisation's members ("Hezbollah fighters").
  bool StateNextTo(size_t* begin, size_t* end, std::string* country) {
    int after = *end < n ? name_at[*end] : -1;
    if (after >= 0 && (names[after].type == "ORG" || names[after].type == "PER")) return false;
    if (country->empty() && after >= 0 && names[after].begin == *end) {
      *country = b.StateOfPlace(names[after]);
      if (!country->empty()) {
        DropName(after);
        *end = names[after].end;
      }
    }
    // After an origin word or an adjective: "jurnalis asal Myanmar", "utusan khusus Amerika Serikat".
    if (country->empty() && *end + 1 < n && name_at[*end] < 0 && name_at[*end + 1] >= 0 &&
        names[name_at[*end + 1]].begin == *end + 1 &&
        (b.k.PlaceWordOf(sd.tokens.folded(*end), b.ctx.lang) == PlaceWord::kOrigin ||
         sd.tokens[*end].upos == Upos::kAdj)) {
      int origin = name_at[*end + 1];
      std::string c = b.StateOfPlace(names[origin]);
      if (!c.empty() && names[origin].kind != PhraseKind::kCapital) {
        *country = c;
        DropName(origin);
        *end = names[origin].end;
      }
    }
    int before = *begin > 0 ? name_at[*begin - 1] : -1;
    if (before < 0 || names[before].end != *begin) return true;
    if (names[before].type == "ORG") return false;
    if (country->empty() && (names[before].kind == PhraseKind::kDemonym || names[before].kind == PhraseKind::kName)) {
      *country = b.StateOfPlace(names[before]);
      if (!country->empty()) {
        DropName(before);
        *begin = names[before].begin;
      }
    }
    return true;
  }
};

}  // namespace

// Actors named by a common noun, outside names and role phrases: "polisi
// Malaysia", "Israeli troops", "warga", "etnis Uighur". A state named next to
// the noun is the actor's (its mention is absorbed); else the sentence's or
// article's setting, else the home country. An ethnic or religious group's
// name never makes it a state ("ethnic Russians in Ukraine" are Ukraine's).
void Builder::Agents(size_t s, size_t first_mention) {
  AgentScan scan(*this, s, first_mention);
  const auto& names = scan.names;
  for (size_t i = 0; i < scan.n;) {
    size_t len = 0;
    const Agent* a = scan.At(i, &len);
    const bool group = AgentScan::IsGroup(a);
    // "Security forces fired ...", "Polisi Malaysia menangkap ...": a capital at
    // the sentence's start the tagger took for a name no dictionary knows.
    int opening = scan.name_at[i];
    bool overrides = opening >= 0 && names[opening].kb < 0 && names[opening].begin == i &&
                     (i == 0 || !IsWordToken(scan.sd.tokens.surface(i - 1)));
    if (!a || !scan.Clear(i, len, group, overrides ? opening : -1)) {
      ++i;
      continue;
    }
    size_t begin = i, end = i + len;
    std::string country;
    if (overrides) {
      // The rest of the name, if any, is a state a dictionary names ("Malaysia");
      // a longer name ("Pasukan Dukungan Cepat") is the actor itself.
      size_t rest = end;
      for (const DictionaryMatch& d : scan.sd.names.matches)
        if (d.begin == end && d.end <= names[opening].end && d.entry->kind != PhraseKind::kTitle &&
            d.entry->kind != PhraseKind::kOrgHead && k.entities()[d.entry->ref].type == "LOC") {
          country = k.entities()[d.entry->ref].country;
          rest = std::max(rest, d.end);
        }
      if (rest < names[opening].end) {
        i = names[opening].end;
        continue;
      }
      scan.DropName(opening);
      end = std::max(end, names[opening].end);
    }
    if (group) {  // the group's name is not a state: "ethnic Russians", "etnis Tionghoa"
      for (size_t t = begin; t < end; ++t)
        if (scan.name_at[t] >= 0) scan.DropName(scan.name_at[t]);
    } else if (!scan.StateNextTo(&begin, &end, &country)) {
      i = end;
      continue;
    }
    if (country.empty()) country = Setting(s, a->kind == Agent::Kind::kBody);
    Mention m = MakeMention(s, begin, end, a->kind == Agent::Kind::kBody ? "ORG" : "GRP");
    m.agent = {a, country};
    mentions.push_back(std::move(m));
    i = end;
  }
}

}  // namespace warta::linker_internal
