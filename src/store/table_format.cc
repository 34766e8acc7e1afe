#include "store/table_format.h"

#include <cstdlib>

#include "util/json_writer.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

namespace {

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Cell(const std::optional<std::string>& v, size_t max_cell) {
  if (!v) return "";
  std::string out;
  size_t n = 0;
  for (size_t pos = 0; pos < v->size();) {
    size_t start = pos;
    char32_t cp = NextCodePoint(*v, &pos);
    if (n == max_cell) {
      out += "…";
      break;
    }
    if (cp == '\n' || cp == '\r' || cp == '\t') out.push_back(' ');
    else out.append(*v, start, pos - start);
    ++n;
  }
  return out;
}

// A list cell as people read it: "a; b; c".
std::optional<std::string> Joined(Table::Type type, const std::optional<std::string>& v) {
  if (!v || type != Table::Type::kList) return v;
  std::string out;
  for (char c : *v) c == Table::kListSeparator ? out += "; " : out += c;
  return out;
}

void WriteValue(JsonWriter* w, Table::Type type, const std::optional<std::string>& v) {
  if (!v) return w->Null();
  if (type == Table::Type::kBool) return w->Bool(*v == "1");
  if (type == Table::Type::kList) {
    w->BeginArray();
    if (!v->empty())
      for (auto item : Split(*v, Table::kListSeparator)) w->String(item);
    return w->EndArray();
  }
  if (type == Table::Type::kInt) return w->Int(std::strtoll(v->c_str(), nullptr, 10));
  if (type == Table::Type::kReal) return w->Double(std::strtod(v->c_str(), nullptr), 4);
  w->String(*v);
}

}  // namespace

int ColumnIndex(const Table& t, std::string_view name) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i] == name) return static_cast<int>(i);
  return -1;
}

std::optional<std::string> CellOf(const Table& t, size_t row, std::string_view column) {
  int c = ColumnIndex(t, column);
  return c < 0 || row >= t.rows.size() ? std::nullopt : t.rows[row][static_cast<size_t>(c)];
}

std::string TableToText(const Table& t, size_t max_cell) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width;
  for (const auto& c : t.columns) width.push_back(CodePoints(c));
  for (const auto& row : t.rows) {
    cells.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      cells.back().push_back(Cell(Joined(i < t.types.size() ? t.types[i] : Table::Type::kText, row[i]), max_cell));
      width[i] = std::max(width[i], CodePoints(cells.back().back()));
    }
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) {
      bool right = i < t.types.size() && (t.types[i] == Table::Type::kInt || t.types[i] == Table::Type::kReal);
      size_t pad = width[i] - CodePoints(values[i]);
      if (right) out.append(pad, ' ');
      out += values[i];
      if (!right && i + 1 < values.size()) out.append(pad, ' ');
      if (i + 1 < values.size()) out += "  ";
    }
    out += '\n';
  };
  line(t.columns);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : cells) line(row);
  return out;
}

std::string RowToJson(const Table& t, const std::vector<std::optional<std::string>>& row) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  for (size_t i = 0; i < row.size() && i < t.columns.size(); ++i) {
    w.Key(t.columns[i]);
    WriteValue(&w, i < t.types.size() ? t.types[i] : Table::Type::kText, row[i]);
  }
  w.EndObject();
  return out;
}

std::string TableToJson(const Table& t) {
  std::string out = "[";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (r) out += ",\n ";
    out += RowToJson(t, t.rows[r]);
  }
  out += "]\n";
  return out;
}

std::string CsvRow(const std::vector<std::optional<std::string>>& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += ',';
    if (!row[i]) continue;
    const std::string& v = *row[i];
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      out += v;
      continue;
    }
    out += '"';
    for (char c : v) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  out += "\r\n";
  return out;
}

std::string CsvRowOf(const Table& t, const std::vector<std::optional<std::string>>& row) {
  std::vector<std::optional<std::string>> shown;
  for (size_t i = 0; i < row.size(); ++i) shown.push_back(Joined(i < t.types.size() ? t.types[i] : Table::Type::kText, row[i]));
  return CsvRow(shown);
}

std::string CsvHeader(const Table& t) {
  std::vector<std::optional<std::string>> names(t.columns.begin(), t.columns.end());
  return CsvRow(names);
}

std::string TableToCsv(const Table& t) {
  std::string out = CsvHeader(t);
  for (const auto& row : t.rows) out += CsvRowOf(t, row);
  return out;
}

}  // namespace warta
