// The event coder on clause structure read from the parse, through the whole
// analyze pipeline with the project's data, on sentences written for these
// tests (both languages): complements and purposes, reported futures, protests
// with no named target, arrivals, light verbs, groups and appositions.
#include "tests/event_test_support.h"

namespace warta {
namespace {

using testing::Dump;
using testing::EventsOf;
using testing::Has;

TEST(EventClauses, AClauseOfMannerIsNoComplementOfARefusal) {
  // "saying …" tells how the rejection was made: the rejection stands.
  auto e = EventsOf("Canberra rejected fresh calls by Fiji for a new loan, saying it would wait for the election.");
  EXPECT_TRUE(Has(e, "AUS", "FJI", "12")) << Dump(e);
  e = EventsOf("Wellington menolak permintaan Tonga untuk pinjaman baru, seraya mengatakan akan menunggu pemilu.");
  EXPECT_TRUE(Has(e, "NZL", "TON", "12")) << Dump(e);
  // A complement of purpose is still the refused act.
  e = EventsOf("Canberra refused to meet Fiji's envoy in Suva.");
  EXPECT_TRUE(Has(e, "AUS", "FJI", "12")) << Dump(e);
  EXPECT_FALSE(Has(e, "AUS", "FJI", "04")) << Dump(e);
}

TEST(EventClauses, ASportsNounReadAsAVerbIsNoSportsStory) {
  auto e = EventsOf("Chilean officials demanded that Peru match the offer made by Bolivia.");
  EXPECT_TRUE(Has(e, "CHL", "PER", "10")) << Dump(e);
  // The noun still marks a sports story.
  e = EventsOf("Chile attacked Peru's defence throughout the match in Lima.");
  EXPECT_TRUE(e.empty()) << Dump(e);
}

TEST(EventClauses, AProtestAgainstNoOneNamedIsAgainstTheGovernment) {
  // Held in a place: that state's government.
  auto e = EventsOf("Ribuan buruh berunjuk rasa di Medan menuntut kenaikan upah.");
  EXPECT_TRUE(Has(e, "IDN", "IDN", "14")) << Dump(e);
  e = EventsOf("Hundreds of Bolivian miners demonstrated in La Paz on Monday.");
  EXPECT_TRUE(Has(e, "BOL", "BOL", "14")) << Dump(e);
  // A protest against someone named stays against them.
  e = EventsOf("Hundreds of Bolivian miners demonstrated against Chile on Monday.");
  EXPECT_TRUE(Has(e, "BOL", "CHL", "14")) << Dump(e);
  EXPECT_FALSE(Has(e, "BOL", "BOL", "14")) << Dump(e);
  // A state's own protest has no implied target.
  e = EventsOf("Bolivia protested on Monday.");
  EXPECT_TRUE(e.empty()) << Dump(e);
}

TEST(EventClauses, AStateBetweenTwoPeopleWordsJoinsOneGroup) {
  // "demonstran Indonesia mahasiswa": the state belongs to one group of people; the state after
  // the verb stays a party. (The entities stage mostly groups such words itself; the coder's
  // guard against taking a state into two groups is defensive.)
  auto e = EventsOf("Ratusan demonstran Indonesia mahasiswa dan buruh menyerang Malaysia di perbatasan.");
  EXPECT_TRUE(Has(e, "IDN", "MYS", "1")) << Dump(e);
}

TEST(EventClauses, TheActorAnotherModifiesIsTheParty) {
  // "Iraqi" names whose Kurds they are: the Kurds act (and the longer name wins over the one inside it).
  Document d = testing::AnalyzeText("Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "2025-06-01");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].source_name, "Kurds");
  d = testing::AnalyzeText("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "2025-06-01");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.events[0].source_name, "ethnic Albanians");
}

TEST(EventClauses, WouldInWhatIsSaidIsAnAnnouncedAct) {
  // Reported speech: "said they would impose" is the "will impose" they said, an intent (13x for sanctions).
  auto e = EventsOf("Chilean officials said they would impose sanctions on Peru.");
  EXPECT_TRUE(Has(e, "CHL", "PER", "13")) << Dump(e);
  EXPECT_FALSE(Has(e, "CHL", "PER", "16")) << Dump(e);
  // Elsewhere "would" is a hypothetical: no act.
  e = EventsOf("Chile would impose sanctions on Peru if the border stayed closed.");
  EXPECT_TRUE(e.empty()) << Dump(e);
  // What others expect or believe is not announced by the one it is about.
  e = EventsOf("Analysts expect that Peru would impose sanctions on Chile.");
  EXPECT_TRUE(e.empty()) << Dump(e);
}

TEST(EventClauses, ARejectionWithAnObjectRejectsTheObjectNotItsAct) {
  // "to host a summit" belongs to the offer: the rejection is of the offer, and no meeting is coded.
  auto e = EventsOf("Peru rejected a US offer to host a summit in June.");
  EXPECT_TRUE(Has(e, "PER", "USA", "12")) << Dump(e);
  EXPECT_FALSE(Has(e, "PER", "USA", "04")) << Dump(e);
}

TEST(EventClauses, ADemandIsMadeOfOfficialsWhereverTheyStand) {
  auto e = EventsOf("Chilean miners are demanding higher wages and better housing from Chilean authorities.");
  EXPECT_TRUE(Has(e, "CHL", "CHL", "10")) << Dump(e);
  e = EventsOf("Para buruh di Medan menuntut kenaikan upah dan perumahan yang layak dari pemerintah daerah.");
  EXPECT_TRUE(Has(e, "IDN", "IDN", "10")) << Dump(e);
}

TEST(EventClauses, WhatACodedActIsForIsNotDone) {
  // The invitation is the act (of "we", no actor here); the talks it is for have not happened.
  auto e = EventsOf("Kami juga mengundang pihak Thailand dan Vietnam untuk membahas sengketa perbatasan.");
  EXPECT_TRUE(e.empty()) << Dump(e);
  e = EventsOf("We also invited Thailand and Vietnam to discuss the border dispute.");
  EXPECT_TRUE(e.empty()) << Dump(e);
  // After a verb that codes nothing the purpose is the act.
  e = EventsOf("Dewan HAM PBB membentuk tim khusus untuk menyelidiki dugaan penyiksaan di Kamboja.");
  EXPECT_TRUE(Has(e, "IGO", "KHM", "09")) << Dump(e);
}

TEST(EventClauses, ALeaderArrivingInAForeignCityVisitsItsState) {
  auto e = EventsOf("Presiden Prabowo tiba di Hanoi pada Rabu malam.");
  EXPECT_TRUE(Has(e, "IDN", "VNM", "04")) << Dump(e);
  e = EventsOf("Chile's foreign minister arrived in Beijing on Wednesday.");
  EXPECT_TRUE(Has(e, "CHL", "CHN", "04")) << Dump(e);
  // At home it is no visit; goods from a place are no visitors.
  e = EventsOf("Presiden Prabowo tiba di Surabaya pada Rabu malam.");
  EXPECT_TRUE(e.empty()) << Dump(e);
  e = EventsOf("Contoh kopi dari Aceh sudah tiba di Hanoi bulan lalu.");
  EXPECT_TRUE(e.empty()) << Dump(e);
}

TEST(EventClauses, ASpokenBareVerbIsTheActiveVerb) {
  // Spoken Indonesian drops meN- ("tolak" for "menolak"): read as the verb where the tagger says so.
  auto e = EventsOf("\"Kita akan tolak usulan Vietnam itu,\" kata Menteri Luar Negeri Sugiono.");
  EXPECT_TRUE(Has(e, "IDN", "VNM", "12")) << Dump(e);
}

TEST(EventClauses, AtRiskIsNoThreat) {
  // "terancam" (at risk of) is a state, not "diancam" (threatened by someone).
  auto e = EventsOf("Proyek kerja sama Indonesia dengan Vietnam terancam batal karena dana Malaysia belum cair.");
  EXPECT_FALSE(std::any_of(e.begin(), e.end(), [](const testing::Got& g) { return g.cameo.rfind("13", 0) == 0; }))
      << Dump(e);
  e = EventsOf("Vietnam mengancam Malaysia dengan sanksi.");
  EXPECT_TRUE(Has(e, "VNM", "MYS", "13")) << Dump(e);
}

TEST(EventClauses, TheSubjectOfALightVerbDoesTheActItsObjectNames) {
  // "melakukan penyelidikan terhadap …": KPK investigates; the province in the governor's
  // title is his office, not a party of its own.
  auto e = EventsOf("KPK melakukan penyelidikan terhadap Gubernur Bengkulu Rohidin Mersyah.");
  EXPECT_TRUE(Has(e, "IDN", "IDN", "09")) << Dump(e);
  // Not after a verb with a meaning of its own: the attack is not the critic's.
  e = EventsOf("Malaysia mengecam serangan Israel terhadap Gaza.");
  EXPECT_TRUE(Has(e, "MYS", "ISR", "11")) << Dump(e);
  EXPECT_FALSE(Has(e, "MYS", "PSE", "19")) << Dump(e);
}

TEST(EventClauses, ABodyAndAPersonSetOffByACommaAreOneParty) {
  // Apposition, not two parties acting together: no act between the ministry and its official.
  auto e = EventsOf(
      "\"Semua negara sudah berkomitmen menyetor cadangan beras,\" kata Direktur Kerja Sama Kementerian Luar "
      "Negeri, Dian Permatasari, di Jakarta.");
  EXPECT_FALSE(Has(e, "IDN", "IDN", "06")) << Dump(e);
  // A person of no known office gives way to the body named beside them.
  e = EventsOf("Chile rejected calls by Maria Rossi, UN special envoy, to reopen the border.");
  EXPECT_TRUE(Has(e, "CHL", "IGO", "12")) << Dump(e);
}

}  // namespace
}  // namespace warta
