// The coding screen's timeline (issue 14): a transcript with times and a recording shows the recording screen's
// timeline (timeline.js) above its units, follows playback with it, seeks where it is clicked, and moves the current
// unit's start or end (by key, or by dragging an edge) through the unit routes, one move after another. A refused
// move is said with the server's reason, and nothing changes here.
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
   * selected(): the current unit's index; onPick(i): make unit i current; onMoved(i): unit i has new times.
   */
  constructor({ transcriptId, player, units, dims, durationMs, selected, onPick, onMoved }) {
    Object.assign(this, { transcriptId, player, units, selected, onPick, onMoved });
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
    this.chain = this.chain.then(async () => {
      const i = this.units.findIndex((u) => u.id === id);
      if (i < 0) return;
      const atMs = Math.max(0, Math.round(target(this.units[i], i)));
      const answer = await this.put(`/api/transcripts/${this.transcriptId}/units/${id}/${edge}`, { atMs, opId: newId() });
      if (!answer) return this.draw();
      this.apply(answer.units);
      toast(t(edge === 'start' ? 'coding.movedStart' : 'coding.movedEnd', { seq: this.units[i].seq, time: tenths(atMs) }));
    }).catch(() => {});
  }

  /** Sent again (with the same opId: applied once) while the server cannot be reached; a refusal is said and ends it. */
  async put(path, body) {
    for (let wait = 500; ; wait *= 2) {
      try {
        return await api('PUT', path, body);
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
