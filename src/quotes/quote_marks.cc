#include "quotes/quote_marks.h"

#include <algorithm>
#include <optional>

#include "util/utf8.h"

namespace warta {

namespace {

enum class Shape { kOpen, kClose, kEither };  // what the glyph itself says

struct Mark {
  Span span;
  bool single = false;
  Shape shape = Shape::kEither;
  bool can_open = false, can_close = false;
};

// The code point at text[i], or 0 when i is out of range; *len gets its length.
char32_t CodePointAt(std::string_view text, size_t i, size_t* len) {
  if (i >= text.size()) { *len = 0; return 0; }
  size_t at = i;
  char32_t c = NextCodePoint(text, &at);
  *len = at - i;
  return c;
}
char32_t CodePointBefore(std::string_view text, size_t i, size_t floor) {
  if (i <= floor) return 0;
  size_t b = i - 1;
  while (b > floor && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  size_t len;
  return CodePointAt(text, b, &len);
}

bool IsSpaceCp(char32_t c) { return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x2009; }
bool IsOpenerContext(char32_t c) {  // what may stand before an opening mark
  return IsSpaceCp(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 || c == '-' || c == '/' ||
         c == ':' || c == ',';
}
bool IsCloserContext(char32_t c) {  // what may stand after a closing mark
  return IsSpaceCp(c) || c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == 0x2014 || c == 0x2013 || c == '-';
}
bool IsQuoteCp(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 || c == 0x2019 ||
         c == 0xAB || c == 0xBB || c == '`';
}

std::vector<Mark> MarksIn(std::string_view text, Span p) {
  std::vector<Mark> marks;
  for (size_t i = p.start; i < p.end;) {
    size_t len;
    char32_t c = CodePointAt(text, i, &len);
    if (len == 0) break;
    if (!IsQuoteCp(c)) { i += len; continue; }
    Mark m;
    m.span = {i, i + len};
    // Doubled apostrophes and backticks are one double mark.
    if ((c == '\'' || c == '`') && i + 1 < p.end && (text[i + 1] == '\'' || text[i + 1] == '`')) {
      m.span.end = i + 2;
      m.shape = c == '`' ? Shape::kOpen : Shape::kEither;
    } else if (c == '\'' || c == 0x2018 || c == 0x2019 || c == '`') {
      m.single = true;
      m.shape = c == 0x2018 ? Shape::kOpen : c == 0x2019 ? Shape::kClose : Shape::kEither;
    } else if (c == 0x201C || c == 0x201E || c == 0xAB) {
      m.shape = Shape::kOpen;
    } else if (c == 0x201D || c == 0xBB) {
      m.shape = Shape::kClose;
    }
    size_t next_len;
    char32_t before = CodePointBefore(text, m.span.start, p.start);
    char32_t after = CodePointAt(text, m.span.end, &next_len);
    if (m.span.end >= p.end) after = 0;
    bool space_before = IsOpenerContext(before) || IsQuoteCp(before);
    bool space_after = IsCloserContext(after) || IsQuoteCp(after);
    // An apostrophe between letters or digits is part of a word.
    if (m.single && !space_before && !space_after) { i = m.span.end; continue; }
    m.can_open = space_before && !IsSpaceCp(after);
    m.can_close = !IsSpaceCp(before) && space_after;
    if (m.single) {
      // "Sanders’ campaign", "the Jones' house": a possessive, not a closing mark.
      if (m.can_close && !m.can_open && (before == 's' || before == 'S') && IsSpaceCp(after)) m.can_close = false;
    } else {
      // The glyph's own shape decides only when the context allows both or
      // neither — for curly quotes glued to words in careless text
      // ("mengatakan“Kami"), not for guillemets, which between letters are
      // mojibake ("Ä«" for a mis-decoded "ī").
      bool curly = (m.span.end - m.span.start) == 3;
      if (curly && m.shape == Shape::kOpen && !m.can_open && !m.can_close) m.can_open = true;
      if (curly && m.shape == Shape::kClose && !m.can_open && !m.can_close) m.can_close = true;
      if (m.can_open && m.can_close) {
        m.can_open = m.shape != Shape::kClose;
        m.can_close = m.shape != Shape::kOpen;
      }
    }
    if (m.can_open || m.can_close) marks.push_back(m);
    i = m.span.end;
  }
  return marks;
}

QuotedSegment MakeSegment(std::string_view text, Span open, Span close, size_t inner_start, size_t inner_end,
                          size_t paragraph, bool single) {
  QuotedSegment s;
  s.open = open;
  s.close = close;
  s.paragraph = paragraph;
  s.single = single;
  size_t b = inner_start, e = inner_end;
  auto is_space = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (b < e && is_space(b)) ++b;
  while (e > b && is_space(e - 1)) --e;
  // `"...,"`: the comma belongs to the sentence around the quote.
  while (e > b && (text[e - 1] == ',' || text[e - 1] == ';')) --e;
  while (e > b && is_space(e - 1)) --e;
  s.inner = {b, e};
  return s;
}

}  // namespace

std::vector<QuotedSegment> FindQuotedSegments(std::string_view text, const std::vector<Span>& paragraphs) {
  std::vector<QuotedSegment> out;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const Span p = paragraphs[pi];
    std::vector<Mark> marks = MarksIn(text, p);
    // Double marks first: they are the quotation marks of news text.
    std::optional<Mark> open;
    std::vector<std::pair<size_t, size_t>> taken;  // byte ranges inside double quotes
    size_t segments_before = out.size();
    for (const Mark& m : marks) {
      if (m.single) continue;
      if (!open) {
        if (m.can_open) {
          open = m;
        } else if (m.can_close) {
          // A closing mark with nothing open: the opening mark is missing.
          out.push_back(MakeSegment(text, {p.start, p.start}, m.span, p.start, m.span.start, pi, false));
          taken.emplace_back(p.start, m.span.end);
        }
        continue;
      }
      if (m.can_close) {
        out.push_back(MakeSegment(text, open->span, m.span, open->span.end, m.span.start, pi, false));
        taken.emplace_back(open->span.start, m.span.end);
        open.reset();
      } else if (m.can_open) {
        // A second opening mark: the first quote was never closed here.
        out.push_back(MakeSegment(text, open->span, {m.span.start, m.span.start}, open->span.end, m.span.start, pi, false));
        taken.emplace_back(open->span.start, m.span.start);
        open = m;
      }
    }
    if (open) {
      out.push_back(MakeSegment(text, open->span, {p.end, p.end}, open->span.end, p.end, pi, false));
      taken.emplace_back(open->span.start, p.end);
    }
    // Single marks outside double quotes, only as a closed pair in the paragraph.
    auto inside_double = [&](size_t at) {
      for (const auto& [b, e] : taken)
        if (at >= b && at < e) return true;
      return false;
    };
    std::optional<Mark> single_open;
    for (const Mark& m : marks) {
      if (!m.single || inside_double(m.span.start)) continue;
      if (!single_open) {
        if (m.can_open && !m.can_close) single_open = m;
        continue;
      }
      if (m.can_close) {
        out.push_back(MakeSegment(text, single_open->span, m.span, single_open->span.end, m.span.start, pi, true));
        single_open.reset();
      } else if (m.can_open) {
        single_open = m;
      }
    }
    // In text order within the paragraph.
    std::sort(out.begin() + static_cast<long>(segments_before), out.end(),
              [](const QuotedSegment& a, const QuotedSegment& b) { return a.inner.start < b.inner.start; });
    // Drop empty segments ("" or a lone mark).
    out.erase(std::remove_if(out.begin() + static_cast<long>(segments_before), out.end(),
                             [](const QuotedSegment& s) { return s.inner.end <= s.inner.start; }),
              out.end());
  }
  return out;
}

}  // namespace warta
