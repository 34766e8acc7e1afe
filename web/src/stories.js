// Stories (/api/stories) and topics (/api/topics), and one story (/api/stories/{id}).
import { loadForView, pagedList } from './api.js';
import { el, fmtDate, fmtNumber, fmtSpan, seg, externalLink, externalUrl } from './dom.js';

export async function storiesView(ctx) {
  const { root, query } = ctx;
  const kind = query.get('kind') === 'topics' ? 'topics' : 'stories';
  document.title = `${kind} · warta`;
  const toggle = el('div', { class: 'toggle', role: 'group', 'aria-label': 'stories or topics' },
    el('a', { href: '#/stories', class: kind === 'stories' ? 'on' : '', 'aria-current': kind === 'stories' ? 'page' : null }, 'Stories'),
    el('a', { href: '#/stories?kind=topics', class: kind === 'topics' ? 'on' : '', 'aria-current': kind === 'topics' ? 'page' : null }, 'Topics'));
  const blurb = kind === 'stories'
    ? 'A story is one event as the articles tell it, over a few days; largest first.'
    : 'A topic is a thread of stories over months (no detail page: its stories are in the list of stories).';
  const rows = el('tbody');
  const footer = el('div', { class: 'list-footer' });
  root.append(
    el('h1', null, kind === 'stories' ? 'Stories' : 'Topics'),
    toggle,
    el('p', { class: 'muted' }, blurb),
    el('table', { class: 'list stories' },
      el('thead', null, el('tr', null, el('th', null, 'label'), el('th', null, 'time span'), el('th', { class: 'num' }, 'documents'), el('th', { class: 'num' }, 'sources'))),
      rows),
    footer);
  const ok = await pagedList({
    path: kind,
    limit: 50,
    list: rows,
    footer,
    ctx,
    empty: `No ${kind}.`,
    renderItem: (s) => {
      const id = kind === 'stories' ? (s.story ?? s.id) : (s.topic ?? s.id);
      const label = s.label || `${kind === 'stories' ? 'story' : 'topic'} ${id}`;
      return el('tr', null,
        el('td', null, kind === 'stories' ? el('a', { href: `#/story/${seg(id)}` }, label) : label),
        el('td', { class: 'nowrap' }, fmtSpan(s.first, s.last)),
        el('td', { class: 'num' }, fmtNumber(s.documents)),
        el('td', { class: 'num' }, fmtNumber(s.sources)));
    },
  });
  if (ok) ctx.ready(); else ctx.failed();
}

export async function storyView(ctx, id) {
  const { root } = ctx;
  root.append(el('p', { class: 'crumbs' }, el('a', { href: '#/stories' }, 'Stories'), ' / story'));
  const data = await loadForView(ctx, (box) => root.append(box), `stories/${seg(id)}`);
  if (!data) return;
  const s = data.story || {};
  const docs = Array.isArray(data.documents) ? data.documents : [];
  document.title = `${s.label ?? 'story'} · warta`;
  root.append(
    el('h1', null, s.label || `story ${s.story ?? id}`),
    el('p', { class: 'stats' },
      el('span', { class: 'stat' }, fmtSpan(s.first, s.last)),
      el('span', { class: 'stat' }, el('b', null, fmtNumber(s.documents)), ' documents'),
      el('span', { class: 'stat' }, el('b', null, fmtNumber(s.sources)), ' sources')),
    el('section', { class: 'card' },
      el('h2', null, 'Documents'),
      docs.length === 0 ? el('p', { class: 'muted' }, 'No documents.') : el('ul', { class: 'docs' }, docs.map((d) => el('li', null,
        el('a', { href: `#/doc/${seg(d.id)}`, class: 'doc-link' }, d.title || `document ${d.id}`),
        el('div', { class: 'muted' },
          `${fmtDate(d.published)}${d.site ? ` · ${d.site}` : ''}`,
          d.duplicate_of !== null && d.duplicate_of !== undefined
            ? [' · copy of ', el('a', { href: `#/doc/${seg(d.duplicate_of)}` }, `document ${d.duplicate_of}`)]
            : null,
          externalUrl(d.url) ? [' · ', externalLink(d.url, 'original')] : null))))));
  ctx.ready();
}
