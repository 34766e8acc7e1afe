#include "store/postgres_table.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace warta {
namespace {

// Type OIDs (src/include/catalog/pg_type.dat; fixed since PostgreSQL 7).
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

// SQLite's printf for reals (printf.c, etFLOAT/etGENERIC, as in 3.40): the
// value in long double, a rounder added, then digits cut one by one. Ported
// rather than approximated with the C library's printf, which rounds the
// exact binary value and so differs in the last digit now and then.
class SqliteDigits {
 public:
  // `fixed`: "%.{precision}f"; else "%!.{precision}g".
  static std::string Format(double r, int precision, bool fixed) {
    static const double kRound[] = {5.0e-01, 5.0e-02, 5.0e-03, 5.0e-04, 5.0e-05,
                                    5.0e-06, 5.0e-07, 5.0e-08, 5.0e-09, 5.0e-10};
    SqliteDigits d;
    d.v_ = r;
    std::string out;
    if (d.v_ < 0.0) d.v_ = -d.v_, out = "-";
    if (!fixed && precision > 0) --precision;
    int idx = precision & 0xfff;
    long double rounder = kRound[idx % 10];
    for (; idx >= 10; idx -= 10) rounder *= 1.0e-10;
    if (fixed) {
      double rx = static_cast<double>(d.v_);
      uint64_t u;
      std::memcpy(&u, &rx, sizeof u);
      int ex = -1023 + static_cast<int>((u >> 52) & 0x7ff);
      if (precision + ex / 3 < 15) rounder += d.v_ * 3e-16;
      d.v_ += rounder;
    }
    int exp = d.Normalize();
    bool exponent = false;
    if (!fixed) {
      d.v_ += rounder;
      if (d.v_ >= 10.0) d.v_ *= 0.1, ++exp;
      exponent = exp < -4 || exp > precision;
      if (!exponent) precision -= exp;
      d.nsd_ = 26;  // the '!' flag: up to 26 significant digits
    }
    int e2 = exponent ? 0 : exp;
    if (e2 < 0) out += '0';
    for (; e2 >= 0; --e2) out += d.Digit();
    out += '.';
    for (++e2; e2 < 0; --precision, ++e2) out += '0';
    while (precision-- > 0) out += d.Digit();
    if (!fixed) {  // trailing zeros go, but one digit stays after the point ('!')
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out += '0';
    }
    if (exponent) out += Exponent(exp);
    return out;
  }

 private:
  // Scales v_ into [1, 10); the decimal exponent.
  int Normalize() {
    int exp = 0;
    if (!(v_ > 0.0)) return 0;
    long double scale = 1.0;
    while (v_ >= 1e100 * scale && exp <= 350) scale *= 1e100, exp += 100;
    while (v_ >= 1e10 * scale && exp <= 350) scale *= 1e10, exp += 10;
    while (v_ >= 10.0 * scale && exp <= 350) scale *= 10.0, ++exp;
    v_ /= scale;
    while (v_ < 1e-8) v_ *= 1e8, exp -= 8;
    while (v_ < 1.0) v_ *= 10.0, --exp;
    return exp;
  }
  char Digit() {
    if (nsd_ <= 0) return '0';
    --nsd_;
    int digit = static_cast<int>(v_);
    v_ = (v_ - digit) * 10.0;
    return static_cast<char>('0' + digit);
  }
  static std::string Exponent(int exp) {
    std::string out = exp < 0 ? "e-" : "e+";
    exp = std::abs(exp);
    if (exp >= 100) out += static_cast<char>('0' + exp / 100), exp %= 100;
    out += static_cast<char>('0' + exp / 10);
    out += static_cast<char>('0' + exp % 10);
    return out;
  }

  long double v_ = 0;
  int nsd_ = 16;
};

}  // namespace

std::string SqliteReal(double v) {
  if (v != v) return "";  // NaN: SQLite stores NULL
  if (v > 1.7976931348623157e308) return "Inf";
  if (v < -1.7976931348623157e308) return "-Inf";
  return SqliteDigits::Format(v, 15, false);
}

double SqliteRound(double r, int digits) {
  if (r < -4503599627370496.0 || r > 4503599627370496.0) return r;  // no fractional part
  if (digits <= 0) return static_cast<double>(static_cast<int64_t>(r + (r < 0 ? -0.5 : 0.5)));
  return std::strtod(SqliteDigits::Format(r, digits, true).c_str(), nullptr);
}

Table::Type TypeOfOid(Oid oid) {
  if (oid == kInt2 || oid == kInt4 || oid == kInt8) return Table::Type::kInt;
  if (oid == kFloat4 || oid == kFloat8 || oid == kNumeric) return Table::Type::kReal;
  return Table::Type::kText;
}

bool Declared(const pg::ResultSet& r, int c) { return r.SourceTable(c) != InvalidOid; }

std::vector<std::optional<std::string>> RowOf(const pg::ResultSet& r, int row) {
  std::vector<std::optional<std::string>> out;
  for (int c = 0; c < r.Columns(); ++c) {
    if (r.IsNull(row, c)) {
      out.emplace_back();
    } else if (TypeOfOid(r.Type(c)) == Table::Type::kReal) {
      out.emplace_back(SqliteReal(std::strtod(std::string(r.Text(row, c)).c_str(), nullptr)));
    } else {
      out.emplace_back(std::string(r.Text(row, c)));
    }
  }
  return out;
}

Table ToTable(const pg::ResultSet& r) {
  Table t;
  std::vector<bool> has_value(static_cast<size_t>(r.Columns()), false);
  for (int c = 0; c < r.Columns(); ++c) t.columns.push_back(r.Name(c));
  for (int row = 0; row < r.Rows(); ++row) {
    t.rows.push_back(RowOf(r, row));
    for (int c = 0; c < r.Columns(); ++c)
      if (!r.IsNull(row, c)) has_value[static_cast<size_t>(c)] = true;
  }
  for (int c = 0; c < r.Columns(); ++c)
    t.types.push_back(Declared(r, c) || has_value[static_cast<size_t>(c)] ? TypeOfOid(r.Type(c)) : Table::Type::kText);
  return t;
}

void SetType(Table* t, const std::string& column, Table::Type type) {
  for (size_t c = 0; c < t->columns.size(); ++c)
    if (t->columns[c] == column) t->types[c] = type;
}

void RoundColumn(Table* t, const std::string& column, int digits) {
  for (size_t c = 0; c < t->columns.size(); ++c) {
    if (t->columns[c] != column) continue;
    for (auto& row : t->rows)
      if (row[c]) row[c] = SqliteReal(SqliteRound(std::strtod(row[c]->c_str(), nullptr), digits));
  }
}

}  // namespace warta
