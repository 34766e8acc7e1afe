// Sentence and token segmentation for Indonesian and English news, aware of
// abbreviations ("Jl.", "Prof.", "U.S.", "dll.") and initials ("H. Ahmad").
// Spans are byte offsets into the text the caller passes (the original text).
//
// Written here rather than taken from ICU's BreakIterator: ICU's sentence
// rules know no Indonesian abbreviations and work in UTF-16 indices; this
// segmenter works on UTF-8 offsets directly and its knowledge is a data file.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean/cleaner.h"
#include "util/status.h"

namespace warta {

class Abbreviations {
 public:
  static Result<Abbreviations> FromTsv(std::string_view tsv, std::string_view name);
  enum class Kind { kNone, kInner, kFinal };
  // `word` without its final '.', any case.
  Kind Lookup(std::string_view word) const;

 private:
  std::unordered_map<std::string, Kind> map_;
};

// Bounds that keep every stage linear on hostile text: a sentence has at most
// kMaxSentenceTokens tokens (longer runs are cut into pieces) and a token at
// most kMaxTokenLength bytes (longer runs of word characters are cut).
inline constexpr size_t kMaxSentenceTokens = 256;
inline constexpr size_t kMaxTokenLength = 256;

struct Sentence {
  Span span;
  std::vector<Span> tokens;
};

// Splits text[paragraph] into sentences (trimmed) and their tokens.
std::vector<Sentence> SplitSentences(std::string_view text, Span paragraph, const Abbreviations& abbreviations);

// Tokens of text[span]: words (with inner hyphens, apostrophes and dots, as in
// "kanak-kanak", "Jum'at", "U.S.", "3,5"), and single punctuation marks.
std::vector<Span> Tokenize(std::string_view text, Span span, const Abbreviations& abbreviations);

}  // namespace warta
