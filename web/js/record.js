// The recording screen (issue 14): code straight from the recording. The coder listens, presses Enter where
// an utterance ends (that ends it and starts the next), says who speaks, and codes the unit just made with
// the codebook's hotkeys. Unit changes wait in a queue in localStorage (Saver) and go to the server one after
// another, in order (each answers with all units); codes go through the coding screen's autosave queue. Every screen command is a key that types no
// character (arrows, Enter, Space, Tab) or an Alt/Ctrl chord, so no code hotkey can ever collide with one.
import { get, currentUser } from './api.js';
import { $, h, param, clock } from './dom.js';
import { errorText, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { Saver } from './saver.js';
import { Codebar } from './codebar.js';
import { chord as keyOf, isCharacter } from './keys.js';
import { showHelp, closeHelp, helpOpen } from './help.js';
import { showStatus, toast } from './status.js';
import { Timeline, readPeaks, codeColour } from './timeline.js';

const transcriptId = Number(param('t'));
const ROLES = ['professional', 'client', 'other'];
const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
const S = { units: [], codes: new Map(), dims: [], dim: 0, sel: -1, browsing: false, role: 'professional', durationMs: 0, speed: 2 };
let saver, units, bar, timeline, audio, lastSaver = { state: 'saved', waiting: 0 }, lastUnits = { state: 'saved', waiting: 0 };

/** [action, keys shown in '?', matched combos]: the screen's own keys (help texts key.rec.*). */
const COMMANDS = [
  ['rec.play', ['Space'], ['Space']],
  ['rec.back', ['←'], ['ArrowLeft']],
  ['rec.forward', ['→'], ['ArrowRight']],
  ['rec.slower', ['Alt+↓'], ['Alt+ArrowDown']],
  ['rec.faster', ['Alt+↑'], ['Alt+ArrowUp']],
  ['rec.mark', ['Enter'], ['Enter']],
  ['rec.professional', ['Alt+P'], ['Alt+KeyP']],
  ['rec.client', ['Alt+C'], ['Alt+KeyC']],
  ['rec.other', ['Alt+O'], ['Alt+KeyO']],
  ['rec.next', ['↓', 'j'], ['ArrowDown', 'j']],
  ['rec.prev', ['↑', 'k'], ['ArrowUp', 'k']],
  ['rec.endEarlier', ['Alt+,'], ['Alt+Comma']],
  ['rec.endLater', ['Alt+.'], ['Alt+Period']],
  ['rec.endEarlier1s', ['Alt+Shift+,'], ['Alt+Shift+Comma']],
  ['rec.endLater1s', ['Alt+Shift+.'], ['Alt+Shift+Period']],
  ['rec.startEarlier', ['Alt+['], ['Alt+BracketLeft', 'Alt+Shift+BracketLeft']],
  ['rec.startLater', ['Alt+]'], ['Alt+BracketRight', 'Alt+Shift+BracketRight']],
  ['rec.split', ['Alt+S'], ['Alt+KeyS']],
  ['rec.merge', ['Alt+M'], ['Alt+KeyM']],
  ['rec.gist', ['Alt+G'], ['Alt+KeyG']],
  ['rec.undo', ['Ctrl+Z'], ['Ctrl+z']],
  ['rec.clear', ['Backspace', 'Delete'], ['Backspace', 'Delete']],
  ['nextDimension', ['Tab'], ['Tab']],
  ['prevDimension', ['Shift+Tab'], ['Shift+Tab']],
  ['search', ['/'], ['/']],
  ['help', ['?'], ['?']],
  ['escape', ['Esc'], ['Escape']],
];
const BY_COMBO = new Map(COMMANDS.flatMap(([action, , combos]) => combos.map((c) => [c, action])));

async function start() {
  const [, user] = await Promise.all([loadLanguage(), currentUser()]);
  const doc = await get(`/api/transcripts/${transcriptId}`);
  const [codes, project, info] = await Promise.all([get(`/api/transcripts/${transcriptId}/codes`), get(`/api/projects/${doc.transcript.projectId}`),
    get(`/api/transcripts/${transcriptId}/media/info`)]);
  const book = await get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`);
  setUpHeader(user);
  $('#project-name').textContent = project.name;
  $('#transcript-name').textContent = doc.transcript.name;
  document.title = `${doc.transcript.name} · Samenspraak`;
  S.dims = book.codebook.dimensions.map((d) => ({
    ...d, byKey: new Map(d.codes.map((c) => [c.key, c])), byHotkey: new Map(d.codes.filter((c) => c.hotkey).map((c) => [c.hotkey, c])),
  }));
  S.durationMs = info.durationMs || 0;
  S.units = doc.utterances.map(plain);
  setCodes(codes);
  saver = new Saver(user.id);
  for (const op of saver.pending()) if (op.kind === 'code' && op.transcriptId === transcriptId) setCode(op.utteranceId, op.dimension, op.code);
  saver.addEventListener('status', (e) => { lastSaver = e.detail; status(); });
  saver.addEventListener('refused', (e) => { toast(t('save.refused', { message: errorText(e.detail.error) }), 'warn'); reloadCodes(); });
  units = unitQueue(user.id);

  audio = h(info.contentType.startsWith('video/') ? 'video' : 'audio', { controls: true, preload: 'auto', src: `/api/transcripts/${transcriptId}/media` });
  audio.preservesPitch = true;
  $('#media-slot').replaceChildren(audio);
  for (const ev of ['play', 'pause', 'ratechange']) audio.addEventListener(ev, mediaState);
  audio.addEventListener('loadedmetadata', () => { if (!S.durationMs) S.durationMs = Math.round(audio.duration * 1000); draw(); });
  audio.addEventListener('timeupdate', follow);
  audio.addEventListener('seeked', follow);
  audio.addEventListener('play', follow);

  timeline = new Timeline($('#timeline'), { colourOf, onSeek: (ms) => { seek(ms); $('#units').focus(); }, onMove: dragged });
  if (S.dims.length) {
    bar = new Codebar(S.dims, { onDimension: setDimension, onPick: (code) => { if (code) codeIt(code); $('#units').focus(); } });
    bar.render();
  }
  loadWaveform();
  $('#units').addEventListener('click', (e) => {
    const row = e.target.closest('.rec-unit');
    if (row) select(Number(row.dataset.index), true);
  });
  $('#gist-form').addEventListener('submit', saveGist);
  $('#gist-cancel').addEventListener('click', () => $('#gist-dialog').close());
  $('#gist-dialog').addEventListener('close', () => $('#units').focus());
  $('#help-button').addEventListener('click', () => showHelp(S.dims[S.dim], COMMANDS));
  document.addEventListener('keydown', onKey);
  document.addEventListener('languagechange', () => { render(); mediaState(); if (bar) bar.render(); if (helpOpen()) showHelp(S.dims[S.dim], COMMANDS); });
  $('#loading').hidden = true;
  select(S.units.length ? 0 : -1);
  render();
  mediaState();
  // Unit changes left waiting by an earlier visit (a reload, a crash) go first, in order; while the server
  // cannot be reached they keep waiting, and what the coder does now queues behind them.
  await units.flush();
  $('#units').focus();
  document.body.dataset.ready = 'true';
  saver.flush();
}

const plain = (u) => ({ id: u.id, seq: u.seq, speakerLabel: u.speakerLabel, speakerRole: u.speakerRole, text: u.text || '', startMs: u.startMs, endMs: u.endMs });

function setCodes(codes) {
  S.codes = new Map();
  for (const c of codes) setCode(c.utteranceId, c.dimension, c.code);
}

function setCode(unitId, dimension, code) {
  const mine = S.codes.get(unitId) || {};
  if (code === null || code === undefined) delete mine[dimension];
  else mine[dimension] = code;
  S.codes.set(unitId, mine);
}

const codesOf = (u) => S.codes.get(u.id) || {};

/** What this coder has on the server, with what still waits in this browser's queue over it. */
async function reloadCodes() {
  const codes = await get(`/api/transcripts/${transcriptId}/codes`).catch(() => null);
  if (!codes) return;
  setCodes(codes);
  for (const op of saver.pending()) if (op.kind === 'code' && op.transcriptId === transcriptId) setCode(op.utteranceId, op.dimension, op.code);
  render();
}

async function loadWaveform() {
  const res = await fetch(`/api/transcripts/${transcriptId}/waveform`, { credentials: 'same-origin' }).catch(() => null);
  const peaks = res && res.ok ? readPeaks(await res.arrayBuffer()) : null;
  timeline.peaks = peaks;
  $('#timeline-state').textContent = peaks ? '' : t('rec.noWaveform');
  draw();
}

/** The block's colour: the code of the first dimension this unit has one in; grey while uncoded. */
const colourOf = (u) => codeColour(S.dims, codesOf(u));

// ---- drawing ----

function render() {
  const list = $('#units');
  list.replaceChildren(...S.units.map(row));
  $('#rec-empty').hidden = S.units.length > 0;
  $('#rec-role').textContent = t('rec.role', { role: t('role.' + S.role) });
  if (S.sel >= 0 && S.units[S.sel]) {
    list.setAttribute('aria-activedescendant', `u-${S.units[S.sel].id}`);
    const el = $(`#u-${S.units[S.sel].id}`);
    if (el) el.scrollIntoView({ block: 'nearest' });
  } else list.removeAttribute('aria-activedescendant');
  if (bar) {
    const u = S.units[S.sel];
    bar.mark(u ? u.speakerRole : null, u ? codesOf(u)[S.dims[S.dim].key] || null : null);
  }
  draw();
}

function row(u, i) {
  const mine = codesOf(u);
  const pills = S.dims.map((d, di) => {
    const key = mine[d.key];
    const code = key ? d.byKey.get(key) : null;
    const pill = h('span', { class: `pill${key ? '' : ' empty'}${di === S.dim ? ' on' : ''}`, title: `${tx(d.label)}: ${code ? tx(code.label) : t('coding.uncoded')}`,
      text: code ? tx(code.label) : key || '·' });
    if (code && code.colour) pill.style.setProperty('--code-colour', code.colour);
    return pill;
  });
  const end = u.endMs === null || u.endMs === undefined ? t('rec.open') : ms(u.endMs);
  return h('li', { class: `rec-unit role-${u.speakerRole}${i === S.sel ? ' current' : ''}`, id: `u-${u.id}`, role: 'option',
    'aria-selected': String(i === S.sel), dataset: { index: i } },
  h('span', { class: 'seq', text: u.seq }),
  h('span', { class: 'time', text: `${ms(u.startMs)} – ${end}` }),
  h('span', { class: 'speaker', title: t('role.' + u.speakerRole), text: u.speakerLabel }),
  h('span', { class: 'gist', text: u.text }),
  h('span', { class: 'rec-codes' }, pills));
}

/** A time as m:ss.t (tenths: boundaries move by 100 ms). */
function ms(v) {
  if (v === null || v === undefined) return '';
  return `${clock(v)}.${Math.floor((v % 1000) / 100)}`;
}

function draw() {
  if (!timeline) return;
  timeline.units = S.units;
  timeline.selected = S.sel;
  timeline.durationMs = S.durationMs;
  timeline.at = now();
  timeline.draw();
}

/**
 * The playhead moves with the recording: drawn now, and, while it plays, in one frame loop (started on play, or by
 * the first event that finds it playing; ended by a pause or the end). Later events only draw, never a second loop.
 */
let following = false;
function follow() {
  draw();
  if (following || audio.paused) return;
  following = true;
  const step = () => {
    if (audio.paused || audio.ended) {
      following = false;
      return draw();
    }
    draw();
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function mediaState() {
  if (!audio) return;
  const state = audio.paused ? t('rec.paused') : t('rec.playing');
  $('#media-state').textContent = `${state} · ${t('rec.speed', { speed: audio.playbackRate })}`;
}

function status() {
  const waiting = lastSaver.waiting + lastUnits.waiting;
  const worst = [lastSaver.state, lastUnits.state];
  const state = worst.includes('loggedOut') ? 'loggedOut' : worst.includes('offline') ? 'offline' : waiting ? 'saving' : 'saved';
  showStatus({ state, waiting });
}

// ---- the player ----

const now = () => Math.round((audio ? audio.currentTime : 0) * 1000);

function seek(v) {
  const max = S.durationMs || Math.round((audio.duration || 0) * 1000);
  audio.currentTime = Math.max(0, Math.min(v, max)) / 1000;
  S.browsing = false;
  draw();
}

function playPause() {
  S.browsing = false;
  S.stopAt = null;
  if (audio.paused) audio.play().catch(() => {});
  else audio.pause();
}

function speed(step) {
  S.speed = Math.max(0, Math.min(SPEEDS.length - 1, S.speed + step));
  audio.preservesPitch = true;
  audio.playbackRate = SPEEDS[S.speed];
}

/** Enter on a unit chosen with j/k: plays it, and stops at its end. */
function playUnit(u) {
  audio.currentTime = u.startMs / 1000;
  const stop = u.endMs;
  audio.play().catch(() => {});
  const step = () => {
    if (audio.paused || stop === null || stop === undefined) return;
    if (audio.currentTime * 1000 >= stop) return audio.pause();
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

// ---- selection ----

function select(i, browsing = false) {
  S.sel = S.units.length ? Math.max(0, Math.min(S.units.length - 1, i)) : -1;
  if (browsing) S.browsing = true;
  render();
}

/** The unit under the playhead, or under `at` (an open last unit reaches to the end), or -1. */
function underPlayhead(at = now()) {
  return S.units.findIndex((u) => u.startMs <= at && (u.endMs === null || u.endMs === undefined || at < u.endMs));
}

// ---- unit changes: queued in localStorage (a reload or a crash loses none), sent one after another ----

// Each change is kept as what the coder asked for, in absolute terms (times in ms, unit ids where the unit was
// known when the key was pressed), with its opId. When its turn comes, prepare works out its request from the
// units as the changes before it left them; the Saver keeps that request (with the opId) in the queue before
// sending it, so after a reload the same request goes again and the server answers it "replayed" if it had
// applied it. Codes given to a unit still being made wait in this queue too, and go to the codes' queue in turn.
const byId = (id) => S.units.find((u) => u.id === id) || null;

/** The unit a change is for: the one chosen when the key was pressed, else the selected one, else the one under `at`. */
function chosen(op) {
  return (op.unitId && byId(op.unitId)) || S.units[S.sel] || S.units[underPlayhead(op.atMs)] || null;
}

/** A change with nothing to send: says why, and answers null. */
function nothing(message, kind) {
  toast(message, kind);
  return null;
}

const UNIT_CHANGES = {
  next: {
    prepare: (op) => ({ method: 'POST', path: `/api/transcripts/${transcriptId}/units/next`, body: { atMs: op.atMs, role: op.role } }),
    done: (op) => {
      const ended = S.units.findIndex((u) => u.endMs === op.atMs);
      select(ended >= 0 ? ended : S.units.length - 1);
    },
  },
  speaker: {
    prepare: (op) => {
      const last = S.units[S.units.length - 1];
      const u = last && (last.endMs === null || last.endMs === undefined) ? last : chosen(op);
      if (!u || u.speakerRole === op.role) return null;
      return { method: 'PUT', path: `/api/transcripts/${transcriptId}/units/${u.id}/speaker`, body: { role: op.role } };
    },
    done: () => render(),
  },
  move: {
    prepare: (op) => {
      const u = (op.unitId && byId(op.unitId)) || S.units[S.sel];
      if (!u) return nothing(t('rec.noUnit'));
      // An open last unit is ended at the playhead; any other boundary moves by delta (or to atMs, given no delta).
      const open = op.end && (u.endMs === null || u.endMs === undefined);
      const at = open || op.delta === undefined ? op.atMs : Math.max(0, (op.end ? u.endMs : u.startMs) + op.delta);
      return { method: 'PUT', path: `/api/transcripts/${transcriptId}/units/${u.id}/${op.end ? 'end' : 'start'}`, body: { atMs: at }, unitId: u.id };
    },
    done: (op) => select(indexOf(op.req.unitId)),
  },
  split: {
    prepare: (op) => {
      const u = S.units.find((x) => x.startMs < op.atMs && (x.endMs === null || x.endMs === undefined || op.atMs < x.endMs));
      if (!u) return nothing(t('rec.noUnitHere'));
      return { method: 'POST', path: `/api/transcripts/${transcriptId}/units/${u.id}/split`, body: { atMs: op.atMs }, unitId: u.id };
    },
    done: (op) => select(indexOf(op.req.unitId) + 1),
  },
  merge: {
    prepare: (op) => {
      const u = (op.unitId && byId(op.unitId)) || S.units[S.sel];
      if (!u) return nothing(t('rec.noUnit'));
      return { method: 'POST', path: `/api/transcripts/${transcriptId}/units/${u.id}/merge-next`, body: {}, unitId: u.id };
    },
    done: (op) => { select(indexOf(op.req.unitId)); reloadCodes(); },
  },
  undo: {
    prepare: () => ({ method: 'POST', path: `/api/transcripts/${transcriptId}/units/undo`, body: {} }),
    done: (op, r) => {
      const touched = (r.after || []).map((x) => x.id).concat((r.before || []).map((x) => x.id));
      const i = S.units.findIndex((u) => touched.includes(u.id));
      select(i >= 0 ? i : S.sel);
      toast(t('rec.undone'));
      reloadCodes();
    },
  },
  text: {
    prepare: (op) => (byId(op.unitId) ? { method: 'PUT', path: `/api/transcripts/${transcriptId}/units/${op.unitId}/text`, body: { text: op.text }, unitId: op.unitId } : null),
    done: (op) => select(indexOf(op.req.unitId)),
  },
  // A code for the unit just made (or the one chosen): handed to the codes' queue when the unit exists.
  code: {
    prepare: (op) => {
      const u = chosen(op);
      if (!u) return nothing(t('rec.noUnit'));
      const dim = S.dims.find((d) => d.key === op.dimension);
      const code = dim && op.code !== null ? dim.byKey.get(op.code) : null;
      if (code && code.roles && code.roles.length && !code.roles.includes(u.speakerRole)) {
        return nothing(t('coding.notForRole', { roles: code.roles.map((r) => t('role.' + r)).join(', ') }), 'warn');
      }
      putCode(u, op.dimension, op.code);
      return null;
    },
  },
};

const indexOf = (id) => S.units.findIndex((u) => u.id === id);

/** A queue of this coder's unit changes to this transcript, in this browser. */
function unitQueue(userId) {
  const q = new Saver(userId, { key: `samenspraak.units.${userId}.${transcriptId}`, prepare: (op) => UNIT_CHANGES[op.action].prepare(op) });
  q.addEventListener('saved', (e) => {
    const { op, result: r } = e.detail;
    if (r.durationMs) S.durationMs = r.durationMs;
    S.units = r.units.map(plain);
    const done = UNIT_CHANGES[op.action].done;
    if (done) done(op, r);
    else render();
  });
  q.addEventListener('refused', (e) => toast(t('save.refused', { message: errorText(e.detail.error) }), 'warn'));
  q.addEventListener('status', (e) => { lastUnits = e.detail; status(); });
  return q;
}

/** Queues a unit change; the unit chosen now is kept when nothing waits before it (else the changes before it choose). */
function change(op) {
  const u = S.units[S.sel];
  const settled = !units.pending().length;
  units.enqueue({ ...op, unitId: op.unitId || (settled && u ? u.id : null) });
}

/** Enter: ends the utterance at the playhead and starts the next; the unit just ended is selected, to code. */
function mark() {
  const at = now();
  // The first Enter ends the first utterance, which began with the recording.
  if (!S.units.length && !units.pending().length && at > 0) units.enqueue({ action: 'next', atMs: 0, role: S.role });
  units.enqueue({ action: 'next', atMs: at, role: S.role });
}

/** Alt+P/C/O: who speaks in the unit being made (the open last unit; else the selected one), and in the next ones. */
function setRole(role) {
  S.role = role;
  render();
  change({ action: 'speaker', role, atMs: now() });
}

/** Moves the selected unit's start or end by delta ms. */
function nudge(end, delta) {
  change({ action: 'move', end, delta, atMs: now() });
}

/** An edge dragged on the timeline: that unit's start or end to ms, sent as one move; the unit is selected. */
function dragged(unit, edge, at) {
  units.enqueue({ action: 'move', unitId: unit.id, end: edge === 'end', atMs: at });
}

function split() {
  units.enqueue({ action: 'split', atMs: now() });
}

function merge() {
  change({ action: 'merge' });
}

function undo() {
  units.enqueue({ action: 'undo' });
}

function openGist() {
  const u = S.units[S.sel];
  if (!u) return toast(t('rec.noUnit'));
  $('#gist-label').textContent = t('rec.gistFor', { seq: u.seq, time: ms(u.startMs) });
  $('#gist').value = u.text;
  $('#gist-dialog').dataset.unit = String(u.id);
  $('#gist-dialog').showModal();
  $('#gist').focus();
}

function saveGist() {
  units.enqueue({ action: 'text', unitId: Number($('#gist-dialog').dataset.unit), text: $('#gist').value });
}

// ---- codes: the coding screen's save path ----

function codeIt(code) {
  change({ action: 'code', dimension: S.dims[S.dim].key, code: code ? code.key : null, atMs: now() });
}

function putCode(u, dimension, code) {
  if ((codesOf(u)[dimension] || null) === code) return;
  setCode(u.id, dimension, code);
  saver.enqueue({ kind: 'code', transcriptId, utteranceId: u.id, dimension, code });
  render();
}

function setDimension(i) {
  S.dim = (i + S.dims.length) % S.dims.length;
  bar.setDimension(S.dim);
  render();
}

// ---- keys ----

const ACTIONS = {
  'rec.play': playPause,
  'rec.back': () => seek(now() - 2000),
  'rec.forward': () => seek(now() + 2000),
  'rec.slower': () => speed(-1),
  'rec.faster': () => speed(1),
  'rec.mark': () => (S.browsing && S.units[S.sel] ? playUnit(S.units[S.sel]) : mark()),
  'rec.professional': () => setRole('professional'),
  'rec.client': () => setRole('client'),
  'rec.other': () => setRole('other'),
  'rec.next': () => select(S.sel + 1, true),
  'rec.prev': () => select(S.sel - 1, true),
  'rec.endEarlier': () => nudge(true, -100),
  'rec.endLater': () => nudge(true, 100),
  'rec.endEarlier1s': () => nudge(true, -1000),
  'rec.endLater1s': () => nudge(true, 1000),
  'rec.startEarlier': (e) => nudge(false, e.shiftKey ? -1000 : -100),
  'rec.startLater': (e) => nudge(false, e.shiftKey ? 1000 : 100),
  'rec.split': split,
  'rec.merge': merge,
  'rec.gist': openGist,
  'rec.undo': undo,
  'rec.clear': () => codeIt(null),
  nextDimension: () => { if (S.dims.length > 1) setDimension(S.dim + 1); },
  prevDimension: () => { if (S.dims.length > 1) setDimension(S.dim - 1); },
  search: () => bar && bar.openSearch(),
  help: () => showHelp(S.dims[S.dim], COMMANDS),
  escape: () => $('#units').focus(),
};

function onKey(e) {
  if (helpOpen()) return e.key === 'Escape' || e.key === '?' ? (e.preventDefault(), closeHelp()) : undefined;
  if ($('#gist-dialog').open) return;
  const inField = e.target.closest && e.target.closest('input, select, textarea, button, a, audio, video');
  const c = keyOf(e);
  if (inField) {
    if (c === 'Escape') { e.preventDefault(); $('#units').focus(); }
    return;
  }
  const action = BY_COMBO.get(c);
  const code = !action && isCharacter(c) && S.dims.length ? S.dims[S.dim].byHotkey.get(c) : null;
  if (!action && !code) {
    if (isCharacter(c)) toast(t('coding.unknownKey', { key: c }));
    return;
  }
  e.preventDefault();
  if (code) codeIt(code);
  else ACTIONS[action](e);
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
