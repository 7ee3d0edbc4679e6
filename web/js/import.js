// The import page: choose or drop files, see each previewed (nothing stored), adjust columns, tiers,
// encoding and roles, confirm the roles, then import all files in one all-or-nothing step.
import { postForm } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, t } from './i18n.js';
import { openProjectPage } from './header.js';
import { importErrorText, renderPreview } from './importview.js';

const projectId = Number(param('p'));
// roles: the roles the user chose; a preview shows the others as guessed, and an import sends every
// role the previews show, as the user confirmed them.
const state = { files: [], segment: 'turn', pseudonymise: 'none', merge: false, read: {}, roles: {}, confirmed: {}, previews: [] };
let timer = null;
let asked = 0;

async function start() {
  const opened = await openProjectPage(projectId, 'imp', ['admin', 'trainer']);
  $('#transcripts-crumb').href = `transcripts.html?p=${projectId}`;
  $('#qdpx-link').href = `qdpx.html?p=${projectId}`;
  if (!opened) return;
  $('#importer').hidden = false;
  const drop = $('#drop');
  $('#file-input').addEventListener('change', (e) => { addFiles(e.target.files); e.target.value = ''; });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); addFiles(e.dataTransfer.files); });
  for (const r of document.querySelectorAll('input[name=segment]')) r.addEventListener('change', () => { state.segment = r.value; refresh(); });
  $('#pseudonymise').addEventListener('change', (e) => { state.pseudonymise = e.target.value; refresh(); });
  $('#merge').addEventListener('change', (e) => { state.merge = e.target.checked; state.confirmed = {}; refresh(); });
  $('#import-button').addEventListener('click', importAll);
  document.addEventListener('languagechange', render);
  renderFiles();
  document.body.dataset.ready = 'true';
}

function addFiles(list) {
  for (const f of list) {
    if (state.files.some((x) => x.name === f.name)) continue;
    state.files.push(f);
  }
  renderFiles();
  refresh();
}

function removeFile(name) {
  state.files = state.files.filter((f) => f.name !== name);
  delete state.read[name];
  renderFiles();
  refresh();
}

function renderFiles() {
  $('#file-list').replaceChildren(...state.files.map((f) => h('li', { dataset: { file: f.name } }, f.name,
    h('button', { type: 'button', class: 'quiet small', 'aria-label': t('imp.removeFile', { file: f.name }), text: '×',
      onclick: () => removeFile(f.name) }))));
  $('#merge-label').hidden = state.files.length < 2;
  if (state.files.length < 2) state.merge = false;
  $('#merge').checked = state.merge;
}

/** The form both routes take: the files and every option. */
function form(forImport) {
  const data = new FormData();
  for (const f of state.files) data.append('file', f, f.name);
  data.append('segment', state.segment);
  data.append('pseudonymise', state.pseudonymise);
  data.append('merge', String(state.merge));
  const shown = {};
  if (forImport) for (const p of state.previews) for (const sp of p.speakers) shown[sp.label] = sp.role;
  data.append('roles', JSON.stringify({ ...shown, ...state.roles }));
  const perFile = {};
  for (const [name, r] of Object.entries(state.read)) {
    const o = {};
    const c = r.columns;
    if (c && c.speaker && c.text) o.columns = ['speaker', 'text', 'start', 'end'].filter((k) => c[k]).map((k) => `${k}=${c[k]}`).join(',');
    if (r.header !== undefined && r.header !== null) o.header = r.header;
    if (r.tiers) o.tiers = r.tiers.filter((x) => x.included).map((x) => (x.speaker ? `${x.name}=${x.speaker}` : x.name)).join(',');
    if (r.encoding) o.encoding = r.encoding;
    perFile[name] = o;
  }
  data.append('fileOptions', JSON.stringify(perFile));
  return data;
}

function post(path, forImport) {
  return postForm(path, form(forImport));
}

/** A new preview after any change (a short pause first, so typing a speaker name asks once). */
function refresh() {
  clearTimeout(timer);
  if (!state.files.length) { state.previews = []; render(); return; }
  document.body.dataset.busy = 'true'; // until the new preview is shown (tests wait for it to go)
  timer = setTimeout(preview, 250);
}

async function preview() {
  const mine = ++asked;
  say('#preview-status', '', t('imp.reading'));
  try {
    const data = await post(`/api/projects/${projectId}/transcripts/preview`);
    if (mine !== asked) return;
    state.previews = data.transcripts;
    for (const p of state.previews) {
      // A guessed encoding is shown selected, with the text it gives: importing takes what the preview shows.
      for (const f of p.files) if (f.encoding && f.encoding.guessed && !(state.read[f.file] || {}).encoding) (state.read[f.file] ||= {}).encoding = f.encoding.name;
    }
    say('#preview-status', 'done', t('imp.previewed', { n: state.previews.length }));
  } catch (e) {
    if (mine !== asked) return;
    state.previews = [];
    say('#preview-status', 'failed', importErrorText(e));
  }
  render();
  delete document.body.dataset.busy;
}

function render() {
  const handlers = {
    read: (file) => (state.read[file] ||= {}),
    changed: refresh,
    role: (label, role) => { state.roles[label] = role; refresh(); },
    confirm: (name, on) => { state.confirmed[name] = on; renderFinish(); },
  };
  $('#previews').replaceChildren(...state.previews.map((p) => renderPreview(p, state, handlers)));
  renderFinish();
}

function renderFinish() {
  const previews = state.previews;
  $('#finish').hidden = !previews.length;
  const failed = previews.filter((p) => p.error).length;
  const open = previews.filter((p) => !p.error && !state.confirmed[p.name]).length;
  const button = $('#import-button');
  button.textContent = t('imp.importAll', { n: previews.length });
  button.disabled = !previews.length || failed > 0 || open > 0;
  $('#import-hint').textContent = failed ? t('imp.hintRefused', { n: failed }) : open ? t('imp.hintConfirm', { n: open }) : '';
}

async function importAll() {
  const button = $('#import-button');
  button.disabled = true;
  say('#import-status', '', t('imp.importing'));
  try {
    const data = await post(`/api/projects/${projectId}/transcripts`, true);
    say('#import-status', 'done', t('imp.imported', { n: data.transcripts.length }));
    $('#imported').replaceChildren(...data.transcripts.map((x) => h('li', { dataset: { transcript: x.id } },
      h('strong', { text: x.name }), ' ', t('imp.units', { n: x.utterances }),
      h('a', { class: 'code-link', href: `code.html?t=${x.id}`, text: t('imp.openCoding') }),
      h('a', { class: 'units-link', href: `units.html?t=${x.id}`, text: t('imp.correctUnits') }))));
    state.files = [];
    state.previews = [];
    state.read = {};
    renderFiles();
    $('#previews').replaceChildren();
  } catch (e) {
    say('#import-status', 'failed', t('imp.notImported', { message: importErrorText(e) }));
    button.disabled = false;
  }
}

function say(sel, state_, text) {
  const el = $(sel);
  el.dataset.state = state_;
  el.textContent = text;
}

start().catch((e) => {
  $('#refused').textContent = errorText(e);
  $('#refused').hidden = false;
  document.body.dataset.ready = 'true';
});
