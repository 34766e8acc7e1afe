#include "store/postgres_sql.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "store/like_pattern.h"

namespace warta::pgsql {

std::string Args::Add(pg::Param p, const char* type) {
  params_.push_back(std::move(p));
  return fmt::format("${}::{}", params_.size(), type);
}

const char* TableOf(Grouping g) { return g == Grouping::kStory ? "stories" : "topics"; }
const char* Column(Grouping g) { return g == Grouping::kStory ? "story" : "topic"; }

std::string Fold(std::string_view x) {
  return fmt::format("translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')", x);
}

std::string Like(std::string_view x, std::string_view pattern) {
  return fmt::format("{} LIKE {} ESCAPE '\\'", Fold(x), Fold(pattern));
}

std::string DateOf(std::string_view day) { return fmt::format("to_char(DATE '1970-01-01' + {}, 'YYYY-MM-DD')", day); }

std::string PeriodOf(const std::string& by, std::string_view day) {
  std::string d = fmt::format("(DATE '1970-01-01' + {})", day);
  if (by == "year") return fmt::format("to_char({}, 'YYYY')", d);
  if (by == "day") return fmt::format("to_char({}, 'YYYY-MM-DD')", d);
  // %W: the week of the year, weeks starting on Monday, days before the first Monday in week 00.
  if (by == "week")
    return fmt::format("to_char({0}, 'YYYY') || '-W' || lpad(((extract(doy FROM {0})::integer + 7 - "
                       "extract(isodow FROM {0})::integer) / 7)::text, 2, '0')",
                       d);
  return fmt::format("to_char({}, 'YYYY-MM')", d);
}

std::string Node(std::string_view code) {
  return fmt::format("(CASE WHEN {1} THEN {0} ELSE substr({0}, 1, 3) END) COLLATE \"C\"", code,
                     Like(code, "'IGO%'"));
}

std::string DocConditions(const Filter& f, std::string_view day, Args* args) {
  std::string w;
  if (f.since) w += fmt::format(" AND {} >= {}", day, args->Int(*f.since));
  if (f.until) w += fmt::format(" AND {} <= {}", day, args->Int(*f.until));
  if (f.lang) w += " AND d.lang = " + args->Text(*f.lang);
  if (f.outlet) w += " AND d.outlet = " + args->Text(*f.outlet);
  return w;
}

bool Unfiltered(const Filter& f) { return f.OnlyDays() && !f.since && !f.until; }

std::string StartsWithCode(std::string_view column, const std::string& code, Args* args) {
  bool plain = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c));
  });
  if (plain) {
    std::string low = args->Text(code), high = args->Text(code);
    return fmt::format("({0} COLLATE \"C\" >= upper({1}) AND {0} COLLATE \"C\" < (upper({2}) || 'z'))", column, low,
                       high);
  }
  return Like(column, args->Text(LikeContains(code).substr(1)));
}

std::string EventColumns() {
  return fmt::format(
      "e.document, {} AS date, e.source_actor, e.source_name, e.cameo, e.plover, e.quad_class, e.goldstein, "
      "e.negated, e.target_actor, e.target_name, e.via, "
      "(SELECT COUNT(*) FROM documents c WHERE c.id = e.document OR c.duplicate_of = e.document) AS reports, "
      "e.sentence, d.title, d.url",
      DateOf("e.day"));
}

}  // namespace warta::pgsql
