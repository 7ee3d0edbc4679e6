// Autosave that loses nothing. Every change becomes an operation with a client-made opId, is
// written to localStorage first (so it survives a reload or a crash), and is then sent to the
// server strictly in order, one at a time. While the server cannot be reached the queue waits
// and retries; the server recognises an opId it has already applied ("replayed": true), so an
// operation sent twice (a lost answer, a second tab flushing the same queue) is applied once.
// The recording screen keeps its unit changes in a second queue of the same kind: there each
// operation says what the coder asked for (end the utterance at 12.3 s, split at the playhead), and
// `prepare` works out its request when its turn comes, from the units the changes before it left;
// that request is written back to localStorage before it is sent, so after a reload the very same
// request (same opId) goes again, and the server answers it "replayed" if it had applied it.
import { ApiError } from './api.js';
import { newId } from './dom.js';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 8000;

export class Saver extends EventTarget {
  /**
   * The codes' queue: new Saver(userId). Another queue: new Saver(userId, {key, prepare}), where
   * prepare(op) answers {method, path, body} (opId is added) or null (nothing to send: done).
   */
  constructor(userId, { key = `samenspraak.queue.${userId}`, prepare = null } = {}) {
    super();
    this.key = key;
    this.prepare = prepare;
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

  /**
   * Queues a change: {kind:'code', transcriptId, utteranceId, dimension, code|null} or {kind:'rating', transcriptId, scale, item, value|null};
   * in a queue with prepare, whatever prepare reads.
   */
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

  /** The request an operation sends: worked out by prepare (once, then kept in the queue) or a code's or rating's. */
  async target(op) {
    if (!this.prepare) return { url: url(op), init: request(op) };
    if (!op.req) {
      const req = await this.prepare(op);
      if (!req) return null;
      op.req = req;
      this.write(this.pending().map((o) => (o.opId === op.opId ? { ...o, req } : o)));
    }
    return { url: op.req.path, init: jsonRequest(op.req.method, { ...op.req.body, opId: op.opId }) };
  }

  /** 'done', 'retry' (server unreachable or failing: try again later) or 'loggedOut'. Refusals are dropped and announced. */
  async send(op) {
    let to;
    try {
      to = await this.target(op);
    } catch (error) {
      // An operation that cannot be worked out now never will be: dropped, and announced.
      this.dispatchEvent(new CustomEvent('refused', { detail: { op, status: 0, error } }));
      return 'done';
    }
    if (!to) {
      this.state = 'saving';
      return 'done';
    }
    let res;
    try {
      res = await fetch(to.url, to.init);
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
  return jsonRequest('PUT', op.kind === 'code' ? { code: op.code, opId: op.opId } : { value: op.value, opId: op.opId });
}

function jsonRequest(method, body) {
  return {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  };
}
