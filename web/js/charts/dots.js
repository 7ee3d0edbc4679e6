// Kappa per calibration, oldest first, as dots joined by a line, with the threshold as a dashed line.
// Built with DOM APIs; the run table beside it carries the same figures as text.
import { s } from './svg.js';

const W = 360, H = 160, PAD = { left: 36, right: 12, top: 10, bottom: 22 };

/** points: [{kappa (null: undefined), threshold, label}]; title: the accessible name. */
export function kappaChart(points, title) {
  const defined = points.map((p) => p.kappa).filter((k) => k !== null && k !== undefined);
  const low = Math.min(0, ...defined);
  const y = (v) => PAD.top + (1 - (v - low) / (1 - low)) * (H - PAD.top - PAD.bottom);
  const x = (i) => PAD.left + (points.length < 2 ? 0.5 : i / (points.length - 1)) * (W - PAD.left - PAD.right);
  const threshold = points.length ? points[points.length - 1].threshold : null;
  const dots = points.map((p, i) => (p.kappa === null || p.kappa === undefined ? null
    : s('circle', { class: `dot ${p.kappa >= p.threshold ? 'pass' : 'fail'}`, cx: x(i), cy: y(p.kappa), r: 4 }, s('title', { text: `${p.label}: κ = ${p.kappa.toFixed(3)}` }))));
  const path = points.map((p, i) => (p.kappa === null || p.kappa === undefined ? null : `${x(i)},${y(p.kappa)}`)).filter(Boolean).join(' ');
  return s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': title, class: 'kappa' },
    [low, 1].map((v) => [s('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'tick', x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end', text: v.toFixed(1) })]),
    threshold === null ? null : [s('line', { class: 'threshold', x1: PAD.left, x2: W - PAD.right, y1: y(threshold), y2: y(threshold) }),
      s('text', { class: 'tick', x: PAD.left - 4, y: y(threshold) + 4, 'text-anchor': 'end', text: threshold.toFixed(2) })],
    path ? s('polyline', { class: 'trend', points: path }) : null,
    dots);
}
