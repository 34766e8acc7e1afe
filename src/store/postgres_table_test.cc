// The PostgreSQL store writes reals exactly as SQLite does: SqliteReal and
// SqliteRound against SQLite itself on many values (no server needed).
#include "store/postgres_table.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <random>

namespace warta {
namespace {

TEST(PostgresTable, RealsPrintAndRoundAsInSqlite) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT ?1, ROUND(?1, 2)", -1, &st, nullptr), SQLITE_OK);
  std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.675, -0.325, 1e15, 1e16, 123456789012345678.0,
                                1e-5, 0.0001, 3.4, -2.35, 1.0 / 3, 2.0 / 3, 5.0 / 7, 1e300, -1e-300};
  std::mt19937_64 rng(42);  // deterministic
  std::uniform_real_distribution<double> mantissa(-10, 10);
  std::uniform_int_distribution<int> exponent(-20, 20);
  for (int i = 0; i < 20000; ++i) values.push_back(mantissa(rng) * std::pow(10.0, exponent(rng)));
  // Means of one-decimal scores, as Goldstein averages are.
  for (int i = 0; i < 20000; ++i) values.push_back(std::round(mantissa(rng) * 10) / 10 / (1 + i % 16));
  int checked = 0;
  for (double v : values) {
    sqlite3_bind_double(st, 1, v);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    std::string text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    double rounded = sqlite3_column_double(st, 1);
    std::string rounded_text = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    EXPECT_EQ(SqliteReal(v), text) << v;
    EXPECT_EQ(SqliteRound(v, 2), rounded) << v;
    EXPECT_EQ(SqliteReal(SqliteRound(v, 2)), rounded_text) << v;
    sqlite3_reset(st);
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(values.size()));
  sqlite3_finalize(st);
  sqlite3_close(db);
}

}  // namespace
}  // namespace warta
