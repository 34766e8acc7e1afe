// TrainLemmaLexicon: the learned half of the lemmatizer (lemmatizer.cc), from
// treebank (form, tag, lemma) triples.
//
// Indonesian. Roots: a treebank lemma that some other form's affixes reach
// ("tandatangan" of "menandatangani"); then, shortest first, each form the
// treebank leaves as it is (its lemma is itself, or "_") that no known root
// explains: it is a word of its own ("pemilu", "pesawat") unless the rules'
// guess is a verb's affixes or a confix, which are trusted. A form the
// treebank leaves unlemmatized though the rules reach a known root
// ("ditandatangani" in id_csui) keeps the rules' root: the treebank's noise is
// not learned. Exceptions: each (form, tag) whose majority lemma the rules do
// not give, when the lemma is reachable or a known word ("tapi" → "tetapi").
//
// English. Known lemmas (with their tags) for the suffix rules to prefer, and
// each (form, tag) whose lemma the rules do not give (irregular forms,
// pronouns, contractions).
//
// The output is sorted and depends only on the multiset of examples.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "syntax/lemma_impl.h"
#include "syntax/lemmatizer.h"
#include "util/strings.h"

namespace warta {
namespace {

using lemma::Model;
using lemma::Rows;
using lemma::TagBit;

bool Alphabetic(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// A form or lemma the lexicon can hold: one folded word.
bool Usable(std::string_view l) {
  if (l.empty() || l == "_" || l == "-" || l[0] == '#') return false;
  for (char c : l)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  return FoldCase(l) == l;
}

bool ClosedClass(Upos u) {
  switch (u) {
    case Upos::kAdp: case Upos::kAux: case Upos::kCconj: case Upos::kDet: case Upos::kPart:
    case Upos::kPron: case Upos::kSconj: case Upos::kNum:
      return true;
    default:
      return false;
  }
}

struct Counts {
  // (form, tag) → lemma → count (lemmatized examples only)
  std::map<std::pair<std::string, Upos>, std::map<std::string, int>> lemmas;
  // form → tag → count (every example)
  std::map<std::string, std::map<Upos, int>> tags;
  size_t tokens = 0;
};

template <typename K>
K Majority(const std::map<K, int>& counts) {
  K best{};
  int n = -1;
  for (const auto& [k, c] : counts)  // ascending: the first of equal counts wins
    if (c > n) {
      best = k;
      n = c;
    }
  return best;
}

void Rebuild(const Rows& hand, const Rows& learned, Model* m) {
  Rows r = hand;
  for (const auto& [w, t] : learned.roots) r.roots[w] |= t;
  for (const auto& [k, l] : learned.lemmas) r.lemmas[k] = l;
  lemma::BuildTables(r, m);
}

void IndonesianRoots(const Counts& c, const std::map<std::pair<std::string, Upos>, std::string>& majority,
                     const Rows& hand, Rows* learned, Model* m) {
  constexpr uint32_t kAny = lemma::kAnyTag;
  // Lemmas some other form's affixes reach.
  for (const auto& [key, l] : majority) {
    const auto& [form, tag] = key;
    if (tag == Upos::kPropn || l == form || !Alphabetic(l)) continue;
    size_t h = form.find('-');
    bool redup = h != std::string::npos && (form.substr(0, h) == l || form.substr(h + 1) == l);
    if (redup || lemma::IdReaches(*m, form, l)) learned->roots[l] = kAny;
  }
  Rebuild(hand, *learned, m);
  // Forms the treebank leaves as they are, shortest first.
  std::vector<std::pair<std::string, Upos>> candidates;
  std::set<std::string> self;  // forms whose treebank lemma is themselves
  for (const auto& [form, tags] : c.tags) {
    if (!Alphabetic(form)) continue;
    Upos tag = Majority(tags);
    if (tag == Upos::kPropn || tag == Upos::kPunct || tag == Upos::kSym) continue;
    auto it = majority.find({form, tag});
    if (it != majority.end() && it->second != form) continue;
    if (it != majority.end()) self.insert(form);
    candidates.emplace_back(form, tag);
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
  });
  for (const auto& [form, tag] : candidates) {
    if (m->IsRoot(form)) continue;
    std::string root;
    bool marked = false;
    if (lemma::IdKnownRoot(*m, form, tag, &root, &marked) && root != form) {
      // A known root explains it: the treebank's whole form is kept only for a
      // function word ("mereka") or where the affixes mark no voice ("sebesar",
      // "pertama", "mulai"); "ditandatangani" left whole is the treebank's slip.
      if (!(self.count(form) && (ClosedClass(tag) || !marked))) continue;
    } else {
      // Guessed: a verb's affixes and a derivational suffix are trusted
      // ("dikerahkan", "putaran"); a lone prefix is not ("pesawat", "kelapa").
      bool suffixed = false;
      if (lemma::IdGuessRoot(*m, form, tag, &root, &suffixed) && root != form && (tag == Upos::kVerb || suffixed))
        continue;
    }
    learned->roots[form] = kAny;
    m->roots.Insert(Fnv1a64(form), kAny);
  }
}

void EnglishRoots(const std::map<std::pair<std::string, Upos>, std::string>& majority, Rows* learned) {
  constexpr uint32_t kContent = TagBit(Upos::kNoun) | TagBit(Upos::kVerb) | TagBit(Upos::kAdj) | TagBit(Upos::kAux);
  for (const auto& [key, l] : majority) {
    uint32_t bit = TagBit(key.second);
    if ((bit & kContent) && Alphabetic(l)) learned->roots[l] |= bit;
  }
}

bool Accept(const Model& m, const Counts& c, const std::string& form, Upos tag, const std::string& l,
            const std::string& out) {
  if (m.english) return true;
  if (tag == Upos::kPropn || tag == Upos::kPunct || tag == Upos::kSym) return false;
  // The treebank left it unlemmatized where the rules find a root: keep the root.
  if (l == form) return ClosedClass(tag) || out == form;
  size_t h = form.find('-');
  if (h != std::string::npos && (form.substr(0, h) == l || form.substr(h + 1) == l)) return true;
  // A lemma no affix reaches must at least be a word ("tapi" → "tetapi"), not
  // an analyser's slip ("perintis" → "penrintis").
  return lemma::IdReaches(m, form, l) || m.IsRoot(l) || c.tags.count(l) > 0;
}

std::string TagList(uint32_t tags) {
  if (tags == lemma::kAnyTag) return "-";
  std::string s;
  for (size_t i = 0; i < kUposCount; ++i) {
    if (!(tags & (1u << i))) continue;
    if (!s.empty()) s += ',';
    s += UposName(static_cast<Upos>(i));
  }
  return s.empty() ? "-" : s;
}

}  // namespace

std::string TrainLemmaLexicon(std::string_view lang, const std::vector<LemmaExample>& examples) {
  return TrainLemmaLexicon(lang, examples, "");
}

std::string TrainLemmaLexicon(std::string_view lang, const std::vector<LemmaExample>& examples,
                              std::string_view rules_tsv) {
  Model m;
  m.english = lang == "en";
  Rows hand;
  if (!lemma::ParseMorphology(rules_tsv, "rules", true, &m, &hand).ok()) {
    m = Model{};  // bad rules: train as if there were none (Load reports them)
    m.english = lang == "en";
    hand = Rows{};
  }
  Counts c;
  for (const LemmaExample& e : examples) {
    ++c.tokens;
    if (!Usable(e.folded)) continue;
    ++c.tags[e.folded][e.upos];
    if (Usable(e.lemma)) ++c.lemmas[{e.folded, e.upos}][e.lemma];
  }
  std::map<std::pair<std::string, Upos>, std::string> majority;
  for (const auto& [key, counts] : c.lemmas) majority[key] = Majority(counts);

  Rows learned;
  Rebuild(hand, learned, &m);
  if (m.english)
    EnglishRoots(majority, &learned);
  else
    IndonesianRoots(c, majority, hand, &learned, &m);
  Rebuild(hand, learned, &m);

  // Exceptions; a second pass for what the first one's rows changed (an
  // Indonesian lemma shared by all of a form's tags applies to its other tags).
  for (int pass = 0; pass < 3; ++pass) {
    bool changed = false;
    for (const auto& [key, l] : majority) {
      const auto& [form, tag] = key;
      if (learned.lemmas.count({form, static_cast<uint8_t>(tag)})) continue;
      std::string out = lemma::AnalyzeFull(m, form, tag).lemma;
      if (out == l || !Accept(m, c, form, tag, l, out)) continue;
      learned.lemmas[{form, static_cast<uint8_t>(tag)}] = l;
      changed = true;
    }
    if (!changed) break;
    Rebuild(hand, learned, &m);
  }

  std::string out;
  out += "# Lemma lexicon (" + std::string(lang) + "), written by TrainLemmaLexicon (src/syntax/lemma_train.cc)\n";
  out += "# from " + std::to_string(c.tokens) + " treebank tokens: the roots and known lemmas the rules check\n";
  out += "# against, and the lemmas of forms the rules do not give. Columns: data/syntax/" + std::string(lang) +
         "_morphology.tsv.\n";
  for (const auto& [w, tags] : learned.roots)
    out += "root\t" + w + "\t" + TagList(tags & lemma::kAnyTag) + "\t-\n";
  for (const auto& [key, l] : learned.lemmas) {
    std::string_view tag = key.second == lemma::kAnyTagByte ? "*" : UposName(static_cast<Upos>(key.second));
    out += "lemma\t" + key.first + "\t" + l + "\t" + std::string(tag) + "\n";
  }
  return out;
}

}  // namespace warta
