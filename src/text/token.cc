#include "text/token.h"

#include <array>

namespace warta {

namespace {
constexpr std::array<std::string_view, kUposCount> kNames = {
    "X",    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",  "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"};
}  // namespace

std::string_view UposName(Upos u) {
  size_t i = static_cast<size_t>(u);
  return i < kNames.size() ? kNames[i] : "X";
}

std::optional<Upos> ParseUpos(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Upos>(i);
  return std::nullopt;
}

std::string_view VoiceName(Voice v) {
  switch (v) {
    case Voice::kActive: return "active";
    case Voice::kPassive: return "passive";
    case Voice::kNominal: return "nominal";
    case Voice::kNone: break;
  }
  return "";
}

}  // namespace warta
