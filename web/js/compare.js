// Compare two groups of sessions (by a session field's value) on every measure: mean, SD and n per
// group, the difference with its 95% interval, Welch's t, df, p, Holm's p and Cohen's d; the reason
// where a figure is undefined.
import { get } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, t, tx } from './i18n.js';
import { refusalText } from './problems.js';
import { openProjectPage } from './header.js';
import { interval, num, int, sentence } from './format.js';

const projectId = Number(param('p'));
const READERS = ['admin', 'trainer', 'analyst'];
let fields = [];
/** Per field key, the values the sessions hold (and a category's allowed values). */
const seen = new Map();
let labels = new Map();
let result = null;

async function start() {
  const opened = await openProjectPage(projectId, 'cmp', READERS);
  if (!opened) return;
  const { project } = opened;
  $('#sessions-link').href = `sessions.html?p=${projectId}`;
  $('#sessions-link').hidden = false;
  const [list, transcripts, members, book] = await Promise.all([get(`/api/projects/${projectId}/fields`),
    get(`/api/projects/${projectId}/transcripts`), get(`/api/projects/${projectId}/members`),
    get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`).catch(() => null)]);
  fields = list.fields;
  labels = codebookLabels(book && book.codebook);
  const sessions = await Promise.all(transcripts.map((x) => get(`/api/transcripts/${x.id}/fields`)));
  for (const f of fields) {
    const values = new Set(f.allowed);
    sessions.forEach((s) => { if (s.values[f.key]) values.add(s.values[f.key]); });
    seen.set(f.key, [...values]);
  }
  $('#coder').replaceChildren(h('option', { value: '', 'data-i18n': 'cmp.meanOfCoders', text: t('cmp.meanOfCoders') }),
    ...members.filter((m) => String(m.role).toLowerCase() !== 'analyst').map((m) => h('option', { value: m.userId, text: m.name })));
  $('#compare').hidden = false;
  $('#no-fields').hidden = fields.length > 0;
  $('#compare-form').hidden = !fields.length;
  $('#field').replaceChildren(...fields.map((f) => h('option', { value: f.key, text: tx(f.label) || f.key })));
  $('#field').addEventListener('change', groups);
  $('#compare-form').addEventListener('submit', compute);
  $('#only-values').addEventListener('change', render);
  document.addEventListener('languagechange', () => {
    for (const o of $('#field').options) o.textContent = tx(fields.find((f) => f.key === o.value).label) || o.value;
    $('#coder').options[0].textContent = t('cmp.meanOfCoders');
    render();
  });
  groups();
  document.body.dataset.ready = 'true';
}

/** Code, composite and rating-scale labels of the codebook by key. */
function codebookLabels(book) {
  const out = new Map();
  if (!book) return out;
  for (const d of book.dimensions || []) for (const c of d.codes || []) out.set(`${d.key}.${c.key}`, c.label);
  for (const c of book.composites || []) out.set(c.key, c.label);
  for (const s of book.ratingScales || []) out.set(s.key, s.label);
  return out;
}

function groups() {
  const values = seen.get($('#field').value) || [];
  for (const [id, pick] of [['#a', 0], ['#b', 1]]) {
    $(id).replaceChildren(...values.map((v) => h('option', { value: v, text: v })));
    if (values[pick] !== undefined) $(id).value = values[pick];
  }
}

async function compute(e) {
  e.preventDefault();
  const status = $('#compare-status');
  const q = new URLSearchParams({ field: $('#field').value, a: $('#a').value, b: $('#b').value, alternative: $('#alternative').value });
  if ($('#coder').value) q.set('coder', $('#coder').value);
  status.dataset.state = 'running';
  status.textContent = t('cmp.computing');
  try {
    result = await get(`/api/projects/${projectId}/compare?${q}`);
    status.dataset.state = 'done';
    status.textContent = t('cmp.done', { a: result.a.transcripts.length, b: result.b.transcripts.length });
    render();
  } catch (err) {
    status.dataset.state = 'failed';
    status.textContent = t('common.loadFailed', { message: refusalText(err).text });
  }
}

function fieldLabel(key) {
  const f = fields.find((x) => x.key === key);
  return (f && tx(f.label)) || key;
}

function measureLabel(m) {
  const label = labels.get(m.key);
  const name = label ? `${tx(label)} (${m.key})` : m.key;
  return m.role ? `${name} · ${t('role.' + m.role)}` : name;
}

const dash = () => h('span', { class: 'dash', text: '–' });
const cellNum = (v, digits = 2) => h('td', { class: 'num' }, v === null || v === undefined ? dash() : num(v, digits));
const pValue = (p) => (p === null || p === undefined ? dash() : p < 0.001 ? '< ' + num(0.001, 3) : num(p, 3));

function group(g) {
  if (!g.n) return h('td', { class: 'num' }, dash(), h('span', { class: 'ci', text: `n = 0` }));
  return h('td', { class: 'num' }, num(g.mean, 2), h('span', { class: 'ci', text: `SD ${g.sd === null ? '–' : num(g.sd, 2)} · n = ${int(g.n)}${g.missing ? ` (${t('cmp.missing', { n: g.missing })})` : ''}` }));
}

function render() {
  if (!result) return;
  const only = $('#only-values').checked;
  const measures = result.measures.filter((m) => !only || (m.result.a.n > 0 && m.result.b.n > 0));
  const kinds = [...new Set(measures.map((m) => m.kind))];
  const body = [];
  for (const kind of kinds) {
    body.push(h('tr', { class: 'group' }, h('th', { colspan: 9, scope: 'colgroup', text: t('cmp.kind.' + kind) })));
    for (const m of measures.filter((x) => x.kind === kind)) {
      const r = m.result;
      const notes = [r.reason, r.effectReason !== r.reason ? r.effectReason : null].filter(Boolean).map(sentence).join(' ');
      body.push(h('tr', { class: 'measure', dataset: { key: m.key, kind: m.kind, role: m.role || '' } },
        h('th', { scope: 'row', text: measureLabel(m) }),
        group(r.a), group(r.b),
        h('td', { class: 'num' }, r.difference === null ? dash() : num(r.difference, 2),
          h('span', { class: 'ci', text: ci(r) })),
        cellNum(r.t, 2), cellNum(r.df, 1),
        h('td', { class: 'num' }, pValue(r.p), h('span', { class: 'ci', text: m.pHolm === null ? '' : `Holm ${pValue(m.pHolm)}` })),
        cellNum(r.cohenD, 2),
        h('td', { class: 'line', text: notes })));
    }
  }
  const cols = ['cmp.measure', null, null, 'cmp.difference', 't', 'df', 'p', 'd', 'cmp.note'];
  const head = h('tr', {}, cols.map((k, i) => h('th', { scope: 'col', class: i > 0 && i < 8 ? 'num' : null,
    text: i === 1 ? t('cmp.groupNamed', { name: result.a.value }) : i === 2 ? t('cmp.groupNamed', { name: result.b.value })
      : k.includes('.') ? t(k) : k })));
  $('#result').replaceChildren(
    h('p', { class: 'meta', text: t('cmp.meta', { field: fieldLabel(result.field), a: result.a.value, na: result.a.transcripts.length,
      b: result.b.value, nb: result.b.transcripts.length, alternative: t('cmp.alt.' + result.alternative) }) }),
    measures.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'numbers compare-table' },
      h('caption', { text: t('cmp.caption') }), h('thead', {}, head), h('tbody', {}, body)))
      : h('p', { class: 'muted', text: t('cmp.noMeasures') }));
}

function ci(r) {
  if (r.ciLower === null && r.ciUpper === null) return '';
  const lo = r.ciLower === null ? '−∞' : num(r.ciLower, 2);
  const hi = r.ciUpper === null ? '∞' : num(r.ciUpper, 2);
  return r.ciLower !== null && r.ciUpper !== null ? `95% ${interval(r.ciLower, r.ciUpper, 2)}` : `95% [${lo}, ${hi}]`;
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
