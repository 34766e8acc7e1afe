// The FTS5 → tsquery translation of the PostgreSQL store's search: what each
// piece of FTS5's syntax becomes, and that it refuses exactly the queries
// SQLite's FTS5 refuses, with SQLite's kind of message (no server needed).
#include "store/fts_query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace warta {
namespace {

std::string Translate(const std::string& q) {
  auto r = Fts5ToTsquery(q);
  return r.ok() ? r.value() : "error: " + r.status().message();
}

TEST(FtsQuery, TranslatesEachPartOfTheSyntax) {
  EXPECT_EQ(Translate("china"), "'china'");
  EXPECT_EQ(Translate("china russia"), "('china' & 'russia')");
  EXPECT_EQ(Translate("china AND russia"), "('china' & 'russia')");
  EXPECT_EQ(Translate("\"kerja sama\""), "'kerja sama'");
  EXPECT_EQ(Translate("kerja + sama"), "('kerja' <-> 'sama')");
  EXPECT_EQ(Translate("a OR b c"), "('a' | ('b' & 'c'))");  // AND binds tighter than OR
  EXPECT_EQ(Translate("a NOT b AND c"), "(('a' & !'b') & 'c')");  // NOT tighter than AND
  EXPECT_EQ(Translate("a NOT b c"), "('a' & !('b' & 'c'))");  // a list of phrases is one operand
  EXPECT_EQ(Translate("(a OR b) AND c"), "(('a' | 'b') & 'c')");
  EXPECT_EQ(Translate("sanc*"), "'sanc':*");
  EXPECT_EQ(Translate("title:china"), "'china':A");
  EXPECT_EQ(Translate("text:sanc*"), "'sanc':*B");
  EXPECT_EQ(Translate("-title:china"), "'china':B");
  EXPECT_EQ(Translate("{title text}:china"), "'china'");
  EXPECT_EQ(Translate("title:(a OR b)"), "('a':A | 'b':A)");
  EXPECT_EQ(Translate("NEAR(a b, 5)"), "('a' & 'b')");
  EXPECT_EQ(Translate("^a"), "'a'");
  // Quotes and backslashes inside a string cannot end the operand.
  EXPECT_EQ(Translate("\"it's\""), "'it''s'");
  EXPECT_EQ(Translate("\"a\\\\' | b\""), "'a\\\\\\\\'' | b'");
  EXPECT_EQ(Translate("\"say \"\"hi\"\"\""), "'say \"hi\"'");
}

TEST(FtsQuery, RefusesWithSqlitesMessages) {
  EXPECT_EQ(Translate(""), "error: fts5: syntax error near \"\"");
  EXPECT_EQ(Translate("AND"), "error: fts5: syntax error near \"AND\"");
  EXPECT_EQ(Translate("a NOT"), "error: fts5: syntax error near \"\"");
  EXPECT_EQ(Translate("a)"), "error: fts5: syntax error near \")\"");
  EXPECT_EQ(Translate("\"open"), "error: unterminated string");
  EXPECT_EQ(Translate("x:foo"), "error: no such column: x");
  EXPECT_EQ(Translate("covid-19"), "error: no such column: 19");
  EXPECT_EQ(Translate("(a OR b) c"), "error: fts5: syntax error near \"c\"");  // no implicit AND after ')'
  EXPECT_EQ(Translate("*a"), "error: unknown special query: a");
}

// For each query, FTS5 and the translation both accept it or both refuse it, for the same kind of reason.
TEST(FtsQuery, AcceptsWhatFts5Accepts) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(title, text); INSERT INTO t VALUES ('a b', 'c d')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  for (const char* q :
       {"a", "a b", "a OR b", "a AND b", "a NOT b", "ab*", "\"a b\"*", "title:a", "text:a", "-title:a", "{title text}:a",
        "{title}:a", "title:(a OR b)", "NEAR(a b)", "NEAR(a b, 3)", "^a", "a + b", "(a OR b) c", "", "AND", "OR a",
        "NOT a", "a NOT", "a OR", "\"a", "x:a", "a:b", "{x}:a", "a)", "(a", "()", "a-b", "it's", "a,b", "a@b", "a.b",
        "naïve", "a   b", "\"\"", "a*b", "a**", "*a", "(a) (b)", "a AND (b OR c) NOT d", "NEAR", "near(a b)",
        "x:(a) b", "a + ^b", "^a b", "a NOT b c", "NEAR(a b) c", "title:(a) AND b", "a AND NOT b", "- title : a"}) {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?", -1, &st, nullptr), SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    std::string sqlite_error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
    sqlite3_finalize(st);
    auto ours = Fts5ToTsquery(q);
    EXPECT_EQ(sqlite_error.empty(), ours.ok())
        << "'" << q << "': sqlite: " << sqlite_error << "; ours: " << (ours.ok() ? ours.value() : ours.status().message());
    if (!sqlite_error.empty() && !ours.ok()) {
      for (const char* kind : {"fts5", "unterminated string", "no such column", "unknown special query"}) {
        EXPECT_EQ(sqlite_error.find(kind) != std::string::npos, ours.status().message().find(kind) != std::string::npos)
            << q << ": " << sqlite_error << " / " << ours.status().message();
      }
    }
  }
  sqlite3_close(db);
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

TEST(SafeSearchQuery, WhatPeopleTypeBecomesAValidQuery) {
  EXPECT_EQ(SafeSearchQuery("presiden jokowi"), "\"presiden\" \"jokowi\"");
  EXPECT_EQ(SafeSearchQuery("COVID-19"), "\"COVID-19\"");
  EXPECT_EQ(SafeSearchQuery("e-KTP Ma'ruf"), "\"e-KTP\" \"Ma'ruf\"");
  EXPECT_EQ(SafeSearchQuery("\""), "");
  EXPECT_EQ(SafeSearchQuery("say \"hi"), "\"say\" \"hi\"");
  EXPECT_EQ(SafeSearchQuery("\"kerja sama\" energi"), "\"kerja sama\" \"energi\"");
  EXPECT_EQ(SafeSearchQuery("rusia OR ukraina NOT perang"), "\"rusia\" OR \"ukraina\" NOT \"perang\"");
  EXPECT_EQ(SafeSearchQuery("OR rusia AND"), "\"rusia\"");
  EXPECT_EQ(SafeSearchQuery("AND OR NOT"), "");
  EXPECT_EQ(SafeSearchQuery("sank*"), "\"sank\"*");
  EXPECT_EQ(SafeSearchQuery("(rusia OR china) energi"), "(\"rusia\" OR \"china\") AND \"energi\"");
  EXPECT_EQ(SafeSearchQuery("NEAR(a b, -1)"), "\"NEAR\" AND (\"a\" \"b,\" \"-1\")");
  EXPECT_EQ(SafeSearchQuery("((rusia"), "\"rusia\"");
  EXPECT_EQ(SafeSearchQuery("a () b"), "\"a\" \"b\"");
  EXPECT_EQ(SafeSearchQuery("title:x"), "\"title:x\"");
  EXPECT_EQ(SafeSearchQuery("say \"\"\" x"), "\"say\" \"x\"");
}

}  // namespace
}  // namespace warta
