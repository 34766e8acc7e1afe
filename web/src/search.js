// Search (/api/search): results with the snippet, whose matches come marked with U+0002 … U+0003.
// The snippet is split on those two characters and the matches wrapped in <mark> elements; every
// piece is a text node.
import { pagedList } from './api.js';
import { el, fmtDate, seg } from './dom.js';

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
  const input = el('input', { type: 'search', value: q, placeholder: 'words, "a phrase", a OR b, NOT c, prefix*', 'aria-label': 'search query', class: 'wide' });
  const form = el('form', { class: 'filters' }, input, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value.trim())}`;
  });
  root.append(el('h1', null, 'Search'), form);
  if (!q) {
    root.append(el('p', { class: 'muted' }, 'Full-text search over titles and texts: words, "phrases", OR, NOT, and prefixes like sanksi*.'));
    ctx.ready();
    return;
  }
  const list = el('ol', { class: 'results' });
  const footer = el('div', { class: 'list-footer' });
  root.append(list, footer);
  const ok = await pagedList({
    path: 'search',
    params: { q },
    limit: 20,
    list,
    footer,
    ctx,
    empty: `Nothing matches ${q}.`,
    renderItem: (r) => el('li', { class: 'result' },
      el('a', { href: `#/doc/${seg(r.document)}`, class: 'doc-link result-title' }, r.title || `document ${r.document}`),
      el('span', { class: 'muted' }, ` · ${fmtDate(r.published)}`),
      el('p', { class: 'snippet' }, markSnippet(r.snippet))),
  });
  if (ok) ctx.ready(); else ctx.failed();
}
