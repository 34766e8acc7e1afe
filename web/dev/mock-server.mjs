#!/usr/bin/env node
// A stand-in for `warta serve` (docs/api.md) for developing and testing the dashboard without the
// C++ server: serves web/dist/index.html at / and answers every /api/ endpoint from a small,
// consistent, invented data set (5 states and IGOs, 6 documents, 2 stories, 2 topics). One
// document carries <script> and <img onerror> strings in its title and text; the Indonesian ones
// carry curly quotes and emoji, so UTF-8 byte offsets are exercised.
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
// The data set.

const ENTITIES = [
  { id: 1, key: 'kb:CHN', name: 'China', type: 'LOC', country: 'CHN', actor: 'CHN' },
  { id: 2, key: 'kb:RUS', name: 'Russia', type: 'LOC', country: 'RUS', actor: 'RUS' },
  { id: 3, key: 'kb:IDN', name: 'Indonesia', type: 'LOC', country: 'IDN', actor: 'IDN' },
  { id: 4, key: 'kb:USA', name: 'United States', type: 'LOC', country: 'USA', actor: 'USA' },
  { id: 6, key: 'kb:IGOUNO', name: 'United Nations', type: 'ORG', country: null, actor: 'IGOUNO' },
  { id: 7, key: 'kb:IDN-kemlu', name: 'Kementerian Luar Negeri', type: 'ORG', country: 'IDN', actor: 'IDNGOV' },
  { id: 8, key: 'kb:arif-wicaksono', name: 'Arif Wicaksono', type: 'PER', country: 'IDN', actor: 'IDNGOV' },
  { id: 9, key: 'kb:liu-pengyu', name: 'Liu Pengyu', type: 'PER', country: 'CHN', actor: 'CHNGOV' },
  { id: 10, key: 'PER|IDN|Siti Rahmawati', name: 'Siti Rahmawati', type: 'PER', country: 'IDN', actor: 'IDNEDU' },
  { id: 11, key: 'kb:IDN-gov', name: 'Pemerintah Indonesia', type: 'ORG', country: 'IDN', actor: 'IDNGOV' },
  { id: 12, key: 'kb:RUS-mod', name: 'Kementerian Pertahanan Rusia', type: 'ORG', country: 'RUS', actor: 'RUSMIL' },
  { id: 13, key: 'kb:CHN-mfa', name: 'Kementerian Luar Negeri China', type: 'ORG', country: 'CHN', actor: 'CHNGOV' },
  { id: 14, key: 'ORG||<img src=x onerror=alert(1)>', name: '<img src=x onerror=alert(1)>', type: 'ORG', country: null, actor: null },
];
const entityById = new Map(ENTITIES.map((e) => [e.id, e]));

const TEXT_ID_1 = `China dan Rusia Perluas Kerja Sama Energi 🤝

JAKARTA — Kesepakatan baru antara China dan Rusia di bidang energi dinilai akan mengubah peta persaingan di kawasan Asia. Pemerintah Indonesia diminta tidak hanya menjadi penonton.

China dan Rusia sepakat memperluas perdagangan gas dan minyak mulai tahun depan.

Pengamat hubungan internasional, Siti Rahmawati, mengatakan kerja sama itu “sudah jauh melampaui urusan jual beli minyak dan gas” — sebuah kemitraan jangka panjang.

“Kalau pasokan dari Rusia ke China makin besar, pembeli lain di Asia harus menyesuaikan. Kita perlu menghitung ulang strategi impor kita 📈,” ujarnya.

Juru bicara Kementerian Luar Negeri, Arif Wicaksono, menegaskan bahwa Indonesia menghormati hak setiap negara. “Stabilitas kawasan tetap terjaga,” kata Arif di Jakarta, Selasa (7/12/2021).`;

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
    published: '2021-12-07T14:12:00+07:00', url: 'https://kompas.example/read/2021/12/07/china-rusia-energi', site: 'kompas.example',
    lang: 'id', story: 1, topic: 1, duplicate_of: null, text: TEXT_ID_1, ...SPANS_ID_1,
  },
  {
    id: 2, title: 'China and Russia sign grain and fertiliser deal',
    published: '2021-12-08T10:30:00+00:00', url: 'https://wire.example/world/china-russia-grain', site: 'wire.example',
    lang: 'en', story: 1, topic: 1, duplicate_of: null,
    text: `BEIJING (Dec 8) - China and Russia signed a deal on Wednesday to expand trade in grain and fertiliser, officials from both countries said after two days of talks in Beijing.

Russia will ship more wheat to China under the agreement, the ministry said.

The United States said it was watching the deal closely.`,
    mentions: [[1, 'China'], [2, 'Russia'], [4, 'United States']],
    quotes: [{ speaker: 4, role: null, kind: 'indirect', text: 'it was watching the deal closely' }],
    events: [
      { source: 1, target: 2, cameo: '057', plover: 'AGREE', quad: 1, goldstein: 8.0, via: 'narrative', sentence: 'BEIJING (Dec 8) - China and Russia signed a deal on Wednesday to expand trade in grain and fertiliser, officials from both countries said after two days of talks in Beijing.' },
      { source: 2, target: 1, cameo: '057', plover: 'AGREE', quad: 1, goldstein: 8.0, via: 'narrative', sentence: 'BEIJING (Dec 8) - China and Russia signed a deal on Wednesday to expand trade in grain and fertiliser, officials from both countries said after two days of talks in Beijing.' },
      { source: 2, target: 1, cameo: '061', plover: 'COOPERATE', quad: 2, goldstein: 6.4, via: 'narrative', sentence: 'Russia will ship more wheat to China under the agreement, the ministry said.' },
    ],
  },
  {
    id: 3, title: 'AS Jatuhkan Sanksi Baru ke China <script>alert(1)</script>',
    published: '2025-10-24T09:30:00+07:00', url: 'javascript:alert(1)', site: 'berita.example',
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
    published: '2025-10-25T18:00:00+00:00', url: 'https://wire.example/world/un-restraint-sanctions', site: 'wire.example',
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
    // A copy of document 1 on another site: linked to it, counted once.
    id: 5, title: 'China dan Rusia Perluas Kerja Sama Energi, Pengamat: “Indonesia Harus Cermat” 🤝',
    published: '2021-12-07T16:05:00+07:00', url: 'https://antara.example/berita/china-rusia-energi', site: 'antara.example',
    lang: 'id', story: 1, topic: 1, duplicate_of: 1, text: TEXT_ID_1, ...SPANS_ID_1,
  },
  {
    id: 6, title: 'Rusia dan China Gelar Latihan Militer Bersama di Laut Jepang',
    published: '2022-03-15T08:00:00+07:00', url: null, site: 'kompas.example',
    lang: 'id', story: 1, topic: 1, duplicate_of: null,
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
];

const STORIES = [
  { story: 1, label: DOCUMENTS[0].title, docs: [1, 2, 5, 6] },
  { story: 2, label: DOCUMENTS[2].title, docs: [3, 4] },
];
const TOPICS = [
  { topic: 1, label: DOCUMENTS[1].title, docs: [1, 2, 5, 6] },
  { topic: 2, label: DOCUMENTS[3].title, docs: [3, 4] },
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

function quoteRow(q) {
  const d = docById.get(q.document);
  return { document: q.document, published: d.published, speaker: entityById.get(q.speaker)?.name ?? null, role: q.role, kind: q.kind, text: q.text };
}

function actorRow(e) {
  const ms = MENTIONS.filter((m) => m.entity === e.id && original(m.document));
  return { entity: e.id, name: e.name, type: e.type, actor: e.actor, country: e.country, documents: new Set(ms.map((m) => m.document)).size, mentions: ms.length };
}

/** An actor parameter: digits are an entity id, anything else an actor code prefix. */
function actorMatches(param, entityId) {
  const e = entityById.get(entityId);
  if (!e) return false;
  if (/^\d+$/.test(param)) return e.id === Number(param);
  return String(e.actor ?? '').toUpperCase().startsWith(param.toUpperCase());
}

const nodeOf = (code) => (code ? (code.startsWith('IGO') ? code : code.slice(0, 3)) : null);

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

function summarise(events) {
  const out = { events: events.length, verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0 };
  const keys = [null, 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];
  let sum = 0;
  for (const v of events) { out[keys[v.quad]]++; sum += v.goldstein; }
  out.mean_goldstein = events.length ? Math.round((sum / events.length) * 100) / 100 : null;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parameters, as the real server checks them.

class BadRequest extends Error {}
class NotFound extends Error {}

function paging(q) {
  const num = (name, dflt, min, max) => {
    const raw = q.get(name);
    if (raw === null || raw === '') return dflt;
    if (!/^\d+$/.test(raw)) throw new BadRequest(`${name} must be a whole number`);
    const n = Number(raw);
    if (n < min || n > max) throw new BadRequest(`${name} must be between ${min} and ${max}`);
    return n;
  };
  return { limit: num('limit', 50, 0, 500), offset: num('offset', 0, 0, Number.MAX_SAFE_INTEGER) };
}

function dateParam(q, name) {
  const raw = q.get(name);
  if (raw === null || raw === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) throw new BadRequest(`${name} must be a date (yyyy-mm-dd)`);
  return raw;
}

function inRange(date, from, to) {
  if (!from && !to) return true;
  if (!date) return false;
  return (!from || date >= from) && (!to || date <= to);
}

function page(items, q) {
  const { limit, offset } = paging(q);
  return { items: items.slice(offset, offset + limit), limit, offset };
}

function idParam(raw) {
  if (!/^\d+$/.test(raw)) throw new BadRequest('the id must be a number');
  return Number(raw);
}

// ---------------------------------------------------------------------------------------------
// Endpoints.

function stats() {
  const originals = DOCUMENTS.filter((d) => d.duplicate_of === null);
  return {
    documents: DOCUMENTS.length, unique_documents: originals.length, duplicates: DOCUMENTS.length - originals.length,
    stories: STORIES.length, entities: ENTITIES.length,
    quotes: QUOTES.filter((x) => original(x.document)).length, events: EVENTS.filter((x) => original(x.document)).length,
    topics: TOPICS.length,
  };
}

function actors(q) {
  const text = (q.get('q') || '').toLowerCase();
  const rows = ENTITIES
    .filter((e) => !text || e.name.toLowerCase().includes(text) || String(e.actor ?? '').toLowerCase().includes(text) || e.key.toLowerCase().includes(text))
    .map(actorRow)
    .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || a.entity - b.entity);
  return page(rows, q);
}

function actor(id) {
  const e = entityById.get(id);
  if (!e) throw new NotFound();
  const byMonth = new Map();
  for (const m of MENTIONS) {
    if (m.entity !== id || !original(m.document)) continue;
    const p = periodOf(day(docById.get(m.document).published), 'month');
    if (!byMonth.has(p)) byMonth.set(p, { period: p, docs: new Set(), mentions: 0 });
    const r = byMonth.get(p);
    r.docs.add(m.document);
    r.mentions++;
  }
  const newest = (a, b) => docById.get(b.document).published.localeCompare(docById.get(a.document).published) || b.id - a.id;
  return {
    actor: actorRow(e),
    mentions_by_month: [...byMonth.values()].sort((a, b) => a.period.localeCompare(b.period)).map((r) => ({ period: r.period, documents: r.docs.size, mentions: r.mentions })),
    quotes: QUOTES.filter((x) => x.speaker === id && original(x.document)).sort(newest).map(quoteRow),
    events_as_source: EVENTS.filter((v) => v.source === id && original(v.document)).sort(newest).slice(0, 100).map((v) => eventRow(v, false)),
    events_as_target: EVENTS.filter((v) => v.target === id && original(v.document)).sort(newest).slice(0, 100).map((v) => eventRow(v, false)),
  };
}

function graph(q) {
  const from = dateParam(q, 'from'), to = dateParam(q, 'to');
  let min = 1;
  const raw = q.get('min_events');
  if (raw !== null && raw !== '') {
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new BadRequest('min_events must be a whole number of at least 1');
    min = Number(raw);
  }
  const dyads = new Map();
  for (const v of EVENTS) {
    if (!original(v.document)) continue;
    if (!inRange(day(docById.get(v.document).published), from, to)) continue;
    const s = nodeOf(entityById.get(v.source)?.actor), t = nodeOf(entityById.get(v.target)?.actor);
    if (!s || !t || s === t) continue;
    const key = `${s}\t${t}`;
    if (!dyads.has(key)) dyads.set(key, { source: s, target: t, list: [] });
    dyads.get(key).list.push(v);
  }
  const edges = [...dyads.values()].filter((d) => d.list.length >= min)
    .map((d) => ({ source: d.source, target: d.target, ...summarise(d.list) }))
    .sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = [...ids].sort().map((id) => {
    const named = ENTITIES.find((e) => e.actor === id);
    const mentions = MENTIONS.filter((m) => nodeOf(entityById.get(m.entity)?.actor) === id && original(m.document)
      && inRange(day(docById.get(m.document).published), from, to)).length;
    return { id, label: named ? named.name : id, mentions };
  });
  return { nodes, edges: edges.map(({ events, ...rest }) => ({ source: rest.source, target: rest.target, events, verbal_cooperation: rest.verbal_cooperation, material_cooperation: rest.material_cooperation, verbal_conflict: rest.verbal_conflict, material_conflict: rest.material_conflict, mean_goldstein: rest.mean_goldstein })) };
}

function selectEvents(q, bothWays) {
  const source = q.get('source') || '', target = q.get('target') || '';
  const from = dateParam(q, 'from'), to = dateParam(q, 'to');
  const pass = (v, a, b) => (!a || actorMatches(a, v.source)) && (!b || actorMatches(b, v.target));
  return EVENTS
    .filter((v) => original(v.document))
    .filter((v) => inRange(day(docById.get(v.document).published), from, to))
    .filter((v) => pass(v, source, target) || (bothWays && pass(v, target, source)))
    .sort((a, b) => day(docById.get(a.document).published).localeCompare(day(docById.get(b.document).published)) || a.id - b.id);
}

function relations(q) {
  const source = q.get('source'), target = q.get('target');
  if (!source || !target) throw new BadRequest('source and target are required');
  const by = q.get('by') || 'month';
  if (!['day', 'week', 'month', 'year'].includes(by)) throw new BadRequest('by must be day, week, month or year');
  const events = selectEvents(q, true);
  const periods = new Map();
  for (const v of events) {
    const p = periodOf(day(docById.get(v.document).published), by);
    if (!periods.has(p)) periods.set(p, []);
    periods.get(p).push(v);
  }
  return {
    source, target, by,
    periods: [...periods.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([period, list]) => {
      const sites = new Set(list.flatMap((v) => copiesOf(docById.get(v.document)).map((d) => d.site)));
      return { period, ...summarise(list), sources: sites.size };
    }),
    evidence: events.slice(0, 200).map((v) => eventRow(v, true)),
  };
}

function quotes(q) {
  const speaker = (q.get('speaker') || '').toLowerCase(), text = (q.get('q') || '').toLowerCase();
  const rows = QUOTES.filter((x) => original(x.document))
    .filter((x) => {
      const e = entityById.get(x.speaker);
      return !speaker || e.name.toLowerCase().includes(speaker) || String(e.actor ?? '').toLowerCase().startsWith(speaker);
    })
    .filter((x) => !text || x.text.toLowerCase().includes(text))
    .sort((a, b) => docById.get(b.document).published.localeCompare(docById.get(a.document).published) || a.id - b.id)
    .map(quoteRow);
  return page(rows, q);
}

function clusterList(list, key, q) {
  const rows = list.map((s) => {
    const docs = s.docs.map((id) => docById.get(id));
    const days = docs.map((d) => day(d.published)).filter(Boolean).sort();
    return { [key]: s[key], label: s.label, first: days[0] ?? null, last: days[days.length - 1] ?? null, documents: docs.length, sources: new Set(docs.map((d) => d.site)).size };
  }).sort((a, b) => b.documents - a.documents || a[key] - b[key]);
  return page(rows, q);
}

function story(id) {
  const s = STORIES.find((x) => x.story === id);
  if (!s) throw new NotFound();
  const row = clusterList([s], 'story', new URLSearchParams()).items[0];
  return {
    story: row,
    documents: s.docs.map((d) => docById.get(d)).map((d) => ({ id: d.id, title: d.title, published: d.published, site: d.site, url: d.url, duplicate_of: d.duplicate_of })),
  };
}

function documentById(id) {
  const d = docById.get(id);
  if (!d) throw new NotFound();
  const byStart = (a, b) => a.start - b.start || b.end - a.end;
  return {
    document: { id: d.id, title: d.title, published: d.published, url: d.url, site: d.site, lang: d.lang, story: d.story, topic: d.topic, duplicate_of: d.duplicate_of },
    text: d.text,
    entities: MENTIONS.filter((m) => m.document === id).sort(byStart).map((m) => ({ start: m.start, end: m.end, entity: m.entity, name: entityById.get(m.entity).name, actor: entityById.get(m.entity).actor })),
    quotes: QUOTES.filter((x) => x.document === id).sort(byStart).map((x) => ({ start: x.start, end: x.end, speaker: entityById.get(x.speaker)?.name ?? null, kind: x.kind })),
    events: EVENTS.filter((v) => v.document === id).sort(byStart).map((v) => ({ start: v.start, end: v.end, cameo: v.cameo, source_actor: entityById.get(v.source)?.actor ?? null, target_actor: entityById.get(v.target)?.actor ?? null, quad_class: v.quad })),
  };
}

/** A toy of FTS5: words (prefix with *), "phrases"; OR and NOT are ignored; any term matches. */
function search(q) {
  const query = (q.get('q') || '').trim();
  if (!query) throw new BadRequest('q is required');
  if ((query.match(/"/g) || []).length % 2) throw new BadRequest('unterminated string in q (FTS5 syntax error)');
  const terms = [];
  for (const m of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const t = (m[1] ?? m[2]).replace(/\*$/, '');
    if (t && t !== 'OR' && t !== 'NOT' && t !== 'AND') terms.push(t.toLowerCase());
  }
  if (!terms.length) throw new BadRequest('q has no words');
  const hits = [];
  for (const d of DOCUMENTS) {
    const hay = `${d.title}\n${d.text}`;
    const lower = hay.toLowerCase();
    const at = Math.min(...terms.map((t) => { const i = lower.indexOf(t); return i < 0 ? Infinity : i; }));
    if (at === Infinity) continue;
    const start = Math.max(0, hay.lastIndexOf(' ', Math.max(0, at - 40)) + 1);
    const end = Math.min(hay.length, at + 120);
    let piece = hay.slice(start, end).replace(/\s+/g, ' ');
    const re = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    piece = piece.replace(re, (m) => `\u0002${m}\u0003`);
    hits.push({ document: d.id, title: d.title, published: d.published, snippet: `${start > 0 ? '…' : ''}${piece}${end < hay.length ? '…' : ''}` });
  }
  return page(hits, q);
}

const ROUTES = [
  [/^\/api\/stats$/, () => stats()],
  [/^\/api\/actors$/, (q) => actors(q)],
  [/^\/api\/actors\/([^/]+)$/, (q, id) => actor(idParam(id))],
  [/^\/api\/graph$/, (q) => graph(q)],
  [/^\/api\/relations$/, (q) => relations(q)],
  [/^\/api\/events$/, (q) => page(selectEvents(q, false).map((v) => eventRow(v, true)), q)],
  [/^\/api\/quotes$/, (q) => quotes(q)],
  [/^\/api\/stories$/, (q) => clusterList(STORIES, 'story', q)],
  [/^\/api\/topics$/, (q) => clusterList(TOPICS, 'topic', q)],
  [/^\/api\/stories\/([^/]+)$/, (q, id) => story(idParam(id))],
  [/^\/api\/documents\/([^/]+)$/, (q, id) => documentById(idParam(id))],
  [/^\/api\/search$/, (q) => search(q)],
];

// ---------------------------------------------------------------------------------------------
// The server.

const CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function send(res, status, type, body, head) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': buf.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(head ? undefined : buf);
}

function json(res, status, value, head) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), head);
}

export function handle(req, res) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return json(res, 405, { error: 'method not allowed' }, head);
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
    res.setHeader('Content-Security-Policy', CSP);
    return send(res, 200, 'text/html; charset=utf-8', html, head);
  }
  if (p.startsWith('/api/')) {
    for (const [re, fn] of ROUTES) {
      const m = re.exec(p);
      if (!m) continue;
      try {
        return json(res, 200, fn(url.searchParams, ...m.slice(1).map(decodeURIComponent)), head);
      } catch (err) {
        if (err instanceof BadRequest) return json(res, 400, { error: err.message }, head);
        if (err instanceof NotFound) return json(res, 404, { error: 'not found' }, head);
        if (err instanceof URIError) return json(res, 400, { error: 'bad path' }, head);
        console.error(err);
        return json(res, 500, { error: 'mock server bug' }, head);
      }
    }
    return json(res, 404, { error: 'not found' }, head);
  }
  return send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
}

/** Starts the mock on 127.0.0.1:port (0: any free port). Resolves to {server, url, close()}. */
export function startMockServer(port = 0) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handle);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}`, close: () => new Promise((r) => server.close(() => r())) });
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
