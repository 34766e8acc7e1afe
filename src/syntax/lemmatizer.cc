// The lemmatizer: hand-written rules checked against a lexicon learned from
// the UD treebanks.
//
// Indonesian: an affix stripper in the style of Nazief & Adriani (1996) and
// the Enhanced Confix Stripping stemmer (Arifin, Mahendra & Ciptaningtyas
// 2009). The affixes are data (data/syntax/id_morphology.tsv): particles
// (-lah, -kah), possessive clitics (-nya, -ku), one derivational suffix (-kan,
// -an, -i), up to three stacked prefixes (memper-, diper-, keber-) with the
// nasal assimilation of meN-/peN- (mem+ukul → pukul, meny+erang → serang) as
// alternatives to try, confixes that never occur (me-…-an) and the voice each
// affix marks. The code enumerates the readings in ECS order (the whole word,
// then suffixes only, then prefixes breadth-first on the stem with the most
// suffixes removed, restoring suffixes one by one) and takes the first whose
// root is a known root — hand-written roots, the treebank's lemmas and the
// words the treebank shows unaffixed (the lexicon TrainLemmaLexicon writes) —
// so that a known word ("menang", "perang", "pemilu") is never stripped. A
// word no known root explains is guessed from its most stripped reading whose
// root looks like an Indonesian root (two syllables, a possible onset and
// coda), on open-class tags only. Reduplication ("anak-anak", "pukul-memukul",
// "berhari-hari") gives the lemma both halves share.
//
// English: a (form, tag) lookup learned from EWT (irregular forms, pronouns,
// contractions), then suffix rules by tag (plural -s/-es/-ies; -ed/-ing with
// consonant doubling and silent e, data/syntax/en_morphology.tsv; -er/-est for
// adjectives whose base is known), preferring a known lemma where rules are
// ambiguous; proper nouns keep their form.
//
// Why hand-written: no Debian package lemmatizes Indonesian (Sastrawi and
// MorphInd are not packaged; Debian's hunspell-id has no morphology), and
// English lemmatizers there (WordNet's morphy, spaCy) are Python with their own
// tokens; warta needs one in C++ on its own tokens, fast (a few hash lookups
// per token, no allocation beyond the returned lemma).
#include "syntax/lemmatizer.h"

#include <algorithm>
#include <array>

#include "syntax/lemma_impl.h"
#include "util/strings.h"
#include "util/tsv.h"

namespace warta {
namespace lemma {
namespace {

// Longer words are kept as they are (no Indonesian word is this long).
constexpr size_t kMaxWord = 48;

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsConsonant(char c) { return IsLetter(c) && !IsVowel(c); }

// A stem: `lead` letters before a view of the word (mem+ukul: "p" + "ukul").
struct Stem {
  std::array<char, 6> lead{};
  uint8_t n = 0;
  std::string_view rest;

  size_t size() const { return n + rest.size(); }
  char at(size_t i) const { return i < n ? lead[i] : rest[i - n]; }
  bool StartsWith(std::string_view s) const {
    if (s.size() > size()) return false;
    for (size_t i = 0; i < s.size(); ++i)
      if (at(i) != s[i]) return false;
    return true;
  }
  bool Equals(std::string_view s) const { return size() == s.size() && StartsWith(s); }
  Stem Drop(size_t k) const {
    Stem r;
    if (k < n) {
      r.n = static_cast<uint8_t>(n - k);
      for (size_t i = 0; i < r.n; ++i) r.lead[i] = lead[k + i];
      r.rest = rest;
    } else {
      r.rest = rest.substr(k - n);
    }
    return r;
  }
  uint64_t Hash() const { return Fnv1a64(rest, Fnv1a64(std::string_view(lead.data(), n))); }
  std::string Str() const {
    std::string s;
    s.reserve(size());
    s.append(lead.data(), n);
    s.append(rest);
    return s;
  }
};

bool MatchPattern(const Stem& s, std::string_view pattern) {
  if (s.size() < pattern.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char p = pattern[i], c = s.at(i);
    if (p == 'V' ? !IsVowel(c) : p == 'C' ? !IsConsonant(c) : c != p) return false;
  }
  return true;
}

// One reading of a word's affixes.
struct Parse {
  Stem root;
  int outer = -1;  // the outermost prefix (index in Model::prefixes)
  int deriv = -1;  // the derivational suffix (index in Model::derivs)
  int affixes = 0;
  int clitics = 0;          // of affixes: particles and possessives
  bool known_only = false;  // an option taken only for a known root
};

struct State {
  std::string_view stem;
  int deriv = -1;
  int affixes = 0;
  int clitics = 0;
};

constexpr size_t kMaxNodes = 48;

// Calls f on each prefix reading of `st`, breadth-first; true when f stopped it.
template <typename F>
bool ForEachPrefixParse(const Model& m, const State& st, F& f) {
  struct Node {
    Stem stem;
    int outer = -1;
    int family = -1;
    bool known_only = false;
  };
  std::array<Node, kMaxNodes> a, b;
  std::array<Node, kMaxNodes>* cur = &a;
  std::array<Node, kMaxNodes>* next = &b;
  size_t nc = 1;
  a[0].stem.rest = st.stem;
  const size_t nf = m.families.size(), nd = m.derivs.size();
  for (int depth = 1; depth <= 3 && nc > 0; ++depth) {
    size_t nn = 0;
    for (size_t i = 0; i < nc; ++i) {
      const Node& node = (*cur)[i];
      for (size_t pi = 0; pi < m.prefixes.size(); ++pi) {
        const Prefix& px = m.prefixes[pi];
        if (node.family >= 0 && !m.stack[node.family * nf + px.family]) continue;
        if (!node.stem.StartsWith(px.text)) continue;
        Stem rest = node.stem.Drop(px.text.size());
        if (rest.size() < 2) continue;
        if (node.outer < 0 && st.deriv >= 0 && m.confix[px.family * nd + st.deriv].forbid) continue;
        for (const PrefixOption& o : px.options) {
          Stem child = rest;
          if (!o.lead.empty()) {
            if (rest.n != 0 || !IsVowel(rest.at(0))) continue;
            child.n = static_cast<uint8_t>(o.lead.size());
            std::copy(o.lead.begin(), o.lead.end(), child.lead.begin());
          } else if (!MatchPattern(rest, o.pattern)) {
            continue;
          }
          Parse p;
          p.root = child;
          p.outer = node.outer >= 0 ? node.outer : static_cast<int>(pi);
          p.deriv = st.deriv;
          p.affixes = st.affixes + depth;
          p.clitics = st.clitics;
          p.known_only = node.known_only || o.known_only;
          if (f(p)) return true;
          if (nn < kMaxNodes) (*next)[nn++] = Node{child, p.outer, px.family, p.known_only};
        }
      }
    }
    std::swap(cur, next);
    nc = nn;
  }
  return false;
}

// Calls f on each reading of w's affixes in ECS order; true when f stopped it.
template <typename F>
bool ForEachParse(const Model& m, std::string_view w, F&& f) {
  std::array<State, 3> base;  // the word, less its particle, less its possessive
  size_t nb = 0;
  base[nb++] = State{w, -1, 0};
  auto strip = [&](const std::vector<Suffix>& list) {
    std::string_view s = base[nb - 1].stem;
    for (const Suffix& x : list) {
      if (s.size() >= x.text.size() + 3 && EndsWith(s, x.text)) {
        base[nb] = State{s.substr(0, s.size() - x.text.size()), -1, base[nb - 1].affixes + 1, base[nb - 1].clitics + 1};
        ++nb;
        return;
      }
    }
  };
  strip(m.particles);
  strip(m.possessives);
  std::array<State, 6> der;
  size_t nd = 0;
  std::string_view s = base[nb - 1].stem;
  for (size_t i = 0; i < m.derivs.size() && nd < der.size(); ++i) {
    const std::string& d = m.derivs[i].text;
    if (s.size() >= d.size() + 3 && EndsWith(s, d))
      der[nd++] = State{s.substr(0, s.size() - d.size()), static_cast<int>(i), base[nb - 1].affixes + 1,
                        base[nb - 1].clitics};
  }
  auto bare = [&](const State& st) {
    Parse p;
    p.root.rest = st.stem;
    p.deriv = st.deriv;
    p.affixes = st.affixes;
    p.clitics = st.clitics;
    return f(p);
  };
  for (size_t i = 0; i < nb; ++i)
    if (bare(base[i])) return true;
  for (size_t i = 0; i < nd; ++i)
    if (bare(der[i])) return true;
  if (m.prefixes.empty()) return false;
  for (size_t i = 0; i < nd; ++i)
    if (ForEachPrefixParse(m, der[i], f)) return true;
  for (size_t i = nb; i-- > 0;)
    if (ForEachPrefixParse(m, base[i], f)) return true;
  return false;
}

// Syllables: vowels, a final diphthong (-ai, -au, -oi, -ei) counted once.
int Syllables(const Stem& s) {
  size_t n = s.size();
  int vowels = 0;
  for (size_t i = 0; i < n; ++i) vowels += IsVowel(s.at(i));
  if (n >= 2) {
    char a = s.at(n - 2), z = s.at(n - 1);
    if ((a == 'a' && (z == 'i' || z == 'u')) || ((a == 'o' || a == 'e') && z == 'i')) --vowels;
  }
  return vowels;
}

// The reading with the fewest affixes whose root is known (the first in ECS
// order of those): "dinilai" is di+nilai, not di+nila+i. A root reached
// through affixes has three letters or more, and two syllables unless it is a
// hand-written root ("bom"); a suffix not guessed on nouns (-kan, -i) is not
// stripped from a NOUN ("kursi" is not kurs+i).
bool KnownParse(const Model& m, std::string_view w, Upos tag, Parse* out) {
  if (m.IsRoot(Fnv1a64(w))) {
    *out = Parse{};
    out->root.rest = w;
    return true;
  }
  int best = 1 << 20;
  ForEachParse(m, w, [&](const Parse& p) {
    if (p.affixes >= best || p.affixes == 0 || p.root.size() < 3) return false;
    if (tag == Upos::kNoun && p.deriv >= 0 && !(m.derivs[p.deriv].guess_tags & TagBit(Upos::kNoun))) return false;
    uint32_t v = m.roots.Find(p.root.Hash());
    if (v == FlatHash64::kMissing || (!(v & kHandRoot) && Syllables(p.root) < 2)) return false;
    best = p.affixes;
    *out = p;
    return best <= 1;
  });
  return best < (1 << 20);
}

// Whether a guessed root looks like an Indonesian root: letters only, at least
// three, two syllables (a final diphthong is one), an onset and a coda
// Indonesian (or its loanwords) has.
bool Plausible(const Stem& s) {
  size_t n = s.size();
  if (n < 3) return false;
  for (size_t i = 0; i < n; ++i)
    if (!IsLetter(s.at(i))) return false;
  char a = s.at(n - 2), z = s.at(n - 1);
  if (z == 'w' || z == 'y' || z == 'j' || z == 'c' || z == 'v' || z == 'q' || z == 'x' || z == 'z') return false;
  if (Syllables(s) < 2) return false;
  if (IsConsonant(s.at(0)) && IsConsonant(s.at(1))) {
    static constexpr std::array<std::string_view, 24> kOnsets = {"ny", "ng", "sy", "kh", "tr", "pr", "kr", "gr",
                                                                 "br", "dr", "fr", "bl", "pl", "kl", "gl", "fl",
                                                                 "sl", "st", "sp", "sk", "sm", "sn", "sw", "ps"};
    char on[2] = {s.at(0), s.at(1)};
    if (std::find(kOnsets.begin(), kOnsets.end(), std::string_view(on, 2)) == kOnsets.end()) return false;
  }
  if (IsConsonant(a) && IsConsonant(z)) {
    static constexpr std::array<std::string_view, 14> kCodas = {"ng", "ks", "ns", "rs", "st", "rt", "nt",
                                                                "nk", "rk", "rm", "lm", "lt", "kt", "ps"};
    char co[2] = {a, z};
    if (std::find(kCodas.begin(), kCodas.end(), std::string_view(co, 2)) == kCodas.end()) return false;
  }
  return true;
}

constexpr uint32_t kGuessTags =
    TagBit(Upos::kNoun) | TagBit(Upos::kVerb) | TagBit(Upos::kAdj) | TagBit(Upos::kAdv);

// Whether the prefixes of a reading may be guessed on `tag`: a verbal prefix
// (meN-, di-, ber-, ter-) on a VERB or ADJ, a nominal one (peN-) on a NOUN,
// one that marks nothing (se-, ke-, per-) only with a suffix (ke-…-an).
bool PrefixFits(const Model& m, const Parse& p, Upos tag) {
  if (p.outer < 0) return true;
  Voice v = m.prefixes[p.outer].voice.noun;
  if (v == Voice::kActive || v == Voice::kPassive) return tag == Upos::kVerb || tag == Upos::kAdj;
  if (v == Voice::kNominal) return tag == Upos::kNoun;
  return p.deriv >= 0;
}

// The most stripped plausible reading whose affixes fit the tag: a
// derivational affix counts twice a clitic ("menikah" is me+nikah, not
// meni+kah), a root of four letters or more wins a tie. A suffix is guessed
// only on its TAGS, or in a confix the table gives a voice (ber-…-an on a
// VERB); -i never after s ("dominasi", "prediksi" keep it).
bool GuessParse(const Model& m, std::string_view w, Upos tag, Parse* out) {
  if (!(kGuessTags & TagBit(tag))) return false;
  int best = -1;
  ForEachParse(m, w, [&](const Parse& p) {
    if (p.affixes == 0 || p.known_only || !PrefixFits(m, p, tag)) return false;
    if (p.deriv >= 0) {
      const Suffix& d = m.derivs[p.deriv];
      if (!(d.guess_tags & TagBit(tag))) {
        if (p.outer < 0) return false;
        const VoiceSpec& c = m.confix[m.prefixes[p.outer].family * m.derivs.size() + p.deriv];
        if (c.forbid || (c.noun == Voice::kNone && c.verb == Voice::kNone)) return false;
      }
      if (d.text == "i" && p.root.at(p.root.size() - 1) == 's') return false;
    }
    if (!Plausible(p.root)) return false;
    int score = 4 * (p.affixes - p.clitics) + 2 * p.clitics + (p.root.size() >= 4 ? 1 : 0);
    if (score > best) {
      best = score;
      *out = p;
    }
    return false;
  });
  return best >= 0;
}

VoiceSpec SpecOf(const Model& m, const Parse& p) {
  if (p.outer >= 0) {
    const Prefix& px = m.prefixes[p.outer];
    if (p.deriv >= 0) {
      const VoiceSpec& c = m.confix[px.family * m.derivs.size() + p.deriv];
      if (!c.forbid && (c.noun != Voice::kNone || c.verb != Voice::kNone)) return c;
    }
    return px.voice;
  }
  if (p.deriv >= 0) return m.derivs[p.deriv].voice;
  return VoiceSpec{};
}

// The rules for one word without a hyphen.
bool IdWord(const Model& m, std::string_view w, Upos tag, LemmaAnalysis* out) {
  Parse p;
  if (KnownParse(m, w, tag, &p) || GuessParse(m, w, tag, &p)) {
    out->lemma = p.root.Str();
    out->voice = Resolve(SpecOf(m, p), tag);
    return true;
  }
  return false;
}

const Entry* IdException(const Model& m, std::string_view w, Upos tag) {
  const Entry* e = m.FindLemma(w, static_cast<uint8_t>(tag));
  return e ? e : m.FindLemma(w, kAnyTagByte);
}

LemmaAnalysis IdAnalyze(const Model& m, std::string_view w, Upos tag, bool exceptions);

// "anak-anak", "pukul-memukul", "berhari-hari", "kemerah-merahan": the root
// both halves share.
bool IdReduplication(const Model& m, std::string_view w, Upos tag, LemmaAnalysis* out) {
  size_t h = w.find('-');
  if (h == std::string_view::npos || h < 2 || w.size() - h - 1 < 2 || w.find('-', h + 1) != std::string_view::npos)
    return false;
  std::string_view left = w.substr(0, h), right = w.substr(h + 1);
  for (char c : w)
    if (c != '-' && !IsLetter(c)) return false;
  if (left == right) {
    *out = IdAnalyze(m, left, tag, true);
    out->voice = Voice::kNone;
    return true;
  }
  LemmaAnalysis r = IdAnalyze(m, right, tag, true);
  LemmaAnalysis l = IdAnalyze(m, left, tag, true);
  if (l.lemma != r.lemma) return false;
  out->lemma = std::move(r.lemma);
  out->voice = r.voice != Voice::kNone ? r.voice : l.voice;
  return true;
}

LemmaAnalysis IdAnalyze(const Model& m, std::string_view w, Upos tag, bool exceptions) {
  LemmaAnalysis out;
  if (tag == Upos::kPropn || tag == Upos::kPunct || tag == Upos::kSym) {
    out.lemma = std::string(w);
    return out;
  }
  if (exceptions) {
    if (const Entry* e = IdException(m, w, tag)) {
      out.lemma = e->lemma;
      out.voice = Resolve(e->voice, tag);
      return out;
    }
  }
  if (w.size() <= kMaxWord) {
    if (w.find('-') != std::string_view::npos) {
      if (IdReduplication(m, w, tag, &out)) return out;
    } else if (IdWord(m, w, tag, &out)) {
      return out;
    }
  }
  out.lemma = std::string(w);
  return out;
}

// ---- English ----

bool HasVowel(std::string_view s) {
  for (char c : s)
    if (IsVowel(c) || c == 'y') return true;
  return false;
}

constexpr uint32_t kVerbTags = TagBit(Upos::kVerb) | TagBit(Upos::kAux);

bool Known(const Model& m, std::string_view w, uint32_t tags) { return !w.empty() && m.IsRoot(w, tags); }

// A stem less -ed/-ing/-er/-est that takes back its silent e (creat → create).
bool TakesE(const Model& m, std::string_view stem) {
  for (const std::string& e : m.e_endings) {
    if (!EndsWith(stem, e)) continue;
    if (e.size() == 2 && IsVowel(e[0]) && stem.size() > 2 && IsVowel(stem[stem.size() - 3])) continue;
    return true;
  }
  return false;
}

int VowelGroups(std::string_view s) {
  int g = 0;
  bool in = false;
  for (char c : s) {
    bool v = IsVowel(c);
    if (v && !in) ++g;
    in = v;
  }
  return g;
}

// The base of a stem less -ed/-ing/-er/-est: undoubled (stopp → stop), with a
// silent e (creat → create) or as it is; a known lemma first.
std::string ChooseStem(const Model& m, std::string_view stem, uint32_t tags, bool need_known) {
  std::array<std::string, 2> c;
  size_t n = stem.size();
  char z = n ? stem[n - 1] : 0;
  bool doubled = n >= 3 && z == stem[n - 2] && IsConsonant(z) && z != 's' && z != 'f' && z != 'z' &&
                 (z != 'l' || VowelGroups(stem) >= 2);
  if (doubled) {
    c = {std::string(stem.substr(0, n - 1)), std::string(stem)};
  } else if (TakesE(m, stem)) {
    c = {std::string(stem) + "e", std::string(stem)};
  } else {
    c = {std::string(stem), std::string(stem) + "e"};
  }
  for (uint32_t t : {tags, kAnyTag})
    for (const std::string& s : c)
      if (Known(m, s, t)) return s;
  return need_known ? std::string() : c[0];
}

// -s, -es, -ies.
std::string EnPlural(const Model& m, std::string_view w, uint32_t tags) {
  size_t n = w.size();
  if (n <= 3 || w.back() != 's') return std::string(w);
  for (const std::string& k : m.keep_s)
    if (EndsWith(w, k)) return std::string(w);
  if (n > 4 && EndsWith(w, "ies")) {
    std::string y = std::string(w.substr(0, n - 3)) + "y";
    std::string_view ie = w.substr(0, n - 1);
    if (Known(m, ie, kAnyTag) && !Known(m, y, kAnyTag)) return std::string(ie);
    return y;
  }
  std::string_view b = w.substr(0, n - 1);
  if (EndsWith(w, "es")) {
    std::string_view a = w.substr(0, n - 2);
    for (uint32_t t : {tags, kAnyTag}) {
      if (Known(m, b, t)) return std::string(b);
      if (Known(m, a, t)) return std::string(a);
    }
    // boxes, churches, classes, buses, heroes; but cases, houses, sizes
    bool sibilant = EndsWith(a, "ss") || EndsWith(a, "us") || EndsWith(a, "x") || EndsWith(a, "zz") || EndsWith(a, "ch") ||
                    EndsWith(a, "sh") || (EndsWith(a, "o") && !EndsWith(a, "oo"));
    return std::string(sibilant ? a : b);
  }
  return std::string(b);
}

std::string EnVerb(const Model& m, std::string_view w) {
  size_t n = w.size();
  if (Known(m, w, kVerbTags)) return std::string(w);
  if (n >= 5 && EndsWith(w, "ing")) {
    std::string_view stem = w.substr(0, n - 3);
    if (!HasVowel(stem)) return std::string(w);
    if (stem.size() == 2 && stem[1] == 'y') return std::string(1, stem[0]) + "ie";  // dying, lying
    return ChooseStem(m, stem, kVerbTags, false);
  }
  if (n >= 4 && EndsWith(w, "ed")) {
    if (EndsWith(w, "ied")) {
      std::string_view b = w.substr(0, n - 3);
      return b.size() <= 1 ? std::string(w.substr(0, n - 1)) : std::string(b) + "y";  // died; tried
    }
    if (EndsWith(w, "eed")) return std::string(w.substr(0, n - 1));  // agreed
    std::string_view stem = w.substr(0, n - 2);
    if (!HasVowel(stem)) return std::string(w);
    return ChooseStem(m, stem, kVerbTags, false);
  }
  if (w.back() == 's') return EnPlural(m, w, kVerbTags);
  return std::string(w);
}

// -er, -est: only to a known adjective (other, former, eager stay).
std::string EnAdj(const Model& m, std::string_view w) {
  size_t n = w.size();
  constexpr uint32_t kAdj = TagBit(Upos::kAdj);
  size_t cut = n >= 6 && EndsWith(w, "est") ? 3 : n >= 5 && EndsWith(w, "er") ? 2 : 0;
  if (cut == 0) return std::string(w);
  std::string_view stem = w.substr(0, n - cut);
  if (stem.back() == 'i') {  // happier, easiest
    std::string y = std::string(stem.substr(0, stem.size() - 1)) + "y";
    if (Known(m, y, kAdj)) return y;
  }
  std::array<std::string, 3> c;
  size_t k = stem.size();
  c[0] = k >= 3 && stem[k - 1] == stem[k - 2] && IsConsonant(stem[k - 1]) ? std::string(stem.substr(0, k - 1)) : "";
  c[1] = std::string(stem) + "e";
  c[2] = std::string(stem);
  for (const std::string& s : c)
    if (Known(m, s, kAdj)) return s;
  return std::string(w);
}

// "12,000" → "12000" (EWT's lemma of a number with thousands separators).
std::string EnNumber(std::string_view w) {
  size_t comma = w.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma > 3 || (w.size() - comma) % 4 != 0)
    return std::string(w);
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    bool at_comma = i >= comma && (i - comma) % 4 == 0;
    if (at_comma ? w[i] != ',' : (w[i] < '0' || w[i] > '9')) return std::string(w);
    if (!at_comma) out += w[i];
  }
  return out;
}

LemmaAnalysis EnAnalyze(const Model& m, std::string_view w, Upos tag, bool exceptions) {
  LemmaAnalysis out;
  if (exceptions) {
    const Entry* e = m.FindLemma(w, static_cast<uint8_t>(tag));
    if (!e && (tag == Upos::kVerb || tag == Upos::kAux))
      e = m.FindLemma(w, static_cast<uint8_t>(tag == Upos::kVerb ? Upos::kAux : Upos::kVerb));
    if (!e) e = m.FindLemma(w, kAnyTagByte);
    if (e) {
      out.lemma = e->lemma;
      return out;
    }
  }
  if (w.size() > kMaxWord) {
    out.lemma = std::string(w);
    return out;
  }
  switch (tag) {
    case Upos::kNoun:
      if (EndsWith(w, "'s") && w.size() > 3) w.remove_suffix(2);  // astronaut's
      out.lemma = EnPlural(m, w, TagBit(Upos::kNoun));
      break;
    case Upos::kNum:
      out.lemma = EnNumber(w);
      break;
    case Upos::kVerb:
    case Upos::kAux:
      out.lemma = EnVerb(m, w);
      break;
    case Upos::kAdj:
      out.lemma = EnAdj(m, w);
      break;
    default:
      out.lemma = std::string(w);
  }
  return out;
}

// ---- Loading ----

bool IsWord(std::string_view w) {
  if (w.empty() || w == "-") return false;
  for (char c : w)
    if (c == ' ' || c == '\t') return false;
  return FoldCase(w) == w;
}

bool ParseVoiceName(std::string_view s, Voice* v) {
  if (s == "active") *v = Voice::kActive;
  else if (s == "passive") *v = Voice::kPassive;
  else if (s == "nominal") *v = Voice::kNominal;
  else if (s == "-" || s == "none") *v = Voice::kNone;
  else return false;
  return true;
}

std::string ParseVoice(std::string_view s, VoiceSpec* spec) {
  if (s == "forbid") {
    spec->forbid = true;
    return "";
  }
  size_t slash = s.find('/');
  std::string_view a = s.substr(0, slash), b = slash == std::string_view::npos ? a : s.substr(slash + 1);
  if (!ParseVoiceName(a, &spec->noun) || !ParseVoiceName(b, &spec->verb))
    return "voice must be active, passive, nominal, - or A/B (B on a VERB): " + std::string(s);
  return "";
}

std::string ParseTags(std::string_view s, uint32_t* tags) {
  if (s == "*" || s == "-") {
    *tags = kAnyTag;
    return "";
  }
  *tags = 0;
  for (std::string_view t : Split(s, ',')) {
    auto u = ParseUpos(t);
    if (!u) return "unknown UPOS tag " + std::string(t);
    *tags |= TagBit(*u);
  }
  return "";
}

int FamilyIndex(const Model& m, std::string_view f) {
  for (size_t i = 0; i < m.families.size(); ++i)
    if (m.families[i] == f) return static_cast<int>(i);
  return -1;
}

int DerivIndex(const Model& m, std::string_view d) {
  for (size_t i = 0; i < m.derivs.size(); ++i)
    if (m.derivs[i].text == d) return static_cast<int>(i);
  return -1;
}

bool IsAffix(std::string_view s) {
  if (s.empty() || s == "-") return false;
  for (char c : s)
    if (!IsLetter(c)) return false;
  return true;
}

std::string ParseOptions(std::string_view s, std::vector<PrefixOption>* out) {
  for (std::string_view o : Split(s, ',')) {
    PrefixOption opt;
    if (!o.empty() && o.back() == '?') {
      opt.known_only = true;
      o.remove_suffix(1);
    }
    if (o.empty() || (o[0] != '=' && o[0] != '+')) return "prefix option must begin with = or +: " + std::string(o);
    std::string_view body = o.substr(1);
    if (o[0] == '+') {
      if (!IsAffix(body) || body.size() > 4) return "+ must be followed by 1-4 lower-case letters: " + std::string(o);
      opt.lead = std::string(body);
    } else {
      for (char c : body)
        if (!IsLetter(c) && c != 'V' && c != 'C') return "a pattern has lower-case letters, V and C: " + std::string(o);
      opt.pattern = std::string(body);
    }
    out->push_back(std::move(opt));
  }
  return "";
}

std::string RulesName(std::string_view name, std::string_view lang) {
  size_t slash = name.rfind('/');
  std::string dir = slash == std::string_view::npos ? "" : std::string(name.substr(0, slash + 1));
  return dir + std::string(lang) + "_morphology.tsv";
}

}  // namespace

Voice Resolve(const VoiceSpec& v, Upos tag) {
  if (tag == Upos::kVerb) return v.verb;
  if (tag == Upos::kNoun || tag == Upos::kX) return v.noun;
  return Voice::kNone;
}

Status ParseMorphology(std::string_view tsv, std::string_view name, bool hand, Model* m, Rows* rows) {
  return ForEachTsvRow(tsv, name, 4, "KIND<TAB>A<TAB>B<TAB>C", [&](const std::vector<std::string_view>& c) -> std::string {
    std::string_view kind = c[0];
    if (kind == "root") {
      if (!IsWord(c[1])) return "root: a lower-case word expected, got '" + std::string(c[1]) + "'";
      uint32_t tags = 0;
      if (std::string e = ParseTags(c[2], &tags); !e.empty()) return e;
      rows->roots[std::string(c[1])] |= tags | (hand ? kHandRoot : 0);
      return "";
    }
    if (kind == "lemma") {
      if (!IsWord(c[1]) || !IsWord(c[2])) return "lemma: FORM and LEMMA must be lower-case words";
      uint8_t tag = kAnyTagByte;
      if (c[3] != "*") {
        auto u = ParseUpos(c[3]);
        if (!u) return "lemma: unknown UPOS tag " + std::string(c[3]);
        tag = static_cast<uint8_t>(*u);
      }
      rows->lemmas[{std::string(c[1]), tag}] = std::string(c[2]);
      return "";
    }
    if (m->english) {
      if (kind == "e_ending" || kind == "keep_s") {
        if (c[1].empty() || c[1] == "-" || !IsWord(c[1])) return std::string(kind) + ": an ending expected";
        (kind == "e_ending" ? m->e_endings : m->keep_s).push_back(std::string(c[1]));
        return "";
      }
      return "unknown kind '" + std::string(kind) + "' (root, lemma, e_ending, keep_s)";
    }
    if (kind == "particle" || kind == "possessive" || kind == "suffix") {
      if (!IsAffix(c[1])) return std::string(kind) + ": lower-case letters expected, got '" + std::string(c[1]) + "'";
      Suffix s;
      s.text = std::string(c[1]);
      if (kind == "suffix") {
        if (std::string e = ParseTags(c[2], &s.guess_tags); !e.empty()) return e;
        if (std::string e = ParseVoice(c[3], &s.voice); !e.empty()) return e;
        if (s.voice.forbid) return "suffix: voice cannot be forbid";
        m->derivs.push_back(std::move(s));
      } else {
        (kind == "particle" ? m->particles : m->possessives).push_back(std::move(s));
      }
      return "";
    }
    if (kind == "prefix") {
      if (!IsAffix(c[1]) || c[1].size() < 2) return "prefix: two or more lower-case letters expected";
      Prefix p;
      p.text = std::string(c[1]);
      std::string_view fam = c[1].substr(0, 2);
      p.family = FamilyIndex(*m, fam);
      if (p.family < 0) {
        p.family = static_cast<int>(m->families.size());
        m->families.emplace_back(fam);
      }
      if (std::string e = ParseOptions(c[2], &p.options); !e.empty()) return e;
      if (std::string e = ParseVoice(c[3], &p.voice); !e.empty()) return e;
      if (p.voice.forbid) return "prefix: voice cannot be forbid";
      m->prefixes.push_back(std::move(p));
      return "";
    }
    if (kind == "confix") {
      int f = FamilyIndex(*m, c[1]);
      if (f < 0) return "confix: no prefix of family '" + std::string(c[1]) + "' listed before";
      int d = DerivIndex(*m, c[2]);
      if (d < 0) return "confix: no suffix '" + std::string(c[2]) + "' listed before";
      VoiceSpec v;
      if (std::string e = ParseVoice(c[3], &v); !e.empty()) return e;
      m->confix_rows.emplace_back(f, d, v);
      return "";
    }
    if (kind == "stack") {
      int a = FamilyIndex(*m, c[1]), b = FamilyIndex(*m, c[2]);
      if (a < 0 || b < 0) return "stack: both prefix families must be listed before";
      m->stack_rows.emplace_back(a, b);
      return "";
    }
    return "unknown kind '" + std::string(kind) +
           "' (particle, possessive, suffix, prefix, confix, stack, root, lemma)";
  });
}

void BuildTables(const Rows& rows, Model* m) {
  const size_t nf = m->families.size(), nd = m->derivs.size();
  m->stack.assign(nf * nf, 0);
  for (auto [a, b] : m->stack_rows) m->stack[a * nf + b] = 1;
  m->confix.assign(nf * nd, VoiceSpec{});
  for (const auto& [f, d, v] : m->confix_rows) m->confix[f * nd + d] = v;
  m->roots.clear();
  for (const auto& [w, tags] : rows.roots) m->roots.Insert(Fnv1a64(w), tags);
  m->lemmas.clear();
  m->entries.clear();
  auto voice_of = [&](const std::string& form, const std::string& lemma) {
    if (m->english) return VoiceSpec{};
    Parse found;
    bool ok = ForEachParse(*m, form, [&](const Parse& p) {
      if (!p.root.Equals(lemma)) return false;
      found = p;
      return true;
    });
    if (!ok && !KnownParse(*m, form, Upos::kX, &found)) return VoiceSpec{};
    return SpecOf(*m, found);
  };
  for (auto it = rows.lemmas.begin(); it != rows.lemmas.end();) {
    const std::string& form = it->first.first;
    auto end = it;
    bool agree = true, any = false;
    for (; end != rows.lemmas.end() && end->first.first == form; ++end) {
      agree = agree && end->second == it->second;
      any = any || end->first.second == kAnyTagByte;
    }
    size_t first = m->entries.size();
    for (auto e = it; e != end; ++e) {
      m->lemmas.Insert(LemmaKey(form, e->first.second), static_cast<uint32_t>(m->entries.size()));
      m->entries.push_back(Entry{e->second, voice_of(form, e->second)});
    }
    // Indonesian: a form whose tagged lemmas agree has that lemma on any tag
    // (a tagger's NOUN for VERB does not change "tersebut" → "sebut").
    if (!m->english && agree && !any) m->lemmas.Insert(LemmaKey(form, kAnyTagByte), static_cast<uint32_t>(first));
    it = end;
  }
}

LemmaAnalysis AnalyzeRules(const Model& m, std::string_view w, Upos tag) {
  return m.english ? EnAnalyze(m, w, tag, false) : IdAnalyze(m, w, tag, false);
}

LemmaAnalysis AnalyzeFull(const Model& m, std::string_view w, Upos tag) {
  return m.english ? EnAnalyze(m, w, tag, true) : IdAnalyze(m, w, tag, true);
}

bool IdKnownRoot(const Model& m, std::string_view w, Upos tag, std::string* root, bool* marked) {
  Parse p;
  if (!KnownParse(m, w, tag, &p)) return false;
  *root = p.root.Str();
  VoiceSpec v = SpecOf(m, p);
  *marked = v.noun != Voice::kNone || v.verb != Voice::kNone;
  return true;
}

bool IdGuessRoot(const Model& m, std::string_view w, Upos tag, std::string* root, bool* suffixed) {
  Parse p;
  if (!GuessParse(m, w, tag, &p)) return false;
  *root = p.root.Str();
  *suffixed = p.deriv >= 0;
  return true;
}

bool IdReaches(const Model& m, std::string_view w, std::string_view lemma) {
  return ForEachParse(m, w, [&](const Parse& p) { return p.root.Equals(lemma); });
}

}  // namespace lemma

Result<Lemmatizer> Lemmatizer::Load(std::string_view lang, std::string_view lexicon_tsv, std::string_view rules_tsv,
                                    std::string_view name) {
  if (lang != "id" && lang != "en")
    return Status::Error(Status::Code::kInvalidArgument, std::string(name) + ": no lemmatizer for language '" +
                                                             std::string(lang) + "' (id, en)");
  auto model = std::make_shared<Model>();
  model->english = lang == "en";
  lemma::Rows rows;
  Status s = lemma::ParseMorphology(rules_tsv, lemma::RulesName(name, lang), true, model.get(), &rows);
  if (!s.ok()) return s;
  s = lemma::ParseMorphology(lexicon_tsv, name, false, model.get(), &rows);
  if (!s.ok()) return s;
  lemma::BuildTables(rows, model.get());
  Lemmatizer l;
  l.model_ = std::move(model);
  return l;
}

LemmaAnalysis Lemmatizer::Analyze(std::string_view folded, Upos upos) const {
  if (!model_) return LemmaAnalysis{std::string(folded), Voice::kNone};
  return lemma::AnalyzeFull(*model_, folded, upos);
}

}  // namespace warta
