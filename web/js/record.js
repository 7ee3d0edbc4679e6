// The recording screen (issue 14): code straight from the recording. The coder listens, presses Enter where
// an utterance ends (that ends it and starts the next), says who speaks, and codes the unit just made with
// the codebook's hotkeys. Unit changes go to the server one after another, in order (each answers with all
// units); codes go through the coding screen's autosave queue. Every screen command is a key that types no
// character (arrows, Enter, Space, Tab) or an Alt/Ctrl chord, so no code hotkey can ever collide with one.
import { api, get, currentUser, ApiError } from './api.js';
import { $, h, param, clock, newId } from './dom.js';
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
const S = { units: [], codes: new Map(), dims: [], dim: 0, sel: -1, browsing: false, role: 'professional', durationMs: 0, speed: 2, waiting: 0, offline: false };
let saver, bar, timeline, audio, lastSaver = { state: 'saved', waiting: 0 };

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
  const waiting = lastSaver.waiting + S.waiting;
  const state = lastSaver.state === 'loggedOut' || lastSaver.state === 'offline' ? lastSaver.state : S.offline ? 'offline' : waiting ? 'saving' : 'saved';
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

/** The unit under the playhead (an open last unit reaches to the end), or -1. */
function underPlayhead() {
  const at = now();
  return S.units.findIndex((u) => u.startMs <= at && (u.endMs === null || u.endMs === undefined || at < u.endMs));
}

/** The unit a code or a change is for: the selected one, else the one under the playhead. */
const target = () => S.units[S.sel] || S.units[underPlayhead()] || null;

// ---- unit changes: one after another, each with its opId (sent again after a lost answer, applied once) ----

let chain = Promise.resolve();

/** Runs fn after every change asked for before it (fn reads the units as they are by then). */
function later(fn) {
  S.waiting++;
  status();
  chain = chain.then(fn).catch(() => {}).finally(() => { S.waiting--; status(); });
}

async function send(method, path, body) {
  const op = { ...body, opId: newId() };
  for (let wait = 500; ; wait = Math.min(wait * 2, 8000)) {
    try {
      const r = await api(method, path, op);
      S.offline = false;
      if (r.durationMs) S.durationMs = r.durationMs;
      S.units = r.units.map(plain);
      return r;
    } catch (e) {
      if (e instanceof ApiError && e.status < 500 && e.status !== 408 && e.status !== 429) {
        S.offline = false;
        toast(t('save.refused', { message: errorText(e) }), 'warn');
        throw e;
      }
      S.offline = true;
      status();
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

const indexOf = (id) => S.units.findIndex((u) => u.id === id);

/** Enter: ends the utterance at the playhead and starts the next; the unit just ended is selected, to code. */
function mark() {
  const at = now();
  const role = S.role;
  later(async () => {
    // The first Enter ends the first utterance, which began with the recording.
    if (!S.units.length && at > 0) await send('POST', `/api/transcripts/${transcriptId}/units/next`, { atMs: 0, role });
    await send('POST', `/api/transcripts/${transcriptId}/units/next`, { atMs: at, role });
    const ended = S.units.findIndex((u) => u.endMs === at);
    select(ended >= 0 ? ended : S.units.length - 1);
  });
}

/** Alt+P/C/O: who speaks in the unit being made (the open last unit; else the selected one), and in the next ones. */
function setRole(role) {
  S.role = role;
  render();
  later(async () => {
    const last = S.units[S.units.length - 1];
    const u = last && (last.endMs === null || last.endMs === undefined) ? last : target();
    if (!u || u.speakerRole === role) return;
    await send('PUT', `/api/transcripts/${transcriptId}/units/${u.id}/speaker`, { role });
    render();
  });
}

/** Moves the selected unit's start or end by delta ms. */
function nudge(end, delta) {
  later(async () => {
    const u = S.units[S.sel];
    if (!u) return toast(t('rec.noUnit'));
    // An open last unit is ended at the playhead; any other boundary moves by delta.
    const open = end && (u.endMs === null || u.endMs === undefined);
    const at = open ? now() : Math.max(0, (end ? u.endMs : u.startMs) + delta);
    const id = u.id;
    await send('PUT', `/api/transcripts/${transcriptId}/units/${id}/${end ? 'end' : 'start'}`, { atMs: at });
    select(indexOf(id));
  });
}

/** An edge dragged on the timeline: that unit's start or end to ms, sent as one move; the unit is selected. */
function dragged(unit, edge, at) {
  const id = unit.id;
  later(async () => {
    await send('PUT', `/api/transcripts/${transcriptId}/units/${id}/${edge}`, { atMs: at });
    select(indexOf(id));
  });
}

function split() {
  const at = now();
  later(async () => {
    const i = S.units.findIndex((u) => u.startMs < at && (u.endMs === null || u.endMs === undefined || at < u.endMs));
    if (i < 0) return toast(t('rec.noUnitHere'));
    await send('POST', `/api/transcripts/${transcriptId}/units/${S.units[i].id}/split`, { atMs: at });
    select(i + 1);
  });
}

function merge() {
  later(async () => {
    const u = S.units[S.sel];
    if (!u) return toast(t('rec.noUnit'));
    await send('POST', `/api/transcripts/${transcriptId}/units/${u.id}/merge-next`, {});
    select(indexOf(u.id));
    reloadCodes();
  });
}

function undo() {
  later(async () => {
    const r = await send('POST', `/api/transcripts/${transcriptId}/units/undo`, {});
    const touched = (r.after || []).map((x) => x.id).concat((r.before || []).map((x) => x.id));
    const i = S.units.findIndex((u) => touched.includes(u.id));
    select(i >= 0 ? i : S.sel);
    toast(t('rec.undone'));
    await reloadCodes();
  });
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
  const id = Number($('#gist-dialog').dataset.unit);
  const text = $('#gist').value;
  later(async () => {
    await send('PUT', `/api/transcripts/${transcriptId}/units/${id}/text`, { text });
    select(indexOf(id));
  });
}

// ---- codes: the coding screen's save path ----

function codeIt(code) {
  later(async () => {
    const u = target();
    if (!u) return toast(t('rec.noUnit'));
    if (code.roles && code.roles.length && !code.roles.includes(u.speakerRole)) {
      return toast(t('coding.notForRole', { roles: code.roles.map((r) => t('role.' + r)).join(', ') }), 'warn');
    }
    putCode(u, code.key);
  });
}

function putCode(u, code) {
  const dimension = S.dims[S.dim].key;
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
  'rec.clear': () => later(async () => { const u = target(); if (u) putCode(u, null); }),
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
