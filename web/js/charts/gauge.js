// Krippendorff's alpha on one line: the zones of his rule (below 0.667: no conclusions; up to 0.800:
// tentative ones; above: reliable), the estimate as a dot and its bootstrap 95% interval as a whisker.
import { s, spread, textWidth } from './svg.js';

const W = 480, H = 58, X0 = 12, X1 = W - 12, Y = 24, LINE = 13;

/** zones: three labels (low, tentative, reliable); format(v, digits). */
export function alphaGauge({ value, low, high, zones, format, title }) {
  const lo = Math.max(-1, Math.min(0, Math.floor(Math.min(value, low ?? value) * 5) / 5));
  const x = (v) => X0 + ((Math.max(lo, Math.min(1, v)) - lo) / (1 - lo)) * (X1 - X0);
  const marks = [lo, 0.667, 0.8, 1], labels = marks.map((v) => format(v, v === 0.667 || v === 0.8 ? 3 : 1));
  // From -1, 0.667 and 0.800 are close: their labels are pushed apart, or one goes a row up (and the gauge down).
  const placed = spread(marks.map(x), labels, 10.5, { first: 'start', last: 'end' });
  const up = placed.some((p) => p.row) ? LINE : 0, y = Y + up, height = H + up;
  const parts = marks.slice(0, -1).map((from, i) => [
    s('rect', { class: `zone band-${i}`, x: x(from), y: y - 10, width: x(marks[i + 1]) - x(from), height: 20 }),
    s('text', { class: 'zone-label', x: (x(from) + x(marks[i + 1])) / 2, y: height - 4, 'text-anchor': 'middle', text: x(marks[i + 1]) - x(from) > textWidth(zones[i], 10.5) + 4 ? zones[i] : '' }),
  ]);
  const ticks = marks.map((v, i) => s('text', { class: 'tick', x: x(v), y: 9 + up - placed[i].row * LINE, 'text-anchor': placed[i].anchor, text: labels[i] }));
  const whisker = low === null || low === undefined ? [] : [
    s('line', { class: 'whisker', x1: x(low), x2: x(high), y1: y, y2: y }),
    s('line', { class: 'whisker', x1: x(low), x2: x(low), y1: y - 6, y2: y + 6 }),
    s('line', { class: 'whisker', x1: x(high), x2: x(high), y1: y - 6, y2: y + 6 }),
  ];
  const svg = s('svg', { class: 'gauge', viewBox: `0 0 ${W} ${height}`, width: '100%', role: 'img', 'aria-label': title },
    parts, ticks, whisker, s('circle', { class: 'estimate', cx: x(value), cy: y, r: 6 }));
  svg.style.maxWidth = `${W * 1.25}px`;
  return svg;
}
