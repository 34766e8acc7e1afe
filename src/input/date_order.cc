#include "input/date_order.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace warta {

const char* DateOrderName(DateOrder order) {
  switch (order) {
    case DateOrder::kDayFirst: return "day-first";
    case DateOrder::kMonthFirst: return "month-first";
    case DateOrder::kYearFirst: return "year-first";
  }
  return "day-first";
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSeparator(char c) { return c == '/' || c == '-' || c == '.'; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Reads 1..max_digits digits at s[*i]; false when there are none or more.
bool Number(std::string_view s, size_t* i, size_t min_digits, size_t max_digits, int* value) {
  size_t start = *i;
  int v = 0;
  while (*i < s.size() && IsDigit(s[*i]) && *i - start < max_digits + 1) v = v * 10 + (s[(*i)++] - '0');
  size_t n = *i - start;
  if (n < min_digits || n > max_digits) return false;
  *value = v;
  return true;
}

// The quote of the date for a message: at most 40 bytes of the field.
std::string Quote(std::string_view published) {
  size_t n = std::min<size_t>(published.size(), 40);
  while (n > 0 && n < published.size() && (static_cast<unsigned char>(published[n]) & 0xC0) == 0x80) --n;  // whole characters
  std::string_view s = published.substr(0, n);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out = "'";
  out.append(s);
  out.append(n < published.size() ? "…'" : "'");
  return out;
}

class DateOrderReader final : public RecordReader {
 public:
  DateOrderReader(std::unique_ptr<RecordReader> in, std::optional<DateOrder> forced)
      : in_(std::move(in)), forced_(forced), order_(forced.value_or(DateOrder::kDayFirst)) {}

  bool Next(Record* record, const DiagnosticSink& report) override {
    if (!decided_) LookAhead(report);
    if (next_ < window_.size()) {
      *record = std::move(window_[next_++]);
      if (next_ == window_.size()) std::vector<Record>().swap(window_);  // the window's memory goes back
    } else {
      if (ended_ || !in_->Next(record, report)) {
        ended_ = true;
        return false;
      }
    }
    record->date_order = order_;
    Check(*record, report);
    return true;
  }

 private:
  // Reads the window and decides the order (see date_order.h).
  void LookAhead(const DiagnosticSink& report) {
    decided_ = true;
    if (forced_) return;
    size_t bytes = 0;
    size_t count[2] = {0, 0};        // rows proving day first, month first
    std::optional<DateOrder> first;  // the order proven first
    while (window_.size() < kDateOrderLookAheadRecords && bytes < kDateOrderLookAheadBytes) {
      Record r;
      if (!in_->Next(&r, report)) {
        ended_ = true;
        break;
      }
      bytes += r.text.size() + (r.published ? r.published->size() : 0) + (r.title ? r.title->size() : 0) + 256;
      if (r.published) {
        if (auto proof = ProvenDateOrder(*r.published)) {
          ++count[*proof == DateOrder::kMonthFirst];
          if (!first) {
            first = proof;
            first_line_ = r.line;
          }
        }
      }
      window_.push_back(std::move(r));
    }
    window_records_ = window_.size();
    if (count[0] != count[1]) order_ = count[1] > count[0] ? DateOrder::kMonthFirst : DateOrder::kDayFirst;
    else if (first) order_ = *first;
    proven_[0] = count[0];
    proven_[1] = count[1];
    inferred_from_proof_ = first.has_value();
  }

  // Reports the first record of the input whose date contradicts its order.
  void Check(const Record& record, const DiagnosticSink& report) {
    if (warned_ || !record.published || order_ == DateOrder::kYearFirst) return;
    auto proof = ProvenDateOrder(*record.published);
    if (!proof || *proof == order_) return;
    warned_ = true;
    std::string why, records = "the input's first " + std::to_string(window_records_) + " records";
    if (forced_) {
      why = std::string("as --date-order ") + (order_ == DateOrder::kMonthFirst ? "mdy" : "dmy") + " says";
    } else if (proven_[0] != proven_[1]) {
      why = "as most dates proving an order in " + records + " do (" + std::to_string(proven_[0]) + " day-first, " +
            std::to_string(proven_[1]) + " month-first)";
    } else if (inferred_from_proof_) {
      why = "the order proven first (line " + std::to_string(first_line_) + "): " + records + " prove each order " +
            std::to_string(proven_[0]) + " time(s)";
    } else {
      why = "the default: none of " + records + " proves an order";
    }
    report({record.source, record.line,
            "published date " + Quote(*record.published) + " can only be read " + DateOrderName(*proof) +
                ", but the ambiguous numeric dates of this input (like 9/12/2025) are read " + DateOrderName(order_) +
                ", " + why + "; this record's own date is read right; later contradictions are not reported" +
                (forced_ ? "" : "; --date-order dmy|mdy chooses the order"),
            /*warning=*/true});
  }

  std::unique_ptr<RecordReader> in_;
  std::optional<DateOrder> forced_;
  DateOrder order_;
  bool decided_ = false, ended_ = false, warned_ = false;
  std::vector<Record> window_;  // the look-ahead, handed on from next_
  size_t next_ = 0;
  // What the decision rested on, for the warning.
  size_t window_records_ = 0, proven_[2] = {0, 0};
  uint64_t first_line_ = 0;
  bool inferred_from_proof_ = false;
};

}  // namespace

std::optional<DateOrder> ProvenDateOrder(std::string_view published) {
  std::string_view s = published.substr(0, 512);  // a date field is short; a hostile one is not read to its end
  for (size_t i = 0; i < s.size(); ++i) {
    // A date starts at a number that is not part of a longer word or number chain.
    if (!IsDigit(s[i]) || (i > 0 && (IsAsciiAlnum(s[i - 1]) || IsSeparator(s[i - 1])))) continue;
    size_t j = i;
    int a, b, year;
    if (!Number(s, &j, 1, 2, &a) || j >= s.size() || !IsSeparator(s[j])) continue;
    char sep = s[j++];
    if (!Number(s, &j, 1, 2, &b) || j >= s.size() || s[j] != sep) continue;
    ++j;
    size_t year_start = j;
    if (!Number(s, &j, 2, 4, &year) || j - year_start == 3 || (j - year_start == 2 && sep == '.')) continue;
    if (j < s.size() && (IsAsciiAlnum(s[j]) || (s[j] == sep && j + 1 < s.size() && IsDigit(s[j + 1])))) continue;
    if (j - year_start == 2) year += year < 69 ? 2000 : 1900;  // as the cleaner reads a two-digit year
    // The first numeric date decides, as the cleaner reads the first date.
    if (year < 1900 || year > 2100 || a < 1 || b < 1) return std::nullopt;
    if (a > 12 && b <= 12 && a <= DaysIn(year, b)) return DateOrder::kDayFirst;
    if (b > 12 && a <= 12 && b <= DaysIn(year, a)) return DateOrder::kMonthFirst;
    return std::nullopt;
  }
  return std::nullopt;
}

std::unique_ptr<RecordReader> NewDateOrderReader(std::unique_ptr<RecordReader> in,
                                                 std::optional<DateOrder> forced) {
  return std::make_unique<DateOrderReader>(std::move(in), forced);
}

}  // namespace warta
