// Adjudication: each coder's code side by side per unit and dimension, and the consensus, set by keyboard.
// Digits take that coder's code; a codebook hotkey of the row's dimension sets that code; Enter adds a comment.
import { api, ApiError, get, currentUser } from './api.js';
import { $, h, newId, param } from './dom.js';
import { errorText, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { coderName } from './names.js';

const transcriptId = Number(param('t'));
/** Navigation keys of the coding screen (codebooks/README.md); never read as hotkeys here either. */
const RESERVED = new Set(['j', 'k', 'J', 'K', '?', '/', ' ']);
let view = null;
let dims = new Map();
let rows = [];
let cur = 0;

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  try {
    view = await get(`/api/transcripts/${transcriptId}/adjudication`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
    return refuse();
  }
  const [doc, project] = await Promise.all([get(`/api/transcripts/${transcriptId}`), get(`/api/projects/${view.projectId}`)]);
  const book = await get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`);
  dims = new Map(book.codebook.dimensions.map((d) => [d.key, {
    ...d, byHotkey: new Map(d.codes.filter((c) => c.hotkey).map((c) => [c.hotkey, c])), byKey: new Map(d.codes.map((c) => [c.key, c])),
  }]));
  $('#transcript-name').textContent = doc.transcript.name;
  document.title = `${t('adj.title')} · ${doc.transcript.name} · Samenspraak`;
  $('#loading').hidden = true;
  $('#adjudication').hidden = false;
  $('#only').checked = param('only') === 'disagreements';
  $('#only').addEventListener('change', () => { cur = 0; render(); });
  $('#accept-agreed').addEventListener('click', acceptAgreed);
  document.addEventListener('keydown', onKey);
  document.addEventListener('languagechange', render);
  render();
  document.body.dataset.ready = 'true';
}

/** Units where every coder gave the same code go into the consensus at once; only disagreements are left. */
async function acceptAgreed() {
  try {
    const r = await api('POST', `/api/transcripts/${transcriptId}/consensus/agreements`, {});
    view = await get(`/api/transcripts/${transcriptId}/adjudication`);
    render();
    $('#status').textContent = t('adj.accepted').replace('{n}', String(r.accepted));
  } catch (e) {
    $('#status').textContent = e instanceof ApiError ? errorText(e) : String(e);
  }
}

function refuse() {
  $('#loading').hidden = true;
  $('#refused').textContent = t('adj.refused');
  $('#refused').hidden = false;
  document.body.dataset.ready = 'true';
}

const label = (dim, code) => {
  const c = dims.get(dim) && dims.get(dim).byKey.get(code);
  return c ? tx(c.label) : code;
};

/** A code by its label in the page's language; its key (what the export and hotkeys use) in the tooltip. */
function codeCell(dim, code) {
  return code === null || code === undefined
    ? h('td', { class: 'coded dash', text: t('adj.notCoded') })
    : h('td', { class: 'coded', title: code, dataset: { code } }, label(dim, code));
}

/** Where the consensus code came from, in its own column: comments are only what an adjudicator wrote. */
function source(cell) {
  if (!cell.consensus && cell.source !== 'cleared') return '';
  if (cell.source === 'coder') {
    const from = view.coders.find((c) => c.id === cell.fromCoder);
    return t('adj.sourceCoder', { coder: from ? coderName(from.name) : `#${cell.fromCoder}` });
  }
  return cell.source ? t(`adj.source.${cell.source}`) : '';
}

/**
 * How much the consensus covers: units of the transcript, and per dimension of the units the coders coded. Short of
 * those is a warning: a partial consensus is not a whole coding (issue 9, defect 4).
 */
function coverage() {
  const has = (u, d) => u.dimensions[d] && u.dimensions[d].consensus;
  const covered = view.units.filter((u) => view.dimensions.some((d) => has(u, d))).length;
  const counts = view.dimensions.map((d) => ({ d, n: view.units.filter((u) => has(u, d)).length, of: view.codedPerDimension[d] || 0 }));
  const partial = counts.some((c) => c.n < c.of);
  const el = $('#coverage');
  el.className = partial ? 'coverage warning' : 'coverage';
  el.textContent = covered === 0 ? t('adj.coverageNone') : `${t('adj.coverage', {
    covered, units: view.unitCount,
    dimensions: counts.map((c) => t('adj.coverageDimension', { dimension: dims.get(c.d) ? tx(dims.get(c.d).label) : c.d, n: c.n, of: c.of })).join('; '),
  })}${partial ? ` ${t('coverage.partialConsensus')}` : ''}`;
}

function render() {
  const only = $('#only').checked;
  rows = [];
  for (const u of view.units) {
    for (const d of view.dimensions) {
      const cell = u.dimensions[d];
      if (cell && (!only || cell.disagree)) rows.push({ unit: u, dim: d, cell });
    }
  }
  cur = Math.min(cur, Math.max(0, rows.length - 1));
  $('#head').replaceChildren(h('th', { scope: 'col', text: t('adj.unit') }), h('th', { scope: 'col', text: t('adj.speaker') }),
    h('th', { scope: 'col', text: t('adj.text') }), h('th', { scope: 'col', text: t('adj.dimension') }),
    ...view.coders.map((c, i) => h('th', { scope: 'col', text: `${i + 1} · ${coderName(c.name)}` })),
    h('th', { scope: 'col', text: t('adj.consensus') }), h('th', { scope: 'col', text: t('adj.source') }), h('th', { scope: 'col', text: t('adj.comment') }));
  $('#rows').replaceChildren(...rows.map(row));
  $('#empty').hidden = rows.length > 0;
  $('#summary').textContent = t('adj.summary', { n: view.disagreements, shown: rows.length });
  coverage();
  mark();
}

function row(r, i) {
  const d = dims.get(r.dim);
  return h('tr', { class: r.cell.disagree ? 'disagree' : null, dataset: { index: i, unit: r.unit.utteranceId, dimension: r.dim } },
    h('td', { class: 'seq', text: String(r.unit.seq) }),
    h('td', { text: r.unit.speakerLabel || '' }),
    h('td', { class: 'text', text: r.unit.text }),
    h('td', {}, d ? tx(d.label) : r.dim, r.cell.disagree ? h('span', { class: 'badge fail', text: ` ${t('adj.differ')}` }) : null),
    r.cell.codes.map((c) => codeCell(r.dim, c)),
    h('td', { class: 'consensus', title: r.cell.consensus || null },
      r.cell.consensus ? h('strong', { text: label(r.dim, r.cell.consensus) }) : h('span', { class: 'dash', text: t('adj.notCoded') })),
    h('td', { class: 'source', text: source(r.cell) }),
    h('td', { class: 'comment', text: r.cell.comment || '' }));
}

function mark() {
  for (const tr of $('#rows').children) {
    const on = Number(tr.dataset.index) === cur;
    tr.classList.toggle('current', on);
    if (on) tr.setAttribute('aria-current', 'true'); else tr.removeAttribute('aria-current');
    if (on) tr.scrollIntoView({ block: 'nearest' });
  }
}

function onKey(e) {
  // A focused control keeps its own keys: Enter on a button presses it (issue 9, defect 3).
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, select, textarea, button, a[href]')) return;
  const r = rows[cur];
  if (e.key === 'j' || e.key === 'ArrowDown') move(1);
  else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
  else if (!r) return;
  else if (/^[1-9]$/.test(e.key) && Number(e.key) <= view.coders.length) pick(r, view.coders[Number(e.key) - 1]);
  else if (e.key === 'Enter') comment(r);
  else if (e.key === 'Delete' || e.key === 'Backspace') save(r, 'DELETE', null);
  else if (!RESERVED.has(e.key) && dims.get(r.dim) && dims.get(r.dim).byHotkey.has(e.key)) {
    save(r, 'PUT', { code: dims.get(r.dim).byHotkey.get(e.key).key });
  } else return;
  e.preventDefault();
}

function move(by) {
  cur = Math.max(0, Math.min(rows.length - 1, cur + by));
  mark();
}

function pick(r, coder) {
  const code = r.cell.codes[view.coders.indexOf(coder)];
  if (code === null || code === undefined) return status(t('adj.noCode', { coder: coderName(coder.name) }), true);
  save(r, 'PUT', { fromCoder: coder.id });
}

function comment(r) {
  if (!r.cell.consensus) return status(t('adj.commentFirst'), true);
  const tr = $(`#rows tr[data-index="${cur}"]`);
  const input = h('input', { type: 'text', id: 'comment-input', maxlength: 2000, 'aria-label': t('adj.comment'), value: r.cell.comment || '' });
  const td = tr.querySelector('td.comment');
  td.replaceChildren(input);
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') { render(); $('#grid').focus(); }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const body = { code: r.cell.consensus, comment: input.value };
    if (r.cell.fromCoder !== null && r.cell.fromCoder !== undefined) body.fromCoder = r.cell.fromCoder;
    save(r, 'PUT', body).then(() => $('#grid').focus());
  });
  input.focus();
}

async function save(r, method, body) {
  const path = `/api/transcripts/${transcriptId}/consensus/${r.unit.utteranceId}/${encodeURIComponent(r.dim)}`;
  status(t('adj.saving'), false);
  try {
    const res = method === 'PUT' ? await api('PUT', path, { ...body, opId: newId() }) : await api('DELETE', `${path}?opId=${newId()}`);
    r.cell.consensus = res ? res.after : null;
    r.cell.fromCoder = res ? res.fromCoder : null;
    r.cell.source = res ? res.source : null;
    r.cell.comment = res ? res.comment : null;
    if (res) view.consensusCoderId = res.consensusCoderId;
    render();
    status(t('adj.saved', { unit: r.unit.seq }), false);
  } catch (e) {
    render();
    status(t('adj.failed', { message: errorText(e) }), true);
  }
}

function status(text, error) {
  $('#status').textContent = text;
  $('#status').classList.toggle('error-text', error);
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
