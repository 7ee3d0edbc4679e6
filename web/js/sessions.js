// Session data: the project's fields (admins define them), a value per transcript and field (admins
// edit inline; trainers and analysts read), and an import from CSV or xlsx that is all or nothing.
import { api, get, postForm } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, t, tx } from './i18n.js';
import { refusalText } from './problems.js';
import { openProjectPage } from './header.js';

const projectId = Number(param('p'));
const READERS = ['admin', 'trainer', 'analyst'];
const TYPES = ['text', 'number', 'date', 'category'];
let admin = false;
let fields = [];
/** Field rows being edited: {key, nl, en, type, allowed} as typed. */
let drafts = [];
let sessions = [];
/** The project's questionnaire: {codebookKey, version, scales:[{items:[{key,label,min,max,anchors}]}]}, or none. */
let questionnaire = null;
/** The codebooks a questionnaire can be chosen from (their keys). */
let questionnaireKeys = [];

async function start() {
  const opened = await openProjectPage(projectId, 'ses', READERS);
  if (!opened) return;
  const { role } = opened;
  admin = role === 'admin';
  $('#compare-link').href = `compare.html?p=${projectId}`;
  $('#compare-link').hidden = false;
  $('#fields-actions').hidden = !admin;
  $('#import').hidden = !admin;
  $('#fields-help').hidden = !admin;
  $('#values-help').hidden = !admin;
  $('#questionnaire-actions').hidden = !admin;
  $('#questionnaire-save').addEventListener('click', saveQuestionnaire);
  $('#add-field').addEventListener('click', addField);
  $('#save-fields').addEventListener('click', saveFields);
  $('#import-form').addEventListener('submit', importFile);
  await load();
  $('#sessions').hidden = false;
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

async function load() {
  const [list, transcripts, q, books] = await Promise.all([get(`/api/projects/${projectId}/fields`),
    get(`/api/projects/${projectId}/transcripts`), get(`/api/projects/${projectId}/questionnaire`), get('/api/codebooks')]);
  questionnaire = q && q.codebookKey ? q : null;
  questionnaireKeys = [...new Set(books.map((b) => b.key))];
  fields = list.fields;
  drafts = fields.map((f) => ({ key: f.key, nl: f.label.nl || '', en: f.label.en || '', type: f.type, allowed: f.allowed.join(', ') }));
  sessions = await Promise.all(transcripts.map((x) => get(`/api/transcripts/${x.id}/fields`)));
  render();
}

function render() {
  renderQuestionnaireChoice(questionnaireKeys);
  renderFields();
  renderValues();
}

/** Every item of the questionnaire, in scale order; the values table gets a column for each. */
const items = () => (questionnaire ? questionnaire.scales.flatMap((sc) => sc.items) : []);

function renderQuestionnaireChoice(keys) {
  $('#questionnaire-current').textContent = questionnaire
    ? t('ses.questionnaireIs', { key: questionnaire.codebookKey, version: questionnaire.version, items: items().length })
    : t('ses.questionnaireNone');
  // A redraw (another language) keeps a choice not saved yet.
  const chosen = $('#questionnaire-key').value || (questionnaire && questionnaire.codebookKey);
  $('#questionnaire-key').replaceChildren(...keys.map((k) => h('option', { value: k, selected: k === chosen, text: k })));
}

async function saveQuestionnaire() {
  const status = $('#questionnaire-status');
  try {
    await api('PUT', `/api/projects/${projectId}/questionnaire`, { codebookKey: $('#questionnaire-key').value });
    say(status, 'done', t('ses.questionnaireSaved'));
    await load();
  } catch (e) {
    say(status, 'failed', t('ses.notSaved', { message: refusalText(e).text }));
  }
}

function renderFields() {
  if (!admin) {
    if (!fields.length) return $('#fields').replaceChildren(h('p', { class: 'muted', text: t('ses.noFields') }));
    return $('#fields').replaceChildren(h('table', { class: 'numbers' },
      h('thead', {}, h('tr', {}, ['ses.key', 'ses.label', 'ses.type', 'ses.allowed'].map((k) => h('th', { scope: 'col', text: t(k) })))),
      h('tbody', {}, fields.map((f) => h('tr', {}, h('th', { scope: 'row' }, h('code', { text: f.key })), h('td', { text: tx(f.label) }),
        h('td', { text: t('ses.type.' + f.type) }), h('td', { text: f.allowed.join(', ') }))))));
  }
  if (!drafts.length) return $('#fields').replaceChildren(h('p', { class: 'muted', text: t('ses.noFieldsYet') }));
  const input = (d, i, prop, label, attrs = {}) => h('input', { type: 'text', value: d[prop], 'aria-label': `${label} ${i + 1}`,
    dataset: { prop }, oninput: (e) => { d[prop] = e.target.value; }, ...attrs });
  const rows = drafts.map((d, i) => h('tr', { class: 'field-row' },
    h('td', {}, input(d, i, 'key', t('ses.key'), { class: 'key', spellcheck: 'false' })),
    h('td', {}, input(d, i, 'nl', t('ses.labelNl'))),
    h('td', {}, input(d, i, 'en', t('ses.labelEn'))),
    h('td', {}, h('select', { 'aria-label': `${t('ses.type')} ${i + 1}`, dataset: { prop: 'type' },
      onchange: (e) => { d.type = e.target.value; renderFields(); } },
    TYPES.map((k) => h('option', { value: k, selected: d.type === k, text: t('ses.type.' + k) })))),
    h('td', {}, d.type === 'category' ? input(d, i, 'allowed', t('ses.allowed'), { placeholder: t('ses.allowedExample') }) : null),
    h('td', {}, h('button', { type: 'button', class: 'quiet small', text: t('ses.remove'), 'aria-label': `${t('ses.remove')} ${d.key || i + 1}`,
      onclick: () => { drafts.splice(i, 1); renderFields(); } }))));
  $('#fields').replaceChildren(h('table', { class: 'numbers fields-table' },
    h('thead', {}, h('tr', {}, ['ses.key', 'ses.labelNl', 'ses.labelEn', 'ses.type', 'ses.allowed'].map((k) => h('th', { scope: 'col', text: t(k) })),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('ses.remove') })))),
    h('tbody', {}, rows)));
}

function addField() {
  drafts.push({ key: '', nl: '', en: '', type: 'text', allowed: '' });
  renderFields();
  const keys = document.querySelectorAll('#fields input.key');
  keys[keys.length - 1].focus();
}

async function saveFields() {
  const status = $('#fields-status');
  const body = { fields: drafts.map((d) => ({ key: d.key.trim(), label: { nl: d.nl.trim(), en: d.en.trim() }, type: d.type,
    allowed: d.type === 'category' ? d.allowed.split(',').map((s) => s.trim()).filter(Boolean) : [] })) };
  try {
    await api('PUT', `/api/projects/${projectId}/fields`, body);
    await load();
    say(status, 'done', t('ses.fieldsSaved', { n: fields.length }));
  } catch (e) {
    say(status, 'failed', t('ses.notSaved', { message: refusalText(e).text }));
  }
}

function say(el, state, text) {
  el.dataset.state = state;
  el.textContent = text;
}

function renderValues() {
  if (!sessions.length) return $('#values').replaceChildren(h('p', { class: 'muted', text: t('ses.noTranscripts') }));
  if (!fields.length && !items().length) return $('#values').replaceChildren(h('p', { class: 'muted', text: t('ses.noFields') }));
  const head = h('tr', {}, h('th', { scope: 'col', text: t('ses.transcript') }), fields.map((f) => h('th', { scope: 'col', text: tx(f.label) || f.key })),
    items().map((i) => h('th', { scope: 'col', class: 'item', title: tx(i.label), text: i.key })));
  const rows = sessions.map((s) => h('tr', { dataset: { transcript: s.transcript } }, h('th', { scope: 'row', text: s.transcript }),
    fields.map((f) => h('td', {}, admin ? cell(s, f) : h('span', { text: s.values[f.key] || '' }))),
    items().map((i) => h('td', {}, admin ? responseCell(s, i) : h('span', { text: response(s, i) })))));
  $('#values').replaceChildren(h('table', { class: 'numbers values-table' },
    h('caption', { class: 'visually-hidden', text: t('ses.values') }), h('thead', {}, head), h('tbody', {}, rows)));
}

/** An editor for one value, saved on change; refused values are marked and said. */
function cell(s, f) {
  const value = s.values[f.key] || '';
  const label = `${tx(f.label) || f.key}, ${s.transcript}`;
  const attrs = { 'aria-label': label, dataset: { field: f.key }, onchange: (e) => saveValue(s, f, e.target) };
  if (f.type === 'category') {
    return h('select', attrs, h('option', { value: '', text: '' }),
      f.allowed.map((v) => h('option', { value: v, selected: v === value, text: v })));
  }
  return h('input', { ...attrs, type: f.type === 'date' ? 'date' : 'text', inputmode: f.type === 'number' ? 'decimal' : null, value });
}

const response = (s, i) => (s.responses && s.responses[i.key] !== undefined && s.responses[i.key] !== null ? String(s.responses[i.key]) : '');

/** A questionnaire answer: one of the item's points, labelled with its anchor where it has one. */
function responseCell(s, i) {
  const anchor = (v) => (i.anchors || []).find((a) => a.value === v);
  const points = [];
  for (let v = i.min; v <= i.max; v++) points.push(v);
  return h('select', { 'aria-label': `${tx(i.label)}, ${s.transcript}`, dataset: { item: i.key }, onchange: (e) => saveResponse(s, i, e.target) },
    h('option', { value: '', text: '' }),
    points.map((v) => h('option', { value: String(v), selected: response(s, i) === String(v), text: anchor(v) ? `${v} · ${tx(anchor(v).label)}` : String(v) })));
}

async function saveResponse(s, i, el) {
  const status = $('#values-status');
  try {
    const saved = await api('PUT', `/api/transcripts/${s.transcriptId}/fields`, { responses: { [i.key]: el.value === '' ? null : Number(el.value) } });
    s.responses = saved.responses;
    el.removeAttribute('aria-invalid');
    say(status, 'done', t('ses.valueSaved', { field: tx(i.label), transcript: s.transcript }));
  } catch (e) {
    el.setAttribute('aria-invalid', 'true');
    say(status, 'failed', t('ses.notSaved', { message: refusalText(e).text }));
  }
}

async function saveValue(s, f, el) {
  const status = $('#values-status');
  try {
    const saved = await api('PUT', `/api/transcripts/${s.transcriptId}/fields`, { values: { [f.key]: el.value } });
    s.values = saved.values;
    el.value = saved.values[f.key] || '';
    el.removeAttribute('aria-invalid');
    say(status, 'done', t('ses.valueSaved', { field: tx(f.label) || f.key, transcript: s.transcript }));
  } catch (e) {
    el.setAttribute('aria-invalid', 'true');
    say(status, 'failed', t('ses.notSaved', { message: refusalText(e).text }));
  }
}

async function importFile(e) {
  e.preventDefault();
  const out = $('#import-result');
  const file = $('#import-file').files[0];
  if (!file) return;
  const form = new FormData();
  form.append('file', file, file.name);
  out.replaceChildren(h('p', { class: 'muted small', text: t('common.loading') }));
  try {
    const data = await postForm(`/api/projects/${projectId}/fields/import`, form);
    out.replaceChildren(h('p', { class: 'ok-text', text: t('ses.imported', { rows: data.rows, values: data.values, responses: data.responses }) }));
    await load();
  } catch (err) {
    const refusal = refusalText(err);
    const problems = refusal.problems;
    out.replaceChildren(h('div', { class: 'error', role: 'alert' },
      h('p', { text: problems.length ? t('ses.refusedFile', { n: problems.length }) : t('ses.importFailed', { message: refusal.text }) }),
      problems.length ? h('ul', { class: 'problems' }, problems.map((p) => h('li', { dataset: { row: p.row },
        text: p.column ? t('ses.problem', { row: p.row, column: p.column, message: p.text }) : t('ses.problemRow', { row: p.row, message: p.text }) }))) : null));
    out.scrollIntoView({ block: 'nearest' });
  }
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
