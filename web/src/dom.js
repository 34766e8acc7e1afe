// DOM helpers. Everything the API sends is data: it only ever reaches the page as text nodes
// (textContent / createTextNode) or as attribute values set with setAttribute. Nothing in this
// dashboard parses HTML.

/**
 * el('a', {class: 'x', href: '#/doc/1', title: 'tip', onclick: fn}, 'text', childNode, [more])
 * Strings and numbers become text nodes; null/undefined/false children are skipped.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else if (key === 'class') {
        node.className = value;
      } else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v);
      } else if (key === 'href') {
        node.setAttribute('href', safeHref(value));
      } else if (key === 'value') {
        node.value = value;
      } else {
        node.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Internal hash links pass; absolute links only when http(s); anything else becomes '#'. */
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith('#')) return s;
  const url = externalUrl(s);
  return url || '#';
}

/** An article URL from the API as a link target, or null when it is not plain http(s). */
export function externalUrl(value) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link to the original article, or nothing. Opens in a new tab without referrer. */
export function externalLink(url, label) {
  const href = externalUrl(url);
  if (!href) return null;
  return el('a', { href, class: 'ext', target: '_blank', rel: 'noopener noreferrer nofollow' }, label || hostOf(href));
}

function hostOf(href) {
  try { return new URL(href).host; } catch { return href; }
}

export function fmtNumber(n) {
  if (n === null || n === undefined || n === '') return '–';
  const x = Number(n);
  return Number.isFinite(x) ? x.toLocaleString('en-US') : String(n);
}

export function fmtGoldstein(g) {
  if (g === null || g === undefined || !Number.isFinite(Number(g))) return '–';
  const x = Number(g);
  const s = Math.abs(x).toFixed(1);
  return x > 0 ? `+${s}` : x < 0 ? `\u2212${s}` : s;
}

/** Dates arrive as yyyy-mm-dd or ISO 8601 with offset; show the date part and the time if any. */
export function fmtDate(s) {
  if (!s) return 'undated';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(String(s));
  if (!m) return String(s);
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}

export function fmtSpan(first, last) {
  if (!first && !last) return 'undated';
  if (first === last || !last) return fmtDate(first);
  if (!first) return fmtDate(last);
  return `${fmtDate(first)} – ${fmtDate(last)}`;
}

export const QUAD = {
  1: { key: 'verbal_cooperation', label: 'verbal cooperation', color: '#8cc78a' },
  2: { key: 'material_cooperation', label: 'material cooperation', color: '#2e8b3e' },
  3: { key: 'verbal_conflict', label: 'verbal conflict', color: '#f0a04b' },
  4: { key: 'material_conflict', label: 'material conflict', color: '#c0392b' },
};

/** Goldstein −10 … +10 → red (conflict) … grey (neutral) … green (cooperation). */
export function goldsteinColor(g) {
  const x = Number.isFinite(Number(g)) ? Math.max(-10, Math.min(10, Number(g))) : 0;
  const red = [215, 48, 39], mid = [150, 150, 150], green = [26, 152, 80];
  const t = Math.pow(Math.abs(x) / 10, 0.6); // stronger colour for small scores
  const to = x < 0 ? red : green;
  const c = mid.map((m, i) => Math.round(m + (to[i] - m) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** "1–20 of 3,412" (total unknown: "1–20"; nothing: "0 of 0"). */
export function fmtRange(offset, count, total) {
  const known = total !== null && total !== undefined && Number.isFinite(Number(total));
  if (count === 0) return known ? `0 of ${fmtNumber(total)}` : 'none';
  const span = `${fmtNumber(offset + 1)}–${fmtNumber(offset + count)}`;
  return known ? `${span} of ${fmtNumber(total)}` : span;
}

/** A number followed by a word, in the singular for 1: plural(1, 'document') → "1 document". */
export function plural(n, word, many = `${word}s`) {
  return `${fmtNumber(n)} ${Number(n) === 1 ? word : many}`;
}

export function goldsteinChip(g) {
  return el('span', { class: 'gs', title: 'Goldstein score (−10 conflict … +10 cooperation)', style: `background:${goldsteinColor(g)}` }, fmtGoldstein(g));
}

export function quadChip(q) {
  const info = QUAD[q];
  if (!info) return el('span', { class: 'quad' }, `quad ${q ?? '?'}`);
  return el('span', { class: 'quad', style: `border-color:${info.color}` }, info.label);
}

export function section(title, ...children) {
  return el('section', { class: 'card' }, el('h2', null, title), ...children);
}

/** A table: headers ([label, class?]) and a tbody to fill; returns {table, body}. */
export function table(cls, headers) {
  const body = el('tbody');
  const tableEl = el('table', { class: `list ${cls}` },
    el('thead', null, el('tr', null, headers.map((h) => (Array.isArray(h) ? el('th', { class: h[1] }, h[0]) : el('th', null, h))))),
    body);
  return { table: el('div', { class: 'table-wrap' }, tableEl), body };
}

export function message(kind, text) {
  return el('div', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function loading(text = 'Loading…') {
  return el('div', { class: 'loading' }, text);
}
