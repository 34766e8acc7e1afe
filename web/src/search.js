// Search (/api/search): results with the snippet, whose matches come marked with U+0002 … U+0003.
// The snippet is split on those two characters and the matches wrapped in <mark> elements; every
// piece is a text node. Any text the user types is sent as is (the API accepts it); a failure is
// shown as "Search failed: <the API's message>".
import { pager } from './api.js';
import { el, fmtDate } from './dom.js';
import { filterParams, href, docHref, outletLink, t } from './nav.js';

/** 'a \u0002b\u0003 c' → [text 'a ', <mark>b</mark>, text ' c'] */
export function markSnippet(snippet) {
  const out = [];
  let inMark = false;
  let buf = '';
  const flush = () => {
    if (!buf) return;
    out.push(inMark ? el('mark', null, buf) : document.createTextNode(buf));
    buf = '';
  };
  for (const ch of String(snippet ?? '')) {
    if (ch === '\u0002') { flush(); inMark = true; }
    else if (ch === '\u0003') { flush(); inMark = false; }
    else buf += ch;
  }
  flush();
  return out;
}

export async function searchView(ctx) {
  const { root, query } = ctx;
  const q = (query.get('q') || '').trim();
  document.title = q ? `${q} · search · warta` : 'search · warta';
  const input = el('input', { type: 'search', value: q, placeholder: 'words, "a phrase", names like e-KTP or Ma\'ruf', 'aria-label': 'search query', class: 'wide' });
  const form = el('form', { class: 'filters' }, input, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = href('search', { q: input.value.trim() });
  });
  const heading = el('h1', null, 'Search');
  root.append(heading, form);
  if (!q) {
    root.append(el('p', { class: 'muted' }, 'Full-text search over titles and texts: type any words, "phrases", names, codes.'));
    ctx.ready();
    return;
  }
  const list = el('ol', { class: 'results' });
  const { bar, loaded } = pager({
    ctx,
    path: 'search',
    params: filterParams({ q }),
    limit: 20,
    body: list,
    errorWhat: 'Search failed',
    empty: `Nothing matches ${q}.`,
    onPage: (_, total) => { heading.replaceChildren('Search: ', t(q), total !== null ? ` (${total.toLocaleString('en-US')} result${total === 1 ? '' : 's'})` : ''); },
    renderItems: (items) => items.map((r) => el('li', { class: 'result' },
      el('a', { href: docHref(r.document), class: 'doc-link result-title' }, t(r.title || `document ${r.document}`)),
      el('span', { class: 'muted' }, ` · ${fmtDate(r.published)}`),
      r.outlet ? [el('span', { class: 'muted' }, ' · '), outletLink(r.outlet, r.outlet_name || r.name)] : null,
      el('p', { class: 'snippet' }, el('bdi', null, markSnippet(r.snippet))))),
  });
  root.append(list, bar);
  if (await loaded) ctx.ready(); else ctx.failed();
}
