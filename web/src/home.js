// Overview: the corpus in one line (/api/stats), the actors and the largest stories (light lists),
// and then the relations graph (/api/graph, the top-N busiest pairs, isolates hidden), drawn with
// cytoscape. The stats and the lists are requested and shown first; the graph, requested at the
// same time, is laid out only once they are on screen, so it never holds up the first paint.
import cytoscape from 'cytoscape';
import { api, errorBox, exportLinks, pager } from './api.js';
import { el, fmtNumber, fmtGoldstein, fmtSpan, goldsteinColor, goldsteinChip, message, loading, table, QUAD, plural } from './dom.js';
import { filterParams, href, pairHref, actorHref, storyHref, t } from './nav.js';
import { actorCodeEl, actorCodeTitle, countryName } from './codes.js';

const TOP = ['25', '50', '100', '250'];
const COLOURS = { goldstein: 'mean Goldstein', quad: 'main quad class' };

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

/** The graph's own settings in the hash: top (pairs), min (events), color, actor (text). */
function readSettings(query) {
  return {
    top: TOP.includes(query.get('top')) ? query.get('top') : '50',
    min: /^\d+$/.test(query.get('min') || '') && Number(query.get('min')) >= 1 ? query.get('min') : '',
    color: query.get('color') === 'quad' ? 'quad' : 'goldstein',
    actor: query.get('actor') || '',
  };
}

function nodeMatches(node, text) {
  if (!text) return true;
  const x = text.toLowerCase();
  return String(node.id).toLowerCase().includes(x) || String(node.label ?? '').toLowerCase().includes(x);
}

const short = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The quad class with the most events of an edge (1–4), 0 without any. */
function mainQuad(e) {
  let best = 0, n = 0;
  for (const q of [1, 2, 3, 4]) {
    const v = Number(e[QUAD[q].key]) || 0;
    if (v > n) { n = v; best = q; }
  }
  return best;
}

function edgeColour(e, mode) {
  if (mode === 'quad') return QUAD[mainQuad(e)]?.color ?? '#999';
  return goldsteinColor(e.mean_goldstein);
}

function legendFor(mode, maxMentions, maxEvents) {
  const edgePart = mode === 'quad'
    ? el('span', { class: 'legend-item' }, 'edge colour, the main quad class: ',
      [1, 2, 3, 4].map((q) => el('span', { class: 'swatch-item' }, el('span', { class: 'swatch', style: `background:${QUAD[q].color}` }), ` ${QUAD[q].label}`)))
    : el('span', { class: 'legend-item' }, 'edge colour, mean Goldstein: ',
      el('span', { class: 'muted' }, '−10 conflict '), el('span', { class: 'gradient', title: 'mean Goldstein −10 … 0 … +10' }), el('span', { class: 'muted' }, ' +10 cooperation'));
  return [
    edgePart,
    el('span', { class: 'legend-item' }, 'edge width: events (1 … ', fmtNumber(maxEvents), ') · arrow: source → target'),
    el('span', { class: 'legend-item' }, 'node size: mentions ',
      el('span', { class: 'dot', style: 'width:10px;height:10px' }), ` few `,
      el('span', { class: 'dot', style: 'width:22px;height:22px' }), ` ${fmtNumber(maxMentions)}`,
      ' · ', el('span', { class: 'dot' }), ' state ', el('span', { class: 'dot igo' }), ' IGO'),
  ];
}

export async function homeView(ctx) {
  const { root, query } = ctx;
  document.title = 'warta';
  const settings = readSettings(query);
  const params = (extra) => filterParams(extra);

  root.append(el('h1', { class: 'visually-hidden' }, 'Overview'));
  const statsSlot = el('div', { class: 'stats-slot' }, loading('Loading the corpus figures…'));
  root.append(statsSlot);
  // The figures first: their own request, shown as soon as they come.
  const statsShown = api('stats', params())
    .then((s) => { if (ctx.alive()) statsSlot.replaceChildren(statsLine(s)); })
    .catch((err) => { if (ctx.alive()) statsSlot.replaceChildren(errorBox(err)); });

  // The graph card: its frame is on the page at once (so nothing moves), the graph comes last.
  const topSelect = el('select', { name: 'top', title: 'how many of the busiest pairs to draw' }, TOP.map((n) => el('option', { value: n, selected: n === settings.top }, `top ${n} pairs`)));
  const minInput = el('input', { type: 'number', name: 'min', min: '1', step: '1', placeholder: '1', value: settings.min, class: 'narrow' });
  const colourSelect = el('select', { name: 'color' }, Object.entries(COLOURS).map(([k, v]) => el('option', { value: k, selected: k === settings.color }, v)));
  const actorInput = el('input', { type: 'search', name: 'actor', placeholder: 'e.g. CHN or China', value: settings.actor });
  const form = el('form', { class: 'filters', id: 'graph-filters' },
    el('label', null, 'show ', topSelect),
    el('label', null, 'min. events ', minInput),
    el('label', null, 'edge colour ', colourSelect),
    el('label', null, 'find actor ', actorInput),
    el('button', { type: 'submit' }, 'Apply'));
  const settingsHref = () => href('', { top: topSelect.value === '50' ? null : topSelect.value, min: minInput.value || null, color: colourSelect.value === 'goldstein' ? null : colourSelect.value, actor: actorInput.value.trim() || null });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const target = settingsHref();
    if (location.hash === target) applyActorFilter(); else location.hash = target;
  });
  topSelect.addEventListener('change', () => { location.hash = settingsHref(); });
  colourSelect.addEventListener('change', () => { location.hash = settingsHref(); });

  const graphParams = params({ limit: settings.top, min_events: settings.min, isolates: 0 });
  const graphBox = el('div', { class: 'graph', id: 'graph', role: 'img', 'aria-label': 'Relations graph between states and international organisations' },
    el('div', { class: 'graph-wait muted' }, 'The graph comes after the figures…'));
  const hover = el('div', { class: 'graph-hover muted' }, 'Click a node for the actor, an edge for the pair. Scroll to zoom, drag to pan.');
  const legend = el('div', { class: 'legend', id: 'graph-legend' }, legendFor(settings.color, '…', '…'));
  const graphStatus = el('div', { class: 'graph-status' });
  const pairsBody = el('tbody');
  const pairsTable = el('table', { class: 'pairs' },
    el('thead', null, el('tr', null, el('th', null, 'pair'), el('th', { class: 'num' }, 'events'), el('th', { class: 'num' }, 'Goldstein'))),
    pairsBody);
  const graphNote = el('p', { class: 'muted graph-note' });
  const pairsNote = el('p', { class: 'muted small' });
  const graphCard = el('section', { class: 'card graph-card' },
    el('div', { class: 'card-head' }, el('h2', null, 'Relations between states and IGOs'), exportLinks('graph', graphParams)),
    form,
    graphNote,
    graphStatus,
    el('div', { class: 'graph-layout' },
      el('div', { class: 'graph-main' }, graphBox, legend, hover),
      el('div', { class: 'graph-side' }, el('h3', null, 'Busiest pairs'), pairsTable, pairsNote)));
  root.append(graphCard);

  // The light lists: actors by documents (paged) and the largest stories.
  const actorsHead = el('h2', null, 'Actors by documents');
  const { table: actorsTable, body: actorRows } = table('actors', ['name', 'code', 'type', 'country', ['documents', 'num'], ['mentions', 'num']]);
  const actorsPager = pager({
    ctx,
    path: 'actors',
    params: params(),
    limit: 10,
    body: actorRows,
    empty: 'No actors match the filters.',
    onPage: (_, total) => { if (total !== null) actorsHead.textContent = `Actors by documents (${fmtNumber(total)})`; },
    renderItems: (items) => items.map((a) => el('tr', null,
      el('td', { class: 'name' }, el('a', { href: actorHref(a.entity) }, t(a.name ?? `entity ${a.entity}`))),
      el('td', null, actorCodeEl(a.actor)),
      el('td', null, t(a.type ?? '')),
      el('td', null, a.country ? el('span', { title: countryName(a.country) || a.country }, t(a.country)) : ''),
      el('td', { class: 'num' }, fmtNumber(a.documents)),
      el('td', { class: 'num' }, fmtNumber(a.mentions)))),
  });
  const storiesHead = el('h2', null, 'Largest stories');
  const storiesList = el('ol', { class: 'top-stories' });
  const storiesFoot = el('p', { class: 'muted' });
  root.append(el('div', { class: 'two-col home-lists' },
    el('section', { class: 'card' }, actorsHead, actorsTable, actorsPager.bar),
    el('section', { class: 'card' }, storiesHead, storiesList, storiesFoot)));
  const storiesDone = api('stories', params({ limit: 5 }))
    .then((page) => {
      if (!ctx.alive()) return;
      const items = Array.isArray(page.items) ? page.items : [];
      storiesList.replaceChildren(...items.map((s) => el('li', null,
        el('a', { href: storyHref('story', s.story ?? s.id) }, t(s.label || `story ${s.story ?? s.id}`)),
        el('div', { class: 'muted small' }, fmtSpan(s.first, s.last), ' · ', plural(s.documents, 'document'),
          Array.isArray(s.outlets) && s.outlets.length ? [' · ', s.outlets.map((o, i) => [i ? ', ' : '', t(o)])] : null))));
      if (!items.length) storiesList.replaceWith(el('p', { class: 'muted' }, 'No stories match the filters.'));
      storiesFoot.replaceChildren(el('a', { href: href('stories') }, page.total !== undefined ? `All ${fmtNumber(page.total)} stories →` : 'All stories →'));
    })
    .catch((err) => { if (ctx.alive()) storiesFoot.replaceChildren(errorBox(err)); });

  // The graph's request goes with the others; the graph is drawn only after the figures are on the page.
  const graphRequest = api('graph', graphParams).then((g) => ({ g }), (err) => ({ err }));
  // Wait for the stats (at most 1.5 s) and let the browser paint them.
  await Promise.race([statsShown, new Promise((r) => setTimeout(r, 1500))]);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  if (!ctx.alive()) return;

  const { g: graph, err } = await graphRequest;
  if (!ctx.alive()) return;
  if (err) {
    graphBox.remove();
    graphStatus.append(errorBox(err));
    await Promise.all([actorsPager.loaded, storiesDone]);
    ctx.failed();
    return;
  }
  graphBox.replaceChildren();

  const nodes = [];
  const seen = new Set();
  for (const n of Array.isArray(graph.nodes) ? graph.nodes : []) {
    if (n && n.id !== undefined && n.id !== null && !seen.has(String(n.id))) { seen.add(String(n.id)); nodes.push(n); }
  }
  const edges = (Array.isArray(graph.edges) ? graph.edges : []).filter((e) => e && e.source != null && e.target != null);
  for (const e of edges) {
    for (const id of [String(e.source), String(e.target)]) {
      if (!seen.has(id)) { seen.add(id); nodes.push({ id, label: id, mentions: 0 }); }
    }
  }
  const totalEdges = Number(graph.total_edges);
  graphNote.textContent = Number.isFinite(totalEdges)
    ? `The ${fmtNumber(edges.length)} busiest of ${fmtNumber(totalEdges)} pairs${settings.min ? ` with at least ${settings.min} events` : ''}, ${fmtNumber(nodes.length)} actors on them.`
    : `${fmtNumber(edges.length)} pairs, ${fmtNumber(nodes.length)} actors.`;

  const maxMentions = Math.max(1, ...nodes.map((n) => Number(n.mentions) || 0));
  const maxEvents = Math.max(1, ...edges.map((e) => Number(e.events) || 0));
  legend.replaceChildren(...legendFor(settings.color, maxMentions, maxEvents));
  // Labels: the most mentioned 40 are shown at the default fit, the others when zoomed in.
  const ranked = [...nodes].sort((a, b) => (Number(b.mentions) || 0) - (Number(a.mentions) || 0));
  const major = new Set(ranked.slice(0, 40).map((n) => String(n.id)));
  const elements = [];
  nodes.forEach((n, i) => {
    const m = Number(n.mentions) || 0;
    const id = String(n.id);
    const w = Math.sqrt(m / maxMentions);
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    elements.push({
      group: 'nodes',
      // Start from a circle (in the API's order) rather than at random: the same data, the same picture.
      position: { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) },
      data: {
        id,
        label: short(String(n.label && String(n.label).trim() ? n.label : id), 28),
        size: 18 + 46 * w,
        scale: major.has(id) ? 1 + 0.45 * w : 0.75,
        font: 12,
        outline: 2,
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
        color: edgeColour(e, settings.color),
        width: 1.5 + 8 * (Math.log1p(ev) / Math.log1p(maxEvents)),
        raw: e,
      },
    });
  });

  const pairQuery = {};
  function fillPairs(visibleEdges) {
    const sorted = [...visibleEdges].sort((a, b) => (Number(b.events) || 0) - (Number(a.events) || 0)).slice(0, 25);
    pairsBody.replaceChildren(...sorted.map((e) => el('tr', null,
      el('td', null, el('a', { href: pairHref(e.source, e.target, pairQuery), class: 'pair-link', title: `${actorCodeTitle(e.source)}\n${actorCodeTitle(e.target)}` }, `${e.source} → ${e.target}`)),
      el('td', { class: 'num' }, fmtNumber(e.events)),
      el('td', { class: 'num' }, goldsteinChip(e.mean_goldstein)))));
    if (sorted.length === 0) pairsBody.append(el('tr', null, el('td', { colspan: '3', class: 'muted' }, 'no pairs')));
    pairsNote.textContent = visibleEdges.length > sorted.length ? `The busiest ${sorted.length} of the ${fmtNumber(visibleEdges.length)} pairs drawn; all of them: Export above.` : '';
  }

  if (nodes.length === 0) {
    graphBox.remove();
    fillPairs([]);
    graphStatus.append(message('info', 'No relations with these filters. Widen the dates, pick another outlet or lower the minimum of events.'));
    await Promise.all([actorsPager.loaded, storiesDone]);
    ctx.ready();
    return;
  }

  const cy = cytoscape({
    container: graphBox,
    elements,
    minZoom: 0.1,
    maxZoom: 6,
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
          label: 'data(label)',
          // Model units: labels grow and shrink with the zoom; under 9 px on screen they hide.
          'font-size': 'data(font)',
          'min-zoomed-font-size': 9,
          'font-family': 'system-ui, sans-serif',
          'font-weight': 600,
          'text-valign': 'bottom',
          'text-margin-y': 2,
          color: '#1d2330',
          'text-outline-color': '#fff',
          'text-outline-width': 'data(outline)',
          'text-outline-opacity': 0.9,
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
      { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#111', 'min-zoomed-font-size': 0, 'z-index': 20 } },
      { selector: 'edge.hover', style: { opacity: 1, 'z-index': 10 } },
    ],
    layout: { name: 'preset' },
  });
  ctx.cleanup(() => cy.destroy());
  window.warta = { cy }; // for the end-to-end test and the curious

  // Cytoscape caches where its container is on the page: whatever moves the graph without
  // resizing it (a message above the graph, the page scrolled) must tell it, or clicks miss.
  const graphMoved = () => { if (!cy.destroyed()) cy.resize(); };
  graphBox.addEventListener('mousedown', graphMoved, { capture: true });
  graphBox.addEventListener('touchstart', graphMoved, { capture: true, passive: true });
  cy.on('tap', 'node', (e) => { location.hash = actorHref(e.target.id()); });
  cy.on('tap', 'edge', (e) => { location.hash = pairHref(e.target.data('source'), e.target.data('target'), pairQuery); });
  const hoverText = (...parts) => hover.replaceChildren(...parts);
  cy.on('mouseover', 'node', (e) => {
    e.target.addClass('hover');
    graphBox.style.cursor = 'pointer';
    const n = e.target.data('raw');
    hoverText(t(n.label ?? n.id), ' ', actorCodeEl(n.id), `: ${fmtNumber(n.mentions)} mentions, ${e.target.degree()} pairs`);
  });
  cy.on('mouseover', 'edge', (e) => {
    e.target.addClass('hover');
    graphBox.style.cursor = 'pointer';
    const d = e.target.data('raw');
    hoverText(actorCodeEl(d.source), ' → ', actorCodeEl(d.target),
      `: ${fmtNumber(d.events)} events, mean Goldstein ${fmtGoldstein(d.mean_goldstein)} (verbal coop. ${d.verbal_cooperation ?? 0}, material coop. ${d.material_cooperation ?? 0}, verbal conflict ${d.verbal_conflict ?? 0}, material conflict ${d.material_conflict ?? 0})`);
  });
  cy.on('mouseout', 'node, edge', (e) => { e.target.removeClass('hover'); graphBox.style.cursor = ''; });

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
    if (text && cy.nodes().not('.hidden').length === 0) graphStatus.replaceChildren(el('div', { class: 'msg msg-info', role: 'status' }, 'No actor in the graph matches “', t(text), '”.'));
    else graphStatus.replaceChildren();
    graphMoved();
  }
  actorInput.addEventListener('input', applyActorFilter);

  /** Label sizes for the zoom of the default fit: at least 11 px on screen, larger for busier nodes. */
  function sizeLabels() {
    const z = cy.zoom();
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.data('font', (11 * n.data('scale')) / z);
        n.data('outline', 2.5 / z);
      });
    });
  }

  const layout = cy.layout({
    name: 'cose',
    animate: false,
    randomize: false,
    padding: 30,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 120,
    nodeDimensionsIncludeLabels: true,
  });
  const laidOut = new Promise((resolve) => layout.one('layoutstop', resolve));
  laidOut.then(() => {
    applyActorFilter();
    cy.fit(cy.elements().not('.hidden'), 40);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(cy.elements().not('.hidden')); } // a few nodes: no giant picture
    sizeLabels();
    graphBox.dataset.ready = '1';
    graphBox.dataset.zoom = String(cy.zoom());
  });
  layout.run();
  await Promise.all([laidOut, actorsPager.loaded, storiesDone]);
  await new Promise((r) => setTimeout(r, 0));
  ctx.ready();
}

