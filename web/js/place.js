// Where a coder is in a transcript: the unit and the dimension. Kept per tab (sessionStorage: a
// reload returns to this tab's place, even with another tab elsewhere in the same transcript), in the
// address (#u=<unit id>&d=<dimension key>: a link or bookmark says where), and per coder and
// transcript in localStorage (a new tab; a colleague on the same browser keeps their own). Written a
// moment after a move (a held-down key moves many times a second) and at once when the page goes away.
const DELAY_MS = 300;

export class Place {
  constructor(userId, transcriptId) {
    this.key = `samenspraak.place.${userId}.${transcriptId}`;
    this.pending = null;
    this.timer = null;
    window.addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => { if (document.hidden) this.flush(); });
    // The place before it was kept per coder (an index per transcript): no longer read.
    localStorage.removeItem(`samenspraak.pos.${transcriptId}`);
  }

  /** {unit: unit id or null, dimension: key or null}: after a reload this tab's place, else the address's, else this coder's last. */
  read() {
    const how = (performance.getEntriesByType('navigation')[0] || {}).type;
    const tab = sessionStorage.getItem(this.key);
    if (tab && (how === 'reload' || how === 'back_forward')) return parse(tab);
    const fromHash = this.fromAddress();
    if (fromHash.unit !== null) return fromHash;
    try {
      return parse(localStorage.getItem(this.key) || '');
    } catch {
      return { unit: null, dimension: null };
    }
  }

  /** The place the address names (#u=..&d=..); a link followed within the page is read with this. */
  fromAddress() {
    return parse(location.hash.slice(1));
  }

  save(unit, dimension) {
    this.pending = new URLSearchParams({ u: String(unit), d: dimension }).toString();
    if (!this.timer) this.timer = setTimeout(() => this.flush(), DELAY_MS);
  }

  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === null) return;
    localStorage.setItem(this.key, this.pending);
    sessionStorage.setItem(this.key, this.pending);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${this.pending}`);
    this.pending = null;
  }
}

function parse(text) {
  const q = new URLSearchParams(text);
  const unit = Number(q.get('u'));
  return { unit: q.get('u') && Number.isInteger(unit) ? unit : null, dimension: q.get('d') };
}
