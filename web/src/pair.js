// Pair page: both directions between two actors per period (/api/relations), as a stacked bar
// chart by quad class with the mean Goldstein line, and the evidence sentences.
import { loadForView } from './api.js';
import { relationsChart } from './charts.js';
import { el, fmtDate, fmtNumber, fmtGoldstein, goldsteinChip, quadChip, pairHref, section, seg, message, externalLink, QUAD } from './dom.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIODS = ['day', 'week', 'month', 'year'];

export function evidenceRow(ev, { showTitle = true } = {}) {
  return el('li', { class: 'evidence' },
    el('div', { class: 'ev-head' },
      el('span', { class: 'date' }, fmtDate(ev.date)),
      ' ',
      el('a', { href: `#/actor/${seg(ev.source_actor ?? '')}` }, ev.source_name || ev.source_actor || '?'),
      ev.source_actor ? el('code', null, ` ${ev.source_actor}`) : null,
      ' → ',
      el('a', { href: `#/actor/${seg(ev.target_actor ?? '')}` }, ev.target_name || ev.target_actor || '?'),
      ev.target_actor ? el('code', null, ` ${ev.target_actor}`) : null,
      ' ',
      el('span', { class: 'cameo', title: 'CAMEO code and PLOVER category' }, `CAMEO ${ev.cameo ?? '?'}${ev.plover ? ` · ${ev.plover}` : ''}`),
      ' ',
      quadChip(ev.quad_class),
      ' ',
      goldsteinChip(ev.goldstein),
      Number(ev.negated) ? el('span', { class: 'flag' }, 'negated') : null,
      ev.via ? el('span', { class: 'muted' }, ` via ${ev.via}`) : null,
      Number(ev.reports) > 1 ? el('span', { class: 'muted' }, ` · ${ev.reports} reports`) : null),
    el('blockquote', { class: 'sentence' }, ev.sentence ?? ''),
    el('div', { class: 'ev-source' },
      el('a', { href: `#/doc/${seg(ev.document)}`, class: 'doc-link' }, showTitle && ev.title ? ev.title : `document ${ev.document}`),
      ' ',
      externalLink(ev.url)));
}

export async function pairView(ctx, a, b) {
  const { root, query } = ctx;
  document.title = `${a} ⇄ ${b} · warta`;
  const from = DATE.test(query.get('from') || '') ? query.get('from') : '';
  const to = DATE.test(query.get('to') || '') ? query.get('to') : '';
  const by = PERIODS.includes(query.get('by')) ? query.get('by') : 'month';

  const fromInput = el('input', { type: 'date', value: from });
  const toInput = el('input', { type: 'date', value: to });
  const bySelect = el('select', null, PERIODS.map((p) => el('option', { value: p, selected: p === by }, p)));
  const form = el('form', { class: 'filters' },
    el('label', null, 'from ', fromInput),
    el('label', null, 'to ', toInput),
    el('label', null, 'per ', bySelect),
    el('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (fromInput.value) q.set('from', fromInput.value);
    if (toInput.value) q.set('to', toInput.value);
    if (bySelect.value !== 'month') q.set('by', bySelect.value);
    location.hash = pairHref(a, b, q);
  });
  const swapQuery = new URLSearchParams(query);

  root.append(
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, 'Graph'), ' / pair'),
    el('h1', null,
      el('a', { href: `#/actor/${seg(a)}` }, a), ' ⇄ ', el('a', { href: `#/actor/${seg(b)}` }, b),
      ' ', el('a', { class: 'small', href: pairHref(b, a, swapQuery), title: 'swap' }, '⇆')),
    form,
  );
  const body = el('div', null, el('div', { class: 'loading' }, 'Loading…'));
  root.append(body);

  const rel = await loadForView(ctx, (box) => body.replaceChildren(box), 'relations', { source: a, target: b, from, to, by });
  if (!rel) return;
  body.replaceChildren();
  const periods = Array.isArray(rel.periods) ? rel.periods : [];
  const evidence = Array.isArray(rel.evidence) ? rel.evidence : [];

  // Totals over the range.
  const totals = { events: 0, sum: 0 };
  for (const q of [1, 2, 3, 4]) totals[QUAD[q].key] = 0;
  for (const p of periods) {
    const n = Number(p.events) || 0;
    totals.events += n;
    if (p.mean_goldstein !== null && p.mean_goldstein !== undefined) totals.sum += Number(p.mean_goldstein) * n;
    for (const q of [1, 2, 3, 4]) totals[QUAD[q].key] += Number(p[QUAD[q].key]) || 0;
  }
  const mean = totals.events ? totals.sum / totals.events : null;

  const timeline = section(`Events per ${rel.by || by}`);
  if (periods.length === 0) {
    timeline.append(message('info', `No events between ${a} and ${b}${from || to ? ' in this range' : ''}.`));
  } else {
    timeline.append(el('p', { class: 'stats' },
      el('span', { class: 'stat' }, el('b', null, fmtNumber(totals.events)), ' events'),
      [1, 2, 3, 4].map((q) => el('span', { class: 'stat' }, el('b', null, fmtNumber(totals[QUAD[q].key])), ` ${QUAD[q].label}`)),
      el('span', { class: 'stat' }, 'mean Goldstein ', el('b', null, fmtGoldstein(mean)))));
    const { box, chart } = relationsChart(periods, `Events between ${a} and ${b} per ${rel.by || by}`);
    timeline.append(box);
    ctx.cleanup(() => chart.destroy());
  }
  body.append(timeline);

  const list = el('ol', { class: 'evidence-list' }, evidence.map((ev) => evidenceRow(ev)));
  body.append(section(
    `Evidence (${evidence.length}${evidence.length >= 200 ? ', the first 200' : ''})`,
    evidence.length ? list : el('p', { class: 'muted' }, 'No evidence sentences.'),
  ));
  ctx.ready();
}
