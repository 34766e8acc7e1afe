// `warta ingest` and the queries over the store, through the binary, on
// articles written for these tests: idempotency, a SIGKILL in the middle of
// an ingest followed by a resume, duplicates, stories and each query's output.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>


#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "tests/run_command.h"

extern char** environ;

namespace warta {
namespace {

using testing::RunWarta;
using testing::SpawnWarta;
using testing::WriteFile;

std::string Temp(const std::string& name) { return ::testing::TempDir() + "warta_corpus_" + name; }

std::string FreshDb(const std::string& name) {
  std::string path = Temp(name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

// A JSON string literal of plain text (the fixtures use no quotes or backslashes).
std::string Json(const std::string& s) { return "\"" + s + "\""; }

std::string Record(const std::string& id, const std::string& url, const std::string& date, const std::string& title,
                   const std::string& text) {
  return "{\"id\":" + Json(id) + ",\"url\":" + Json(url) + ",\"published\":" + Json(date) +
         ",\"title\":" + Json(title) + ",\"text\":" + Json(text) + "}\n";
}

const std::string kTalks =
    "Menteri Luar Negeri Indonesia Sugiono bertemu Menteri Luar Negeri Malaysia di Kuala Lumpur pada Rabu untuk "
    "membahas perundingan batas laut di Laut Sulawesi. Indonesia dan Malaysia sepakat mempercepat perundingan "
    "batas laut yang sudah berlangsung lebih dari dua puluh tahun. Kedua menteri juga membahas perlindungan pekerja "
    "migran, perdagangan lintas batas, dan kerja sama penjagaan perairan di Selat Malaka. Tim teknis kedua negara "
    "akan bertemu lagi di Jakarta pada bulan depan untuk membahas peta bersama dan titik dasar di sekitar pulau "
    "terluar. Para nelayan di Nunukan berharap kesepakatan itu segera selesai agar mereka tidak lagi ditangkap "
    "petugas patroli karena melintasi garis yang belum jelas. Pemerintah daerah Kalimantan Utara menyambut baik "
    "langkah tersebut dan menyiapkan data wilayah tangkapan ikan untuk tim perunding.";

const std::string kFlood =
    "Banjir merendam ratusan rumah di Bekasi setelah hujan deras mengguyur kawasan itu sejak Senin malam. Badan "
    "Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter di beberapa perumahan. Warga "
    "mengungsi ke masjid dan balai desa, sementara petugas membagikan makanan siap saji dan selimut. Sungai "
    "Cikeas meluap karena tanggul di bagian hulu jebol sepanjang dua puluh meter. Dinas pekerjaan umum berjanji "
    "memperbaiki tanggul dalam sepekan dan memasang pompa tambahan di titik rawan genangan.";

std::string Corpus() {
  std::string near = kTalks;
  near.replace(near.find("pada Rabu"), 9, "pada Rabu pagi");
  near += " Pertemuan berikutnya dijadwalkan setelah rapat kabinet.";
  std::string follow =
      "Perundingan batas laut Indonesia dan Malaysia di Laut Sulawesi berlanjut. Menteri Luar Negeri Sugiono "
      "mengatakan tim teknis akan membahas peta bersama dan titik dasar pulau terluar di Jakarta bulan depan, "
      "sementara nelayan Nunukan menunggu kepastian garis batas agar tidak ditangkap petugas patroli.";
  return Record("a", "https://news.example.id/a", "2025-10-01", "Indonesia dan Malaysia Percepat Perundingan Batas Laut", kTalks) +
         Record("b", "https://other.example.com/b", "2025-10-02", "Indonesia dan Malaysia Percepat Perundingan Batas Laut", kTalks) +
         Record("c", "https://third.example.org/c", "2025-10-02", "RI-Malaysia Percepat Perundingan Batas Laut", near) +
         Record("d", "https://news.example.id/d", "2025-10-01", "Banjir Rendam Ratusan Rumah di Bekasi", kFlood) +
         Record("e", "https://news.example.id/e", "2025-10-03", "Perundingan Batas Laut RI-Malaysia Berlanjut", follow);
}

std::string Stats(const std::string& db) { return RunWarta("stats --json --db '" + db + "'").out; }

TEST(Corpus, IngestIsIdempotent) {
  std::string db = FreshDb("idem"), in = Temp("idem.jsonl");
  WriteFile(in, Corpus());
  auto first = RunWarta("ingest --db '" + db + "' '" + in + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string before = Stats(db);
  EXPECT_NE(before.find("\"documents\":5,"), std::string::npos) << before;
  auto again = RunWarta("ingest --db '" + db + "' --threads 1 '" + in + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 added"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("5 already stored"), std::string::npos) << again.err;
  EXPECT_EQ(Stats(db), before);
  // The same store from one thread and from two: the same bytes out.
  std::string db1 = FreshDb("idem1");
  ASSERT_EQ(RunWarta("ingest --threads 1 --db '" + db1 + "' '" + in + "'").exit_code, 0);
  EXPECT_EQ(RunWarta("export documents --db '" + db1 + "'").out, RunWarta("export documents --db '" + db + "'").out);
  EXPECT_EQ(RunWarta("export events --db '" + db1 + "'").out, RunWarta("export events --db '" + db + "'").out);
}

TEST(Corpus, DuplicatesAndStories) {
  std::string db = FreshDb("dup"), in = Temp("dup.jsonl");
  WriteFile(in, Corpus());
  ASSERT_EQ(RunWarta("ingest --db '" + db + "' '" + in + "'").exit_code, 0);
  EXPECT_NE(Stats(db).find("\"unique_documents\":3,\"duplicates\":2"), std::string::npos) << Stats(db);
  // documents: id, input_id, source, url, title, published, lang, duplicate_of, story, topic, outlet, text
  std::string docs = RunWarta("export documents --format csv --db '" + db + "'").out;
  auto row = [&](const std::string& input_id) {
    size_t at = docs.find("," + input_id + ",");
    return docs.substr(docs.rfind('\n', at) + 1, docs.find('\n', at) - docs.rfind('\n', at) - 1);
  };
  auto field = [&](const std::string& line, int k) {
    size_t from = 0;
    for (int i = 0; i < k; ++i) from = line.find(',', from) + 1;
    return line.substr(from, line.find_first_of(",\r", from) - from);
  };
  std::string a = row("a"), b = row("b"), c = row("c"), d = row("d"), e = row("e");
  EXPECT_EQ(field(a, 7), "") << a;               // the earliest copy
  EXPECT_EQ(field(b, 7), field(a, 0)) << b;      // exact copy
  EXPECT_EQ(field(c, 7), field(a, 0)) << c;      // near copy
  EXPECT_EQ(field(d, 7), "") << d;
  EXPECT_EQ(field(b, 8), field(a, 8));           // copies join the original's story
  EXPECT_EQ(field(c, 8), field(a, 8));
  EXPECT_NE(field(d, 8), field(a, 8));           // another story
  EXPECT_EQ(field(e, 8), field(a, 8)) << docs;   // a follow-up report of the same talks
  EXPECT_EQ(field(e, 9), field(a, 9)) << docs;   // one topic for the talks
  EXPECT_NE(field(d, 9), field(a, 9)) << docs;   // and another for the flood
  auto topics = RunWarta("topics --csv --db '" + db + "'");
  EXPECT_EQ(topics.out.substr(0, topics.out.find('\n')), "topic,label,first,last,documents,sources,outlets,actors\r");
  // Events of copies are not counted twice; analysts see how many reported them.
  std::string events = RunWarta("events --json --source IDN --target MYS --db '" + db + "'").out;
  EXPECT_NE(events.find("\"reports\":3"), std::string::npos) << events;
  EXPECT_EQ(events.find("\"document\":" + field(b, 0) + ","), std::string::npos) << events;
  EXPECT_EQ(events.find("\"document\":" + field(c, 0) + ","), std::string::npos) << events;
  auto stories = RunWarta("stories --db '" + db + "'");
  EXPECT_NE(stories.out.find("Percepat Perundingan Batas Laut"), std::string::npos) << stories.out;
}

// The summaries the triggers keep (schema.cc, migration 7) say what their tables say, after
// copies were found, and after a later-ingested earlier copy turned the original into a copy.
TEST(Corpus, TheSummariesAgreeWithTheirTables) {
  std::string db = FreshDb("agg"), in = Temp("agg.jsonl"), earlier = Temp("agg_earlier.jsonl");
  WriteFile(in, Corpus());
  ASSERT_EQ(RunWarta("ingest --db '" + db + "' '" + in + "'").exit_code, 0);
  // An earlier copy (the original becomes a copy), and an English report of the same day: the
  // summaries are kept by day and by language.
  WriteFile(earlier, Record("z", "https://early.example/z", "2025-09-30", "Indonesia dan Malaysia Percepat Perundingan Batas Laut", kTalks) +
                         Record("en", "https://world.example/en", "2025-09-30", "Indonesia and Malaysia speed up sea border talks",
                                "Indonesia and Malaysia agreed on Wednesday to speed up their talks on the sea border in the "
                                "Sulawesi Sea, the two foreign ministers said after they met in Kuala Lumpur. Malaysia "
                                "accused Indonesia of delaying the survey last year, officials said."));
  ASSERT_EQ(RunWarta("ingest --db '" + db + "' '" + earlier + "'").exit_code, 0);
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto number = [&](const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int64(st, 0);
    else
      ADD_FAILURE() << sqlite3_errmsg(h) << " in " << sql;
    sqlite3_finalize(st);
    return n;
  };
  // Rows in one and not the other, both ways.
  auto differ = [&](const std::string& a, const std::string& b) {
    std::string x = "SELECT * FROM (" + a + ")", y = "SELECT * FROM (" + b + ")";
    return number("SELECT (SELECT COUNT(*) FROM (" + x + " EXCEPT " + y + ")) + (SELECT COUNT(*) FROM (" + y + " EXCEPT " +
                  x + "))");
  };
  const std::string canonical = " JOIN documents d ON d.id = x.document WHERE d.duplicate_of IS NULL";
  const std::string node = "CASE WHEN {0} LIKE 'IGO%' THEN {0} ELSE substr({0}, 1, 3) END";
  auto node_of = [&](const std::string& column) {
    std::string out = node;
    for (size_t at; (at = out.find("{0}")) != std::string::npos;) out.replace(at, 3, column);
    return out;
  };
  ASSERT_EQ(number("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"), 3);  // b, c and now a
  ASSERT_GT(number("SELECT COUNT(*) FROM events"), 0);
  EXPECT_EQ(differ("SELECT name, n FROM agg_totals WHERE name IN ('documents', 'unique_documents', 'duplicates', 'quotes', 'events')",
                   "SELECT 'documents', COUNT(*) FROM documents UNION ALL "
                   "SELECT 'unique_documents', COUNT(*) FROM documents WHERE duplicate_of IS NULL UNION ALL "
                   "SELECT 'duplicates', COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL UNION ALL "
                   "SELECT 'quotes', COUNT(*) FROM quotes x" + canonical + " UNION ALL "
                   "SELECT 'events', COUNT(*) FROM events x" + canonical), 0);
  ASSERT_EQ(number("SELECT COUNT(DISTINCT lang) FROM documents"), 2);
  EXPECT_EQ(differ("SELECT source, target, lang, SUM(events), SUM(q1), SUM(q4), ROUND(SUM(goldstein), 6) FROM agg_pairs "
                   "GROUP BY 1, 2, 3 HAVING SUM(events) > 0",
                   "SELECT " + node_of("x.source_actor") + ", " + node_of("x.target_actor") + ", d.lang, COUNT(*), "
                   "SUM(x.quad_class = 1), SUM(x.quad_class = 4), ROUND(SUM(x.goldstein), 6) FROM events x" + canonical +
                   " GROUP BY 1, 2, 3"), 0);
  EXPECT_EQ(differ("SELECT node, lang, SUM(mentions) FROM agg_nodes GROUP BY 1, 2 HAVING SUM(mentions) > 0",
                   "SELECT " + node_of("en.actor") + ", d.lang, SUM(x.mentions) FROM mention_sets x JOIN entities en ON en.id = x.entity" +
                   canonical + " AND en.actor IS NOT NULL GROUP BY 1, 2"), 0);
  EXPECT_EQ(differ("SELECT entity, documents, mentions FROM agg_entities WHERE mentions > 0",
                   "SELECT x.entity, COUNT(*), SUM(x.mentions) FROM mention_sets x" + canonical + " GROUP BY 1"), 0);
  EXPECT_EQ(differ("SELECT entity, day, lang, documents, mentions FROM agg_entity_days WHERE mentions > 0",
                   "SELECT x.entity, COALESCE(d.day, -2147483648), d.lang, COUNT(*), SUM(x.mentions) "
                   "FROM mention_sets x" + canonical + " GROUP BY 1, 2, 3"), 0);
  // Both languages share a day: what the English report adds stands apart.
  EXPECT_GT(number("SELECT COUNT(*) FROM agg_entity_days a JOIN agg_entity_days b ON a.entity = b.entity "
                   "AND a.day = b.day AND a.lang = 'en' AND b.lang = 'id' WHERE a.mentions > 0 AND b.mentions > 0"), 0);
  // And nothing is left below zero by taking a copy out.
  EXPECT_EQ(number("SELECT COUNT(*) FROM agg_entities WHERE documents < 0 OR mentions < 0"), 0);
  EXPECT_EQ(number("SELECT COUNT(*) FROM agg_pairs WHERE events < 0"), 0);
  sqlite3_close(h);
}

// A PostgreSQL store that cannot be reached: a clear error, exit 3, and no password on the screen.
TEST(Corpus, AnUnreachableDatabaseIsNamedWithoutItsPassword) {
  for (const char* command : {"stats", "ingest", "check"}) {
    std::string args = std::string(command) + " --db 'postgresql://warta:s3cret@127.0.0.1:1/warta'";
    if (std::string(command) == "ingest") args += " /dev/null";
    auto r = RunWarta(args);
    EXPECT_EQ(r.exit_code, 3) << command << ": " << r.err;
    EXPECT_NE(r.err.find("postgresql://warta:***@127.0.0.1:1/warta"), std::string::npos) << command << ": " << r.err;
    EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << command << ": " << r.err;
  }
}

TEST(Corpus, EachQueryAnswers) {
  std::string db = FreshDb("query"), in = Temp("query.jsonl");
  WriteFile(in, Corpus());
  ASSERT_EQ(RunWarta("ingest --db '" + db + "' '" + in + "'").exit_code, 0);
  auto q = [&](const std::string& args) { return RunWarta(args + " --db '" + db + "'"); };
  auto actors = q("actors --q Malaysia --json");
  EXPECT_NE(actors.out.find("\"name\":\"Malaysia\""), std::string::npos) << actors.out;
  EXPECT_EQ(actors.out.find("Bekasi"), std::string::npos);
  auto relations = q("relations IDN MYS --by month --csv");
  EXPECT_EQ(relations.out.substr(0, relations.out.find('\n')),
            "period,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,mean_goldstein,"
            "sources,spike\r");
  EXPECT_NE(relations.out.find("2025-10,"), std::string::npos) << relations.out;
  auto dyads = q("dyads --csv");
  EXPECT_EQ(dyads.out.substr(0, dyads.out.find('\n')), "source,target,events,cooperation,conflict,mean_goldstein\r");
  EXPECT_NE(dyads.out.find("\nIDN,MYS,"), std::string::npos) << dyads.out;
  auto since = q("events --since 2025-10-02 --json");
  EXPECT_EQ(since.out.find("\"date\":\"2025-10-01\""), std::string::npos) << since.out;
  EXPECT_EQ(q("events --since 2025-13-01").exit_code, 2);
  auto show = q("show 1");
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("Sugiono"), std::string::npos) << show.out;
  EXPECT_EQ(q("show 999").exit_code, 1);
  auto quotes = q("quotes --json");
  EXPECT_EQ(quotes.exit_code, 0) << quotes.err;
  EXPECT_EQ(quotes.out.front(), '[');
  auto gdelt = q("export events --format gdelt");
  ASSERT_FALSE(gdelt.out.empty());
  std::string line = gdelt.out.substr(0, gdelt.out.find('\n'));
  EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60) << line;  // 61 columns
  EXPECT_NE(line.find("\t20251001\t202510\t2025\t"), std::string::npos) << line;
  EXPECT_EQ(q("export documents --format gdelt").exit_code, 2);
  auto missing = RunWarta("stats --db '" + Temp("nope.db") + "'");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_NE(missing.err.find("no such store"), std::string::npos);
}

// Issue 19: the analyst's filters, paging and searches on the command line.
TEST(Corpus, QueriesTakeFiltersPagesAndTypedSearches) {
  std::string db = FreshDb("filters"), in = Temp("filters.jsonl");
  WriteFile(in, Corpus());
  ASSERT_EQ(RunWarta("ingest --db '" + db + "' '" + in + "'").exit_code, 0);
  auto q = [&](const std::string& args) { return RunWarta(args + " --db '" + db + "'"); };
  auto outlets = q("outlets --csv");
  EXPECT_EQ(outlets.out.substr(0, outlets.out.find('\n')), "outlet,name,country,documents,first,last\r");
  EXPECT_NE(outlets.out.find("\nnews.example.id,news.example.id,IDN,"), std::string::npos) << outlets.out;
  auto one = q("stats --json --outlet other.example.com");
  EXPECT_NE(one.out.find("\"documents\":1,"), std::string::npos) << one.out;
  auto day = q("events --json --from 2025-10-02 --to 2025-10-02");
  EXPECT_EQ(day.out.find("\"date\":\"2025-10-01\""), std::string::npos) << day.out;
  EXPECT_EQ(q("events --from 2025-10-02 --to 2025-10-01").exit_code, 2);
  auto english = q("stats --json --lang en");
  EXPECT_NE(english.out.find("\"documents\":0,"), std::string::npos) << english.out;
  // A page says where it is; --offset turns it.
  auto first = q("actors --limit 1");
  EXPECT_NE(first.out.find("(rows 1-1 of "), std::string::npos) << first.out;
  auto second = q("actors --limit 1 --offset 1");
  EXPECT_NE(second.out.find("(rows 2-2 of "), std::string::npos) << second.out;
  // Searches as people type them; quotes by their words.
  auto typed = q("search --csv \"Laut Sulawesi\" e-KTP OR Bekasi");
  EXPECT_EQ(typed.exit_code, 0) << typed.err;
  EXPECT_NE(typed.out.find("Banjir Rendam"), std::string::npos) << typed.out;
  EXPECT_EQ(q("search '\"'").exit_code, 2);  // nothing to search for
  auto words = q("quotes --json --q zzzz-no-such-words");
  EXPECT_EQ(words.out, "[]\n");
  // Every period of a series, empty ones as zeros.
  auto months = q("relations IDN MYS --by month --csv --from 2025-09-01 --to 2025-11-30");
  EXPECT_NE(months.out.find("\n2025-09,0,0,0,0,0,,"), std::string::npos) << months.out;
  EXPECT_NE(months.out.find("\n2025-11,0,"), std::string::npos) << months.out;
}

TEST(Corpus, BadRecordsAreReportedAndTheRestIngested) {
  std::string db = FreshDb("bad"), in = Temp("bad.jsonl");
  WriteFile(in, Record("x", "https://a.example/x", "2025-10-01", "Satu", kFlood) + "{not json\n" +
                    Record("y", "https://a.example/y", "2025-10-01", "Dua", kTalks));
  auto r = RunWarta("ingest --db '" + db + "' '" + in + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(":2:"), std::string::npos) << r.err;
  EXPECT_NE(Stats(db).find("\"documents\":2,"), std::string::npos);
}

// A line a site repeats on many pages is learned and removed from its later
// documents (those of batches after the one that taught it); other sites keep it.
TEST(Corpus, SiteFurnitureIsLearned) {
  std::string db = FreshDb("furniture"), in = Temp("furniture.jsonl");
  const std::string furniture = "Redaksi Kabar Lembah menerima tulisan pembaca setiap pekan";
  std::string corpus;
  for (int i = 0; i < 2200; ++i) {
    std::string text = "Petani di desa nomor " + std::to_string(i) + " memanen " + std::to_string(i % 40 + 3) +
                       " ton gabah pada musim ini, lebih banyak dari musim lalu, kata ketua kelompok tani " +
                       std::to_string(i * 31 % 997) + " kepada wartawan.\\n\\n" + furniture;
    corpus += Record("f" + std::to_string(i), "https://lembah.example/" + std::to_string(i), "2025-10-01", "Panen",
                     text);
  }
  corpus += Record("other", "https://lain.example/1", "2025-10-01", "Panen",
                   "Petani di kabupaten lain juga memanen gabah lebih banyak tahun ini.\\n\\n" + furniture);
  WriteFile(in, corpus);
  ASSERT_EQ(RunWarta("ingest --db '" + db + "' '" + in + "'").exit_code, 0);
  auto text_of = [&](int doc) {  // the cleaned text: the JSON after "text"
    std::string out = RunWarta("show " + std::to_string(doc) + " --json --db '" + db + "'").out;
    size_t at = out.find("\"text\":");
    return at == std::string::npos ? std::string() : out.substr(at);
  };
  // Batches of 1024 (kBatchRecords): a batch is analysed while the one before it is written,
  // so it learns from the batches before that (deterministically, whatever the timing).
  EXPECT_NE(text_of(1).find("Kabar Lembah"), std::string::npos);     // first batch: not learned yet
  EXPECT_NE(text_of(1100).find("Kabar Lembah"), std::string::npos);  // second: the first is being written
  EXPECT_EQ(text_of(2150).find("Kabar Lembah"), std::string::npos);  // third: learned from the first
  EXPECT_NE(text_of(2201).find("Kabar Lembah"), std::string::npos);  // another site
}

// Many batches, analysed while the writer writes: the store's contents do not
// depend on the thread count, and a record repeated across a batch boundary
// is stored once.
TEST(Corpus, ThePipelinedIngestIsTheSameOnAnyThreadCount) {
  std::string in = Temp("pipeline.jsonl");
  std::string corpus;
  for (int i = 0; i < 2300; ++i) {
    int id = i == 1024 ? 1023 : i;  // the first record of the second batch (kBatchRecords) repeats the last of the first
    std::string text = "Laporan " + std::to_string(i % 350) + " dari kecamatan " + std::to_string(i % 350 * 7 % 97) +
                       ": warga menanam padi di lahan seluas " + std::to_string(i % 350 % 50) +
                       " hektare, kata camat kepada wartawan, dan panen diperkirakan naik.\\n\\nBaca juga berita lain";
    corpus += Record("p" + std::to_string(id), "https://kecamatan.example/" + std::to_string(id), "2025-10-0" +
                     std::to_string(1 + i % 9), "Panen " + std::to_string(i % 350), text);
  }
  WriteFile(in, corpus);
  std::string one = FreshDb("pipe1"), three = FreshDb("pipe3");
  auto a = RunWarta("ingest --threads 1 --db '" + one + "' '" + in + "'");
  auto b = RunWarta("ingest --threads 3 --db '" + three + "' '" + in + "'");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(a.err.find("2299 added"), std::string::npos) << a.err;
  EXPECT_NE(a.err.find("1 already stored"), std::string::npos) << a.err;
  EXPECT_EQ(a.err, b.err);
  for (const char* what : {"documents", "events", "quotes"})
    EXPECT_EQ(RunWarta(std::string("export ") + what + " --db '" + one + "'").out,
              RunWarta(std::string("export ") + what + " --db '" + three + "'").out)
        << what;
  EXPECT_EQ(Stats(one), Stats(three));
  EXPECT_EQ(RunWarta("stories --json --limit 500 --db '" + one + "'").out, RunWarta("stories --json --limit 500 --db '" + three + "'").out);
}

// Killed at any moment, the next run finishes the job: no record lost or
// doubled, and the database is intact.
TEST(Corpus, SigkillMidIngestThenResume) {
  std::string db = FreshDb("kill"), in = Temp("kill.jsonl");
  const int n = 6000;
  std::string corpus;
  for (int i = 0; i < n; ++i) {
    std::string text = "Laporan nomor " + std::to_string(i) + " dari desa " + std::to_string(i * 7 % 1000) +
                       ". Warga desa itu menanam padi dan jagung di lahan seluas " + std::to_string(i % 50) +
                       " hektare, kata kepala desa kepada wartawan. Panen tahun ini diperkirakan naik " +
                       std::to_string(i % 13) + " persen dibanding tahun lalu karena hujan turun tepat waktu.";
    corpus += Record("k" + std::to_string(i), "https://desa.example/" + std::to_string(i), "2025-10-01", "Panen", text);
  }
  WriteFile(in, corpus);
  pid_t pid = SpawnWarta({"ingest", "--quiet", "--threads", "2", "--batch", "256", "--db", db, in});
  ASSERT_GT(pid, 0);
  // Wait for some batches to be committed, then kill it mid-way.
  auto count = [&]() -> long {
    sqlite3* h = nullptr;
    long c = -1;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(h, "SELECT COUNT(*) FROM documents", -1, &st, nullptr) == SQLITE_OK &&
          sqlite3_step(st) == SQLITE_ROW)
        c = sqlite3_column_int64(st, 0);
      sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return c;
  };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (count() < 600 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed";
  long partial = count();
  EXPECT_GE(partial, 600);
  EXPECT_LT(partial, n);

  auto resumed = RunWarta("ingest --db '" + db + "' '" + in + "'");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(std::to_string(partial) + " already stored"), std::string::npos) << resumed.err;
  EXPECT_EQ(count(), n);
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(h, "SELECT COUNT(DISTINCT input_id), COUNT(*) FROM documents", -1, &st, nullptr), SQLITE_OK)
      << sqlite3_errmsg(h);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(st, 0), n);
  EXPECT_EQ(sqlite3_column_int64(st, 1), n);
  sqlite3_finalize(st);
  sqlite3_close(h);
}

}  // namespace
}  // namespace warta
