// Per-stream history for the charts: one bucket per second for the last five minutes, holding the
// frame count and the sum of each stage's latency. "send" is the time from publish to arrival here,
// measured against this browser's clock (meaningful when the gateway's and the browser's clocks agree).

export const STAGES = ['decode', 'preprocess', 'infer', 'group', 'send', 'total'];
export const SECONDS = 300;

export class StreamHistory {
  constructor() {
    this.buckets = new Map();
  }

  add(frame, receivedAt) {
    const sec = Math.floor(receivedAt / 1000);
    let b = this.buckets.get(sec);
    if (!b) {
      b = { frames: 0, sums: Object.fromEntries(STAGES.map((s) => [s, 0])), n: 0 };
      this.buckets.set(sec, b);
      this.prune(sec);
    }
    b.frames += 1;
    const l = frame.latencyMs;
    if (l) {
      b.n += 1;
      for (const s of STAGES) {
        if (s === 'send') {
          const capture = Date.parse(frame.ts);
          const send = Number.isFinite(capture) ? receivedAt - capture - l.total : 0;
          b.sums.send += Math.max(0, send);
        } else {
          b.sums[s] += l[s] || 0;
        }
      }
    }
  }

  prune(nowSec) {
    for (const k of this.buckets.keys()) {
      if (k < nowSec - SECONDS) this.buckets.delete(k);
    }
  }

  // Arrays for the charts from the first data (at most SECONDS ago, at least 30 s shown) to now: labels,
  // fps, and per-stage means (null when no data).
  series(nowMs) {
    const end = Math.floor(nowMs / 1000);
    const labels = [];
    const fps = [];
    const stages = Object.fromEntries(STAGES.map((s) => [s, []]));
    const first = this.buckets.size ? Math.min(...this.buckets.keys()) : end - 1;
    for (let sec = Math.max(end - SECONDS, Math.min(first, end - 30)); sec < end; sec++) {
      const b = this.buckets.get(sec);
      labels.push(new Date(sec * 1000).toLocaleTimeString([], { hour12: false }));
      fps.push(b ? b.frames : sec < first ? null : 0);
      for (const s of STAGES) stages[s].push(b && b.n ? +(b.sums[s] / b.n).toFixed(2) : null);
    }
    return { labels, fps, stages };
  }
}
