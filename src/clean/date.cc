#include "clean/date.h"

#include <vector>

#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

struct Tok {
  enum Kind { kWord, kNum, kPunct } kind;
  size_t start, end;
  std::string_view text;
};

// Splits text into words, digit runs and single punctuation marks (spaces are
// dropped). Stops after `max_tokens`.
std::vector<Tok> Tokenize(std::string_view s, size_t limit) {
  std::vector<Tok> out;
  size_t i = 0, n = std::min(limit, s.size());
  while (i < n) {
    size_t start = i;
    char32_t cp = NextCodePoint(s, &i);
    if (IsSpace(cp)) continue;
    Tok::Kind kind;
    if (IsDigit(cp) && cp < 0x80) {
      kind = Tok::kNum;
      while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    } else if (IsLetter(cp)) {
      kind = Tok::kWord;
      while (i < n) {
        size_t j = i;
        char32_t c = NextCodePoint(s, &j);
        // "Jum'at" keeps its apostrophe; a word never swallows digits.
        if (IsLetter(c) || ((c == '\'' || c == 0x2019) && j < n && IsLetter(s[j]))) i = j;
        else break;
      }
    } else {
      kind = Tok::kPunct;
    }
    out.push_back({kind, start, i, s.substr(start, i - start)});
  }
  return out;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool ValidDate(int y, int m, int d) { return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m); }

int Num(const Tok& t) {
  int v = 0;
  for (char c : t.text) v = v * 10 + (c - '0');
  return v;
}

class Parser {
 public:
  // `field`: the forms only ParseDate reads (year first with '/' or '.', two-digit years).
  Parser(const std::vector<Tok>& toks, const Calendar& cal, DateOrder order, bool field = false)
      : t_(toks), cal_(cal), order_(order), field_(field) {}

  // Tries a date starting at token i; on success *end is one past its last token.
  std::optional<DateMatch> At(size_t i, size_t* end) const {
    DateMatch m;
    size_t j = i;
    if (!DatePart(i, &j, &m)) return std::nullopt;
    m.start = t_[i].start;
    size_t last = j;
    TimePart(j, &last, &m.value);
    m.end = t_[last - 1].end;
    *end = last;
    return m;
  }

 private:
  bool Is(size_t i, Tok::Kind k) const { return i < t_.size() && t_[i].kind == k; }
  bool IsP(size_t i, std::string_view p) const { return Is(i, Tok::kPunct) && t_[i].text == p; }
  bool IsNum(size_t i, size_t min_digits, size_t max_digits) const {
    return Is(i, Tok::kNum) && t_[i].text.size() >= min_digits && t_[i].text.size() <= max_digits;
  }
  std::optional<int> MonthAt(size_t i) const { return Is(i, Tok::kWord) ? cal_.Month(t_[i].text) : std::nullopt; }

  bool DatePart(size_t i, size_t* j, DateMatch* m) const {
    DateTime& v = m->value;
    // ISO: 2024-05-12; in a field also 2024/05/12, 2024.05.12
    if (IsNum(i, 4, 4) && (IsP(i + 1, "-") || (field_ && (IsP(i + 1, "/") || IsP(i + 1, ".")))) &&
        IsNum(i + 2, 1, 2) && IsP(i + 3, t_[i + 1].text) && IsNum(i + 4, 1, 2)) {
      v.year = Num(t_[i]); v.month = Num(t_[i + 2]); v.day = Num(t_[i + 4]);
      *j = i + 5;
      return ValidDate(v.year, v.month, v.day);
    }
    // 7 Desember 2021, 7 Des. 2021, 7 December, 2021
    if (IsNum(i, 1, 2)) {
      size_t k = i + 1;
      if (auto mo = MonthAt(k)) {
        ++k;
        if (IsP(k, ".")) ++k;
        if (IsP(k, ",")) ++k;
        if (IsNum(k, 4, 4)) {
          v.day = Num(t_[i]); v.month = *mo; v.year = Num(t_[k]);
          *j = k + 1;
          return ValidDate(v.year, v.month, v.day);
        }
      }
      // 21/10/2025, 21-10-2025, 21.10.2025
      if ((IsP(k, "/") || IsP(k, "-") || IsP(k, ".")) && IsNum(k + 1, 1, 2) && IsP(k + 2, t_[k].text) &&
          IsNum(k + 3, 4, 4)) {
        int a = Num(t_[i]), b = Num(t_[k + 1]);
        v.year = Num(t_[k + 3]);
        bool day_first = a > 12 ? true : b > 12 ? false : order_ != DateOrder::kMonthFirst;
        m->ambiguous = a <= 12 && b <= 12 && a != b;
        v.day = day_first ? a : b;
        v.month = day_first ? b : a;
        *j = k + 4;
        return ValidDate(v.year, v.month, v.day);
      }
      // In a field: 21/10/25, 10-21-25, 25/10/21 (year first only by kYearFirst)
      if (field_ && (IsP(k, "/") || IsP(k, "-")) && IsNum(k + 1, 1, 2) && IsP(k + 2, t_[k].text) &&
          IsNum(k + 3, 2, 2)) {
        int a = Num(t_[i]), b = Num(t_[k + 1]), c = Num(t_[k + 3]);
        auto year = [](int yy) { return yy < 69 ? 2000 + yy : 1900 + yy; };
        *j = k + 4;
        m->ambiguous = true;
        if (order_ == DateOrder::kYearFirst) {
          v.year = year(a); v.month = b; v.day = c;
        } else {
          bool day_first = a > 12 ? true : b > 12 ? false : order_ == DateOrder::kDayFirst;
          m->ambiguous = a <= 12 && b <= 12 && a != b;
          v.year = year(c);
          v.day = day_first ? a : b;
          v.month = day_first ? b : a;
        }
        return ValidDate(v.year, v.month, v.day);
      }
      return false;
    }
    // December 7, 2021; Dec. 7 2021; 7th
    if (auto mo = MonthAt(i)) {
      size_t k = i + 1;
      if (IsP(k, ".")) ++k;
      if (!IsNum(k, 1, 2)) return false;
      int d = Num(t_[k++]);
      if (Is(k, Tok::kWord) && (t_[k].text == "st" || t_[k].text == "nd" || t_[k].text == "rd" || t_[k].text == "th")) ++k;
      if (IsP(k, ",")) ++k;
      if (!IsNum(k, 4, 4)) return false;
      v.day = d; v.month = *mo; v.year = Num(t_[k]);
      *j = k + 1;
      return ValidDate(v.year, v.month, v.day);
    }
    return false;
  }

  // Optional time after the date: separators and "pukul"/"at", then HH:MM[:SS]
  // [AM|PM] [zone]. Leaves *last at the date's end when there is no time.
  void TimePart(size_t j, size_t* last, DateTime* v) const {
    size_t k = j;
    for (int skipped = 0; skipped < 3 && k < t_.size(); ++skipped) {
      const Tok& t = t_[k];
      bool sep = t.kind == Tok::kPunct && (t.text == "," || t.text == "|" || t.text == "-" || t.text == "(" ||
                                           t.text == "\xE2\x80\x93" || t.text == "\xE2\x80\x94" || t.text == "/" ||
                                           t.text == "@" || t.text == "\xC2\xB7" || t.text == "\xE2\x80\xA2");
      bool word = t.kind == Tok::kWord &&
                  (EqualsIgnoreCase(t.text, "pukul") || EqualsIgnoreCase(t.text, "jam") ||
                   EqualsIgnoreCase(t.text, "at") || EqualsIgnoreCase(t.text, "T") || EqualsIgnoreCase(t.text, "pkl"));
      if (!sep && !word) break;
      ++k;
      if (word && k < t_.size() && IsP(k, ".")) ++k;  // "pkl."
    }
    if (!(IsNum(k, 1, 2) && (IsP(k + 1, ":") || IsP(k + 1, ".")) && IsNum(k + 2, 2, 2))) return;
    int h = Num(t_[k]), mi = Num(t_[k + 2]), s = -1;
    size_t e = k + 3;
    if ((IsP(e, ":")) && IsNum(e + 1, 2, 2)) {
      s = Num(t_[e + 1]);
      e += 2;
      if (IsP(e, ".") && Is(e + 1, Tok::kNum)) e += 2;  // fractional seconds
    }
    // AM / PM / a.m. / p.m.
    if (Is(e, Tok::kWord)) {
      std::string_view w = t_[e].text;
      bool am = EqualsIgnoreCase(w, "am"), pm = EqualsIgnoreCase(w, "pm");
      size_t after = e + 1;
      if ((EqualsIgnoreCase(w, "a") || EqualsIgnoreCase(w, "p")) && IsP(e + 1, ".") && Is(e + 2, Tok::kWord) &&
          EqualsIgnoreCase(t_[e + 2].text, "m")) {
        am = EqualsIgnoreCase(w, "a");
        pm = !am;
        after = e + 3;
        if (IsP(after, ".")) ++after;
      }
      if (am || pm) {
        if (h < 1 || h > 12) return;
        h = (h % 12) + (pm ? 12 : 0);
        e = after;
      }
    }
    if (h > 23 || mi > 59 || s > 59) return;
    v->hour = h; v->minute = mi; v->second = s;
    *last = e;
    // Zone: WIB, (WIB), GMT+7, +07:00, +0700, Z
    size_t z = e;
    bool paren = IsP(z, "(");
    if (paren) ++z;
    if (Is(z, Tok::kWord)) {
      if (auto off = cal_.ZoneOffsetMinutes(t_[z].text)) {
        v->offset_minutes = *off;
        ++z;
        if ((IsP(z, "+") || IsP(z, "-")) && IsNum(z + 1, 1, 2) &&
            (EqualsIgnoreCase(t_[z - 1].text, "gmt") || EqualsIgnoreCase(t_[z - 1].text, "utc"))) {
          int hours = Num(t_[z + 1]);
          if (hours <= 14) v->offset_minutes = (IsP(z, "-") ? -1 : 1) * hours * 60;
          z += 2;
        }
        if (paren && IsP(z, ")")) ++z;
        *last = z;
        return;
      }
    }
    if (!paren && (IsP(z, "+") || IsP(z, "-")) && Is(z + 1, Tok::kNum)) {
      std::string off(t_[z].text);
      off += t_[z + 1].text;
      size_t after = z + 2;
      if (IsP(after, ":") && IsNum(after + 1, 2, 2)) {
        off += ":";
        off += t_[after + 1].text;
        after += 2;
      }
      if (auto o = ParseUtcOffset(off)) {
        v->offset_minutes = *o;
        *last = after;
      }
    }
  }

  const std::vector<Tok>& t_;
  const Calendar& cal_;
  DateOrder order_;
  bool field_;
};

}  // namespace

std::optional<DateMatch> FindDate(std::string_view text, const Calendar& calendar, DateOrder order, size_t limit) {
  if (limit < text.size()) limit = PrevCodePointStart(text, limit + 1);
  std::vector<Tok> toks = Tokenize(text, limit);
  Parser p(toks, calendar, order);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == Tok::kPunct) continue;
    // A date starts at a word boundary, not in the middle of "A12/3/2024".
    if (i > 0 && toks[i - 1].end == toks[i].start && toks[i - 1].kind != Tok::kPunct) continue;
    size_t end;
    if (auto m = p.At(i, &end)) return m;
  }
  return std::nullopt;
}

std::optional<DateMatch> ParseDate(std::string_view text, const Calendar& calendar, DateOrder order) {
  std::string_view s = Trim(text);
  size_t offset = static_cast<size_t>(s.data() - text.data());
  std::vector<Tok> toks = Tokenize(s, s.size());
  Parser p(toks, calendar, order, /*field=*/true);
  // Allow a leading weekday ("Selasa, 21 Oktober 2025") or label ("Published:").
  for (size_t i = 0; i < toks.size() && i < 4; ++i) {
    size_t end;
    if (auto m = p.At(i, &end)) {
      m->start += offset;
      m->end += offset;
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace warta
