#include "serve/periods.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "util/days.h"

namespace warta {

namespace {

int ColumnIndex(const Table& t, const std::string& name) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i] == name) return static_cast<int>(i);
  return -1;
}

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

void FillPeriods(Table* t, const std::string& by, std::optional<int32_t> since, std::optional<int32_t> until) {
  int col = ColumnIndex(*t, "period");
  if (col < 0) return;
  std::map<std::string, std::vector<std::optional<std::string>>> rows;
  std::vector<std::vector<std::optional<std::string>>> other;  // periods that are no label of `by`
  for (auto& row : t->rows) {
    const auto& p = row[static_cast<size_t>(col)];
    if (p && DaysFromIso(by == "day" ? *p : by == "month" ? *p + "-01" : by == "year" ? *p + "-01-01" : "x"))
      rows.emplace(*p, std::move(row));
    else if (p && by == "week" && p->size() == 8 && (*p)[4] == '-' && (*p)[5] == 'W')
      rows.emplace(*p, std::move(row));
    else
      other.push_back(std::move(row));
  }
  if (rows.empty() && (!since || !until)) {
    for (auto& r : other) rows.emplace("", std::move(r));
    t->rows.clear();
    for (auto& [p, r] : rows) t->rows.push_back(std::move(r));
    return;
  }
  // The day range: the bounds given, else the first and last rows' periods (their first day).
  auto first_day = [&](const std::string& p) -> int32_t {
    if (by == "week") {
      int year = std::atoi(p.c_str()), week = std::atoi(p.c_str() + 6);
      int32_t jan1 = DaysFromCivil(year, 1, 1);
      int jan1_monday_based = ((jan1 % 7 + 7) % 7 + 3) % 7;
      int32_t first_monday = jan1 + (7 - jan1_monday_based) % 7;
      return week == 0 ? jan1 : first_monday + (week - 1) * 7;
    }
    std::string iso = by == "day" ? p : by == "month" ? p + "-01" : p + "-01-01";
    return DaysFromIso(iso).value_or(0);
  };
  int32_t from = since ? *since : first_day(rows.begin()->first);
  int32_t to = until ? *until : first_day(rows.rbegin()->first);
  std::vector<std::vector<std::optional<std::string>>> out;
  std::string last;
  for (int32_t d = from; d <= to && static_cast<int>(out.size()) < kMaxPeriods; ++d) {
    std::string p = PeriodOf(d, by);
    if (p == last) continue;
    last = p;
    auto it = rows.find(p);
    if (it != rows.end()) {
      out.push_back(std::move(it->second));
      rows.erase(it);
      continue;
    }
    std::vector<std::optional<std::string>> empty(t->columns.size());
    for (size_t i = 0; i < empty.size(); ++i)
      if (i < t->types.size() && t->types[i] == Table::Type::kInt) empty[i] = "0";
    empty[static_cast<size_t>(col)] = p;
    out.push_back(std::move(empty));
  }
  for (auto& r : other) out.push_back(std::move(r));
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
