// The event coder through the whole analyze pipeline with the project's data,
// on sentences written for these tests: every construction of issue 5 in
// Indonesian and English.
#include "events/coder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/event_test_support.h"

namespace warta {
namespace {

using testing::Dump;
using testing::Got;
using testing::EventsOf;
using testing::Has;

TEST(Events, ActiveVerbWithItsObject) {
  auto e = EventsOf("Amerika Serikat menjatuhkan sanksi terhadap tiga perusahaan China pada Senin.");
  EXPECT_TRUE(Has(e, "USA", "CHN", "16")) << Dump(e);
  e = EventsOf("The United States imposed sanctions on three Chinese companies on Monday.");
  EXPECT_TRUE(Has(e, "USA", "CHN", "16")) << Dump(e);
  e = EventsOf("Malaysia menolak klaim China atas perairan di lepas pantai Sarawak.");
  EXPECT_TRUE(Has(e, "MYS", "CHN", "12")) << Dump(e);
}

TEST(Events, PassiveSwapsSourceAndTarget) {
  auto e = EventsOf("Kapal patroli Filipina diserang oleh kapal penjaga pantai China di Laut China Selatan.");
  EXPECT_TRUE(Has(e, "CHN", "PHL", "1")) << Dump(e);
  EXPECT_FALSE(Has(e, "PHL", "CHN", "1")) << Dump(e);
  e = EventsOf("A Ukrainian base was attacked by Russia overnight.");
  EXPECT_TRUE(Has(e, "RUS", "UKR", "1")) << Dump(e);
}

TEST(Events, CompoundActorsAndReciprocals) {
  auto e = EventsOf("China dan Rusia sepakat memperluas kerja sama energi.");
  EXPECT_TRUE(Has(e, "CHN", "RUS", "0")) << Dump(e);
  EXPECT_TRUE(Has(e, "RUS", "CHN", "0")) << Dump(e);
  e = EventsOf("India dan Pakistan saling menuduh melanggar gencatan senjata.");
  EXPECT_TRUE(Has(e, "IND", "PAK", "11")) << Dump(e);
  EXPECT_TRUE(Has(e, "PAK", "IND", "11")) << Dump(e);
}

TEST(Events, NegationAndIntent) {
  auto e = EventsOf("Indonesia tidak akan mengirim pasukan ke Ukraina.");
  ASSERT_FALSE(e.empty());
  EXPECT_TRUE(e[0].negated) << Dump(e);
  e = EventsOf("Presiden Prabowo Subianto akan mengunjungi Rusia bulan depan.");
  EXPECT_TRUE(Has(e, "IDN", "RUS", "036")) << Dump(e);  // intent to meet, not a visit
  e = EventsOf("Germany did not support the French proposal.");
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const Got& g) { return g.negated; })) << Dump(e);
}

TEST(Events, QuotedStatementIsTheSpeakersAccusation) {
  auto e = EventsOf(
      "\"Amerika Serikat terus menyerang kepentingan negara lain,\" kata juru bicara Kementerian Luar Negeri China "
      "Mao Ning.");
  EXPECT_TRUE(Has(e, "CHN", "USA", "112")) << Dump(e);
  for (const Got& g : e) EXPECT_EQ(g.via, "quote");
}

TEST(Events, SportsMarketsAndFilmsAreNoEvents) {
  EXPECT_TRUE(EventsOf("Timnas Indonesia menahan imbang Arab Saudi dalam laga kualifikasi Piala Dunia.").empty());
  EXPECT_TRUE(EventsOf("Japan crushed Germany 4-1 in the World Cup group match.").empty());
}

TEST(Events, RepeatedSentenceIsCodedOnce) {
  std::string s = "Amerika Serikat menjatuhkan sanksi terhadap Iran.";
  auto e = EventsOf(s + "\n\nHarga minyak naik.\n\n" + s);
  EXPECT_EQ(std::count_if(e.begin(), e.end(), [](const Got& g) { return g.source == "USA"; }), 1) << Dump(e);
}

TEST(Events, EncliticObject) {
  auto e = EventsOf("Myanmar mengeksekusi empat aktivis. Indonesia segera mengecamnya.");
  // The target of "mengecamnya" is not named in the sentence: no event, but no wrong one either.
  for (const Got& g : e) EXPECT_NE(g.source, g.target);
}

TEST(Events, SecondActJoinedByDanKeepsItsSubject) {
  // After a verbal act the rest of a sentence is its content, except a new
  // act of the same subject after "dan"; "duta besarnya" is still the pattern.
  auto e = EventsOf("Indonesia mengecam Myanmar dan menarik duta besarnya dari Naypyidaw.");
  EXPECT_TRUE(Has(e, "IDN", "MMR", "11")) << Dump(e);
  EXPECT_TRUE(Has(e, "IDN", "MMR", "16")) << Dump(e);
  e = EventsOf("Sekjen PBB menyerukan Israel dan Hamas segera menyepakati gencatan senjata.");
  EXPECT_FALSE(Has(e, "ISR", "PSE", "0")) << Dump(e);  // what is called for is no event
}

TEST(Events, EnglishCompoundReciprocalIntentAndQuote) {
  auto e = EventsOf("Indonesia and Malaysia signed a maritime security agreement on Thursday.");
  EXPECT_TRUE(Has(e, "IDN", "MYS", "0")) << Dump(e);
  EXPECT_TRUE(Has(e, "MYS", "IDN", "0")) << Dump(e);
  e = EventsOf("India and Pakistan accused each other of violating the ceasefire.");
  EXPECT_TRUE(Has(e, "IND", "PAK", "11")) << Dump(e);
  EXPECT_TRUE(Has(e, "PAK", "IND", "11")) << Dump(e);
  e = EventsOf("Japan plans to visit Vietnam next month.");
  EXPECT_TRUE(Has(e, "JPN", "VNM", "036")) << Dump(e);
  e = EventsOf("\"The United States keeps attacking the interests of other countries,\" Chinese Foreign Ministry "
               "spokesperson Mao Ning said.");
  EXPECT_TRUE(Has(e, "CHN", "USA", "112")) << Dump(e);
}

TEST(Events, UnnamedPeopleTakeThePlacesState) {
  // "ratusan demonstran di Yangon": Myanmar's protesters; a domestic event.
  auto e = EventsOf("Polisi Myanmar menembak ratusan demonstran di Yangon.");
  EXPECT_TRUE(Has(e, "MMR", "MMR", "19")) << Dump(e);
  e = EventsOf("Thousands of protesters attacked the Chinese embassy in Manila.");
  EXPECT_TRUE(Has(e, "PHL", "CHN", "19")) << Dump(e);
  e = EventsOf("Ribuan pengunjuk rasa menyerang kantor Kedutaan Besar Amerika Serikat di Jakarta.");
  EXPECT_TRUE(Has(e, "IDN", "USA", "19")) << Dump(e);
  // With a named state beside them, the people are that state's.
  e = EventsOf("Australia memberikan suaka kepada dua jurnalis asal Myanmar.");
  EXPECT_TRUE(Has(e, "AUS", "MMR", "07")) << Dump(e);
  // Troops that are sent or massed are the means, not the target.
  e = EventsOf("Russia massed more than 100,000 troops near its border with Ukraine.");
  for (const Got& g : e) EXPECT_NE(g.target, "RUS") << Dump(e);
}

TEST(Events, CompoundOfPeopleWordsAndActors) {
  auto e = EventsOf("Israeli troops and Hezbollah fighters attacked each other.");
  EXPECT_TRUE(Has(e, "ISR", "LBN", "19")) << Dump(e);
  EXPECT_TRUE(Has(e, "LBN", "ISR", "19")) << Dump(e);
}

TEST(Events, FarObjectOfAPreposition) {
  auto e = EventsOf("Pemerintah Jepang mengirimkan bantuan kemanusiaan senilai 20 juta dolar AS ke Myanmar.");
  EXPECT_TRUE(Has(e, "JPN", "MMR", "07")) << Dump(e);
  EXPECT_FALSE(Has(e, "JPN", "USA", "07")) << Dump(e);  // the currency is no actor
}

TEST(Events, ThePlaceOfAJointActIsNotItsTarget) {
  for (const char* text : {"Vietnam and Laos signed a border agreement in Hanoi.",
                           "Vietnam dan Laos menandatangani perjanjian perbatasan di Hanoi."}) {
    auto e = EventsOf(text);
    EXPECT_TRUE(Has(e, "VNM", "LAO", "05")) << text << ": " << Dump(e);
    EXPECT_TRUE(Has(e, "LAO", "VNM", "05")) << text << ": " << Dump(e);
  }
}

TEST(Events, RelativeClausesAreNoEvents) {
  EXPECT_TRUE(EventsOf("Wisatawan asal Jepang yang mengunjungi Bali meningkat tajam.").empty());
  EXPECT_TRUE(EventsOf("Tourists from Japan who visited Bali spent more this year.").empty());
}

TEST(Events, ContrastEndsAStatementsContent) {
  // After "tetapi" a new clause begins; its "-nya" is the object before.
  auto e = EventsOf("Seoul mengecam Pyongyang, tetapi Beijing memujinya.");
  EXPECT_TRUE(Has(e, "KOR", "PRK", "11")) << Dump(e);
  EXPECT_TRUE(Has(e, "CHN", "PRK", "05")) << Dump(e);
}

TEST(Events, ADemandInsideAQuotation) {
  auto e = EventsOf("“Tokyo harus berhenti memprovokasi kami,” kata juru bicara Kemlu China Lin Jian.");
  EXPECT_TRUE(Has(e, "CHN", "JPN", "10")) << Dump(e);
  e = EventsOf("“Tokyo must stop its provocations,” Chinese foreign ministry spokesman Lin Jian said.");
  EXPECT_TRUE(Has(e, "CHN", "JPN", "10")) << Dump(e);
  // "kita harus …": the speaker's own duty is no demand.
  e = EventsOf("“Kita harus bekerja sama dengan Jepang,” kata Menteri Luar Negeri Sugiono.");
  EXPECT_FALSE(Has(e, "IDN", "IDN", "10")) << Dump(e);
  for (const Got& g : e) EXPECT_NE(g.cameo.substr(0, 2), "10") << Dump(e);
}

TEST(Events, EnglishPassiveWithAnAuxiliary) {
  auto e = EventsOf("The Philippine proposal was rejected by China.");
  EXPECT_TRUE(Has(e, "CHN", "PHL", "12")) << Dump(e);
  EXPECT_FALSE(Has(e, "PHL", "CHN", "12")) << Dump(e);
}

// The issue's own examples.
TEST(Events, TheIssuesExamples) {
  auto e = EventsOf("China and Russia coordinate closely on Ukraine.");
  EXPECT_TRUE(Has(e, "CHN", "RUS", "04")) << Dump(e);
  EXPECT_TRUE(Has(e, "RUS", "CHN", "04")) << Dump(e);
  EXPECT_FALSE(Has(e, "CHN", "UKR", "04")) << Dump(e);  // the topic of a joint act is not a party
  e = EventsOf("Xi Jinping sent condolences to Joe Biden after the floods.");
  EXPECT_TRUE(Has(e, "CHN", "USA", "018")) << Dump(e);
  e = EventsOf("The US imposed sanctions on Chinese firms.");
  EXPECT_TRUE(Has(e, "USA", "CHN", "163")) << Dump(e);
  e = EventsOf("Malaysia rejects China's claim over the waters.");
  EXPECT_TRUE(Has(e, "MYS", "CHN", "12")) << Dump(e);
  e = EventsOf("China does not want a formal military alliance with Russia.");
  EXPECT_TRUE(Has(e, "CHN", "RUS", "03", /*negated=*/true)) << Dump(e);
  // An unnamed spokesperson speaks for the state named at the cue.
  e = EventsOf("“AS dan Barat mencampuri urusan dalam negeri negara lain,” kata juru bicara China.");
  EXPECT_TRUE(Has(e, "CHN", "USA", "112")) << Dump(e);
}

TEST(Events, ARefusalIsARejectionNotTheRefusedAct) {
  // CAMEO: refusing to sign is rejecting an agreement (127); nothing was signed.
  for (const char* text : {"Malaysia menolak untuk menandatangani perjanjian itu dengan China.",
                           "Vietnam refused to sign the agreement with China."}) {
    auto e = EventsOf(text);
    std::string source = text[0] == 'M' ? "MYS" : "VNM";
    EXPECT_TRUE(Has(e, source, "CHN", "12")) << text << ": " << Dump(e);
    EXPECT_FALSE(Has(e, source, "CHN", "05")) << text << ": " << Dump(e);
    EXPECT_FALSE(Has(e, source, "CHN", "05", /*negated=*/true)) << text << ": " << Dump(e);
  }
  // Refusing to meet is rejecting a proposal to meet (125).
  auto e = EventsOf("Presiden Korea Utara menolak bertemu dengan Presiden Korea Selatan.");
  EXPECT_TRUE(Has(e, "PRK", "KOR", "125")) << Dump(e);
  EXPECT_FALSE(Has(e, "PRK", "KOR", "04")) << Dump(e);
}

// A page-long "sentence" dense with actors and verbs (hostile or broken
// input) is coded in time that grows with its length; ctest's timeout
// catches a quadratic step. The segmenter cuts it into pieces of at most
// kMaxSentenceTokens tokens; the same event in the same piece is one event.
TEST(Events, HostileActorDenseSentence) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Amerika Serikat menyerang Iran dan China dan Rusia saling serang , ";
  auto e = EventsOf(text);
  size_t pieces = (5000 * 12 + kMaxSentenceTokens - 1) / kMaxSentenceTokens;  // 12 tokens per repeat
  EXPECT_LE(e.size(), 12u * pieces) << Dump(e);  // at most one per ordered pair of the four states per piece
  EXPECT_TRUE(Has(e, "USA", "IRN", "19")) << Dump(e);
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

using testing::Dump;
using testing::Got;
using testing::EventsOf;
using testing::Has;

// Issue 16: the coder reads the parse.
TEST(EventsOnTheParse, AWishOrAnAppealIsNotTheActWished) {
  auto e = EventsOf("The United States wants Israel to attack Iran.");
  EXPECT_FALSE(Has(e, "ISR", "IRN", "19")) << Dump(e);
  e = EventsOf("Indonesia mendesak Israel untuk menghentikan serangan ke Gaza.");
  EXPECT_FALSE(Has(e, "ISR", "PSE", "19")) << Dump(e);
}

TEST(EventsOnTheParse, AQuestionOrAConditionIsNoAct) {
  auto e = EventsOf("Apakah China akan menyerang Taiwan?");
  EXPECT_TRUE(e.empty()) << Dump(e);
  e = EventsOf("If Russia attacks Poland, NATO will respond.");
  EXPECT_FALSE(Has(e, "RUS", "POL", "19")) << Dump(e);
}

TEST(EventsOnTheParse, OneEventPerArticleWithEveryEvidenceSentence) {
  Document d = testing::AnalyzeText(
      "Amerika Serikat menjatuhkan sanksi terhadap Rusia pada Senin. Para pejabat di Washington kemudian "
      "menjelaskan langkah itu. Amerika Serikat juga menjatuhkan sanksi terhadap Rusia atas serangan siber.",
      "2025-06-01");
  size_t n = 0;
  for (const Event& ev : d.events)
    if (ev.source_actor.rfind("USA", 0) == 0 && ev.target_actor.rfind("RUS", 0) == 0 && ev.code->code.rfind("16", 0) == 0) {
      ++n;
      EXPECT_EQ(ev.evidence.size(), 2u);
      EXPECT_EQ(ev.evidence.front().start, ev.sentence.start);
    }
  EXPECT_EQ(n, 1u);
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

TEST(EventsOnTheParse, ThePlaceIsItsOwnFieldNotTheTarget) {
  Document d = testing::AnalyzeText("Pasukan Israel menyerang kamp pengungsi Palestina di Rafah pada Selasa.", "2025-06-01");
  bool found = false;
  for (const Event& e : d.events) {
    EXPECT_NE(e.target_name, "Rafah");
    if (e.source_actor.rfind("ISR", 0) == 0 && e.code->code.rfind("19", 0) == 0) {
      found = true;
      EXPECT_EQ(e.place_name, "Rafah");
    }
  }
  EXPECT_TRUE(found);
}

TEST(EventsOnTheParse, AnEnglishPassiveReadFromTheParse) {
  auto e = EventsOf("Two Filipino fishing boats were rammed by Chinese coast guard vessels near Scarborough Shoal.");
  EXPECT_FALSE(Has(e, "PHL", "CHN", "1")) << Dump(e);
  e = EventsOf("Ukraina diserang Rusia pada malam hari.");
  EXPECT_TRUE(Has(e, "RUS", "UKR", "19")) << Dump(e);
  EXPECT_FALSE(Has(e, "UKR", "RUS", "19")) << Dump(e);
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// Full actor codes, for domestic events whose countries are the same.
std::vector<std::string> Codes(const std::string& text) {
  Document d = testing::AnalyzeText(text, "2025-06-01");
  std::vector<std::string> out;
  for (const Event& e : d.events) out.push_back(e.source_name + " " + e.source_actor + "→" + e.target_actor + " " + e.code->code);
  return out;
}

bool HasCode(const std::vector<std::string>& events, const std::string& source_name, const std::string& pair,
             const std::string& root) {
  return std::any_of(events.begin(), events.end(), [&](const std::string& e) {
    return e.rfind(source_name + " " + pair + " " + root, 0) == 0;
  });
}

std::string Join(const std::vector<std::string>& events) {
  std::string s;
  for (const std::string& e : events) s += e + "; ";
  return s;
}

TEST(EventsInTheArticle, APersonPronounActsForThePersonTheTextIsAbout) {
  // "Ia" two sentences on is the President who opened the paragraph, not the
  // predecessor named after him.
  auto e = Codes(
      "Presiden Prabowo Subianto memimpin sidang kabinet di Jakarta. Prabowo memuji cara kerja presiden "
      "terdahulu, Joko Widodo. Ia pun meminta agar kepala daerah menjaga harga pangan.");
  EXPECT_TRUE(HasCode(e, "Prabowo Subianto", "IDNGOV→IDNGOV", "02")) << Join(e);
  e = Codes("Chinese Foreign Minister Wang Yi arrived in Moscow on Monday. He criticised the United States over its "
            "new sanctions.");
  EXPECT_TRUE(HasCode(e, "Wang Yi", "CHNGOV→USA", "11")) << Join(e);
  // The person just named, even one of no known office, is who "ia" is: not an official named before.
  e = Codes("Presiden Joko Widodo menghadiri acara di Solo. Suhendra menunggu di luar gedung. Ia lalu menyerang "
            "polisi yang berjaga di pintu.");
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.rfind("Joko Widodo", 0) == 0; }))
      << Join(e);
  // Inside a quotation "dia" is whoever the speaker talks of, not the person named before it.
  e = Codes("Presiden Prabowo Subianto tiba di Beijing pada hari Senin. \"Dia mengecam pemerintah Jepang,\" kata "
            "seorang pejabat.");
  // (His arrival is a visit of his own; the criticism is not his.)
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) {
    return s.rfind("Prabowo", 0) == 0 && s.find(" 11") != std::string::npos;
  })) << Join(e);
  EXPECT_TRUE(HasCode(e, "Prabowo Subianto", "IDNGOV→CHN", "04")) << Join(e);
}

TEST(EventsInTheArticle, AnAppealWithAgarAsksTheFirstPartyAfterIt) {
  auto e = Codes("Menteri Dalam Negeri Tito Karnavian meminta agar kepala daerah segera menyalurkan bantuan sosial "
                 "kepada warga yang terdampak banjir di wilayahnya.");
  EXPECT_TRUE(HasCode(e, "Tito Karnavian", "IDNGOV→IDNGOV", "02")) << Join(e);
  // What is asked for is not reported as done.
  e = Codes("Presiden Joko Widodo meminta agar polisi menangkap para pelaku.");
  EXPECT_TRUE(HasCode(e, "Joko Widodo", "IDNGOV→IDNCOP", "02")) << Join(e);
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find(" 17") != std::string::npos; }))
      << Join(e);
}

TEST(EventsInTheArticle, BodiesOfOneSectorAtHomeActOnEachOtherNotAbroad) {
  // Two Indonesian government bodies (the outlet's home country for Indonesian text).
  auto e = Codes(
      "Otoritas Jasa Keuangan (OJK) dan Kementerian Keuangan (Kemenkeu) sepakat membentuk tim kerja bersama.");
  EXPECT_TRUE(HasCode(e, "Otoritas Jasa Keuangan", "IDNGOV→IDNGOV", "03") ||
              HasCode(e, "Kementerian Keuangan", "IDNGOV→IDNGOV", "03"))
      << Join(e);
  // A foreign ministry and its capital are one actor: no event between them.
  e = Codes("Kementerian Luar Negeri Rusia membantah tuduhan bahwa Moskow berada di balik serangan itu.");
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find("RUSGOV→RUSGOV") != std::string::npos; }))
      << Join(e);
}

TEST(EventsInTheArticle, ASpeakerTellingOfUnnamedPeoplesAttackAccusesThem) {
  // The attackers are unnamed people (no entity): the speaker's accusation is coded, nothing breaks.
  auto e = Codes("\"Ribuan demonstran menyerang kantor polisi di Wamena,\" kata Kapolri Jenderal Listyo Sigit "
                 "Prabowo kepada wartawan di Jakarta.");
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find("→IDNOPP 112") != std::string::npos ||
                                                                               s.find("→IDNCVL 112") != std::string::npos; }))
      << Join(e);
  // English with no home country: protesters of no known state, told of by a minister.
  e = Codes("\"Protesters attacked the parliament building in Nairobi,\" Kenyan Interior Minister Kithure Kindiki told "
            "reporters on Tuesday.");
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find("KENGOV→KEN") != std::string::npos; }))
      << Join(e);
}

TEST(EventsInTheArticle, AnActNamedAsANounIsAnEvent) {
  auto e = EventsOf("Kunjungan Presiden Prabowo Subianto ke Beijing pekan lalu membahas kerja sama perdagangan.");
  EXPECT_TRUE(Has(e, "IDN", "CHN", "04")) << Dump(e);
  auto codes = Codes("Penangkapan Wakil Menteri Ketenagakerjaan oleh KPK mengejutkan banyak pihak di Jakarta.");
  EXPECT_TRUE(HasCode(codes, "Komisi Pemberantasan Korupsi", "IDNJUD→IDNGOV", "17")) << Join(codes);
  e = EventsOf("Talks between China and Russia ended in Moscow on Monday without an agreement.");
  EXPECT_TRUE(Has(e, "CHN", "RUS", "04") || Has(e, "RUS", "CHN", "04")) << Dump(e);
  e = EventsOf("The arrest of the opposition leader by Turkish police sparked protests in Istanbul.");
  EXPECT_TRUE(Has(e, "TUR", "TUR", "17")) << Dump(e);
  e = EventsOf("Russia's condemnation of the United States came within hours.");
  EXPECT_TRUE(Has(e, "RUS", "USA", "11")) << Dump(e);
  // The seed article's opening: an agreement named as a noun between the two states.
  e = EventsOf("Kesepakatan baru antara China dan Rusia di bidang energi dinilai akan mengubah peta persaingan di Asia.");
  EXPECT_TRUE(Has(e, "CHN", "RUS", "03") || Has(e, "RUS", "CHN", "03")) << Dump(e);
  e = EventsOf("Kerja sama Indonesia dengan Jepang di bidang maritim terus berkembang sejak tahun lalu.");
  EXPECT_TRUE(Has(e, "IDN", "JPN", "06")) << Dump(e);
  // An arrest with no one named as making it: no event (the patient is not the agent).
  e = EventsOf("Penangkapan Wakil Menteri Ketenagakerjaan mengejutkan banyak pihak di Jakarta.");
  EXPECT_TRUE(e.empty()) << Dump(e);
}

TEST(EventsInTheArticle, APersonOfNoOfficeDoneToByAHomeBodyIsACivilian) {
  auto e = Codes("Pada 15 Maret 2025, polisi menangkap Suhendra di Cilincing.");
  EXPECT_TRUE(HasCode(e, "polisi", "IDNCOP→IDNCVL", "17")) << Join(e);
  // As a source, no one knows whose: nothing is coded for them.
  e = Codes("Suhendra memukul polisi di Cilincing.");
  EXPECT_TRUE(e.empty()) << Join(e);
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// judgements.tsv: blame and praise in a quotation are its speaker's criticism (111) or praise
// (051) of the actor the quotation names.
TEST(EventsInTheArticle, BlameAndPraiseInAQuotationAreTheSpeakersActs) {
  auto e = Codes("\"Tidak adil jika APBN harus menanggung utang itu, sementara keuntungannya dikelola Danantara,\" "
                 "kata Menteri Keuangan Purbaya Yudhi Sadewa.");
  EXPECT_TRUE(HasCode(e, "Purbaya Yudhi Sadewa", "IDNGOV→IDNBUS", "111")) << Join(e);
  e = Codes("\"Kami berterima kasih kepada Jepang atas kerja keras tim penyelamatnya,\" ujar Menteri Luar Negeri "
            "Sugiono.");
  EXPECT_TRUE(HasCode(e, "Sugiono", "IDNGOV→JPN", "051")) << Join(e);
  e = Codes("\"Russia has been dishonest from the start,\" said the British Foreign Secretary, David Lammy.");
  EXPECT_TRUE(HasCode(e, "David Lammy", "GBRGOV→RUS", "111")) << Join(e);
}

TEST(EventsInTheArticle, NoJudgementWhenNegatedOrOfAPlace) {
  // "tidak curang": not a judgement.
  auto e = Codes("\"Pemerintah Malaysia tidak curang dalam perundingan itu,\" kata Menteri Luar Negeri Sugiono.");
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find(" 111") != std::string::npos; }))
      << Join(e);
  // A town the words are about is no actor they judge.
  e = Codes("\"Penanganan banjir di Bekasi amburadul dan mengecewakan,\" kata Ketua DPR Puan Maharani.");
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find(" 111") != std::string::npos; }))
      << Join(e);
  // Outside a quotation the words judge nothing: the narrator is no actor.
  e = Codes("Kebijakan Malaysia itu dinilai tidak adil oleh banyak pengamat.");
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const std::string& s) { return s.find(" 111") != std::string::npos; }))
      << Join(e);
}

}  // namespace
}  // namespace warta
