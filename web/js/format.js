// Numbers and undefined figures on the reliability and export pages: fixed decimals in the interface
// language, a dash with a numbered note (never "NaN") where a figure is undefined.
import { h } from './dom.js';
import { language, t } from './i18n.js';

const formats = new Map();

/** v with `digits` decimals in the interface language ("0.712", "0,712"); '' for null. */
export function num(v, digits = 3) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const key = `${language()}/${digits}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(language(), { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return formats.get(key).format(v);
}

export const int = (n) => num(n, 0);

/** "[0.38, 0.73]" (English) or "[0,38; 0,73]" (Dutch), as the server's interpretation lines write intervals. */
export function interval(low, high, digits = 2) {
  if (low === null || low === undefined || high === null || high === undefined) return '';
  return `[${num(low, digits)}${language() === 'nl' ? '; ' : ', '}${num(high, digits)}]`;
}

export const percent = (v) => (v === null || v === undefined ? '' : `${num(100 * v, 0)}%`);

/**
 * The server's reasons are English sentences; the common ones are said in Dutch too. A reason this
 * table does not know is shown as the server wrote it.
 */
const REASONS = [
  [/^(.+) is for two coders and the data has (\d+)/, 'reason.twoCoders', (m) => ({ name: m[1], n: m[2] })],
  [/^(kappa|alpha) needs at least two coders; the data has (\d+)/, 'reason.atLeastTwo', (m) => ({ name: m[1], n: m[2] })],
  [/^the category was not used/, 'reason.categoryUnused', () => ({})],
  [/^the category was used for every/, 'reason.categoryEverywhere', () => ({})],
  [/^the category never shares a unit/, 'reason.categoryAlone', () => ({})],
  [/only one category/, 'reason.oneCategory', () => ({})],
  [/^chance agreement is 1/, 'reason.chanceOne', () => ({})],
  [/^the denominator is 0 \(all values are equal\)/, 'reason.allEqual', () => ({})],
  [/^Pearson's r needs (\d+) sessions valued by both coders; there are (\d+)/, 'reason.rSessions', (m) => ({ need: m[1], n: m[2] })],
  [/^(.+)'s value is the same in all (\d+) sessions/, 'reason.rConstant', (m) => ({ coder: m[1], n: m[2] })],
  [/^no chosen transcript was coded in this dimension/, 'reason.noDoubleCoded', () => ({})],
  [/^fewer than two coders unitized this recording/, 'reason.unitizedByOne', () => ({})],
  [/^no recording was unitized by two or more coders/, 'reason.noPooled', () => ({})],
  [/^fewer than two coders unitized every one of these recordings/, 'reason.fewPooledCoders', () => ({})],
  [/^the recording has no known duration/, 'reason.noDuration', () => ({})],
  [/^no unit of the one coder matches/, 'reason.noMatch', () => ({})],
  [/^neither coder coded a matched unit/, 'reason.matchedUncoded', () => ({})],
  [/^no coder marked a unit/, 'reason.noUnits', () => ({})],
  [/^the expected disagreement is 0/, 'reason.noExpectedDisagreement', () => ({})],
  [/^no chosen transcript has this (item|total) rated/, 'reason.notRated', () => ({})],
];

export function reason(text) {
  if (!text) return '';
  for (const [pattern, key, params] of REASONS) {
    const m = pattern.exec(text);
    if (m) return t(key, params(m));
  }
  return text;
}

/** A reason standing on its own: capital first, full stop at the end. */
export function sentence(text) {
  const s = reason(text);
  if (!s) return s;
  return s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
}

/** Collects the reasons of undefined figures in one table and numbers them; the table shows "—¹". */
export class Notes {
  constructor() {
    this.list = [];
  }

  /** A cell's content for an undefined figure: a dash and the note's number. */
  dash(why) {
    const text = sentence(why) || t('rel.undefined');
    let i = this.list.indexOf(text);
    if (i < 0) i = this.list.push(text) - 1;
    return [h('span', { class: 'dash', 'aria-hidden': 'true', text: '—' }), h('sup', { class: 'note-ref', text: String(i + 1) }),
      h('span', { class: 'visually-hidden', text: t('rel.undefinedNote', { n: i + 1 }) })];
  }

  /** The numbered notes under the table, or null when every figure was defined. */
  render() {
    if (!this.list.length) return null;
    return h('ol', { class: 'notes' }, this.list.map((text) => h('li', { text })));
  }
}

/** A dash for a figure whose reason is said beside it. */
export function plainDash() {
  return [h('span', { class: 'dash', 'aria-hidden': 'true', text: '—' }), h('span', { class: 'visually-hidden', text: t('rel.undefinedShort') })];
}

/** A table cell holding a figure (right-aligned, tabular) or its dash and note. */
export function figure(notes, value, why, { digits = 3, low, high } = {}) {
  if (value === null || value === undefined) return h('td', { class: 'num' }, notes.dash(why));
  return h('td', { class: 'num' }, num(value, digits),
    low !== undefined && low !== null ? h('span', { class: 'ci', text: interval(low, high) }) : null);
}
