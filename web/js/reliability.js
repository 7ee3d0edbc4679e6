// The reliability page: choose coders, transcripts (or only those two or more of the chosen coders
// coded) and the bootstrap; then every figure per dimension, rating and count, as tables and pictures, and,
// for recordings that coders unitized independently, their unitizing agreement (relunitizing.js).
import { ApiError, get, currentUser } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, loadLanguage, t } from './i18n.js';
import { setUpHeader } from './header.js';
import { int } from './format.js';
import { dimensionSection } from './reldimension.js';
import { frequenciesSection, ratingsSection } from './relsessions.js';
import { unitizingSection } from './relunitizing.js';

const projectId = Number(param('p'));
const BOOTSTRAP = 1000;
const S = { coders: [], transcripts: [], coverage: new Map(), codebook: null, data: null, unitizing: null, coder: new Set(), transcript: new Set(), request: 0 };

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  const project = await get(`/api/projects/${projectId}`);
  $('#project-name').textContent = project.name;
  document.title = `${t('rel.title')} · ${project.name} · Samenspraak`;
  let data;
  try {
    [data, S.unitizing] = await Promise.all([get(url(true)), get(unitizingUrl(true))]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return refuse(e);
    throw e;
  }
  $('#export-link').hidden = false;
  learnUniverse(data);
  S.codebook = await get(`/api/codebooks/${encodeURIComponent(data.codebookKey)}?version=${encodeURIComponent(data.codebookVersion)}`)
    .then((b) => b.codebook).catch(() => null);
  $('#selection').hidden = false;
  $('#selection').addEventListener('submit', (e) => { e.preventDefault(); compute(); });
  $('#selection').addEventListener('change', onChange);
  $('#all-transcripts').addEventListener('click', () => setTranscripts(true));
  $('#no-transcripts').addEventListener('click', () => setTranscripts(false));
  renderSelection();
  show(data);
  document.addEventListener('languagechange', () => { renderSelection(); render(); });
  document.body.dataset.ready = 'true';
}

/** Every coder and transcript of the project, and who coded which transcript (from the first, unrestricted answer). */
function learnUniverse(data) {
  S.coders = data.coders;
  S.transcripts = data.transcripts;
  S.coder = new Set(S.coders.map((c) => c.id));
  S.transcript = new Set(S.transcripts.map((x) => x.id));
  for (const d of data.dimensions) {
    for (const p of d.perTranscript || []) {
      if (!S.coverage.has(p.transcriptId)) S.coverage.set(p.transcriptId, []);
      S.coverage.get(p.transcriptId).push(new Set(p.coders));
    }
  }
}

function refuse(error) {
  $('#loading').hidden = true;
  const box = $('#refused');
  // The server's only reason for a 403 here is blind coding; the page's own words for it, else the server's in the page's language.
  box.replaceChildren(h('strong', { text: t('rel.refused') }), ' ', error.code === 'access.blindCodes' ? t('rel.refusedBlind') : errorText(error));
  box.hidden = false;
  document.body.dataset.ready = 'true';
}

const chosenNames = () => new Set(S.coders.filter((c) => S.coder.has(c.id)).map((c) => c.name));

/** Coded by two or more of the chosen coders in at least one dimension. */
function doublyCoded(transcriptId) {
  const names = chosenNames();
  return (S.coverage.get(transcriptId) || []).some((set) => [...set].filter((n) => names.has(n)).length >= 2);
}

function effectiveTranscripts() {
  const only = $('#double-only').checked;
  return S.transcripts.filter((x) => S.transcript.has(x.id) && (!only || doublyCoded(x.id)));
}

function query(first) {
  const q = new URLSearchParams();
  const bootstrap = first || $('#bootstrap').checked ? BOOTSTRAP : 0;
  q.set('bootstrap', String(bootstrap));
  if (!first) {
    if (S.coder.size !== S.coders.length) q.set('coders', [...S.coder].join(','));
    const chosen = effectiveTranscripts();
    if (chosen.length !== S.transcripts.length) q.set('transcripts', chosen.map((x) => x.id).join(','));
  }
  return q;
}

function url(first) {
  return `/api/projects/${projectId}/reliability?${query(first)}`;
}

/**
 * The unitizing agreement of recordings coded independently, for the same coders and transcripts (a recording is
 * chosen by its own transcript or a coder's copy); not narrowed to doubly coded transcripts, as each copy has one coder.
 */
function unitizingUrl(first) {
  const q = query(first);
  if (!first && $('#double-only').checked) q.delete('transcripts');
  return `/api/projects/${projectId}/reliability/unitizing?${q}`;
}

function renderSelection() {
  // Rebuilding the lists must not drop the keyboard user's place.
  const focused = document.activeElement && document.activeElement.id;
  $('#coder-list').replaceChildren(...S.coders.map((c) => check(`coder-${c.id}`, c.name, S.coder.has(c.id), { coder: c.id })));
  const names = chosenNames();
  const only = $('#double-only').checked;
  $('#transcript-list').replaceChildren(...S.transcripts.map((x) => {
    const coders = new Set((S.coverage.get(x.id) || []).flatMap((s) => [...s]));
    const out = only && !doublyCoded(x.id);
    const chosen = [...coders].filter((n) => names.has(n)), others = [...coders].filter((n) => !names.has(n));
    const note = !coders.size ? t('rel.notDoubleCoded')
      : chosen.length && others.length ? t('rel.codedByAlso', { coders: chosen.join(', '), others: others.join(', ') })
        : t('rel.codedBy', { coders: [...coders].join(', ') });
    return check(`transcript-${x.id}`, x.name, S.transcript.has(x.id) && !out, { transcript: x.id }, note, out);
  }));
  updateSummary();
  if (focused && document.activeElement !== document.getElementById(focused)) document.getElementById(focused)?.focus();
}

function check(id, label, checked, dataset, note, disabled) {
  return h('label', { class: disabled ? 'check excluded' : 'check', for: id },
    h('input', { type: 'checkbox', id, checked, disabled, dataset }),
    h('span', { class: 'check-label', text: label }),
    note ? h('span', { class: 'check-note', text: note }) : null);
}

function onChange(e) {
  const el = e.target;
  if (el.dataset.coder) {
    toggle(S.coder, Number(el.dataset.coder), el.checked);
    renderSelection();
  } else if (el.dataset.transcript) {
    toggle(S.transcript, Number(el.dataset.transcript), el.checked);
    updateSummary();
  } else if (el.id === 'double-only') {
    renderSelection();
  }
}

function toggle(set, id, on) {
  if (on) set.add(id);
  else set.delete(id);
}

function setTranscripts(on) {
  S.transcript = new Set(on ? S.transcripts.map((x) => x.id) : []);
  renderSelection();
}

/** Says what will be computed, and refuses a selection that cannot be. */
function updateSummary() {
  const n = effectiveTranscripts().length;
  const problem = S.coder.size < 2 ? t('rel.needTwoCoders') : n === 0 ? t('rel.needTranscript') : '';
  $('#selection-summary').textContent = problem || t('rel.selectionSummary', { coders: S.coder.size, transcripts: n, of: S.transcripts.length });
  $('#selection-summary').classList.toggle('warn-text', Boolean(problem));
  $('#compute').disabled = Boolean(problem);
}

async function compute() {
  const request = ++S.request;
  const status = $('#compute-status');
  status.textContent = t($('#bootstrap').checked ? 'rel.computingBootstrap' : 'rel.computing', { n: int(BOOTSTRAP) });
  status.dataset.state = 'busy';
  $('#results').setAttribute('aria-busy', 'true');
  $('#compute').disabled = true;
  try {
    const [data, unitizing] = await Promise.all([get(url(false)), get(unitizingUrl(false))]);
    if (request !== S.request) return;
    S.unitizing = unitizing;
    show(data);
    status.textContent = t('rel.computed', { coders: data.coders.length, transcripts: data.transcripts.length });
    status.dataset.state = 'done';
  } catch (e) {
    if (request === S.request) {
      status.textContent = t('common.loadFailed', { message: errorText(e) });
      status.dataset.state = 'failed';
    }
  } finally {
    if (request === S.request) {
      $('#results').removeAttribute('aria-busy');
      updateSummary();
    }
  }
}

function show(data) {
  S.data = data;
  $('#loading').hidden = true;
  render();
}

function render() {
  const d = S.data;
  if (!d) return;
  const q = new URLSearchParams({ p: projectId });
  if (d.coders.length !== S.coders.length) q.set('coders', d.coders.map((c) => c.id).join(','));
  if (d.transcripts.length !== S.transcripts.length) q.set('transcripts', d.transcripts.map((x) => x.id).join(','));
  $('#export-link').href = `export.html?${q}`;
  const parts = [
    h('p', { class: 'muted scope' }, t('rel.scope', {
      codebook: `${d.codebookKey} ${d.codebookVersion}`, coders: d.coders.map((c) => c.name).join(', '), transcripts: d.transcripts.length,
      bootstrap: d.bootstrap ? t('rel.bootstrapOn', { n: int(d.bootstrap), seed: d.seed }) : t('rel.bootstrapOff'),
    })),
    ...d.dimensions.map(dimensionSection),
    unitizingSection(S.unitizing),
    ratingsSection(d.ratings, S.codebook),
    frequenciesSection(d.frequencies, S.codebook)];
  $('#results').replaceChildren(...parts.filter(Boolean));
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
