// The colours of the relations graph's edges (mean Goldstein, or the main quad class) and the
// legend that explains them, the edge widths and the node sizes.
import { el, fmtNumber, goldsteinColor, QUAD } from './dom.js';

/** The quad class with the most events of an edge (1–4), 0 without any. */
function mainQuad(e) {
  let best = 0, n = 0;
  for (const q of [1, 2, 3, 4]) {
    const v = Number(e[QUAD[q].key]) || 0;
    if (v > n) { n = v; best = q; }
  }
  return best;
}

export function edgeColour(e, mode) {
  if (mode === 'quad') return QUAD[mainQuad(e)]?.color ?? '#999';
  return goldsteinColor(e.mean_goldstein);
}

export function legendFor(mode, maxMentions, maxEvents) {
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
