// One event as a list item (the rows of /api/events, /api/relations' evidence, an actor's and a
// story's events): date, source → target with their codes explained, the CAMEO code explained,
// quad class, Goldstein score, the sentence, and the document it comes from.
import { el, fmtDate, goldsteinChip, quadChip, externalLink } from './dom.js';
import { actorHref, docHref, t } from './nav.js';
import { actorCodeEl, cameoEl } from './codes.js';

function side(code, name) {
  const label = name || code || '?';
  return [
    code ? el('a', { href: actorHref(code), class: 'actor-link' }, t(label)) : t(label),
    code ? [' ', actorCodeEl(code)] : null,
  ];
}

export function evidenceRow(ev, { showTitle = true } = {}) {
  return el('li', { class: 'evidence' },
    el('div', { class: 'ev-head' },
      el('span', { class: 'date' }, fmtDate(ev.date)),
      ' ',
      side(ev.source_actor, ev.source_name),
      ' → ',
      side(ev.target_actor, ev.target_name),
      ' ',
      cameoEl(ev.cameo, ev.plover),
      ' ',
      quadChip(ev.quad_class),
      ' ',
      goldsteinChip(ev.goldstein),
      Number(ev.negated) ? el('span', { class: 'flag' }, 'negated') : null,
      ev.via ? el('span', { class: 'muted' }, ` via ${ev.via}`) : null,
      Number(ev.reports) > 1 ? el('span', { class: 'muted' }, ` · ${ev.reports} reports`) : null),
    el('blockquote', { class: 'sentence' }, t(ev.sentence ?? '')),
    el('div', { class: 'ev-source' },
      el('a', { href: docHref(ev.document), class: 'doc-link' }, showTitle && ev.title ? t(ev.title) : `document ${ev.document}`),
      ' ',
      externalLink(ev.url)));
}
