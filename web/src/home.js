// Home: the corpus in one line (/api/stats), the relations graph (/api/graph) with its filters,
// the busiest pairs, and the actors by documents (/api/actors).
import cytoscape from 'cytoscape';
import { api, errorBox, pagedList } from './api.js';
import { el, fmtNumber, fmtGoldstein, goldsteinColor, goldsteinChip, pairHref, section, seg, message, loading } from './dom.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function statsLine(s) {
  const parts = [
    [s.documents, 'documents'],
    [s.unique_documents, 'unique'],
    [s.duplicates, 'duplicates'],
    [s.stories, 'stories'],
    [s.topics, 'topics'],
    [s.entities, 'entities'],
    [s.quotes, 'quotes'],
    [s.events, 'events'],
  ].filter(([v]) => v !== undefined);
  return el('p', { class: 'stats' }, parts.map(([v, label]) => el('span', { class: 'stat' }, el('b', null, fmtNumber(v)), ` ${label}`)));
}

/** The graph's filters as they stand in the hash: from, to, min (events), actor (text). */
function readFilters(query) {
  return {
    from: DATE.test(query.get('from') || '') ? query.get('from') : '',
    to: DATE.test(query.get('to') || '') ? query.get('to') : '',
    min: /^\d+$/.test(query.get('min') || '') ? query.get('min') : '',
    actor: query.get('actor') || '',
  };
}

function filtersQuery(f) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q;
}

function nodeMatches(node, text) {
  if (!text) return true;
  const t = text.toLowerCase();
  return String(node.id).toLowerCase().includes(t) || String(node.label ?? '').toLowerCase().includes(t);
}

export async function homeView(ctx) {
  const { root, query } = ctx;
  document.title = 'warta';
  const filters = readFilters(query);

  const statsSlot = el('div', { class: 'stats-slot' }, loading('Loading the corpus figures…'));
  root.append(el('h1', { class: 'visually-hidden' }, 'Relations graph'), statsSlot);
  // Cytoscape caches where its container is on the page: whatever moves the graph without
  // resizing it (this line arriving, a message above the graph) must tell it, or clicks miss.
  let cy = null;
  const graphMoved = () => { if (cy && !cy.destroyed()) cy.resize(); };
  api('stats')
    .then((s) => { if (ctx.alive()) statsSlot.replaceChildren(statsLine(s)); })
    .catch((err) => { if (ctx.alive()) statsSlot.replaceChildren(errorBox(err)); })
    .finally(graphMoved);

  // Filters. Dates and the minimum go to the server; the actor text filters the drawn graph.
  const fromInput = el('input', { type: 'date', name: 'from', value: filters.from });
  const toInput = el('input', { type: 'date', name: 'to', value: filters.to });
  const minInput = el('input', { type: 'number', name: 'min', min: '1', step: '1', placeholder: '1', value: filters.min, class: 'narrow' });
  const actorInput = el('input', { type: 'search', name: 'actor', placeholder: 'e.g. CHN or China', value: filters.actor });
  const form = el(
    'form',
    { class: 'filters', id: 'graph-filters' },
    el('label', null, 'from ', fromInput),
    el('label', null, 'to ', toInput),
    el('label', null, 'min. events ', minInput),
    el('label', null, 'actor ', actorInput),
    el('button', { type: 'submit' }, 'Apply'),
    el('button', { type: 'button', class: 'link', onclick: () => { location.hash = '#/'; } }, 'reset'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = filtersQuery({ from: fromInput.value, to: toInput.value, min: minInput.value, actor: actorInput.value.trim() });
    const target = `#/${next.toString() ? `?${next}` : ''}`;
    if (location.hash === target || (target === '#/' && location.hash === '')) applyActorFilter();
    else location.hash = target;
  });

  const graphBox = el('div', { class: 'graph', id: 'graph', role: 'img', 'aria-label': 'Relations graph between states and international organisations' });
  const hover = el('div', { class: 'graph-hover muted' }, 'Click a node for the actor, an edge for the pair. Scroll to zoom, drag to pan.');
  const legend = el(
    'div',
    { class: 'legend' },
    el('span', null, 'conflict'),
    el('span', { class: 'gradient', title: 'mean Goldstein −10 … +10' }),
    el('span', null, 'cooperation'),
    el('span', { class: 'muted' }, '· node size: mentions · edge width: events · arrow: source → target'),
  );
  const graphStatus = el('div');
  const pairsList = el('tbody');
  const pairsTable = el(
    'table',
    { class: 'pairs' },
    el('thead', null, el('tr', null, el('th', null, 'pair'), el('th', { class: 'num' }, 'events'), el('th', { class: 'num' }, 'Goldstein'))),
    pairsList,
  );
  const graphCard = el(
    'section',
    { class: 'card graph-card' },
    el('h2', null, 'Relations between states and IGOs'),
    form,
    graphStatus,
    el('div', { class: 'graph-layout' }, el('div', { class: 'graph-main' }, graphBox, legend, hover), el('div', { class: 'graph-side' }, el('h3', null, 'Busiest pairs'), pairsTable)),
  );
  root.append(graphCard);

  // Actors by documents, 10 at a time.
  const actorRows = el('tbody');
  const actorFooter = el('div', { class: 'list-footer' });
  root.append(
    section(
      'Actors by documents',
      el('table', { class: 'list actors' },
        el('thead', null, el('tr', null, el('th', null, 'name'), el('th', null, 'code'), el('th', null, 'type'), el('th', null, 'country'), el('th', { class: 'num' }, 'documents'), el('th', { class: 'num' }, 'mentions'))),
        actorRows),
      actorFooter,
    ),
  );
  pagedList({
    path: 'actors',
    limit: 10,
    list: actorRows,
    footer: actorFooter,
    ctx,
    empty: 'No actors in the store.',
    renderItem: (a) => el('tr', null,
      el('td', null, el('a', { href: `#/actor/${seg(a.entity)}` }, a.name ?? `entity ${a.entity}`)),
      el('td', null, el('code', null, a.actor ?? '')),
      el('td', null, a.type ?? ''),
      el('td', null, a.country ?? ''),
      el('td', { class: 'num' }, fmtNumber(a.documents)),
      el('td', { class: 'num' }, fmtNumber(a.mentions))),
  });

  let graph;
  try {
    graph = await api('graph', { from: filters.from, to: filters.to, min_events: filters.min });
  } catch (err) {
    if (!ctx.alive()) return;
    graphBox.remove();
    graphStatus.append(errorBox(err));
    ctx.failed();
    return;
  }
  if (!ctx.alive()) return;
  const nodes = [];
  const seen = new Set();
  for (const n of Array.isArray(graph.nodes) ? graph.nodes : []) {
    if (n && n.id !== undefined && n.id !== null && !seen.has(String(n.id))) { seen.add(String(n.id)); nodes.push(n); }
  }
  const edges = (Array.isArray(graph.edges) ? graph.edges : []).filter((e) => e && e.source != null && e.target != null);
  const pairQuery = new URLSearchParams();
  if (filters.from) pairQuery.set('from', filters.from);
  if (filters.to) pairQuery.set('to', filters.to);

  // The graph: node size by mentions (square root), edge width by events (log), colour by Goldstein.
  for (const e of edges) {
    for (const id of [String(e.source), String(e.target)]) {
      if (!seen.has(id)) { seen.add(id); nodes.push({ id, label: id, mentions: 0 }); }
    }
  }
  const maxMentions = Math.max(1, ...nodes.map((n) => Number(n.mentions) || 0));
  const maxEvents = Math.max(1, ...edges.map((e) => Number(e.events) || 0));
  const elements = [];
  // Start from a circle (in the API's order) rather than at random: the same data always gets
  // the same picture.
  nodes.forEach((n, i) => {
    const m = Number(n.mentions) || 0;
    const id = String(n.id);
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    elements.push({
      group: 'nodes',
      position: { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) },
      data: {
        id,
        name: n.label && n.label !== id ? `${n.label}\n${id}` : id,
        size: 18 + 46 * Math.sqrt(m / maxMentions),
        igo: id.length !== 3 || id.startsWith('IGO') ? 1 : 0,
        raw: n,
      },
    });
  });
  edges.forEach((e, i) => {
    const ev = Number(e.events) || 0;
    elements.push({
      group: 'edges',
      data: {
        id: `e${i}`,
        source: String(e.source),
        target: String(e.target),
        color: goldsteinColor(e.mean_goldstein),
        width: 1.5 + 8 * (Math.log1p(ev) / Math.log1p(maxEvents)),
        raw: e,
      },
    });
  });

  if (nodes.length === 0) {
    graphBox.remove();
    graphStatus.append(message('info', 'No relations in this range. Widen the dates or lower the minimum of events.'));
  }

  cy = cytoscape({
    container: graphBox,
    elements,
    minZoom: 0.2,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autoungrabify: false,
    style: [
      {
        selector: 'node',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          'background-color': '#4a6fa5',
          'border-width': 1,
          'border-color': '#2c4770',
          label: 'data(name)',
          'font-size': 11,
          'font-family': 'system-ui, sans-serif',
          'text-wrap': 'wrap',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          color: '#222',
          'text-outline-color': '#fff',
          'text-outline-width': 2,
        },
      },
      { selector: 'node[igo = 1]', style: { 'background-color': '#8e6bb8', 'border-color': '#5d4480', shape: 'round-rectangle' } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': 'data(color)',
          'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.9,
          'curve-style': 'bezier',
          opacity: 0.85,
        },
      },
      { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
      { selector: '.hidden', style: { display: 'none' } },
      { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#111' } },
      { selector: 'edge.hover', style: { opacity: 1, 'z-index': 10 } },
    ],
    layout: { name: 'preset' },
  });
  ctx.cleanup(() => cy.destroy());
  window.warta = { cy }; // for the end-to-end test and the curious

  // The page's scroll event, which tells Cytoscape the graph moved, can arrive after a click that
  // follows a scroll at once: measure the container afresh on every press, before Cytoscape reads it.
  graphBox.addEventListener('mousedown', graphMoved, { capture: true });
  graphBox.addEventListener('touchstart', graphMoved, { capture: true, passive: true });
  cy.on('tap', 'node', (e) => { location.hash = `#/actor/${seg(e.target.id())}`; });
  cy.on('tap', 'edge', (e) => { location.hash = pairHref(e.target.data('source'), e.target.data('target'), pairQuery); });
  cy.on('mouseover', 'node', (e) => {
    e.target.addClass('hover');
    graphBox.style.cursor = 'pointer';
    const n = e.target.data('raw');
    hover.textContent = `${n.label ?? n.id} (${n.id}): ${fmtNumber(n.mentions)} mentions`;
  });
  cy.on('mouseover', 'edge', (e) => {
    e.target.addClass('hover');
    graphBox.style.cursor = 'pointer';
    const d = e.target.data('raw');
    hover.textContent = `${d.source} → ${d.target}: ${fmtNumber(d.events)} events, mean Goldstein ${fmtGoldstein(d.mean_goldstein)} `
      + `(verbal coop. ${d.verbal_cooperation ?? 0}, material coop. ${d.material_cooperation ?? 0}, verbal conflict ${d.verbal_conflict ?? 0}, material conflict ${d.material_conflict ?? 0})`;
  });
  cy.on('mouseout', 'node, edge', (e) => { e.target.removeClass('hover'); graphBox.style.cursor = ''; });

  // The busiest pairs, beside the graph (also the keyboard way to the pair pages).
  function fillPairs(visibleEdges) {
    pairsList.replaceChildren();
    const sorted = [...visibleEdges].sort((a, b) => (Number(b.events) || 0) - (Number(a.events) || 0)).slice(0, 25);
    for (const e of sorted) {
      pairsList.append(el('tr', null,
        el('td', null, el('a', { href: pairHref(e.source, e.target, pairQuery), class: 'pair-link' }, `${e.source} → ${e.target}`)),
        el('td', { class: 'num' }, fmtNumber(e.events)),
        el('td', { class: 'num' }, goldsteinChip(e.mean_goldstein))));
    }
    if (sorted.length === 0) pairsList.append(el('tr', null, el('td', { colspan: '3', class: 'muted' }, 'no pairs')));
  }

  function applyActorFilter() {
    const text = actorInput.value.trim();
    cy.batch(() => {
      cy.elements().removeClass('hidden faded');
      if (!text) return;
      const matched = cy.nodes().filter((n) => nodeMatches(n.data('raw'), text));
      const keep = matched.union(matched.neighborhood());
      cy.elements().difference(keep).addClass('hidden');
      // Edges between two neighbours that are not matched themselves are shown faded.
      keep.edges().filter((e) => !matched.contains(e.source()) && !matched.contains(e.target())).addClass('faded');
    });
    const visible = edges.filter((e) => !text || nodeMatches(cy.getElementById(String(e.source)).data('raw') || { id: e.source }, text)
      || nodeMatches(cy.getElementById(String(e.target)).data('raw') || { id: e.target }, text));
    fillPairs(visible);
    // (Not ':visible': Cytoscape answers that from a cache refreshed only at the next frame.)
    if (text && cy.nodes().not('.hidden').length === 0) graphStatus.replaceChildren(message('info', `No actor in the graph matches “${text}”.`));
    else graphStatus.replaceChildren();
    graphMoved();
  }
  actorInput.addEventListener('input', applyActorFilter);

  const layout = cy.layout({
    name: 'cose',
    animate: false,
    randomize: false,
    padding: 30,
    nodeRepulsion: () => 9000,
    idealEdgeLength: () => 110,
    nodeDimensionsIncludeLabels: true,
  });
  layout.one('layoutstop', () => {
    applyActorFilter();
    cy.fit(cy.elements().not('.hidden'), 30);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(cy.elements().not('.hidden')); } // a few nodes: no giant labels
    graphBox.dataset.ready = '1';
    ctx.ready();
  });
  layout.run();
}
