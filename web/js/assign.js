// Assignments: the coder × transcript grid (saved per box), the grid by rule, and everyone's progress.
import { api, get } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, t, tx } from './i18n.js';
import { refusalText } from './problems.js';
import { openProjectPage } from './header.js';

const projectId = Number(param('p'));
let grid = null;
let progress = [];
let dimensions = [];
let ruleCoders = null;
/** The cell that takes Tab (roving tabindex), as [row, column]. */
let cursor = [0, 0];

async function start() {
  const opened = await openProjectPage(projectId, 'asg', ['admin']);
  if (!opened) return;
  const { project } = opened;
  const book = await get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`).catch(() => null);
  dimensions = book && book.codebook ? book.codebook.dimensions : [];
  [grid, progress] = await Promise.all([get(`/api/projects/${projectId}/assignments`), get(`/api/projects/${projectId}/progress/all`)]);
  ruleCoders = new Set(grid.coders.filter((c) => c.role === 'coder').map((c) => c.userId));
  $('#assign').hidden = false;
  $('#rule-form').addEventListener('submit', applyRule);
  render();
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

function render() {
  renderGrid();
  renderRuleCoders();
  renderProgress();
}

const coderLabel = (c) => `${c.name} (${t('memberRole.' + c.role)})`;

function renderGrid() {
  $('#grid-state').textContent = grid.active ? t('asg.active') : t('asg.open');
  if (!grid.coders.length || !grid.transcripts.length) {
    $('#grid').replaceChildren(h('p', { class: 'muted', text: t(grid.coders.length ? 'asg.noTranscripts' : 'asg.noCoders') }));
    return;
  }
  cursor = [Math.min(cursor[0], grid.transcripts.length - 1), Math.min(cursor[1], grid.coders.length - 1)];
  const head = h('tr', {}, h('th', { scope: 'col', text: t('asg.transcript') }),
    grid.coders.map((c) => h('th', { scope: 'col', class: 'cell-head', text: c.name, title: coderLabel(c) })));
  const rows = grid.transcripts.map((row, r) => h('tr', {},
    h('th', { scope: 'row', text: row.name }),
    grid.coders.map((c, col) => h('td', { class: 'cell' }, h('input', {
      type: 'checkbox', checked: row.userIds.includes(c.userId), tabindex: r === cursor[0] && col === cursor[1] ? 0 : -1,
      'aria-label': t('asg.cell', { transcript: row.name, coder: c.name }), dataset: { r, c: col },
      onchange: (e) => toggle(e.target, row, c), onfocus: () => { cursor = [r, col]; },
    })))));
  const table = h('table', { class: 'numbers assign-grid', onkeydown: move },
    h('caption', { class: 'visually-hidden', text: t('asg.grid') }), h('thead', {}, head), h('tbody', {}, rows));
  $('#grid').replaceChildren(table);
}

/** Arrow keys move the focus between boxes (Home/End to the row's ends); Space toggles natively. */
function move(e) {
  const box = e.target;
  if (!box.dataset || box.dataset.r === undefined) return;
  const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  let [r, c] = [Number(box.dataset.r), Number(box.dataset.c)];
  if (steps[e.key]) { r += steps[e.key][0]; c += steps[e.key][1]; }
  else if (e.key === 'Home') c = 0;
  else if (e.key === 'End') c = grid.coders.length - 1;
  else return;
  e.preventDefault();
  const next = $(`#grid input[data-r="${r}"][data-c="${c}"]`);
  if (!next) return;
  box.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

async function toggle(box, row, coder) {
  const status = $('#grid-status');
  const on = box.checked;
  box.disabled = true;
  try {
    if (on) {
      grid = await api('PUT', `/api/projects/${projectId}/assignments`, { assignments: [{ transcriptId: row.transcriptId, userId: coder.userId }] });
    } else {
      await api('DELETE', `/api/projects/${projectId}/assignments/${row.transcriptId}/${coder.userId}`);
      grid = await get(`/api/projects/${projectId}/assignments`);
    }
    status.dataset.state = 'done';
    status.textContent = t(on ? 'asg.given' : 'asg.taken', { transcript: row.name, coder: coder.name });
    $('#grid-state').textContent = grid.active ? t('asg.active') : t('asg.open');
    await refreshProgress();
  } catch (e) {
    box.checked = !on;
    status.dataset.state = 'failed';
    status.textContent = t('asg.failed', { message: errorText(e) });
  } finally {
    box.disabled = false;
    box.focus();
  }
}

function renderRuleCoders() {
  const coders = grid.coders.filter((c) => c.role !== 'analyst');
  $('#rule-coders').replaceChildren(...(coders.length ? coders.map((c) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: c.userId, checked: ruleCoders.has(c.userId),
      onchange: (e) => (e.target.checked ? ruleCoders.add(c.userId) : ruleCoders.delete(c.userId)) }),
    h('span', { class: 'check-label', text: coderLabel(c) }))) : [h('p', { class: 'muted', text: t('asg.noCoders') })]));
}

async function applyRule(e) {
  e.preventDefault();
  const status = $('#rule-status');
  const coders = [...ruleCoders];
  if (!coders.length) {
    status.dataset.state = 'failed';
    status.textContent = t('asg.chooseCoders');
    return;
  }
  // The rule throws away every pair set by hand: said before it happens.
  if (grid.active && !window.confirm(t('asg.confirm'))) return;
  const share = Number($('#share').value) / 100;
  const seed = Number($('#seed').value);
  try {
    const result = await api('POST', `/api/projects/${projectId}/assignments/rule`, { coders, secondShare: share, seed });
    grid = result.grid;
    status.dataset.state = 'done';
    status.textContent = t('asg.ruleDone', { transcripts: result.transcripts, double: result.doubleCoded, seed: result.seed });
    renderGrid();
    await refreshProgress();
  } catch (err) {
    status.dataset.state = 'failed';
    status.textContent = t('asg.failed', { message: refusalText(err).text });
  }
}

async function refreshProgress() {
  progress = await get(`/api/projects/${projectId}/progress/all`);
  renderProgress();
}

function renderProgress() {
  if (!progress.length) return $('#progress').replaceChildren(h('p', { class: 'muted', text: t('asg.noProgress') }));
  const rated = progress.some((p) => p.ratingItems > 0);
  const head = h('tr', {}, h('th', { scope: 'col', text: t('asg.coder') }), h('th', { scope: 'col', text: t('asg.transcript') }),
    h('th', { scope: 'col', text: t('asg.assigned') }), h('th', { scope: 'col', class: 'num', text: t('projects.units') }),
    dimensions.map((d) => h('th', { scope: 'col', class: 'num', text: tx(d.label) })),
    rated ? h('th', { scope: 'col', class: 'num', text: t('projects.ratings') }) : null);
  const rows = progress.map((p) => h('tr', { dataset: { coder: p.coderName, transcript: p.transcriptName } },
    h('th', { scope: 'row', text: p.coderName }), h('td', { text: p.transcriptName }),
    h('td', { text: p.assigned ? t('asg.yes') : t('asg.no') }), h('td', { class: 'num', text: String(p.units) }),
    dimensions.map((d) => h('td', { class: 'num', text: t('projects.count', { done: p.coded[d.key] || 0, of: p.units }) })),
    rated ? h('td', { class: 'num', text: t('projects.count', { done: p.rated, of: p.ratingItems }) }) : null));
  $('#progress').replaceChildren(h('table', { class: 'numbers progress-table' },
    h('caption', { class: 'visually-hidden', text: t('asg.progress') }), h('thead', {}, head), h('tbody', {}, rows)));
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
