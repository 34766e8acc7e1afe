#!/usr/bin/env node
// How fast the home page paints, for the benchmark (not a test): loads the dashboard's home view N
// times in headless Chromium, each time in a fresh browser context (no cache), and prints as JSON
// on stdout the medians of
//   fcp_ms    first-contentful-paint (the Paint Timing entry)
//   stats_ms  the corpus figures (#stats) in the page, at the frame after they arrived
//   ready_ms  <main data-state="ready">: the figures, the lists and the laid-out graph
// all in milliseconds from the start of the navigation, with every run's figures.
//
//   WARTA_URL=http://127.0.0.1:8080 node test/paint.mjs [N]     (N: 5 by default)
//   node test/paint.mjs                                         (against dev/mock-server.mjs)
//   CHROMIUM=/path/to/chromium …                                (default /usr/bin/chromium)
//
// Exit codes: 0 measured, 1 a load failed or timed out, 77 no Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const N = Math.max(1, Number(process.argv[2] || 5) || 5);
if (!fs.existsSync(CHROMIUM)) {
  console.error(`paint: no Chromium at ${CHROMIUM}`);
  process.exit(77);
}

let mock = null;
let base = process.env.WARTA_URL;
if (!base) {
  if (!fs.existsSync(path.resolve(here, '..', 'dist', 'index.html'))) {
    console.error('paint: dist/index.html is missing: run `npm run build` first');
    process.exit(1);
  }
  const { startMockServer } = await import('../dev/mock-server.mjs');
  mock = await startMockServer(0);
  base = mock.url;
}
base = base.replace(/\/+$/, '');

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Runs in the page before its own scripts: notes when the stats appear and when the view is ready
// (at the next animation frame, as near to their paint as a script can tell).
function observe() {
  const marks = {};
  window.__paint = marks;
  const mark = (key) => {
    if (key in marks || marks[`_${key}`]) return;
    marks[`_${key}`] = true;
    requestAnimationFrame(() => { marks[key] = performance.now(); });
  };
  const look = () => {
    if (document.querySelector('#stats .stat')) mark('stats');
    const app = document.getElementById('app');
    if (app && app.dataset.state === 'ready') mark('ready');
    if (app && app.dataset.state === 'error') marks.error = true;
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return Math.round((v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2) * 10) / 10;
};

const runs = [];
let failed = null;
for (let i = 0; i < N && !failed; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(observe);
  try {
    await page.goto(`${base}/#/`);
    await page.waitForFunction(() => window.__paint && ('ready' in window.__paint || window.__paint.error), null, { timeout: 30000 });
    const r = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        fcp_ms: fcp ? fcp.startTime : null,
        stats_ms: window.__paint.stats ?? null,
        ready_ms: window.__paint.ready ?? null,
        dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
        error: !!window.__paint.error,
        api_requests: performance.getEntriesByType('resource').filter((e) => /\/api\//.test(e.name)).map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start_ms: Math.round(e.startTime), ms: Math.round(e.duration) })),
      };
    });
    if (r.error) failed = 'the home view answered with an error';
    runs.push(r);
  } catch (err) {
    failed = String(err.message).split('\n')[0];
  } finally {
    await context.close();
  }
}
await browser.close();
if (mock) await mock.close();

const round = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const out = {
  url: `${base}/#/`,
  server: mock ? 'dev/mock-server.mjs' : 'WARTA_URL',
  runs: runs.length,
  median: {
    fcp_ms: median(runs.map((r) => r.fcp_ms)),
    stats_ms: median(runs.map((r) => r.stats_ms)),
    ready_ms: median(runs.map((r) => r.ready_ms)),
    dom_content_loaded_ms: median(runs.map((r) => r.dom_content_loaded_ms)),
  },
  each: runs.map((r) => ({ fcp_ms: round(r.fcp_ms), stats_ms: round(r.stats_ms), ready_ms: round(r.ready_ms), dom_content_loaded_ms: round(r.dom_content_loaded_ms), api_requests: r.api_requests })),
};
if (failed) out.error = failed;
console.log(JSON.stringify(out, null, 2));
process.exit(failed ? 1 : 0);
