// The rating form: the codebook's session scales with their anchors, filled from the keyboard,
// saved like codes (queued while offline), with each scale's total.
import { get, currentUser } from './api.js';
import { h, $, param } from './dom.js';
import { errorText, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { Saver } from './saver.js';
import { Sync } from './sync.js';
import { combo } from './keys.js';
import { showHelp, closeHelp, helpOpen } from './help.js';
import { showStatus, toast } from './status.js';

const transcriptId = Number(param('t'));
const KEYS = [
  ['nextItem', ['↓', 'j'], ['ArrowDown', 'j']],
  ['prevItem', ['↑', 'k'], ['ArrowUp', 'k']],
  ['score', ['0–9'], []],
  ['up', ['→', '+'], ['ArrowRight', '+']],
  ['down', ['←', '-'], ['ArrowLeft', '-']],
  ['clear', ['Backspace', 'Delete'], ['Backspace', 'Delete']],
  ['undo', ['Ctrl+Z'], ['Ctrl+z']],
  ['redo', ['Ctrl+Shift+Z', 'Ctrl+Y'], ['Ctrl+Shift+z', 'Ctrl+y']],
  ['moveOn', ['Ctrl+.'], ['Ctrl+.']],
  ['help', ['?'], ['?']],
];
/** Whether a score moves on to the next item: on unless the rater switched it off (remembered in this browser). */
const MOVE_ON = 'samenspraak.autoAdvance.rating';
const BY_COMBO = new Map(KEYS.flatMap(([a, , cs]) => cs.map((c) => [c, a])));
const S = { items: [], cur: 0, values: new Map(), undo: [], redo: [], scales: [], moveOn: localStorage.getItem(MOVE_ON) !== 'false' };
let saver, sync;

const fieldOf = (it) => `${it.scale.key}/${it.item.key}`;

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  const [doc, ratings] = await Promise.all([get(`/api/transcripts/${transcriptId}`), get(`/api/transcripts/${transcriptId}/ratings`)]);
  const project = await get(`/api/projects/${doc.transcript.projectId}`);
  const book = await get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`);
  $('#project-name').textContent = $('#project-name').title = project.name;
  $('#transcript-name').textContent = $('#transcript-name').title = doc.transcript.name;
  $('#transcript-link').href = `code.html?t=${transcriptId}`;
  S.scales = book.codebook.ratingScales || [];
  for (const r of ratings) S.values.set(`${r.scale}/${r.item}`, r.value);
  saver = new Saver(user.id);
  for (const op of saver.pending()) {
    if (op.kind === 'rating' && op.transcriptId === transcriptId) setLocal(`${op.scale}/${op.item}`, op.value);
  }
  saver.addEventListener('status', (e) => showStatus(e.detail));
  saver.addEventListener('refused', (e) => refused(e.detail));
  render();
  document.addEventListener('languagechange', render);
  document.addEventListener('keydown', onKey);
  $('#help-button').addEventListener('click', () => showHelp(null, KEYS));
  $('#auto-advance').checked = S.moveOn;
  $('#auto-advance').addEventListener('change', (e) => { setMoveOn(e.target.checked); $('#items').focus(); });
  $('#items').focus();
  document.body.dataset.ready = 'true';
  saver.flush();
  sync = new Sync(user.id, transcriptId, fromElsewhere);
  sync.start();
}

function setLocal(field, value) {
  if (value === null || value === undefined) S.values.delete(field);
  else S.values.set(field, value);
}

function render() {
  $('#loading').hidden = true;
  S.items = [];
  const root = $('#items');
  if (!S.scales.length) return root.replaceChildren(h('p', { class: 'muted', text: t('rating.none') }));
  root.replaceChildren(...S.scales.map((scale) => {
    const items = scale.items.map((item) => {
      const it = { scale, item, index: S.items.length };
      S.items.push(it);
      const anchors = new Map((item.anchors || []).map((a) => [a.value, tx(a.label)]));
      it.buttons = [];
      for (let v = item.min; v <= item.max; v++) {
        const b = h('button', { type: 'button', class: 'score', role: 'radio', tabindex: '-1', 'aria-checked': 'false', dataset: { value: v } },
          h('span', { class: 'score-value', text: String(v) }), anchors.has(v) ? h('span', { class: 'anchor', text: anchors.get(v) }) : null);
        b.addEventListener('click', () => { select(it.index); set(it, v); $('#items').focus(); });
        it.buttons.push(b);
      }
      it.row = h('div', { class: 'item', id: `item-${it.index}`, dataset: { index: it.index } },
        h('div', { class: 'item-head' }, h('span', { class: 'item-label', text: tx(item.label) }),
          item.definition ? h('span', { class: 'muted item-def', text: tx(item.definition) }) : null),
        h('div', { class: 'scores', role: 'radiogroup', 'aria-label': tx(item.label) }, it.buttons));
      it.row.addEventListener('click', () => select(it.index));
      return it.row;
    });
    scale.totalEl = h('p', { class: 'total' });
    return h('section', { class: 'scale' },
      h('h2', { text: tx(scale.label) }),
      scale.rated ? h('p', { class: 'muted', text: t('rating.rated', { role: t('role.' + scale.rated) }) }) : null,
      scale.description ? h('p', { class: 'muted', text: tx(scale.description) }) : null,
      items, scale.totalEl);
  }));
  S.items.forEach(paint);
  S.scales.forEach(total);
  select(Math.min(S.cur, S.items.length - 1));
}

function paint(it) {
  const value = S.values.get(fieldOf(it));
  it.buttons.forEach((b) => {
    const on = Number(b.dataset.value) === value;
    b.setAttribute('aria-checked', String(on));
    b.classList.toggle('on', on);
  });
}

/** Sum or mean of the items, rescaled when the scale says so; shown once every item has a value. */
function total(scale) {
  if (!scale.total) return (scale.totalEl.hidden = true);
  const values = scale.items.map((i) => S.values.get(`${scale.key}/${i.key}`));
  const filled = values.filter((v) => v !== undefined).length;
  const n = scale.items.length;
  if (filled < n) {
    scale.totalEl.textContent = t('rating.totalPending', { filled, n });
    return;
  }
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = scale.total.kind === 'mean';
  const raw = mean ? sum / n : sum;
  const lo = scale.items.reduce((a, i) => a + i.min, 0) / (mean ? n : 1);
  const hi = scale.items.reduce((a, i) => a + i.max, 0) / (mean ? n : 1);
  const round = (x) => Math.round(x * 100) / 100;
  let text = t(mean ? 'rating.mean' : 'rating.sum', { value: round(raw), lo: round(lo), hi: round(hi) });
  const { rescaleMin: rMin, rescaleMax: rMax } = scale.total;
  if (rMin !== null && rMin !== undefined && rMax !== null && rMax !== undefined && hi > lo) {
    text += ' ' + t('rating.rescaled', { value: round(rMin + ((raw - lo) * (rMax - rMin)) / (hi - lo)), lo: rMin, hi: rMax });
  }
  scale.totalEl.textContent = text;
}

function setMoveOn(on) {
  S.moveOn = on;
  $('#auto-advance').checked = on;
  localStorage.setItem(MOVE_ON, String(on));
  toast(t(on ? 'rating.autoOn' : 'rating.autoOff'));
}

function select(i) {
  if (!S.items.length) return;
  S.items[S.cur]?.row.classList.remove('current');
  S.cur = Math.max(0, Math.min(S.items.length - 1, i));
  const it = S.items[S.cur];
  it.row.classList.add('current');
  $('#items').setAttribute('aria-activedescendant', it.row.id);
  it.row.scrollIntoView({ block: 'nearest' });
}

function set(it, value, { record = true } = {}) {
  const field = fieldOf(it);
  const before = S.values.has(field) ? S.values.get(field) : null;
  if (before === value) return;
  setLocal(field, value);
  paint(it);
  total(it.scale);
  const op = saver.enqueue({ kind: 'rating', transcriptId, scale: it.scale.key, item: it.item.key, value });
  sync.tell({ entity: 'rating', field, value: value === null ? null : String(value), opId: op.opId });
  if (record) {
    S.undo.push({ index: it.index, before, after: value });
    S.redo = [];
  }
}

function undoRedo(from, to, which) {
  const step = from.pop();
  if (!step) return;
  set(S.items[step.index], step[which], { record: false });
  to.push(step);
  select(step.index);
}

function onKey(e) {
  if (helpOpen()) return e.key === 'Escape' || e.key === '?' ? (e.preventDefault(), closeHelp()) : undefined;
  if (e.target.closest && e.target.closest('input, select, textarea, button, a')) {
    if (e.key === 'Escape') $('#items').focus();
    return;
  }
  const c = combo(e);
  const it = S.items[S.cur];
  const action = BY_COMBO.get(c);
  if (/^[0-9]$/.test(c) && it) {
    const v = Number(c);
    if (v < it.item.min || v > it.item.max) return toast(t('rating.outOfRange', { min: it.item.min, max: it.item.max }), 'warn');
    set(it, v);
    if (S.moveOn && S.cur < S.items.length - 1) select(S.cur + 1);
  } else if (!action || !it) return;
  else if (action === 'nextItem') select(S.cur + 1);
  else if (action === 'prevItem') select(S.cur - 1);
  else if (action === 'up' || action === 'down') {
    const now = S.values.get(fieldOf(it));
    const base = now === undefined ? (action === 'up' ? it.item.min - 1 : it.item.max + 1) : now;
    set(it, Math.max(it.item.min, Math.min(it.item.max, base + (action === 'up' ? 1 : -1))));
  } else if (action === 'clear') set(it, null);
  else if (action === 'undo') undoRedo(S.undo, S.redo, 'before');
  else if (action === 'redo') undoRedo(S.redo, S.undo, 'after');
  else if (action === 'help') showHelp(null, KEYS);
  else if (action === 'moveOn') setMoveOn(!S.moveOn);
  e.preventDefault();
}

function refused({ op, error }) {
  toast(t('save.refused', { message: errorText(error) }), 'warn');
  if (op.kind !== 'rating' || op.transcriptId !== transcriptId) return;
  get(`/api/transcripts/${transcriptId}/ratings`).then((rows) => {
    S.values.clear();
    for (const r of rows) S.values.set(`${r.scale}/${r.item}`, r.value);
    S.items.forEach(paint);
    S.scales.forEach(total);
  }).catch(() => {});
}

function fromElsewhere(c) {
  if (c.entity !== 'rating') return;
  const value = c.value === null || c.value === undefined ? null : Number(c.value);
  if ((S.values.has(c.field) ? S.values.get(c.field) : null) === value) return;
  setLocal(c.field, value);
  const it = S.items.find((x) => fieldOf(x) === c.field);
  if (!it) return;
  paint(it);
  total(it.scale);
  toast(t(c.source === 'tab' ? 'sync.otherTabRating' : 'sync.elsewhereRating', { item: tx(it.item.label) }), 'info');
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
