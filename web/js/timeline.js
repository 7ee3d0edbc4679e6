// The timeline of a recording, on the recording screen and on the coding screen of a transcript with times: a window
// of the recording around the playhead, drawn on a canvas: the waveform (peaks from the server, when there are any),
// the units as blocks in the colour of their code (the first dimension that has one), the selected unit outlined, the
// playhead. A click seeks there; dragging a unit's start or end edge moves it (one move, sent when released); where
// two units touch, the boundary they share moves as one (the server moves both edges).
/** The waveform route's answer: {bucketMs, durationMs, peaks: Int8Array (min, max per bucket)}, or null. */
export function readPeaks(buf) {
  const v = new DataView(buf);
  if (buf.byteLength < 20 || String.fromCharCode(v.getUint8(0), v.getUint8(1), v.getUint8(2), v.getUint8(3)) !== 'SSWF') return null;
  const n = v.getInt32(16);
  return { bucketMs: v.getInt32(8), durationMs: v.getInt32(12), peaks: new Int8Array(buf, 20, 2 * n), n };
}

const WINDOW_MS = 30000;
const ROLE_EDGE = { professional: '#1f5f99', client: '#2b7648', other: '#77589a' };
/** How near (in pixels) the pointer must be to an edge to take it, and how far it moves before it is a drag. */
const GRAB_PX = 6;
const DRAG_PX = 3;
/** Dragged times are rounded to this (a pixel is some 30 ms of a 30 s window). */
const STEP_MS = 10;

const isSet = (v) => v !== null && v !== undefined;

/** A unit's block colour: the colour of its code in the first dimension it has one in (dims with byKey maps); grey while uncoded. */
export function codeColour(dims, codes) {
  for (const d of dims) {
    const code = codes[d.key] && d.byKey.get(codes[d.key]);
    if (code) return code.colour || '#24578a';
  }
  return '#b9b4a8';
}

export class Timeline {
  /**
   * colourOf(unit) gives the block's colour; onSeek(ms) when clicked; onMove(unit, 'start' | 'end', ms) when an edge
   * was dragged and released somewhere else (without onMove the edges do not move).
   */
  constructor(canvas, { colourOf, onSeek, onMove = null }) {
    this.canvas = canvas;
    this.colourOf = colourOf;
    this.onMove = onMove;
    this.peaks = null;
    this.durationMs = 0;
    this.units = [];
    this.selected = -1;
    this.at = 0;
    this.drag = null;
    this.dragged = false;
    canvas.addEventListener('click', (e) => {
      // The click that ends a drag is not a seek.
      if (this.dragged) { this.dragged = false; return; }
      onSeek(Math.round(this.msAt(e.clientX)));
    });
    if (onMove) {
      canvas.addEventListener('pointerdown', (e) => this.grab(e));
      canvas.addEventListener('pointermove', (e) => this.pull(e));
      canvas.addEventListener('pointerup', (e) => this.release(e));
      canvas.addEventListener('pointercancel', () => { this.drag = null; this.draw(); });
    }
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /** The time under a pointer's x. */
  msAt(clientX) {
    const r = this.canvas.getBoundingClientRect();
    const [from, to] = this.span();
    return from + ((clientX - r.left) / r.width) * (to - from);
  }

  /** Where a unit ends on the timeline: its end; else (imported with starts only) the next unit's start; else (the open last unit) the playhead. */
  endOf(i) {
    const u = this.units[i];
    if (isSet(u.endMs)) return u.endMs;
    const next = this.units[i + 1];
    return next && isSet(next.startMs) ? next.startMs : Math.max(u.startMs, this.at);
  }

  /** How far unit i may reach: its end; else the next unit's start; else the end of the recording. */
  farEnd(i) {
    const u = this.units[i], next = this.units[i + 1];
    if (isSet(u.endMs)) return u.endMs;
    return next && isSet(next.startMs) ? next.startMs : this.durationMs || Infinity;
  }

  /**
   * The edges near a pointer, nearest first, each {i, edge, ms, lo, hi}: where it is and how far it may go without
   * crossing a neighbour (a unit keeps at least STEP_MS). A boundary two units share moves as one, so it goes as far
   * as the far edge of either unit. An open end (the unit being made, or one that runs until the next starts) is no
   * edge of its own.
   */
  edgesNear(clientX) {
    const r = this.canvas.getBoundingClientRect();
    const [from, to] = this.span();
    const px = (ms) => r.left + ((ms - from) / (to - from)) * r.width;
    const end = this.durationMs || Infinity;
    const found = [];
    this.units.forEach((u, i) => {
      if (!isSet(u.startMs)) return;
      const prev = this.units[i - 1], next = this.units[i + 1];
      const nextStart = next && isSet(next.startMs) ? next.startMs : end;
      const sharedBefore = prev && isSet(prev.endMs) && prev.endMs === u.startMs;
      const sharedAfter = next && isSet(u.endMs) && u.endMs === next.startMs;
      const lo = !prev || !isSet(prev.startMs) ? 0 : isSet(prev.endMs) && !sharedBefore ? prev.endMs : prev.startMs + STEP_MS;
      const hi = (isSet(u.endMs) ? u.endMs : nextStart) - STEP_MS;
      found.push({ i, edge: 'start', ms: u.startMs, lo, hi });
      if (isSet(u.endMs)) found.push({ i, edge: 'end', ms: u.endMs, lo: u.startMs + STEP_MS, hi: sharedAfter ? this.farEnd(i + 1) - STEP_MS : nextStart });
    });
    return found.map((f) => ({ ...f, d: Math.abs(px(f.ms) - clientX) })).filter((f) => f.d <= GRAB_PX).sort((a, b) => a.d - b.d);
  }

  grab(e) {
    if (e.button !== 0) return;
    const near = this.edgesNear(e.clientX);
    if (!near.length) return;
    // Where two units touch, both edges are here; either one moves the shared boundary, within the same limits.
    this.drag = { x: e.clientX, edge: near[0], ms: near[0].ms, id: e.pointerId };
    this.canvas.setPointerCapture(e.pointerId);
    e.preventDefault();
  }

  pull(e) {
    const d = this.drag;
    if (!d) {
      this.canvas.style.cursor = this.onMove && this.edgesNear(e.clientX).length ? 'ew-resize' : '';
      return;
    }
    const dx = e.clientX - d.x;
    if (!d.moving && Math.abs(dx) < DRAG_PX) return;
    d.moving = true;
    const ms = Math.round(this.msAt(e.clientX) / STEP_MS) * STEP_MS;
    d.ms = Math.max(d.edge.lo, Math.min(d.edge.hi, ms));
    this.draw();
  }

  release(e) {
    const d = this.drag;
    if (!d) return;
    this.drag = null;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    if (!d.moving) return;
    this.dragged = true;
    // A click follows a release over the canvas; one released outside it has none to swallow.
    setTimeout(() => { this.dragged = false; }, 0);
    this.draw();
    if (d.ms !== d.edge.ms) this.onMove(this.units[d.edge.i], d.edge.edge, d.ms);
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
    c.dataset.from = String(Math.round(from));
    c.dataset.to = String(Math.round(to));
    c.dataset.at = String(Math.round(this.at));
    const x = (ms) => ((ms - from) / (to - from)) * w;
    const wave = hgt - 26;
    // While an edge is dragged, its unit is drawn where it would go.
    const moving = this.drag && this.drag.moving ? this.drag : null;
    const timesOf = (i) => {
      const start = this.units[i].startMs, end = this.endOf(i);
      if (!moving) return [start, end];
      const { i: at, edge, ms: was } = moving.edge;
      if (at === i) return edge === 'start' ? [moving.ms, end] : [start, moving.ms];
      // The neighbour that shares the boundary (or runs until the next unit starts) goes with it.
      if (at === i + 1 && edge === 'start' && end === was) return [start, moving.ms];
      if (at === i - 1 && edge === 'end' && start === was) return [moving.ms, end];
      return [start, end];
    };
    // Units: blocks along the bottom band, their colour faintly behind the waveform.
    this.units.forEach((u, i) => {
      if (!isSet(u.startMs)) return;
      const [start, end] = timesOf(i);
      if (end < from || start > to) return;
      const x0 = x(start), x1 = Math.max(x0 + 2, x(end));
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
    // The edge being dragged, with its time.
    if (moving) {
      const px = x(moving.ms), s = Math.floor(moving.ms / 1000);
      const label = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${Math.floor((moving.ms % 1000) / 100)}`;
      g.fillStyle = '#c99700';
      g.fillRect(Math.round(px) - 1, 0, 3, hgt);
      g.fillStyle = '#1d2126';
      g.font = '600 12px system-ui, sans-serif';
      const tw = g.measureText(label).width;
      g.fillText(label, Math.min(w - tw - 2, Math.max(2, px + 5)), 26);
    }
  }
}
