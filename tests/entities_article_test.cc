// The entity stage on whole articles written for these tests
// (examples/entities/, checklist in its README.md), with the project's real
// dictionaries and model: metonyms, dated roles, short forms, an unknown
// spokesperson given a role and a country, and entities in the title.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "analyze/analyzer.h"
#include "tests/test_support.h"

namespace warta {
namespace {

Document AnalyzeExample(const std::string& name, std::optional<std::string> title = std::nullopt) {
  return testing::AnalyzeSourceFile("examples/entities/" + name, std::move(title));
}

const Entity* Find(const Document& d, std::string_view name) {
  for (const Entity& e : d.entities)
    if (e.name == name) return &e;
  return nullptr;
}

std::vector<std::string> Mentions(const Document& d, const Entity& e) {
  std::vector<std::string> out;
  for (const auto& m : e.mentions) out.push_back(d.original.substr(m.span.start, m.span.end - m.span.start));
  return out;
}

size_t Count(const std::vector<std::string>& v, std::string_view s) {
  return static_cast<size_t>(std::count(v.begin(), v.end(), s));
}

TEST(EntityArticles, MetonymsAreTheirState) {
  Document d = AnalyzeExample("id-2021-metonyms.txt");
  const Entity* chn = Find(d, "China");
  ASSERT_TRUE(chn);
  auto m = Mentions(d, *chn);
  EXPECT_GE(Count(m, "Tiongkok"), 1u);
  EXPECT_GE(Count(m, "RRT"), 1u);
  // The capitals and seats that act are their governments ("Beijing menegaskan",
  // "keberatan Beijing", ...): one actor with "Pemerintah China", CHNGOV; the
  // Kremlin is RUSGOV and Washington USAGOV.
  const Entity* beijing = nullptr;
  for (const Entity& e : d.entities)
    if (e.actor == "CHNGOV" && e.subtype == "agent") beijing = &e;
  ASSERT_TRUE(beijing);
  EXPECT_GE(Count(Mentions(d, *beijing), "Beijing"), 4u);
  EXPECT_EQ(Count(Mentions(d, *beijing), "Pemerintah China"), 1u);
  EXPECT_FALSE(Find(d, "Beijing")) << "no place use of Beijing in this article";
  const Entity* kremlin = Find(d, "Kremlin");
  ASSERT_TRUE(kremlin);
  EXPECT_EQ(kremlin->actor, "RUSGOV");
  const Entity* washington = Find(d, "Washington");
  ASSERT_TRUE(washington);
  EXPECT_GE(Count(Mentions(d, *washington), "Washington"), 3u);
  EXPECT_EQ(washington->actor, "USAGOV");
  const Entity* usa = Find(d, "United States");
  if (usa) EXPECT_EQ(usa->actor, "USA");
}

TEST(EntityArticles, UnknownSpokespersonGetsRoleCountryAndShortForms) {
  Document d = AnalyzeExample("id-2021-metonyms.txt");
  const Entity* liu = Find(d, "Liu Pengyu");
  ASSERT_TRUE(liu);
  EXPECT_EQ(liu->type, "PER");
  EXPECT_EQ(liu->country, "CHN");
  EXPECT_EQ(liu->actor, "CHNGOV");
  EXPECT_EQ(liu->role, "juru bicara kedutaan China");
  EXPECT_EQ(liu->kb, "");  // in no dictionary
  EXPECT_GE(Count(Mentions(d, *liu), "Liu"), 3u);
  // "Presiden Xi" with no full name anywhere: Xi Jinping, head of state.
  const Entity* xi = Find(d, "Xi Jinping");
  ASSERT_TRUE(xi);
  EXPECT_EQ(xi->actor, "CHNGOV");
  EXPECT_EQ(xi->subtype, "head_of_state");
}

TEST(EntityArticles, SameTitlesResolveByPublicationDate) {
  Document d2021 = AnalyzeExample("id-2021-roles.txt");
  Document d2025 = AnalyzeExample("id-2025-roles.txt");
  ASSERT_TRUE(Find(d2021, "Joe Biden")) << "Presiden AS in 2021";
  ASSERT_TRUE(Find(d2025, "Donald Trump")) << "Presiden AS in 2025";
  EXPECT_FALSE(Find(d2021, "Donald Trump"));
  EXPECT_FALSE(Find(d2025, "Joe Biden"));
  const Entity* jokowi = Find(d2021, "Joko Widodo");
  ASSERT_TRUE(jokowi) << "Presiden RI in 2021";
  EXPECT_GE(Count(Mentions(d2021, *jokowi), "Presiden RI"), 1u);
  const Entity* prabowo2025 = Find(d2025, "Prabowo Subianto");
  ASSERT_TRUE(prabowo2025);
  EXPECT_EQ(prabowo2025->subtype, "head_of_state");
  EXPECT_GE(Count(Mentions(d2025, *prabowo2025), "Presiden RI"), 1u);
  const Entity* prabowo2021 = Find(d2021, "Prabowo Subianto");
  ASSERT_TRUE(prabowo2021);
  EXPECT_EQ(prabowo2021->subtype, "defence_minister");
  // Foreign ministers of the two years, named and then by one name.
  const Entity* retno = Find(d2021, "Retno Marsudi");
  ASSERT_TRUE(retno);
  EXPECT_EQ(retno->subtype, "foreign_minister");
  EXPECT_GE(Count(Mentions(d2021, *retno), "Retno"), 2u);
  const Entity* sugiono = Find(d2025, "Sugiono");
  ASSERT_TRUE(sugiono);
  EXPECT_EQ(sugiono->actor, "IDNGOV");
}

TEST(EntityArticles, UnknownForeignSpokespersonAndShortForm) {
  Document d = AnalyzeExample("id-2025-roles.txt");
  const Entity* faizal = Find(d, "Ahmad Faizal Rahim");
  ASSERT_TRUE(faizal);
  EXPECT_EQ(faizal->country, "MYS");
  EXPECT_EQ(faizal->actor, "MYSGOV");
  EXPECT_GE(Count(Mentions(d, *faizal), "Faizal"), 1u);
  const Entity* lkmn = Find(d, "Lembaga Kajian Maritim Nusantara");
  ASSERT_TRUE(lkmn);
  EXPECT_EQ(lkmn->type, "ORG");
}

TEST(EntityArticles, EnglishRolesAndPeopleWhoShareASurname) {
  Document d = AnalyzeExample("en-2021-roles.txt");
  const Entity* zhao = Find(d, "Zhao Lijian");
  ASSERT_TRUE(zhao);
  EXPECT_EQ(zhao->actor, "CHNGOV");
  EXPECT_GE(Count(Mentions(d, *zhao), "Zhao"), 1u);
  const Entity* kim = Find(d, "Kim Jong Un");
  ASSERT_TRUE(kim);
  const Entity* analyst = Find(d, "Kim Min-seo");
  ASSERT_TRUE(analyst) << "the analyst stays apart from Kim Jong Un";
  EXPECT_NE(analyst->id, kim->id);
  EXPECT_EQ(Count(Mentions(d, *kim), "Kim Min-seo"), 0u);
  const Entity* kremlin = Find(d, "Kremlin");
  ASSERT_TRUE(kremlin);
  EXPECT_EQ(kremlin->actor, "RUSGOV");
}

TEST(EntityArticles, EntitiesInTheTitle) {
  Document d = AnalyzeExample("en-2025-title-entities.txt");
  // The first line is the headline; its names are mentions like any other.
  ASSERT_TRUE(d.clean.title);
  size_t title_end = d.clean.title->size();
  auto in_title = [&](const Entity* e) {
    for (const auto& m : e->mentions)
      if (m.span.end <= title_end + 2 && !m.in_title_field) return true;
    return false;
  };
  for (const char* name : {"Indonesia", "Malaysia", "Association of Southeast Asian Nations"}) {
    const Entity* e = Find(d, name);
    ASSERT_TRUE(e) << name;
    EXPECT_TRUE(in_title(e)) << name;
  }
  const Entity* nato = Find(d, "North Atlantic Treaty Organization");
  ASSERT_TRUE(nato);
  EXPECT_EQ(nato->actor, "IGOWSTNAT");
  EXPECT_GE(Count(Mentions(d, *nato), "NATO"), 1u);
}

TEST(EntityArticles, TitleFieldMentionsIndexTheTitle) {
  Document d = AnalyzeExample("id-2023-unknowns.txt", std::string("Dari Jakarta hingga Lembata, warga menolak tambang"));
  bool found = false;
  for (const Entity& e : d.entities)
    for (const auto& m : e.mentions)
      if (m.in_title_field) {
        found = true;
        EXPECT_LE(m.span.end, d.clean.title->size());
      }
  EXPECT_TRUE(found);
}

TEST(EntityArticles, PlacesAndUnknownOrganisations) {
  Document d = AnalyzeExample("id-2023-unknowns.txt");
  const Entity* beijing = Find(d, "Beijing");
  ASSERT_TRUE(beijing) << "\"tiba di Beijing\" is the city";
  EXPECT_EQ(beijing->subtype, "city");
  EXPECT_EQ(beijing->actor, "");
  const Entity* pt = Find(d, "PT Samudra Niaga Nusantara");
  ASSERT_TRUE(pt);
  EXPECT_EQ(pt->subtype, "company");
  EXPECT_EQ(pt->country, "IDN");
  const Entity* yayasan = Find(d, "Yayasan Pelita Pesisir");
  ASSERT_TRUE(yayasan);
  EXPECT_EQ(yayasan->type, "ORG");
  ASSERT_TRUE(Find(d, "Surabaya"));
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// Random sentences built from the pieces the rules react to (titles,
// states, capitals, honorifics, commas, "dan", hyphens, digits, odd
// Unicode, unterminated lines): the stage must not crash, and every mention
// must be a non-empty span on UTF-8 boundaries inside the text.
TEST(EntityArticles, RandomSentencesKeepTheInvariants) {
  const std::vector<std::string> pieces = {
      "juru bicara", "kedutaan", "China", "Liu", "Pengyu", "Presiden", "AS", "RI", "Menlu", "Xi", "Beijing", "di",
      "Kremlin", "dan", ",", ".", "\"", "Dr.", "Prof.", "Kementerian", "Luar", "Negeri", "PT", "Samudra", "Bupati",
      "Kim", "Min-seo", "the", "President", "Chinese", "spokesperson", "said", "2021", "Rp", "Ö", "—", "🙂", "(",
      ")", "Adapun", "Jakarta", "Surabaya", "Universitas", "Kota", "Baru", "kata", "ujarnya", "PBB", "NATO", "'s"};
  uint64_t state = 42;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    int sentences = 1 + static_cast<int>(next() % 6);
    for (int s = 0; s < sentences; ++s) {
      int words = 1 + static_cast<int>(next() % 25);
      for (int w = 0; w < words; ++w) {
        if (!text.empty() && text.back() != '\n') text += ' ';
        text += pieces[next() % pieces.size()];
      }
      text += next() % 3 ? ".\n\n" : "\n\n";
    }
    Record r;
    r.source = "random";
    r.text = text;
    r.published = next() % 2 ? "2021-06-01" : "2025-06-01";
    Document d = Analyze(std::move(r), testing::TestKnowledge(), AnalyzeOptions{});
    std::set<std::string> ids;
    for (const Entity& e : d.entities) {
      EXPECT_TRUE(ids.insert(e.id).second) << e.id;
      ASSERT_FALSE(e.mentions.empty()) << e.name;
      for (const auto& m : e.mentions) {
        std::string_view base = m.in_title_field ? std::string_view(*d.clean.title) : std::string_view(d.original);
        ASSERT_LT(m.span.start, m.span.end) << text;
        ASSERT_LE(m.span.end, base.size()) << text;
        EXPECT_NE(static_cast<unsigned char>(base[m.span.start]) & 0xC0, 0x80u) << text;
        if (m.span.end < base.size()) EXPECT_NE(static_cast<unsigned char>(base[m.span.end]) & 0xC0, 0x80u) << text;
      }
    }
  }
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// A short form the name tagger takes for a place or a body is the person
// named in full before it; a name tagged a place once and a person once is
// one person. Only the names of this article decide it (no dictionary).
TEST(EntityArticles, AShortFormTaggedAPlaceIsThePersonNamedBefore) {
  for (const char* text : {
           "Ekonom Universitas Gadjah Mada Wisnu Setiadi Nugroho menilai kebijakan itu tepat. Menurut Wisnu, "
           "pendekatan ini sejalan dengan upaya pemerintah memperkuat koordinasi pusat dan daerah.",
           "Pertemuan itu difasilitasi atase perdagangan Syamsu Alam di Kairo. Sementara itu, Syamsu Alam mengakui "
           "permintaan kopi dari Mesir meningkat setiap tahun."}) {
    Document d = testing::AnalyzeText(text, "2025-10-20");
    size_t people = 0;
    for (const Entity& e : d.entities) {
      if (e.name.find("Wisnu") == std::string::npos && e.name.find("Syamsu") == std::string::npos) continue;
      EXPECT_EQ(e.type, "PER") << e.name;
      ++people;
    }
    EXPECT_EQ(people, 1u) << text;
  }
}

}  // namespace
}  // namespace warta
