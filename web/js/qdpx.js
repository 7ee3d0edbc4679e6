// Import a REFI-QDA project: one .qdpx or .qde, previewed (codebook, transcripts, coders and their codes,
// conflicts, what is not taken) before anything is stored, then imported in one step into a new project
// (system administrators) or, with ?p=, into an existing one (its administrators and trainers).
import { get, postForm } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, problemText, t, tx } from './i18n.js';
import { openPage } from './header.js';

const LISTED = 50;
let projectId = null;
let last = null;

async function start() {
  const user = await openPage('qdpx', false);
  projectId = param('p');
  if (projectId) {
    const project = await get(`/api/projects/${encodeURIComponent(projectId)}`);
    $('#name-label').hidden = true;
    $('#target-existing').hidden = false;
    $('#target-existing').textContent = t('qdpx.intoProject', { name: project.name });
  } else if (user.systemRole !== 'admin') {
    $('#refused').textContent = t('qdpx.refused');
    $('#refused').hidden = false;
    document.body.dataset.ready = 'true';
    return;
  }
  $('#qdpx-file').addEventListener('change', preview);
  $('#project-name').addEventListener('change', () => { if (last) preview(); });
  for (const r of document.querySelectorAll('input[name=segment]')) r.addEventListener('change', () => { if (last) preview(); });
  $('#import-button').addEventListener('click', importFile);
  document.addEventListener('languagechange', () => {
    if (!last) return;
    render(last);
    say('#preview-status', 'done', t('qdpx.read', { file: last.file, origin: last.origin || '?' }));
  });
  $('#qdpx-page').hidden = false;
  document.body.dataset.ready = 'true';
}

function form() {
  const file = $('#qdpx-file').files[0];
  const data = new FormData();
  data.append('file', file);
  data.append('segment', document.querySelector('input[name=segment]:checked').value);
  if (projectId) data.append('projectId', projectId);
  else if ($('#project-name').value.trim()) data.append('name', $('#project-name').value.trim());
  return data;
}

function send(url) {
  return postForm(url, form());
}

/** A refusal of the file in the page's language: the reader's coded problem where it has one. */
function refusal(err) {
  const d = err && err.details;
  if (!d || !d.said) return errorText(err);
  return errorText({ code: err.code, message: errorText(err), params: { ...err.params, problem: problemText(d.said) } });
}

function say(sel, state, text) {
  $(sel).dataset.state = state;
  $(sel).textContent = text;
}

async function preview() {
  if (!$('#qdpx-file').files[0]) return;
  $('#report').hidden = true;
  say('#import-status', '', '');
  say('#preview-status', '', t('qdpx.reading'));
  try {
    last = await send('/api/qdpx/preview');
    if (!projectId && !$('#project-name').value.trim()) $('#project-name').value = last.project.name;
    render(last);
    say('#preview-status', 'done', t('qdpx.read', { file: last.file, origin: last.origin || '?' }));
  } catch (err) {
    last = null;
    say('#preview-status', 'failed', refusal(err));
  }
}

function render(r) {
  $('#codebook-line').textContent = r.codebook.made ? t('qdpx.codebookNew', { key: r.codebook.key, title: tx(r.codebook.title) })
    : t('qdpx.codebookExisting', { key: r.codebook.key, title: tx(r.codebook.title) });
  $('#dimensions').replaceChildren(...r.codebook.dimensions.map((d) => h('li', { text: t('qdpx.dimension', { label: tx(d.label), n: d.codes }) })));
  $('#transcripts').replaceChildren(...r.transcripts.map((p) => h('tr', {},
    h('th', { scope: 'row', text: p.name }),
    h('td', { text: String(p.unitCount ?? p.utterances) }),
    h('td', { text: (p.speakers || []).map((s) => s.label || s.stored).join(', ') || Object.keys(p.speakers || {}).join(', ') }))));
  $('#refused-sources').replaceChildren(...r.refused.map((x) => h('li', { text: t('qdpx.sourceRefused', { name: x.name,
    problem: x.refusal.said ? problemText(x.refusal.said) : x.refusal.problem }) })));
  $('#codes-line').textContent = t('qdpx.codesLine', { n: r.codes, coders: r.coders.length });
  $('#coders').replaceChildren(...r.coders.map((c) => h('tr', {},
    h('th', { scope: 'row', text: c.account === 'consensus' ? t('consensus.name') : c.name }),
    h('td', { text: String(c.codes) }),
    h('td', { text: t('qdpx.account.' + c.account) }))));
  $('#conflicts-panel').hidden = !r.conflicts.length;
  $('#conflicts').replaceChildren(...r.conflicts.slice(0, LISTED).map((c) => h('li', { text: t('qdpx.conflict', { coder: c.coder,
    transcript: c.transcript, unit: c.unit, dimension: c.dimension, codes: c.codes.join(', ') }) })),
  ...(r.conflicts.length > LISTED ? [h('li', { class: 'muted', text: t('qdpx.moreConflicts', { n: r.conflicts.length - LISTED }) })] : []));
  $('#skipped-panel').hidden = !r.skipped.length;
  $('#skipped').replaceChildren(...r.skipped.map((s) => h('li', { dataset: { what: s.what }, text: skippedText(s) })));
  $('#report').hidden = false;
}

/** What was not taken, in the page's language: a kind of source or selection by its REFI-QDA name. */
function skippedText(s) {
  const m = /^(source|selection)\.([A-Z]\w*)$/.exec(s.what);
  if (m) return t(`qdpx.skipped.${m[1]}Kind`, { n: s.count, kind: m[2] });
  const key = `qdpx.skipped.${s.what}`;
  const text = t(key, { n: s.count });
  return text === key ? s.text : text;
}

async function importFile() {
  if (!$('#qdpx-file').files[0]) { say('#import-status', 'failed', t('qdpx.chooseFile')); return; }
  say('#import-status', '', t('qdpx.importing'));
  $('#import-button').disabled = true;
  try {
    const r = await send('/api/qdpx');
    say('#import-status', 'done', t('qdpx.imported', { n: r.transcripts.length, codes: r.codes, name: r.project.name }));
    $('#import-status').append(' ', h('a', { href: `transcripts.html?p=${r.project.id}`, text: t('qdpx.toTranscripts') }));
  } catch (err) {
    say('#import-status', 'failed', refusal(err));
  } finally {
    $('#import-button').disabled = false;
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
