// Codebooks: every stored codebook and version; one shown whole (dimensions, codes, hotkeys,
// definitions, rating scales), downloaded as JSON or REFI-QDA .qdc; system administrators upload
// a JSON or .qdc file and see every problem at its JSON path or element.
import { get, postForm } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, t, tx } from './i18n.js';
import { problemsOf, refusalText } from './problems.js';
import { openPage } from './header.js';
import { codebookView } from './codebookview.js';

let rows = [];
let shown = null;

async function start() {
  const user = await openPage('cb', false);
  // Everyone may check a codebook file (a researcher drafting one); storing it is for system administrators.
  $('#upload').hidden = false;
  $('#check-button').addEventListener('click', check);
  if (user.systemRole === 'admin') $('#upload-form').addEventListener('submit', upload);
  else {
    $('#upload-button').hidden = true;
    $('#upload-form').addEventListener('submit', (e) => { e.preventDefault(); check(); });
  }
  $('#view-version').addEventListener('change', () => show(shown.key, $('#view-version').value));
  await load();
  $('#codebooks-page').hidden = false;
  if (param('key')) await show(param('key'), param('version'));
  document.addEventListener('languagechange', () => { renderList(); if (shown) show(shown.key, shown.version); });
  document.body.dataset.ready = 'true';
}

/** Versions per key, newest first. */
function byKey() {
  const keys = new Map();
  for (const r of rows) (keys.get(r.key) || keys.set(r.key, []).get(r.key)).push(r);
  for (const list of keys.values()) list.sort((a, b) => b.id - a.id);
  return [...keys.values()].sort((a, b) => a[0].key.localeCompare(b[0].key));
}

async function load() {
  rows = await get('/api/codebooks');
  renderList();
}

function renderList() {
  $('#codebooks').replaceChildren(...byKey().map((versions) => {
    const latest = versions[0];
    return h('tr', { dataset: { key: latest.key } },
      h('th', { scope: 'row', text: tx(latest.label) || latest.title }),
      h('td', {}, h('code', { text: latest.key })),
      h('td', { text: versions.map((v) => v.version).join(', ') }),
      h('td', { class: 'when', text: latest.createdAt.slice(0, 10) }),
      h('td', { class: 'actions' }, h('button', { type: 'button', class: 'quiet', text: t('cb.view'),
        'aria-label': t('cb.viewFor', { title: tx(latest.label) || latest.title }), onclick: () => show(latest.key) })));
  }));
}

async function show(key, version) {
  const stored = await get(`/api/codebooks/${encodeURIComponent(key)}${version ? `?version=${encodeURIComponent(version)}` : ''}`);
  shown = { key, version: stored.version };
  const versions = rows.filter((r) => r.key === key).sort((a, b) => b.id - a.id);
  $('#view-title').textContent = `${tx(stored.codebook.title)} (${stored.version})`;
  $('#view-version').replaceChildren(...versions.map((v) => h('option', { value: v.version, selected: v.version === stored.version, text: v.version })));
  const q = `?version=${encodeURIComponent(stored.version)}`;
  $('#download-json').href = `/api/codebooks/${encodeURIComponent(key)}/json${q}`;
  $('#download-qdc').href = `/api/codebooks/${encodeURIComponent(key)}/qdc${q}`;
  $('#view-body').replaceChildren(codebookView(stored.codebook));
  $('#view').hidden = false;
  history.replaceState(null, '', `codebooks.html?key=${encodeURIComponent(key)}&version=${encodeURIComponent(stored.version)}`);
  $('#view-title').scrollIntoView({ block: 'start' });
}

/** The chosen file as a form, or null (the status then says to choose one). */
function chosenFile() {
  const status = $('#upload-status');
  $('#problems').hidden = true;
  const file = $('#upload-file').files[0];
  if (!file) {
    status.dataset.state = 'failed';
    status.textContent = t('cb.chooseFile');
    return null;
  }
  const form = new FormData();
  form.append('file', file);
  return { file, form, qdc: file.name.toLowerCase().endsWith('.qdc') };
}

/** Lists problems (each with its place in the file) under the form. */
function showProblems(list) {
  const problems = $('#problems');
  problems.replaceChildren(...list.map((p) => h('li', {}, h('code', { text: p.path }), ' ', p.text)));
  problems.hidden = !list.length;
  (list.length ? problems : $('#upload-status')).scrollIntoView({ block: 'nearest' });
}

/** Checks a JSON codebook file and stores nothing: every problem at its place, or what the codebook holds. */
async function check() {
  const chosen = chosenFile();
  if (!chosen) return;
  const status = $('#upload-status');
  if (chosen.qdc) {
    status.dataset.state = 'failed';
    status.textContent = t('cb.checkJsonOnly');
    return;
  }
  status.dataset.state = '';
  status.textContent = t('cb.checking');
  try {
    const answer = await postForm(`/api/codebooks/validate?fileName=${encodeURIComponent(chosen.file.name)}`, chosen.form);
    status.dataset.state = answer.valid ? 'done' : 'failed';
    status.textContent = answer.valid ? t('cb.checkedValid', { summary: t('cb.summary', answer.summary) })
      : t('cb.checkedInvalid', { count: answer.problems.length });
    showProblems(problemsOf(answer.problems));
  } catch (err) {
    status.dataset.state = 'failed';
    status.textContent = errorText(err);
  }
}

async function upload(e) {
  e.preventDefault();
  const chosen = chosenFile();
  if (!chosen) return;
  const { file, form, qdc } = chosen;
  const status = $('#upload-status');
  status.dataset.state = '';
  status.textContent = t('cb.uploading');
  try {
    const data = await postForm(qdc ? `/api/codebooks/qdc?fileName=${encodeURIComponent(file.name)}`
      : `/api/codebooks?fileName=${encodeURIComponent(file.name)}`, form);
    status.dataset.state = 'done';
    status.textContent = t('cb.uploaded', { key: data.key, version: data.version });
    await load();
    await show(data.key, data.version);
  } catch (err) {
    status.dataset.state = 'failed';
    const refusal = refusalText(err);
    status.textContent = refusal.text;
    showProblems(refusal.problems);
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
