// Reading and writing CoNLL-U (https://universaldependencies.org/format.html):
// the treebanks the syntax models are trained on, and `warta parse`'s input and
// output. Rows are kept as given (comments, multiword-token ranges, empty
// nodes) so that a file can be re-annotated without changing anything else.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/buffered_reader.h"
#include "util/status.h"

namespace warta {

struct ConlluRow {
  enum class Kind { kWord, kRange, kEmpty };  // "7", "6-7", "8.1"
  Kind kind = Kind::kWord;
  std::array<std::string, 10> fields;  // ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC
  int id = 0;         // kWord: the word's index; kRange: its first word
  int last = 0;       // kRange: its last word
  int head = -1;      // kWord: HEAD as a number; -1 when "_"
  size_t line = 0;    // 1-based line in the input
  bool space_after = true;  // MISC has no SpaceAfter=No
};

struct ConlluSentence {
  std::vector<std::string> comments;  // whole lines, "# ..." 
  std::vector<ConlluRow> rows;
  size_t line = 0;  // the first line of the sentence
  // The words (kWord rows) in order; words[i] is word i+1.
  std::vector<const ConlluRow*> Words() const;
  // The value of a "# key = value" comment, or "".
  std::string_view Comment(std::string_view key) const;
};

struct ConlluError {
  size_t line = 0;
  std::string message;
};

struct ConlluFile {
  std::vector<ConlluSentence> sentences;
  std::vector<ConlluError> errors;  // each malformed sentence is reported and left out
};

// Parses CoNLL-U text. A malformed row (not 10 tab-separated fields, a bad ID or
// HEAD, word ids out of order) drops its sentence with an error naming the line;
// the rest is read. `first_line` is the line number of text's first line.
ConlluFile ParseConllu(std::string_view text, size_t first_line = 1);

// Reads CoNLL-U sentence by sentence from a stream (a file of any size, .gz
// and .zst decoded by the ByteSource): memory is bounded by one sentence of at
// most kMaxConlluSentenceBytes. Binary input stops the reading with an error.
inline constexpr size_t kMaxConlluSentenceBytes = size_t{1} << 20;
class ConlluReader {
 public:
  explicit ConlluReader(std::unique_ptr<ByteSource> source) : in_(std::move(source)) {}
  // The next well-formed sentence; malformed ones (and sentences over the
  // bound) are added to `errors` and skipped. False at the end of the input.
  bool Next(ConlluSentence* sentence, std::vector<ConlluError>* errors);
  // Not ok when reading failed (a truncated archive, an unreadable file).
  const Status& status() const { return in_.status(); }

 private:
  BufferedReader in_;
  size_t line_ = 0;
  bool done_ = false;
};

// The sentence as CoNLL-U lines, each ending in '\n', and a blank line after.
std::string FormatConllu(const ConlluSentence& sentence);

}  // namespace warta
