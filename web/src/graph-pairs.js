// The relations graph's side table: the busiest pairs among the edges shown (at most 25), each a
// link to its pair page, with a note when the graph draws more of them.
import { el, fmtNumber, goldsteinChip } from './dom.js';
import { pairHref } from './nav.js';
import { actorCodeTitle } from './codes.js';

const ROWS = 25;

/** The query of the pair links, from the table and from the graph's edges alike. */
export const pairQuery = {};

/** Returns {table, note, fill(visibleEdges)}; fill() (re)writes the rows and the note. */
export function pairsTable() {
  const body = el('tbody');
  const table = el('table', { class: 'pairs' },
    el('thead', null, el('tr', null, el('th', null, 'pair'), el('th', { class: 'num' }, 'events'), el('th', { class: 'num' }, 'Goldstein'))),
    body);
  const note = el('p', { class: 'muted small' });
  function fill(visibleEdges) {
    const sorted = [...visibleEdges].sort((a, b) => (Number(b.events) || 0) - (Number(a.events) || 0)).slice(0, ROWS);
    body.replaceChildren(...sorted.map((e) => el('tr', null,
      el('td', null, el('a', { href: pairHref(e.source, e.target, pairQuery), class: 'pair-link', title: `${actorCodeTitle(e.source)}\n${actorCodeTitle(e.target)}` }, `${e.source} → ${e.target}`)),
      el('td', { class: 'num' }, fmtNumber(e.events)),
      el('td', { class: 'num' }, goldsteinChip(e.mean_goldstein)))));
    if (sorted.length === 0) body.append(el('tr', null, el('td', { colspan: '3', class: 'muted' }, 'no pairs')));
    note.textContent = visibleEdges.length > sorted.length ? `The busiest ${sorted.length} of the ${fmtNumber(visibleEdges.length)} pairs drawn; all of them: Export above.` : '';
  }
  return { table, note, fill };
}
