// Issue 13: a record far longer than an article is analysed in sections with
// bounded memory; what the sections find is one document's.
#include "analyze/analyzer.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "tests/test_support.h"

namespace warta {
namespace {

// Every span inside the text, every index inside the entities, and mentions
// naming the entity they belong to.
void ExpectConsistent(const Document& d) {
  for (size_t i = 0; i < d.entities.size(); ++i) {
    const Entity& e = d.entities[i];
    EXPECT_EQ(e.id, "e" + std::to_string(i + 1));
    size_t last = 0;
    for (const EntityMention& m : e.mentions) {
      ASSERT_LE(m.span.end, d.original.size());
      EXPECT_GE(m.span.start, last) << e.name << ": mentions in text order";
      last = m.span.start;
    }
  }
  for (const Quote& q : d.quotes) {
    EXPECT_LE(q.span.end, d.original.size());
    EXPECT_LT(q.speaker_entity, static_cast<int>(d.entities.size()));
  }
  for (const Event& e : d.events) {
    ASSERT_LT(e.source, static_cast<int>(d.entities.size()));
    ASSERT_LT(e.target, static_cast<int>(d.entities.size()));
    if (e.source >= 0) {
      EXPECT_EQ(e.source_name, d.entities[static_cast<size_t>(e.source)].name);
    }
    if (e.target >= 0) {
      EXPECT_EQ(e.target_name, d.entities[static_cast<size_t>(e.target)].name);
    }
    EXPECT_LE(e.sentence.end, d.original.size());
  }
}

// Paragraphs that each name China and Russia, quote a spokesperson with words
// of their own (numbered) and report a meeting; `n` of them.
std::string Paragraphs(int n, const char* separator) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "Presiden China Xi Jinping bertemu Presiden Rusia Vladimir Putin di Moskow untuk pertemuan ke-" +
            std::to_string(i) + ". \"Kami membahas kerja sama nomor " + std::to_string(i) +
            ",\" kata juru bicara Kementerian Luar Negeri China Wang Wenbin.";
    text += separator;
  }
  return text;
}

TEST(Analyze, ARecordOverASectionIsOneDocumentWithMergedEntities) {
  std::string text = Paragraphs(7000, "\n\n");  // about 1.6 MB: two sections
  ASSERT_GT(text.size(), size_t{1} << 20);
  Document d = testing::AnalyzeText(text);
  ExpectConsistent(d);
  std::map<std::string, int> named;
  for (const Entity& e : d.entities) ++named[e.name];
  for (const auto& [name, count] : named) EXPECT_EQ(count, 1) << name << " is one entity across sections";
  // Xi is named in every paragraph: all his mentions are on one entity.
  size_t xi = 0;
  for (const Entity& e : d.entities)
    if (e.kb == "person/xi_jinping") xi = e.mentions.size();
  EXPECT_GE(xi, 7000u);
  // Each paragraph's quotation is its own words: none lost at the section cut.
  EXPECT_EQ(d.quotes.size(), 7000u);
}

TEST(Analyze, AOneLineRecordIsCutIntoSectionsAtSpaces) {
  std::string text = Paragraphs(7000, " ");  // one paragraph of about 1.6 MB
  Document d = testing::AnalyzeText(text);
  ExpectConsistent(d);
  EXPECT_GE(d.quotes.size(), 6990u);  // a quotation cut by the section boundary may be lost, no more
  EXPECT_FALSE(d.events.empty());
}

TEST(Analyze, SectionsAnalysedAtOnceGiveTheSameBytes) {
  std::string text = Paragraphs(9000, "\n\n");  // about 2 MB: two sections or more
  auto run = [&](bool parallel) {
    Record r;
    r.source = "test";
    r.text = text;
    AnalyzeOptions options;
    size_t calls = 0;
    if (parallel) {
      // Any order of the sections' work: here the last first, on threads.
      options.section_threads = 4;
      options.parallel_for = [&calls](size_t n, const std::function<void(size_t)>& fn) {
        ++calls;
        std::vector<std::thread> pool;
        for (size_t i = n; i-- > 0;) pool.emplace_back(fn, i);
        for (auto& t : pool) t.join();
      };
    }
    std::string json = ToJson(Analyze(std::move(r), testing::TestKnowledge(), options), JsonOptions{});
    if (parallel) {
      EXPECT_GE(calls, 1u) << "the sections were handed to the caller's threads";
    }
    return json;
  };
  EXPECT_EQ(run(false), run(true));
}

TEST(Analyze, AShortRecordIsOneSectionAsBefore) {
  std::string text = Paragraphs(3, "\n\n");
  Document d = testing::AnalyzeText(text);
  ExpectConsistent(d);
  EXPECT_EQ(d.quotes.size(), 3u);
  ASSERT_FALSE(d.entities.empty());
}

}  // namespace
// Issue 19, finding 3: the record's publisher reaches the Document (where the
// store reads it) and the JSON line, and is absent when the record has none.
TEST(Analyze, PublisherIsCarriedToTheDocumentAndItsJsonOnlyWhenPresent) {
  AnalyzeOptions options;
  options.entities = false;
  Record r;
  r.source = "test";
  r.text = "Isi berita.";
  r.url = "https://example.com/a";
  r.publisher = "Kompas";
  Document doc = Analyze(r, testing::TestKnowledge(), options);
  EXPECT_EQ(doc.publisher, "Kompas");
  EXPECT_NE(ToJson(doc, {}).find("\"url\":\"https://example.com/a\",\"publisher\":\"Kompas\",\"lang\""),
            std::string::npos);
  r.publisher.reset();
  doc = Analyze(r, testing::TestKnowledge(), options);
  EXPECT_EQ(doc.publisher, std::nullopt);
  EXPECT_EQ(ToJson(doc, {}).find("publisher"), std::string::npos);
}

// Issue 19, finding 2: the record's input's date order reads its field.
TEST(Analyze, PublishedFieldReadsInTheRecordsInputOrder) {
  AnalyzeOptions options;
  options.entities = false;
  Record r;
  r.source = "test";
  r.text = "Isi berita.";
  r.published = "9/12/2025";
  EXPECT_EQ(Analyze(r, testing::TestKnowledge(), options).clean.published, "2025-12-09");
  r.date_order = DateOrder::kMonthFirst;
  EXPECT_EQ(Analyze(r, testing::TestKnowledge(), options).clean.published, "2025-09-12");
  options.clean.field_date_order = DateOrder::kDayFirst;  // --date-order wins
  EXPECT_EQ(Analyze(r, testing::TestKnowledge(), options).clean.published, "2025-12-09");
}

}  // namespace warta
