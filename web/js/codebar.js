// The codebook beside the transcript: dimension tabs, the codes of the current dimension with
// hotkey and label, a definition panel (hover, search or the current code), and code search.
import { h, $, setChildren } from './dom.js';
import { t, tx } from './i18n.js';

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export class Codebar {
  constructor(dimensions, { onDimension, onPick }) {
    this.dimensions = dimensions;
    this.onDimension = onDimension;
    this.onPick = onPick;
    this.dimension = 0;
    this.role = null;
    this.currentCode = null;
    this.items = new Map();
    this.matches = [];
    this.selected = 0;
    this.search = $('#search');
    this.search.addEventListener('input', () => this.filter());
    this.search.addEventListener('keydown', (e) => this.searchKey(e));
  }

  render() {
    const tabs = $('#dimensions');
    tabs.hidden = this.dimensions.length < 2;
    tabs.replaceChildren(...this.dimensions.map((d, i) => h('button', {
      type: 'button', role: 'tab', class: 'tab', tabindex: '-1', 'aria-selected': String(i === this.dimension),
      onclick: () => { this.onDimension(i); $('#units').focus(); }, text: tx(d.label),
    })));
    const list = $('#codes');
    this.items.clear();
    const dim = this.dimensions[this.dimension];
    const groups = new Map((dim.groups || []).map((g) => [g.key, g]));
    const out = [];
    let group;
    for (const code of dim.codes) {
      if (code.group !== group) {
        group = code.group;
        if (group && groups.has(group)) out.push(h('li', { class: 'group', role: 'presentation', text: tx(groups.get(group).label) }));
      }
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      if (code.colour) swatch.style.setProperty('--code-colour', code.colour);
      const item = h('li', { class: 'code', dataset: { key: code.key } },
        h('kbd', { class: 'hotkey', text: code.hotkey || '' }), swatch,
        h('span', { class: 'label', text: tx(code.label) }));
      item.addEventListener('mouseenter', () => this.explain(code));
      item.addEventListener('mouseleave', () => this.explain(null));
      item.addEventListener('click', () => this.onPick(code));
      this.items.set(code.key, item);
      out.push(item);
    }
    list.replaceChildren(...out);
    this.mark(this.role, this.currentCode);
  }

  setDimension(i) {
    this.dimension = i;
    this.closeSearch();
    this.render();
  }

  /** Greys out codes that do not apply to this speaker role; marks the unit's current code. */
  mark(role, codeKey) {
    this.role = role;
    this.currentCode = codeKey;
    const dim = this.dimensions[this.dimension];
    for (const code of dim.codes) {
      const item = this.items.get(code.key);
      const applies = !code.roles || !code.roles.length || code.roles.includes(role);
      item.classList.toggle('na', !applies);
      item.classList.toggle('chosen', code.key === codeKey);
      item.title = applies ? '' : t('coding.notForRole', { roles: code.roles.map((r) => t('role.' + r)).join(', ') });
    }
    if (!this.hovering) this.explain(null);
  }

  explain(code, hovering = !!code) {
    this.hovering = hovering;
    const dim = this.dimensions[this.dimension];
    const shown = code || (this.currentCode && dim.byKey.get(this.currentCode)) || null;
    const panel = $('#definition');
    if (!shown) {
      panel.replaceChildren(h('p', { class: 'muted', text: tx(dim.description) || t('coding.definitionHint') }));
      return;
    }
    const examples = (shown.examples || []).map((ex) => h('li', { text: tx(ex) }));
    setChildren(panel,
      h('h3', {}, h('kbd', { text: shown.hotkey || '' }), ' ', tx(shown.label)),
      shown.definition ? h('p', { text: tx(shown.definition) }) : h('p', { class: 'muted', text: t('coding.noDefinition') }),
      examples.length ? h('p', { class: 'examples-title', text: t('coding.examples') }) : null,
      examples.length ? h('ul', { class: 'examples' }, examples) : null,
      shown.roles && shown.roles.length ? h('p', { class: 'muted', text: t('coding.forRoles', { roles: shown.roles.map((r) => t('role.' + r)).join(', ') }) }) : null);
  }

  openSearch() {
    $('#search-box').hidden = false;
    this.search.value = '';
    this.filter();
    this.search.focus();
  }

  closeSearch() {
    $('#search-box').hidden = true;
    this.search.value = '';
    for (const item of this.items.values()) item.hidden = false, item.classList.remove('selected');
    for (const g of document.querySelectorAll('#codes .group')) g.hidden = false;
  }

  filter() {
    const q = fold(this.search.value.trim());
    const dim = this.dimensions[this.dimension];
    this.matches = dim.codes.filter((c) => !q || fold(c.label.nl).includes(q) || fold(c.label.en).includes(q) || c.key.includes(q));
    const keep = new Set(this.matches.map((c) => c.key));
    for (const [key, item] of this.items) item.hidden = !keep.has(key);
    for (const g of document.querySelectorAll('#codes .group')) g.hidden = !!q;
    this.select(0);
  }

  select(i) {
    this.selected = Math.max(0, Math.min(i, this.matches.length - 1));
    for (const item of this.items.values()) item.classList.remove('selected');
    const code = this.matches[this.selected];
    if (code) {
      this.items.get(code.key).classList.add('selected');
      this.items.get(code.key).scrollIntoView({ block: 'nearest' });
    }
    this.explain(code || null, false);
  }

  searchKey(e) {
    if (e.key === 'ArrowDown') this.select(this.selected + 1);
    else if (e.key === 'ArrowUp') this.select(this.selected - 1);
    else if (e.key === 'Enter') {
      const code = this.matches[this.selected];
      if (code) {
        this.closeSearch();
        this.onPick(code, { fromSearch: true });
      }
    } else if (e.key === 'Escape') {
      this.closeSearch();
      this.onPick(null, { fromSearch: true });
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }
}
