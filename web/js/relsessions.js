// Session-level reliability on the reliability page: rating items and scale totals (units are
// transcripts), and RIAS-style reliability of per-session counts of each code and composite.
import { h } from './dom.js';
import { t, tx } from './i18n.js';
import { Notes, figure, int } from './format.js';
import { line } from './reldimension.js';

const RATING_COLUMNS = ['icc_2_1', 'icc_3_1', 'krippendorff_alpha_ordinal', 'krippendorff_alpha_interval', 'weighted_kappa_linear', 'weighted_kappa_quadratic', 'percent_agreement'];
const TOTAL_LINES = ['icc_2_1', 'krippendorff_alpha_interval', 'weighted_kappa_quadratic'];

/** codebook: the project's codebook (labels of scales, items, codes and composites). */
export function ratingsSection(ratings, codebook) {
  if (!ratings.length) return null;
  const byScale = new Map();
  for (const r of ratings) {
    if (!byScale.has(r.scale)) byScale.set(r.scale, []);
    byScale.get(r.scale).push(r);
  }
  return h('section', { class: 'panel ratings' },
    h('h2', { text: t('rel.ratings') }),
    h('p', { class: 'muted small', text: t('rel.ratingsIntro') }),
    [...byScale.entries()].map(([scale, rows]) => ratingTable(scale, rows, codebook)));
}

function ratingTable(scale, rows, codebook) {
  const notes = new Notes();
  const book = codebook && (codebook.ratingScales || []).find((s) => s.key === scale);
  const body = rows.map((r) => {
    const label = r.item === null ? t('rel.scaleTotal') : tx(r.label);
    const cells = RATING_COLUMNS.map((key) => {
      if (r.reason) return h('td', { class: 'num' }, notes.dash(r.reason));
      const c = r.coefficients.find((x) => x.key === key);
      return c ? figure(notes, c.value, c.reason, { low: c.ciLow, high: c.ciHigh }) : h('td');
    });
    return h('tr', { class: r.item === null ? 'total-row' : null, dataset: { item: r.item || '' } },
      h('th', { scope: 'row', text: label }), h('td', { class: 'num', text: int(r.units) }), cells);
  });
  const total = rows.find((r) => r.item === null && !r.reason);
  return h('div', { class: 'block' },
    h('h3', { text: book ? tx(book.label) : tx(rows[0].label) || scale }),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'numbers compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('rel.item') }), h('th', { scope: 'col', class: 'num', text: t('rel.sessions') }),
          RATING_COLUMNS.map((key) => h('th', { scope: 'col', class: 'num', text: t(`short.${key}`) })))),
        h('tbody', {}, body)),
      notes.render()),
    total ? h('p', { class: 'small muted lines-title', text: t('rel.totalLines') }) : null,
    total ? h('ul', { class: 'lines' }, TOTAL_LINES.map((key) => total.coefficients.find((c) => c.key === key)).filter(Boolean)
      .map((c) => h('li', { text: line(c) }))) : null);
}

export function frequenciesSection(list, codebook) {
  if (!list.length) return null;
  const pairs = [];
  for (const f of list) for (const p of f.pearson) if (!pairs.includes(`${p.coderA}–${p.coderB}`)) pairs.push(`${p.coderA}–${p.coderB}`);
  const shown = pairs.slice(0, 3);
  const notes = new Notes();
  const labels = codeLabels(codebook);
  const groups = new Map();
  for (const f of list) {
    const group = f.kind === 'composite' ? 'composite' : f.dimension;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(f);
  }
  const dimLabel = (key) => {
    const d = codebook && codebook.dimensions.find((x) => x.key === key);
    return d ? tx(d.label) : key;
  };
  const head = h('tr', {}, h('th', { scope: 'col', text: t('rel.code') }), h('th', { scope: 'col', text: t('rel.speaker') }),
    h('th', { scope: 'col', class: 'num', text: t('rel.sessions') }),
    shown.map((p) => h('th', { scope: 'col', class: 'num', text: t('rel.rPair', { pair: p }) })),
    pairs.length > shown.length ? h('th', { scope: 'col', class: 'num', text: t('rel.rMedian', { n: pairs.length }) }) : null,
    h('th', { scope: 'col', class: 'num', text: t('short.icc_2_1') }), h('th', { scope: 'col', class: 'num', text: t('short.icc_3_1') }));
  const bodies = [...groups.entries()].map(([group, rows]) => h('tbody', {},
    h('tr', { class: 'group' }, h('th', { scope: 'colgroup', colspan: 5 + shown.length + (pairs.length > shown.length ? 1 : 0),
      text: group === 'composite' ? t('rel.composites') : dimLabel(group) })),
    rows.map((f) => {
      const byPair = new Map(f.pearson.map((p) => [`${p.coderA}–${p.coderB}`, p]));
      const rs = f.pearson.map((p) => p.r).filter((r) => r !== null).sort((a, b) => a - b);
      const icc = (key) => f.icc.find((c) => c.key === key);
      return h('tr', { dataset: { kind: f.kind, key: f.key, role: f.role } },
        h('th', { scope: 'row', text: labels.get(f.kind === 'code' ? `code/${f.dimension}/${f.key}` : `composite/${f.key}`) || f.key }),
        h('td', { text: t(`role.${f.role}`) }), h('td', { class: 'num', text: int(f.sessions) }),
        shown.map((p) => {
          const c = byPair.get(p);
          return c ? figure(notes, c.r, c.reason) : h('td', { class: 'num', text: '' });
        }),
        pairs.length > shown.length ? figure(notes, rs.length ? rs[Math.floor(rs.length / 2)] : null, t('rel.noR')) : null,
        ...['icc_2_1', 'icc_3_1'].map((key) => {
          const c = icc(key);
          return figure(notes, c ? c.value : null, c ? c.reason : null, { low: c && c.ciLow, high: c && c.ciHigh });
        }));
    })));
  return h('section', { class: 'panel frequencies' },
    h('h2', { text: t('rel.frequencies') }),
    h('p', { class: 'muted small', text: t('rel.frequenciesIntro') }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'numbers compact' }, h('thead', {}, head), bodies), notes.render()));
}

function codeLabels(codebook) {
  const out = new Map();
  if (!codebook) return out;
  for (const d of codebook.dimensions) for (const c of d.codes) out.set(`code/${d.key}/${c.key}`, tx(c.label));
  for (const c of codebook.composites || []) out.set(`composite/${c.key}`, tx(c.label));
  return out;
}
