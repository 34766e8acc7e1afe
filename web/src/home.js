// Overview: the corpus in one line (/api/stats), the actors and the largest stories (light lists),
// and then the relations graph (/api/graph, the top-N busiest pairs, isolates hidden), drawn with
// cytoscape. The stats and the lists are requested and shown first; the graph, requested at the
// same time, is laid out only once they are on screen, so it never holds up the first paint.
// The graph itself is in graph.js, its settings in graph-settings.js, its legend in
// graph-legend.js and its table of the busiest pairs in graph-pairs.js.
import { api, errorBox, exportLinks, pager } from './api.js';
import { el, fmtNumber, fmtSpan, loading, table, plural } from './dom.js';
import { filterParams, href, actorHref, storyHref, t } from './nav.js';
import { actorCodeEl, countryName } from './codes.js';
import { readSettings, settingsForm } from './graph-settings.js';
import { legendFor } from './graph-legend.js';
import { pairsTable } from './graph-pairs.js';
import { drawGraph } from './graph.js';

function statsLine(s) {
  const parts = [
    [s.documents, 'documents'],
    [s.unique_documents, 'unique'],
    [s.duplicates, 'duplicates'],
    [s.outlets, 'outlets'],
    [s.stories, 'stories'],
    [s.topics, 'topics'],
    [s.entities, 'entities'],
    [s.quotes, 'quotes'],
    [s.events, 'events'],
  ].filter(([v]) => v !== undefined && v !== null);
  return el('p', { class: 'stats', id: 'stats' },
    parts.map(([v, label]) => el('span', { class: 'stat' }, el('b', null, fmtNumber(v)), ` ${Number(v) === 1 && label !== 'unique' ? label.replace(/ies$/, 'y').replace(/s$/, '') : label}`)),
    s.first || s.last ? el('span', { class: 'stat' }, 'dated ', el('b', null, fmtSpan(s.first, s.last))) : null);
}

/** The corpus figures: {slot, shown}, `shown` settled once they (or the error) are in the slot. */
function statsSlot(ctx) {
  const slot = el('div', { class: 'stats-slot' }, loading('Loading the corpus figures…'));
  // The figures first: their own request, shown as soon as they come.
  const shown = api('stats', filterParams())
    .then((s) => { if (ctx.alive()) slot.replaceChildren(statsLine(s)); })
    .catch((err) => { if (ctx.alive()) slot.replaceChildren(errorBox(err)); });
  return { slot, shown };
}

/**
 * The graph card: its frame is on the page at once (so nothing moves), the graph comes last.
 * Returns the card's parts for drawGraph() (graph.js): {section, box, hover, legend, status, note,
 * pairs, actorInput, applyActorFilter}.
 */
function graphCard(settings, graphParams) {
  // Apply calls the actor filter of the graph once it is drawn (drawGraph sets it); until then
  // there is nothing to filter.
  const card = { applyActorFilter: () => {} };
  const { form, actorInput } = settingsForm(settings, () => card.applyActorFilter());
  const box = el('div', { class: 'graph', id: 'graph', role: 'img', 'aria-label': 'Relations graph between states and international organisations' },
    el('div', { class: 'graph-wait muted' }, 'The graph comes after the figures…'));
  const hover = el('div', { class: 'graph-hover muted' }, 'Click a node for the actor, an edge for the pair. Scroll to zoom, drag to pan.');
  const legend = el('div', { class: 'legend', id: 'graph-legend' }, legendFor(settings.color, '…', '…'));
  const status = el('div', { class: 'graph-status' });
  const pairs = pairsTable();
  const note = el('p', { class: 'muted graph-note' });
  card.section = el('section', { class: 'card graph-card' },
    el('div', { class: 'card-head' }, el('h2', null, 'Relations between states and IGOs'), exportLinks('graph', graphParams)),
    form,
    note,
    status,
    el('div', { class: 'graph-layout' },
      el('div', { class: 'graph-main' }, box, legend, hover),
      el('div', { class: 'graph-side' }, el('h3', null, 'Busiest pairs'), pairs.table, pairs.note)));
  return Object.assign(card, { box, hover, legend, status, note, pairs, actorInput });
}

/** Actors by documents, a page at a time: {section, loaded}. */
function actorsCard(ctx) {
  const head = el('h2', null, 'Actors by documents');
  const { table: actorsTable, body } = table('actors', ['name', 'code', 'type', 'country', ['documents', 'num'], ['mentions', 'num']]);
  const { bar, loaded } = pager({
    ctx,
    path: 'actors',
    params: filterParams(),
    limit: 10,
    body,
    empty: 'No actors match the filters.',
    onPage: (_, total) => { if (total !== null) head.textContent = `Actors by documents (${fmtNumber(total)})`; },
    renderItems: (items) => items.map((a) => el('tr', null,
      el('td', { class: 'name' }, el('a', { href: actorHref(a.entity) }, t(a.name ?? `entity ${a.entity}`))),
      el('td', null, actorCodeEl(a.actor)),
      el('td', null, t(a.type ?? '')),
      el('td', null, a.country ? el('span', { title: countryName(a.country) || a.country }, t(a.country)) : ''),
      el('td', { class: 'num' }, fmtNumber(a.documents)),
      el('td', { class: 'num' }, fmtNumber(a.mentions)))),
  });
  return { section: el('section', { class: 'card' }, head, actorsTable, bar), loaded };
}

function storyItem(s) {
  return el('li', null,
    el('a', { href: storyHref('story', s.story ?? s.id) }, t(s.label || `story ${s.story ?? s.id}`)),
    el('div', { class: 'muted small' }, fmtSpan(s.first, s.last), ' · ', plural(s.documents, 'document'),
      Array.isArray(s.outlets) && s.outlets.length ? [' · ', s.outlets.map((o, i) => [i ? ', ' : '', t(o)])] : null));
}

/** The five largest stories and a link to all of them: {section, done}. */
function storiesCard(ctx) {
  const list = el('ol', { class: 'top-stories' });
  const foot = el('p', { class: 'muted' });
  const section = el('section', { class: 'card' }, el('h2', null, 'Largest stories'), list, foot);
  const done = api('stories', filterParams({ limit: 5 }))
    .then((page) => {
      if (!ctx.alive()) return;
      const items = Array.isArray(page.items) ? page.items : [];
      list.replaceChildren(...items.map(storyItem));
      if (!items.length) list.replaceWith(el('p', { class: 'muted' }, 'No stories match the filters.'));
      foot.replaceChildren(el('a', { href: href('stories') }, page.total !== undefined ? `All ${fmtNumber(page.total)} stories →` : 'All stories →'));
    })
    .catch((err) => { if (ctx.alive()) foot.replaceChildren(errorBox(err)); });
  return { section, done };
}

/** The light lists: actors by documents (paged) and the largest stories. {node, loaded}. */
function homeLists(ctx) {
  const actors = actorsCard(ctx);
  const stories = storiesCard(ctx);
  return { node: el('div', { class: 'two-col home-lists' }, actors.section, stories.section), loaded: Promise.all([actors.loaded, stories.done]) };
}

/** Waits for the stats (at most 1.5 s) and lets the browser paint them. */
async function statsPainted(statsShown) {
  await Promise.race([statsShown, new Promise((r) => setTimeout(r, 1500))]);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

export async function homeView(ctx) {
  const { root, query } = ctx;
  document.title = 'warta';
  const settings = readSettings(query);
  root.append(el('h1', { class: 'visually-hidden' }, 'Overview'));
  const stats = statsSlot(ctx);
  root.append(stats.slot);
  const graphParams = filterParams({ limit: settings.top, min_events: settings.min, isolates: 0 });
  const card = graphCard(settings, graphParams);
  root.append(card.section);
  const lists = homeLists(ctx);
  root.append(lists.node);

  // The graph's request goes with the others; the graph is drawn only after the figures are on the page.
  const graphRequest = api('graph', graphParams).then((g) => ({ g }), (err) => ({ err }));
  await statsPainted(stats.shown);
  if (!ctx.alive()) return;
  const { g: graph, err } = await graphRequest;
  if (!ctx.alive()) return;
  if (err) {
    card.box.remove();
    card.status.append(errorBox(err));
    await lists.loaded;
    ctx.failed();
    return;
  }
  const laidOut = drawGraph(ctx, card, graph, settings);
  await Promise.all([laidOut, lists.loaded]);
  if (laidOut) await new Promise((r) => setTimeout(r, 0));
  ctx.ready();
}
