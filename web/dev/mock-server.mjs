#!/usr/bin/env node
// A stand-in for `warta serve` (docs/api.md, and the API v2 contract the dashboard is built
// against) for developing and testing the dashboard without the C++ server: serves
// web/dist/index.html at / and answers every /api/ endpoint from a small, consistent, invented data
// set: 5 states and IGOs, 3 outlets (two Indonesian, one English), 7 documents from July to
// October 2025 with no document in August, 3 stories, 2 topics. The common filters (from, to,
// lang, outlet) filter, lists carry their total, and format=csv answers CSV.
// Odd data on purpose: one document carries <script> and <img onerror> strings in its title and
// text; the Indonesian ones carry curly quotes and emoji, so UTF-8 byte offsets are exercised;
// one entity's name (and a title) holds U+202E RIGHT-TO-LEFT OVERRIDE; one entity's name is 3000
// characters without a space.
//
//   node dev/mock-server.mjs [PORT]      (PORT 0 or none: any free port; prints the URL)
//
// Only node:http, node:fs, node:path, node:url. Listens on 127.0.0.1.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const INDEX = path.resolve(here, '..', 'dist', 'index.html');

// ---------------------------------------------------------------------------------------------
// The data set (all invented).

const RLO = '\u202E';
/** The name of the entity with a right-to-left override in it (no U+202C to end it). */
export const RLO_NAME = `Forum ${RLO}Damai Nusantara`;
/** 3000 characters, no space. */
export const LONG_NAME = ('KonsorsiumRisetEnergiTerbarukanNusantara'.repeat(80)).slice(0, 3000);

const OUTLETS = [
  { outlet: 'kabarnusantara.example', name: 'Kabar Nusantara', country: 'IDN' },
  { outlet: 'suarapagi.example', name: 'Suara Pagi', country: 'IDN' },
  { outlet: 'globalwire.example', name: 'Global Wire', country: 'GBR' },
];
const outletByKey = new Map(OUTLETS.map((o) => [o.outlet, o]));

const ENTITIES = [
  { id: 1, key: 'kb:CHN', name: 'China', type: 'LOC', role: 'country', country: 'CHN', actor: 'CHN' },
  { id: 2, key: 'kb:RUS', name: 'Russia', type: 'LOC', role: 'country', country: 'RUS', actor: 'RUS' },
  { id: 3, key: 'kb:IDN', name: 'Indonesia', type: 'LOC', role: 'country', country: 'IDN', actor: 'IDN' },
  { id: 4, key: 'kb:USA', name: 'United States', type: 'LOC', role: 'country', country: 'USA', actor: 'USA' },
  { id: 6, key: 'kb:IGOUNO', name: 'United Nations', type: 'ORG', role: 'igo', country: null, actor: 'IGOUNO' },
  { id: 7, key: 'kb:IDN-kemlu', name: 'Kementerian Luar Negeri', type: 'ORG', role: 'ministry', country: 'IDN', actor: 'IDNGOV' },
  { id: 8, key: 'kb:arif-wicaksono', name: 'Arif Wicaksono', type: 'PER', role: 'spokesperson', country: 'IDN', actor: 'IDNGOV' },
  { id: 9, key: 'kb:liu-pengyu', name: 'Liu Pengyu', type: 'PER', role: 'spokesperson', country: 'CHN', actor: 'CHNGOV' },
  { id: 10, key: 'PER|IDN|Siti Rahmawati', name: 'Siti Rahmawati', type: 'PER', role: null, country: 'IDN', actor: 'IDNEDU' },
  { id: 11, key: 'kb:IDN-gov', name: 'Pemerintah Indonesia', type: 'ORG', role: 'government', country: 'IDN', actor: 'IDNGOV' },
  { id: 12, key: 'kb:RUS-mod', name: 'Kementerian Pertahanan Rusia', type: 'ORG', role: 'military', country: 'RUS', actor: 'RUSMIL' },
  { id: 13, key: 'kb:CHN-mfa', name: 'Kementerian Luar Negeri China', type: 'ORG', role: 'ministry', country: 'CHN', actor: 'CHNGOV' },
  { id: 14, key: 'ORG||<img src=x onerror=alert(1)>', name: '<img src=x onerror=alert(1)>', type: 'ORG', role: null, country: null, actor: null },
  { id: 15, key: `ORG|IDN|${RLO_NAME}`, name: RLO_NAME, type: 'ORG', role: 'ngo', country: 'IDN', actor: 'IDNNGO' },
  { id: 16, key: `ORG|IDN|${LONG_NAME}`, name: LONG_NAME, type: 'ORG', role: null, country: 'IDN', actor: null },
];
const entityById = new Map(ENTITIES.map((e) => [e.id, e]));
const STATE_NAMES = { CHN: 'China', RUS: 'Russia', IDN: 'Indonesia', USA: 'United States', GBR: 'United Kingdom' };

const TEXT_ID_1 = `China dan Rusia Perluas Kerja Sama Energi 🤝

JAKARTA — Kesepakatan baru antara China dan Rusia di bidang energi dinilai akan mengubah peta persaingan di kawasan Asia. Pemerintah Indonesia diminta tidak hanya menjadi penonton.

China dan Rusia sepakat memperluas perdagangan gas dan minyak mulai tahun depan.

Pengamat hubungan internasional, Siti Rahmawati, mengatakan kerja sama itu “sudah jauh melampaui urusan jual beli minyak dan gas” — sebuah kemitraan jangka panjang.

“Kalau pasokan dari Rusia ke China makin besar, pembeli lain di Asia harus menyesuaikan. Kita perlu menghitung ulang strategi impor kita 📈,” ujarnya.

Juru bicara Kementerian Luar Negeri, Arif Wicaksono, menegaskan bahwa Indonesia menghormati hak setiap negara. “Stabilitas kawasan tetap terjaga,” kata Arif di Jakarta, Senin (7/7/2025).`;

const SPANS_ID_1 = {
  mentions: [
    [1, 'China'], [2, 'Rusia'], [3, 'Indonesia'], [11, 'Pemerintah Indonesia'], [10, 'Siti Rahmawati'],
    [7, 'Kementerian Luar Negeri'], [8, 'Arif Wicaksono'], [8, 'Arif'],
  ],
  quotes: [
    { speaker: 10, role: 'Pengamat hubungan internasional', kind: 'indirect', text: 'sudah jauh melampaui urusan jual beli minyak dan gas' },
    { speaker: 10, role: 'Pengamat hubungan internasional', kind: 'direct', text: 'Kalau pasokan dari Rusia ke China makin besar, pembeli lain di Asia harus menyesuaikan. Kita perlu menghitung ulang strategi impor kita 📈,' },
    { speaker: 8, role: 'Juru bicara Kementerian Luar Negeri', kind: 'direct', text: 'Stabilitas kawasan tetap terjaga,' },
  ],
  events: [
    { source: 1, target: 2, cameo: '030', plover: 'AGREE', quad: 1, goldstein: 4.0, via: 'narrative', sentence: 'China dan Rusia sepakat memperluas perdagangan gas dan minyak mulai tahun depan.' },
    { source: 2, target: 1, cameo: '030', plover: 'AGREE', quad: 1, goldstein: 4.0, via: 'narrative', sentence: 'China dan Rusia sepakat memperluas perdagangan gas dan minyak mulai tahun depan.' },
  ],
};

const DOCUMENTS = [
  {
    id: 1, title: 'China dan Rusia Perluas Kerja Sama Energi, Pengamat: “Indonesia Harus Cermat” 🤝',
    published: '2025-07-07T14:12:00+07:00', url: 'https://kabarnusantara.example/read/2025/07/07/china-rusia-energi', outlet: 'kabarnusantara.example',
    lang: 'id', story: 1, topic: 1, duplicate_of: null, text: TEXT_ID_1, ...SPANS_ID_1,
  },
  {
    id: 2, title: 'China and Russia sign grain and fertiliser deal',
    published: '2025-07-08T10:30:00+00:00', url: 'https://globalwire.example/world/china-russia-grain', outlet: 'globalwire.example',
    lang: 'en', story: 1, topic: 1, duplicate_of: null,
    text: `BEIJING (Jul 8) - China and Russia signed a deal on Tuesday to expand trade in grain and fertiliser, officials from both countries said after two days of talks in Beijing.

Russia will ship more wheat to China under the agreement, the ministry said.

The United States said it was watching the deal closely.`,
    mentions: [[1, 'China'], [2, 'Russia'], [4, 'United States']],
    quotes: [{ speaker: 4, role: null, kind: 'indirect', text: 'it was watching the deal closely' }],
    events: [
      { source: 1, target: 2, cameo: '057', plover: 'AGREE', quad: 1, goldstein: 8.0, via: 'narrative', sentence: 'BEIJING (Jul 8) - China and Russia signed a deal on Tuesday to expand trade in grain and fertiliser, officials from both countries said after two days of talks in Beijing.' },
      { source: 2, target: 1, cameo: '057', plover: 'AGREE', quad: 1, goldstein: 8.0, via: 'narrative', sentence: 'BEIJING (Jul 8) - China and Russia signed a deal on Tuesday to expand trade in grain and fertiliser, officials from both countries said after two days of talks in Beijing.' },
      { source: 2, target: 1, cameo: '061', plover: 'COOPERATE', quad: 2, goldstein: 6.4, via: 'narrative', sentence: 'Russia will ship more wheat to China under the agreement, the ministry said.' },
    ],
  },
  {
    id: 3, title: 'AS Jatuhkan Sanksi Baru ke China <script>alert(1)</script>',
    published: '2025-10-24T09:30:00+07:00', url: 'javascript:alert(1)', outlet: 'suarapagi.example',
    lang: 'id', story: 2, topic: 2, duplicate_of: null,
    text: `WASHINGTON — Amerika Serikat menjatuhkan sanksi baru terhadap perusahaan-perusahaan China pada Kamis.

Juru bicara Kementerian Luar Negeri China, Liu Pengyu, menuduh Washington melakukan “perundungan sepihak”. “Sanksi ini melanggar hukum internasional <img src=x onerror=alert(1)>,” kata Liu.

Sebuah akun media sosial menyebarkan teks <script>alert(1)</script> yang kemudian dihapus. 🚫`,
    mentions: [
      [4, 'Amerika Serikat'], [1, 'China'], [13, 'Kementerian Luar Negeri China'], [9, 'Liu Pengyu'], [9, 'Liu'],
      [4, 'Washington'], [14, '<img src=x onerror=alert(1)>'],
    ],
    quotes: [
      { speaker: 9, role: 'Juru bicara Kementerian Luar Negeri China', kind: 'indirect', text: 'Washington melakukan “perundungan sepihak”' },
      { speaker: 9, role: 'Juru bicara Kementerian Luar Negeri China', kind: 'direct', text: 'Sanksi ini melanggar hukum internasional <img src=x onerror=alert(1)>,' },
    ],
    events: [
      { source: 4, target: 1, cameo: '163', plover: 'SANCTION', quad: 4, goldstein: -8.0, via: 'narrative', sentence: 'WASHINGTON — Amerika Serikat menjatuhkan sanksi baru terhadap perusahaan-perusahaan China pada Kamis.' },
      { source: 9, target: 4, cameo: '112', plover: 'ACCUSE', quad: 3, goldstein: -2.0, via: 'quote', sentence: 'Juru bicara Kementerian Luar Negeri China, Liu Pengyu, menuduh Washington melakukan “perundungan sepihak”.' },
    ],
  },
  {
    id: 4, title: 'UN chief urges restraint as Indonesia criticises US sanctions',
    published: '2025-10-25T18:00:00+00:00', url: 'https://globalwire.example/world/un-restraint-sanctions', outlet: 'globalwire.example',
    lang: 'en', story: 2, topic: 2, duplicate_of: null,
    text: `NEW YORK - The United Nations Secretary-General urged the United States and China to resolve their trade dispute through dialogue.

China said the sanctions were “unilateral bullying” and vowed to respond.

Indonesia criticised the new sanctions, saying they would hurt developing economies. “Sanctions like these hurt everyone in the region,” said foreign ministry spokesperson Arif Wicaksono.`,
    mentions: [[6, 'United Nations'], [4, 'United States'], [1, 'China'], [3, 'Indonesia'], [8, 'Arif Wicaksono']],
    quotes: [
      { speaker: 1, role: null, kind: 'indirect', text: 'the sanctions were “unilateral bullying”' },
      { speaker: 3, role: null, kind: 'indirect', text: 'they would hurt developing economies' },
      { speaker: 8, role: 'foreign ministry spokesperson', kind: 'direct', text: 'Sanctions like these hurt everyone in the region,' },
    ],
    events: [
      { source: 6, target: 4, cameo: '020', plover: 'REQUEST', quad: 1, goldstein: 3.0, via: 'narrative', sentence: 'NEW YORK - The United Nations Secretary-General urged the United States and China to resolve their trade dispute through dialogue.' },
      { source: 6, target: 1, cameo: '020', plover: 'REQUEST', quad: 1, goldstein: 3.0, via: 'narrative', sentence: 'NEW YORK - The United Nations Secretary-General urged the United States and China to resolve their trade dispute through dialogue.' },
      { source: 1, target: 4, cameo: '112', plover: 'ACCUSE', quad: 3, goldstein: -2.0, via: 'quote', sentence: 'China said the sanctions were “unilateral bullying” and vowed to respond.' },
      { source: 3, target: 4, cameo: '111', plover: 'ACCUSE', quad: 3, goldstein: -2.0, via: 'narrative', sentence: 'Indonesia criticised the new sanctions, saying they would hurt developing economies.' },
    ],
  },
  {
    // A copy of document 1 on another outlet: linked to it, counted once.
    id: 5, title: 'China dan Rusia Perluas Kerja Sama Energi, Pengamat: “Indonesia Harus Cermat” 🤝',
    published: '2025-07-07T16:05:00+07:00', url: 'https://suarapagi.example/berita/china-rusia-energi', outlet: 'suarapagi.example',
    lang: 'id', story: 1, topic: 1, duplicate_of: 1, text: TEXT_ID_1, ...SPANS_ID_1,
  },
  {
    id: 6, title: 'Rusia dan China Gelar Latihan Militer Bersama di Laut Jepang',
    published: '2025-09-15T08:00:00+07:00', url: null, outlet: 'kabarnusantara.example',
    lang: 'id', story: 3, topic: 1, duplicate_of: null,
    text: `Rusia dan China menggelar latihan militer bersama di Laut Jepang selama lima hari. Kementerian Pertahanan Rusia menyebut latihan itu “rutin dan tidak ditujukan kepada pihak ketiga”.

Amerika Serikat mengecam latihan tersebut sebagai provokasi. ⚠️`,
    mentions: [[2, 'Rusia'], [1, 'China'], [12, 'Kementerian Pertahanan Rusia'], [4, 'Amerika Serikat']],
    quotes: [{ speaker: 12, role: null, kind: 'direct', text: 'rutin dan tidak ditujukan kepada pihak ketiga' }],
    events: [
      { source: 2, target: 1, cameo: '062', plover: 'COOPERATE', quad: 2, goldstein: 7.4, via: 'narrative', sentence: 'Rusia dan China menggelar latihan militer bersama di Laut Jepang selama lima hari.' },
      { source: 1, target: 2, cameo: '062', plover: 'COOPERATE', quad: 2, goldstein: 7.4, via: 'narrative', sentence: 'Rusia dan China menggelar latihan militer bersama di Laut Jepang selama lima hari.' },
      { source: 4, target: 2, cameo: '111', plover: 'ACCUSE', quad: 3, goldstein: -2.0, via: 'narrative', sentence: 'Amerika Serikat mengecam latihan tersebut sebagai provokasi.' },
      { source: 4, target: 1, cameo: '111', plover: 'ACCUSE', quad: 3, goldstein: -2.0, via: 'narrative', sentence: 'Amerika Serikat mengecam latihan tersebut sebagai provokasi.' },
    ],
  },
  {
    // Bidi and width: a title and an entity with U+202E in them, a 3000-character name, and the
    // words COVID-19 and e-KTP for the search.
    id: 7, title: `${RLO_NAME} Serukan Dialog China–AS`,
    published: '2025-10-26T11:00:00+07:00', url: 'https://kabarnusantara.example/read/2025/10/26/forum-dialog', outlet: 'kabarnusantara.example',
    lang: 'id', story: 2, topic: 2, duplicate_of: null,
    text: `${RLO_NAME} Serukan Dialog China–AS

JAKARTA — ${RLO_NAME} meminta China dan Amerika Serikat kembali ke meja perundingan.

China menolak tuduhan Amerika Serikat soal subsidi industri.

Amerika Serikat mengancam tarif tambahan terhadap China.

China dan Amerika Serikat sepakat melanjutkan perundingan dagang pekan depan.

“Dialog adalah satu-satunya jalan,” kata juru bicara forum itu. Laporan forum disusun bersama ${LONG_NAME} dan juga membahas data e-KTP serta dana pemulihan COVID-19.`,
    mentions: [[15, RLO_NAME], [1, 'China'], [4, 'Amerika Serikat'], [16, LONG_NAME]],
    quotes: [{ speaker: 15, role: 'juru bicara forum', kind: 'direct', text: 'Dialog adalah satu-satunya jalan,' }],
    events: [
      { source: 1, target: 4, cameo: '120', plover: 'REJECT', quad: 3, goldstein: -4.0, via: 'narrative', sentence: 'China menolak tuduhan Amerika Serikat soal subsidi industri.' },
      { source: 4, target: 1, cameo: '130', plover: 'THREATEN', quad: 3, goldstein: -4.4, via: 'narrative', sentence: 'Amerika Serikat mengancam tarif tambahan terhadap China.' },
      { source: 1, target: 4, cameo: '036', plover: 'CONSULT', quad: 1, goldstein: 4.0, via: 'narrative', sentence: 'China dan Amerika Serikat sepakat melanjutkan perundingan dagang pekan depan.' },
      { source: 4, target: 1, cameo: '036', plover: 'CONSULT', quad: 1, goldstein: 4.0, via: 'narrative', sentence: 'China dan Amerika Serikat sepakat melanjutkan perundingan dagang pekan depan.' },
    ],
  },
];

const STORIES = [
  { story: 1, label: DOCUMENTS[0].title, docs: [1, 2, 5] },
  { story: 2, label: DOCUMENTS[2].title, docs: [3, 4, 7] },
  { story: 3, label: 'Rusia dan China Gelar Latihan Militer Bersama di Laut Jepang', docs: [6] },
];
const TOPICS = [
  { topic: 1, label: 'China–Russia: energy, grain and joint exercises', docs: [1, 2, 5, 6] },
  { topic: 2, label: DOCUMENTS[3].title, docs: [3, 4, 7] },
];

// The CAMEO codes the data uses, with the top-level classes, for /api/codes.
const CAMEO = [
  ['010', 'Make statement', 0.0, 1, 'STATEMENT'], ['020', 'Appeal', 3.0, 1, 'REQUEST'], ['030', 'Express intent to cooperate', 4.0, 1, 'AGREE'],
  ['036', 'Express intent to meet or negotiate', 4.0, 1, 'CONSULT'], ['040', 'Consult', 1.0, 1, 'CONSULT'], ['050', 'Engage in diplomatic cooperation', 3.5, 1, 'COOPERATE'],
  ['057', 'Sign formal agreement', 8.0, 1, 'AGREE'], ['060', 'Engage in material cooperation', 6.0, 2, 'COOPERATE'], ['061', 'Cooperate economically', 6.4, 2, 'COOPERATE'],
  ['062', 'Cooperate militarily', 7.4, 2, 'COOPERATE'], ['070', 'Provide aid', 7.0, 2, 'AID'], ['110', 'Disapprove', -2.0, 3, 'DISAPPROVE'],
  ['111', 'Criticize or denounce', -2.0, 3, 'ACCUSE'], ['112', 'Accuse', -2.0, 3, 'ACCUSE'], ['120', 'Reject', -4.0, 3, 'REJECT'],
  ['130', 'Threaten', -4.4, 3, 'THREATEN'], ['160', 'Reduce relations', -4.0, 4, 'SANCTION'], ['163', 'Impose embargo, boycott, or sanctions', -8.0, 4, 'SANCTION'],
  ['190', 'Use conventional military force', -10.0, 4, 'ASSAULT'],
];
const AGENTS = [
  ['GOV', 'government'], ['MIL', 'military'], ['EDU', 'education'], ['BUS', 'business'], ['MED', 'media'], ['NGO', 'non-governmental organisation'],
  ['OPP', 'opposition'], ['LEG', 'legislature'], ['JUD', 'judiciary'], ['CVL', 'civilians'], ['REB', 'rebels'], ['UNO', 'United Nations'],
];

// ---------------------------------------------------------------------------------------------
// Offsets: UTF-8 byte offsets into the text, computed from the strings above.

const bytesBefore = (text, index) => Buffer.byteLength(text.slice(0, index), 'utf8');
const isLetter = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function findAll(text, needle) {
  const out = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (isLetter(text[i - 1]) || isLetter(text[i + needle.length])) continue;
    out.push({ start: bytesBefore(text, i), end: bytesBefore(text, i + needle.length) });
  }
  return out;
}

function findOne(text, needle, what) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`mock data: ${what} not found in its text: ${needle}`);
  return { start: bytesBefore(text, i), end: bytesBefore(text, i + needle.length) };
}

const day = (iso) => (iso ? iso.slice(0, 10) : null);
const time = (iso) => (iso ? Date.parse(iso) : Infinity);
const docById = new Map(DOCUMENTS.map((d) => [d.id, d]));
const copiesOf = (d) => DOCUMENTS.filter((x) => x.id === d.id || x.duplicate_of === d.id);

const MENTIONS = [];
const QUOTES = [];
const EVENTS = [];
for (const d of DOCUMENTS) {
  // Longer names first; a shorter name of the same entity inside a longer mention ("Arif" in
  // "Arif Wicaksono") is not a mention of its own. Other overlaps (China in "Kementerian Luar
  // Negeri China") stay, so the dashboard sees nested spans.
  const mine = [];
  for (const [entity, needle] of [...d.mentions].sort((a, b) => b[1].length - a[1].length)) {
    for (const span of findAll(d.text, needle)) {
      if (mine.some((m) => m.entity === entity && m.start <= span.start && span.end <= m.end)) continue;
      mine.push({ document: d.id, entity, ...span });
    }
  }
  MENTIONS.push(...mine.sort((a, b) => a.start - b.start));
  for (const q of d.quotes) QUOTES.push({ document: d.id, ...q, ...findOne(d.text, q.text, 'quote') });
  for (const v of d.events) EVENTS.push({ document: d.id, ...v, ...findOne(d.text, v.sentence, 'event sentence') });
}
QUOTES.forEach((q, i) => { q.id = i + 1; });
EVENTS.forEach((v, i) => { v.id = i + 1; });

const original = (docId) => docById.get(docId).duplicate_of === null;
const outletName = (key) => outletByKey.get(key)?.name ?? key;

function eventRow(v, withDoc) {
  const d = docById.get(v.document);
  const s = entityById.get(v.source), t = entityById.get(v.target);
  const row = {
    document: v.document, date: day(d.published),
    source_actor: s?.actor ?? null, source_name: s?.name ?? null,
    cameo: v.cameo, plover: v.plover, quad_class: v.quad, goldstein: v.goldstein, negated: 0,
    target_actor: t?.actor ?? null, target_name: t?.name ?? null,
    via: v.via, reports: copiesOf(d).length, sentence: v.sentence,
  };
  if (withDoc) { row.title = d.title; row.url = d.url; }
  return row;
}
const EVENT_COLUMNS = ['document', 'date', 'source_actor', 'source_name', 'cameo', 'plover', 'quad_class', 'goldstein', 'negated', 'target_actor', 'target_name', 'via', 'reports', 'sentence', 'title', 'url'];

function quoteRow(q) {
  const d = docById.get(q.document);
  return { document: q.document, published: d.published, speaker: entityById.get(q.speaker)?.name ?? null, role: q.role, kind: q.kind, text: q.text };
}
const QUOTE_COLUMNS = ['document', 'published', 'speaker', 'role', 'kind', 'text'];

/** An actor parameter: digits are an entity id, anything else an actor code prefix. */
function actorMatches(param, entityId) {
  const e = entityById.get(entityId);
  if (!e) return false;
  if (/^\d+$/.test(param)) return e.id === Number(param);
  return String(e.actor ?? '').toUpperCase().startsWith(param.toUpperCase());
}

const nodeOf = (code) => (code ? (code.startsWith('IGO') ? code : code.slice(0, 3)) : null);
const stateOf = (code) => (code && !code.startsWith('IGO') && code.length >= 3 ? code.slice(0, 3) : null);

function isoWeek(date) {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((d - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function periodOf(date, by) {
  if (!date) return 'undated';
  if (by === 'day') return date;
  if (by === 'week') return isoWeek(date);
  if (by === 'year') return date.slice(0, 4);
  return date.slice(0, 7);
}

/** Every period from the one of `first` to the one of `last` (dates yyyy-mm-dd), in order. */
function periodsBetween(first, last, by) {
  const out = [];
  if (!first || !last) return out;
  const d = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (d <= end) {
    const p = periodOf(d.toISOString().slice(0, 10), by);
    if (out[out.length - 1] !== p) out.push(p);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

const QUAD_KEYS = [null, 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];

function summarise(events) {
  const out = { events: events.length, verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 };
  let sum = 0;
  for (const v of events) { out[QUAD_KEYS[v.quad]]++; sum += v.goldstein; }
  out.mean_goldstein = events.length ? Math.round((sum / events.length) * 100) / 100 : null;
  return out;
}

/**
 * Events per period, every period between the first and the last filled, each with `spike`: at
 * least 3 events and at least 1.75 times the mean of the series (the real server has its own rule).
 */
function perPeriod(events, by, extra) {
  const groups = new Map();
  const days = [];
  for (const v of events) {
    const dt = day(docById.get(v.document).published);
    days.push(dt);
    const p = periodOf(dt, by);
    if (!groups.has(p)) groups.set(p, []);
    groups.get(p).push(v);
  }
  days.sort();
  const periods = periodsBetween(days[0], days[days.length - 1], by).map((period) => {
    const list = groups.get(period) || [];
    return { period, ...summarise(list), ...(extra ? extra(list) : {}) };
  });
  const mean = periods.length ? periods.reduce((s, p) => s + p.events, 0) / periods.length : 0;
  for (const p of periods) p.spike = p.events >= 3 && p.events >= 1.75 * mean;
  return periods;
}

// ---------------------------------------------------------------------------------------------
// Parameters, as the real server checks them.

class BadRequest extends Error {}
class NotFound extends Error {}
/** A CSV answer: the rows of a list, `columns` in order. */
class Csv {
  constructor(name, columns, rows) { this.name = name; this.columns = columns; this.rows = rows; }
}

function format(q) {
  const f = q.get('format') || 'json';
  if (f !== 'json' && f !== 'csv') throw new BadRequest('format: json or csv');
  return f;
}

function paging(q) {
  const max = format(q) === 'csv' ? 10000 : 500;
  const num = (name, dflt, min, hi) => {
    const raw = q.get(name);
    if (raw === null || raw === '') return dflt;
    if (!/^\d+$/.test(raw)) throw new BadRequest(`${name}: not a whole number`);
    const n = Number(raw);
    if (n < min || n > hi) throw new BadRequest(`${name}: must be between ${min} and ${hi}`);
    return n;
  };
  return { limit: num('limit', 50, 1, max), offset: num('offset', 0, 0, Number.MAX_SAFE_INTEGER) };
}

function dateParam(q, name) {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new BadRequest(`${name}: a date like 2025-10-01`);
  return raw;
}

/** The common filters: from, to, lang, outlet. */
function filters(q) {
  const from = dateParam(q, 'from'), to = dateParam(q, 'to');
  if (from && to && from > to) throw new BadRequest('from: after to');
  const lang = q.get('lang') || null;
  if (lang && !/^[a-z]{2,3}$/.test(lang)) throw new BadRequest('lang: 2 or 3 lower-case letters, like id or en');
  const outlet = q.get('outlet') || null;
  return { from, to, lang, outlet };
}

function inRange(date, from, to) {
  if (!from && !to) return true;
  if (!date) return false;
  return (!from || date >= from) && (!to || date <= to);
}

/** Does document `d` (or the id of one) pass the filters `f`? */
function passes(d, f) {
  if (typeof d === 'number') d = docById.get(d);
  return inRange(day(d.published), f.from, f.to) && (!f.lang || d.lang === f.lang) && (!f.outlet || d.outlet === f.outlet);
}

/** A list answer, or its CSV. */
function list(rows, q, name, columns) {
  const { limit, offset } = paging(q);
  const items = rows.slice(offset, offset + limit);
  if (format(q) === 'csv') return new Csv(name, columns, items);
  return { items, total: rows.length, limit, offset };
}

/** A non-list answer whose CSV is `rows`. */
function rowsOr(value, q, name, columns, rows) {
  if (format(q) === 'csv') return new Csv(name, columns, rows);
  return value;
}

function jsonOnly(q) {
  if (format(q) !== 'json') throw new BadRequest('format: only json here');
}

function idParam(raw, what) {
  if (!/^\d+$/.test(raw)) throw new BadRequest(`${what} id: not a whole number`);
  const n = Number(raw);
  if (n < 1 || !Number.isSafeInteger(n)) throw new BadRequest(`${what} id: must be between 1 and 9223372036854775807`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Endpoints.

function stats(q) {
  jsonOnly(q);
  const f = filters(q);
  const docs = DOCUMENTS.filter((d) => passes(d, f));
  const originals = docs.filter((d) => d.duplicate_of === null);
  const ids = new Set(originals.map((d) => d.id));
  const days = docs.map((d) => day(d.published)).filter(Boolean).sort();
  return {
    documents: docs.length, unique_documents: originals.length, duplicates: docs.length - originals.length,
    stories: new Set(docs.map((d) => d.story)).size,
    entities: new Set(MENTIONS.filter((m) => ids.has(m.document)).map((m) => m.entity)).size,
    quotes: QUOTES.filter((x) => ids.has(x.document)).length, events: EVENTS.filter((x) => ids.has(x.document)).length,
    topics: new Set(docs.map((d) => d.topic)).size,
    outlets: new Set(docs.map((d) => d.outlet)).size,
    first: days[0] ?? null, last: days[days.length - 1] ?? null,
  };
}

function outlets(q) {
  const f = filters(q);
  const rows = OUTLETS.map((o) => {
    const docs = DOCUMENTS.filter((d) => d.outlet === o.outlet && passes(d, f));
    const days = docs.map((d) => day(d.published)).filter(Boolean).sort();
    return { outlet: o.outlet, name: o.name, country: o.country, documents: docs.length, first: days[0] ?? null, last: days[days.length - 1] ?? null };
  }).filter((r) => r.documents > 0).sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet));
  return list(rows, q, 'outlets', ['outlet', 'name', 'country', 'documents', 'first', 'last']);
}

function actorRow(e, f) {
  const ms = MENTIONS.filter((m) => m.entity === e.id && original(m.document) && passes(m.document, f));
  return { entity: e.id, name: e.name, type: e.type, role: e.role, actor: e.actor, country: e.country, documents: new Set(ms.map((m) => m.document)).size, mentions: ms.length };
}
const ACTOR_COLUMNS = ['entity', 'name', 'type', 'role', 'actor', 'country', 'documents', 'mentions'];

function actors(q) {
  const f = filters(q);
  const text = (q.get('q') || '').toLowerCase(); // a literal substring
  const rows = ENTITIES
    .filter((e) => !text || e.name.toLowerCase().includes(text) || String(e.actor ?? '').toLowerCase().includes(text) || e.key.toLowerCase().includes(text))
    .map((e) => actorRow(e, f))
    .filter((r) => r.documents > 0)
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.entity - b.entity);
  return list(rows, q, 'actors', ACTOR_COLUMNS);
}

const newest = (a, b) => docById.get(b.document).published.localeCompare(docById.get(a.document).published) || b.id - a.id;
const oldest = (a, b) => day(docById.get(a.document).published).localeCompare(day(docById.get(b.document).published)) || a.id - b.id;

function actor(id, q) {
  jsonOnly(q);
  const f = filters(q);
  const e = entityById.get(id);
  if (!e) throw new NotFound(`no such actor ${id}`);
  const byMonth = new Map();
  for (const m of MENTIONS) {
    if (m.entity !== id || !original(m.document) || !passes(m.document, f)) continue;
    const p = periodOf(day(docById.get(m.document).published), 'month');
    if (!byMonth.has(p)) byMonth.set(p, { docs: new Set(), mentions: 0 });
    const r = byMonth.get(p);
    r.docs.add(m.document);
    r.mentions++;
  }
  const months = [...byMonth.keys()].sort();
  const filled = months.length ? periodsBetween(`${months[0]}-01`, `${months[months.length - 1]}-01`, 'month') : [];
  const first20 = (rows) => ({ items: rows.slice(0, 20), total: rows.length, limit: 20, offset: 0 });
  const mine = (v) => original(v.document) && passes(v.document, f);
  return {
    actor: actorRow(e, f),
    mentions_by_month: filled.map((period) => ({ period, documents: byMonth.get(period)?.docs.size ?? 0, mentions: byMonth.get(period)?.mentions ?? 0 })),
    quotes: first20(QUOTES.filter((x) => x.speaker === id && mine(x)).sort(newest).map(quoteRow)),
    events_as_source: first20(EVENTS.filter((v) => v.source === id && mine(v)).sort(newest).map((v) => eventRow(v, false))),
    events_as_target: first20(EVENTS.filter((v) => v.target === id && mine(v)).sort(newest).map((v) => eventRow(v, false))),
  };
}

const EDGE_COLUMNS = ['source', 'target', 'events', 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'mean_goldstein'];

function graph(q) {
  const f = filters(q);
  const int = (name, dflt, min, max) => {
    const raw = q.get(name);
    if (raw === null || raw === '') return dflt;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new BadRequest(`${name}: must be between ${min} and ${max}`);
    return Number(raw);
  };
  const min = int('min_events', 1, 1, Number.MAX_SAFE_INTEGER);
  const limit = int('limit', 100, 1, 2000);
  const isolates = int('isolates', 0, 0, 1);
  const dyads = new Map();
  for (const v of EVENTS) {
    if (!original(v.document) || !passes(v.document, f)) continue;
    const s = nodeOf(entityById.get(v.source)?.actor), t = nodeOf(entityById.get(v.target)?.actor);
    if (!s || !t || s === t) continue;
    const key = `${s}\t${t}`;
    if (!dyads.has(key)) dyads.set(key, { source: s, target: t, list: [] });
    dyads.get(key).list.push(v);
  }
  const all = [...dyads.values()].filter((d) => d.list.length >= min)
    .map((d) => ({ source: d.source, target: d.target, ...summarise(d.list) }))
    .sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const edges = all.slice(0, limit);
  const mentionsOf = (id) => MENTIONS.filter((m) => nodeOf(entityById.get(m.entity)?.actor) === id && original(m.document) && passes(m.document, f)).length;
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
  if (isolates) for (const e of ENTITIES) { const n = nodeOf(e.actor); if (n && mentionsOf(n) > 0) ids.add(n); }
  const nodes = [...ids].sort().map((id) => ({ id, label: STATE_NAMES[id] ?? ENTITIES.find((e) => e.actor === id)?.name ?? id, mentions: mentionsOf(id) }));
  return rowsOr({ nodes, edges, total_edges: all.length }, q, 'graph', EDGE_COLUMNS, edges);
}

const MAP_COLUMNS = ['country', 'label', ...EDGE_COLUMNS.slice(2)];

function map(q) {
  const f = filters(q);
  const who = q.get('actor') || null;
  let own = null;
  if (who) own = /^\d+$/.test(who) ? entityById.get(Number(who))?.country ?? null : who.slice(0, 3).toUpperCase();
  const per = new Map();
  const add = (c, v) => { if (!c) return; if (!per.has(c)) per.set(c, []); per.get(c).push(v); };
  for (const v of EVENTS) {
    if (!original(v.document) || !passes(v.document, f)) continue;
    const s = stateOf(entityById.get(v.source)?.actor), t = stateOf(entityById.get(v.target)?.actor);
    if (!who) {
      add(s, v);
      if (t !== s) add(t, v);
    } else {
      if (actorMatches(who, v.source) && t && t !== own) add(t, v);
      else if (actorMatches(who, v.target) && s && s !== own) add(s, v);
    }
  }
  const countries = [...per.entries()].map(([country, events]) => ({ country, label: STATE_NAMES[country] ?? country, ...summarise(events) }))
    .sort((a, b) => b.events - a.events || a.country.localeCompare(b.country));
  return rowsOr({ actor: who, countries }, q, 'map', MAP_COLUMNS, countries);
}

const PERIOD_COLUMNS = ['period', 'events', 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'mean_goldstein', 'spike'];

function byParam(q) {
  const by = q.get('by') || 'month';
  if (!['day', 'week', 'month', 'year'].includes(by)) throw new BadRequest('by: day, week, month or year');
  return by;
}

function selectEvents(q, bothWays, source = q.get('source') || '', target = q.get('target') || '') {
  const f = filters(q);
  const pass = (v, a, b) => (!a || actorMatches(a, v.source)) && (!b || actorMatches(b, v.target));
  return EVENTS
    .filter((v) => original(v.document) && passes(v.document, f))
    .filter((v) => pass(v, source, target) || (bothWays && pass(v, target, source)))
    .sort(oldest);
}

function series(q) {
  const who = q.get('actor'), target = q.get('target') || null;
  if (!who) throw new BadRequest('actor: required (an actor code or an entity id)');
  const by = byParam(q);
  const events = target ? selectEvents(q, true, who, target) : selectEvents(q, false).filter((v) => actorMatches(who, v.source) || actorMatches(who, v.target));
  const periods = perPeriod(events, by);
  return rowsOr({ actor: who, target, by, periods }, q, 'series', PERIOD_COLUMNS, periods);
}

function relations(q) {
  const source = q.get('source'), target = q.get('target');
  if (!source || !target) throw new BadRequest('source and target: required');
  const by = byParam(q);
  const events = selectEvents(q, true);
  const periods = perPeriod(events, by, (list) => ({ sources: new Set(list.flatMap((v) => copiesOf(docById.get(v.document)).map((d) => d.outlet))).size }));
  return rowsOr({ source, target, by, periods, evidence: events.slice(0, 200).map((v) => eventRow(v, true)) }, q, 'relations', [...PERIOD_COLUMNS, 'sources'], periods);
}

function events(q) {
  return list(selectEvents(q, false).map((v) => eventRow(v, true)), q, 'events', EVENT_COLUMNS);
}

function quotes(q) {
  const f = filters(q);
  const speaker = (q.get('speaker') || '').toLowerCase(), text = (q.get('q') || '').toLowerCase();
  const rows = QUOTES.filter((x) => original(x.document) && passes(x.document, f))
    .filter((x) => {
      if (!speaker) return true;
      if (/^\d+$/.test(speaker)) return x.speaker === Number(speaker);
      const e = entityById.get(x.speaker);
      return e.name.toLowerCase().includes(speaker) || String(e.actor ?? '').toLowerCase().includes(speaker);
    })
    .filter((x) => !text || x.text.toLowerCase().includes(text))
    .sort(newest)
    .map(quoteRow);
  return list(rows, q, 'quotes', QUOTE_COLUMNS);
}

/** Outlet names, most documents first (ties: the first to report). */
function outletNames(docs, n) {
  const count = new Map();
  for (const d of [...docs].sort((a, b) => time(a.published) - time(b.published))) count.set(d.outlet, (count.get(d.outlet) || 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => outletName(k));
}

function clusterRow(s, key, f) {
  const docs = s.docs.map((id) => docById.get(id)).filter((d) => passes(d, f));
  const days = docs.map((d) => day(d.published)).filter(Boolean).sort();
  const row = {
    [key]: s[key], label: s.label, first: days[0] ?? null, last: days[days.length - 1] ?? null,
    documents: docs.length, sources: new Set(docs.map((d) => d.outlet)).size, outlets: outletNames(docs, 3),
  };
  if (key === 'topic') row.actors = clusterActors(docs, 3).map((a) => a.name);
  return row;
}

function clusterActors(docs, n) {
  const ids = new Set(docs.filter((d) => d.duplicate_of === null).map((d) => d.id));
  const per = new Map();
  for (const m of MENTIONS) {
    if (!ids.has(m.document)) continue;
    if (!per.has(m.entity)) per.set(m.entity, { docs: new Set(), mentions: 0 });
    per.get(m.entity).docs.add(m.document);
    per.get(m.entity).mentions++;
  }
  return [...per.entries()].sort((a, b) => b[1].mentions - a[1].mentions || a[0] - b[0]).slice(0, n)
    .map(([id, r]) => ({ entity: id, name: entityById.get(id).name, actor: entityById.get(id).actor, documents: r.docs.size, mentions: r.mentions }));
}

const CLUSTER_COLUMNS = (key) => [key, 'label', 'first', 'last', 'documents', 'sources', 'outlets', ...(key === 'topic' ? ['actors'] : [])];

function clusterList(all, key, q) {
  const f = filters(q);
  const rows = all.map((s) => clusterRow(s, key, f)).filter((r) => r.documents > 0)
    .sort((a, b) => b.documents - a.documents || a[key] - b[key]);
  return list(rows, q, key === 'story' ? 'stories' : 'topics', CLUSTER_COLUMNS(key));
}

const docRow = (d) => ({ id: d.id, title: d.title, published: d.published, outlet: d.outlet, name: outletName(d.outlet), url: d.url, duplicate_of: d.duplicate_of });
const DOC_COLUMNS = ['id', 'title', 'published', 'outlet', 'name', 'url', 'duplicate_of'];

function clusterDocs(all, key, id, f) {
  const s = all.find((x) => x[key] === id);
  if (!s) throw new NotFound(`no such ${key} ${id}`);
  const docs = s.docs.map((x) => docById.get(x)).filter((d) => passes(d, f)).sort((a, b) => time(a.published) - time(b.published) || a.id - b.id);
  return { s, docs };
}

function clusterDetail(all, key, id, q) {
  jsonOnly(q);
  const f = filters(q);
  const { s, docs } = clusterDocs(all, key, id, f);
  const by = key === 'story' ? 'day' : 'week';
  const days = docs.map((d) => day(d.published)).filter(Boolean).sort();
  const timeline = periodsBetween(days[0], days[days.length - 1], by).map((p) => {
    const mine = docs.filter((d) => periodOf(day(d.published), by) === p);
    return { [key === 'story' ? 'day' : 'period']: p, documents: mine.length, outlets: new Set(mine.map((d) => d.outlet)).size };
  });
  const first = docs[0];
  const outletsSeen = new Map();
  for (const d of docs) {
    if (!outletsSeen.has(d.outlet)) {
      const o = outletByKey.get(d.outlet);
      outletsSeen.set(d.outlet, { outlet: d.outlet, name: o?.name ?? d.outlet, country: o?.country ?? null, documents: 0, first: day(d.published) });
    }
    outletsSeen.get(d.outlet).documents++;
  }
  const ids = new Set(docs.filter((d) => d.duplicate_of === null).map((d) => d.id));
  return {
    [key]: clusterRow(s, key, f),
    timeline,
    first_report: first ? { document: first.id, title: first.title, published: first.published, outlet: first.outlet, name: outletName(first.outlet) } : null,
    outlets: [...outletsSeen.values()],
    documents: { items: docs.slice(0, 50).map(docRow), total: docs.length, limit: 50, offset: 0 },
    actors: clusterActors(docs, 20),
    quotes: QUOTES.filter((x) => ids.has(x.document)).sort(newest).slice(0, 50).map(quoteRow),
    events: EVENTS.filter((v) => ids.has(v.document)).sort(oldest).slice(0, 100).map((v) => eventRow(v, true)),
  };
}

function clusterDocuments(all, key, id, q) {
  const { docs } = clusterDocs(all, key, id, filters(q));
  return list(docs.map(docRow), q, `${key}-${id}-documents`, DOC_COLUMNS);
}

function documentById(id, q) {
  jsonOnly(q);
  const d = docById.get(id);
  if (!d) throw new NotFound(`no such document ${id}`);
  const o = outletByKey.get(d.outlet);
  const byStart = (a, b) => a.start - b.start || b.end - a.end;
  return {
    document: {
      id: d.id, input_id: `/srv/corpus/2025/${d.outlet}/${d.id}.json`, site: d.outlet, outlet: d.outlet, outlet_name: o?.name ?? null, outlet_country: o?.country ?? null,
      url: d.url, title: d.title, published: d.published, lang: d.lang, duplicate_of: d.duplicate_of, story: d.story, topic: d.topic,
    },
    text: d.text,
    entities: MENTIONS.filter((m) => m.document === id).sort(byStart).map((m) => ({ start: m.start, end: m.end, entity: m.entity, name: entityById.get(m.entity).name, actor: entityById.get(m.entity).actor })),
    quotes: QUOTES.filter((x) => x.document === id).sort(byStart).map((x) => ({ speaker: entityById.get(x.speaker)?.name ?? null, kind: x.kind, start: x.start, end: x.end, text: x.text })),
    events: EVENTS.filter((v) => v.document === id).sort(byStart).map((v) => ({
      source_actor: entityById.get(v.source)?.actor ?? null, source_name: entityById.get(v.source)?.name ?? null, cameo: v.cameo, quad_class: v.quad,
      target_actor: entityById.get(v.target)?.actor ?? null, target_name: entityById.get(v.target)?.name ?? null, negated: 0, via: v.via, start: v.start, end: v.end,
    })),
  };
}

/**
 * A toy of the search: any text is accepted (the real server makes FTS5 syntax of it). Its words
 * (letters and digits, with - and ' inside: COVID-19, e-KTP, Ma'ruf) match as substrings; "OR",
 * "NOT", "AND" are dropped; a document matches when any word does.
 */
function search(q) {
  const f = filters(q);
  const query = (q.get('q') || '').trim();
  const terms = [];
  for (const m of query.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    if (!['OR', 'NOT', 'AND', 'NEAR'].includes(m[0])) terms.push(m[0].toLowerCase());
  }
  const hits = [];
  for (const d of terms.length ? DOCUMENTS : []) {
    if (!passes(d, f)) continue;
    const hay = `${d.title}\n${d.text}`;
    const lower = hay.toLowerCase();
    const at = Math.min(...terms.map((t) => { const i = lower.indexOf(t); return i < 0 ? Infinity : i; }));
    if (at === Infinity) continue;
    const start = Math.max(0, at - 60);
    const end = Math.min(hay.length, at + 120);
    let piece = hay.slice(start, end).replace(/\s+/g, ' ');
    const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    piece = piece.replace(re, (m) => `\u0002${m}\u0003`);
    hits.push({ document: d.id, title: d.title, published: d.published, outlet: d.outlet, snippet: `${start > 0 ? '…' : ''}${piece}${end < hay.length ? '…' : ''}` });
  }
  return list(hits, q, 'search', ['document', 'title', 'published', 'outlet', 'snippet']);
}

function codes(q) {
  jsonOnly(q);
  return {
    quad_classes: [1, 2, 3, 4].map((n) => ({ quad_class: n, name: QUAD_KEYS[n].replace('_', ' ') })),
    cameo: CAMEO.map(([code, name, goldstein, quad, plover]) => ({ code, name, goldstein, quad_class: quad, plover })),
    agents: AGENTS.map(([code, name]) => ({ code, name })),
  };
}

const ROUTES = [
  [/^\/api\/stats$/, (q) => stats(q)],
  [/^\/api\/outlets$/, (q) => outlets(q)],
  [/^\/api\/actors$/, (q) => actors(q)],
  [/^\/api\/actors\/([^/]+)$/, (q, id) => actor(idParam(id, 'actor'), q)],
  [/^\/api\/graph$/, (q) => graph(q)],
  [/^\/api\/map$/, (q) => map(q)],
  [/^\/api\/series$/, (q) => series(q)],
  [/^\/api\/relations$/, (q) => relations(q)],
  [/^\/api\/events$/, (q) => events(q)],
  [/^\/api\/quotes$/, (q) => quotes(q)],
  [/^\/api\/codes$/, (q) => codes(q)],
  [/^\/api\/stories$/, (q) => clusterList(STORIES, 'story', q)],
  [/^\/api\/topics$/, (q) => clusterList(TOPICS, 'topic', q)],
  [/^\/api\/stories\/([^/]+)$/, (q, id) => clusterDetail(STORIES, 'story', idParam(id, 'story'), q)],
  [/^\/api\/topics\/([^/]+)$/, (q, id) => clusterDetail(TOPICS, 'topic', idParam(id, 'topic'), q)],
  [/^\/api\/stories\/([^/]+)\/documents$/, (q, id) => clusterDocuments(STORIES, 'story', idParam(id, 'story'), q)],
  [/^\/api\/topics\/([^/]+)\/documents$/, (q, id) => clusterDocuments(TOPICS, 'topic', idParam(id, 'topic'), q)],
  [/^\/api\/documents\/([^/]+)$/, (q, id) => documentById(idParam(id, 'document'), q)],
  [/^\/api\/search$/, (q) => search(q)],
];

// ---------------------------------------------------------------------------------------------
// The server.

const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Every request the mock answered (path and query), for the end-to-end test. */
export const requestLog = [];

function send(res, status, type, body, head, extra) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': buf.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(head ? undefined : buf);
}

function json(res, status, value, head, extra) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), head, extra);
}

/** RFC 4180: a header line, CRLF line ends, fields with , " CR LF quoted; arrays joined by "; ". */
function toCsv(columns, rows) {
  const field = (v) => {
    if (v === null || v === undefined) return '';
    const s = Array.isArray(v) ? v.join('; ') : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function handle(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return json(res, 405, { error: 'method not allowed: the server is read-only (GET, HEAD)' }, head, { Allow: 'GET, HEAD' });
  if (Buffer.byteLength(req.url || '') > 8192) return json(res, 414, { error: 'URL too long: at most 8192 bytes' }, head);
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    return json(res, 400, { error: 'bad request' }, head);
  }
  const p = url.pathname;
  if (p === '/' || p === '/index.html') {
    let html;
    try {
      html = fs.readFileSync(INDEX);
    } catch {
      return send(res, 503, 'text/plain; charset=utf-8', `${INDEX} is missing: run npm run build in web/ first\n`, head);
    }
    return send(res, 200, 'text/html; charset=utf-8', html, head, { 'Content-Security-Policy': CSP });
  }
  if (p.startsWith('/api/')) {
    requestLog.push(`${p}${url.search}`);
    for (const [re, fn] of ROUTES) {
      const m = re.exec(p);
      if (!m) continue;
      try {
        const answer = fn(url.searchParams, ...m.slice(1).map(decodeURIComponent));
        if (answer instanceof Csv) {
          return send(res, 200, 'text/csv; charset=utf-8', toCsv(answer.columns, answer.rows), head,
            { 'Content-Disposition': `attachment; filename="warta-${answer.name}.csv"` });
        }
        return json(res, 200, answer, head);
      } catch (err) {
        if (err instanceof BadRequest) return json(res, 400, { error: err.message }, head);
        if (err instanceof NotFound) return json(res, 404, { error: err.message }, head);
        if (err instanceof URIError) return json(res, 400, { error: 'bad path' }, head);
        console.error(err);
        return json(res, 500, { error: 'internal error' }, head);
      }
    }
    return json(res, 404, { error: `no such endpoint ${p}` }, head);
  }
  return json(res, 404, { error: `no such page ${p}` }, head);
}

/** Starts the mock on 127.0.0.1:port (0: any free port). Resolves to {server, url, close()}. */
export function startMockServer(port = 0) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handle);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}`, requests: requestLog, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2] ?? '0';
  if (!/^\d+$/.test(arg) || Number(arg) > 65535) {
    console.error('usage: node dev/mock-server.mjs [PORT]');
    process.exit(2);
  }
  const { url } = await startMockServer(Number(arg));
  console.log(`warta mock API and dashboard on ${url}/`);
  const stop = () => process.exit(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
