// Pair page: both directions between two actors per period (/api/relations, the periods filled and
// the spikes marked), as a chart of events (stacked by quad class, or the total) with the mean
// Goldstein line, and the evidence sentences, a page at a time.
import { loadForView, exportLinks, localPager } from './api.js';
import { seriesChart, spikeList } from './charts.js';
import { el, fmtNumber, fmtGoldstein, section, message, QUAD } from './dom.js';
import { filterParams, href, pairHref, actorHref, seg, t } from './nav.js';
import { actorCodeEl, actorCodeName } from './codes.js';
import { evidenceRow } from './events.js';

export const PERIODS = ['day', 'week', 'month', 'year'];

/** The per-period and bars selectors of the actor and pair pages; they change the hash. */
export function seriesControls(ctx, path) {
  const by = PERIODS.includes(ctx.query.get('by')) ? ctx.query.get('by') : 'month';
  const bars = ctx.query.get('bars') === 'total' ? 'total' : 'quad';
  const bySelect = el('select', { name: 'by', class: 'by-select' }, PERIODS.map((p) => el('option', { value: p, selected: p === by }, p)));
  const barsSelect = el('select', { name: 'bars' }, el('option', { value: 'quad', selected: bars === 'quad' }, 'by quad class'), el('option', { value: 'total', selected: bars === 'total' }, 'total'));
  const change = () => {
    location.hash = href(path, { by: bySelect.value === 'month' ? null : bySelect.value, bars: barsSelect.value === 'quad' ? null : barsSelect.value });
  };
  bySelect.addEventListener('change', change);
  barsSelect.addEventListener('change', change);
  const form = el('form', { class: 'filters series-controls' },
    el('label', null, 'per ', bySelect),
    el('label', null, 'events ', barsSelect));
  form.addEventListener('submit', (e) => { e.preventDefault(); change(); });
  return { by, bars, form };
}

/** Totals over the periods: events by quad class and the mean Goldstein. */
export function seriesTotals(periods) {
  const totals = { events: 0, sum: 0, weighted: 0 };
  for (const q of [1, 2, 3, 4]) totals[QUAD[q].key] = 0;
  for (const p of periods) {
    const n = Number(p.events) || 0;
    totals.events += n;
    if (p.mean_goldstein !== null && p.mean_goldstein !== undefined) { totals.sum += Number(p.mean_goldstein) * n; totals.weighted += n; }
    for (const q of [1, 2, 3, 4]) totals[QUAD[q].key] += Number(p[QUAD[q].key]) || 0;
  }
  const mean = totals.weighted ? totals.sum / totals.weighted : null;
  return el('p', { class: 'stats' },
    el('span', { class: 'stat' }, el('b', null, fmtNumber(totals.events)), ' events'),
    [1, 2, 3, 4].map((q) => el('span', { class: 'stat' }, el('b', null, fmtNumber(totals[QUAD[q].key])), ` ${QUAD[q].label}`)),
    el('span', { class: 'stat' }, 'mean Goldstein ', el('b', null, fmtGoldstein(mean))));
}

/** The crumbs, the title (both actors, a swap link) and the links to their maps. */
function pairHeader(ctx, a, b) {
  return [
    el('p', { class: 'crumbs' }, el('a', { href: href('') }, 'Overview'), ' / pair'),
    el('h1', null,
      el('a', { href: actorHref(a) }, t(actorCodeName(a))), ' ', actorCodeEl(a),
      ' ⇄ ',
      el('a', { href: actorHref(b) }, t(actorCodeName(b))), ' ', actorCodeEl(b),
      ' ', el('a', { class: 'small', href: pairHref(b, a, { by: ctx.query.get('by'), bars: ctx.query.get('bars') }), title: 'swap' }, '⇆')),
    el('p', { class: 'chips' },
      el('a', { class: 'chip', href: href('map', { actor: a }) }, `Map: ${a} and the world`),
      el('a', { class: 'chip', href: href('map', { actor: b }) }, `Map: ${b} and the world`)),
  ];
}

/** The card of events per period: totals, the chart and its spikes (or a note when there are none). */
function pairTimeline(ctx, { a, b, periods, unit, bars, form, params }) {
  const timeline = el('section', { class: 'card' },
    el('div', { class: 'card-head' }, el('h2', null, `Events per ${unit}`), exportLinks('relations', params)),
    form);
  if (periods.length === 0) {
    timeline.append(message('info', `No events between ${a} and ${b} with these filters.`));
  } else {
    timeline.append(seriesTotals(periods));
    const { box, chart, spikes } = seriesChart(periods, `Events between ${a} and ${b} per ${unit}`, { total: bars === 'total' });
    timeline.append(box, spikeList(spikes, unit));
    ctx.cleanup(() => chart.destroy());
  }
  return timeline;
}

/** The evidence sentences, a page at a time; the API sends at most 200, which the heading says. */
function evidenceSection(periods, evidence) {
  const list = el('ol', { class: 'evidence-list' });
  const total = periods.reduce((s, p) => s + (Number(p.events) || 0), 0);
  const { bar } = localPager({
    rows: evidence,
    limit: 20,
    body: list,
    empty: 'No evidence sentences.',
    renderItems: (items) => items.map((ev) => evidenceRow(ev)),
    note: evidence.length >= 200 && total > evidence.length ? `(the first ${fmtNumber(evidence.length)} of ${fmtNumber(total)} events, in date order)` : null,
  });
  return section(`Evidence (${fmtNumber(evidence.length)}${total > evidence.length ? ` of ${fmtNumber(total)}` : ''})`, list, bar);
}

export async function pairView(ctx, a, b) {
  const { root } = ctx;
  document.title = `${a} ⇄ ${b} · warta`;
  const path = `pair/${seg(a)}/${seg(b)}`;
  const { by, bars, form } = seriesControls(ctx, path);
  const params = filterParams({ source: a, target: b, by });

  root.append(...pairHeader(ctx, a, b));
  const body = el('div', null, el('div', { class: 'loading' }, 'Loading…'));
  root.append(body);

  const rel = await loadForView(ctx, (box) => body.replaceChildren(box), 'relations', params);
  if (!rel) return;
  body.replaceChildren();
  const periods = Array.isArray(rel.periods) ? rel.periods : [];
  const evidence = Array.isArray(rel.evidence) ? rel.evidence : [];
  const unit = rel.by || by;
  body.append(pairTimeline(ctx, { a, b, periods, unit, bars, form, params }));
  body.append(evidenceSection(periods, evidence));
  ctx.ready();
}
