// Bylines and credit lines: "By Tatik Ariyani, Selasa, 7 Desember 2021 | 14:12 WIB",
// "Oleh: Budi Santoso", "Reporter: A | Editor: B", "Penulis: X". The labels are
// data (data/clean/byline_labels.tsv); the name grammar is here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clean/calendar.h"
#include "clean/date.h"
#include "util/status.h"

namespace warta {

class BylineLabels {
 public:
  static Result<BylineLabels> FromTsv(std::string_view tsv, std::string_view name);

  struct Label {
    std::string words;  // lower-case
    bool editor = false;
    bool needs_colon = false;
  };
  const std::vector<Label>& labels() const { return labels_; }

 private:
  std::vector<Label> labels_;
};

struct Byline {
  std::vector<std::string> authors;
  std::optional<std::string> editor;
  std::optional<DateMatch> date;  // offsets relative to the parsed line
};

// Parses `line` (one trimmed line) as a byline; nullopt if it is not one. A
// byline names at least one person after a label, and has little else.
std::optional<Byline> ParseByline(std::string_view line, const BylineLabels& labels, const Calendar& calendar,
                                  DateOrder order);

// True if `line` is a date and little more ("Kamis, 23 Oktober 2025 10:15 WIB",
// "Published: 12 May 2024 14:00 GMT"); *date receives it.
bool IsDateLine(std::string_view line, const Calendar& calendar, DateOrder order, DateMatch* date);

}  // namespace warta
