// The relations graph of the overview, drawn with cytoscape from /api/graph: the actors as nodes
// (sized by mentions), the pairs as edges (coloured, and as wide as their events), hover and
// clicks, the actor filter, and the layout, with labels legible at the default fit.
import cytoscape from 'cytoscape';
import { el, fmtNumber, fmtGoldstein, message } from './dom.js';
import { actorHref, pairHref, t } from './nav.js';
import { actorCodeEl } from './codes.js';
import { edgeColour, legendFor } from './graph-legend.js';
import { pairQuery } from './graph-pairs.js';
import { GRAPH_STYLE } from './graph-style.js';

function nodeMatches(node, text) {
  if (!text) return true;
  const x = text.toLowerCase();
  return String(node.id).toLowerCase().includes(x) || String(node.label ?? '').toLowerCase().includes(x);
}

const short = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The nodes (each once, and the ends of every edge among them) and the edges of an answer. */
function graphData(graph) {
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
  return { nodes, edges };
}

function graphNote(graph, nodes, edges, min) {
  const totalEdges = Number(graph.total_edges);
  return Number.isFinite(totalEdges)
    ? `The ${fmtNumber(edges.length)} busiest of ${fmtNumber(totalEdges)} pairs${min ? ` with at least ${min} events` : ''}, ${fmtNumber(nodes.length)} actors on them.`
    : `${fmtNumber(edges.length)} pairs, ${fmtNumber(nodes.length)} actors.`;
}

function nodeElements(nodes, maxMentions) {
  // Labels: the most mentioned 40 are shown at the default fit, the others when zoomed in.
  const ranked = [...nodes].sort((a, b) => (Number(b.mentions) || 0) - (Number(a.mentions) || 0));
  const major = new Set(ranked.slice(0, 40).map((n) => String(n.id)));
  return nodes.map((n, i) => {
    const m = Number(n.mentions) || 0;
    const id = String(n.id);
    const w = Math.sqrt(m / maxMentions);
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    return {
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
    };
  });
}

function edgeElements(edges, colour, maxEvents) {
  return edges.map((e, i) => {
    const ev = Number(e.events) || 0;
    return {
      group: 'edges',
      data: {
        id: `e${i}`,
        source: String(e.source),
        target: String(e.target),
        color: edgeColour(e, colour),
        width: 1.5 + 8 * (Math.log1p(ev) / Math.log1p(maxEvents)),
        raw: e,
      },
    };
  });
}

/** Returns the function that tells cytoscape its container has moved. */
function trackMoves(cy, box) {
  // Cytoscape caches where its container is on the page: whatever moves the graph without
  // resizing it (a message above the graph, the page scrolled) must tell it, or clicks miss.
  const graphMoved = () => { if (!cy.destroyed()) cy.resize(); };
  box.addEventListener('mousedown', graphMoved, { capture: true });
  box.addEventListener('touchstart', graphMoved, { capture: true, passive: true });
  return graphMoved;
}

/** A click opens the actor (node) or the pair (edge); hovering shows their figures in `hover`. */
function wireGraph(cy, box, hover) {
  cy.on('tap', 'node', (e) => { location.hash = actorHref(e.target.id()); });
  cy.on('tap', 'edge', (e) => { location.hash = pairHref(e.target.data('source'), e.target.data('target'), pairQuery); });
  const hoverText = (...parts) => hover.replaceChildren(...parts);
  cy.on('mouseover', 'node', (e) => {
    e.target.addClass('hover');
    box.style.cursor = 'pointer';
    const n = e.target.data('raw');
    hoverText(t(n.label ?? n.id), ' ', actorCodeEl(n.id), `: ${fmtNumber(n.mentions)} mentions, ${e.target.degree()} pairs`);
  });
  cy.on('mouseover', 'edge', (e) => {
    e.target.addClass('hover');
    box.style.cursor = 'pointer';
    const d = e.target.data('raw');
    hoverText(actorCodeEl(d.source), ' → ', actorCodeEl(d.target),
      `: ${fmtNumber(d.events)} events, mean Goldstein ${fmtGoldstein(d.mean_goldstein)} (verbal coop. ${d.verbal_cooperation ?? 0}, material coop. ${d.material_cooperation ?? 0}, verbal conflict ${d.verbal_conflict ?? 0}, material conflict ${d.material_conflict ?? 0})`);
  });
  cy.on('mouseout', 'node, edge', (e) => { e.target.removeClass('hover'); box.style.cursor = ''; });
}

/** The actor filter: shows the actors matching the card's actor text, their neighbours and the pairs. */
function actorFilter(cy, edges, card, graphMoved) {
  return function applyActorFilter() {
    const text = card.actorInput.value.trim();
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
    card.pairs.fill(visible);
    // (Not ':visible': Cytoscape answers that from a cache refreshed only at the next frame.)
    if (text && cy.nodes().not('.hidden').length === 0) card.status.replaceChildren(el('div', { class: 'msg msg-info', role: 'status' }, 'No actor in the graph matches “', t(text), '”.'));
    else card.status.replaceChildren();
    graphMoved();
  };
}

/** Label sizes for the zoom of the default fit: at least 11 px on screen, larger for busier nodes. */
function sizeLabels(cy) {
  const z = cy.zoom();
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.data('font', (11 * n.data('scale')) / z);
      n.data('outline', 2.5 / z);
    });
  });
}

/** Lays the graph out, then filters, fits and sizes the labels; resolves when laid out. */
function layOut(cy, box, applyActorFilter) {
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
    sizeLabels(cy);
    box.dataset.ready = '1';
    box.dataset.zoom = String(cy.zoom());
  });
  layout.run();
  return laidOut;
}

/**
 * Draws the answer of /api/graph in the overview's graph card (see graphCard in home.js), with its
 * note, legend and busiest pairs. Returns a promise resolved once the graph is laid out, or null
 * when there is nothing to draw (a message says so instead).
 */
export function drawGraph(ctx, card, graph, settings) {
  card.box.replaceChildren();
  const { nodes, edges } = graphData(graph);
  card.note.textContent = graphNote(graph, nodes, edges, settings.min);
  const maxMentions = Math.max(1, ...nodes.map((n) => Number(n.mentions) || 0));
  const maxEvents = Math.max(1, ...edges.map((e) => Number(e.events) || 0));
  card.legend.replaceChildren(...legendFor(settings.color, maxMentions, maxEvents));
  if (nodes.length === 0) {
    card.box.remove();
    card.pairs.fill([]);
    card.status.append(message('info', 'No relations with these filters. Widen the dates, pick another outlet or lower the minimum of events.'));
    return null;
  }
  const cy = cytoscape({
    container: card.box,
    elements: [...nodeElements(nodes, maxMentions), ...edgeElements(edges, settings.color, maxEvents)],
    minZoom: 0.1,
    maxZoom: 6,
    boxSelectionEnabled: false,
    autoungrabify: false,
    style: GRAPH_STYLE,
    layout: { name: 'preset' },
  });
  ctx.cleanup(() => cy.destroy());
  window.warta = { cy }; // for the end-to-end test and the curious
  const graphMoved = trackMoves(cy, card.box);
  wireGraph(cy, card.box, card.hover);
  card.applyActorFilter = actorFilter(cy, edges, card, graphMoved);
  card.actorInput.addEventListener('input', card.applyActorFilter);
  return layOut(cy, card.box, card.applyActorFilter);
}
