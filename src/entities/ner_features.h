// Features of the statistical name tagger: what a token looks like, its
// neighbours, and what the dictionaries say about it. Every feature is a
// 64-bit hash, so the model is a hash → weights table and extraction
// allocates nothing per feature.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "entities/ner_model.h"
#include "text/segment.h"

namespace warta {

// What the dictionaries and title words say about one token, filled by the
// recogniser (and by the trainer, from the same dictionaries).
struct TokenHint {
  // Bit (2*type + inside) for a dictionary name of type PER=0, LOC=1, ORG=2
  // covering the token: bit 0 = first token of a PER name, 1 = inside, ...
  uint8_t gazetteer = 0;
  bool after_title = false;  // the token follows a title word ("Presiden", "juru bicara")
  bool org_head = false;     // the token is an organisation head word ("Kementerian", "PT")
};

struct FeatureContext {
  // Whether a case-folded token is a common word (function words, days, ...).
  std::function<bool(std::string_view folded)> is_common;
  // The syntax feature set (the English model): besides the base templates,
  // the token table's part of speech (Token::upos, filled by the syntax stage)
  // of the token and its neighbours, and whether the sentence is written in
  // Title Case or capitals (a heading, where capitals say little). The base
  // set (the Indonesian model, trained on untagged tokens) reads neither.
  bool syntax = false;
};

// Collapsed character shape: "Jakarta" → "Xx", "U.S." → "X.X.", "2021" → "d".
std::string WordShape(std::string_view token);

// features[i] gets the hashes for token i (cleared first); with `only`, just
// for the tokens it marks (the others get none). Shapes read the surface
// forms, the other features the table's folded forms.
void ExtractNerFeatures(const TokenView& tokens, const std::vector<TokenHint>& hints, const FeatureContext& context,
                        NerFeatures* features, const std::vector<bool>* only = nullptr);

}  // namespace warta
