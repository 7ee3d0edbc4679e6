// SVG nodes built with DOM APIs (createElementNS): no markup is ever parsed.
const NS = 'http://www.w3.org/2000/svg';

/** s('rect', {x: 1, class: 'bar'}, child, 'text'): attributes set one by one; strings become text nodes. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A rough text width for the label column (system-ui at `size` px averages about 0.55 em). */
export const textWidth = (text, size) => [...String(text)].length * size * 0.55;

/** The text cut to fit `width` px, with an ellipsis. */
export function fit(text, width, size) {
  const chars = [...String(text)];
  const max = Math.floor(width / (size * 0.55));
  return chars.length <= max ? text : chars.slice(0, Math.max(1, max - 1)).join('') + '…';
}

/**
 * Places labels that belong to marks at xs (ascending) so that none overlaps another: centred on
 * its mark where there is room; where two would touch, the left one ends at its mark, and if that is
 * not enough the right one starts at its mark; where even that is too tight, the right one goes up a row. Returns
 * [{anchor: 'start'|'middle'|'end', row: 0|1}]; first and last may be pinned ('start', 'end').
 */
export function spread(xs, texts, size, { first = 'middle', last = 'middle', gap = 4 } = {}) {
  const w = texts.map((t) => textWidth(t, size));
  const out = xs.map((_, i) => ({ anchor: i === 0 ? first : i === xs.length - 1 ? last : 'middle', row: 0 }));
  const extent = (i) => {
    const { anchor } = out[i];
    const left = anchor === 'start' ? xs[i] : anchor === 'end' ? xs[i] - w[i] : xs[i] - w[i] / 2;
    return [left, left + w[i]];
  };
  const clash = (i, j) => out[i].row === out[j].row && extent(i)[1] + gap > extent(j)[0];
  for (let i = 1; i < xs.length; i++) {
    const before = [...Array(i).keys()].reverse().find((k) => out[k].row === 0);
    if (before === undefined || !clash(before, i)) continue;
    const was = { ...out[before] }, mine = { ...out[i] };
    if (out[before].anchor === 'middle' && !clashesLeft(before)) out[before].anchor = 'end';
    if (clash(before, i) && out[i].anchor === 'middle') out[i].anchor = 'start';
    if (clash(before, i)) {
      out[before] = was;
      out[i] = { ...mine, row: 1 };
    }
  }
  return out;

  function clashesLeft(k) {
    const saved = out[k].anchor;
    out[k].anchor = 'end';
    const bad = k > 0 && out[k - 1].row === 0 && clash(k - 1, k);
    out[k].anchor = saved;
    return bad;
  }
}
