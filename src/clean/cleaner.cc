#include "clean/cleaner.h"

#include <algorithm>
#include <unordered_set>

#include "clean/dateline.h"
#include "clean/nfc.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

// Bylines and date lines are looked for in the first lines of the article
// (labelled credits such as "Penulis: X" anywhere).
constexpr size_t kHeadLines = 6;
// Repeated paragraphs shorter than this many words are left alone: "Iya," or a
// one-word subheading may legitimately occur twice.
constexpr size_t kMinDuplicateWords = 3;
// A guessed title is short and does not read like a sentence of the body.
constexpr size_t kMaxTitleBytes = 250;
constexpr size_t kMaxTitleWords = 30;
// Body dates ("Selasa (21/10/2025)") are looked for in the first paragraphs.
constexpr size_t kBodyDateParagraphs = 3;

struct Item {
  Span span;
  bool removed = false;
  bool merged = false;  // holds hard-wrapped lines joined into one paragraph
};

std::vector<Item> SplitLines(std::string_view text) {
  std::vector<Item> items;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
    size_t b, e;
    TrimBounds(text.substr(start, i - start), &b, &e);
    if (e > b) items.push_back({{start + b, start + e}});
    start = i + 1;
  }
  return items;
}

std::string_view Slice(std::string_view text, Span s) { return text.substr(s.start, s.end - s.start); }

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  size_t i = 0;
  while (i < s.size()) {
    bool space = IsSpace(NextCodePoint(s, &i));
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// Paragraphs that differ only in whitespace or ASCII case are the same
// paragraph. A fixed 64-bit hash of that normal form stands for it.
uint64_t DedupKey(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  bool space = false, any = false;
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = any;
      continue;
    }
    if (space) h = (h ^ ' ') * 0x100000001b3ULL;
    space = false;
    any = true;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return h;
}

// True if `s` holds a sentence end inside it: a lower-case word, '.', '?' or
// '!', a space ("... jorok. Dalam ..."); "Prof. Dr." does not count.
bool HasInnerSentenceEnd(std::string_view s) {
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if ((s[i] != '.' && s[i] != '?' && s[i] != '!') || s[i + 1] != ' ') continue;
    size_t b = i;
    while (b > 0 && s[b - 1] >= 'a' && s[b - 1] <= 'z') --b;
    if (i - b >= 3 && (b == 0 || s[b - 1] == ' ')) return true;
  }
  return false;
}

bool LooksLikeTitle(std::string_view s) {
  if (s.size() > kMaxTitleBytes || WordCount(s) > kMaxTitleWords || HasInnerSentenceEnd(s)) return false;
  char last = s.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

// True if the word just before text[pos] (skipping spaces, '(' and ',') is a weekday.
bool WeekdayBefore(std::string_view text, size_t pos, const Calendar& cal) {
  size_t e = pos;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '(' || text[e - 1] == ',')) --e;
  size_t b = e;
  while (b > 0 && (IsLetter(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '\'')) --b;
  return e > b && cal.Weekday(text.substr(b, e - b)).has_value();
}

}  // namespace

std::vector<uint64_t> FurnitureKeys(std::string_view original) {
  std::vector<uint64_t> keys;
  for (const Item& item : SplitLines(original)) {
    std::string_view line = Slice(original, item.span);
    size_t words = WordCount(line);
    if (words >= 2 && words <= 60) keys.push_back(DedupKey(line));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

namespace {

class Cleaner {
 public:
  Cleaner(std::string_view text, const RecordMeta& meta, const CleanerData& data, const CleanOptions& options)
      : text_(text), meta_(meta), data_(data), options_(options), items_(SplitLines(text)) {}

  CleanResult Run() {
    RemoveBoilerplate();
    ReadBylines();
    JoinWrappedLines();
    ReadTitle();
    RemoveDuplicates();
    ReadEditor();
    ReadDateline();
    ResolvePublished();
    Finish();
    return std::move(result_);
  }

 private:
  void Remove(Item& item, const char* kind, std::string reason) {
    item.removed = true;
    result_.removed.push_back({kind, std::move(reason), item.span});
  }
  std::string_view Text(const Item& item) const { return Slice(text_, item.span); }

  void RemoveBoilerplate() {
    const std::vector<uint64_t>* learned = options_.furniture;
    for (Item& item : items_) {
      if (const std::string* name = data_.boilerplate->Match(Text(item))) Remove(item, "boilerplate", *name);
      else if (learned && std::binary_search(learned->begin(), learned->end(), DedupKey(Text(item))))
        Remove(item, "boilerplate", "learned furniture");
    }
  }

  void ReadBylines() {
    size_t seen = 0;
    for (Item& item : items_) {
      if (item.removed) continue;
      bool head = seen++ < kHeadLines;
      std::string_view line = Text(item);
      if (line.size() > 240) continue;
      if (auto byline = ParseByline(line, *data_.bylines, *data_.calendar, DateOrder::kDayFirst)) {
        // "By"/"Oleh" without a colon only count near the top; "Penulis: X" anywhere.
        bool labelled = line.find(':') != std::string_view::npos;
        if (!head && !labelled) continue;
        for (auto& a : byline->authors)
          if (byline_author_set_.insert(a).second) byline_authors_.push_back(a);  // a set: linear in bylines
        if (byline->editor && !byline_editor_) byline_editor_ = byline->editor;
        if (byline->date && !byline_date_) byline_date_ = byline->date->value;
        Remove(item, "byline", "byline");
        continue;
      }
      DateMatch date;
      if (head && IsDateLine(line, *data_.calendar, DateOrder::kDayFirst, &date)) {
        if (!byline_date_) byline_date_ = date.value;
        Remove(item, "byline", "date line");
      }
    }
  }

  void ReadTitle() {
    // The first remaining line among the first few is the headline.
    for (size_t i = 0; i < items_.size() && i < 4; ++i) {
      Item& item = items_[i];
      if (item.removed) continue;
      std::string_view line = Text(item);
      if (meta_.title) {
        if (!meta_.title->empty() && DedupKey(line) == DedupKey(*meta_.title)) Remove(item, "title", "same as title field");
        return;
      }
      bool more = std::any_of(items_.begin() + static_cast<std::ptrdiff_t>(i) + 1, items_.end(),
                              [](const Item& x) { return !x.removed; });
      if (more && !item.merged && LooksLikeTitle(line) && !FindDateline(line)) {
        result_.title = ToNfc(line);
        Remove(item, "title", "first line");
      }
      return;
    }
  }

  // Hard-wrapped text ("... disebut sebagai\nikan paling ...") is one
  // paragraph: a line that ends without closing punctuation, followed on the
  // very next line by one that starts in lower case, continues it.
  void JoinWrappedLines() {
    Item* open = nullptr;
    for (Item& item : items_) {
      if (item.removed) {
        open = nullptr;
        continue;
      }
      if (open != nullptr && Continues(*open, item)) {
        open->span.end = item.span.end;
        open->merged = true;
        item.removed = true;  // absorbed, not reported: its bytes are in `open`
        continue;
      }
      open = &item;
    }
  }

  bool Continues(const Item& prev, const Item& next) const {
    std::string_view gap = text_.substr(prev.span.end, next.span.start - prev.span.end);
    size_t breaks = static_cast<size_t>(std::count(gap.begin(), gap.end(), '\n'));
    if (breaks == 0) breaks = static_cast<size_t>(std::count(gap.begin(), gap.end(), '\r'));
    if (breaks != 1) return false;  // a blank line ends a paragraph
    std::string_view p = Text(prev), n = Text(next);
    size_t last = PrevCodePointStart(p, p.size()), i = 0;
    char32_t end = NextCodePoint(p, &last), start = NextCodePoint(n, &i);
    static constexpr std::u32string_view kClosers = U".!?:;\"\u201D\u2019)]";
    return kClosers.find(end) == std::u32string_view::npos && IsLower(start);
  }

  void RemoveDuplicates() {
    std::unordered_set<uint64_t> seen;
    for (Item& item : items_) {
      if (item.removed) continue;
      std::string_view line = Text(item);
      if (WordCount(line) < kMinDuplicateWords) continue;
      if (!seen.insert(DedupKey(line)).second) Remove(item, "duplicate", "repeated paragraph");
    }
  }

  void ReadEditor() {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      if (it->removed) continue;
      std::string_view line = Text(*it);
      if (auto mark = FindEditorMark(line)) {
        editor_initials_ = mark->initials;
        if (mark->start == 0) {
          Remove(*it, "editor", "editor initials");
        } else {
          size_t b, e;
          std::string_view tail = line.substr(mark->start);
          TrimBounds(tail, &b, &e);
          Span removed{it->span.start + mark->start + b, it->span.start + mark->start + e};
          result_.removed.push_back({"editor", "editor initials", removed});
          size_t tb, te;
          TrimBounds(line.substr(0, mark->start), &tb, &te);
          it->span.end = it->span.start + te;
        }
      }
      return;
    }
  }

  // The dateline opens the first body paragraph, or the second when the first
  // is a headline the record's (empty) title field kept in the body.
  void ReadDateline() {
    size_t seen = 0;
    for (Item& item : items_) {
      if (item.removed) continue;
      if (auto d = FindDateline(Text(item))) {
        result_.dateline = ToNfc(d->place);
        size_t b, e;
        TrimBounds(Text(item).substr(0, d->length), &b, &e);
        result_.removed.push_back({"dateline", "dateline", {item.span.start + b, item.span.start + e}});
        item.span.start += d->length;
        return;
      }
      if (++seen == 2 || !LooksLikeTitle(Text(item))) return;
    }
  }

  // The first date in the opening paragraphs that a weekday introduces
  // ("Selasa (21/10/2025)", "Kamis, 23 Oktober 2025"): the day of the events.
  std::optional<DateTime> BodyDate() const {
    size_t seen = 0;
    for (const Item& item : items_) {
      if (item.removed) continue;
      if (seen++ >= kBodyDateParagraphs) break;
      std::string_view para = Text(item);
      size_t pos = 0;
      for (int tries = 0; tries < 8 && pos < para.size(); ++tries) {
        auto m = FindDate(para.substr(pos), *data_.calendar, DateOrder::kDayFirst);
        if (!m) break;
        if (WeekdayBefore(para, pos + m->start, *data_.calendar)) {
          DateTime d = m->value;
          d.hour = d.minute = d.second = -1;
          d.offset_minutes.reset();
          return d;
        }
        pos += m->end;
      }
    }
    return std::nullopt;
  }

  void ResolvePublished() {
    std::optional<DateTime> when;
    if (meta_.published) {
      // One order for the whole input, never this record's own guess: the
      // same "9/12/2025" reads the same in every row (issue 19).
      DateOrder order = options_.field_date_order.value_or(meta_.date_order.value_or(DateOrder::kDayFirst));
      if (auto m = ParseDate(*meta_.published, *data_.calendar, order)) when = m->value;
    }
    if (!when) when = byline_date_;
    if (!when) when = BodyDate();
    if (when) result_.published = ToIso8601(*when, options_.default_offset_minutes);
  }

  void Finish() {
    if (meta_.title) result_.title = ToNfc(Trim(*meta_.title));
    if (meta_.authors && !meta_.authors->empty()) {
      for (const auto& a : *meta_.authors) result_.authors.push_back(ToNfc(a));
    } else {
      for (const auto& a : byline_authors_) result_.authors.push_back(ToNfc(a));
    }
    if (byline_editor_) result_.editor = ToNfc(*byline_editor_);
    else if (editor_initials_) result_.editor = editor_initials_;
    for (const Item& item : items_) {
      if (item.removed || item.span.end <= item.span.start) continue;
      if (!result_.text.empty()) result_.text.append("\n\n");
      if (item.merged) {
        std::string joined = CollapseSpace(Text(item));  // the line breaks of wrapped text become spaces
        AppendNfc(joined, &result_.text);
      } else {
        AppendNfc(Text(item), &result_.text);
      }
      result_.paragraphs.push_back(item.span);
    }
    std::stable_sort(result_.removed.begin(), result_.removed.end(),
                     [](const Removal& a, const Removal& b) { return a.span.start < b.span.start; });
  }

  std::string_view text_;
  const RecordMeta& meta_;
  const CleanerData& data_;
  const CleanOptions& options_;
  std::vector<Item> items_;
  CleanResult result_;
  std::vector<std::string> byline_authors_;
  std::unordered_set<std::string> byline_author_set_;
  std::optional<std::string> byline_editor_, editor_initials_;
  std::optional<DateTime> byline_date_;
};

}  // namespace

CleanResult Clean(std::string_view original, const RecordMeta& meta, const CleanerData& data,
                  const CleanOptions& options) {
  return Cleaner(original, meta, data, options).Run();
}

}  // namespace warta
