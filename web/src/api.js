// The JSON API of `warta serve` (docs/api.md, v2). Paths are relative to the page, so the dashboard
// works at `/` and behind a reverse proxy under a prefix alike.
import { el, fmtRange } from './dom.js';

export class ApiError extends Error {
  constructor(status, message, path) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.path = path;
  }
}

/** 'api/<path>?<params>' (empty values left out), relative to the page. */
export function apiPath(path, params) {
  const query = new URLSearchParams();
  if (params) {
    for (const [k, v] of Object.entries(params)) {
      if (v === null || v === undefined || v === '') continue;
      query.set(k, String(v));
    }
  }
  const qs = query.toString();
  return `api/${path}${qs ? `?${qs}` : ''}`;
}

/** The absolute URL of an API request (for export links). */
export function apiUrl(path, params) {
  return new URL(apiPath(path, params), document.baseURI).href;
}

/**
 * A request the inline script of index.html started before this bundle ran (the home view's
 * first requests), taken once: a later request for the same URL is fetched afresh.
 */
function takeEarly(rel) {
  const early = window.__wartaEarly;
  if (!early || !(rel in early)) return null;
  const answer = early[rel];
  delete early[rel];
  return answer;
}

/** GET api/<path>?<params>; resolves to the parsed JSON, rejects with an ApiError. */
export async function api(path, params) {
  const rel = apiPath(path, params);
  let response;
  try {
    response = await (takeEarly(rel) || fetch(rel, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
  } catch (e) {
    throw new ApiError(0, `the server could not be reached (${e.message})`, rel);
  }
  let body = null;
  const type = response.headers.get('content-type') || '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const what = body && typeof body.error === 'string' ? body.error : response.statusText || 'request failed';
    throw new ApiError(response.status, what, rel);
  }
  if (body === null) throw new ApiError(response.status, 'the answer is not JSON', rel);
  return body;
}

/**
 * Fetches `path` for a view. On failure the error is shown by `show(box)` and the view marked
 * failed; null then, and also when the view was left meanwhile.
 */
export async function loadForView(ctx, show, path, params) {
  try {
    const data = await api(path, params);
    return ctx.alive() ? data : null;
  } catch (err) {
    if (ctx.alive()) {
      show(errorBox(err));
      ctx.failed();
    }
    return null;
  }
}

/** The error of a failed request as a message box; `what` ("Search failed") makes it short and friendly. */
export function errorBox(err, what) {
  const text = err && err.message ? err.message : String(err);
  if (what) {
    return el('div', { class: 'msg msg-error', role: 'alert' }, el('strong', null, `${what}: `), el('bdi', null, text));
  }
  const status = err instanceof ApiError && err.status ? `${err.status}: ` : '';
  const where = err instanceof ApiError ? ` (GET /${err.path})` : '';
  return el(
    'div',
    { class: 'msg msg-error', role: 'alert' },
    el('strong', null, err instanceof ApiError ? 'API error ' : 'Error '),
    status,
    el('bdi', null, text),
    el('span', { class: 'muted' }, where),
  );
}

/**
 * "Export: CSV · JSON" links for an API request: CSV is the same request with format=csv (all rows
 * of a list, up to 10,000: `csvParams` replaces limit/offset), JSON the request as the view makes it.
 * Returns the element; update(params) points it at another request (another page).
 */
export function exportLinks(path, params, { list = false, csv: withCsv = true } = {}) {
  const csv = withCsv ? el('a', { class: 'export-csv', download: '', title: list ? 'the same rows as CSV (all pages, up to 10,000 rows)' : 'the same data as CSV' }, 'CSV') : null;
  const json = el('a', { class: 'export-json', target: '_blank', rel: 'noopener', title: 'the API answer behind this view (JSON)' }, 'JSON');
  const box = el('span', { class: 'export' }, 'Export: ', csv, csv ? ' · ' : null, json);
  box.update = (p) => {
    const csvParams = { ...p, format: 'csv' };
    if (list) { csvParams.limit = 10000; delete csvParams.offset; }
    if (csv) csv.setAttribute('href', apiUrl(path, csvParams));
    json.setAttribute('href', apiUrl(path, p));
  };
  box.update(params || {});
  return box;
}

/**
 * A paged list (`{items, total, limit, offset}`): shows one page at a time in `body` (replacing its
 * children with renderItems(items)), with a bar "1–20 of 3,412 ‹ prev next ›" and export links.
 * `initial` is a first page already at hand (from a detail answer), shown without a request.
 * onPage(answer) is called with each page. Returns {bar, loaded}: loaded resolves to true when the
 * first page is shown, false on an error (shown in the bar, or as `errorWhat: message`).
 */
export function pager({ ctx, path, params = {}, limit = 20, body, renderItems, empty = 'Nothing found.', initial = null, onPage, errorWhat, exportable = true }) {
  const ui = pagerBar(exportable ? exportLinks(path, { ...params, limit, offset: 0 }, { list: true }) : null);
  const { bar, prev, next, status, exp } = ui;
  let offset = 0;
  let busy = false;

  function show(answer, off) {
    const items = Array.isArray(answer.items) ? answer.items : [];
    const total = pageTotal(answer);
    offset = off;
    renderPage(ui, { body, renderItems, empty, limit }, items, total, off);
    if (exp) exp.update({ ...params, limit, offset: off });
    if (onPage) onPage(answer, total);
  }

  async function load(off) {
    if (busy) return false;
    busy = true;
    prev.disabled = next.disabled = true;
    status.replaceChildren(el('span', { class: 'muted' }, 'Loading…'));
    try {
      const answer = await api(path, { ...params, limit, offset: off });
      if (ctx && !ctx.alive()) return false;
      show(answer, off);
      return true;
    } catch (err) {
      if (ctx && !ctx.alive()) return false;
      status.replaceChildren(errorBox(err, errorWhat));
      return false;
    } finally {
      busy = false;
      prev.disabled = next.disabled = false;
    }
  }
  const top = () => scrollToList(bar);
  prev.addEventListener('click', () => load(Math.max(0, offset - limit)).then(top));
  next.addEventListener('click', () => load(offset + limit).then(top));

  // A first page from a detail answer may hold more rows than a page: show `limit` of them.
  if (initial && Array.isArray(initial.items)) {
    show({ ...initial, items: initial.items.slice(0, limit) }, 0);
    return { bar, loaded: Promise.resolve(true) };
  }
  return { bar, loaded: load(0) };
}

/** The bar of pager(): "1–20 of 3,412 ‹ prev next ›", the export links and a status line. */
function pagerBar(exp) {
  const range = el('span', { class: 'range' });
  const prev = el('button', { type: 'button', class: 'pager-prev', 'aria-label': 'previous page' }, '‹ prev');
  const next = el('button', { type: 'button', class: 'pager-next', 'aria-label': 'next page' }, 'next ›');
  const status = el('div', { class: 'pager-status' });
  const bar = el('div', { class: 'pager' }, range, prev, next, exp, status);
  prev.hidden = true;
  next.hidden = true;
  return { bar, range, prev, next, status, exp };
}

/** The total of a page answer, or null when it has none. */
function pageTotal(answer) {
  return Number.isFinite(Number(answer.total)) && answer.total !== null ? Number(answer.total) : null;
}

/** One page of `items` at `off` in the body, the range and the buttons of the bar. */
function renderPage({ bar, range, prev, next, status }, { body, renderItems, empty, limit }, items, total, off) {
  body.replaceChildren(...(items.length ? renderItems(items) : []));
  status.replaceChildren();
  if (items.length === 0) status.append(el('p', { class: 'muted empty' }, off === 0 ? empty : 'No more rows.'));
  range.textContent = items.length === 0 && off === 0 ? '' : fmtRange(off, items.length, total);
  prev.hidden = off === 0;
  next.hidden = total !== null ? off + items.length >= total : items.length < limit;
  bar.classList.toggle('single', prev.hidden && next.hidden);
}

/** After paging, back to the top of the list when it has scrolled out of view. */
function scrollToList(bar) {
  const r = bar.parentElement?.getBoundingClientRect();
  if (r && r.top < 0) bar.parentElement.scrollIntoView({ block: 'start' });
}

/**
 * Pages through an array already at hand (the evidence of /api/relations): the same bar as
 * pager(), no requests.
 */
export function localPager({ rows, limit = 20, body, renderItems, empty = 'Nothing found.', note }) {
  const range = el('span', { class: 'range' });
  const prev = el('button', { type: 'button', class: 'pager-prev' }, '‹ prev');
  const next = el('button', { type: 'button', class: 'pager-next' }, 'next ›');
  const bar = el('div', { class: 'pager' }, range, prev, next, note ? el('span', { class: 'muted' }, note) : null);
  let offset = 0;
  function show(off) {
    offset = off;
    const items = rows.slice(off, off + limit);
    body.replaceChildren(...renderItems(items));
    range.textContent = rows.length ? fmtRange(off, items.length, rows.length) : empty;
    prev.hidden = off === 0;
    next.hidden = off + items.length >= rows.length;
    bar.classList.toggle('single', prev.hidden && next.hidden);
  }
  prev.addEventListener('click', () => show(Math.max(0, offset - limit)));
  next.addEventListener('click', () => show(offset + limit));
  show(0);
  return { bar };
}
