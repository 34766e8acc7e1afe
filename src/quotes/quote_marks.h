// Quotation marks in a paragraph, paired into quoted segments. Handles
// straight, curly and mixed marks (“ closed by "), guillemets, doubled
// apostrophes ('' ... '' and `` ... ''), single quotes with strict word
// boundaries (an apostrophe inside a word, "Jum'at", "Sanders’s", is none),
// a quote left open at the end of a paragraph (it goes on in the next one),
// and a closing mark with no opening one (the quote began at the paragraph's
// start; the caller keeps it only when a reporting cue follows).
#pragma once

#include <string_view>
#include <vector>

#include "clean/cleaner.h"

namespace warta {

struct QuotedSegment {
  Span inner;       // the words inside the marks, trimmed, without a final comma
  Span open;        // the opening mark; empty (start == end) when missing
  Span close;       // the closing mark; empty when the quote runs to the paragraph's end
  size_t paragraph = 0;
  bool single = false;  // single quotation marks
};

// `paragraphs` index `text`; segments come out in text order.
std::vector<QuotedSegment> FindQuotedSegments(std::string_view text, const std::vector<Span>& paragraphs);

}  // namespace warta
