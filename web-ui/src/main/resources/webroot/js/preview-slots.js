// Live preview slots shared by every dashboard window of one browser profile and origin. The browser's 6
// HTTP/1.1 connections per host are shared by all of its windows, so two visible dashboards holding 3 MJPEG
// previews each would leave no connection for any API call. Over a BroadcastChannel each window announces how
// many live previews it holds, at once when that changes and as a heartbeat every HEARTBEAT_MS; a window that
// has not been heard from for STALE_MS is forgotten (it crashed or is frozen), and one that closes says so.
// A window takes only the slots the others leave free. Two windows that take slots at the same moment can
// overshoot: then the older window keeps its slots and the younger one gives its back. Without
// BroadcastChannel every window has all `max` slots to itself (the per-window limit).
// The window in use comes first: a window with focus whose selected card got no slot says it `want`s one, and
// every other window then keeps one slot free per wanting window, giving back its last live card that is not
// its own selected one; the wanting window takes the slot once it is free, so the total stays within `max`.
const CHANNEL = 'posegate-preview-slots';
const HEARTBEAT_MS = 1000;
const STALE_MS = 4000;
const LISTEN_FIRST_MS = 300; // a new window hears the others' answers to its hello before it takes slots

export class PreviewSlots {
  constructor(max, onChange) {
    this.max = max;
    this.onChange = onChange;
    this.held = 0;
    this.wanting = false;
    this.others = new Map(); // window id -> { held, want, born, heardAt }
    this.me = { id: Math.random().toString(36).slice(2), born: Date.now() };
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    this.ready = !this.channel;
    if (!this.channel) return;
    this.channel.onmessage = (e) => this.heard(e.data);
    this.announce('hello');
    setTimeout(() => { this.ready = true; this.onChange(); }, LISTEN_FIRST_MS);
    setInterval(() => this.tick(), HEARTBEAT_MS);
    addEventListener('pagehide', () => this.announce('bye'));
    addEventListener('pageshow', (e) => { if (e.persisted) this.announce('hello'); });
  }

  /**
   * How many live previews this window may hold now. `keep` (0 or 1): this window's own selected card, which
   * it does not give up for another window's want.
   */
  budget(keep = 0) {
    if (!this.ready) return 0;
    let others = 0;
    let older = 0;
    let wants = 0;
    for (const o of this.others.values()) {
      others += o.held;
      if (o.want) wants += 1;
      if (o.born < this.me.born || (o.born === this.me.born && o.id < this.me.id)) older += o.held;
    }
    const free = this.held + others <= this.max ? this.max - others : this.max - older; // overshoot: the older windows keep theirs
    const reserve = this.wanting ? 0 : wants; // a slot left free for each other window that wants one
    return Math.max(0, free - reserve, Math.min(keep, this.held, free));
  }

  /** Tells the other windows how many live previews this window holds now, and whether it wants one more. */
  hold(n, want = false) {
    if (n === this.held && want === this.wanting) return;
    this.held = n;
    this.wanting = want;
    this.announce('held');
  }

  announce(type) {
    if (!this.channel) return;
    const bye = type === 'bye';
    this.channel.postMessage({ type, id: this.me.id, born: this.me.born, held: bye ? 0 : this.held, want: !bye && this.wanting });
  }

  heard(m) {
    if (!m || m.id === this.me.id) return;
    const before = this.others.get(m.id);
    if (m.type === 'bye') this.others.delete(m.id);
    else this.others.set(m.id, { held: m.held, want: !!m.want, born: m.born, heardAt: performance.now() });
    if (m.type === 'hello') this.announce('held'); // the newcomer learns at once what this window holds
    const now = this.others.get(m.id);
    if ((before ? before.held : 0) !== (now ? now.held : 0) || !!(before && before.want) !== !!(now && now.want)) this.onChange();
  }

  tick() {
    const now = performance.now();
    let forgot = false;
    for (const [id, o] of this.others) {
      if (now - o.heardAt > STALE_MS) {
        this.others.delete(id);
        forgot = forgot || o.held > 0 || o.want;
      }
    }
    this.announce('held');
    if (forgot) this.onChange();
  }
}
