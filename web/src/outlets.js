// Outlets (/api/outlets): the publishers of the documents, largest first, a page at a time. An
// outlet's name sets the outlet filter (and opens the overview for it).
import { pager } from './api.js';
import { el, fmtDate, fmtNumber, table } from './dom.js';
import { filterParams, href, outletLink, t } from './nav.js';
import { countryName } from './codes.js';

export async function outletsView(ctx) {
  const { root } = ctx;
  document.title = 'outlets · warta';
  const heading = el('h1', null, 'Outlets');
  const { table: tableEl, body } = table('outlets', ['name', 'outlet', 'country', ['documents', 'num'], 'first', 'last', '']);
  const { bar, loaded } = pager({
    ctx,
    path: 'outlets',
    params: filterParams(),
    limit: 25,
    body,
    empty: 'No outlets match the filters.',
    onPage: (_, total) => { if (total !== null) heading.textContent = `Outlets (${fmtNumber(total)})`; },
    renderItems: (items) => items.map((o) => el('tr', null,
      el('td', { class: 'name' }, outletLink(o.outlet, o.name || o.outlet)),
      el('td', null, el('code', null, t(o.outlet ?? ''))),
      el('td', null, o.country ? el('span', { title: o.country }, t(countryName(o.country) || o.country)) : '–'),
      el('td', { class: 'num' }, fmtNumber(o.documents)),
      el('td', { class: 'nowrap' }, fmtDate(o.first)),
      el('td', { class: 'nowrap' }, fmtDate(o.last)),
      el('td', { class: 'nowrap' }, o.outlet ? el('a', { href: href('stories', { outlet: o.outlet }), class: 'small' }, 'its stories') : null))),
  });
  root.append(heading,
    el('p', { class: 'muted' }, 'The publishers of the documents. A name sets the outlet filter, for every view.'),
    tableEl, bar);
  if (await loaded) ctx.ready(); else ctx.failed();
}
