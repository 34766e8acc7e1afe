// Finding names in one sentence: dictionary phrases (countries, capitals,
// organisations, people, titles) and the statistical tagger, combined. Pure:
// the sentence's token table in, token ranges out.
#pragma once

#include <string_view>
#include <vector>

#include "entities/entity_knowledge.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"
#include "text/segment.h"

namespace warta {

// A dictionary phrase found at tokens [begin, end).
struct DictionaryMatch {
  size_t begin = 0, end = 0;
  const PhraseEntry* entry = nullptr;
};

// Every phrase of the dictionaries in the tokens (overlapping ones too), in
// order of begin, then longer first. Names must be capitalised as names are
// ("china" is not China); titles match in any case.
std::vector<DictionaryMatch> MatchDictionary(const TokenView& tokens, const EntityKnowledge& k);

// EntityKnowledge::TokenHash of each token's folded form, hashed once for the
// matcher and the common-word tests.
std::vector<uint64_t> FoldedHashes(const TokenView& tokens);
std::vector<DictionaryMatch> MatchDictionary(const TokenView& tokens, const std::vector<uint64_t>& hashes,
                                             const EntityKnowledge& k);

// The tagger's features for the tokens, dictionary hints included; with
// `syntax`, the syntax feature set (FeatureContext::syntax), which reads the
// token table's part of speech.
NerFeatures NerFeaturesFor(const TokenView& tokens, const EntityKnowledge& k, bool syntax = false);
NerFeatures NerFeaturesFor(const TokenView& tokens, const std::vector<DictionaryMatch>& matches,
                           const EntityKnowledge& k, const std::vector<bool>* only = nullptr, bool syntax = false);

// The tokens the tagger looks at: runs of capitalised tokens (and digits)
// and the word before each, except runs the dictionaries name whole and
// lone common words. Names are written so in both languages; the others are O.
std::vector<bool> NameCandidates(const TokenView& tokens, const std::vector<DictionaryMatch>& matches,
                                 const EntityKnowledge& k);

// A recognised name: tokens [begin, end).
struct NameSpan {
  size_t begin = 0, end = 0;
  std::string_view type;              // PER | LOC | ORG | MISC (demonyms)
  int kb = -1;                        // index into k.entities(), -1 when only the tagger knows it
  PhraseKind kind = PhraseKind::kName;
  bool tagged = false;                // the tagger found it (alone or with a dictionary)
};

struct SentenceNames {
  std::vector<DictionaryMatch> matches;  // all dictionary matches (titles, org heads, nested names)
  std::vector<NameSpan> names;           // non-overlapping, in order
};

// Words that may sit inside a role phrase between the title and the name:
// "juru bicara kedutaan China", "Chinese Foreign Ministry spokesperson".
bool IsRoleGlue(std::string_view folded_token);

// `headline`: the sentence is an article's title (Title Case is read as such).
// `lang` ("id", "en", ...; "" unknown) picks the tagger (EntityKnowledge::model):
// English text is tagged by the English model, which reads the part of
// speech the syntax stage gave the tokens; other languages by the Indonesian one.
SentenceNames RecognizeNames(const TokenView& tokens, const EntityKnowledge& k, bool headline = false,
                             std::string_view lang = {});

}  // namespace warta
