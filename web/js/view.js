// The transcript as a list of units. Rows are built once; afterwards only the rows that change
// are touched (a code set, the highlight moved), so a 2,000-unit session stays quick.
import { h, clock } from './dom.js';
import { t, tx } from './i18n.js';

export class TranscriptView {
  constructor(list, units, dimensions, onPick) {
    this.list = list;
    this.units = units;
    this.dimensions = dimensions;
    this.rows = [];
    this.current = -1;
    this.dimension = 0;
    list.addEventListener('click', (e) => {
      const row = e.target.closest('.unit');
      if (row) onPick(Number(row.dataset.index));
    });
  }

  render() {
    const frag = document.createDocumentFragment();
    this.rows = this.units.map((u, i) => {
      const pills = this.dimensions.map((d, di) => h('span', { class: 'pill', dataset: { dim: di } }));
      const row = h('li', { class: `unit role-${u.speakerRole}`, id: `u-${u.id}`, role: 'option', 'aria-selected': 'false', dataset: { index: i } },
        h('span', { class: 'seq', text: u.seq }),
        h('span', { class: 'time', text: clock(u.startMs) }),
        h('span', { class: 'speaker', title: t('role.' + u.speakerRole), text: u.speakerLabel }),
        h('span', { class: 'text', text: u.text }),
        h('span', { class: 'codes-cell' }, h('span', { class: 'codes-box' }, pills)));
      row.pills = pills;
      this.fill(row, u);
      frag.append(row);
      return row;
    });
    this.list.style.setProperty('--dims', String(this.dimensions.length));
    this.list.replaceChildren(frag);
    this.list.classList.toggle('no-times', !this.units.some((u) => u.startMs !== null && u.startMs !== undefined));
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

  update(index) {
    this.fill(this.rows[index], this.units[index]);
  }

  refreshAll() {
    this.rows.forEach((row, i) => this.fill(row, this.units[i]));
  }

  setDimension(di) {
    this.dimension = di;
    for (const row of this.rows) row.pills.forEach((p, i) => p.classList.toggle('on', i === di));
  }

  setCurrent(index, { scroll = true } = {}) {
    const old = this.rows[this.current];
    if (old) {
      old.classList.remove('current');
      old.setAttribute('aria-selected', 'false');
    }
    this.current = index;
    const row = this.rows[index];
    if (!row) return;
    row.classList.add('current');
    row.setAttribute('aria-selected', 'true');
    this.list.setAttribute('aria-activedescendant', row.id);
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  }

  /** Marks the rows of a speaker label's role etc. after the language changed. */
  relabel() {
    this.rows.forEach((row, i) => {
      row.querySelector('.speaker').title = t('role.' + this.units[i].speakerRole);
    });
    this.refreshAll();
  }
}
