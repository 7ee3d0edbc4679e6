// Krippendorff's alpha on one line: the zones of his rule (below 0.667: no conclusions; up to 0.800:
// tentative ones; above: reliable), the estimate as a dot and its bootstrap 95% interval as a whisker.
import { s, textWidth } from './svg.js';

const W = 480, H = 58, X0 = 12, X1 = W - 12, Y = 24;

/** zones: three labels (low, tentative, reliable); format(v, digits). */
export function alphaGauge({ value, low, high, zones, format, title }) {
  const lo = Math.max(-1, Math.min(0, Math.floor(Math.min(value, low ?? value) * 5) / 5));
  const x = (v) => X0 + ((Math.max(lo, Math.min(1, v)) - lo) / (1 - lo)) * (X1 - X0);
  const edges = [lo, 0.667, 0.8, 1];
  const parts = edges.slice(0, -1).map((from, i) => [
    s('rect', { class: `zone band-${i}`, x: x(from), y: Y - 10, width: x(edges[i + 1]) - x(from), height: 20 }),
    s('text', { class: 'zone-label', x: (x(from) + x(edges[i + 1])) / 2, y: H - 4, 'text-anchor': 'middle', text: x(edges[i + 1]) - x(from) > textWidth(zones[i], 10.5) + 4 ? zones[i] : '' }),
  ]);
  const ticks = [lo, 0.667, 0.8, 1].map((v) => s('text', { class: 'tick', x: x(v), y: 9, 'text-anchor': v === lo ? 'start' : v === 1 ? 'end' : 'middle', text: format(v, v === 0.667 ? 3 : v === 0.8 ? 3 : 1) }));
  const whisker = low === null || low === undefined ? [] : [
    s('line', { class: 'whisker', x1: x(low), x2: x(high), y1: Y, y2: Y }),
    s('line', { class: 'whisker', x1: x(low), x2: x(low), y1: Y - 6, y2: Y + 6 }),
    s('line', { class: 'whisker', x1: x(high), x2: x(high), y1: Y - 6, y2: Y + 6 }),
  ];
  const svg = s('svg', { class: 'gauge', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': title },
    parts, ticks, whisker, s('circle', { class: 'estimate', cx: x(value), cy: Y, r: 6 }));
  svg.style.maxWidth = `${W * 1.25}px`;
  return svg;
}
