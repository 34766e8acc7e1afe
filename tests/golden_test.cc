// Whole-pipeline behaviour on the bundled examples: the output must equal the
// reviewed golden files, must not depend on the thread count, and every offset
// must slice the original text to exactly what the output claims.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "tests/run_command.h"
#include "tests/test_support.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

struct Case {
  std::string name, args;
};

std::vector<Case> Cases() {
  std::vector<Case> out;
  std::string tsv = testing::ReadFile(testing::SourcePath("tests/golden/cases.tsv"));
  for (std::string_view line : Split(tsv, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    out.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
  }
  return out;
}

}  // namespace

TEST(Golden, OutputEqualsTheReviewedFiles) {
  auto cases = Cases();
  ASSERT_GE(cases.size(), 3u);
  for (const Case& c : cases) {
    auto r = testing::RunWarta("analyze --threads 1 " + c.args);
    EXPECT_EQ(r.exit_code, 0) << c.name << ": " << r.err;
    std::string expected = testing::ReadFile(testing::SourcePath("tests/golden/" + c.name + ".jsonl"));
    ASSERT_FALSE(expected.empty()) << "missing golden file for " << c.name << " (make golden)";
    EXPECT_EQ(r.out, expected) << c.name << ": output changed; if intended, run `make golden` and review the diff";
  }
}

TEST(Golden, ThreadCountDoesNotChangeTheBytes) {
  for (const Case& c : Cases()) {
    auto one = testing::RunWarta("analyze --threads 1 " + c.args);
    auto four = testing::RunWarta("analyze --threads 4 " + c.args);
    EXPECT_EQ(one.out, four.out) << c.name;
  }
}

// Every start/end is a byte offset into the original text of its document, at
// a UTF-8 boundary, and slicing there gives exactly the text the object claims;
// kept paragraphs and removals do not overlap, and together they cover every
// non-space byte (nothing is lost silently).
TEST(Golden, OffsetInvariantHoldsForEveryDocument) {
  simdjson::dom::parser parser;
  size_t docs = 0, spans = 0;
  for (const Case& c : Cases()) {
    auto r = testing::RunWarta("analyze --original " + c.args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (std::string_view line : Split(r.out, '\n')) {
      if (line.empty()) continue;
      ++docs;
      simdjson::dom::element doc = parser.parse(line.data(), line.size());
      std::string_view original = doc["original"];
      std::string_view id = doc["id"];
      auto boundary = [&](uint64_t off) {
        return off == original.size() || (off < original.size() && (static_cast<unsigned char>(original[off]) & 0xC0) != 0x80);
      };
      std::vector<char> cover(original.size(), 0);
      auto check = [&](simdjson::dom::element obj, char mark) {
        uint64_t s = obj["start"], e = obj["end"];
        ASSERT_LE(s, e) << id;
        ASSERT_LE(e, original.size()) << id;
        EXPECT_TRUE(boundary(s) && boundary(e)) << id;
        std::string_view text = obj["text"];
        EXPECT_EQ(original.substr(s, e - s), text) << id;
        for (uint64_t i = s; i < e && mark; ++i) {
          EXPECT_EQ(cover[i], 0) << id << ": overlap at " << i;
          cover[i] = mark;
        }
        ++spans;
      };
      for (auto removed : doc["removed"].get_array()) check(removed, 'r');
      for (auto para : doc["paragraphs"].get_array()) {
        uint64_t s = para.at(0), e = para.at(1);
        ASSERT_LE(e, original.size());
        for (uint64_t i = s; i < e; ++i) {
          EXPECT_EQ(cover[i], 0) << id << ": paragraph overlaps a removal at " << i;
          cover[i] = 'p';
        }
      }
      std::vector<char> title(original.size(), 0);
      for (auto removed : doc["removed"].get_array())
        if (std::string_view(removed["kind"]) == "title")
          for (uint64_t i = removed["start"]; i < uint64_t(removed["end"]); ++i) title[i] = 1;
      // Every entity mention is in the body or the title.
      for (auto entity : doc["entities"].get_array())
        for (auto mention : entity["mentions"].get_array()) {
          std::string_view field;
          if (mention["field"].get(field) == simdjson::SUCCESS) {
            // In the record's title field: offsets index the title.
            EXPECT_EQ(field, "title") << id;
            std::string_view title_text = doc["title"], text = mention["text"];
            uint64_t s = mention["start"], e = mention["end"];
            ASSERT_LE(e, title_text.size()) << id;
            EXPECT_EQ(title_text.substr(s, e - s), text) << id;
            continue;
          }
          check(mention, 0);
          uint64_t s = mention["start"], e = mention["end"];
          for (uint64_t i = s; i < e; ++i)
            EXPECT_TRUE(cover[i] == 'p' || title[i]) << id << ": mention outside body and title at " << i;
        }
      simdjson::dom::array sentences;
      bool has_sentences = doc["sentences"].get(sentences) == simdjson::SUCCESS;  // only with --sentences
      if (has_sentences) for (auto sentence : sentences) {
        check(sentence, 0);
        uint64_t s = sentence["start"], e = sentence["end"];
        EXPECT_EQ(cover[s], 'p') << id << ": sentence outside the body";
        simdjson::dom::array tokens = sentence["tokens"].get_array();
        for (auto tok : tokens) {
          uint64_t ts = tok["start"], te = tok["end"];
          EXPECT_TRUE(s <= ts && ts < te && te <= e) << id;
          EXPECT_TRUE(boundary(ts) && boundary(te)) << id;
          // A parsed token's head is a token of its sentence (0: the root).
          int64_t head = 0;
          if (tok["head"].get(head) == simdjson::SUCCESS) {
            EXPECT_TRUE(head >= 0 && static_cast<size_t>(head) <= tokens.size()) << id;
          }
        }
      }
      size_t i = 0;
      while (i < original.size()) {
        size_t at = i;
        char32_t cp = NextCodePoint(original, &i);
        if (!IsSpace(cp)) EXPECT_NE(cover[at], 0) << id << ": byte " << at << " neither kept nor reported";
      }
    }
  }
  EXPECT_GE(docs, 16u);
  EXPECT_GT(spans, 200u);
}

}  // namespace warta
