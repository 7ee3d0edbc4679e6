// One dimension on the reliability page: alpha at a glance, every coefficient with its plain-language
// line, per-category bars, the confusion matrix of each pair of coders, and the figures per transcript.
import { h } from './dom.js';
import { language, t, tx } from './i18n.js';
import { Notes, figure, int, interval, num, percent, plainDash, reason, sentence } from './format.js';
import { barChart } from './charts/bars.js';
import { alphaGauge } from './charts/gauge.js';
import { confusionTable } from './charts/heatmap.js';

let tables = 0;
const nextId = (prefix) => `${prefix}-${++tables}`;

/** The server's line in the interface language; for an undefined figure, our own with the reason. */
export function line(c) {
  if (c.value === null || c.value === undefined) return t('rel.undefinedLine', { name: coefName(c), reason: reason(c.reason) });
  return (c.interpretation && c.interpretation[language()]) || '';
}

export function coefName(c) {
  const key = `coef.${c.key}`;
  const name = t(key);
  return name === key ? c.name : name;
}

export function dimensionSection(d) {
  const head = h('h2', { text: tx(d.label) });
  if (!d.result) return h('section', { class: 'panel dimension', dataset: { dimension: d.dimension } }, head, h('p', { class: 'muted', text: sentence(d.reason) }));
  const r = d.result;
  return h('section', { class: 'panel dimension', dataset: { dimension: d.dimension } }, head,
    h('p', { class: 'muted meta', text: t('rel.dimensionMeta', { units: int(r.units), transcripts: d.transcripts.length, coders: r.coders.join(', '), values: int(r.pairableValues) }) }),
    headline(r),
    coefficientTable(r),
    categories(r),
    confusion(r),
    perTranscript(d.perTranscript));
}

function headline(r) {
  const alpha = r.coefficients.find((c) => c.key === 'krippendorff_alpha');
  if (!alpha) return null;
  if (alpha.value === null) return h('div', { class: 'headline' }, h('p', { class: 'headline-line', text: line(alpha) }));
  const below = alpha.probabilityBelow || {};
  return h('div', { class: 'headline' },
    h('p', { class: 'headline-value' }, h('span', { class: 'symbol', text: 'α = ' }), h('strong', { class: 'alpha-value', text: num(alpha.value) }),
      alpha.ciLow !== null ? h('span', { class: 'ci-big', text: ` ${interval(alpha.ciLow, alpha.ciHigh, 3)}` }) : null),
    h('p', { class: 'headline-line alpha-line', text: line(alpha) }),
    alphaGauge({
      value: alpha.value, low: alpha.ciLow, high: alpha.ciHigh, format: num, title: t('rel.gaugeTitle'),
      zones: [t('rel.zoneLow'), t('rel.zoneTentative'), t('rel.zoneReliable')],
    }),
    alpha.ciLow !== null
      ? h('p', { class: 'muted small', text: t('rel.probabilityBelow', { p667: percent(below['0.667']), p800: percent(below['0.8']) }) })
      : h('p', { class: 'muted small', text: t('rel.noBootstrap') }));
}

function coefficientTable(r) {
  const rows = r.coefficients.map((c) => {
    const below = c.probabilityBelow || {};
    return h('tr', { dataset: { key: c.key } },
      h('th', { scope: 'row', text: coefName(c) }),
      c.value === null ? h('td', { class: 'num' }, plainDash()) : h('td', { class: 'num value', text: num(c.value) }),
      h('td', { class: 'num', text: c.ciLow !== null ? interval(c.ciLow, c.ciHigh, 3) : '' }),
      h('td', { class: 'num', text: below['0.667'] !== undefined ? percent(below['0.667']) : '' }),
      h('td', { class: 'num', text: below['0.8'] !== undefined ? percent(below['0.8']) : '' }),
      h('td', { class: 'line', text: line(c) }));
  });
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'numbers coefficients' },
      h('caption', { class: 'visually-hidden', text: t('rel.coefficients') }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('rel.coefficient') }), h('th', { scope: 'col', class: 'num', text: t('rel.value') }),
        h('th', { scope: 'col', class: 'num', text: t('rel.ci') }), h('th', { scope: 'col', class: 'num', text: t('rel.below667') }),
        h('th', { scope: 'col', class: 'num', text: t('rel.below800') }), h('th', { scope: 'col', text: t('rel.meaning') }))),
      h('tbody', {}, rows)));
}

function categories(r) {
  if (!r.categories.length) return h('p', { class: 'muted', text: sentence(r.notes.per_category) });
  const tableId = nextId('categories');
  const rows = (key) => r.categories.map((c) => ({ label: tx(c.label), value: c[key] }));
  const notes = new Notes();
  const table = h('table', { class: 'numbers compact', id: tableId },
    h('caption', { text: t('rel.perCategoryTable') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('rel.category') }), h('th', { scope: 'col', class: 'num', text: t('rel.specificAgreement') }),
      h('th', { scope: 'col', class: 'num', text: t('rel.kappaCategory') }), h('th', { scope: 'col', class: 'num', text: t('rel.alphaCategory') }))),
    h('tbody', {}, r.categories.map((c) => h('tr', { dataset: { category: c.category } }, h('th', { scope: 'row', text: tx(c.label) }),
      figure(notes, c.agreement, c.reasons.agreement), figure(notes, c.kappa, c.reasons.kappa), figure(notes, c.alpha, c.reasons.alpha)))));
  return h('div', { class: 'block' },
    h('h3', { text: t('rel.perCategory') }),
    h('div', { class: 'charts' },
      barChart({
        title: t('rel.alphaBars'), rows: rows('alpha'), format: num, missing: t('rel.undefinedShort'), describedBy: tableId,
        thresholds: [{ at: 0.667, label: num(0.667) }, { at: 0.8, label: num(0.8) }], legend: t('rel.alphaLegend'),
      }),
      barChart({
        title: t('rel.kappaBars'), rows: rows('kappa'), format: num, missing: t('rel.undefinedShort'), describedBy: tableId,
        thresholds: [{ at: 0.4, label: num(0.4, 2) }, { at: 0.6, label: num(0.6, 2) }, { at: 0.8, label: num(0.8, 2) }], legend: t('rel.kappaLegend'),
      })),
    h('div', { class: 'table-wrap' }, table, notes.render()));
}

function confusion(r) {
  if (!r.confusion.length) return null;
  const labels = new Map(r.categories.map((c) => [c.category, tx(c.label)]));
  return h('div', { class: 'block' },
    h('h3', { text: t('rel.confusion') }),
    h('p', { class: 'muted small', text: t('rel.confusionIntro') }),
    h('div', { class: 'matrices' }, r.confusion.map((m) => confusionTable({
      labels: m.categories.map((c) => labels.get(c) || c), counts: m.counts, format: int,
      text: {
        caption: t('rel.confusionCaption', { a: m.coderA, b: m.coderB }), rows: `${m.coderA} ↓`, columns: `${m.coderB} →`, total: t('rel.total'),
        agreed: (agreed, total) => t('rel.agreedOn', { agreed: int(agreed), total: int(total), percent: total ? percent(agreed / total) : '—' }),
      },
    }))));
}

function perTranscript(list) {
  if (!list || !list.length) return null;
  const notes = new Notes();
  const pick = (cs, key) => cs.find((c) => c.key === key);
  const rows = list.map((p) => {
    const kappa = p.coders.length === 2 ? pick(p.coefficients, 'cohen_kappa') : pick(p.coefficients, 'fleiss_kappa');
    const cells = [pick(p.coefficients, 'percent_agreement'), kappa, pick(p.coefficients, 'krippendorff_alpha'), pick(p.coefficients, 'gwet_ac1')];
    return h('tr', { dataset: { transcript: p.transcriptId } }, h('th', { scope: 'row', text: p.transcript }),
      h('td', { class: 'num', text: int(p.units) }), h('td', { text: p.coders.join(', ') }),
      cells.map((c) => figure(notes, c ? c.value : null, c ? c.reason : null)));
  });
  return h('div', { class: 'block' },
    h('h3', { text: t('rel.perTranscript') }),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'numbers compact per-transcript' },
        h('thead', {}, h('tr', {}, [t('rel.transcript'), t('rel.units'), t('rel.coders'), t('short.percent_agreement'), t('short.kappa'), t('short.krippendorff_alpha'), t('short.gwet_ac1')]
          .map((label, i) => h('th', { scope: 'col', class: i === 1 || i > 2 ? 'num' : null, text: label })))),
        h('tbody', {}, rows)),
      notes.render()),
    h('p', { class: 'muted small', text: t('rel.perTranscriptNote') }));
}
