#!/usr/bin/env node
// End-to-end test of the dashboard in headless Chromium (playwright-core, the system's browser:
// nothing is downloaded).
//
//   npm test                                 builds dist/, starts dev/mock-server.mjs, tests it
//   WARTA_URL=http://127.0.0.1:8080 npm test against a running `warta serve`
//   CHROMIUM=/path/to/chromium npm test      another browser binary (default /usr/bin/chromium)
//
// Exit codes: 0 all checks passed, 1 a check failed, 77 skipped (no Chromium).
// Against the mock, the strict checks on data (quotes on the actor page, the hostile document, the
// right-to-left override and the 3000-character name, spikes, outlets by name) must pass, and a
// screenshot of the home view goes to test/dashboard.png. Against a real server the structural
// checks run all the same (views load, filters in the URL and in every request, paging, export
// links, the map, the graph legend and top-N, searches for odd text); checks that need data the
// store may not have are reported as skipped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const RLO = '\u202E';

if (!fs.existsSync(CHROMIUM)) {
  console.log(`e2e: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM to a Chromium binary)`);
  process.exit(77);
}

let mock = null;
let base = process.env.WARTA_URL;
if (!base) {
  const index = path.resolve(here, '..', 'dist', 'index.html');
  if (!fs.existsSync(index)) {
    console.error(`e2e: ${index} is missing: run \`npm run build\` first (npm test does it)`);
    process.exit(1);
  }
  const { startMockServer } = await import('../dev/mock-server.mjs');
  mock = await startMockServer(0);
  base = mock.url;
}
base = base.replace(/\/+$/, '');
const origin = new URL(base).origin;
const strict = !!mock;
console.log(`e2e: testing ${base}/ ${mock ? '(the mock server of dev/mock-server.mjs)' : '(WARTA_URL)'} with ${CHROMIUM}`);

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
page.setDefaultTimeout(15000);

// What the page does behind our back.
const dialogs = [];
const pageErrors = [];
const consoleErrors = [];
const foreignRequests = [];
/** Every API request the page made (URL path and query, e.g. "/api/stats?lang=en"). */
const apiRequests = [];
page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  const text = m.text();
  if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return; // the 404 and 400 we ask for
  consoleErrors.push(text);
});
let pageLoads = 0;
page.on('load', () => { pageLoads++; });
page.on('request', (r) => {
  const u = r.url();
  if (u.startsWith('data:') || u.startsWith('blob:')) return;
  const url = new URL(u);
  if (url.origin !== origin) foreignRequests.push(u);
  else if (url.pathname.includes('/api/')) apiRequests.push(`${url.pathname.slice(url.pathname.indexOf('/api/'))}${url.search}`);
});

let passed = 0;
let failed = 0;
let skipped = 0;
class Skip extends Error {}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

async function check(name, fn) {
  try {
    const note = await fn();
    passed++;
    console.log(`ok    ${name}${note ? ` — ${note}` : ''}`);
    return true;
  } catch (err) {
    if (err instanceof Skip) {
      skipped++;
      console.log(`skip  ${name} — ${err.message}`);
      return false;
    }
    failed++;
    console.log(`FAIL  ${name}: ${String(err.message).split('\n')[0]}`);
    return false;
  }
}

const appState = () => page.evaluate(() => {
  const a = document.getElementById('app');
  return { gen: Number(a.dataset.gen || 0), view: a.dataset.view, state: a.dataset.state, hash: location.hash };
});

/** Runs `action` and waits until the dashboard has routed to a new view and loaded it. */
async function navigate(action, expectView) {
  const before = (await appState()).gen;
  await action();
  await page.waitForFunction((b) => {
    const a = document.getElementById('app');
    return Number(a.dataset.gen || 0) > b && a.dataset.state !== 'loading';
  }, before);
  const s = await appState();
  if (expectView) assert(s.view === expectView, `expected the ${expectView} view, got ${s.view} at ${s.hash}`);
  return s;
}

/** Loads `url` afresh (goto or reload) and waits for the view. */
async function load(url) {
  if (url) await page.goto(url); else await page.reload();
  await page.waitForFunction(() => {
    const a = document.getElementById('app');
    return a && Number(a.dataset.gen || 0) >= 1 && a.dataset.state !== 'loading';
  });
  return appState();
}

/**
 * Clicks a point of the graph that `locate` computes in the page (after the scroll has settled) and
 * waits for `expectView`. A slow machine may still be moving the page when the point is measured:
 * then the click misses, and the point is measured and clicked again (three tries in all).
 */
async function clickGraph(locate, expectView) {
  let lastError = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(300 * (attempt + 1)); // past Cytoscape's 250 ms of "the page is scrolling"
    const target = await page.evaluate(locate);
    if (!target) return { target: null, state: null };
    const before = (await appState()).gen;
    await page.mouse.click(target.x, target.y);
    try {
      await page.waitForFunction((b) => {
        const a = document.getElementById('app');
        return Number(a.dataset.gen || 0) > b && a.dataset.state !== 'loading';
      }, before, { timeout: 5000 });
    } catch (err) {
      lastError = err;
      continue;
    }
    const s = await appState();
    assert(s.view === expectView, `expected the ${expectView} view, got ${s.view} at ${s.hash}`);
    return { target, state: s };
  }
  throw new Error(`three clicks on the graph did not open the ${expectView} view (${String(lastError?.message).split('\n')[0]})`);
}

const go = (hash) => navigate(() => page.evaluate((h) => { location.hash = h; }, hash));
const api = (p) => page.evaluate(async (u) => {
  const r = await fetch(u);
  return { status: r.status, body: await r.json() };
}, `api/${p}`);
const count = (selector) => page.locator(selector).count();
const text = async (selector) => (await page.locator(selector).first().textContent()).trim();

/** The API requests made while `action` ran (and its view loaded). */
async function requestsDuring(action) {
  const mark = apiRequests.length;
  await action();
  await page.waitForTimeout(100);
  return apiRequests.slice(mark);
}

/** Painted (non-transparent) pixels of a canvas. */
const canvasInk = (selector) => page.evaluate((sel) => {
  const c = document.querySelector(sel);
  if (!c) return null;
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let ink = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
  return { w: c.width, h: c.height, ink };
}, selector);

/** The page is no wider than the viewport (nothing overflows sideways). */
const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, client: document.documentElement.clientWidth }));

let initialScripts = 0;

// 1. Home: stats, the lists, the graph with its legend and top-N.
await check('home view loads, stats line, lists and graph with nodes render', async () => {
  const requests = await requestsDuring(() => load(`${base}/#/`));
  initialScripts = await page.evaluate(() => document.scripts.length);
  const s = await appState();
  assert(s.view === 'home' && s.state === 'ready', `home is ${s.state}`);
  await page.waitForSelector('.stats .stat');
  const stats = await page.locator('.stats').first().innerText();
  assert(/documents/.test(stats), `no stats line (${stats})`);
  const g = await page.evaluate(() => ({
    nodes: window.warta.cy.nodes().length,
    edges: window.warta.cy.edges().length,
    canvases: document.querySelectorAll('#graph canvas').length,
    ready: document.getElementById('graph').dataset.ready,
  }));
  assert(g.canvases > 0, 'no canvas in #graph');
  assert(g.nodes > 0, 'the graph has no nodes');
  assert(g.ready === '1', 'the layout did not finish');
  const pairs = await count('table.pairs a.pair-link');
  assert(pairs > 0, 'no rows in the busiest pairs');
  const graphReq = requests.find((r) => r.startsWith('/api/graph'));
  assert(graphReq, `no /api/graph request (${requests.join(', ')})`);
  const gq = new URLSearchParams(graphReq.split('?')[1] || '');
  assert(gq.get('limit') === '50' && gq.get('isolates') === '0', `the graph request is ${graphReq}, not limit=50&isolates=0`);
  assert(requests.some((r) => r.startsWith('/api/stats')) && requests.some((r) => r.startsWith('/api/actors')), `no stats or actors request: ${requests.join(', ')}`);
  for (const p of ['/api/stats', '/api/graph', '/api/actors']) {
    const n = requests.filter((r) => r.startsWith(p)).length;
    assert(n === 1, `${n} requests to ${p} for one home view: ${requests.join(', ')}`);
  }
  const statsFirst = requests.findIndex((r) => r.startsWith('/api/stats')) < requests.findIndex((r) => r.startsWith('/api/graph'));
  assert(statsFirst, 'the stats were requested after the graph');
  if (mock) {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(here, 'dashboard.png') });
  }
  return `${stats.trim().replace(/\s+/g, ' ')}; ${g.nodes} nodes, ${g.edges} edges, ${pairs} pairs listed; ${graphReq}${mock ? '; screenshot test/dashboard.png' : ''}`;
});

await check('graph labels are legible at the default fit (≥ 11 px on screen, sized by weight)', async () => {
  const r = await page.evaluate(() => {
    const cy = window.warta.cy;
    const z = cy.zoom();
    const shown = cy.nodes().filter((n) => parseFloat(n.style('font-size')) * z >= parseFloat(n.style('min-zoomed-font-size')));
    const sizes = shown.map((n) => parseFloat(n.style('font-size')) * z);
    return { zoom: z, shown: shown.length, all: cy.nodes().length, min: Math.min(...sizes), max: Math.max(...sizes) };
  });
  assert(r.shown > 0, 'no label is shown at the default zoom');
  assert(r.min >= 10.9, `the smallest shown label is ${r.min.toFixed(1)} px on screen`);
  return `zoom ${r.zoom.toFixed(2)}: ${r.shown} of ${r.all} labels shown, ${r.min.toFixed(1)}–${r.max.toFixed(1)} px`;
});

await check('graph legend (edge colours, node size) and the top-N selector', async () => {
  const legend = await text('#graph-legend');
  assert(/Goldstein/.test(legend) && /node size/.test(legend) && /edge width/.test(legend), `legend: ${legend}`);
  const options = await page.locator('#graph-filters select[name=top] option').evaluateAll((os) => os.map((o) => o.value));
  assert(options.join(',') === '25,50,100,250', `top-N options: ${options}`);
  const reqs = await requestsDuring(() => navigate(() => page.selectOption('#graph-filters select[name=top]', '25'), 'home'));
  const s = await appState();
  assert(/[?&]top=25\b/.test(s.hash), `the hash is ${s.hash}`);
  const g = reqs.find((r) => r.startsWith('/api/graph'));
  assert(g && /[?&]limit=25\b/.test(g) && /[?&]isolates=0\b/.test(g), `graph request: ${g}`);
  const edges = await page.evaluate(() => window.warta.cy.edges().length);
  assert(edges <= 25, `${edges} edges drawn for the top 25`);
  await navigate(() => page.selectOption('#graph-filters select[name=color]', 'quad'), 'home');
  const quadLegend = await text('#graph-legend');
  assert(/verbal cooperation/.test(quadLegend) && /material conflict/.test(quadLegend), `quad legend: ${quadLegend}`);
  await go('#/');
  return `legend "${legend.slice(0, 80)}…"; top 25 → ${g}; quad-class legend shown`;
});

await check('the actor filter narrows the graph', async () => {
  const target = await page.evaluate(() => {
    const cy = window.warta.cy;
    const leaf = cy.nodes().sort((a, b) => a.degree() - b.degree())[0];
    return leaf ? leaf.id() : null;
  });
  assert(target, 'no node to filter on');
  await page.fill('#graph-filters input[name=actor]', target);
  // style('display') recomputes the style; visible() may answer from a cache until the next frame.
  const r = await page.evaluate(() => ({
    visible: window.warta.cy.nodes().filter((n) => n.style('display') !== 'none').map((n) => n.id()),
    all: window.warta.cy.nodes().length,
  }));
  assert(r.visible.includes(target), `${target} is hidden by its own filter`);
  if (strict) assert(r.visible.length < r.all, 'nothing was hidden');
  await page.fill('#graph-filters input[name=actor]', '');
  const after = await page.evaluate(() => window.warta.cy.nodes().filter((n) => n.style('display') !== 'none').length);
  assert(after === r.all, 'clearing the filter did not show every node again');
  return `"${target}": ${r.visible.length} of ${r.all} nodes shown`;
});

await check('lists show their totals and page with prev/next ("1–10 of N")', async () => {
  const bar = page.locator('.card:has(table.actors) .pager');
  const range = (await bar.locator('.range').textContent()).trim();
  assert(/^1–\d[\d,]* of \d[\d,]*$/.test(range) || /^0 of 0$/.test(range), `range: "${range}"`);
  const total = Number(range.replace(/.* of /, '').replace(/,/g, ''));
  const heading = await text('.card:has(table.actors) h2');
  assert(heading.includes(`(${total.toLocaleString('en-US')})`), `the heading "${heading}" does not show the total ${total}`);
  const next = bar.locator('button.pager-next');
  if (!(await next.isVisible())) {
    if (strict) throw new Error('no next page of actors');
    throw new Skip(`only ${total} actors, no second page`);
  }
  const before = await page.locator('table.actors tbody tr td:first-child').allTextContents();
  await next.click();
  await page.waitForFunction(() => /^11–/.test(document.querySelector('.card:has(table.actors) .pager .range').textContent));
  const range2 = (await bar.locator('.range').textContent()).trim();
  const after = await page.locator('table.actors tbody tr td:first-child').allTextContents();
  assert(after.length <= 10 && after[0] !== before[0], 'the second page shows the first page again');
  assert(await bar.locator('button.pager-prev').isVisible(), 'no prev button on page 2');
  const rows = await count('table.actors tbody tr');
  if (strict) assert(range2 === `11–${total} of ${total}`, `second page: "${range2}"`);
  // The very long name (3000 characters without a space) is on this page of the mock.
  const o = await overflow();
  assert(o.scroll <= o.width, `the page is ${o.scroll} px wide in a ${o.width} px window`);
  await bar.locator('button.pager-prev').click();
  await page.waitForFunction(() => /^1–/.test(document.querySelector('.card:has(table.actors) .pager .range').textContent));
  return `"${range}" → next → "${range2}" (${rows} rows) → prev; page ${o.scroll} px wide`;
});

// 2. Click the biggest node: the actor page.
let actorChecked = false;
await check('clicking a graph node opens the actor page', async () => {
  const { target: node, state: s } = await clickGraph(() => {
    const cy = window.warta.cy;
    let best = null;
    cy.nodes().forEach((n) => { if (!best || (n.data('raw').mentions || 0) > (best.data('raw').mentions || 0)) best = n; });
    const p = best.renderedPosition();
    const r = cy.container().getBoundingClientRect();
    return { id: best.id(), x: r.left + p.x, y: r.top + p.y };
  }, 'actor');
  assert(s.state === 'ready', `actor page is ${s.state}`);
  const name = (await page.locator('#app h1').textContent()).trim();
  assert(name.length > 0, 'no actor name');
  const code = (await page.locator('.facts dd code').first().textContent()).trim();
  assert(code.toUpperCase().startsWith(node.id.slice(0, 3)), `actor code ${code} does not belong to node ${node.id}`);
  const quotes = await count('ul.quotes li.quote');
  const events = await count('ol.evidence-list li.evidence');
  if (strict) {
    assert(quotes > 0, 'no quotes on the actor page');
    assert(events > 0, 'no events on the actor page');
  }
  const charts = await count('.chart-box canvas');
  actorChecked = true;
  return `node ${node.id} → ${s.hash} "${name}" (${code}): ${quotes} quotes, ${events} events, ${charts} chart`;
});

await check('the actor page shows its quotes', async () => {
  if (!actorChecked) throw new Error('no actor page');
  let quotes = await count('ul.quotes li.quote');
  if (quotes === 0 && !strict) {
    // A state rarely speaks itself: find a speaker through the quotes and open their page.
    const q = await api('quotes?limit=1');
    if (!q.body.items || !q.body.items.length) throw new Skip('the store has no quotes');
    const a = await api(`actors?q=${encodeURIComponent(q.body.items[0].speaker)}&limit=1`);
    if (!a.body.items || !a.body.items.length) throw new Skip(`no actor for the speaker ${q.body.items[0].speaker}`);
    await go(`#/actor/${a.body.items[0].entity}`);
    quotes = await count('ul.quotes li.quote');
  }
  assert(quotes > 0, 'no quotes');
  const first = (await page.locator('ul.quotes li.quote blockquote').first().textContent()).trim();
  const links = await count('ul.quotes li.quote a[href^="#/doc/"]');
  assert(links === quotes, 'a quote has no link to its document');
  return `${quotes} quotes, e.g. “${first.slice(0, 60)}”`;
});

// 3. Back to the graph, click an edge: the pair page.
let onPair = false;
await check('clicking a graph edge opens the pair page', async () => {
  await navigate(() => page.click('nav a[data-nav=home]'), 'home');
  await page.waitForFunction(() => document.getElementById('graph')?.dataset.ready === '1');
  const { target: edge, state: s } = await clickGraph(() => {
    const cy = window.warta.cy;
    // The busiest edge whose midpoint no node (or node label) covers.
    const boxes = cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
    const free = (p) => !boxes.some((b) => p.x >= b.x1 - 4 && p.x <= b.x2 + 4 && p.y >= b.y1 - 4 && p.y <= b.y2 + 4);
    const edges = cy.edges().sort((a, b) => (b.data('raw').events || 0) - (a.data('raw').events || 0));
    const best = edges.filter((e) => free(e.renderedMidpoint()))[0] || edges[0];
    if (!best) return null;
    const p = best.renderedMidpoint();
    const r = cy.container().getBoundingClientRect();
    return { id: `${best.data('source')}→${best.data('target')}`, x: r.left + p.x, y: r.top + p.y };
  }, 'pair');
  if (!edge) throw new Error('the graph has no edges');
  onPair = true;
  return `edge ${edge.id} → ${s.hash}`;
});
if (!onPair) {
  await check('the busiest-pairs list opens the pair page', async () => {
    const a = await appState();
    if (a.view !== 'home') await navigate(() => page.click('nav a[data-nav=home]'), 'home');
    const s = await navigate(() => page.locator('table.pairs a.pair-link').first().click(), 'pair');
    onPair = true;
    return s.hash;
  });
}

await check('the pair page draws the timeline chart and lists the evidence', async () => {
  assert(onPair, 'no pair page');
  const s = await appState();
  assert(s.state === 'ready', `pair page is ${s.state}`);
  await page.waitForSelector('.chart-box canvas');
  await page.waitForTimeout(400); // the chart's short animation
  const drawn = await page.evaluate(() => {
    const c = document.querySelector('.chart-box canvas');
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return { w: c.width, h: c.height, ink };
  });
  assert(drawn.w > 0 && drawn.h > 0, 'the chart canvas has no size');
  assert(drawn.ink > 500, 'the chart canvas is blank');
  const rows = await count('ol.evidence-list li.evidence');
  assert(rows > 0, 'no evidence rows');
  const docLinks = await count('ol.evidence-list li.evidence a[href^="#/doc/"]');
  assert(docLinks >= rows, 'an evidence row has no link to its document');
  return `canvas ${drawn.w}×${drawn.h} with ${drawn.ink} painted pixels, ${rows} evidence rows`;
});

/** The rendered article equals the API's text, and each span shows exactly its bytes. */
async function checkOffsets() {
  const s = await appState();
  const id = decodeURIComponent(s.hash.replace(/^#\/doc\//, ''));
  const { body } = await api(`documents/${encodeURIComponent(id)}`);
  const shown = await page.evaluate(() => document.getElementById('doc-text').textContent);
  assert(shown === body.text, `the shown text differs from the API's text (${shown.length} vs ${body.text.length} characters)`);
  const bytes = Buffer.from(body.text, 'utf8');
  const spans = [
    ...(body.entities || []).map((x) => ({ ...x, kind: 'entity' })),
    ...(body.quotes || []).map((x) => ({ ...x, kind: 'quote' })),
    ...(body.events || []).map((x) => ({ ...x, kind: 'event' })),
  ];
  const pieces = await page.evaluate((kinds) => kinds.map((kind, i) => {
    // One element per span per piece of text, in document order: joined, they are the span.
    const els = document.querySelectorAll(`#doc-text [data-k="${kind}:${i}"]`);
    return Array.from(els).map((e) => e.textContent).join('');
  }), spans.map((sp) => sp.kind));
  let multibyte = 0;
  spans.forEach((sp, i) => {
    const want = bytes.subarray(sp.start, sp.end).toString('utf8');
    if (Buffer.byteLength(want) !== want.length) multibyte++;
    assert(pieces[i] === want, `${sp.kind} ${i} at bytes ${sp.start}–${sp.end} shows "${pieces[i]}", expected "${want}"`);
  });
  const nonAsciiBefore = spans.filter((sp) => bytes.subarray(0, sp.start).some((b) => b >= 0x80)).length;
  return { id, spans: spans.length, multibyte, nonAsciiBefore, length: bytes.length };
}

await check('an evidence link opens the article, highlighted at the right UTF-8 byte offsets', async () => {
  assert(onPair, 'no pair page');
  await navigate(() => page.locator('ol.evidence-list li.evidence a[href^="#/doc/"]').first().click(), 'doc');
  const r = await checkOffsets();
  if (strict) assert(r.nonAsciiBefore > 0, 'no span comes after a multi-byte character: offsets untested');
  return `document ${r.id}: text identical (${r.length} bytes), ${r.spans} spans match their bytes, ${r.nonAsciiBefore} of them after multi-byte characters`;
});

// 4. Search from the header, then the hostile document.
let hostileOpen = false;
await check('header search shows results with <mark>ed matches', async () => {
  await page.fill('#search-input', 'onerror');
  const s = await navigate(() => page.press('#search-input', 'Enter'), 'search');
  assert(s.hash === '#/search?q=onerror', `search went to ${s.hash}`);
  const results = await count('ol.results li.result');
  if (results === 0) {
    if (strict) throw new Error('no results for "onerror"');
    throw new Skip('no document on this server contains "onerror"');
  }
  const marks = await page.locator('ol.results mark').allTextContents();
  assert(marks.length > 0, 'no <mark> in the snippets');
  assert(marks.every((m) => /onerror/i.test(m)), `marked text is not the match: ${marks.join(', ')}`);
  const raw = await page.locator('ol.results .snippet').first().textContent();
  assert(!/[\u0002\u0003]/.test(raw), 'U+0002/U+0003 left in the snippet');
  await navigate(() => page.locator('ol.results a.result-title').first().click(), 'doc');
  hostileOpen = true;
  return `${results} results, marks: ${marks.slice(0, 3).join(', ')}`;
});

await check('hostile title and text show as text: no dialog, no <script>/<img> from data', async () => {
  if (!hostileOpen) {
    if (strict) throw new Error('the hostile document was not opened');
    throw new Skip('no hostile document on this server');
  }
  await page.waitForTimeout(500); // give an injected onerror the time to fire
  const r = await page.evaluate(() => ({
    title: document.querySelector('#app h1').textContent,
    text: document.getElementById('app').innerText,
    imgs: document.querySelectorAll('img').length,
    scripts: document.scripts.length,
    scriptsInApp: document.querySelectorAll('#app script, #app iframe, #app object, #app embed, #app svg, #app style').length,
    srcScripts: Array.from(document.scripts).filter((s) => s.src).length,
    jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => !/^(#|https?:)/i.test(a.getAttribute('href'))).map((a) => a.getAttribute('href')),
  }));
  assert(dialogs.length === 0, `a dialog fired: ${dialogs.join('; ')}`);
  for (const h of HOSTILE) assert(r.text.includes(h), `"${h}" is not visible as text`);
  if (strict) assert(r.title.includes(HOSTILE[0]), `the title does not show ${HOSTILE[0]}`);
  assert(r.imgs === 0, `${r.imgs} <img> element(s) in the page`);
  assert(r.scripts === initialScripts && r.srcScripts === 0, `scripts: ${r.scripts} (the page had ${initialScripts}), ${r.srcScripts} with src`);
  assert(r.scriptsInApp === 0, `${r.scriptsInApp} script/iframe/object/embed/svg/style element(s) in the content`);
  assert(r.jsLinks.length === 0, `links that are neither internal nor http(s): ${r.jsLinks.join(', ')}`);
  const off = await checkOffsets();
  return `title "${r.title.trim()}"; both strings shown as text; 0 dialogs, 0 <img>, ${r.scripts} <script> (the bundle); ${off.spans} spans match their bytes`;
});

// 5. Stories, topics, a story, a topic.
let storyHash = null;
await check('stories and topics lists (dates, documents, outlets, key actors) and the toggle', async () => {
  await navigate(() => page.click('nav a[data-nav=stories]'), 'stories');
  const stories = await count('table.stories tbody tr');
  assert(stories > 0, 'no stories');
  const heads = await page.locator('table.stories thead th').allTextContents();
  assert(['dates', 'documents', 'outlets'].every((h) => heads.includes(h)), `story columns: ${heads.join(', ')}`);
  const firstRow = await page.locator('table.stories tbody tr').first().innerText();
  assert(/\d{4}-\d{2}-\d{2}/.test(firstRow), `no dates in "${firstRow}"`);
  if (strict) assert(/Kabar Nusantara|Suara Pagi|Global Wire/.test(firstRow), `no outlet names in "${firstRow}"`);
  assert(!/\.json|\/srv\//.test(firstRow), `a file path in "${firstRow}"`);
  await navigate(() => page.click('.toggle a[href^="#/topics"]'), 'topics');
  const topics = await count('table.stories tbody tr');
  assert(topics > 0, 'no topics');
  const theads = await page.locator('table.stories thead th').allTextContents();
  assert(theads.includes('key actors') && theads.includes('dates'), `topic columns: ${theads.join(', ')}`);
  const actorsCell = (await page.locator('table.stories tbody tr td.actors').first().textContent()).trim();
  if (strict) assert(actorsCell.length > 0, 'no key actors beside the first topic');
  await navigate(() => page.click('.toggle a[href^="#/stories"]'), 'stories');
  storyHash = await page.locator('table.stories tbody a').first().getAttribute('href');
  return `${stories} stories, ${topics} topics; first story row "${firstRow.replace(/\s+/g, ' ').slice(0, 90)}"; topic actors "${actorsCell}"`;
});

await check('story page: label, timeline chart, first report, outlets, actors, documents paged', async () => {
  assert(storyHash, 'no story to open');
  const label = (await page.locator('table.stories tbody a').first().textContent()).trim();
  const s = await navigate(() => page.locator('table.stories tbody a').first().click(), 'story');
  assert(s.state === 'ready', `story page is ${s.state}`);
  const h1 = (await page.locator('#app h1').textContent()).trim();
  assert(h1 === label, `story page title "${h1}" is not the label "${label}"`);
  await page.waitForTimeout(400);
  const ink = await canvasInk('#story-timeline canvas');
  assert(ink && ink.w > 0 && ink.ink > 300, `the timeline canvas is blank (${JSON.stringify(ink)})`);
  const first = await page.locator('#first-report').innerText();
  assert(await count('#first-report a.doc-link') === 1 || /Not known/.test(first), `first report: ${first}`);
  const outlets = await count('#story-outlets tbody tr');
  assert(outlets > 0, 'no outlets picked the story up');
  const outletText = await page.locator('#story-outlets tbody').innerText();
  assert(!/\/srv\/|\.json\b/.test(outletText), `a file path among the outlets: ${outletText}`);
  const docs = await count('ul.docs a.doc-link');
  assert(docs > 0 && docs <= 20, `the story lists ${docs} documents on a page`);
  const range = await text('#story-documents .pager .range');
  assert(/ of \d/.test(range), `documents range "${range}"`);
  if (strict) {
    assert(/Kabar Nusantara|Suara Pagi|Global Wire/.test(first), `the first report has no outlet name: ${first}`);
    assert(await count('#app .chips a.chip') > 0, 'no actors');
  }
  const exp = await page.locator('#story-documents .export-csv').getAttribute('href');
  assert(/\/documents\?/.test(exp) && /format=csv/.test(exp), `documents export: ${exp}`);
  return `${s.hash}: "${h1.slice(0, 50)}", timeline ${ink.ink} px, first report "${first.replace(/\s+/g, ' ').slice(0, 70)}", ${outlets} outlets, ${docs} documents (${range})`;
});

await check('topic page: weekly timeline, outlets and documents', async () => {
  const topics = await api('topics?limit=1');
  assert(topics.status === 200, `/api/topics answered ${topics.status} ${JSON.stringify(topics.body)}`);
  const t0 = topics.body.items && topics.body.items[0];
  if (!t0) throw new Skip('no topics');
  const s = await go(`#/topic/${t0.topic ?? t0.id}`);
  assert(s.view === 'topic' && s.state === 'ready', `topic page is ${s.view} ${s.state}`);
  await page.waitForTimeout(400);
  const ink = await canvasInk('#story-timeline canvas');
  assert(ink && ink.ink > 300, 'the topic timeline is blank');
  const periods = Number(await page.locator('#story-timeline .chart-box').getAttribute('data-periods'));
  const detail = await api(`topics/${t0.topic ?? t0.id}`);
  assert(periods === (detail.body.timeline || []).length, `${periods} periods drawn, the API sent ${(detail.body.timeline || []).length}`);
  return `${s.hash}: ${periods} weeks drawn (every one the API sent), ${await count('#story-outlets tbody tr')} outlets`;
});

// 6. Outlets.
await check('outlets view: name, country, documents, first/last; a name sets the outlet filter', async () => {
  const s = await navigate(() => page.click('nav a[data-nav=outlets]'), 'outlets');
  assert(s.state === 'ready', `outlets view is ${s.state}`);
  const rows = await count('table.outlets tbody tr');
  if (rows === 0) {
    if (strict) throw new Error('no outlets');
    throw new Skip('the store has no outlets');
  }
  const heads = await page.locator('table.outlets thead th').allTextContents();
  assert(['name', 'country', 'documents', 'first', 'last'].every((h) => heads.includes(h)), `columns: ${heads.join(', ')}`);
  const first = await page.locator('table.outlets tbody tr').first().innerText();
  if (strict) assert(/Kabar Nusantara/.test(first), `first outlet: ${first}`);
  const key = await page.locator('table.outlets tbody tr a.outlet-link').first().getAttribute('href');
  const outlet = new URLSearchParams(key.split('?')[1]).get('outlet');
  assert(outlet, `the outlet link ${key} sets no outlet`);
  const reqs = await requestsDuring(() => navigate(() => page.locator('table.outlets tbody tr a.outlet-link').first().click(), 'home'));
  const bar = await page.locator('#filterbar select[name=outlet]').inputValue();
  assert(bar === outlet, `the filter bar shows outlet "${bar}", not "${outlet}"`);
  const stats = reqs.find((r) => r.startsWith('/api/stats'));
  assert(stats && new URLSearchParams(stats.split('?')[1]).get('outlet') === outlet, `stats request: ${stats}`);
  const options = await count('#filterbar select[name=outlet] option');
  if (strict) assert(options >= 4, `${options} options in the outlet select`);
  return `${rows} outlets; "${first.replace(/\s+/g, ' ')}"; click → ${(await appState()).hash}, requests carry outlet=${outlet}`;
});

// 7. Filters: in the URL, in every request, across views, after a reload, with back/forward.
await check('filters go into the URL and every API request, persist across views and reloads, back/forward work', async () => {
  await load(`${base}/#/`);
  const reqs = await requestsDuring(() => navigate(() => page.selectOption('#filterbar select[name=lang]', 'en'), 'home'));
  let s = await appState();
  assert(/[?&]lang=en\b/.test(s.hash), `the hash is ${s.hash}`);
  const viewReqs = reqs.filter((r) => /^\/api\/(stats|graph|actors|stories)\b/.test(r));
  assert(viewReqs.length >= 4, `view requests: ${reqs.join(', ')}`);
  for (const r of viewReqs) assert(/[?&]lang=en\b/.test(r), `${r} does not pass lang=en`);
  // A date from the bar.
  await page.fill('#filterbar input[name=from]', '2025-01-01');
  const reqs2 = await requestsDuring(() => navigate(() => page.click('#filterbar button[type=submit]'), 'home'));
  s = await appState();
  assert(/[?&]from=2025-01-01\b/.test(s.hash) && /[?&]lang=en\b/.test(s.hash), `the hash is ${s.hash}`);
  assert(reqs2.filter((r) => r.startsWith('/api/stats')).every((r) => /from=2025-01-01/.test(r) && /lang=en/.test(r)), `stats: ${reqs2.join(', ')}`);
  // The navigation carries the filters to the other views, whose requests pass them.
  const navHref = await page.locator('nav a[data-nav=stories]').getAttribute('href');
  assert(/lang=en/.test(navHref) && /from=2025-01-01/.test(navHref), `the Stories link is ${navHref}`);
  const reqs3 = await requestsDuring(() => navigate(() => page.click('nav a[data-nav=stories]'), 'stories'));
  const storiesReq = reqs3.find((r) => r.startsWith('/api/stories'));
  assert(storiesReq && /lang=en/.test(storiesReq) && /from=2025-01-01/.test(storiesReq), `stories request: ${storiesReq}`);
  // A reload keeps them, in the bar and in the requests.
  const reqs4 = await requestsDuring(() => load());
  const bar = await page.evaluate(() => ({ lang: document.querySelector('#filterbar select[name=lang]').value, from: document.querySelector('#filterbar input[name=from]').value }));
  assert(bar.lang === 'en' && bar.from === '2025-01-01', `after a reload the bar shows ${JSON.stringify(bar)}`);
  assert(reqs4.some((r) => r.startsWith('/api/stories') && /lang=en/.test(r)), `after a reload: ${reqs4.join(', ')}`);
  // Back: the home view with the filters; back again: without the date.
  s = await navigate(() => page.goBack(), 'home');
  assert(/from=2025-01-01/.test(s.hash), `back went to ${s.hash}`);
  s = await navigate(() => page.goBack(), 'home');
  assert(!/from=/.test(s.hash) && /lang=en/.test(s.hash), `back again went to ${s.hash}`);
  const from = await page.locator('#filterbar input[name=from]').inputValue();
  assert(from === '', `the bar still shows from=${from}`);
  await navigate(() => page.click('#filter-clear'), 'home');
  s = await appState();
  assert(!/lang=|from=|to=|outlet=/.test(s.hash), `clear left ${s.hash}`);
  return `lang=en and from=2025-01-01 in the hash, in ${viewReqs.length + 1} requests, on Stories, after a reload; back/forward and clear work`;
});

await check('filters really filter (mock: lang=en keeps the English documents only)', async () => {
  const all = await api('stats');
  const en = await api('stats?lang=en');
  assert(all.status === 200 && en.status === 200, `stats answered ${all.status}/${en.status}`);
  if (strict) assert(en.body.documents < all.body.documents && en.body.documents > 0, `lang=en: ${en.body.documents} of ${all.body.documents} documents`);
  const s = await go('#/?lang=en');
  const stats = await text('.stats');
  assert(stats.includes(`${Number(en.body.documents).toLocaleString('en-US')} document`), `the page shows "${stats}" for ${en.body.documents} documents`);
  await go('#/');
  return `${s.hash}: ${en.body.documents} of ${all.body.documents} documents`;
});

// 8. Export links.
await check('export links: CSV (format=csv) and JSON with the view\'s filters, on lists, graph, map and charts', async () => {
  const found = [];
  const views = [
    ['#/?lang=en', '.graph-card .export-csv', 'graph'],
    ['#/?lang=en', '.card:has(table.actors) .export-csv', 'actors'],
    ['#/stories?lang=en', '.export-csv', 'stories'],
    ['#/topics?lang=en', '.export-csv', 'topics'],
    ['#/outlets?lang=en', '.export-csv', 'outlets'],
    ['#/map?lang=en', '.map-card .export-csv', 'map'],
  ];
  for (const [hash, sel, name] of views) {
    if ((await appState()).hash !== hash) await go(hash);
    const csv = await page.locator(sel).first().getAttribute('href');
    const json = await page.locator(sel.replace('export-csv', 'export-json')).first().getAttribute('href');
    const u = new URL(csv);
    assert(u.origin === origin, `${name}: the CSV link goes to ${u.origin}`);
    assert(u.pathname.endsWith(`/api/${name}`) && u.searchParams.get('format') === 'csv' && u.searchParams.get('lang') === 'en', `${name}: CSV link ${csv}`);
    const j = new URL(json);
    assert(j.pathname.endsWith(`/api/${name}`) && j.searchParams.get('format') !== 'csv' && j.searchParams.get('lang') === 'en', `${name}: JSON link ${json}`);
    found.push(name);
  }
  // The CSV is CSV.
  await go('#/stories?lang=en');
  const csv = await page.locator('.export-csv').first().getAttribute('href');
  const r = await page.evaluate(async (u) => { const x = await fetch(u); return { status: x.status, type: x.headers.get('content-type'), disp: x.headers.get('content-disposition'), body: await x.text() }; }, csv);
  assert(r.status === 200 && /text\/csv/.test(r.type || ''), `the CSV answered ${r.status} ${r.type}`);
  assert(/^story,label,/.test(r.body) || /^[a-z_]+(,[a-z_]+)+\r?\n/.test(r.body), `no CSV header line: ${r.body.slice(0, 60)}`);
  await go('#/');
  return `${found.join(', ')}; stories CSV: ${r.type}, ${r.disp}, header "${r.body.split(/\r?\n/)[0]}"`;
});

// 9. Actor series (spikes), by selector, code explanations.
let seriesActor = null;
await check('actor page: series chart with every period, spikes marked, per-period selector, map link', async () => {
  let id = null;
  if (strict) id = 1; // China
  else {
    const g = await api('graph?limit=1');
    const e = g.body.edges && g.body.edges[0];
    if (!e) throw new Skip('no events in the store');
    id = e.source;
  }
  let s = await go(`#/actor/${id}`);
  assert(s.view === 'actor' && s.state === 'ready', `actor page is ${s.state}`);
  seriesActor = s.hash.replace(/^#\/actor\//, '').replace(/\?.*/, '');
  await page.waitForSelector('#actor-series .chart-box canvas');
  await page.waitForTimeout(400);
  const ink = await canvasInk('#actor-series canvas');
  assert(ink && ink.ink > 500, 'the series chart is blank');
  const box = page.locator('#actor-series .chart-box');
  const periods = Number(await box.getAttribute('data-periods'));
  const spikes = Number(await box.getAttribute('data-spikes'));
  const series = await api(`series?actor=${seriesActor}&by=month`);
  assert(periods === series.body.periods.length, `${periods} periods drawn, the API sent ${series.body.periods.length}`);
  const apiSpikes = series.body.periods.filter((p) => p.spike).length;
  assert(spikes === apiSpikes, `${spikes} spikes marked, the API flags ${apiSpikes}`);
  if (strict) {
    assert(spikes > 0, 'no spike marked');
    assert(await count('#actor-series .spike-list .spike') === spikes, 'the spikes are not listed');
    assert(series.body.periods.some((p) => p.events === 0), 'the mock series has no empty period');
  }
  const mapLink = await page.locator('a.map-link').getAttribute('href').catch(() => null);
  if (strict) assert(mapLink && /^#\/map\?actor=CHN/.test(mapLink), `map link: ${mapLink}`);
  const heads = await page.locator('#actor-quotes h2, #actor-source h2, #actor-target h2').allTextContents();
  assert(heads.length === 3 && heads.every((h) => /\(\d[\d,]*\)$/.test(h.trim())), `headings without totals: ${heads.join(' | ')}`);
  const reqs = await requestsDuring(() => navigate(() => page.selectOption('#actor-series select[name=by]', 'week'), 'actor'));
  s = await appState();
  assert(/[?&]by=week\b/.test(s.hash), `the hash is ${s.hash}`);
  const sr = reqs.find((r) => r.startsWith('/api/series'));
  assert(sr && /by=week/.test(sr), `series request: ${sr}`);
  await page.waitForSelector('#actor-series .chart-box canvas');
  const weeks = Number(await page.locator('#actor-series .chart-box').getAttribute('data-periods'));
  const wseries = await api(`series?actor=${seriesActor}&by=week`);
  assert(weeks === wseries.body.periods.length, `${weeks} weeks drawn, the API sent ${wseries.body.periods.length}`);
  return `${s.hash}: ${periods} months (${spikes} spikes), ${weeks} weeks; headings ${heads.map((h) => h.trim()).join(', ')}`;
});

await check('pair page: series with spikes, per-period selector, evidence paged', async () => {
  let a = 'CHN', b = 'USA';
  if (!strict) {
    const g = await api('graph?limit=1');
    const e = g.body.edges && g.body.edges[0];
    if (!e) throw new Skip('no events in the store');
    a = e.source; b = e.target;
  }
  const s = await go(`#/pair/${a}/${b}`);
  assert(s.state === 'ready', `pair page is ${s.state}`);
  const box = page.locator('.chart-box.series-chart');
  const periods = Number(await box.getAttribute('data-periods'));
  const rel = await api(`relations?source=${a}&target=${b}&by=month`);
  assert(periods === rel.body.periods.length, `${periods} periods drawn, the API sent ${rel.body.periods.length}`);
  const spikes = Number(await box.getAttribute('data-spikes'));
  if (strict) assert(spikes > 0, 'no spike on the pair page');
  const rows = await count('ol.evidence-list li.evidence');
  assert(rows > 0 && rows <= 20, `${rows} evidence rows on a page`);
  const exp = await page.locator('.export-csv').first().getAttribute('href');
  assert(/\/api\/relations\?/.test(exp) && /format=csv/.test(exp) && new URL(exp).searchParams.get('source') === a, `export: ${exp}`);
  return `${s.hash}: ${periods} periods, ${spikes} spikes, ${rows} evidence rows`;
});

await check('codes explained on hover: CAMEO codes (from /api/codes) and actor codes (IDNGOV = Indonesia + government)', async () => {
  if (!(await count('abbr.cameo'))) {
    const s = await appState();
    if (s.view !== 'pair') throw new Error('no event with a CAMEO code on this page');
  }
  await page.waitForFunction(() => [...document.querySelectorAll('abbr.cameo')].some((a) => /^CAMEO \d+: \S/.test(a.title)), null, { timeout: 5000 })
    .catch(() => {});
  const codeRequests = apiRequests.filter((r) => r.startsWith('/api/codes')).length;
  const tips = await page.locator('abbr.cameo').evaluateAll((as) => as.map((a) => ({ code: a.dataset.cameo, title: a.title })));
  assert(tips.length > 0, 'no CAMEO codes on the page');
  const codes = await api('codes');
  const known = new Map((codes.body.cameo || []).map((c) => [String(c.code), c.name]));
  const explained = tips.filter((x) => known.has(x.code));
  if (codes.status === 200) {
    assert(explained.length > 0 || tips.every((x) => !known.has(x.code)), 'no code is explained');
    for (const x of explained) assert(x.title.includes(known.get(x.code)), `CAMEO ${x.code}: title "${x.title}" lacks "${known.get(x.code)}"`);
  }
  if (strict) assert(tips.some((x) => /CAMEO 112: Accuse/.test(x.title)), `no "CAMEO 112: Accuse" among ${tips.map((x) => x.title).join(' | ')}`);
  // The codes are fetched once per page load (the test's own request above aside).
  assert(codeRequests <= pageLoads, `/api/codes was requested ${codeRequests} times in ${pageLoads} page loads`);
  // Actor codes.
  const actorTips = await page.locator('code.actor-code').evaluateAll((cs) => cs.map((c) => ({ code: c.textContent, title: c.title })));
  assert(actorTips.length > 0 && actorTips.every((x) => x.title.startsWith('actor code ')), 'actor codes without explanation');
  let idngov = null;
  if (strict) {
    await go('#/actor/8'); // Arif Wicaksono, IDNGOV
    idngov = await page.locator('code.actor-code', { hasText: 'IDNGOV' }).first().getAttribute('title');
    assert(/Indonesia/.test(idngov) && /government/.test(idngov), `IDNGOV: "${idngov}"`);
  }
  return `${tips.length} CAMEO codes, e.g. "${(explained[0] || tips[0]).title}"; ${actorTips.length} actor codes, e.g. "${actorTips[0].title}"${idngov ? `; "${idngov}"` : ''}`;
});

// 10. The map.
await check('map: SVG countries, shading from /api/map, legend, hover shows name and figures, clicks', async () => {
  const s = await go('#/map');
  assert(s.view === 'map' && s.state === 'ready', `map view is ${s.state}`);
  const paths = await count('#map svg path.country');
  assert(paths > 150, `${paths} country paths`);
  const m = await api('map');
  const shaded = Number(await page.locator('#map').getAttribute('data-shaded'));
  if ((m.body.countries || []).length) assert(shaded > 0, 'no country is shaded');
  else if (strict) throw new Error('the mock has no map data');
  const legend = await text('#map-legend');
  assert(/events/.test(legend) && /no events/.test(legend), `legend: ${legend}`);
  const noInnerHtml = await page.evaluate(() => document.querySelector('#map svg').namespaceURI === 'http://www.w3.org/2000/svg');
  assert(noInnerHtml, 'the map is not SVG');
  if (!shaded) throw new Skip(`${paths} countries drawn; no events to shade`);
  // Hover a shaded country: a point inside it, found by elementFromPoint.
  const target = await page.evaluate(() => {
    const p = [...document.querySelectorAll('#map path.country.has-data')].sort((a, b) => {
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      return rb.width * rb.height - ra.width * ra.height;
    })[0];
    p.scrollIntoView({ block: 'center' });
    const r = p.getBoundingClientRect();
    for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
      const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 12;
      if (document.elementFromPoint(x, y) === p) return { x, y, code: p.dataset.country };
    }
    return null;
  });
  assert(target, 'no point inside a shaded country');
  await page.mouse.move(target.x, target.y);
  await page.waitForSelector('.map-tip:not([hidden])');
  const tip = await text('.map-tip');
  const row = m.body.countries.find((c) => c.country === target.code);
  assert(tip.includes(target.code) && /events/.test(tip), `tooltip: "${tip}"`);
  if (row && row.label) assert(tip.includes(row.label), `tooltip "${tip}" lacks "${row.label}"`);
  const bidi = await page.evaluate(() => getComputedStyle(document.querySelector('.map-tip')).unicodeBidi);
  assert(bidi === 'isolate', `the tooltip is unicode-bidi: ${bidi}`);
  // Without an actor a click makes the country the actor; with one, a click opens the pair page.
  let s2 = await navigate(() => page.mouse.click(target.x, target.y), 'map');
  assert(new URLSearchParams(s2.hash.split('?')[1]).get('actor') === target.code, `the click went to ${s2.hash}`);
  const withActor = Number(await page.locator('#map').getAttribute('data-shaded'));
  let pairNote = 'no partner to click';
  if (withActor > 0) {
    const t2 = await page.evaluate(() => {
      const p = document.querySelector('#map path.country.has-data:not(.own)');
      if (!p) return null;
      p.scrollIntoView({ block: 'center' });
      const r = p.getBoundingClientRect();
      for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
        const x = r.left + (r.width * i) / 12, y = r.top + (r.height * j) / 12;
        if (document.elementFromPoint(x, y) === p) return { x, y, code: p.dataset.country };
      }
      return null;
    });
    if (t2) {
      s2 = await navigate(() => page.mouse.click(t2.x, t2.y), 'pair');
      assert(s2.hash.startsWith(`#/pair/${target.code}/${t2.code}`), `the click went to ${s2.hash}`);
      pairNote = `a click on ${t2.code} → ${s2.hash}`;
    }
  }
  // Goldstein shading.
  await go('#/map?metric=goldstein');
  const gl = await text('#map-legend');
  assert(/Goldstein/.test(gl) && /conflict/.test(gl) && /cooperation/.test(gl), `Goldstein legend: ${gl}`);
  return `${paths} countries, ${shaded} shaded; hover "${tip.replace(/\s+/g, ' ').slice(0, 80)}"; click → actor ${target.code}; ${pairNote}`;
});

// 11. Hostile and odd text: bidi controls, a 3000-character name.
await check('bidi: a name with U+202E is isolated, the text around it is not reversed, its highlight is not split', async () => {
  let docId = null;
  if (strict) docId = 7;
  else {
    // tests/e2e_dashboard.sh stores a document with U+202E in its title and the word "bidiuji".
    const r = await api('search?q=bidiuji&limit=1');
    if (r.status !== 200 || !r.body.items || !r.body.items.length) throw new Skip('no document with U+202E on this server');
    docId = r.body.items[0].document;
  }
  const s = await go(`#/doc/${docId}`);
  assert(s.state === 'ready', `document page is ${s.state}`);
  const r = await page.evaluate((rlo) => {
    const isolated = (n) => {
      for (let e = n; e && e !== document.body; e = e.parentElement) {
        if (e.tagName === 'BDI') return true;
        if (getComputedStyle(e).unicodeBidi === 'isolate' || getComputedStyle(e).unicodeBidi === 'isolate-override' || getComputedStyle(e).unicodeBidi === 'plaintext') return true;
        if (e.tagName === 'P' || e.tagName === 'DIV' || e.tagName === 'H1' || e.tagName === 'LI') break;
      }
      return false;
    };
    const title = document.querySelector('#app h1');
    const titleRun = [...title.querySelectorAll('*')].find((e) => e.textContent.includes(rlo)) || title;
    const ent = [...document.querySelectorAll('#doc-text [data-k^="entity:"]')].find((e) => e.textContent.includes(rlo));
    if (!ent) return { title: isolated(titleRun) || titleRun.tagName === 'BDI', entity: null };
    const k = ent.dataset.k;
    const pieces = document.querySelectorAll(`#doc-text [data-k="${k}"]`).length;
    const rects = ent.getClientRects().length;
    const er = ent.getBoundingClientRect();
    // The text after the name: the next piece, on the same line, to its right.
    let next = ent;
    while (next && !next.nextElementSibling && next.parentElement.id !== 'doc-text') next = next.parentElement;
    next = next ? next.nextElementSibling : null;
    const nr = next ? next.getClientRects()[0] : null;
    return {
      title: isolated(titleRun),
      entity: isolated(ent),
      style: getComputedStyle(ent).unicodeBidi,
      pieces,
      rects,
      after: next ? next.textContent.slice(0, 20) : null,
      sameLine: nr ? Math.abs(nr.top - er.top) < 2 : null,
      order: nr ? nr.left >= er.right - 1 : null,
    };
  }, RLO);
  assert(r.title, 'the title holding U+202E is not isolated');
  if (r.entity === null && !strict) return `document ${docId}: title isolated (no entity with U+202E in this store)`;
  assert(r.entity, `the entity highlight with U+202E is not isolated (unicode-bidi: ${r.style})`);
  assert(r.pieces === 1 && r.rects === 1, `the highlight is split: ${r.pieces} pieces, ${r.rects} boxes`);
  if (r.sameLine) assert(r.order, `the text after the name ("${r.after}") is drawn before it`);
  // Elsewhere: the actor page's heading, the actors table.
  let elsewhere = '';
  if (strict) {
    await go('#/actor/15');
    const h = await page.evaluate(() => { const b = document.querySelector('#app h1 bdi'); return b ? getComputedStyle(b).unicodeBidi : null; });
    assert(h === 'isolate', `the actor heading is not isolated (${h})`);
    elsewhere = '; actor heading isolated';
  }
  return `document ${docId}: title and highlight isolated (${r.style}), 1 piece in 1 box, "${r.after}" follows it on its right${elsewhere}`;
});

await check('a 3000-character name without spaces does not widen any page', async () => {
  const pages = strict
    ? ['#/doc/7', '#/actor/16', '#/story/2', '#/topic/2', '#/search?q=e-KTP', '#/actor/1', '#/stories', '#/outlets', '#/map', '#/']
    : ['#/', '#/stories', '#/topics', '#/outlets', '#/map'];
  if (!strict) {  // tests/e2e_dashboard.sh stores a document with a 3000-character word and "panjanguji"
    const r = await api('search?q=panjanguji&limit=1');
    if (r.status === 200 && r.body.items && r.body.items.length) pages.push(`#/doc/${r.body.items[0].document}`, '#/search?q=panjanguji');
  }
  const widths = [];
  for (const h of pages) {
    await go(h);
    const o = await overflow();
    assert(o.scroll <= o.width, `${h}: the page is ${o.scroll} px wide in a ${o.width} px window`);
    widths.push(o.scroll);
  }
  if (strict) {
    // And in a narrow window.
    await page.setViewportSize({ width: 700, height: 860 });
    for (const h of ['#/doc/7', '#/actor/16', '#/story/2']) {
      await go(h);
      const o = await overflow();
      assert(o.scroll <= o.width, `${h} at 700 px: the page is ${o.scroll} px wide`);
    }
    await page.setViewportSize({ width: 1366, height: 860 });
    const name = await page.evaluate(async () => (await (await fetch('api/actors/16')).json()).actor.name.length);
    assert(name === 3000, `the long name is ${name} characters`);
  }
  return `${pages.length} pages${strict ? ' (and 3 at 700 px)' : ''} no wider than the window`;
});

// 12. Search: any text works; failures are friendly.
await check('search accepts any text: COVID-19, e-KTP, Ma\'ruf, a lone "', async () => {
  const notes = [];
  for (const q of ['COVID-19', 'e-KTP', "Ma'ruf", '"']) {
    await page.fill('#search-input', q);
    const s = await navigate(() => page.press('#search-input', 'Enter'), 'search');
    assert(s.state === 'ready', `search for ${q} is ${s.state}: ${await page.locator('#app .msg-error').allTextContents()}`);
    assert(await count('#app .msg-error') === 0, `an error for ${q}`);
    assert(new URLSearchParams(s.hash.split('?')[1]).get('q') === q, `the hash is ${s.hash}`);
    notes.push(`${q}: ${await count('ol.results li.result')}`);
  }
  if (strict) assert(/e-KTP: [1-9]/.test(notes.join()), `no result for e-KTP: ${notes}`);
  return notes.join(', ');
});

await check('a failed search shows "Search failed: <the API\'s message>"', async () => {
  const s = await go('#/search?q=sanksi&from=2025-12-31&to=2025-01-01');
  assert(s.state === 'error', `state is ${s.state}`);
  const msg = await text('#app .msg-error');
  assert(/^Search failed: /.test(msg), `message: ${msg}`);
  assert(/from/.test(msg), `the API's error text is not in "${msg}"`);
  assert(!/[{}"]/.test(msg), `a raw dump: ${msg}`);
  return msg;
});

// 13. Errors from the API are shown.
await check('a 404 from the API is shown in the page', async () => {
  const s = await go('#/doc/999999999');
  assert(s.state === 'error', `state is ${s.state}`);
  const msg = await page.locator('#app .msg-error').textContent();
  assert(/404/.test(msg) && /no such document 999999999/i.test(msg), `message: ${msg}`);
  return msg.trim();
});

await check('a 400 from the API is shown in the page (from after to)', async () => {
  const r = await api('actors?limit=501');
  assert(r.status === 400 && typeof r.body.error === 'string', `the API answered ${r.status} to limit=501`);
  const f = await api('stories?from=2025-12-31&to=2025-01-01');
  assert(f.status === 400 && /from/.test(f.body.error), `from after to answered ${f.status} ${JSON.stringify(f.body)}`);
  const s = await go('#/stories?from=2025-12-31&to=2025-01-01');
  assert(s.state === 'error', `the stories view with from after to is ${s.state}`);
  const msg = (await page.locator('#app .msg-error').first().textContent()).trim();
  assert(/400/.test(msg) && /from/.test(msg), `message: ${msg}`);
  const warn = await text('#filter-note');
  assert(/after/.test(warn), `the filter bar does not warn: "${warn}"`);
  await go('#/');
  return `limit=501: 400 ${JSON.stringify(r.body)}; stories: ${msg}`;
});

await check('an unknown actor code is reported in the page', async () => {
  const s = await go('#/actor/NO-SUCH-ACTOR-CODE');
  assert(s.state === 'error', `state is ${s.state}`);
  return (await page.locator('#app .msg-error').textContent()).trim();
});

// 14. Nothing went wrong behind the scenes.
await check('no dialogs, page errors, console errors or requests to other origins', async () => {
  assert(dialogs.length === 0, `dialogs: ${dialogs.join('; ')}`);
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  assert(foreignRequests.length === 0, `requests to other origins: ${foreignRequests.join(', ')}`);
  return `clean (${apiRequests.length} API requests)`;
});

await browser.close();
if (mock) await mock.close();
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
