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
