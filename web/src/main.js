// Entry point: hash routing and the page frame. Each view is a function (ctx, ...params) that
// fills ctx.root; ctx.alive() turns false when the user has moved on, ctx.cleanup(fn) registers
// what to tear down (charts, the graph) when leaving the view, ctx.ready()/ctx.failed() mark the
// page as loaded (data-state on <main>).
import './style.css';
import { clear, el, message } from './dom.js';
import { homeView } from './home.js';
import { actorView } from './actor.js';
import { pairView } from './pair.js';
import { storiesView, storyView } from './stories.js';
import { docView } from './doc.js';
import { searchView } from './search.js';

const routes = [
  { name: 'home', pattern: /^$/, nav: 'home', view: homeView },
  { name: 'actor', pattern: /^actor\/([^/]+)$/, nav: 'home', view: actorView },
  { name: 'pair', pattern: /^pair\/([^/]+)\/([^/]+)$/, nav: 'home', view: pairView },
  { name: 'stories', pattern: /^stories$/, nav: 'stories', view: storiesView },
  { name: 'story', pattern: /^story\/([^/]+)$/, nav: 'stories', view: storyView },
  { name: 'doc', pattern: /^doc\/([^/]+)$/, nav: null, view: docView },
  { name: 'search', pattern: /^search$/, nav: 'search', view: searchView },
];

const app = document.getElementById('app');
let current = null;
let generation = 0;

/** '#/pair/CHN/RUS?from=2021-01-01' → {path: 'pair/CHN/RUS', query: URLSearchParams} */
export function parseHash(hash) {
  let h = String(hash || '').replace(/^#\/?/, '');
  const q = h.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  h = q >= 0 ? h.slice(0, q) : h;
  return { path: h.replace(/\/+$/, ''), query };
}

function decodeParam(s) {
  try { return decodeURIComponent(s); } catch { return s; }
}

function route() {
  if (current) {
    for (const fn of current.cleanups.splice(0)) {
      try { fn(); } catch (e) { console.warn(e); }
    }
    current.dead = true;
  }
  const { path, query } = parseHash(location.hash);
  const gen = ++generation;
  clear(app);
  app.dataset.state = 'loading'; // then 'ready' or 'error' (the end-to-end test waits on these)
  app.dataset.gen = String(gen);
  const ctx = {
    root: app,
    query,
    cleanups: [],
    dead: false,
    alive: () => !ctx.dead && gen === generation,
    cleanup: (fn) => ctx.cleanups.push(fn),
    ready: () => { if (ctx.alive()) app.dataset.state = 'ready'; },
    failed: () => { if (ctx.alive()) app.dataset.state = 'error'; },
  };
  current = ctx;

  let match = null;
  let found = null;
  for (const r of routes) {
    match = r.pattern.exec(path);
    if (match) { found = r; break; }
  }
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.classList.toggle('active', !!found && a.dataset.nav === found.nav);
  }
  const searchInput = document.getElementById('search-input');
  if (found && found.nav === 'search') searchInput.value = query.get('q') || '';
  window.scrollTo(0, 0);

  if (!found) {
    app.dataset.view = 'none';
    document.title = 'not found · warta';
    app.append(el('h1', null, 'Page not found'), message('error', `There is no page at #/${path}.`), el('p', null, el('a', { href: '#/' }, 'Back to the graph')));
    ctx.failed();
    return;
  }
  app.dataset.view = found.name;
  const params = match.slice(1).map(decodeParam);
  Promise.resolve()
    .then(() => found.view(ctx, ...params))
    .catch((err) => {
      console.error(err);
      if (ctx.alive()) {
        app.append(message('error', `This page failed: ${err && err.message ? err.message : err}`));
        ctx.failed();
      }
    });
}

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  location.hash = `#/search?q=${encodeURIComponent(q)}`;
});

window.addEventListener('hashchange', route);
route();
