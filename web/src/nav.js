// The common filters (from, to, lang, outlet) and the links between views. The filters live in
// the query of the hash (#/actor/3?from=2021-01-01&lang=id&outlet=detik.com), so every link is
// shareable and back/forward work; the router sets them before each view, every API request of a
// view passes them (filterParams), and every internal link carries them along (href).
import { el } from './dom.js';

export const FILTER_KEYS = ['from', 'to', 'lang', 'outlet'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANG = /^[a-z]{2,3}$/;

/** The filters of a hash query (URLSearchParams); malformed values are dropped. */
export function readFilters(query) {
  const get = (k) => (query.get(k) || '').trim();
  const f = {};
  if (DATE.test(get('from'))) f.from = get('from');
  if (DATE.test(get('to'))) f.to = get('to');
  if (LANG.test(get('lang'))) f.lang = get('lang');
  if (get('outlet')) f.outlet = get('outlet');
  return f;
}

let current = {};

export function setFilters(f) { current = { ...f }; }
export function getFilters() { return { ...current }; }
export function hasFilters() { return FILTER_KEYS.some((k) => current[k]); }

/** API parameters: the current filters plus `extra` (null/undefined/'' values left out). */
export function filterParams(extra) {
  const out = { ...current };
  for (const [k, v] of Object.entries(extra || {})) {
    if (v === null || v === undefined || v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * A hash link to `path` ('actor/3', '' for home) with the current filters and `extra` query
 * parameters (a null value removes a filter: href('', {outlet: null})).
 */
export function href(path, extra, filters = current) {
  const q = new URLSearchParams();
  const merged = { ...extra };
  for (const k of FILTER_KEYS) if (!(k in merged) && filters[k]) merged[k] = filters[k];
  for (const [k, v] of Object.entries(merged)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    q.set(k, String(v));
  }
  const qs = q.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

/** A path segment for hash routes. */
export function seg(value) {
  return encodeURIComponent(String(value));
}

/** API text as an isolated run: a <bdi>, so bidi controls in it cannot reorder what is around it. */
export function t(text) {
  return el('bdi', null, text === null || text === undefined ? '' : String(text));
}

export function docHref(id) { return href(`doc/${seg(id)}`); }
export function actorHref(idOrCode) { return href(`actor/${seg(idOrCode)}`); }
export function pairHref(a, b, extra) { return href(`pair/${seg(a)}/${seg(b)}`, extra); }
export function storyHref(kind, id) { return href(`${kind === 'topic' ? 'topic' : 'story'}/${seg(id)}`); }
/** The overview with the outlet filter set to `outlet` (other filters kept). */
export function outletHref(outlet) { return href('', { outlet }); }

export function docLink(id, label) {
  return el('a', { href: docHref(id), class: 'doc-link' }, label === undefined || label === null || label === '' ? `document ${id}` : t(label));
}

export function actorLink(idOrCode, label) {
  return el('a', { href: actorHref(idOrCode), class: 'actor-link' }, t(label ?? String(idOrCode)));
}

/** Outlet key → name, filled from /api/outlets by the filter bar (for answers that carry only the key). */
export const outletNames = new Map();

/** An outlet's name as a link that sets the outlet filter; the key (domain) in the tooltip. */
export function outletLink(outlet, name) {
  if (!outlet && !name) return null;
  if (!outlet) return t(name);
  if (!name || name === outlet) name = outletNames.get(outlet) || outlet;
  return el('a', { href: outletHref(outlet), class: 'outlet-link', title: `${outlet}: show only this outlet (sets the outlet filter)` }, t(name || outlet));
}
