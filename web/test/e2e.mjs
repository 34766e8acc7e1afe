#!/usr/bin/env node
// End-to-end test of the dashboard in headless Chromium (playwright-core, the system's browser:
// nothing is downloaded).
//
//   npm test                                 builds dist/, starts dev/mock-server.mjs, tests it
//   WARTA_URL=http://127.0.0.1:8080 npm test against a running `warta serve`
//   CHROMIUM=/path/to/chromium npm test      another browser binary (default /usr/bin/chromium)
//
// Exit codes: 0 all checks passed, 1 a check failed, 77 skipped (no Chromium).
// Against the mock, the strict checks on data (quotes on the actor page, the hostile document)
// must pass, and a screenshot of the home view goes to test/dashboard.png. Against a real server,
// checks that need data the store may not have (a document with "onerror" in it) are reported as
// skipped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

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
page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  const text = m.text();
  if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return; // the 404 we ask for
  consoleErrors.push(text);
});
page.on('request', (r) => {
  const u = r.url();
  if (u.startsWith('data:') || u.startsWith('blob:')) return;
  if (new URL(u).origin !== origin) foreignRequests.push(u);
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

let initialScripts = 0;

// 1. Home: stats and the graph.
await check('home view loads, stats line and graph with nodes render', async () => {
  await page.goto(`${base}/#/`);
  await page.waitForFunction(() => {
    const a = document.getElementById('app');
    return a && Number(a.dataset.gen || 0) >= 1 && a.dataset.state !== 'loading';
  });
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
  if (mock) {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(here, 'dashboard.png') });
  }
  return `${stats.trim().replace(/\s+/g, ' ')}; ${g.nodes} nodes, ${g.edges} edges, ${pairs} pairs listed${mock ? '; screenshot test/dashboard.png' : ''}`;
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

await check('"more" pages through the actors', async () => {
  const more = page.locator('.card:has(table.actors) button.more');
  const before = await count('table.actors tbody tr');
  if (!(await more.isVisible())) {
    if (strict) throw new Error('no "more" button under the actors');
    throw new Skip(`only ${before} actors, no second page`);
  }
  await more.click();
  await page.waitForFunction((n) => document.querySelectorAll('table.actors tbody tr').length > n, before);
  const after = await count('table.actors tbody tr');
  return `${before} → ${after} rows`;
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

// 5. Stories, topics, a story.
await check('stories list, topics toggle and a story page', async () => {
  await navigate(() => page.click('nav a[data-nav=stories]'), 'stories');
  const stories = await count('table.stories tbody tr');
  assert(stories > 0, 'no stories');
  await navigate(() => page.click('.toggle a[href="#/stories?kind=topics"]'), 'stories');
  const topics = await count('table.stories tbody tr');
  assert(topics > 0, 'no topics');
  await navigate(() => page.click('.toggle a[href="#/stories"]'), 'stories');
  const label = (await page.locator('table.stories tbody a').first().textContent()).trim();
  const s = await navigate(() => page.locator('table.stories tbody a').first().click(), 'story');
  assert(s.state === 'ready', `story page is ${s.state}`);
  const h1 = (await page.locator('#app h1').textContent()).trim();
  assert(h1 === label, `story page title "${h1}" is not the label "${label}"`);
  const docs = await count('ul.docs a.doc-link');
  assert(docs > 0, 'the story lists no documents');
  return `${stories} stories, ${topics} topics; ${s.hash}: ${docs} documents`;
});

// 6. Errors from the API are shown.
await check('a 404 from the API is shown in the page', async () => {
  const s = await go('#/doc/999999999');
  assert(s.state === 'error', `state is ${s.state}`);
  const msg = await page.locator('#app .msg-error').textContent();
  assert(/404/.test(msg) && /no such document 999999999/i.test(msg), `message: ${msg}`);
  return msg.trim();
});

await check('a 400 from the API is shown in the page', async () => {
  // Requests the API must refuse with 400 (never 5xx): a limit over 500, an unbalanced FTS5 quote.
  const r = await api('actors?limit=501');
  assert(r.status === 400 && typeof r.body.error === 'string', `the API answered ${r.status} to limit=501`);
  const s = await go('#/search?q=%22');
  assert(s.state === 'error', `search for a lone " is ${s.state}`);
  const msg = (await page.locator('#app .msg-error').textContent()).trim();
  assert(/400/.test(msg), `message: ${msg}`);
  return `limit=501: 400 ${JSON.stringify(r.body)}; search for a lone ": ${msg}`;
});

await check('an unknown actor code is reported in the page', async () => {
  const s = await go('#/actor/NO-SUCH-ACTOR-CODE');
  assert(s.state === 'error', `state is ${s.state}`);
  return (await page.locator('#app .msg-error').textContent()).trim();
});

// 7. Nothing went wrong behind the scenes.
await check('no dialogs, page errors, console errors or requests to other origins', async () => {
  assert(dialogs.length === 0, `dialogs: ${dialogs.join('; ')}`);
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join('; ')}`);
  assert(foreignRequests.length === 0, `requests to other origins: ${foreignRequests.join(', ')}`);
  return 'clean';
});

await browser.close();
if (mock) await mock.close();
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
