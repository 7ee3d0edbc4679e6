// A long list that draws only the rows in view, and a screen's worth above and below, each placed
// at its offset in a scroller whose height is the whole list's. Row heights start as estimates and
// are measured once a row is drawn; when a measurement moves rows, the scroll position is corrected
// so that the row the eye is on (the anchor) stays where it was. Drawn rows stay in list order in
// the DOM, and one row (the current one) is always drawn, wherever the list is scrolled.
const OVERSCAN_PX = 600;
const PASSES = 4;

export class VirtualList {
  /** heights: estimated height per row (px); build(i): a new element for row i; top, bottom: space before and after the rows (px). */
  constructor(scroller, heights, build, { top = 0, bottom = 0 } = {}) {
    this.el = scroller;
    this.build = build;
    this.top = top;
    this.bottom = bottom;
    this.n = heights.length;
    this.h = Float64Array.from(heights);
    this.known = new Uint8Array(this.n);
    this.tops = new Float64Array(this.n + 1);
    this.drawn = new Map();
    this.keep = -1;
    this.frame = 0;
    this.sum();
    scroller.addEventListener('scroll', () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
    });
  }

  row(i) {
    return this.drawn.get(i);
  }

  /** New estimates for rows not measured since (after a change of width, say): every row is measured again when drawn. */
  reset(heights, anchor) {
    this.h.set(heights);
    this.known.fill(0);
    this.sum();
    this.draw(anchor);
  }

  sum() {
    let y = 0;
    for (let i = 0; i < this.n; i++) {
      this.tops[i] = y;
      y += this.h[i];
    }
    this.tops[this.n] = y;
    this.el.style.setProperty('--extent', `${this.top + y + this.bottom}px`);
  }

  /** The row at offset y (px from the first row's top), clamped to the list. */
  indexAt(y) {
    let lo = 0, hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tops[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Draws the rows in view; anchor: the row to hold still on screen (default: the first one in view). */
  draw(anchor = null) {
    if (!this.n) return;
    const at = anchor ?? this.indexAt(this.el.scrollTop - this.top);
    for (let pass = 0; pass < PASSES; pass++) {
      const y = this.el.scrollTop - this.top;
      this.place(this.indexAt(y - OVERSCAN_PX), this.indexAt(y + this.el.clientHeight + OVERSCAN_PX));
      if (!this.measure(at)) break;
    }
  }

  /** Scrolls as little as needed to show row i whole, with margin px above and below where it fits. */
  reveal(i, margin = 0) {
    for (let pass = 0; pass < PASSES; pass++) {
      const top = this.top + this.tops[i], bottom = this.top + this.tops[i + 1];
      const now = this.el.scrollTop, height = this.el.clientHeight;
      const m = Math.max(0, Math.min(margin, (height - (bottom - top)) / 2));
      let to = now;
      if (top - m < now) to = top - m;
      else if (bottom + m > now + height) to = bottom + m - height;
      if (to !== now) this.el.scrollTop = to;
      const measured = this.known[i];
      this.draw(i);
      if (measured) break;
    }
  }

  /** Keeps rows from..to (and the kept row) drawn, in order, and no others. */
  place(from, to) {
    for (const [i, el] of this.drawn) {
      if ((i < from || i > to) && i !== this.keep) {
        el.remove();
        this.drawn.delete(i);
      }
    }
    const wanted = [];
    if (this.keep >= 0 && this.keep < from) wanted.push(this.keep);
    for (let i = from; i <= to; i++) wanted.push(i);
    if (this.keep > to && this.keep < this.n) wanted.push(this.keep);
    let next = this.el.firstElementChild;
    for (const i of wanted) {
      let el = this.drawn.get(i);
      if (el) {
        next = el.nextElementSibling;
        continue;
      }
      el = this.build(i);
      el.style.top = `${this.top + this.tops[i]}px`;
      this.el.insertBefore(el, next);
      this.drawn.set(i, el);
    }
  }

  /** Measures drawn rows not measured yet; true when that moved rows (then the anchor is held still). */
  measure(anchor) {
    const fresh = [];
    for (const [i, el] of this.drawn) if (!this.known[i]) fresh.push([i, el]);
    if (!fresh.length) return false;
    const onScreen = this.top + this.tops[anchor] - this.el.scrollTop;
    let moved = false;
    for (const [i, el] of fresh) {
      const height = el.getBoundingClientRect().height + 1; // fractions too: rounded heights would add up to gaps
      this.known[i] = 1;
      if (Math.abs(height - this.h[i]) > 0.5) {
        this.h[i] = height;
        moved = true;
      }
    }
    if (!moved) return false;
    this.sum();
    for (const [i, el] of this.drawn) el.style.top = `${this.top + this.tops[i]}px`;
    this.el.scrollTop = this.top + this.tops[anchor] - onScreen;
    return true;
  }
}
