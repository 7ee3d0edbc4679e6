// The coding screen: a transcript, the codebook beside it, everything by keyboard. With times and a recording,
// the recording's timeline above it (codetimeline.js), where the current unit's boundaries move. Undo and redo
// walk back and forth through codes and boundary moves alike, in the order they were made.
import { get, currentUser } from './api.js';
import { $, param } from './dom.js';
import { errorText, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { Saver } from './saver.js';
import { Sync } from './sync.js';
import { TranscriptView } from './view.js';
import { Codebar } from './codebar.js';
import { Player } from './media.js';
import { chord, commandFor, isCharacter, COMMANDS, BOUNDARY_COMMANDS } from './keys.js';
import { showHelp, closeHelp, helpOpen } from './help.js';
import { showStatus, toast } from './status.js';
import { Place } from './place.js';
import { showRolesNotice, explainRoleRefusal } from './rolesbanner.js';
import { CodingTimeline } from './codetimeline.js';

const transcriptId = Number(param('t'));
// For the benchmark: usableMs is navigation start (performance's time origin) to the frame painted
// after the first key the screen acted on.
const perf = (window.samenspraak = { keyMs: [], handlerMs: [], readyMs: null, renderMs: null, usableMs: null });
const S = { units: [], dims: [], dim: 0, cur: 0, undo: [], redo: [], auto: true };
let view, bar, saver, sync, place, player = null, timeline = null, user;

/** Every request as early as it can go: the language beside the log-in check, then what needs a login. */
async function load() {
  [, user] = await Promise.all([loadLanguage(), currentUser()]);
  const [doc, codes] = await Promise.all([get(`/api/transcripts/${transcriptId}`), get(`/api/transcripts/${transcriptId}/codes`)]);
  const project = await get(`/api/projects/${doc.transcript.projectId}`);
  const book = await get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`);
  return { doc, codes, project, book };
}

async function start() {
  const { doc, codes, project, book } = await load();
  // A transcript made from a recording alone is coded on the recording screen (issue 14).
  if (doc.transcript.format === 'recording') return location.replace(`record.html?t=${transcriptId}${location.hash}`);
  const t0 = performance.now();
  setUpHeader(user);
  $('#project-name').textContent = $('#project-name').title = project.name;
  $('#transcript-name').textContent = $('#transcript-name').title = doc.transcript.name;
  document.title = `${doc.transcript.name} · Samenspraak`;
  S.units = doc.utterances.map((u) => ({ ...u, codes: {} }));
  S.dims = book.codebook.dimensions.map((d) => ({
    ...d, byKey: new Map(d.codes.map((c) => [c.key, c])), byHotkey: new Map(d.codes.filter((c) => c.hotkey).map((c) => [c.hotkey, c])),
  }));
  const index = new Map(S.units.map((u, i) => [u.id, i]));
  for (const c of codes) if (index.has(c.utteranceId)) S.units[index.get(c.utteranceId)].codes[c.dimension] = c.code;
  S.index = index;
  saver = new Saver(user.id);
  // What this browser changed but the server has not acknowledged yet is shown as it will be.
  for (const op of saver.pending()) if (op.kind === 'code' && op.transcriptId === transcriptId) setLocal(op.utteranceId, op.dimension, op.code);
  S.auto = localStorage.getItem('samenspraak.autoAdvance') !== 'false';
  $('#auto-advance').checked = S.auto;
  $('#auto-advance').addEventListener('change', (e) => setAuto(e.target.checked));
  if ((book.codebook.ratingScales || []).length) {
    $('#rating-link').hidden = false;
    $('#rating-link').href = `rate.html?t=${transcriptId}`;
  }
  if (!S.dims.length) {
    $('#loading').textContent = t('coding.noDimensions');
    return;
  }
  view = new TranscriptView($('#units'), S.units, S.dims, (i) => move(i));
  view.render();
  bar = new Codebar(S.dims, { onDimension: setDimension, onPick: pickFromBar });
  bar.render();
  $('#loading').hidden = true;
  saver.addEventListener('status', (e) => showStatus(e.detail));
  saver.addEventListener('refused', (e) => refused(e.detail));
  place = new Place(user.id, transcriptId);
  goTo(place.read());
  place.flush();
  window.addEventListener('hashchange', () => { const at = place.fromAddress(); if (at.unit !== null) goTo(at); });
  updateProgress();
  document.addEventListener('keydown', onKey);
  document.addEventListener('languagechange', relabel);
  $('#help-button').addEventListener('click', () => showHelp(S.dims[S.dim], commands()));
  $('#units').focus();
  perf.renderMs = performance.now() - t0;
  perf.readyMs = performance.now();
  document.body.dataset.ready = 'true';
  saver.flush();
  sync = new Sync(user.id, transcriptId, fromElsewhere);
  sync.start();
  setUpMedia(doc);
  showRolesNotice(doc);
}

async function setUpMedia(doc) {
  if (!S.units.some((u) => u.startMs !== null && u.startMs !== undefined)) return;
  const info = await get(`/api/transcripts/${transcriptId}/media/info`).catch(() => null);
  if (!info) return;
  player = new Player(info, doc.transcript.id, S.units, (i) => { if (i !== S.cur) move(i); });
  timeline = new CodingTimeline({
    transcriptId, player, units: S.units, dims: S.dims, durationMs: info.durationMs, selected: () => S.cur, onPick: (i) => move(i),
    onMoved: (i) => view.update(i),
    onAsked: (step) => { S.undo.push(step); S.redo = []; },
    onDropped: (step) => { S.undo = S.undo.filter((x) => x !== step); S.redo = S.redo.filter((x) => x !== step); },
    saved,
  });
  timeline.draw();
}

/** Resolves once this browser's queue holds no change of this transcript (the codes asked before are saved). */
function saved() {
  const waiting = () => saver.pending().some((op) => op.transcriptId === transcriptId);
  if (!waiting()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (waiting()) return;
      saver.removeEventListener('status', check);
      resolve();
    };
    saver.addEventListener('status', check);
  });
}

/** The screen's keys for '?': the boundary keys only where there is a timeline. */
const commands = () => (timeline ? [...COMMANDS, ...BOUNDARY_COMMANDS] : COMMANDS);

/** Alt+, Alt+. (with Shift: 1 s), Alt+[ Alt+]: the current unit's end or start, by delta ms. */
function boundary(edge, delta) {
  if (!timeline) return toast(t('coding.noTimeline'));
  timeline.nudge(S.cur, edge, delta);
}

const dimKey = () => S.dims[S.dim].key;
const unit = () => S.units[S.cur];

function setLocal(utteranceId, dimension, code) {
  const i = S.index.get(utteranceId);
  if (i === undefined) return null;
  if (code === null || code === undefined) delete S.units[i].codes[dimension];
  else S.units[i].codes[dimension] = code;
  return i;
}

function move(i) {
  const n = Math.max(0, Math.min(S.units.length - 1, i));
  S.cur = n;
  view.setCurrent(n);
  bar.mark(unit().speakerRole, unit().codes[dimKey()] || null);
  place.save(unit().id, dimKey());
  if (timeline) timeline.draw();
}

/** Back to a place ({unit id, dimension key}); without one (or a unit no longer there), the first uncoded unit. */
function goTo({ unit: id, dimension }) {
  const d = S.dims.findIndex((x) => x.key === dimension);
  if (d >= 0 && d !== S.dim) setDimension(d);
  const i = id === null ? undefined : S.index.get(id);
  move(i !== undefined ? i : Math.max(0, nextUncoded(-1)));
}

function setDimension(i) {
  S.dim = (i + S.dims.length) % S.dims.length;
  view.setDimension(S.dim);
  bar.setDimension(S.dim);
  bar.mark(unit().speakerRole, unit().codes[dimKey()] || null);
  updateProgress();
  if (place) place.save(unit().id, dimKey());
}

function setAuto(on) {
  S.auto = on;
  $('#auto-advance').checked = on;
  localStorage.setItem('samenspraak.autoAdvance', String(on));
  toast(t(on ? 'coding.autoOn' : 'coding.autoOff'));
}

/** Sets (or clears, code null) the current dimension's code of unit i, saves it, and records it for undo. */
function change(i, dimension, code, { record = true } = {}) {
  const u = S.units[i];
  const before = u.codes[dimension] || null;
  if (before === code) return false;
  setLocal(u.id, dimension, code);
  view.update(i);
  const op = saver.enqueue({ kind: 'code', transcriptId, utteranceId: u.id, dimension, code });
  sync.tell({ entity: 'code', utteranceId: u.id, field: dimension, value: code, opId: op.opId });
  if (record) {
    S.undo.push({ i, dimension, before, after: code });
    S.redo = [];
  }
  if (i === S.cur) bar.mark(u.speakerRole, u.codes[dimKey()] || null);
  updateProgress();
  if (timeline) timeline.draw();
  return true;
}

function applies(code, role) {
  return !code.roles || !code.roles.length || code.roles.includes(role);
}

function setCode(code) {
  const u = unit();
  if (!applies(code, u.speakerRole)) return explainRoleRefusal(code, u);
  change(S.cur, dimKey(), code.key);
  if (S.auto && S.cur < S.units.length - 1) move(S.cur + 1);
}

function pickFromBar(code) {
  if (code) setCode(code);
  $('#units').focus();
}

/** Ctrl+Z, Ctrl+Y: the last step of either stack, a code or a boundary move (that one through the timeline and the server). */
function undoRedo(from, to, field, label) {
  const step = from.pop();
  if (!step) return toast(t(label === 'undo' ? 'coding.nothingToUndo' : 'coding.nothingToRedo'));
  if (step.kind === 'move') {
    to.push(step);
    const i = S.index.get(step.id);
    if (i !== undefined && i !== S.cur) move(i);
    return label === 'undo' ? timeline.undo(step) : timeline.redo(step);
  }
  change(step.i, step.dimension, step[field], { record: false });
  to.push(step);
  const dimIndex = S.dims.findIndex((d) => d.key === step.dimension);
  if (dimIndex !== S.dim) setDimension(dimIndex);
  move(step.i);
  const d = S.dims[dimIndex];
  const value = step[field] ? tx(d.byKey.get(step[field])?.label) || step[field] : t('coding.uncoded');
  toast(t(label === 'undo' ? 'coding.undone' : 'coding.redone', { seq: S.units[step.i].seq, code: value }));
}

function nextUncoded(from) {
  const key = dimKey();
  for (let k = 1; k <= S.units.length; k++) {
    const i = (from + k + S.units.length) % S.units.length;
    if (!S.units[i].codes[key]) return i;
  }
  return -1;
}

const ACTIONS = {
  next: () => move(S.cur + 1),
  prev: () => move(S.cur - 1),
  next10: () => move(S.cur + 10),
  prev10: () => move(S.cur - 10),
  first: () => move(0),
  last: () => move(S.units.length - 1),
  nextUncoded: () => {
    const i = nextUncoded(S.cur);
    if (i < 0) toast(t('coding.allCoded'));
    else move(i);
  },
  clear: () => change(S.cur, dimKey(), null),
  undo: () => undoRedo(S.undo, S.redo, 'before', 'undo'),
  redo: () => undoRedo(S.redo, S.undo, 'after', 'redo'),
  nextDimension: () => setDimension(S.dim + 1),
  prevDimension: () => setDimension(S.dim - 1),
  search: () => bar.openSearch(),
  help: () => showHelp(S.dims[S.dim], commands()),
  play: () => media('playUnit'),
  follow: () => media('follow'),
  autoAdvance: () => setAuto(!S.auto),
  escape: () => $('#units').focus(),
  header: () => toHeader(),
  endEarlier: () => boundary('end', -100),
  endLater: () => boundary('end', 100),
  endEarlier1s: () => boundary('end', -1000),
  endLater1s: () => boundary('end', 1000),
  startEarlier: (e) => boundary('start', e.shiftKey ? -1000 : -100),
  startLater: (e) => boundary('start', e.shiftKey ? 1000 : 100),
};

/** F6: Tab switches dimensions in the transcript, so this is the keyboard's way to the header's links. */
function toHeader() {
  const first = [...document.querySelectorAll('.bar a[href], .bar button, .bar select')].find((el) => !el.hidden && el.offsetParent !== null);
  if (first) first.focus();
}

function media(how) {
  if (!player) return toast(t('media.none'));
  if (!player[how](unit())) toast(t('media.noTime'));
}

function onKey(e) {
  if (helpOpen()) return e.key === 'Escape' || e.key === '?' ? (e.preventDefault(), closeHelp()) : undefined;
  const target = e.target;
  const inField = target.closest && target.closest('input, select, textarea, button, a, audio, video');
  const c = chord(e);
  if (inField) {
    if (c === 'Escape' || c === 'F6') { e.preventDefault(); $('#units').focus(); }
    return;
  }
  let action = commandFor(c);
  if ((action === 'nextDimension' || action === 'prevDimension') && S.dims.length < 2) return;
  const code = !action && isCharacter(c) ? S.dims[S.dim].byHotkey.get(c) : null;
  if (!action && !code) {
    if (isCharacter(c)) toast(t('coding.unknownKey', { key: c }));
    return;
  }
  e.preventDefault();
  const t0 = e.timeStamp;
  if (code) setCode(code);
  else ACTIONS[action](e);
  perf.handlerMs.push(performance.now() - t0);
  // For the benchmark: from the key to the frame that shows its result.
  requestAnimationFrame(() => setTimeout(() => {
    const now = performance.now();
    perf.keyMs.push(now - t0);
    if (perf.usableMs === null) perf.usableMs = now;
  }, 0));
}

function refused({ op, error }) {
  toast(t('save.refused', { message: errorText(error) }), 'warn');
  if (op.kind !== 'code' || op.transcriptId !== transcriptId) return;
  get(`/api/transcripts/${transcriptId}/codes`).then((codes) => {
    const i = S.index.get(op.utteranceId);
    delete S.units[i].codes[op.dimension];
    const server = codes.find((c) => c.utteranceId === op.utteranceId && c.dimension === op.dimension);
    if (server) S.units[i].codes[op.dimension] = server.code;
    view.update(i);
    updateProgress();
    if (timeline) timeline.draw();
  }).catch(() => {});
}

/** A change made in another tab or browser by this coder: shown, and said. */
function fromElsewhere(c) {
  if (c.entity !== 'code') return;
  const i = S.index.get(c.utteranceId);
  if (i === undefined || (S.units[i].codes[c.field] || null) === (c.value || null)) return;
  // From the server: a change of this cell still waiting in this browser's queue is newer, and wins.
  if (c.source === 'server' && saver.pending().some((op) => op.kind === 'code' && op.utteranceId === c.utteranceId && op.dimension === c.field)) return;
  setLocal(c.utteranceId, c.field, c.value);
  view.update(i);
  if (timeline) timeline.draw();
  if (i === S.cur) bar.mark(unit().speakerRole, unit().codes[dimKey()] || null);
  updateProgress();
  const d = S.dims.find((x) => x.key === c.field);
  const label = c.value ? tx(d?.byKey.get(c.value)?.label) || c.value : t('coding.uncoded');
  toast(t(c.source === 'tab' ? 'sync.otherTab' : 'sync.elsewhere', { seq: S.units[i].seq, code: label }), 'info');
}

function updateProgress() {
  const key = dimKey();
  let done = 0;
  for (const u of S.units) if (u.codes[key]) done++;
  const n = S.units.length;
  $('#progress-text').textContent = t('progress.coded', { done, n, dimension: tx(S.dims[S.dim].label) });
  const bar_ = $('#progress');
  bar_.setAttribute('aria-valuemax', String(n));
  bar_.setAttribute('aria-valuenow', String(done));
  $('#progress-fill').style.width = `${n ? (100 * done) / n : 0}%`;
}

function relabel() {
  view.relabel();
  bar.render();
  updateProgress();
  if (player) player.state();
  if (timeline) timeline.relabel();
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
