// A session profile as grouped horizontal bars: per code one bar per series (this session, earlier
// sessions, reference), on a common count axis. Its numbers are in the table beside it (describedBy).
import { s, fit, textWidth } from './svg.js';

const W = 520, BAR = 7, GAP = 8, TOP = 8, BOTTOM = 22, VALUE = 40, FONT = 12;

/** rows: [{label, values: [number|null per series]}]; series: [{label, cls}]; title: string. */
export function profileChart({ title, rows, series, describedBy }) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.filter((v) => v !== null && v !== undefined)));
  const labelW = Math.min(250, Math.max(60, ...rows.map((r) => textWidth(r.label, FONT) + 10)));
  const x0 = labelW + 8, x1 = W - VALUE;
  const step = max <= 5 ? 1 : Math.ceil(max / 5);
  // The axis ends at the first tick at or past the largest bar, never below it.
  const top = Math.ceil(max / step - 1e-9) * step;
  const x = (v) => x0 + (v / top) * (x1 - x0);
  const rowH = series.length * BAR + GAP;
  const height = TOP + rows.length * rowH + BOTTOM;
  const ticks = [];
  for (let v = 0; v <= top + 1e-9; v += step) {
    ticks.push(s('line', { class: v === 0 ? 'zero' : 'grid', x1: x(v), x2: x(v), y1: TOP, y2: height - BOTTOM }),
      s('text', { class: 'tick', x: x(v), y: height - 6, 'text-anchor': 'middle', text: String(v) }));
  }
  const groups = rows.map((r, i) => {
    const y = TOP + i * rowH;
    return s('g', { class: 'row' },
      s('text', { class: 'label', x: labelW, y: y + (series.length * BAR) / 2 + 4, 'text-anchor': 'end', text: fit(r.label, labelW - 4, FONT) }),
      r.values.map((v, k) => (v === null || v === undefined || v === 0 ? null : s('g', { class: `series ${series[k].cls}` },
        s('title', { text: `${r.label} · ${series[k].label}: ${round(v)}` }),
        s('rect', { x: x0, y: y + k * BAR, width: Math.max(0, x(v) - x0), height: BAR - 1 }),
        s('text', { class: 'value', x: x(v) + 3, y: y + k * BAR + BAR - 1, text: round(v) })))));
  });
  return s('svg', { class: 'chart profile-chart', viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-label': title, 'aria-describedby': describedBy },
    s('title', { text: title }), ticks, groups);
}

const round = (v) => String(Math.round(v * 10) / 10);
