// Actor codes as analysts give them (issue 15): one test per kind of error
// seen on real news, on sentences written for these tests, through the whole
// analyze pipeline with the project's knowledge.
#include <gtest/gtest.h>

#include <string>

#include "tests/test_support.h"

namespace warta {
namespace {

struct Options {
  std::string published = "2025-09-15";
  std::string url;
  std::string home;
};

Document Article(const std::string& text, const Options& o = {}) {
  Record r;
  r.source = "test";
  r.text = text;
  if (!o.published.empty()) r.published = o.published;
  if (!o.url.empty()) r.url = o.url;
  AnalyzeOptions options;
  options.home_country = o.home;
  return Analyze(std::move(r), testing::TestKnowledge(), options);
}

// The entity with a mention whose text is `text`.
const Entity* At(const Document& d, const std::string& text) {
  for (const Entity& e : d.entities)
    for (const EntityMention& m : e.mentions)
      if (!m.in_title_field && d.original.substr(m.span.start, m.span.end - m.span.start) == text) return &e;
  return nullptr;
}

std::string Code(const Document& d, const std::string& text) {
  const Entity* e = At(d, text);
  return e ? e->actor : "<no entity at '" + text + "'>";
}

std::string Dump(const Document& d) {
  std::string out;
  for (const Entity& e : d.entities) out += e.name + " [" + e.type + " " + e.actor + "]\n";
  return out;
}

// No code before: a deputy minister named after his title and its abbreviation.
TEST(Actors, DeputyMinisterWithAbbreviationInBrackets) {
  auto d = Article("Wakil Menteri Luar Negeri (Wamenlu) Arif Havas Oegroseno menerima duta besar Jepang di Jakarta.");
  EXPECT_EQ(Code(d, "Arif Havas Oegroseno"), "IDNGOV") << Dump(d);
  d = Article("Deputy Foreign Minister (DFM) Anna Kowalska met the envoy in Warsaw.", {.home = "POL"});
  EXPECT_EQ(Code(d, "Anna Kowalska"), "POLGOV") << Dump(d);
}

// A presidential aide of another state: the seat gives the state.
TEST(Actors, ForeignPresidentialAide) {
  auto d = Article("Kremlin aide Yuri Ushakov said the two leaders spoke by telephone.", {.home = "USA"});
  EXPECT_EQ(Code(d, "Yuri Ushakov"), "RUSGOV") << Dump(d);
  d = Article("Ajudan presiden Rusia untuk kebijakan luar negeri Yuri Ushakov mengatakan kedua pemimpin berbicara.");
  EXPECT_EQ(Code(d, "Yuri Ushakov"), "RUSGOV") << Dump(d);
}

// A party's secretary-general and a deputy speaker of the DPR.
TEST(Actors, PartyOfficialsAndDeputySpeaker) {
  auto d = Article("Sekjen Partai Gerindra Budi Santosa menyatakan partainya mendukung rencana itu.");
  EXPECT_EQ(Code(d, "Budi Santosa"), "IDNPTY") << Dump(d);
  d = Article("Wakil Ketua DPR Rahmat Hidayat menerima delegasi parlemen Malaysia.");
  EXPECT_EQ(Code(d, "Rahmat Hidayat"), "IDNLEG") << Dump(d);
  d = Article("Anggota Komisi XI DPR RI Fraksi Golkar, Bayu Pratama, menyoroti anggaran itu.");
  EXPECT_EQ(Code(d, "Bayu Pratama"), "IDNLEG") << Dump(d);
}

// A plural title before coordinated names gives each its role.
TEST(Actors, CoordinatedNamesShareTheirTitle) {
  auto d = Article("Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) asked the bank to testify.", {.home = "USA"});
  EXPECT_EQ(Code(d, "Jon Tester"), "USALEG") << Dump(d);
  EXPECT_EQ(Code(d, "David Vitter"), "USALEG") << Dump(d);
  d = Article("Presiden Joko Widodo dan Wakil Presiden Ma'ruf Amin hadir. Menteri Agung Prasetyo dan Budi Santoso tiba.",
              {.published = "2021-05-01"});
  EXPECT_EQ(Code(d, "Budi Santoso"), "IDNGOV") << Dump(d);
}

// An English apposition goes on past its title: the place in it gives the state.
TEST(Actors, EnglishAppositionPlace) {
  auto d = Article("TOKYO - Japan protested on Monday. \"It will pass,\" said Lee Min-ho, a professor of "
                   "international relations in Seoul, on Tuesday.",
                   {.home = "USA"});
  EXPECT_EQ(Code(d, "Lee Min-ho"), "KOREDU") << Dump(d);
}

// A name and its abbreviation in brackets are one actor; the dictionary's entry names both.
TEST(Actors, NameAndBracketedAbbreviationAreOneActor) {
  auto d = Article("Badan Reserse Kriminal (Bareskrim) menangkap dua tersangka. Bareskrim lalu memeriksa saksi.");
  EXPECT_EQ(Code(d, "Badan Reserse Kriminal"), "IDNCOP") << Dump(d);
  EXPECT_EQ(At(d, "Badan Reserse Kriminal"), At(d, "Bareskrim")) << Dump(d);
}

// An office named without its holder is an actor with the office's code.
TEST(Actors, OfficeWithoutItsHolder) {
  auto d = Article("Setiap hari Senin, Menteri Dalam Negeri memantau laporan inflasi daerah.");
  const Entity* e = At(d, "Menteri Dalam Negeri");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->actor, "IDNGOV");
  EXPECT_EQ(e->type, "PER");
}

// A spokesperson named after the person they speak for is of that person's camp.
TEST(Actors, PatronsCamp) {
  auto d = Article("Green Party candidate Jill Stein was escorted out. Stein spokeswoman Melezia Figueroa said "
                   "the candidate was headed to the venue.",
                   {.published = "2016-09-26", .home = "USA"});
  EXPECT_EQ(Code(d, "Jill Stein"), "USAPTY") << Dump(d);
  EXPECT_EQ(Code(d, "Melezia Figueroa"), "USAPTY") << Dump(d);
}

// A foreign president and a foreign attorney general no dictionary lists.
TEST(Actors, ForeignOfficialsNewToTheDictionaries) {
  auto d = Article("Presiden Kolombia Mateo Restrepo bertemu Jaksa Agung Filipina Ramon Dizon di Manila.");
  EXPECT_EQ(Code(d, "Mateo Restrepo"), "COLGOV") << Dump(d);
  EXPECT_EQ(Code(d, "Ramon Dizon"), "PHLJUD") << Dump(d);
}

// "polisi" and "aparat keamanan" in a story set abroad are that state's.
TEST(Actors, PoliceInAStorySetAbroad) {
  auto d = Article("Polisi menangkap tiga tersangka penyelundupan di Kuala Lumpur pada Senin.");
  EXPECT_EQ(Code(d, "Polisi"), "MYSCOP") << Dump(d);
  d = Article("Aparat keamanan Myanmar membubarkan unjuk rasa itu.");
  EXPECT_EQ(Code(d, "Aparat keamanan Myanmar"), "MMRCOP") << Dump(d);
  // At home: the outlet's country.
  d = Article("Polisi menangkap tiga tersangka penyelundupan pada Senin.", {.url = "https://news.detik.com/berita/d-1"});
  EXPECT_EQ(Code(d, "Polisi"), "IDNCOP") << Dump(d);
}

// A foreign police chief in an English story datelined abroad is not the home country's.
TEST(Actors, ForeignPoliceChiefByDateline) {
  auto d = Article("KUALA LUMPUR (Reuters) - Police chief Razak Osman said on Monday the suspects were detained.\n\n"
               "The police said more arrests were possible.",
               {.home = "USA"});
  EXPECT_EQ(Code(d, "Razak Osman"), "MYSCOP") << Dump(d);
}

// A Gulf official is his state's, not the home country's business.
TEST(Actors, GulfOfficialIsHisStates) {
  auto d = Article("Menteri Investasi Arab Saudi Faisal Al-Harbi bertemu pengusaha Indonesia di Jakarta.");
  EXPECT_EQ(Code(d, "Faisal Al-Harbi"), "SAUGOV") << Dump(d);
}

// Indonesia's embassy in another country is Indonesia's.
TEST(Actors, EmbassyAbroadIsTheSendingStates) {
  auto d = Article("KBRI Tokyo memulangkan dua pekerja migran.");
  EXPECT_EQ(Code(d, "KBRI Tokyo"), "IDNGOV") << Dump(d);
  d = Article("Kedutaan Besar China di Jakarta membantah laporan itu.");
  const Entity* e = At(d, "Kedutaan Besar China");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->country, "CHN");
}

// Indonesian abbreviations of states.
TEST(Actors, IndonesianAbbreviationsOfStates) {
  auto d = Article("PEA, AS dan RRT menyepakati pernyataan bersama.");
  for (auto [text, iso3] : {std::pair{"PEA", "ARE"}, {"AS", "USA"}, {"RRT", "CHN"}}) {
    const Entity* e = At(d, text);
    ASSERT_TRUE(e) << text << "\n" << Dump(d);
    EXPECT_EQ(e->country, iso3) << text;
  }
}

// An ethnic group in one state is that state's people, never the state of its name.
TEST(Actors, EthnicGroupsAreThePeopleOfTheirPlace) {
  auto d = Article("Ethnic Russians in Ukraine protested against the new law.", {.home = "USA"});
  const Entity* e = At(d, "Ethnic Russians");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->actor, "UKRCVL");
  EXPECT_EQ(e->type, "GRP");
  EXPECT_FALSE(e->group.empty());
  d = Article("Warga etnis Tionghoa di Medan menggelar doa bersama.");
  e = At(d, "etnis Tionghoa");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->actor, "IDNCVL");
}

// A candidate is a party's politician, not the government, before taking office.
TEST(Actors, CandidatesAreNotTheGovernment) {
  auto d = Article("Donald Trump told supporters in Ohio that he would win.", {.published = "2016-09-20", .home = "USA"});
  EXPECT_EQ(Code(d, "Donald Trump"), "USAPTY") << Dump(d);
  d = Article("Donald Trump told reporters in Ohio that he would sign the bill.", {.published = "2025-09-20", .home = "USA"});
  EXPECT_EQ(Code(d, "Donald Trump"), "USAGOV") << Dump(d);
  d = Article("Calon presiden Rudi Hartanto berkampanye di Surabaya.");
  EXPECT_EQ(Code(d, "Rudi Hartanto"), "IDNPTY") << Dump(d);
}

// A retired general is not a serving officer.
TEST(Actors, RetiredRankIsNotTheMilitary) {
  auto d = Article("Jenderal TNI (Purn.) Hendra Wijaya mendaftar sebagai calon gubernur.");
  const Entity* e = At(d, "Hendra Wijaya");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_NE(e->actor, "IDNMIL");
}

// A person whose surname is a country is that person.
TEST(Actors, SurnameThatIsACountry) {
  auto d = Article("Congressman Jim Jordan said the hearing would go on. Jordan later left the room.", {.home = "USA"});
  const Entity* jim = At(d, "Jim Jordan");
  ASSERT_TRUE(jim) << Dump(d);
  EXPECT_EQ(jim->type, "PER");
  EXPECT_EQ(At(d, "Jordan"), jim) << Dump(d);
}

// A party is a party, in government or not.
TEST(Actors, PartiesArePTY) {
  auto d = Article("The Republican Party and the Democratic Party traded accusations.", {.home = "USA"});
  EXPECT_EQ(Code(d, "Republican Party"), "USAPTY") << Dump(d);
  d = Article("Partai Golkar menggelar rapat pimpinan.");
  EXPECT_EQ(Code(d, "Partai Golkar"), "IDNPTY") << Dump(d);
}

// A company keeps the name it had on the date.
TEST(Actors, CompaniesKeepTheNameOfTheDate) {
  auto d = Article("Facebook said it removed the accounts.", {.published = "2016-05-02", .home = "USA"});
  const Entity* e = At(d, "Facebook");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->name, "Facebook");
  d = Article("Facebook said it removed the accounts.", {.published = "2024-05-02", .home = "USA"});
  e = At(d, "Facebook");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->name, "Meta Platforms");
}

// Capitals and seats that act are their governments.
TEST(Actors, CapitalsThatActAreGovernments) {
  auto d = Article("Washington menuduh Beijing melanggar kesepakatan. Delegasi itu tiba di Beijing pada Senin.");
  EXPECT_EQ(Code(d, "Washington"), "USAGOV") << Dump(d);
  const Entity* beijing = At(d, "Beijing");
  ASSERT_TRUE(beijing);
  EXPECT_EQ(beijing->actor, "CHNGOV");
  d = Article("Moscow said the talks had failed.", {.home = "USA"});
  EXPECT_EQ(Code(d, "Moscow"), "RUSGOV") << Dump(d);
}

// A street named after a person is a place.
TEST(Actors, StreetsAreNotPeople) {
  auto d = Article("Massa berkumpul di Jalan Gatot Subroto sejak pagi.");
  const Entity* e = At(d, "Gatot Subroto");
  if (!e) e = At(d, "Jalan Gatot Subroto");
  ASSERT_TRUE(e) << Dump(d);
  EXPECT_EQ(e->type, "LOC");
}

// Groups of people: the people of the place; "media massa" is the press, not a crowd.
TEST(Actors, PeopleOfAKindAndThePress) {
  auto d = Article("Ribuan warga Filipina turun ke jalan di Manila.");
  EXPECT_EQ(Code(d, "warga Filipina"), "PHLCVL") << Dump(d);
  d = Article("Media massa diminta memberitakan secara berimbang.", {.home = "IDN"});
  EXPECT_EQ(Code(d, "Media massa"), "IDNMED") << Dump(d);
  d = Article("Americans are divided over the new law.", {.home = "GBR"});
  EXPECT_EQ(Code(d, "Americans"), "USACVL") << Dump(d);
}

// The home country: the option, else the outlet of the URL, else its country-code domain.
TEST(Actors, HomeCountryFromOptionOutletOrDomain) {
  const std::string text = "The police said two men were arrested.";
  EXPECT_EQ(Code(Article(text, {.home = "GBR"}), "police"), "GBRCOP");
  EXPECT_EQ(Code(Article(text, {.url = "https://www.nytimes.com/2025/01/01/x.html"}), "police"), "USACOP");
  EXPECT_EQ(Code(Article(text, {.url = "https://www.thestar.com.my/news/x"}), "police"), "MYSCOP");
  EXPECT_EQ(Code(Article(text, {.url = "https://example.co.uk/a"}), "police"), "GBRCOP");
  EXPECT_EQ(Code(Article(text, {.url = "https://example.co/a"}), "police"), "");  // .co names no country
}

}  // namespace
}  // namespace warta
