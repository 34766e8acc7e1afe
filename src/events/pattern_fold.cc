#include "events/pattern_fold.h"

#include "util/strings.h"

namespace warta {

std::string SuffixOf(std::string_view lang, std::string_view folded, std::string_view lemma) {
  if (lang != "id") return "*";
  if (folded.size() > lemma.size() + 3 && EndsWith(folded, "nya")) folded.remove_suffix(3);
  // per-: "mempertemukan" (brings together) is not "menemukan" (finds), "pertemuan" (a meeting) not "temuan".
  bool per = !StartsWith(lemma, "per") &&
             (StartsWith(folded, "memper") || StartsWith(folded, "diper") || StartsWith(folded, "per"));
  std::string prefix = per ? "per-" : "";
  for (std::string_view s : {"kan", "i", "an"})
    if (EndsWith(folded, s) && !EndsWith(lemma, s)) return prefix + std::string(s);
  return per ? "per-" : "-";
}

std::string_view FormName(Voice v) {
  switch (v) {
    case Voice::kActive: return "active";
    case Voice::kPassive: return "passive";
    case Voice::kNominal: return "nominal";
    case Voice::kNone: return "bare";
  }
  return "bare";
}

FoldedPattern FoldPattern(std::string_view lang, std::string_view pattern, std::string_view voice,
                          const Lemmatizer& lemmatizer) {
  std::vector<std::string_view> words = Split(pattern, ' ');
  FoldedPattern f;
  f.frame = std::string(voice);
  size_t first = 0;
  static constexpr std::string_view kAux[] = {"was", "were", "been", "is", "are", "being", "be", "get", "got"};
  if (lang == "en" && words.size() > 1)
    for (std::string_view a : kAux)
      if (words[0] == a) {
        first = 1;
        if (f.frame == "passive") f.frame = "active";
      }
  LemmaAnalysis a = lemmatizer.Analyze(words[first], Upos::kVerb);
  f.lemma = a.lemma.empty() ? std::string(words[first]) : a.lemma;
  f.form = lang == "id" ? std::string(FormName(a.voice)) : "any";
  f.suffix = SuffixOf(lang, words[first], f.lemma);
  for (size_t i = first + 1; i < words.size(); ++i) f.rest += (f.rest.empty() ? "" : " ") + std::string(words[i]);
  if (f.rest.empty()) f.rest = "-";
  return f;
}

}  // namespace warta
