// One transcript's preview on the import page: its files (format and why, encoding, columns or
// tiers to choose), the refusal if any, the speakers with counts and roles to confirm, the first
// units with times, and every warning. Built with h(), never as HTML.
import { clock, h } from './dom.js';
import { errorText, problemText, t } from './i18n.js';

const ROLES = ['professional', 'client', 'other'];
const ENCODINGS = ['', 'windows-1252', 'ISO-8859-1', 'ISO-8859-15'];

/** A place in a file ("line 12", "tier KM") in the page's language: its coded form, else the English text. */
function placeText(place, english) {
  return place ? problemText(place) : english;
}

/** A file's refusal in the page's language: the problem and its place from their codes (English when a code is unknown). */
function refusalText(refusal) {
  const location = placeText(refusal.place, refusal.location);
  const where = location ? `, ${location}` : '';
  return errorText({ code: refusal.status === 413 ? 'transcript.tooManyUnits' : 'transcript.unreadableFile', message: refusal.message,
    params: { file: refusal.file, where, problem: refusal.said ? problemText(refusal.said) : refusal.problem } });
}

/**
 * A server error in the page's language; a refused transcript file (its details carry the reader's coded problem
 * and place) says the problem in the page's language too.
 */
export function importErrorText(error) {
  const d = error && error.details;
  if (!d || !d.said) return errorText(error);
  const location = placeText(d.place, d.location);
  return errorText({ code: error.code, message: errorText(error),
    params: { ...error.params, where: location ? `, ${location}` : '', problem: problemText(d.said) } });
}

export function renderPreview(p, state, on) {
  return h('section', { class: 'panel preview', dataset: { name: p.name } },
    h('h2', { text: p.files.length > 1 ? t('imp.merged', { name: p.name, n: p.files.length }) : p.name }),
    p.files.map((f) => fileBlock(f, state, on)),
    p.error ? h('p', { class: 'error refusal', role: 'alert', text: refusalText(p.error) }) : null,
    p.error ? null : speakers(p, state, on),
    p.error ? null : units(p),
    warnings(p.warnings));
}

function fileBlock(f, state, on) {
  const read = state.read[f.file] || {};
  return h('div', { class: 'file-head', dataset: { file: f.file } },
    h('p', { class: 'why' }, h('strong', { text: f.file }), ' · ', t('imp.recognised', { format: t('imp.format.' + f.format), why: f.recognised ? problemText(f.recognised) : f.recognisedBy })),
    encoding(f, read, on), columns(f, on), tiers(f, on));
}

function encoding(f, read, on) {
  const e = f.encoding;
  if (!e || (!e.guessed && e.name === 'UTF-8' && !read.encoding) || e.bom) return null;
  const chosen = read.encoding || (e.guessed ? e.name : '');
  return h('div', { class: 'choices' }, h('label', {}, h('span', { text: t('imp.encoding') }),
    h('select', { class: 'encoding', onchange: (ev) => { on.read(f.file).encoding = ev.target.value; on.changed(); } },
      ENCODINGS.map((x) => h('option', { value: x, selected: x === chosen, text: x ? x : t('imp.encodingUtf8') })))),
  e.guessed ? h('span', { class: 'small muted', text: t('imp.encodingGuessed', { name: e.name }) }) : null);
}

function columns(f, on) {
  const c = f.columns;
  if (!c) return null;
  const options = (allowNone) => [allowNone ? h('option', { value: '', text: t('imp.none') }) : h('option', { value: '', text: t('imp.choose') }),
    ...c.names.map((n, i) => h('option', { value: String(i + 1), text: c.header ? `${i + 1}: ${n}` : t('imp.columnN', { n: i + 1 }) }))];
  const pick = (role) => {
    const select = h('select', { class: 'column', dataset: { role }, 'aria-label': t('imp.column.' + role),
      onchange: () => {
        const r = on.read(f.file);
        r.columns = {};
        for (const s of select.closest('.choices').querySelectorAll('select.column')) r.columns[s.dataset.role] = s.value;
        on.changed();
      } }, options(role === 'start' || role === 'end'));
    select.value = c[role] ? String(c[role]) : '';
    return h('label', {}, h('span', { text: t('imp.column.' + role) }), select);
  };
  return h('div', { class: 'choices columns' },
    h('label', {}, h('input', { type: 'checkbox', class: 'header', checked: c.header,
      onchange: (ev) => { on.read(f.file).header = ev.target.checked; on.changed(); } }), h('span', { text: t('imp.headerRow') })),
    ['speaker', 'text', 'start', 'end'].map(pick),
    c.timeUnit ? h('span', { class: 'small muted', text: t('imp.timeUnit.' + c.timeUnit) }) : null);
}

function tiers(f, on) {
  if (!f.tiers) return null;
  const update = (table) => {
    on.read(f.file).tiers = [...table.querySelectorAll('tbody tr')].map((tr) => ({ name: tr.dataset.tier,
      included: tr.querySelector('input.include').checked, speaker: tr.querySelector('input.tier-speaker').value.trim() }));
    on.changed();
  };
  const table = h('table', { class: 'numbers compact tiers' },
    h('caption', { text: t('imp.tiers') }),
    h('thead', {}, h('tr', {}, ['imp.tier.speech', 'imp.tier.name', 'imp.tier.speaker', 'imp.tier.annotations', 'imp.tier.why']
      .map((k) => h('th', { scope: 'col', text: t(k) })))),
    h('tbody', {}, f.tiers.map((x) => h('tr', { class: x.included ? '' : 'left-out', dataset: { tier: x.name } },
      h('td', {}, h('input', { type: 'checkbox', class: 'include', checked: x.included, 'aria-label': t('imp.tier.speechOf', { tier: x.name }),
        onchange: () => update(table) })),
      h('th', { scope: 'row' }, x.name, x.type ? h('span', { class: 'small muted', text: ` (${x.type})` }) : null),
      h('td', {}, h('input', { type: 'text', class: 'tier-speaker', value: x.speaker || '', 'aria-label': t('imp.tier.speakerOf', { tier: x.name }),
        onchange: () => update(table) })),
      h('td', { class: 'num', text: x.annotations }),
      h('td', { class: 'small', text: x.included ? '' : t('imp.leftOut', { why: x.why ? problemText(x.why) : x.reason || '' }) })))));
  return table;
}

function speakers(p, state, on) {
  if (!p.speakers.length) return null;
  const pseudo = p.speakers.some((s) => s.stored !== s.label);
  return h('div', {},
    h('table', { class: 'numbers compact speakers' },
      h('caption', { text: t('imp.speakers') }),
      h('thead', {}, h('tr', {}, ['imp.speaker', pseudo ? 'imp.storedAs' : null, 'imp.unitCount', 'imp.role', 'imp.roleSource']
        .filter(Boolean).map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, p.speakers.map((s) => h('tr', { class: 'role-' + s.role, dataset: { speaker: s.label } },
        h('th', { scope: 'row' }, h('span', { class: 'speaker-chip', text: s.label })),
        pseudo ? h('td', { text: s.stored }) : null,
        h('td', { class: 'num', text: s.units }),
        h('td', {}, h('select', { class: 'role', 'aria-label': t('imp.roleOf', { speaker: s.label }),
          onchange: (ev) => on.role(s.label, ev.target.value) },
        ROLES.map((r) => h('option', { value: r, selected: (state.roles[s.label] || s.role) === r, text: t('role.' + r) })))),
        h('td', { class: 'small', text: source(s) }))))),
    h('label', { class: 'confirm' }, h('input', { type: 'checkbox', class: 'confirm-roles', checked: !!state.confirmed[p.name],
      onchange: (ev) => on.confirm(p.name, ev.target.checked) }), h('span', { text: t('imp.confirmRoles') })));
}

function source(s) {
  if (s.source === 'given') return t('imp.source.given');
  if (s.source === 'unknown') return t('imp.source.unknown');
  return s.hint ? t('imp.source.hint', { hint: s.hint }) : t('imp.source.guessed');
}

function units(p) {
  if (!p.units.length) return null;
  const times = p.units.some((u) => u.startMs !== null);
  return h('table', { class: 'numbers units-preview' },
    h('caption', { text: t('imp.firstUnits', { shown: p.units.length, n: p.unitCount }) }),
    h('thead', {}, h('tr', {}, ['#', times ? t('imp.time') : null, t('imp.speaker'), t('imp.text')].filter(Boolean)
      .map((k) => h('th', { scope: 'col', text: k })))),
    h('tbody', {}, p.units.map((u) => h('tr', { class: 'role-' + u.role },
      h('td', { class: 'num', text: u.seq }),
      times ? h('td', { class: 'num', text: u.startMs === null ? '' : clock(u.startMs) + (u.endMs === null ? '' : '–' + clock(u.endMs)) }) : null,
      h('td', {}, h('span', { class: 'speaker-chip', text: u.speaker })),
      h('td', { class: 'unit-text', text: u.text })))));
}

function warnings(list) {
  if (!list || !list.length) return null;
  return h('div', {}, h('h3', { text: t('imp.warnings', { n: list.length }) }),
    h('ul', { class: 'warnings' }, list.map((w) => h('li', { dataset: { code: w.code } },
      h('span', { class: 'kind', text: t('imp.warning.' + w.code) + ' · ' }),
      w.location ? h('span', { class: 'where', text: placeText(w.place, w.location) + ': ' }) : null,
      h('span', { class: 'said', text: w.said ? problemText(w.said) : w.message })))));
}
