// The reliability page's "Unitizing agreement": for recordings that coders unitized independently (each in
// their own copy, project setting 'unitizing: independent'), alpha_U of the segmentation and per dimension,
// per category, and the coding agreement on the units two coders matched; first alpha_U pooled over the recordings. Texts are the page's own (nl, en);
// data go in as text only.
import { h } from './dom.js';
import { t, tx } from './i18n.js';
import { Notes, figure, int, num, sentence } from './format.js';
import { coefName } from './reldimension.js';

/** The section, or null when the project has no recording unitized by coders independently. */
export function unitizingSection(data) {
  if (!data || !data.recordings || !data.recordings.length) return null;
  return h('section', { class: 'panel unitizing', id: 'unitizing' },
    h('h2', { text: t('rel.unitizing.title') }),
    h('p', { class: 'muted', text: t('rel.unitizing.intro') }),
    h('p', { class: 'small source', text: t('rel.unitizing.source') }),
    pooled(data.pooled),
    ...data.recordings.map(recording),
    h('p', { class: 'muted small match-rule', text: t('rel.unitizing.matchRule') }));
}

function seconds(ms) {
  return ms === null || ms === undefined ? '?' : num(ms / 1000, 1);
}

function recording(r) {
  const coders = r.copies.map((c) => t('rel.unitizing.coderUnits', { coder: c.coder, units: int(c.units) })).join(', ');
  const head = [h('h3', { text: r.transcript }),
    h('p', { class: 'muted meta', text: t('rel.unitizing.recordingMeta', { seconds: seconds(r.durationMs), coders }) })];
  if (r.reason) return h('div', { class: 'block', dataset: { recording: r.transcriptId } }, ...head, h('p', { class: 'muted', text: sentence(r.reason) }));
  return h('div', { class: 'block', dataset: { recording: r.transcriptId } }, ...head, alphaTable(r), ...r.dimensions.map(categories), matchedTable(r));
}

/** αU over the recordings laid end to end (shown when two or more recordings are pooled). */
function pooled(p) {
  if (!p || !p.transcriptIds || p.transcriptIds.length < 2) return null;
  const head = [h('h3', { text: t('rel.unitizing.pooledTitle') }),
    h('p', { class: 'muted meta', text: t('rel.unitizing.pooledMeta', { n: int(p.transcriptIds.length), seconds: seconds(p.lengthMs), coders: p.coders.join(', ') }) }),
    p.leftOut.length ? h('p', { class: 'muted small left-out', text: t('rel.unitizing.pooledLeftOut', { coders: p.leftOut.join(', ') }) }) : null];
  if (p.reason) return h('div', { class: 'block pooled', id: 'unitizing-pooled' }, ...head, h('p', { class: 'muted', text: sentence(p.reason) }));
  return h('div', { class: 'block pooled', id: 'unitizing-pooled' }, ...head, alphaTable(p));
}

/** αU of the segmentation and of each dimension (of one recording, or pooled). */
function alphaTable(r) {
  const notes = new Notes();
  const row = (label, a, key) => h('tr', { dataset: { key } },
    h('th', { scope: 'row', text: label }),
    figure(notes, a.alpha, a.reason),
    h('td', { class: 'num', text: int(a.units) }),
    h('td', { class: 'num', text: int(a.uncoded) }));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'numbers compact unitizing-alpha' },
      h('caption', { text: t('rel.unitizing.alphaCaption') }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('rel.unitizing.what') }), h('th', { scope: 'col', class: 'num', text: 'αU' }),
        h('th', { scope: 'col', class: 'num', text: t('rel.unitizing.units') }), h('th', { scope: 'col', class: 'num', text: t('rel.unitizing.uncoded') }))),
      h('tbody', {}, row(t('rel.unitizing.segmentation'), r.segmentation, 'segmentation'),
        ...r.dimensions.map((d) => row(tx(d.label), d.unitizing, d.dimension)))),
    notes.render());
}

/** One dimension's αU per category, with the observed and expected disagreement. */
function categories(d) {
  const list = d.unitizing.perCategory;
  if (!list.length) return null;
  const notes = new Notes();
  return h('details', { class: 'per-category', dataset: { dimension: d.dimension } },
    h('summary', { text: t('rel.unitizing.perCategory', { dimension: tx(d.label) }) }),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'numbers compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('rel.category') }), h('th', { scope: 'col', class: 'num', text: 'αU' }),
          h('th', { scope: 'col', class: 'num', text: t('rel.unitizing.observed') }), h('th', { scope: 'col', class: 'num', text: t('rel.unitizing.expected') }))),
        h('tbody', {}, list.map((c) => h('tr', { dataset: { category: c.category } }, h('th', { scope: 'row', text: tx(c.label) }),
          figure(notes, c.alpha, c.reason), figure(notes, c.observedDisagreement, null, { digits: 5 }),
          figure(notes, c.expectedDisagreement, null, { digits: 5 }))))),
      notes.render()));
}

/** The coding agreement on matched units: per dimension and pair of coders. */
function matchedTable(r) {
  const notes = new Notes();
  const keys = ['percent_agreement', 'cohen_kappa', 'krippendorff_alpha'];
  const rows = r.dimensions.flatMap((d) => d.matched.map((m) => h('tr', { dataset: { dimension: d.dimension } },
    h('th', { scope: 'row', text: tx(d.label) }),
    h('td', { text: `${m.coderA} – ${m.coderB}` }),
    h('td', { class: 'num', text: int(m.matched) }),
    h('td', { class: 'num', text: `${int(m.unmatchedA)} / ${int(m.unmatchedB)}` }),
    ...keys.map((k) => {
      const c = m.coefficients.find((x) => x.key === k);
      return figure(notes, c ? c.value : null, c ? c.reason : m.reason);
    }))));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'numbers compact unitizing-matched' },
      h('caption', { text: t('rel.unitizing.matchedCaption') }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('rel.unitizing.dimension') }), h('th', { scope: 'col', text: t('rel.unitizing.pair') }),
        h('th', { scope: 'col', class: 'num', text: t('rel.unitizing.matched') }), h('th', { scope: 'col', class: 'num', text: t('rel.unitizing.unmatched') }),
        ...keys.map((k) => h('th', { scope: 'col', class: 'num', text: coefName({ key: k, name: k }) })))),
      h('tbody', {}, rows)),
    notes.render());
}
