// Entry point: hash routing, the filter bar and the page frame. Each view is a function
// (ctx, ...params) that fills ctx.root; ctx.alive() turns false when the user has moved on,
// ctx.cleanup(fn) registers what to tear down (charts, the graph) when leaving the view,
// ctx.ready()/ctx.failed() mark the page as loaded (data-state on <main>).
// The filters (from, to, lang, outlet) are in the hash query of every view; the filter bar shows
// them and changes them, keeping the view and its own parameters.
import './style.css';
import { api } from './api.js';
import { el, message } from './dom.js';
import { FILTER_KEYS, readFilters, setFilters, getFilters, href, t, outletNames } from './nav.js';
import { loadCodes } from './codes.js';
import { homeView } from './home.js';
import { actorView } from './actor.js';
import { pairView } from './pair.js';
import { storiesView, storyView } from './stories.js';
import { outletsView } from './outlets.js';
import { mapView } from './map.js';
import { docView } from './doc.js';
import { searchView } from './search.js';

const routes = [
  { name: 'home', pattern: /^$/, nav: 'home', view: homeView },
  { name: 'actor', pattern: /^actor\/([^/]+)$/, nav: 'home', view: actorView },
  { name: 'pair', pattern: /^pair\/([^/]+)\/([^/]+)$/, nav: 'home', view: pairView },
  { name: 'stories', pattern: /^stories$/, nav: 'stories', view: (ctx) => storiesView(ctx, 'story') },
  { name: 'topics', pattern: /^topics$/, nav: 'topics', view: (ctx) => storiesView(ctx, 'topic') },
  { name: 'story', pattern: /^story\/([^/]+)$/, nav: 'stories', view: (ctx, id) => storyView(ctx, 'story', id) },
  { name: 'topic', pattern: /^topic\/([^/]+)$/, nav: 'topics', view: (ctx, id) => storyView(ctx, 'topic', id) },
  { name: 'outlets', pattern: /^outlets$/, nav: 'outlets', view: outletsView },
  { name: 'map', pattern: /^map$/, nav: 'map', view: mapView },
  { name: 'doc', pattern: /^doc\/([^/]+)$/, nav: null, view: docView },
  { name: 'search', pattern: /^search$/, nav: 'search', view: searchView },
];

const app = document.getElementById('app');
const bar = document.getElementById('filterbar');
const note = document.getElementById('filter-note');
let current = null;
let generation = 0;
let currentPath = '';
let currentQuery = new URLSearchParams();

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

// ---------------------------------------------------------------------------------------------
// The filter bar.

let outletsLoaded = null;

/** Fills the outlet select from /api/outlets (once; all outlets, whatever the filters). */
function loadOutlets() {
  if (!outletsLoaded) {
    outletsLoaded = api('outlets', { limit: 500 })
      .then((page) => {
        const select = bar.elements.outlet;
        const keep = select.value;
        const items = Array.isArray(page.items) ? page.items : [];
        for (const o of items) {
          if (!o || !o.outlet) continue;
          if (o.name) outletNames.set(o.outlet, o.name);
          const text = `${o.name || o.outlet}${o.name && o.name !== o.outlet ? ` (${o.outlet})` : ''}`;
          const existing = [...select.options].find((x) => x.value === o.outlet);
          if (existing) existing.textContent = text; // put there from the URL before the list came
          else select.append(el('option', { value: o.outlet }, text));
        }
        if (Number(page.total) > items.length) select.append(el('option', { value: '', disabled: true }, `… ${Number(page.total) - items.length} more: pick them in Outlets`));
        select.value = keep;
      })
      .catch(() => { bar.elements.outlet.title = 'the list of outlets could not be loaded (/api/outlets)'; });
  }
  return outletsLoaded;
}

/** Shows the filters `f` in the bar. */
function showFilters(f) {
  const els = bar.elements;
  els.from.value = f.from || '';
  els.to.value = f.to || '';
  for (const name of ['lang', 'outlet']) {
    const select = els[name];
    const v = f[name] || '';
    if (v && ![...select.options].some((o) => o.value === v)) select.append(el('option', { value: v }, v));
    select.value = v;
  }
  const active = FILTER_KEYS.filter((k) => f[k]);
  bar.classList.toggle('active', active.length > 0);
  note.replaceChildren();
  if (f.from && f.to && f.from > f.to) note.append(el('span', { class: 'warn' }, '“from” is after “to”'));
  else if (active.length) note.append(`${active.length} filter${active.length > 1 ? 's' : ''} on every view`);
}

/** The current view with other filters (its own parameters kept). */
function applyFilters(f) {
  const q = new URLSearchParams(currentQuery);
  for (const k of FILTER_KEYS) q.delete(k);
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]);
  const qs = q.toString();
  const target = `#/${currentPath}${qs ? `?${qs}` : ''}`;
  if (target === location.hash || (target === '#/' && !location.hash)) route();
  else location.hash = target;
}

function filtersFromBar() {
  const els = bar.elements;
  return {
    from: els.from.value || '',
    to: els.to.value || '',
    lang: els.lang.value || '',
    outlet: els.outlet.value || '',
  };
}

bar.addEventListener('submit', (event) => {
  event.preventDefault();
  applyFilters(filtersFromBar());
});
// Selects apply at once; dates on Apply (or Enter), as a date is typed in several steps.
for (const name of ['lang', 'outlet']) bar.elements[name].addEventListener('change', () => applyFilters(filtersFromBar()));
document.getElementById('filter-clear').addEventListener('click', () => applyFilters({}));

// ---------------------------------------------------------------------------------------------
// Routing.

/** Tears the current view down (its charts, its graph) and marks it dead. */
function leaveView() {
  if (current) {
    for (const fn of current.cleanups.splice(0)) {
      try { fn(); } catch (e) { console.warn(e); }
    }
    current.dead = true;
  }
}

/** The path and query of the address, an old address rewritten to its new form. */
function readAddress() {
  let { path, query } = parseHash(location.hash);
  // The old address of the topics list.
  if (path === 'stories' && query.get('kind') === 'topics') {
    query.delete('kind');
    const qs = query.toString();
    history.replaceState(null, '', `#/topics${qs ? `?${qs}` : ''}`);
    path = 'topics';
  }
  return { path, query };
}

/** An empty page and the context of the view that is to fill it (see the top of this file). */
function newContext(query, filters) {
  const gen = ++generation;
  if (gen > 1) window.__wartaEarly = null; // the early requests of index.html are for the first view only
  app.replaceChildren();
  app.dataset.state = 'loading'; // then 'ready' or 'error' (the end-to-end test waits on these)
  app.dataset.gen = String(gen);
  const ctx = {
    root: app,
    query,
    filters,
    cleanups: [],
    dead: false,
    alive: () => !ctx.dead && gen === generation,
    cleanup: (fn) => ctx.cleanups.push(fn),
    ready: () => { if (ctx.alive()) app.dataset.state = 'ready'; },
    failed: () => { if (ctx.alive()) app.dataset.state = 'error'; },
  };
  return ctx;
}

/** The route of `path` and its match: {found, match}, found null when none. */
function findRoute(path) {
  for (const r of routes) {
    const match = r.pattern.exec(path);
    if (match) return { found: r, match };
  }
  return { found: null, match: null };
}

/** The header for route `found`: the navigation (active link, links with the filters), the search box. */
function updateHeader(found, query) {
  // The navigation carries the filters along.
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.classList.toggle('active', !!found && a.dataset.nav === found.nav);
    const target = a.dataset.nav === 'home' ? '' : a.dataset.nav;
    a.setAttribute('href', href(target, null, getFilters()));
    if (found && a.dataset.nav === found.nav) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.querySelector('.brand').setAttribute('href', href('', null, getFilters()));
  const searchInput = document.getElementById('search-input');
  if (found && found.nav === 'search') searchInput.value = query.get('q') || '';
}

function notFound(ctx, path) {
  app.dataset.view = 'none';
  document.title = 'not found · warta';
  app.append(el('h1', null, 'Page not found'), message('error', `There is no page at #/${path}.`), el('p', null, el('a', { href: href('') }, 'Back to the overview')));
  ctx.failed();
}

/** Runs the view of route `found`; an exception in it is shown in the page. */
function runView(ctx, found, match) {
  app.dataset.view = found.name;
  const params = match.slice(1).map(decodeParam);
  Promise.resolve()
    .then(() => found.view(ctx, ...params))
    .catch((err) => {
      console.error(err);
      if (ctx.alive()) {
        app.append(el('div', { class: 'msg msg-error', role: 'alert' }, 'This page failed: ', t(err && err.message ? err.message : String(err))));
        ctx.failed();
      }
    });
}

function route() {
  leaveView();
  const { path, query } = readAddress();
  currentPath = path;
  currentQuery = query;
  const filters = readFilters(query);
  setFilters(filters);
  showFilters(filters);
  loadOutlets();

  const ctx = newContext(query, filters);
  current = ctx;
  const { found, match } = findRoute(path);
  updateHeader(found, query);
  window.scrollTo(0, 0);
  if (!found) notFound(ctx, path);
  else runView(ctx, found, match);
}

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  location.hash = href('search', { q });
});

window.addEventListener('hashchange', route);
route();
// The code explanations, once, after the first view has asked for its own data.
setTimeout(loadCodes, 0);
