// The transcript as a list of units. Only the rows in view are drawn (VirtualList), so a 10,000-unit
// session opens as fast as a short one; a row is built when it scrolls into view and touched again
// only when it changes (a code set, the highlight moved). Screen readers hear each row's place in
// the whole list (aria-posinset of aria-setsize), and the current row is always drawn, so the
// list's aria-activedescendant always names a row that exists.
import { h, clock } from './dom.js';
import { t, tx } from './i18n.js';
import { VirtualList } from './virtual.js';

/** Space kept above and below the current row when the list scrolls to it (the old scroll-margin). */
const MARGIN_REM = 5;

export class TranscriptView {
  constructor(list, units, dimensions, onPick) {
    this.list = list;
    this.units = units;
    this.dimensions = dimensions;
    this.current = -1;
    this.dimension = 0;
    this.rows = null;
    list.addEventListener('click', (e) => {
      const row = e.target.closest('.unit');
      if (row) onPick(Number(row.dataset.index));
    });
  }

  /** Sets the list up; rows are drawn by setCurrent (the first place is known only then). */
  render() {
    this.list.style.setProperty('--dims', String(this.dimensions.length));
    this.list.classList.toggle('no-times', !this.units.some((u) => u.startMs !== null && u.startMs !== undefined));
    const style = getComputedStyle(this.list);
    this.margin = MARGIN_REM * parseFloat(getComputedStyle(document.documentElement).fontSize);
    this.rows = new VirtualList(this.list, this.estimates(), (i) => this.build(i),
      { top: parseFloat(style.paddingTop), bottom: parseFloat(style.paddingBottom) });
    this.width = this.list.clientWidth;
    // A new width rewraps every row; a new height (the roles notice above the list, say) only shows more or fewer.
    new ResizeObserver(() => {
      if (this.list.clientWidth === this.width) return this.rows.draw(Math.max(0, this.current));
      this.width = this.list.clientWidth;
      this.rows.reset(this.estimates(), Math.max(0, this.current));
    }).observe(this.list);
  }

  build(i) {
    const u = this.units[i];
    const pills = this.dimensions.map((d, di) => h('span', { class: 'pill', dataset: { dim: di } }));
    const row = h('li', {
      class: `unit role-${u.speakerRole}${i === this.current ? ' current' : ''}`, id: `u-${u.id}`, role: 'option',
      'aria-selected': String(i === this.current), 'aria-posinset': i + 1, 'aria-setsize': this.units.length, dataset: { index: i },
    },
    h('span', { class: 'seq', text: u.seq }),
    h('span', { class: 'time', text: clock(u.startMs) }),
    h('span', { class: 'speaker', title: t('role.' + u.speakerRole), text: u.speakerLabel }),
    h('span', { class: 'text', text: u.text }),
    h('span', { class: 'codes-cell' }, h('span', { class: 'codes-box' }, pills)));
    row.pills = pills;
    this.fill(row, u);
    return row;
  }

  /**
   * Each row's height guessed from its text's length, with the sizes of one row built and measured
   * off screen (font, column width, line height); a row drawn is measured, so a guess only places
   * rows not yet seen (and sizes the scroll bar).
   */
  estimates() {
    if (!this.units.length) return [];
    const sample = this.build(0);
    sample.style.visibility = 'hidden';
    this.list.append(sample);
    const text = sample.querySelector('.text');
    const line = parseFloat(getComputedStyle(text).lineHeight);
    const column = Math.max(1, text.clientWidth);
    const box = getComputedStyle(sample);
    const pad = parseFloat(box.paddingTop) + parseFloat(box.paddingBottom);
    const cell = sample.querySelector('.codes-cell');
    const codes = cell.offsetHeight + parseFloat(getComputedStyle(cell).marginTop);
    const height = (lines) => pad + Math.max(lines * line, codes);
    // What baseline alignment adds, learnt from the sample.
    const slack = Math.max(0, sample.offsetHeight - height(Math.max(1, Math.round(text.offsetHeight / line))));
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = getComputedStyle(text).font;
    const some = this.units.slice(0, 200).map((u) => u.text).join(' ');
    const perChar = some.length ? ctx.measureText(some).width / some.length : 8;
    sample.remove();
    // Words wrap whole, so a line holds a little less than the column's width.
    const perLine = Math.max(1, (column * 0.92) / perChar);
    return this.units.map((u) => {
      const lines = u.text.includes('\n')
        ? u.text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0)
        : Math.max(1, Math.ceil(u.text.length / perLine));
      return height(lines) + slack + 1;
    });
  }

  fill(row, unit) {
    this.dimensions.forEach((d, di) => {
      const key = unit.codes[d.key];
      const pill = row.pills[di];
      const code = key ? d.byKey.get(key) : null;
      pill.textContent = code ? tx(code.label) : key || '·';
      pill.title = `${tx(d.label)}: ${code ? tx(code.label) : t('coding.uncoded')}`;
      pill.classList.toggle('empty', !key);
      pill.classList.toggle('on', di === this.dimension);
      if (code && code.colour) pill.style.setProperty('--code-colour', code.colour);
      else pill.style.removeProperty('--code-colour');
    });
  }

  /** Unit i changed (its codes, or its start): repainted when drawn; otherwise it is built right when it scrolls into view. */
  update(index) {
    const row = this.rows && this.rows.row(index);
    if (!row) return;
    this.fill(row, this.units[index]);
    row.querySelector('.time').textContent = clock(this.units[index].startMs);
  }

  refreshAll() {
    for (const [i, row] of this.rows.drawn) this.fill(row, this.units[i]);
  }

  setDimension(di) {
    this.dimension = di;
    if (!this.rows) return;
    for (const row of this.rows.drawn.values()) row.pills.forEach((p, i) => p.classList.toggle('on', i === di));
  }

  setCurrent(index, { scroll = true } = {}) {
    const old = this.rows.row(this.current);
    if (old) {
      old.classList.remove('current');
      old.setAttribute('aria-selected', 'false');
    }
    this.current = index;
    this.rows.keep = index;
    if (scroll) this.rows.reveal(index, this.margin);
    else this.rows.draw();
    const row = this.rows.row(index);
    if (!row) return;
    row.classList.add('current');
    row.setAttribute('aria-selected', 'true');
    this.list.setAttribute('aria-activedescendant', row.id);
  }

  /** The speaker's role as a tooltip and the codes' labels, after the language changed. */
  relabel() {
    for (const [i, row] of this.rows.drawn) row.querySelector('.speaker').title = t('role.' + this.units[i].speakerRole);
    this.refreshAll();
  }
}
