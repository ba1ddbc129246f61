// The grid's video previews, kept within the browser's connection budget. A browser opens at most 6 HTTP/1.1
// connections to one host, and an MJPEG preview holds one for as long as it plays: one per card would leave
// every API call of the page (refreshes, Switch, webcam, login) waiting forever once 6 streams play. So at
// most LIVE_MAX cards play MJPEG: the selected card, then the other visible cards in grid order. The other
// visible cards show a still (frame.jpg) renewed about once a second, one request at a time; cards out of
// view, and all of them while the tab is hidden, load nothing. Selecting a card (click, Enter) plays it live.
// The LIVE_MAX slots are shared with the other dashboard windows of this browser (preview-slots.js): two
// visible windows hold at most LIVE_MAX live previews between them once they have settled. The window in use
// (with focus) gets a slot for its selected card: it says it wants one, and the other windows give one back.
import { PreviewSlots } from './preview-slots.js';

export const LIVE_MAX = 3;
const STILL_EVERY_MS = 1000;
const STILL_TIMEOUT_MS = 10000;
const RETRY_MS = 3000;

export class Previews {
  constructor() {
    this.cards = new Map();
    this.selected = null;
    this.slots = new PreviewSlots(LIVE_MAX, () => this.plan());
    this.observer = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => this.onVisible(entries)) : null;
    document.addEventListener('visibilitychange', () => this.plan());
    addEventListener('focus', () => this.plan());
    addEventListener('blur', () => this.plan());
    this.stillLoop();
  }

  /** Takes charge of a new card's img; 'error' on a live preview retries it while the card plays live. */
  add(id, el, img) {
    const p = { id, el, img, mode: 'off', visible: !this.observer, retry: 0, stillAt: 0, blob: null, abort: null };
    img.addEventListener('error', () => {
      if (p.mode !== 'live') return;
      clearTimeout(p.retry);
      p.retry = setTimeout(() => { if (p.mode === 'live') img.src = mjpegUrl(id); }, RETRY_MS);
    });
    this.cards.set(id, p);
    if (this.observer) this.observer.observe(el);
    this.plan();
  }

  /** Stops a removed card's preview for good. */
  remove(id) {
    const p = this.cards.get(id);
    if (!p) return;
    this.cards.delete(id);
    if (this.observer) this.observer.unobserve(p.el);
    this.setMode(p, 'gone');
    this.plan();
  }

  select(id) {
    if (this.selected === id) return;
    this.selected = id;
    this.plan();
  }

  onVisible(entries) {
    for (const e of entries) {
      const p = this.cards.get(e.target.dataset.stream);
      if (p) p.visible = e.isIntersecting;
    }
    this.plan();
  }

  plan() {
    const shown = document.hidden ? [] : [...this.cards.values()].filter((p) => p.visible);
    shown.sort((a, b) => (b.id === this.selected) - (a.id === this.selected)); // stable: grid order otherwise
    const mine = shown.length > 0 && shown[0].id === this.selected ? shown[0] : null; // the selected card, in view
    const live = new Set(shown.slice(0, Math.min(LIVE_MAX, this.slots.budget(mine ? 1 : 0))));
    for (const p of this.cards.values()) this.setMode(p, live.has(p) ? 'live' : shown.includes(p) ? 'still' : 'off');
    this.slots.hold(live.size, !!mine && !live.has(mine) && document.hasFocus()); // the window in use wants a slot
  }

  setMode(p, mode) {
    if (p.mode === mode) return;
    p.mode = mode;
    p.el.dataset.preview = mode;
    clearTimeout(p.retry);
    if (p.abort) p.abort.abort();
    if (mode === 'live') {
      p.img.alt = `Live video of stream ${p.id}`;
      p.img.src = mjpegUrl(p.id);
    } else {
      p.img.alt = `Still picture of stream ${p.id}, renewed every second; select the card to play it live`;
      p.img.removeAttribute('src'); // ends an MJPEG request (an empty src would fire 'error')
      p.stillAt = 0;
    }
    if (p.blob && mode !== 'still') {
      URL.revokeObjectURL(p.blob);
      p.blob = null;
    }
  }

  /** Renews the stills one request at a time, the longest waiting first, each at most once a STILL_EVERY_MS. */
  async stillLoop() {
    for (;;) {
      const now = performance.now();
      let next = null;
      for (const p of this.cards.values()) {
        if (p.mode === 'still' && now - p.stillAt >= STILL_EVERY_MS && (!next || p.stillAt < next.stillAt)) next = p;
      }
      if (next) await this.loadStill(next);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }

  async loadStill(p) {
    p.stillAt = performance.now();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), STILL_TIMEOUT_MS);
    p.abort = abort;
    try {
      const r = await fetch(stillUrl(p.id), { cache: 'no-store', signal: abort.signal });
      const blob = r.ok ? await r.blob() : null; // 503 before the stream's first frame: keep what is shown
      if (!blob || p.mode !== 'still') return;
      const old = p.blob;
      p.blob = URL.createObjectURL(blob);
      p.img.src = p.blob;
      if (old) URL.revokeObjectURL(old);
    } catch (e) {
      // aborted (the card changed mode or the gateway did not answer in time): the loop goes on
    } finally {
      clearTimeout(timer);
      if (p.abort === abort) p.abort = null;
    }
  }
}

function mjpegUrl(id) {
  return `/api/streams/${encodeURIComponent(id)}/mjpeg?fps=10&t=${Date.now()}`;
}

function stillUrl(id) {
  return `/api/streams/${encodeURIComponent(id)}/frame.jpg`;
}
