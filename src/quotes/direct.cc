// Quotations in marks: each kept or dropped (titles, scare quotes, labels)
// and attributed to the cue after its closing mark, before its opening mark
// or in the sentence before; quotations with no cue continue a neighbour.

#include <algorithm>

#include "quotes/extractor.h"
#include "util/utf8.h"

namespace warta::quotes_internal {

size_t Extractor::Words(size_t begin, size_t end) const {
  return end > begin ? prefix_[end].words - prefix_[begin].words : 0;
}

// "Pemikiran Xi Jinping tentang Diplomasi": most words capitalised and no
// sentence inside: a title or a name, not someone's words.
// Constant time (prefix counts, see BuildTokens).
bool Extractor::TitleLike(size_t begin, size_t end) const {
  if (end <= begin) return false;
  if (prefix_[end].stops != prefix_[begin].stops) return false;
  size_t words = prefix_[end].words - prefix_[begin].words, upper = prefix_[end].upper - prefix_[begin].upper;
  size_t function_words = prefix_[end].function_words - prefix_[begin].function_words;
  return words >= 2 && upper * 10 >= (words - function_words) * 7 && upper >= 2;
}

// After the closing mark: `"...," kata Liu`, `"...," ujarnya`, `"...," Liu menambahkan`, `"...," he said`.
Attribution Extractor::AfterQuote(size_t first, size_t end) const {
  Attribution a;
  size_t j = first;
  bool dash = false;
  while (j < end && (tokens_[j].text == "," || tokens_[j].text == "-" || tokens_[j].text == "\u2014" ||
                     tokens_[j].text == "\u2013" || tokens_[j].text == "\u2015")) {
    dash |= tokens_[j].text != ",";
    ++j;
  }
  if (j >= end) return a;
  CueMatch cue = CueAt(j);
  // `"..." ― Azucena Gonzàlez`: a dash and a name alone sign the quotation.
  if (dash && tokens_[j].upper && end - j <= 5) {
    bool names_only = true;
    for (size_t t = j; t < end; ++t) names_only &= tokens_[t].upper || !tokens_[t].word;
    if (names_only) {
      a.found = true;
      a.adjacent = true;
      a.cue_begin = j - 1;
      a.cue_end = j;
      a.speaker = CandidateAt(j);
      if (!a.speaker || a.speaker->end > end) a.speaker = PhraseBefore(j, end);
      if (a.speaker) return a;
      a = Attribution{};
    }
  }
  if (IsCue(cue) && cue.type != CueType::kAccording) {
    a.found = true;
    a.adjacent = true;
    a.cue_begin = j;
    a.cue_end = j + cue.tokens;
    if (cue.type == CueType::kNya) {
      a.anaphor = true;
    } else {
      a.speaker = SpeakerAfter(a.cue_end, end);
    }
    return a;
  }
  if (cue.type == CueType::kAccording) {  // `"...," menurut Liu.`
    a.found = true;
    a.adjacent = true;
    a.cue_begin = j;
    a.cue_end = j + cue.tokens;
    a.speaker = SpeakerAfter(a.cue_end, end);
    return a;
  }
  // "Liu menambahkan", "he said", "Rep. Gwen Moore (D-Wis.) said", "the
  // ad's narrator says": who speaks, then the verb.
  for (size_t v = j + 1; v < end && v <= j + 12; ++v) {
    CueMatch verb = CueAt(v);
    if (verb.type == CueType::kVerb || verb.type == CueType::kStance) {
      a.found = true;
      a.adjacent = true;
      a.cue_begin = v;
      a.cue_end = v + verb.tokens;
      a.speaker = PhraseBefore(j, v);
      return a;
    }
    if (tokens_[v].stop || IsCue(verb)) break;
    if (tokens_[v].text == "," && v > j + 6) break;
  }
  // A speaker with a long description before the verb: `"...," Scott
  // Pruitt, the attorney general of Oklahoma, one of the states suing, said.`
  if (tokens_[j].upper && !IsCue(CueAt(j))) {
    size_t comma = j;
    while (comma < end && comma < j + 6 && tokens_[comma].text != ",") ++comma;
    if (comma < end && tokens_[comma].text == ",")
      for (size_t v = comma + 1; v < end && v < comma + 30; ++v) {
        if (tokens_[v].stop || tokens_[v].mark) break;
        CueMatch verb = CueAt(v);
        if ((verb.type == CueType::kVerb || verb.type == CueType::kStance) && tokens_[v - 1].text == ",") {
          a.found = true;
          a.adjacent = true;
          a.cue_begin = v;
          a.cue_end = v + verb.tokens;
          a.speaker = PhraseBefore(j, comma);
          if (a.speaker) return a;
          a = Attribution{};
          break;
        }
      }
  }
  // The quotation inside a sentence that names its speaker later:
  // `"..." to drive up the price, she said`.
  for (size_t v = j + 1; v < end; ++v) {
    CueMatch verb = CueAt(v);
    if (verb.type != CueType::kVerb && verb.type != CueType::kNya) continue;
    if (tokens_[v - 1].text != "," && !(v >= 2 && tokens_[v - 2].text == ",")) continue;
    a.found = true;
    a.cue_begin = v;
    a.cue_end = v + verb.tokens;
    if (verb.type == CueType::kNya) a.anaphor = true;
    else if (tokens_[v - 1].text == ",") a.speaker = SpeakerAfter(a.cue_end, end);
    else a.speaker = CandidateAt(v - 1);
    if (a.speaker || a.anaphor) return a;
    a = Attribution{};
  }
  return a;
}

// The sentence just before token `open`, in the same paragraph, when it ends
// "X said." / "said X." / "ujarnya." (a short closing attribution).
Attribution Extractor::PreviousSentenceSays(size_t open) const {
  Attribution a;
  if (open == 0 || tokens_[open - 1].paragraph != tokens_[open].paragraph || !tokens_[open - 1].stop) return a;
  size_t end = open - 1;  // the stop
  size_t begin = end;
  while (begin > 0 && end - begin < 8 && tokens_[begin - 1].sentence == tokens_[end].sentence &&
         tokens_[begin - 1].text != "," && !tokens_[begin - 1].mark)
    --begin;
  if (begin == end) return a;
  // Only a short sentence that is all attribution: it starts right after a
  // quotation or a comma ("... ," Schiff said.), not "Cruz told a radio host
  // Mike Gallagher on Wednesday."
  if (begin > 0 && !tokens_[begin - 1].mark && tokens_[begin - 1].text != "," &&
      tokens_[begin - 1].sentence == tokens_[end].sentence)
    return a;
  if (end - begin <= 1 && CueAt(begin).type == CueType::kNya) {
    a.found = true;
    a.anaphor = true;
    a.cue_begin = begin;
    a.cue_end = begin + 1;
    return a;
  }
  CueMatch last = CueAt(end - 1);
  if (last.type == CueType::kVerb && last.tokens == 1 && !last.bare) {  // "Schiff said."
    a.speaker = PhraseBefore(begin, end - 1);
    a.cue_begin = end - 1;
  } else if (IsCue(CueAt(begin)) && !IsCue(CueAt(begin + 1))) {  // "said Schiff.", "kata Liu."
    a.speaker = SpeakerAfter(begin + CueAt(begin).tokens, end);
    a.cue_begin = begin;
  }
  if (!a.speaker) return Attribution{};
  a.found = true;
  a.cue_end = a.cue_begin + CueAt(a.cue_begin).tokens;
  return a;
}

// Before the opening mark: `Liu mengatakan, "..."`, `Menurutnya, "..."`,
// `kata Liu: "..."`, and the cue of a partial quote earlier in the sentence.
Attribution Extractor::BeforeQuote(size_t begin, size_t open) const {
  Attribution a;
  size_t cue_at = kNone;
  CueMatch cue;
  for (size_t j = begin; j < open; ++j) {
    if (tokens_[j].segment >= 0) continue;  // words inside another quotation
    CueMatch c = CueAt(j);
    if (IsCue(c)) {
      cue_at = j;
      cue = c;
    }
  }
  if (cue_at == kNone) return a;
  a.found = true;
  a.cue_begin = cue_at;
  a.cue_end = cue_at + cue.tokens;
  size_t named_end = a.cue_end;
  if (cue.type == CueType::kNya) {
    a.anaphor = true;
  } else if (cue.type == CueType::kAccording || cue.type == CueType::kPassive || cue.bare) {
    a.speaker = SpeakerAfter(a.cue_end, open);
  } else if (cue.type == CueType::kParticiple) {
    a.speaker = SentenceSubject(begin, cue_at);  // "Trump attacked Clinton ..., saying, "..."": Trump
  } else {
    a.speaker = SpeakerBefore(begin, cue_at);
    if (!a.speaker) a.speaker = SpeakerAfter(a.cue_end, open);  // 'said Mr. Lee: "..."'
    if (!a.speaker) a.speaker = ClauseSubject(begin, cue_at);   // a name the entity stage missed
  }
  if (a.speaker && a.speaker->begin >= a.cue_end) named_end = a.speaker->end;
  // Only punctuation or "bahwa"/"that" between the cue (or the name after it) and the mark.
  size_t between = 0;
  for (size_t j = named_end; j < open; ++j)
    if (tokens_[j].word && CueAt(j).type != CueType::kComplement) ++between;
  a.adjacent = between == 0;
  return a;
}

void Extractor::Direct(const std::vector<QuotedSegment>& segments) {
  // Each token lies in the last segment that covers it. Segments are visited
  // last first and each token is labelled once: `next_free` skips labelled
  // runs (path halving), so nested segments cost near-linear time.
  std::vector<size_t> next_free(tokens_.size() + 1);
  for (size_t t = 0; t <= tokens_.size(); ++t) next_free[t] = t;
  auto free_from = [&](size_t t) {
    while (next_free[t] != t) t = next_free[t] = next_free[next_free[t]];
    return t;
  };
  for (size_t si = segments.size(); si-- > 0;) {
    const Span whole{segments[si].open.end > segments[si].open.start ? segments[si].open.start : segments[si].inner.start,
                     segments[si].close.end > segments[si].close.start ? segments[si].close.end : segments[si].inner.end};
    for (size_t t = free_from(FirstTokenAtOrAfter(whole.start)); t < tokens_.size() && tokens_[t].span.end <= whole.end;
         t = free_from(t)) {
      tokens_[t].segment = static_cast<int>(si);
      next_free[t] = t + 1;
    }
  }
  const auto& paragraphs = *in_.paragraphs;
  std::vector<int> item_of(segments.size(), -1);
  std::vector<Attribution> own(segments.size());
  for (size_t si = 0; si < segments.size(); ++si) {
    const QuotedSegment& s = segments[si];
    const Span para = paragraphs[s.paragraph];
    size_t in_begin = FirstTokenAtOrAfter(s.inner.start), in_end = FirstTokenAtOrAfter(s.inner.end);
    size_t words = Words(in_begin, in_end);
    bool closed = s.close.end > s.close.start;
    bool has_open = s.open.end > s.open.start;
    // The window after the closing mark: to the end of its sentence, the next quotation or the paragraph.
    Attribution after;
    if (closed) {
      size_t first = FirstTokenAtOrAfter(s.close.end), end = first;
      while (end < tokens_.size() && end < first + 25 && tokens_[end].span.start < para.end && !tokens_[end].mark) {
        if (tokens_[end].stop) break;
        ++end;
      }
      after = AfterQuote(first, end);
    }
    // The window before the opening mark: back to the sentence's start or the previous quotation.
    Attribution before;
    if (has_open) {
      size_t open = FirstTokenAtOrAfter(s.open.start), begin = open;
      // Earlier quotations in the same sentence are stepped over
      // (`tells them to "go vote" and then "go pick ..."`).
      while (begin > 0 && open - begin < 60 && tokens_[begin - 1].span.start >= para.start &&
             (tokens_[begin - 1].segment >= 0 || !tokens_[begin - 1].stop))
        --begin;
      if (begin == open && open > 0 && tokens_[open - 1].text == ":" ) --begin;
      // `Liu mengatakan:` closing the previous paragraph, the quotation in its own.
      if (open > 0 && tokens_[open - 1].span.start < para.start && tokens_[open - 1].text == ":") {
        size_t b = open - 1;
        while (b > 0 && tokens_[b - 1].sentence == tokens_[open - 1].sentence && !tokens_[b - 1].mark) --b;
        before = BeforeQuote(b, open - 1);
        if (!before.found) {
          // "Sanders made the following comment:" — no reporting verb, but the
          // colon hands the next paragraph to the sentence's subject.
          before.speaker = SentenceSubject(b, open - 1);
          before.found = before.speaker.has_value();
          before.adjacent = before.found;
          before.cue_begin = open - 1;
          before.cue_end = open;
        }
      } else {
        before = BeforeQuote(begin, open);
      }
    }
    // `Schiff said. "The other factor ..."`: the sentence before names the
    // speaker and ends with the verb.
    if (has_open && !before.found && !after.found) before = PreviousSentenceSays(FirstTokenAtOrAfter(s.open.start));
    Attribution chosen = after.found && (after.speaker || after.anaphor) ? after
                         : before.found                                  ? before
                                                                         : after;
    bool adjacent = chosen.found && chosen.adjacent;
    bool title_like = TitleLike(in_begin, in_end);
    bool accept = false;
    if (!has_open) {
      accept = after.found;  // a missing opening mark: only with a cue right after
    } else if (s.single) {
      // Single marks are mostly titles and terms ('Lyin' Ted'), and apostrophes
      // in transliteration pair up by accident: only with a cue touching them.
      accept = adjacent && words >= 1 && !title_like;
    } else if (words == 0) {
      accept = false;
    } else if (words <= 3) {
      // "Tidak," kata dia. Short words in marks are someone's only when the cue touches them.
      accept = adjacent && !title_like && (after.found || in_begin == FirstTokenAtOrAfter(para.start) + 1);
    } else if (title_like) {
      accept = adjacent && after.found;
    } else {
      accept = true;
    }
    if (!accept) continue;
    own[si] = chosen;
    Item item;
    item.quote.kind = Quote::Kind::kDirect;
    item.quote.span = s.inner;
    item.at = chosen;
    item.id = items_.size();
    item_of[si] = static_cast<int>(items_.size());
    items_.push_back(item);
  }
  // Quotations with no cue of their own continue a neighbour's: the other
  // half of a quotation split by its cue, the paragraphs of one long
  // quotation, a paragraph that is only a quotation after the speaker's.
  for (size_t si = 0; si < segments.size(); ++si) {
    int it = item_of[si];
    if (it < 0 || items_[it].at.found) continue;
    const QuotedSegment& s = segments[si];
    int from = -1;
    // The same paragraph, before then after; then a quotation running on across paragraphs.
    // (Neighbours only: a paragraph of thousands of marks stays linear.)
    constexpr size_t kReach = 8;
    for (size_t j = si; j-- > 0 && si - j <= kReach && from < 0 && segments[j].paragraph == s.paragraph;)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    for (size_t j = si + 1; j < segments.size() && j - si <= kReach && from < 0 && segments[j].paragraph == s.paragraph; ++j)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    // A quotation left open runs into the next paragraph: the chain shares a speaker.
    for (size_t j = si + 1; from < 0 && j < segments.size() && j - si <= kReach && segments[j - 1].close.end == segments[j - 1].close.start &&
                            segments[j].paragraph == segments[j - 1].paragraph + 1;
         ++j)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    for (size_t j = si; from < 0 && j-- > 0 && si - j <= kReach && segments[j].close.end == segments[j].close.start &&
                        segments[j].paragraph + 1 == segments[j + 1].paragraph;)
      if (item_of[j] >= 0 && items_[item_of[j]].at.found) from = item_of[j];
    items_[it].shares_cue = from >= 0;
    if (from < 0)
      for (size_t j = si; j-- > 0 && from < 0 && si - j <= kReach;) {
        if (s.paragraph > segments[j].paragraph + 2) break;
        if (item_of[j] >= 0) from = item_of[j];
      }
    if (from >= 0) {
      items_[it].inherit = from;
    } else if (Words(FirstTokenAtOrAfter(s.inner.start), FirstTokenAtOrAfter(s.inner.end)) < 6) {
      items_[it].dropped = true;  // a short phrase in marks with nobody to say it: not a quotation
    } else if (FirstTokenAtOrAfter(s.open.start) == FirstTokenAtOrAfter(paragraphs[s.paragraph].start)) {
      items_[it].topic = true;  // a paragraph that is a quotation: the person the text is about
    }
  }
  for (size_t si = 0; si < segments.size(); ++si) {
    if (item_of[si] < 0 || items_[item_of[si]].dropped) continue;
    const QuotedSegment& s = segments[si];
    size_t from = s.open.end > s.open.start ? s.open.start : s.inner.start;
    for (size_t t = FirstTokenAtOrAfter(from); t < tokens_.size() && tokens_[t].segment == static_cast<int>(si); ++t)
      tokens_[t].quoted = true;
  }
}

}  // namespace warta::quotes_internal
