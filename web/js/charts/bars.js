// Horizontal bars, one per category, on a scale up to 1 with benchmark lines (e.g. Krippendorff's
// 0.667 and 0.800, or Landis & Koch's 0.40, 0.60 and 0.80). Negative values are drawn left of zero.
// The figure is an image for sighted readers; its numbers are in the table it names (describedBy).
import { h } from '../dom.js';
import { s, fit, spread, textWidth } from './svg.js';

const W = 480, ROW = 26, BAR = 14, TOP = 24, BOTTOM = 24, VALUE = 52, FONT = 12, SMALL = 10.5, LINE = 13;

/**
 * rows: [{label, value|null}]; thresholds: [{at, label}] ascending; format(v) the value text;
 * missing: the text for an undefined value; title, legend: strings; describedBy: id of the table.
 */
export function barChart({ title, rows, thresholds, format, missing, legend, describedBy }) {
  const values = rows.map((r) => r.value).filter((v) => v !== null && v !== undefined);
  const lo = Math.max(-1, Math.min(0, Math.floor(Math.min(...values, 0) * 5) / 5));
  const labelW = Math.min(170, Math.max(60, ...rows.map((r) => textWidth(r.label, FONT) + 10)));
  const x0 = labelW + 8, x1 = W - VALUE;
  const x = (v) => x0 + ((Math.max(lo, Math.min(1, v)) - lo) / (1 - lo)) * (x1 - x0);
  // Marks close together (0.667 and 0.800 on a scale from -1) get their labels pushed apart, or a row up.
  const placed = spread(thresholds.map((th) => x(th.at)), thresholds.map((th) => th.label), SMALL);
  const top = TOP + (placed.some((p) => p.row) ? LINE : 0);
  const height = top + rows.length * ROW + BOTTOM;
  const band = (v) => thresholds.filter((th) => v >= th.at).length;

  const edges = [lo, ...thresholds.map((th) => th.at), 1];
  const zones = edges.slice(0, -1).map((from, i) => s('rect', {
    class: `zone band-${i}`, x: x(from), y: top - 4, width: x(edges[i + 1]) - x(from), height: rows.length * ROW + 8,
  }));
  const ticks = [];
  for (let v = lo; v <= 1.0001; v += 0.2) {
    const at = Math.round(v * 10) / 10 || 0; // never "-0.0"
    ticks.push(s('line', { class: at === 0 ? 'zero' : 'grid', x1: x(at), x2: x(at), y1: top - 4, y2: height - BOTTOM + 4 }),
      s('text', { class: 'tick', x: x(at), y: height - 6, 'text-anchor': 'middle', text: format(at, 1) }));
  }
  const lines = thresholds.map((th, i) => s('g', { class: 'threshold' },
    s('line', { x1: x(th.at), x2: x(th.at), y1: top - 6, y2: height - BOTTOM + 4 }),
    s('text', { x: x(th.at), y: top - 10 - placed[i].row * LINE, 'text-anchor': placed[i].anchor, text: th.label })));
  const bars = rows.map((r, i) => {
    const y = top + i * ROW + (ROW - BAR) / 2, mid = top + i * ROW + ROW / 2 + 4;
    const name = s('text', { class: 'label', x: labelW, y: mid, 'text-anchor': 'end', text: fit(r.label, labelW - 4, FONT) });
    if (r.value === null || r.value === undefined) {
      return s('g', { class: 'row undefined' }, s('title', { text: `${r.label}: ${missing}` }), name,
        s('text', { class: 'missing', x: x(0) + 6, y: mid, text: missing }));
    }
    const left = x(Math.min(0, r.value)), right = x(Math.max(0, r.value));
    return s('g', { class: 'row' }, s('title', { text: `${r.label}: ${format(r.value, 3)}` }), name,
      s('rect', { class: `bar band-${band(r.value)}`, x: left, y, width: Math.max(1, right - left), height: BAR, rx: 2 }),
      s('text', { class: 'value', x: r.value < 0 ? x(0) + 6 : right + 6, y: mid, text: format(r.value, 3) }));
  });
  const id = `chart-${Math.random().toString(36).slice(2, 9)}`;
  const svg = s('svg', {
    class: 'bars', viewBox: `0 0 ${W} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${id}-title`,
    'aria-describedby': describedBy, preserveAspectRatio: 'xMinYMin meet',
  }, s('title', { id: `${id}-title`, text: title }), zones, ticks, lines, bars);
  svg.style.maxWidth = `${W * 1.25}px`;
  return h('figure', { class: 'chart' }, h('figcaption', { class: 'chart-title', text: title }), svg,
    legend ? h('p', { class: 'legend' }, legend) : null);
}
