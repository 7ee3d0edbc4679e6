// The coding screen's timeline (issue 14): a transcript with times and a recording shows the recording screen's
// timeline (timeline.js) above its units, follows playback with it, seeks where it is clicked, and moves the current
// unit's start or end (by key, or by dragging an edge) through the unit routes, one move after another. A refused
// move is said with the server's reason, and nothing changes here. Each move is a step of the screen's undo: undone
// through the server's unit undo, redone as the same move again.
import { api, ApiError } from './api.js';
import { $, newId } from './dom.js';
import { errorText, t } from './i18n.js';
import { toast } from './status.js';
import { Timeline, readPeaks, codeColour } from './timeline.js';

const isSet = (v) => v !== null && v !== undefined;

/** A time as m:ss.t (boundaries move by 100 ms). */
const tenths = (ms) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${Math.floor((ms % 1000) / 100)}`;
};

export class CodingTimeline {
  /**
   * units: the screen's units (their times are updated here when a move is done); dims: the codebook's dimensions;
   * selected(): the current unit's index; onPick(i): make unit i current; onMoved(i): unit i has new times;
   * onAsked(step): a move was asked ({kind: 'move', id, edge, atMs, state}), for the screen's undo; onDropped(step):
   * it was refused (or its undo or redo was), so it is no step to undo or redo; saved(): a promise of the codes
   * asked before being saved (a move or its undo waits for it, so the server sees the changes in the order made).
   */
  constructor({ transcriptId, player, units, dims, durationMs, selected, onPick, onMoved, onAsked, onDropped, saved }) {
    Object.assign(this, { transcriptId, player, units, selected, onPick, onMoved, onAsked, onDropped, saved });
    this.chain = Promise.resolve();
    this.looping = false;
    $('#timeline-box').hidden = false;
    this.timeline = new Timeline($('#timeline'), {
      colourOf: (u) => codeColour(dims, u.codes),
      onSeek: (ms) => this.seek(ms),
      onMove: (u, edge, ms) => {
        const i = this.units.indexOf(u);
        if (i >= 0 && i !== this.selected()) this.onPick(i);
        this.send(u.id, edge, () => ms);
      },
    });
    this.timeline.durationMs = durationMs || 0;
    const el = player.el;
    el.addEventListener('loadedmetadata', () => {
      if (!this.timeline.durationMs && Number.isFinite(el.duration)) this.timeline.durationMs = Math.round(el.duration * 1000);
      this.draw();
    });
    for (const ev of ['timeupdate', 'seeked', 'play', 'pause']) el.addEventListener(ev, () => this.follow());
    this.loadWaveform();
  }

  async loadWaveform() {
    const res = await fetch(`/api/transcripts/${this.transcriptId}/waveform`, { credentials: 'same-origin' }).catch(() => null);
    this.timeline.peaks = res && res.ok ? readPeaks(await res.arrayBuffer()) : null;
    this.relabel();
    this.draw();
  }

  relabel() {
    $('#timeline-state').textContent = this.timeline.peaks ? '' : t('rec.noWaveform');
  }

  draw() {
    const tl = this.timeline;
    tl.units = this.units;
    tl.selected = this.selected();
    tl.at = this.player.now();
    tl.draw();
  }

  /** The playhead moves with the recording: one frame loop while it plays. */
  follow() {
    this.draw();
    if (this.looping || this.player.el.paused) return;
    this.looping = true;
    const step = () => {
      if (this.player.el.paused) { this.looping = false; return; }
      this.draw();
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  /** A click: the recording goes there, and the unit running there becomes the current one. */
  seek(ms) {
    this.player.seek(ms);
    const i = this.player.indexAt(ms);
    if (i >= 0 && i !== this.selected()) this.onPick(i);
    this.draw();
    $('#units').focus();
  }

  /**
   * Moves unit i's start or end by delta ms. An end the unit does not have yet (an imported file gave starts
   * only) is taken from where the next unit starts, or the recording's end.
   */
  nudge(i, edge, delta) {
    const unit = this.units[i];
    if (!unit) return;
    if (!isSet(unit.startMs)) return toast(t('media.noTime'));
    this.send(unit.id, edge, (u, at) => {
      if (edge === 'start') return u.startMs + delta;
      if (isSet(u.endMs)) return u.endMs + delta;
      const next = this.units[at + 1];
      const end = next && isSet(next.startMs) ? next.startMs : this.timeline.durationMs || this.player.now();
      return end + delta;
    });
  }

  /** One move after another; each reads the unit's times as they are by then (the moves before it done). */
  send(id, edge, target) {
    const step = { kind: 'move', id, edge, atMs: null, state: 'asked' };
    this.onAsked(step);
    this.later(async () => {
      const i = this.units.findIndex((u) => u.id === id);
      if (i < 0) return this.drop(step);
      step.atMs = Math.max(0, Math.round(target(this.units[i], i)));
      await this.moveTo(step, 'coding.movedStart', 'coding.movedEnd');
    });
  }

  /** Undoes a move that was done: the server's unit undo (the caller's newest unit change), both units back. */
  undo(step) {
    this.later(async () => {
      if (step.state !== 'done') return;
      const answer = await this.request('POST', `/api/transcripts/${this.transcriptId}/units/undo`, { opId: newId() });
      if (!answer) return this.drop(step);
      step.state = 'undone';
      this.apply(answer.units);
      const u = this.units.find((x) => x.id === step.id);
      toast(t('coding.moveUndone', { seq: u ? u.seq : '' }));
    });
  }

  /** Redoes an undone move: the same edge to the same time again (a new change on the server). */
  redo(step) {
    this.later(async () => {
      if (step.state !== 'undone') return;
      await this.moveTo(step, 'coding.moveRedone', 'coding.moveRedone');
    });
  }

  async moveTo(step, startText, endText) {
    const answer = await this.request('PUT', `/api/transcripts/${this.transcriptId}/units/${step.id}/${step.edge}`, { atMs: step.atMs, opId: newId() });
    if (!answer) {
      this.drop(step);
      return this.draw();
    }
    step.state = 'done';
    this.apply(answer.units);
    const u = this.units.find((x) => x.id === step.id);
    toast(t(step.edge === 'start' ? startText : endText, { seq: u ? u.seq : '', time: tenths(step.atMs) }));
  }

  drop(step) {
    step.state = 'dropped';
    this.onDropped(step);
  }

  /** Runs fn after everything asked before it: the moves and undos here, and the codes saved. */
  later(fn) {
    this.chain = this.chain.then(() => this.saved()).then(fn).catch(() => {});
  }

  /** Sent again (with the same opId: applied once) while the server cannot be reached; a refusal is said and ends it. */
  async request(method, path, body) {
    for (let wait = 500; ; wait *= 2) {
      try {
        return await api(method, path, body);
      } catch (e) {
        const refused = e instanceof ApiError && e.status < 500 && e.status !== 408 && e.status !== 429;
        if (refused || wait > 8000) {
          toast(t('save.refused', { message: errorText(e) }), 'warn');
          return null;
        }
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** The server's units after a move: the times of ours that changed. */
  apply(server) {
    const byId = new Map(server.map((u) => [u.id, u]));
    this.units.forEach((u, i) => {
      const s = byId.get(u.id);
      if (!s || (s.startMs === u.startMs && s.endMs === u.endMs)) return;
      u.startMs = s.startMs;
      u.endMs = s.endMs;
      this.onMoved(i);
    });
    this.draw();
  }
}
