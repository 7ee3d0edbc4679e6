// A confusion matrix of two coders as a table whose cells are shaded by their count (set through the
// CSSOM, which the content security policy allows): agreement on the diagonal in green and outlined,
// disagreement off it in a warm tone, never so dark that the count in dark text falls below 4.5:1 (WCAG AA).
// The table is its own text equivalent; its figure scrolls sideways, so it takes the focus (keyboard users scroll it).
import { h } from '../dom.js';

/**
 * labels: category labels (rows: the first coder, columns: the second), counts[c][k], format(n), and strings:
 * {caption, rows, columns, total, agreed}.
 */
export function confusionTable({ labels, counts, format, text }) {
  const max = Math.max(1, ...counts.flat());
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = labels.map((_, k) => counts.reduce((a, row) => a + row[k], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const agreed = counts.reduce((a, row, c) => a + row[c], 0);
  const head = h('tr', {}, h('th', { class: 'corner', scope: 'col' }, h('span', { text: text.rows }), h('span', { text: text.columns })),
    labels.map((l, k) => h('th', { scope: 'col', class: 'col-head', title: l },
      h('span', { 'aria-hidden': 'true', text: String(k + 1) }), h('span', { class: 'visually-hidden', text: l }))),
    h('th', { scope: 'col', class: 'total', text: text.total }));
  const body = counts.map((row, c) => h('tr', {},
    h('th', { scope: 'row', class: 'row-head' }, h('span', { class: 'index', 'aria-hidden': 'true', text: String(c + 1) }), ` ${labels[c]}`),
    row.map((v, k) => cell(v, max, c === k, format)),
    h('td', { class: 'total', text: format(rowTotals[c]) })));
  const foot = h('tr', {}, h('th', { scope: 'row', class: 'row-head total', text: text.total }),
    colTotals.map((v) => h('td', { class: 'total', text: format(v) })), h('td', { class: 'total grand', text: format(total) }));
  return h('figure', { class: 'matrix', tabindex: '0' },
    h('table', { class: 'heatmap' }, h('caption', { text: text.caption }), h('thead', {}, head), h('tbody', {}, body, foot)),
    h('p', { class: 'muted small', text: text.agreed(agreed, total) }));
}

function cell(v, max, diagonal, format) {
  const td = h('td', { class: diagonal ? 'cell diagonal' : 'cell', text: format(v) });
  if (v === 0) {
    td.classList.add('zero');
    return td;
  }
  const f = v / max;
  td.style.backgroundColor = diagonal ? `hsl(145 38% ${Math.round(96 - 44 * f)}%)` : `hsl(18 62% ${Math.round(96 - 40 * f)}%)`;
  return td;
}
