// The recording screen's timeline: a window of the recording around the playhead, drawn on a canvas: the
// waveform (peaks from the server, when there are any), the units as blocks in the colour of their code
// (the first dimension that has one), the selected unit outlined, the playhead. A click seeks there.

/** The waveform route's answer: {bucketMs, durationMs, peaks: Int8Array (min, max per bucket)}, or null. */
export function readPeaks(buf) {
  const v = new DataView(buf);
  if (buf.byteLength < 20 || String.fromCharCode(v.getUint8(0), v.getUint8(1), v.getUint8(2), v.getUint8(3)) !== 'SSWF') return null;
  const n = v.getInt32(16);
  return { bucketMs: v.getInt32(8), durationMs: v.getInt32(12), peaks: new Int8Array(buf, 20, 2 * n), n };
}

const WINDOW_MS = 30000;
const ROLE_EDGE = { professional: '#1f5f99', client: '#2b7648', other: '#77589a' };

export class Timeline {
  /** colourOf(unit) gives the block's colour; onSeek(ms) when clicked. */
  constructor(canvas, { colourOf, onSeek }) {
    this.canvas = canvas;
    this.colourOf = colourOf;
    this.peaks = null;
    this.durationMs = 0;
    this.units = [];
    this.selected = -1;
    this.at = 0;
    canvas.addEventListener('click', (e) => {
      const r = canvas.getBoundingClientRect();
      const [from, to] = this.span();
      onSeek(Math.round(from + ((e.clientX - r.left) / r.width) * (to - from)));
    });
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /** The window shown: 30 s (or the whole recording when shorter), the playhead a third in. */
  span() {
    const length = Math.min(WINDOW_MS, Math.max(1000, this.durationMs || WINDOW_MS));
    const from = Math.max(0, Math.min(this.at - length / 3, (this.durationMs || length) - length));
    return [from, from + length];
  }

  draw() {
    const c = this.canvas, dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, c.clientWidth), hgt = Math.max(1, c.clientHeight);
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(hgt * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(hgt * dpr);
    }
    const g = c.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, hgt);
    const [from, to] = this.span();
    const x = (ms) => ((ms - from) / (to - from)) * w;
    const wave = hgt - 26;
    // Units: blocks along the bottom band, their colour faintly behind the waveform.
    this.units.forEach((u, i) => {
      const end = u.endMs === null || u.endMs === undefined ? Math.max(u.startMs, this.at) : u.endMs;
      if (end < from || u.startMs > to) return;
      const x0 = x(u.startMs), x1 = Math.max(x0 + 2, x(end));
      const colour = this.colourOf(u);
      g.globalAlpha = 0.16;
      g.fillStyle = colour;
      g.fillRect(x0, 0, x1 - x0, wave);
      g.globalAlpha = 1;
      g.fillRect(x0, wave + 4, x1 - x0, 18);
      g.fillStyle = ROLE_EDGE[u.speakerRole] || '#575e68';
      g.fillRect(x0, wave + 4, 3, 18);
      if (i === this.selected) {
        g.strokeStyle = '#c99700';
        g.lineWidth = 3;
        g.strokeRect(x0 + 1.5, 1.5, x1 - x0 - 3, hgt - 3);
      }
      g.strokeStyle = '#1d2126';
      g.lineWidth = 1;
      g.beginPath();
      g.moveTo(Math.round(x0) + 0.5, 0);
      g.lineTo(Math.round(x0) + 0.5, hgt);
      g.stroke();
    });
    // The waveform: per pixel column the lowest and highest peak of its buckets.
    if (this.peaks) {
      const { bucketMs, peaks, n } = this.peaks;
      const mid = wave / 2, scale = (wave / 2 - 2) / 128;
      g.fillStyle = '#5d6672';
      for (let px = 0; px < w; px++) {
        const b0 = Math.floor((from + ((to - from) * px) / w) / bucketMs);
        const b1 = Math.max(b0 + 1, Math.floor((from + ((to - from) * (px + 1)) / w) / bucketMs));
        let lo = 0, hi = 0;
        for (let b = Math.max(0, b0); b < Math.min(n, b1); b++) {
          lo = Math.min(lo, peaks[2 * b]);
          hi = Math.max(hi, peaks[2 * b + 1]);
        }
        g.fillRect(px, mid - hi * scale, 1, Math.max(1, (hi - lo) * scale));
      }
    } else {
      g.fillStyle = '#dcd8cf';
      g.fillRect(0, wave / 2, w, 1);
    }
    // Seconds along the top.
    g.fillStyle = '#575e68';
    g.font = '11px system-ui, sans-serif';
    for (let s = Math.ceil(from / 5000) * 5; s * 1000 <= to; s += 5) {
      const px = x(s * 1000);
      g.fillRect(px, 0, 1, 5);
      g.fillText(`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`, px + 3, 12);
    }
    // The playhead.
    g.fillStyle = '#c0392b';
    g.fillRect(Math.round(x(this.at)) - 1, 0, 2, hgt);
  }
}
