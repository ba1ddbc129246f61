// The stream panel: state and reason, counters from /api/streams, and the fps / latency charts.
import { StreamCharts } from './charts.js';

export class StreamPanel {
  constructor(histories) {
    this.histories = histories;
    this.select = document.getElementById('stream-select');
    this.phase = document.getElementById('stream-phase');
    this.reason = document.getElementById('stream-reason');
    this.counters = document.getElementById('stream-counters');
    this.charts = new StreamCharts(document.getElementById('fps-chart'), document.getElementById('latency-chart'));
    this.current = null;
    this.info = new Map();
    this.select.addEventListener('change', () => this.show(this.select.value));
  }

  setStreams(ids) {
    const have = [...this.select.options].map((o) => o.value);
    if (have.join('\n') !== ids.join('\n')) {
      this.select.replaceChildren(...ids.map((id) => new Option(id, id)));
    }
    if (!ids.includes(this.current)) this.show(ids[0] || null);
    else this.select.value = this.current;
  }

  show(id) {
    this.current = id;
    if (id) this.select.value = id;
    this.render();
    this.tick();
  }

  /** Drops what is known of a removed stream, so a stream re-added under its name starts afresh. */
  forget(id) {
    this.info.delete(id);
  }

  update(stream) {
    this.info.set(stream.id, stream);
    if (stream.id === this.current) this.render();
  }

  render() {
    const s = this.info.get(this.current);
    if (!s) {
      this.phase.textContent = this.current ? 'starting' : '–';
      this.reason.textContent = '';
      this.counters.replaceChildren();
      return;
    }
    this.phase.textContent = s.state.phase + (s.state.attempt ? ` (attempt ${s.state.attempt})` : '');
    this.phase.className = `phase ${s.state.phase}`;
    this.reason.textContent = s.state.reason || '';
    const rows = [
      ['source', s.source], ['model', s.model ? `${s.model} (${s.decoder}, ${s.topology ? s.topology.name : '?'})` : '–'],
      ['backend', s.backend || 'none'], ['fps', s.fps], ['processed', s.processed],
      ['dropped (by design)', s.dropped], ['lost by source', s.lost], ['failed frames', s.errors],
      ['dropped for slow clients', s.wsDropped],
    ];
    if (s.lastError) rows.push(['last error', s.lastError]);
    this.counters.replaceChildren(...rows.flatMap(([k, v]) => [el('dt', k), el('dd', String(v))]));
  }

  tick() {
    const h = this.current && this.histories.get(this.current);
    if (h) this.charts.show(h.series(Date.now()));
  }
}

function el(tag, text) {
  const e = document.createElement(tag);
  e.textContent = text;
  return e;
}
