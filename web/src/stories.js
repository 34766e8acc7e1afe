// Stories (/api/stories) and topics (/api/topics), a page at a time; one story or topic
// (/api/stories/{id}, /api/topics/{id}): its volume per day (week), the first report, the outlets
// that picked it up, its actors, quotes and events, and its documents a page at a time
// (/api/stories/{id}/documents).
import { loadForView, pager, localPager, exportLinks } from './api.js';
import { timelineChart } from './charts.js';
import { el, fmtDate, fmtNumber, fmtSpan, section, table, externalLink, externalUrl, plural } from './dom.js';
import { filterParams, href, docHref, actorHref, storyHref, outletLink, seg, t } from './nav.js';
import { actorCodeEl, countryName } from './codes.js';
import { evidenceRow } from './events.js';
import { quoteItem } from './actor.js';

const NAMES = {
  story: { one: 'story', many: 'stories', Many: 'Stories', path: 'stories' },
  topic: { one: 'topic', many: 'topics', Many: 'Topics', path: 'topics' },
};

function names(list) {
  const items = Array.isArray(list) ? list.filter((x) => x !== null && x !== undefined && x !== '') : [];
  return items.map((x, i) => [i ? ', ' : '', t(x)]);
}

export async function storiesView(ctx, kind) {
  const { root } = ctx;
  const N = NAMES[kind];
  document.title = `${N.many} · warta`;
  const toggle = el('div', { class: 'toggle', role: 'group', 'aria-label': 'stories or topics' },
    el('a', { href: href('stories'), class: kind === 'story' ? 'on' : '', 'aria-current': kind === 'story' ? 'page' : null }, 'Stories'),
    el('a', { href: href('topics'), class: kind === 'topic' ? 'on' : '', 'aria-current': kind === 'topic' ? 'page' : null }, 'Topics'));
  const blurb = kind === 'story'
    ? 'A story is one event as the articles tell it, over a few days; largest first.'
    : 'A topic is a thread of stories over months; largest first.';
  const heading = el('h1', null, N.Many);
  const headers = kind === 'story'
    ? ['label', 'dates', ['documents', 'num'], 'outlets']
    : ['label', 'key actors', 'dates', ['documents', 'num'], 'outlets'];
  const { table: tableEl, body } = table('stories', headers);
  const params = filterParams();
  const { bar, loaded } = pager({
    ctx,
    path: N.path,
    params,
    limit: 20,
    body,
    empty: `No ${N.many} match the filters.`,
    onPage: (_, total) => { if (total !== null) heading.textContent = `${N.Many} (${fmtNumber(total)})`; },
    renderItems: (items) => items.map((s) => {
      const id = s[kind] ?? s.id;
      const label = s.label || `${N.one} ${id}`;
      const outlets = Array.isArray(s.outlets) && s.outlets.length ? names(s.outlets) : null;
      const sources = s.sources !== undefined ? plural(s.sources, 'outlet') : '';
      return el('tr', null,
        el('td', { class: 'label' }, el('a', { href: storyHref(kind, id) }, t(label))),
        kind === 'topic' ? el('td', { class: 'actors' }, names(s.actors)) : null,
        el('td', { class: 'nowrap' }, fmtSpan(s.first, s.last)),
        el('td', { class: 'num' }, fmtNumber(s.documents)),
        el('td', { class: 'outlets' }, outlets ?? '', outlets && Number(s.sources) > s.outlets.length ? el('span', { class: 'muted' }, ` (${sources})`) : (!outlets ? sources : null)));
    }),
  });
  root.append(heading, toggle, el('p', { class: 'muted' }, blurb), tableEl, bar);
  if (await loaded) ctx.ready(); else ctx.failed();
}

/** The label and the figures of a story or topic. */
function storyHeader(kind, N, s, id) {
  return [
    el('h1', { class: 'story-label clamp', title: String(s.label ?? '').length > 120 ? s.label : null }, t(s.label || `${N.one} ${s[kind] ?? id}`)),
    el('p', { class: 'stats' },
      el('span', { class: 'stat' }, el('b', null, fmtSpan(s.first, s.last))),
      el('span', { class: 'stat' }, el('b', null, fmtNumber(s.documents)), ' documents'),
      el('span', { class: 'stat' }, el('b', null, fmtNumber(s.sources)), ' outlets'),
      Array.isArray(s.actors) && s.actors.length ? el('span', { class: 'stat' }, 'key actors: ', names(s.actors)) : null),
  ];
}

/** Volume over time: documents and outlets per day (story) or week (topic). */
function volumeCard(ctx, N, id, data, unit) {
  const timeline = Array.isArray(data.timeline) ? data.timeline : [];
  const volume = el('section', { class: 'card', id: 'story-timeline' },
    el('div', { class: 'card-head' }, el('h2', null, `Documents and outlets per ${unit}`), exportLinks(`${N.path}/${seg(id)}`, filterParams(), { csv: false })));
  if (timeline.length) {
    const { box, chart } = timelineChart(timeline, `Documents and outlets per ${unit}`, unit);
    volume.append(box);
    ctx.cleanup(() => chart.destroy());
  } else {
    volume.append(el('p', { class: 'muted' }, 'No dated documents.'));
  }
  return volume;
}

function firstReportCard(fr) {
  return el('section', { class: 'card first-report', id: 'first-report' }, el('h2', null, 'First report'),
    fr ? [
      el('p', { class: 'fr-title' }, el('a', { href: docHref(fr.document), class: 'doc-link' }, t(fr.title || `document ${fr.document}`))),
      el('p', { class: 'muted' }, el('span', { class: 'fr-outlet' }, outletLink(fr.outlet, fr.name)), ` · ${fmtDate(fr.published)}`),
    ] : el('p', { class: 'muted' }, 'Not known (no dated document).'));
}

/** Who picked it up: the outlets, their documents and their first time. */
function pickedUpCard(data) {
  const outlets = Array.isArray(data.outlets) ? data.outlets : [];
  const { table: outletsTable, body: outletRows } = table('story-outlets', ['outlet', 'country', ['documents', 'num'], 'first']);
  outletRows.append(...outlets.map((o) => el('tr', null,
    el('td', null, outletLink(o.outlet, o.name)),
    el('td', null, o.country ? el('span', { title: countryName(o.country) || o.country }, t(o.country)) : '–'),
    el('td', { class: 'num' }, fmtNumber(o.documents)),
    el('td', { class: 'nowrap' }, fmtDate(o.first)))));
  return el('section', { class: 'card', id: 'story-outlets' }, el('h2', null, `Who picked it up (${fmtNumber(outlets.length)} outlets)`),
    outlets.length ? outletsTable : el('p', { class: 'muted' }, 'No outlets.'));
}

function actorsSection(data) {
  const actors = Array.isArray(data.actors) ? data.actors : [];
  return section(`Actors (${fmtNumber(actors.length)})`,
    actors.length ? el('ul', { class: 'chips' }, actors.map((a) => el('li', null,
      el('a', { class: 'chip', href: actorHref(a.entity ?? a.actor), title: `${fmtNumber(a.mentions)} mentions in ${fmtNumber(a.documents)} documents` }, t(a.name ?? a.actor ?? '?')),
      a.actor ? [' ', actorCodeEl(a.actor)] : null))) : el('p', { class: 'muted' }, 'None.'));
}

function documentItem(d) {
  return el('li', null,
    el('a', { href: docHref(d.id), class: 'doc-link' }, t(d.title || `document ${d.id}`)),
    el('div', { class: 'muted' },
      fmtDate(d.published),
      d.outlet || d.name ? [' · ', outletLink(d.outlet, d.name)] : null,
      d.duplicate_of !== null && d.duplicate_of !== undefined ? [' · copy of ', el('a', { href: docHref(d.duplicate_of) }, `document ${d.duplicate_of}`)] : null,
      externalUrl(d.url) ? [' · ', externalLink(d.url, 'original')] : null));
}

/** Documents, a page at a time (the first page came with the story): {card, loaded}. */
function documentsCard(ctx, N, id, data) {
  const docsHead = el('h2', null, 'Documents');
  const docsList = el('ul', { class: 'docs' });
  const docs = pager({
    ctx,
    path: `${N.path}/${seg(id)}/documents`,
    params: filterParams(),
    limit: 20,
    body: docsList,
    initial: data.documents && Array.isArray(data.documents.items) ? data.documents : Array.isArray(data.documents) ? { items: data.documents, total: data.documents.length } : null,
    empty: 'No documents.',
    onPage: (_, total) => { if (total !== null) docsHead.textContent = `Documents (${fmtNumber(total)})`; },
    renderItems: (items) => items.map(documentItem),
  });
  return { card: el('section', { class: 'card', id: 'story-documents' }, docsHead, docsList, docs.bar), loaded: docs.loaded };
}

/** Quotes and events (the first of them, with the story), each paged in the page. */
function quotesAndEvents(data) {
  const quotes = Array.isArray(data.quotes) ? data.quotes : [];
  const events = Array.isArray(data.events) ? data.events : [];
  const quoteList = el('ul', { class: 'quotes' });
  const eventList = el('ol', { class: 'evidence-list' });
  const qp = localPager({ rows: quotes, limit: 10, body: quoteList, empty: 'None.', renderItems: (items) => items.map(quoteItem) });
  const ep = localPager({ rows: events, limit: 10, body: eventList, empty: 'None.', renderItems: (items) => items.map((ev) => evidenceRow(ev)) });
  return el('div', { class: 'two-col' },
    section(`Quotes (${fmtNumber(quotes.length)}${quotes.length >= 50 ? ', the first 50' : ''})`, quoteList, qp.bar),
    section(`Events (${fmtNumber(events.length)}${events.length >= 100 ? ', the first 100' : ''})`, eventList, ep.bar));
}

export async function storyView(ctx, kind, id) {
  const { root } = ctx;
  const N = NAMES[kind];
  root.append(el('p', { class: 'crumbs' }, el('a', { href: href(N.path) }, N.Many), ` / ${N.one}`));
  const data = await loadForView(ctx, (box) => root.append(box), `${N.path}/${seg(id)}`, filterParams());
  if (!data) return;
  const s = data[kind] || {};
  document.title = `${s.label ?? N.one} · warta`;
  const unit = kind === 'story' ? 'day' : 'week';
  root.append(...storyHeader(kind, N, s, id));
  const volume = volumeCard(ctx, N, id, data, unit);
  root.append(el('div', { class: 'story-top' }, volume, el('div', null, firstReportCard(data.first_report), pickedUpCard(data))));
  root.append(actorsSection(data));
  const docs = documentsCard(ctx, N, id, data);
  root.append(docs.card);
  root.append(quotesAndEvents(data));
  if (await docs.loaded) ctx.ready(); else ctx.failed();
}
