// Telling a screen about changes made elsewhere by the same coder: another tab of this browser
// (BroadcastChannel, at once) or another browser (polling the change log). Changes this tab made
// itself are recognised by their opId and ignored.
import { get } from './api.js';

const POLL_MS = 15000;

export class Sync {
  /** onChange({entity, utteranceId, field, value, opId, source: 'tab'|'server'}) */
  constructor(userId, transcriptId, onChange) {
    this.userId = userId;
    this.transcriptId = transcriptId;
    this.onChange = onChange;
    this.mine = new Set();
    this.seen = new Set();
    this.after = null;
    this.channel = 'BroadcastChannel' in window ? new BroadcastChannel('samenspraak') : null;
    if (this.channel) this.channel.onmessage = (e) => this.fromTab(e.data);
  }

  /** Announces a change this tab made, to the other tabs. */
  tell(change) {
    this.mine.add(change.opId);
    if (this.channel) this.channel.postMessage({ ...change, userId: this.userId, transcriptId: this.transcriptId });
  }

  fromTab(msg) {
    if (!msg || msg.userId !== this.userId || msg.transcriptId !== this.transcriptId) return;
    if (this.seen.has(msg.opId)) return;
    this.seen.add(msg.opId);
    this.onChange({ ...msg, source: 'tab' });
  }

  /** Learns the newest change-log id (one small request), then polls for newer ones. */
  async start() {
    const last = await get(`/api/transcripts/${this.transcriptId}/changes/last`).catch(() => null);
    this.after = last ? last.lastChangeId : 0;
    setInterval(() => this.poll(), POLL_MS);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) this.poll(); });
  }

  async poll() {
    if (this.after === null || this.polling) return;
    this.polling = true;
    try {
      const rows = await get(`/api/transcripts/${this.transcriptId}/changes?after=${this.after}`);
      for (const r of rows) {
        this.after = Math.max(this.after, r.id);
        if (this.mine.has(r.opId) || this.seen.has(r.opId)) continue;
        if (r.opId) this.seen.add(r.opId);
        this.onChange({ entity: r.entity, utteranceId: r.utteranceId, field: r.field, value: r.afterValue, opId: r.opId, source: 'server' });
      }
    } catch {
      // unreachable now; the next poll tries again
    } finally {
      this.polling = false;
    }
  }
}
