// Highlighting an article by the API's spans. Offsets are UTF-8 BYTE offsets into `text`, so the
// text is encoded once, cut at byte positions, and each piece decoded on its own. Spans may
// overlap in any way: the text is cut at every span boundary, and each piece is wrapped in one
// element per span covering it (outermost: events, then quotes, then entities), so no text is ever
// lost or repeated, and the pieces put together give back `text` exactly.
// Bidi: every piece of the text is an isolated run (a span with unicode-bidi: isolate, see
// style.css), so a right-to-left override or other control character in the article reorders only
// its own piece, never the text around it, and never splits a highlight.
import { el } from './dom.js';
import { cameoTitle, actorCodeTitle } from './codes.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const KIND_ORDER = { event: 0, quote: 1, entity: 2 };

/**
 * Cuts `text` at the byte boundaries of `spans` ({start, end, kind, ...}).
 * Returns {segments: [{start, end, text, spans: [...]}], spans: [clean spans with index `k`]}.
 * Offsets out of range are clamped; an offset inside a multi-byte character moves back to the
 * character's first byte; empty or reversed spans are dropped.
 */
export function segmentByBytes(text, spans) {
  const bytes = encoder.encode(String(text ?? ''));
  const n = bytes.length;
  const snap = (value) => {
    let i = Math.max(0, Math.min(n, Math.trunc(value)));
    while (i > 0 && i < n && (bytes[i] & 0xc0) === 0x80) i--;
    return i;
  };
  const clean = [];
  for (const span of spans) {
    const a = Number(span.start), b = Number(span.end);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const start = snap(a), end = snap(b);
    if (end <= start) continue;
    clean.push({ ...span, start, end, k: `${span.kind}:${clean.length}` });
  }
  const cuts = new Set([0, n]);
  for (const s of clean) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);

  // Sweep: spans sorted by start; the active set changes only at cut points.
  const byStart = [...clean].sort((x, y) => x.start - y.start);
  let next = 0;
  let active = [];
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i], to = points[i + 1];
    active = active.filter((s) => s.end > from);
    while (next < byStart.length && byStart[next].start <= from) {
      if (byStart[next].end > from) active.push(byStart[next]);
      next++;
    }
    const covering = active
      .slice()
      .sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (y.end - y.start) - (x.end - x.start) || x.start - y.start);
    segments.push({ start: from, end: to, text: decoder.decode(bytes.subarray(from, to)), spans: covering });
  }
  return { segments, spans: clean };
}

/** The text of a byte span of `text`, decoded. */
export function byteSlice(text, start, end) {
  const bytes = encoder.encode(String(text ?? ''));
  return decoder.decode(bytes.subarray(Math.max(0, start), Math.min(bytes.length, end)));
}

function wrapperFor(span, linkUsed) {
  const dataset = { k: span.k };
  if (span.kind === 'entity') {
    const title = `${span.name ?? 'entity'}${span.actor ? ` (${actorCodeTitle(span.actor)})` : ''}`;
    const target = span.entity ?? span.actor;
    if (!linkUsed && target !== null && target !== undefined) {
      return el('a', { class: 'hl hl-entity', href: `#/actor/${encodeURIComponent(target)}`, title, dataset });
    }
    return el('span', { class: 'hl hl-entity', title, dataset });
  }
  if (span.kind === 'quote') {
    const title = `${span.qkind ? `${span.qkind} ` : ''}quote${span.speaker ? ` — ${span.speaker}` : ''}`;
    return el('span', { class: `hl hl-quote`, title, dataset });
  }
  const title = `${span.source_name || span.source_actor || '?'} → ${span.target_name || span.target_actor || '?'}\n${cameoTitle(span.cameo, span.plover)}`;
  return el('span', { class: `hl hl-event quad-${Number(span.quad_class) || 0}`, title, dataset });
}

/**
 * The highlighted text as DOM: a <div class="doc-text"> whose text content is `text` exactly.
 * `doc` is the /api/documents/{id} answer.
 */
export function renderHighlighted(doc) {
  const spans = [];
  for (const e of doc.entities || []) spans.push({ ...e, kind: 'entity' });
  for (const q of doc.quotes || []) spans.push({ start: q.start, end: q.end, speaker: q.speaker, qkind: q.kind, kind: 'quote' });
  for (const v of doc.events || []) spans.push({ ...v, kind: 'event' });
  const { segments, spans: clean } = segmentByBytes(doc.text, spans);

  const root = el('div', { class: 'doc-text' });
  for (const segment of segments) {
    if (segment.spans.length === 0) {
      root.append(el('span', { class: 'seg' }, segment.text));
      continue;
    }
    let outer = null, inner = null, linkUsed = false;
    for (const span of segment.spans) {
      const w = wrapperFor(span, linkUsed);
      if (w.tagName === 'A') linkUsed = true;
      if (inner) inner.append(w); else outer = w;
      inner = w;
    }
    inner.append(document.createTextNode(segment.text));
    root.append(outer);
  }
  return { root, spans: clean };
}
