// Article view (/api/documents/{id}): the text as read, with its entities, quotes and events
// highlighted by UTF-8 byte offsets (see highlight.js), and the same spans listed beside it. The
// outlet is shown by name (never the file the document came from).
import { loadForView } from './api.js';
import { el, fmtDate, externalLink, section, quadChip } from './dom.js';
import { href, docHref, actorHref, storyHref, outletLink, seg, t } from './nav.js';
import { actorCodeEl, cameoEl, loadCodes } from './codes.js';
import { renderHighlighted, byteSlice } from './highlight.js';

function showSpan(container, k) {
  const nodes = container.querySelectorAll(`[data-k="${CSS.escape(k)}"]`);
  if (!nodes.length) return;
  nodes[0].scrollIntoView({ behavior: 'smooth', block: 'center' });
  for (const n of nodes) {
    n.classList.remove('flash');
    void n.offsetWidth; // restart the animation
    n.classList.add('flash');
  }
}

/** The outlet of a document: its name (outlet_name), else its key; `site` only if it is no path. */
function outletOf(d) {
  if (d.outlet || d.outlet_name) return outletLink(d.outlet, d.outlet_name);
  if (typeof d.site === 'string' && d.site && !/[/\\]/.test(d.site)) return t(d.site);
  return null;
}

const given = (v) => v !== null && v !== undefined;

/** The line under the title: id, date, outlet, language, story, topic, the copied document, the original. */
function docMeta(d, id) {
  const original = externalLink(d.url, 'original');
  const outlet = outletOf(d);
  return el('p', { class: 'doc-meta muted' },
    `#${d.id ?? id} · ${fmtDate(d.published)}`,
    outlet ? [' · ', outlet] : null,
    d.lang ? ` · ${d.lang}` : null,
    given(d.story) ? [' · ', el('a', { href: storyHref('story', d.story) }, `story ${d.story}`)] : null,
    given(d.topic) ? [' · ', el('a', { href: storyHref('topic', d.topic) }, `topic ${d.topic}`)] : null,
    given(d.duplicate_of) ? [' · copy of ', el('a', { href: docHref(d.duplicate_of) }, `document ${d.duplicate_of}`)] : null,
    original ? [' · ', original] : null);
}

/** Layer switches: hide a kind of highlighting by a class on the text. */
function layerSwitches(textNode, spans) {
  return el('div', { class: 'layers' }, ['entity', 'quote', 'event'].map((kind) => {
    const box = el('input', { type: 'checkbox', checked: true });
    box.addEventListener('change', () => textNode.classList.toggle(`no-${kind}`, !box.checked));
    const count = spans.filter((s) => s.kind === kind).length;
    return el('label', { class: `layer layer-${kind}` }, box, ` ${kind === 'entity' ? 'entities' : `${kind}s`} (${count})`);
  }));
}

// The spans as lists; a click shows the span in the text.

/** A card "Title (count)" with list() in it, or "None.". */
function spanCard(title, count, list) {
  return section(`${title} (${count})`, count === 0 ? el('p', { class: 'muted' }, 'None.') : list());
}

function entitiesCard(spans, textNode) {
  const entityList = new Map();
  for (const s of spans.filter((x) => x.kind === 'entity')) {
    const key = s.entity ?? s.name;
    if (!entityList.has(key)) entityList.set(key, { ...s, n: 0, first: s.k });
    entityList.get(key).n++;
  }
  return spanCard('Entities', entityList.size, () => el('ul', { class: 'chips' }, [...entityList.values()].map((e) => el('li', null,
    el('a', { class: 'chip', href: actorHref(e.entity ?? e.actor ?? '') }, t(e.name ?? '?')),
    e.actor ? [' ', actorCodeEl(e.actor)] : null,
    el('button', { type: 'button', class: 'link', title: 'show in the text', onclick: () => showSpan(textNode, e.first) }, `×${e.n}`)))));
}

function quotesCard(spans, textNode, text) {
  const quoteSpans = spans.filter((x) => x.kind === 'quote');
  return spanCard('Quotes', quoteSpans.length, () => el('ul', { class: 'quotes' }, quoteSpans.map((q) => el('li', { class: 'quote' },
    el('blockquote', { class: `q q-${q.qkind === 'direct' ? 'direct' : 'indirect'}` }, t(byteSlice(text, q.start, q.end))),
    el('div', { class: 'q-meta' }, el('span', { class: 'speaker' }, t(q.speaker ?? 'unknown speaker')), el('span', { class: 'muted' }, ` · ${q.qkind ?? ''} `),
      el('button', { type: 'button', class: 'link', onclick: () => showSpan(textNode, q.k) }, 'show'))))));
}

function eventsCard(spans, textNode) {
  const eventSpans = spans.filter((x) => x.kind === 'event');
  return spanCard('Events', eventSpans.length, () => el('ul', { class: 'events' }, eventSpans.map((v) => el('li', null,
    el('a', { href: actorHref(v.source_actor ?? '') }, t(v.source_name || v.source_actor || '?')), ' ', actorCodeEl(v.source_actor), ' → ',
    el('a', { href: actorHref(v.target_actor ?? '') }, t(v.target_name || v.target_actor || '?')), ' ', actorCodeEl(v.target_actor),
    ' ', cameoEl(v.cameo, v.plover), ' ', quadChip(v.quad_class), ' ',
    el('button', { type: 'button', class: 'link', onclick: () => showSpan(textNode, v.k) }, 'show')))));
}

export async function docView(ctx, id) {
  const { root } = ctx;
  root.append(el('p', { class: 'crumbs' }, el('a', { href: href('') }, 'Overview'), ' / document'));
  const [data] = await Promise.all([
    loadForView(ctx, (box) => root.append(box), `documents/${seg(id)}`),
    Promise.race([loadCodes(), new Promise((r) => setTimeout(r, 1500))]), // for the hover texts of the highlights
  ]);
  if (!data) return;
  const d = data.document || {};
  const text = typeof data.text === 'string' ? data.text : '';
  document.title = `${d.title || `document ${d.id ?? id}`} · warta`;

  root.append(el('h1', { class: 'doc-title clamp', title: String(d.title ?? '').length > 120 ? d.title : null }, t(d.title || `document ${d.id ?? id}`)));
  root.append(docMeta(d, id));

  const { root: textNode, spans } = renderHighlighted({ ...data, text });
  textNode.id = 'doc-text';
  root.append(el('div', { class: 'doc-layout' },
    el('article', { class: 'card doc' }, layerSwitches(textNode, spans), textNode),
    el('aside', { class: 'doc-side' }, entitiesCard(spans, textNode), quotesCard(spans, textNode, text), eventsCard(spans, textNode))));
  ctx.ready();
}
