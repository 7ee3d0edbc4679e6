// A codebook as a person reads it: dimensions with their codes (hotkey, label, key, speaker roles,
// definition, examples), composites and rating scales (items, range, anchors). Used by the codebooks
// page (whole) and by New project (compact: no definitions, examples or anchors).
import { h } from './dom.js';
import { t, tx } from './i18n.js';

/** A square in the code's colour (set through the CSS object model, which the page's CSP allows). */
function swatch(colour) {
  const el = h('span', { class: 'code-swatch', 'aria-hidden': 'true' });
  if (colour) el.style.background = colour;
  return el;
}

const roles = (list) => (list && list.length ? list.map((r) => t('role.' + r)).join(', ') : t('cb.allRoles'));

function codeRows(dimension, compact) {
  return dimension.codes.map((c) => h('tr', {},
    h('td', { class: 'hotkey' }, c.hotkey ? h('kbd', { text: c.hotkey }) : h('span', { class: 'dash', text: '–' })),
    h('th', { scope: 'row' }, swatch(c.colour), tx(c.label)),
    h('td', {}, h('code', { text: c.key })),
    h('td', { text: roles(c.roles) }),
    compact ? null : h('td', { class: 'cb-definition' },
      c.definition ? h('p', { text: tx(c.definition) }) : h('p', { class: 'muted', text: t('coding.noDefinition') }),
      c.examples && c.examples.length
        ? h('ul', { class: 'examples' }, c.examples.map((e) => h('li', { text: tx(e) }))) : null)));
}

function dimensionView(d, compact) {
  const heads = ['cb.hotkey', 'cb.label', 'cb.key', 'cb.roles'].concat(compact ? [] : ['cb.definition']);
  return h('section', { class: 'cb-dimension' },
    h('h3', {}, tx(d.label), ' ', h('code', { class: 'muted', text: d.key }),
      h('span', { class: 'muted small', text: ` · ${t('cb.codeCount', { n: d.codes.length })}` })),
    !compact && d.description ? h('p', { class: 'small', text: tx(d.description) }) : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'numbers cb-codes' },
      h('caption', { class: 'visually-hidden', text: tx(d.label) }),
      h('thead', {}, h('tr', {}, heads.map((k) => h('th', { scope: 'col', class: k === 'cb.hotkey' ? 'hotkey' : null, text: t(k) })))),
      h('tbody', {}, codeRows(d, compact)))));
}

function scaleView(s, compact) {
  return h('section', { class: 'cb-scale' },
    h('h3', {}, tx(s.label), ' ', h('code', { class: 'muted', text: s.key }),
      h('span', { class: 'muted small', text: ` · ${t('cb.rates', { role: t('role.' + (s.rated || 'other')) })}` })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'numbers cb-items' },
      h('caption', { class: 'visually-hidden', text: tx(s.label) }),
      h('thead', {}, h('tr', {}, ['cb.item', 'cb.range'].concat(compact ? [] : ['cb.anchors']).map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, s.items.map((i) => h('tr', {},
        h('th', { scope: 'row' }, tx(i.label), i.definition && !compact ? h('span', { class: 'ci', text: tx(i.definition) }) : null),
        h('td', { class: 'num', text: `${i.min}–${i.max}` }),
        compact ? null : h('td', { class: 'small', text: (i.anchors || []).map((a) => `${a.value} = ${tx(a.label)}`).join(' · ') })))))));
}

/** The whole codebook (or, compact, what New project previews); DOM built with h(), never HTML. */
export function codebookView(book, compact = false) {
  const composites = book.composites || [];
  return h('div', { class: 'codebook-view' },
    h('p', { class: 'small muted', text: t('cb.summary', {
      dimensions: book.dimensions.length, codes: book.dimensions.reduce((n, d) => n + d.codes.length, 0),
      scales: (book.ratingScales || []).length, composites: composites.length }) }),
    book.dimensions.map((d) => dimensionView(d, compact)),
    !compact && composites.length ? h('section', { class: 'cb-composites' },
      h('h3', { text: t('cb.composites') }),
      h('ul', {}, composites.map((c) => h('li', {}, h('strong', { text: tx(c.label) }), ' ', h('code', { class: 'muted', text: c.key }),
        c.description ? h('span', { class: 'small', text: ` – ${tx(c.description)}` }) : null)))) : null,
    (book.ratingScales || []).map((s) => scaleView(s, compact)));
}
