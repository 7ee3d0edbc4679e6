// Autosave that loses nothing. Every change becomes an operation with a client-made opId, is
// written to localStorage first (so it survives a reload or a crash), and is then sent to the
// server strictly in order, one at a time. While the server cannot be reached the queue waits
// and retries; the server recognises an opId it has already applied ("replayed": true), so an
// operation sent twice (a lost answer, a second tab flushing the same queue) is applied once.
import { ApiError } from './api.js';
import { newId } from './dom.js';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 8000;

export class Saver extends EventTarget {
  constructor(userId) {
    super();
    this.key = `samenspraak.queue.${userId}`;
    this.sending = false;
    this.state = 'saved'; // saved | saving | offline | loggedOut
    this.retryMs = RETRY_MIN_MS;
    this.timer = null;
    this.lastError = null;
    window.addEventListener('online', () => this.flush());
    // After logging in again (in another tab), coming back here sends what waited.
    window.addEventListener('focus', () => {
      if (this.state === 'loggedOut') {
        this.state = 'saving';
        this.flush();
      }
    });
    window.addEventListener('storage', (e) => { if (e.key === this.key) this.emitStatus(); });
  }

  pending() {
    try {
      return JSON.parse(localStorage.getItem(this.key) || '[]');
    } catch {
      return [];
    }
  }

  write(queue) {
    localStorage.setItem(this.key, JSON.stringify(queue));
  }

  /** Queues a change: {kind:'code', transcriptId, utteranceId, dimension, code|null} or {kind:'rating', transcriptId, scale, item, value|null}. */
  enqueue(change) {
    const op = { ...change, opId: newId(), queuedAt: Date.now() };
    const queue = this.pending();
    queue.push(op);
    this.write(queue);
    this.flush();
    return op;
  }

  emitStatus() {
    const waiting = this.pending().length;
    const state = this.state === 'loggedOut' || this.state === 'offline' ? this.state : waiting ? 'saving' : 'saved';
    this.dispatchEvent(new CustomEvent('status', { detail: { state, waiting } }));
  }

  async flush() {
    if (this.sending) return;
    clearTimeout(this.timer);
    this.sending = true;
    try {
      for (;;) {
        const queue = this.pending();
        if (!queue.length) break;
        this.emitStatus();
        const op = queue[0];
        const outcome = await this.send(op);
        if (outcome === 'retry') return this.retryLater();
        if (outcome === 'loggedOut') return;
        this.write(this.pending().filter((o) => o.opId !== op.opId));
      }
      this.state = 'saved';
      this.retryMs = RETRY_MIN_MS;
    } finally {
      this.sending = false;
      this.emitStatus();
    }
  }

  retryLater() {
    this.state = 'offline';
    this.timer = setTimeout(() => this.flush(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  /** 'done', 'retry' (server unreachable or failing: try again later) or 'loggedOut'. Refusals are dropped and announced. */
  async send(op) {
    let res;
    try {
      res = await fetch(url(op), request(op));
    } catch {
      return 'retry';
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) return 'retry';
    if (res.status === 401) {
      this.state = 'loggedOut';
      this.emitStatus();
      return 'loggedOut';
    }
    const body = await res.json().catch(() => ({}));
    this.state = 'saving';
    if (res.ok) {
      this.dispatchEvent(new CustomEvent('saved', { detail: { op, result: body } }));
    } else {
      this.dispatchEvent(new CustomEvent('refused', { detail: { op, status: res.status, error: ApiError.of(res.status, body, res.statusText) } }));
    }
    return 'done';
  }
}

function url(op) {
  const base = op.kind === 'code'
    ? `/api/utterances/${op.utteranceId}/codes/${encodeURIComponent(op.dimension)}`
    : `/api/transcripts/${op.transcriptId}/ratings/${encodeURIComponent(op.scale)}/${encodeURIComponent(op.item)}`;
  const clearing = op.kind === 'code' ? op.code === null : op.value === null;
  return clearing ? `${base}?opId=${encodeURIComponent(op.opId)}` : base;
}

function request(op) {
  const clearing = op.kind === 'code' ? op.code === null : op.value === null;
  if (clearing) return { method: 'DELETE', headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  const body = op.kind === 'code' ? { code: op.code, opId: op.opId } : { value: op.value, opId: op.opId };
  return {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  };
}
