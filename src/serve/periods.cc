#include "serve/periods.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "store/table_format.h"
#include "util/days.h"

namespace warta {

namespace {

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

std::string PeriodOf(int32_t day, const std::string& by) {
  std::string iso = IsoFromDays(day);  // yyyy-mm-dd
  if (by == "day") return iso;
  if (by == "month") return iso.substr(0, 7);
  if (by == "year") return iso.substr(0, 4);
  int year = std::atoi(iso.c_str());
  int yday = day - DaysFromCivil(year, 1, 1);  // 0-based
  int monday_based = ((day % 7 + 7) % 7 + 3) % 7;  // 1970-01-01 was a Thursday: 0 = Monday
  int week = (yday + 7 - monday_based) / 7;
  return fmt::format("{}-W{:02}", iso.substr(0, 4), week);
}

namespace {

using Row = std::vector<std::optional<std::string>>;

// Whether `p` is a period label of `by` ("2021-12-07", "2021-W49", "2021-12", "2021").
bool IsLabelOf(const std::string& p, const std::string& by) {
  if (by == "week") return p.size() == 8 && p[4] == '-' && p[5] == 'W' && DaysFromIso(p.substr(0, 4) + "-01-01");
  return DaysFromIso(by == "day" ? p : by == "month" ? p + "-01" : p + "-01-01") && p.size() == (by == "day" ? 10u : by == "month" ? 7u : 4u);
}

// The first day of a period label of `by`.
int32_t FirstDayOf(const std::string& p, const std::string& by) {
  if (by == "week") {
    int year = std::atoi(p.c_str()), week = std::atoi(p.c_str() + 6);
    int32_t jan1 = DaysFromCivil(year, 1, 1);
    int jan1_monday_based = ((jan1 % 7 + 7) % 7 + 3) % 7;
    int32_t first_monday = jan1 + (7 - jan1_monday_based) % 7;
    return week == 0 ? jan1 : first_monday + (week - 1) * 7;
  }
  return DaysFromIso(by == "day" ? p : by == "month" ? p + "-01" : p + "-01-01").value_or(0);
}

// The days to fill: the bounds given, else the first and last rows' periods. Too many periods
// and the range narrows to the rows' own; still too many, nothing is filled (nullopt).
std::optional<std::pair<int32_t, int32_t>> FillRange(const std::map<std::string, Row>& rows, const std::string& by,
                                                     std::optional<int32_t> since, std::optional<int32_t> until) {
  if (rows.empty() && (!since || !until)) return std::nullopt;
  int32_t from = since ? *since : FirstDayOf(rows.begin()->first, by);
  int32_t to = until ? *until : FirstDayOf(rows.rbegin()->first, by);
  const int64_t max_days = int64_t{kMaxPeriods} * (by == "day" ? 1 : by == "week" ? 7 : by == "month" ? 28 : 365);
  if (int64_t{to} - from > max_days && !rows.empty()) {
    from = std::max(from, FirstDayOf(rows.begin()->first, by));
    to = std::min(to, FirstDayOf(rows.rbegin()->first, by));
  }
  if (int64_t{to} - from > max_days) return std::nullopt;
  return std::pair{from, to};
}

}  // namespace

void FillPeriods(Table* t, const std::string& by, std::optional<int32_t> since, std::optional<int32_t> until) {
  int col = ColumnIndex(*t, "period");
  if (col < 0) return;
  const auto c = static_cast<size_t>(col);
  std::map<std::string, Row> rows;
  std::vector<Row> other;  // rows whose period is no label of `by`
  for (Row& row : t->rows) {
    if (row[c] && IsLabelOf(*row[c], by)) rows.emplace(*row[c], std::move(row));
    else other.push_back(std::move(row));
  }
  std::vector<Row> out;
  if (auto range = FillRange(rows, by, since, until)) {
    Row empty(t->columns.size());  // an empty period: integer columns 0, the others NULL
    for (size_t i = 0; i < empty.size() && i < t->types.size(); ++i)
      if (t->types[i] == Table::Type::kInt) empty[i] = std::string("0");
    std::string last;
    for (int32_t d = range->first; d <= range->second; ++d) {
      std::string p = PeriodOf(d, by);
      if (p == last) continue;
      last = p;
      auto it = rows.find(p);
      if (it == rows.end()) {
        out.push_back(empty);
        out.back()[c] = p;
      } else {
        out.push_back(std::move(it->second));
        rows.erase(it);
      }
    }
  }
  // Rows outside the range (or all, when nothing was filled) keep their place; never dropped.
  for (auto& [p, r] : rows) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(), [c](const Row& a, const Row& b) { return a[c].value_or("") < b[c].value_or(""); });
  for (Row& r : other) out.push_back(std::move(r));
  t->rows = std::move(out);
}

void MarkSpikes(Table* t, const std::string& column) {
  int col = ColumnIndex(*t, column);
  t->columns.push_back("spike");
  t->types.push_back(Table::Type::kBool);
  std::vector<double> values;
  for (const auto& row : t->rows) {
    const auto& v = col >= 0 ? row[static_cast<size_t>(col)] : std::nullopt;
    values.push_back(v ? std::atof(v->c_str()) : 0);
  }
  double median = Median(values);
  std::vector<double> deviations;
  for (double v : values) deviations.push_back(std::fabs(v - median));
  double sigma = std::max(1.4826 * Median(deviations), 1.0);
  for (size_t i = 0; i < t->rows.size(); ++i)
    t->rows[i].push_back(values[i] >= 3 && values[i] > median + 3 * sigma ? "1" : "0");
}

}  // namespace warta
