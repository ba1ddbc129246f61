// Live preview slots shared by every dashboard window of one browser profile and origin. The browser's 6
// HTTP/1.1 connections per host are shared by all of its windows, so two visible dashboards holding 3 MJPEG
// previews each would leave no connection for any API call. Over a BroadcastChannel each window announces how
// many live previews it holds, at once when that changes and as a heartbeat every HEARTBEAT_MS; a window that
// has not been heard from for STALE_MS is forgotten (it crashed or is frozen), and one that closes says so.
// A window takes only the slots the others leave free. Two windows that take slots at the same moment can
// overshoot: then the older window keeps its slots and the younger one gives its back. Without
// BroadcastChannel every window has all `max` slots to itself (the per-window limit).
const CHANNEL = 'posegate-preview-slots';
const HEARTBEAT_MS = 1000;
const STALE_MS = 4000;
const LISTEN_FIRST_MS = 300; // a new window hears the others' answers to its hello before it takes slots

export class PreviewSlots {
  constructor(max, onChange) {
    this.max = max;
    this.onChange = onChange;
    this.held = 0;
    this.others = new Map(); // window id -> { held, born, heardAt }
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

  /** How many live previews this window may hold now. */
  budget() {
    if (!this.ready) return 0;
    let others = 0;
    let older = 0;
    for (const o of this.others.values()) {
      others += o.held;
      if (o.born < this.me.born || (o.born === this.me.born && o.id < this.me.id)) older += o.held;
    }
    if (this.held + others <= this.max) return Math.max(0, this.max - others); // the free slots
    return Math.max(0, this.max - older); // overshoot: the older windows keep theirs
  }

  /** Tells the other windows how many live previews this window holds now. */
  hold(n) {
    if (n === this.held) return;
    this.held = n;
    this.announce('held');
  }

  announce(type) {
    if (this.channel) this.channel.postMessage({ type, id: this.me.id, born: this.me.born, held: type === 'bye' ? 0 : this.held });
  }

  heard(m) {
    if (!m || m.id === this.me.id) return;
    const before = this.others.get(m.id);
    if (m.type === 'bye') this.others.delete(m.id);
    else this.others.set(m.id, { held: m.held, born: m.born, heardAt: performance.now() });
    if (m.type === 'hello') this.announce('held'); // the newcomer learns at once what this window holds
    if ((before ? before.held : 0) !== (m.type === 'bye' ? 0 : m.held)) this.onChange();
  }

  tick() {
    const now = performance.now();
    let forgot = false;
    for (const [id, o] of this.others) {
      if (now - o.heardAt > STALE_MS) {
        this.others.delete(id);
        forgot = forgot || o.held > 0;
      }
    }
    this.announce('held');
    if (forgot) this.onChange();
  }
}
