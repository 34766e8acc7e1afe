// The relations graph's own settings, kept in the hash of the overview: top (how many of the
// busiest pairs), min (events), color (goldstein or quad) and actor (text to find), and the form
// above the graph that shows and changes them.
import { el } from './dom.js';
import { href } from './nav.js';

const TOP = ['25', '50', '100', '250'];
const COLOURS = { goldstein: 'mean Goldstein', quad: 'main quad class' };

/**
 * The graph's own settings in the hash: top (pairs), min (events), color, actor (text). The early
 * graph request of index.html reads top and min the same way, to ask for the same URL.
 */
export function readSettings(query) {
  return {
    top: TOP.includes(query.get('top')) ? query.get('top') : '50',
    min: /^\d+$/.test(query.get('min') || '') && Number(query.get('min')) >= 1 ? query.get('min') : '',
    color: query.get('color') === 'quad' ? 'quad' : 'goldstein',
    actor: query.get('actor') || '',
  };
}

/**
 * The settings form. A change of top or colour, or Apply, goes to the overview with the new
 * settings; Apply with the settings already in the hash calls onSameHash() (the actor text is
 * applied to the graph in place). Returns {form, actorInput}.
 */
export function settingsForm(settings, onSameHash) {
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
    if (location.hash === target) onSameHash(); else location.hash = target;
  });
  topSelect.addEventListener('change', () => { location.hash = settingsHref(); });
  colourSelect.addEventListener('change', () => { location.hash = settingsHref(); });
  return { form, actorInput };
}
