#include "quotes/quote_lexicon.h"

#include <algorithm>

#include "util/strings.h"
#include "util/tsv.h"

namespace warta {

namespace {

CueType ParseType(std::string_view t) {
  if (t == "verb" || t == "request") return CueType::kVerb;
  if (t == "stance") return CueType::kStance;
  if (t == "nya" || t == "nya_more") return CueType::kNya;
  if (t == "passive") return CueType::kPassive;
  if (t == "according") return CueType::kAccording;
  if (t == "complement") return CueType::kComplement;
  if (t == "pronoun") return CueType::kPronoun;
  if (t == "speaker_noun") return CueType::kSpeakerNoun;
  if (t == "preposition") return CueType::kPreposition;
  if (t == "nominal") return CueType::kNominal;
  if (t == "participle") return CueType::kParticiple;
  if (t == "relative") return CueType::kRelative;
  return CueType::kNone;
}

// meN-, ber- and the English forms come after the speaker; the bare
// Indonesian roots ("kata", "ujar", "tutur") come before it.
bool IsBareIndonesian(std::string_view w) {
  return !(StartsWith(w, "me") || StartsWith(w, "ber") || StartsWith(w, "di"));
}

}  // namespace

Result<QuoteLexicon> QuoteLexicon::FromTsv(std::string_view tsv, std::string_view name) {
  QuoteLexicon lex;
  Status s = ForEachTsvRow(tsv, name, 3, "PHRASE LANG TYPE", [&](const std::vector<std::string_view>& c) -> std::string {
    std::string phrase(c[0]);
    if (phrase.empty() || phrase != FoldCase(phrase)) return "phrase must be lower case: " + phrase;
    if (phrase != CollapseSpace(phrase)) return "phrase has extra spaces: " + phrase;
    if (c[1] != "id" && c[1] != "en") return "language must be id or en";
    CueType type = ParseType(c[2]);
    if (type == CueType::kNone) return "unknown type " + std::string(c[2]);
    // A phrase is one kind of word in both languages: the matcher does not
    // need to know the article's language.
    auto words = Split(phrase, ' ');
    Word& first = lex.words_[std::string(words[0])];
    Entry& entry = words.size() == 1 ? first.entry : lex.phrases_[phrase];
    if (entry.type != CueType::kNone && entry.type != type) return "phrase listed twice with different types: " + phrase;
    if (entry.type == CueType::kNone) ++lex.size_;
    entry = Entry{type, c[1] == "id", c[2] == "request", c[2] == "nya_more"};
    first.longest = std::max(first.longest, words.size());
    return "";
  });
  if (!s.ok()) return s;
  return lex;
}

CueMatch QuoteLexicon::Match(const std::vector<std::string_view>& folded, size_t i) const {
  CueMatch best;
  if (i >= folded.size()) return best;
  auto w = words_.find(folded[i]);  // most tokens: this one lookup
  if (w == words_.end()) return best;
  auto take = [&](const Entry& e, size_t n, std::string_view phrase) {
    best.type = e.type;
    best.tokens = n;
    best.indonesian = e.indonesian;
    best.bare = e.indonesian && e.type == CueType::kVerb && IsBareIndonesian(phrase);
    best.request = e.request;
    best.goes_on = e.goes_on;
  };
  if (w->second.entry.type != CueType::kNone) take(w->second.entry, 1, folded[i]);
  std::string phrase(folded[i]);
  for (size_t n = 2; n <= w->second.longest && i + n <= folded.size(); ++n) {
    phrase += ' ';
    phrase += folded[i + n - 1];
    auto it = phrases_.find(phrase);
    if (it != phrases_.end()) take(it->second, n, phrase);
  }
  return best;
}

}  // namespace warta
