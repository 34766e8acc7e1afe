// Actor page (/api/actors/{id}): the actor's row, mentions per month, quotes, and the events it
// started and received. `#/actor/CHN` (a graph node, an event's actor code) is first resolved to an
// entity id through /api/actors?q=CHN: the entity whose actor code is exactly CHN (a place or an
// organisation before a person), else the first whose code starts with it.
import { api, errorBox } from './api.js';
import { mentionsChart } from './charts.js';
import { el, fmtDate, fmtNumber, section, seg, message, pairHref } from './dom.js';
import { evidenceRow } from './pair.js';

async function resolveCode(code) {
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

function quoteItem(q) {
  return el('li', { class: 'quote' },
    el('blockquote', { class: `q q-${q.kind === 'direct' ? 'direct' : 'indirect'}` }, q.text ?? ''),
    el('div', { class: 'q-meta' },
      el('span', { class: 'speaker' }, q.speaker ?? 'unknown speaker'),
      q.role ? el('span', { class: 'muted' }, `, ${q.role}`) : null,
      el('span', { class: 'muted' }, ` · ${q.kind ?? ''} · ${fmtDate(q.published)} · `),
      el('a', { href: `#/doc/${seg(q.document)}`, class: 'doc-link' }, `document ${q.document}`)));
}

export async function actorView(ctx, idParam) {
  const { root } = ctx;
  const head = el('div', null, el('p', { class: 'crumbs' }, el('a', { href: '#/' }, 'Graph'), ' / actor'));
  const body = el('div', null, el('div', { class: 'loading' }, 'Loading…'));
  root.append(head, body);

  let data;
  try {
    let id = idParam;
    if (!/^\d+$/.test(id)) {
      id = await resolveCode(idParam);
      if (!ctx.alive()) return;
      history.replaceState(null, '', `#/actor/${seg(id)}`);
    }
    data = await api(`actors/${seg(id)}`);
  } catch (err) {
    if (!ctx.alive()) return;
    body.replaceChildren(errorBox(err));
    ctx.failed();
    return;
  }
  if (!ctx.alive()) return;
  body.replaceChildren();

  const a = data.actor || {};
  const quotes = Array.isArray(data.quotes) ? data.quotes : [];
  const asSource = Array.isArray(data.events_as_source) ? data.events_as_source : [];
  const asTarget = Array.isArray(data.events_as_target) ? data.events_as_target : [];
  const months = Array.isArray(data.mentions_by_month) ? data.mentions_by_month : [];
  document.title = `${a.name ?? 'actor'} · warta`;

  // The role: the actor's position from the dictionaries (head_of_state, military, …), else the one
  // named with its latest quote, if any.
  const role = a.role ? String(a.role).replaceAll('_', ' ') : quotes.find((q) => q.role)?.role;
  head.append(el('h1', null, a.name ?? `entity ${a.entity}`));
  const facts = el('dl', { class: 'facts' },
    el('dt', null, 'actor code'), el('dd', null, el('code', null, a.actor ?? '–')),
    el('dt', null, 'country'), el('dd', null, a.country ?? '–'),
    el('dt', null, 'type'), el('dd', null, a.type ?? '–'),
    role ? [el('dt', null, 'role'), el('dd', null, role)] : null,
    el('dt', null, 'documents'), el('dd', null, fmtNumber(a.documents)),
    el('dt', null, 'mentions'), el('dd', null, fmtNumber(a.mentions)),
    el('dt', null, 'entity id'), el('dd', null, String(a.entity ?? '–')));
  head.append(facts);

  // Counterparts: the pair pages of the actors this one acts with.
  const code = a.actor ? String(a.actor) : '';
  const counts = new Map();
  for (const ev of asSource) if (ev.target_actor) counts.set(ev.target_actor, (counts.get(ev.target_actor) || 0) + 1);
  for (const ev of asTarget) if (ev.source_actor) counts.set(ev.source_actor, (counts.get(ev.source_actor) || 0) + 1);
  if (code && counts.size) {
    const links = [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 20)
      .map(([other, n]) => el('a', { class: 'chip', href: pairHref(code, other) }, `${code} ⇄ ${other} (${n})`));
    head.append(el('p', { class: 'chips' }, el('span', { class: 'muted' }, 'pairs: '), links));
  }

  const timeline = section('Mentions over time');
  if (months.length) {
    const { box, chart } = mentionsChart(months, `Mentions of ${a.name ?? 'the actor'} per month`);
    timeline.append(box);
    ctx.cleanup(() => chart.destroy());
  } else {
    timeline.append(el('p', { class: 'muted' }, 'No dated mentions.'));
  }
  body.append(timeline);

  body.append(section(`Quotes (${quotes.length})`,
    quotes.length ? el('ul', { class: 'quotes' }, quotes.map(quoteItem)) : el('p', { class: 'muted' }, 'No quotes.')));

  body.append(el('div', { class: 'two-col' },
    section(`Events it started (${asSource.length})`,
      asSource.length ? el('ol', { class: 'evidence-list' }, asSource.map((ev) => evidenceRow(ev))) : el('p', { class: 'muted' }, 'None.')),
    section(`Events it received (${asTarget.length})`,
      asTarget.length ? el('ol', { class: 'evidence-list' }, asTarget.map((ev) => evidenceRow(ev))) : el('p', { class: 'muted' }, 'None.'))));
  if (asSource.length >= 100 || asTarget.length >= 100) body.append(message('info', 'At most the 100 newest events of each kind are shown.'));
  ctx.ready();
}
