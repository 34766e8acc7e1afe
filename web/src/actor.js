// Actor page (/api/actors/{id}): the actor's row, mentions per month, its events per period
// (/api/series, spikes marked), and its quotes and events, a page at a time (/api/quotes?speaker=,
// /api/events?source= and ?target=), totals in the headings. `#/actor/CHN` (a graph node, an
// event's actor code) is first resolved to an entity id through /api/actors?q=CHN: the entity whose
// actor code is exactly CHN (a place or an organisation before a person), else the first whose
// code starts with it.
import { api, errorBox, exportLinks, pager, loadForView } from './api.js';
import { mentionsChart, seriesChart, spikeList } from './charts.js';
import { el, fmtDate, fmtNumber, message } from './dom.js';
import { filterParams, href, pairHref, docHref, seg, t } from './nav.js';
import { actorCodeEl, countryName } from './codes.js';
import { evidenceRow } from './events.js';
import { seriesControls, seriesTotals } from './pair.js';

async function resolveCode(code) {
  // Without the filters: the actor exists whatever the dates.
  const page = await api('actors', { q: code, limit: 100 });
  const items = Array.isArray(page.items) ? page.items : [];
  const upper = code.toUpperCase();
  // Several entities share a code (IDNGOV: the government, its ministries, its spokespeople):
  // prefer a place or organisation over a person.
  const exact = items.filter((a) => String(a.actor ?? '').toUpperCase() === upper);
  const pick = exact.find((a) => a.type !== 'PER') || exact[0]
    || items.find((a) => String(a.actor ?? '').toUpperCase().startsWith(upper))
    || items.find((a) => String(a.name ?? '').toLowerCase() === code.toLowerCase());
  if (!pick) throw new Error(`no actor has the code or name “${code}”`);
  return pick.entity;
}

export function quoteItem(q) {
  return el('li', { class: 'quote' },
    el('blockquote', { class: `q q-${q.kind === 'direct' ? 'direct' : 'indirect'}` }, t(q.text ?? '')),
    el('div', { class: 'q-meta' },
      el('span', { class: 'speaker' }, t(q.speaker ?? 'unknown speaker')),
      q.role ? [el('span', { class: 'muted' }, ', '), el('span', { class: 'muted' }, t(q.role))] : null,
      el('span', { class: 'muted' }, ` · ${q.kind ?? ''} · ${fmtDate(q.published)} · `),
      el('a', { href: docHref(q.document), class: 'doc-link' }, `document ${q.document}`)));
}

/** A card with a paged list; its heading shows the total ("Quotes (1,234)"). */
function pagedCard(ctx, { title, path, params, initial, listTag, renderItem, empty, id }) {
  const head = el('h2', null, title);
  const list = el(listTag, { class: listTag === 'ol' ? 'evidence-list' : 'quotes' });
  const { bar, loaded } = pager({
    ctx, path, params, limit: 20, body: list, initial, empty,
    renderItems: (items) => items.map(renderItem),
    onPage: (_, total) => { head.textContent = total !== null ? `${title} (${fmtNumber(total)})` : title; },
  });
  return { card: el('section', { class: 'card', id }, head, list, bar), loaded };
}

// The contract's lists ({items,total}); an older server sends bare arrays.
const asList = (x) => (Array.isArray(x) ? { items: x, total: x.length } : x && Array.isArray(x.items) ? x : { items: [], total: 0 });

/**
 * The entity id of `#/actor/ID`, or of `#/actor/CHN` resolved (and the address rewritten to the
 * id): {id}, or null when the code resolves to no actor (the error shown in `body`) or the user
 * has moved on.
 */
async function entityId(ctx, idParam, body) {
  if (/^\d+$/.test(idParam)) return { id: idParam };
  let id;
  try {
    id = await resolveCode(idParam);
  } catch (err) {
    if (!ctx.alive()) return null;
    body.replaceChildren(errorBox(err));
    ctx.failed();
    return null;
  }
  if (!ctx.alive()) return null;
  const q = ctx.query.toString();
  history.replaceState(null, '', `#/actor/${seg(id)}${q ? `?${q}` : ''}`);
  return { id };
}

/** The actor's name and its facts (codes explained). */
function actorFacts(a, code, role) {
  return [
    el('h1', { class: 'actor-name clamp', title: String(a.name ?? '').length > 120 ? a.name : null }, t(a.name ?? `entity ${a.entity}`)),
    el('dl', { class: 'facts' },
      el('dt', null, 'actor code'), el('dd', null, code ? actorCodeEl(code) : '–'),
      el('dt', null, 'country'), el('dd', null, a.country ? [t(countryName(a.country) || a.country), ' ', actorCodeEl(a.country)] : '–'),
      el('dt', null, 'type'), el('dd', null, t(a.type ?? '–')),
      role ? [el('dt', null, 'role'), el('dd', null, t(role))] : null,
      el('dt', null, 'documents'), el('dd', null, fmtNumber(a.documents)),
      el('dt', null, 'mentions'), el('dd', null, fmtNumber(a.mentions)),
      el('dt', null, 'entity id'), el('dd', null, String(a.entity ?? '–'))),
  ];
}

/** Counterparts (from the first pages of events) and the map, as chips; null without any. */
function relationChips(code, asSource, asTarget) {
  const counts = new Map();
  for (const ev of asSource.items) if (ev.target_actor) counts.set(ev.target_actor, (counts.get(ev.target_actor) || 0) + 1);
  for (const ev of asTarget.items) if (ev.source_actor) counts.set(ev.source_actor, (counts.get(ev.source_actor) || 0) + 1);
  const chips = [];
  if (code) chips.push(el('a', { class: 'chip map-link', href: href('map', { actor: code }) }, `Map of ${code}'s relations`));
  if (code && counts.size) {
    chips.push(el('span', { class: 'muted' }, 'pairs: '));
    for (const [other, n] of [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 20)) {
      chips.push(el('a', { class: 'chip', href: pairHref(code, other) }, `${code} ⇄ ${other} (${n})`));
    }
  }
  return chips.length ? el('p', { class: 'chips' }, chips) : null;
}

function mentionsCard(ctx, a, id, months) {
  const mentions = el('section', { class: 'card' },
    el('div', { class: 'card-head' }, el('h2', null, 'Mentions per month'), exportLinks(`actors/${seg(id)}`, filterParams(), { csv: false })));
  if (months.length) {
    const { box, chart } = mentionsChart(months, `Mentions of ${a.name ?? 'the actor'} per month`);
    mentions.append(box);
    ctx.cleanup(() => chart.destroy());
  } else {
    mentions.append(el('p', { class: 'muted' }, 'No dated mentions with these filters.'));
  }
  return mentions;
}

/** Events per period: the entity's own events (as source or target). {card, done}. */
function seriesCard(ctx, a, id) {
  const { by, bars, form } = seriesControls(ctx, `actor/${seg(id)}`);
  const seriesParams = filterParams({ actor: a.entity ?? id, by });
  const card = el('section', { class: 'card', id: 'actor-series' },
    el('div', { class: 'card-head' }, el('h2', null, `Events per ${by}`), exportLinks('series', seriesParams)),
    form);
  const slot = el('div', null, el('div', { class: 'loading' }, 'Loading…'));
  card.append(slot);
  const done = api('series', seriesParams).then((s) => {
    if (!ctx.alive()) return;
    const periods = Array.isArray(s.periods) ? s.periods : [];
    if (!periods.length) { slot.replaceChildren(el('p', { class: 'muted' }, 'No events with these filters.')); return; }
    const { box, chart, spikes } = seriesChart(periods, `Events of ${a.name ?? 'the actor'} per ${s.by || by}`, { total: bars === 'total' });
    slot.replaceChildren(seriesTotals(periods), box, spikeList(spikes, s.by || by));
    ctx.cleanup(() => chart.destroy());
  }).catch((err) => { if (ctx.alive()) slot.replaceChildren(errorBox(err)); });
  return { card, done };
}

/** The quotes and the events as source and as target, paged: [quotes, source, target]. */
function actorLists(ctx, a, id, quotes) {
  const q = pagedCard(ctx, {
    title: 'Quotes', id: 'actor-quotes', path: 'quotes', params: filterParams({ speaker: a.entity ?? id }), initial: quotes,
    listTag: 'ul', renderItem: quoteItem, empty: 'No quotes.',
  });
  // /api/events pages in date order, the detail's first 20 newest first: the lists page by /api/events alone.
  const src = pagedCard(ctx, {
    title: 'Events it started', id: 'actor-source', path: 'events', params: filterParams({ source: a.entity ?? id }),
    listTag: 'ol', renderItem: (ev) => evidenceRow(ev), empty: 'None.',
  });
  const dst = pagedCard(ctx, {
    title: 'Events it received', id: 'actor-target', path: 'events', params: filterParams({ target: a.entity ?? id }),
    listTag: 'ol', renderItem: (ev) => evidenceRow(ev), empty: 'None.',
  });
  return [q, src, dst];
}

export async function actorView(ctx, idParam) {
  const { root } = ctx;
  const head = el('div', null, el('p', { class: 'crumbs' }, el('a', { href: href('') }, 'Overview'), ' / actor'));
  const body = el('div', null, el('div', { class: 'loading' }, 'Loading…'));
  root.append(head, body);

  const resolved = await entityId(ctx, idParam, body);
  if (!resolved) return;
  const { id } = resolved;
  const data = await loadForView(ctx, (box) => body.replaceChildren(box), `actors/${seg(id)}`, filterParams());
  if (!data) return;
  body.replaceChildren();

  const a = data.actor || {};
  const months = Array.isArray(data.mentions_by_month) ? data.mentions_by_month : [];
  const quotes = asList(data.quotes);
  const asSource = asList(data.events_as_source);
  const asTarget = asList(data.events_as_target);
  document.title = `${a.name ?? 'actor'} · warta`;

  const code = a.actor ? String(a.actor) : '';
  const role = a.role ? String(a.role).replaceAll('_', ' ') : quotes.items.find((q) => q.role)?.role;
  head.append(...actorFacts(a, code, role));
  const chips = relationChips(code, asSource, asTarget);
  if (chips) head.append(chips);

  const mentions = mentionsCard(ctx, a, id, months);
  const series = seriesCard(ctx, a, id);
  body.append(el('div', { class: 'two-col' }, series.card, mentions));

  const [q, src, dst] = actorLists(ctx, a, id, quotes);
  body.append(q.card, el('div', { class: 'two-col' }, src.card, dst.card));
  if (!asSource.items.length && !asTarget.items.length && !quotes.items.length) body.append(message('info', 'No quotes or events with these filters.'));
  await Promise.all([series.done, q.loaded, src.loaded, dst.loaded]);
  ctx.ready();
}
