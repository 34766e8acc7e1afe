// Language identification per document: CLD2 first, then, for Indonesian and
// Malay, a second stage on the words that tell the two apart
// (data/langid/id_ms_words.tsv), which CLD2 alone confuses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "util/status.h"

namespace warta {

struct LanguageGuess {
  std::optional<std::string> code;  // ISO 639-1 ("id", "ms", "en", ...); nullopt if unknown
  double score = 0;                 // 0..1, how sure
};

class LanguageIdentifier {
 public:
  // Only the first this many bytes of a document are read: enough to tell the
  // language, and it bounds the cost on huge documents.
  static constexpr size_t kMaxBytes = 1 << 15;

  static Result<LanguageIdentifier> FromTsv(std::string_view id_ms_words, std::string_view name);

  // REQUIRES: `text` is valid UTF-8. Thread-safe.
  LanguageGuess Identify(std::string_view text) const;

  // Sum of the id-vs-ms word weights of `text` (positive: Indonesian).
  double IdMsEvidence(std::string_view text) const { return Evidence(text).sum; }

 private:
  struct WordEvidence {
    double sum = 0;    // weights of the listed words
    size_t hits = 0;   // how many words were listed
    size_t words = 0;  // how many words there were
    size_t distinct = 0;  // how many different listed words
  };
  WordEvidence Evidence(std::string_view text) const;

  std::unordered_map<std::string, double> weights_;
};

}  // namespace warta
