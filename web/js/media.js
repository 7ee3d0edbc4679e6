// The recording beside the transcript: play one unit's segment, or follow (play on and move the
// highlight with the recording). Only built when the transcript has times and a recording; the coding
// screen then shows its timeline too (timeline.js).
import { h, $ } from './dom.js';
import { t } from './i18n.js';

export class Player {
  constructor(info, transcriptId, units, onFollow) {
    const video = info.contentType.startsWith('video/');
    this.el = h(video ? 'video' : 'audio', { controls: true, preload: 'metadata', src: `/api/transcripts/${transcriptId}/media` });
    this.units = units;
    this.onFollow = onFollow;
    this.stopAt = null;
    this.following = false;
    this.el.addEventListener('timeupdate', () => this.tick());
    this.el.addEventListener('pause', () => this.state());
    this.el.addEventListener('play', () => this.state());
    $('#media-slot').replaceChildren(this.el);
    $('#media').hidden = false;
    this.state();
  }

  /** Plays the unit's segment and stops at its end; pressed again while playing, pauses. */
  playUnit(unit) {
    if (!this.el.paused) return this.pause();
    if (unit.startMs === null || unit.startMs === undefined) return false;
    this.following = false;
    this.el.currentTime = unit.startMs / 1000;
    this.stopAt = unit.endMs !== null && unit.endMs !== undefined ? unit.endMs / 1000 : null;
    this.el.play().catch(() => {});
    this.watch();
    return true;
  }

  /** Follow mode: plays on from the unit, moving the highlight; pressed again, stops following. */
  follow(unit) {
    if (this.following) {
      this.pause();
      return true;
    }
    if (unit.startMs === null || unit.startMs === undefined) return false;
    this.following = true;
    this.stopAt = null;
    this.el.currentTime = unit.startMs / 1000;
    this.el.play().catch(() => {});
    this.state();
    return true;
  }

  pause() {
    this.following = false;
    this.stopAt = null;
    this.el.pause();
    this.state();
    return true;
  }

  // timeupdate fires only a few times a second: a frame loop stops a segment on time.
  watch() {
    const step = () => {
      if (this.stopAt === null || this.el.paused) return;
      if (this.el.currentTime >= this.stopAt) return this.pause();
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  tick() {
    if (!this.following) return;
    const found = this.indexAt(this.el.currentTime * 1000);
    if (found >= 0) this.onFollow(found);
  }

  /** The last unit that starts at or before ms (units are in time order), or -1. */
  indexAt(ms) {
    let lo = 0, hi = this.units.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.units[mid].startMs;
      if (s === null || s === undefined || s <= ms) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /** Where the recording is, in ms. */
  now() {
    return Math.round(this.el.currentTime * 1000);
  }

  /** To ms, without playing. */
  seek(ms) {
    this.el.currentTime = Math.max(0, ms) / 1000;
  }

  state() {
    $('#media-state').textContent = this.following ? t('media.following') : this.el.paused ? t('media.paused') : t('media.playing');
  }
}
