// The stream panel's two charts, drawn by Chart.js (vendored from its WebJar at build time and loaded
// as window.Chart). Without it the panel still shows the counters and says the charts are missing.
import { STAGES } from './history.js';

const COLORS = {
  decode: '#4e79a7', preprocess: '#f28e2b', infer: '#e15759', group: '#76b7b2', send: '#59a14f', total: '#edc948',
};

export class StreamCharts {
  constructor(fpsCanvas, latencyCanvas) {
    const Chart = window.Chart;
    if (!Chart) {
      for (const c of [fpsCanvas, latencyCanvas]) {
        c.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Chart library not loaded.' }));
      }
      return;
    }
    const common = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      elements: { point: { radius: 0 }, line: { borderWidth: 1.5 } },
      scales: { x: { ticks: { maxTicksLimit: 4, maxRotation: 0, autoSkipPadding: 12 } }, y: { beginAtZero: true } },
      plugins: { legend: { labels: { boxWidth: 12 } } },
    };
    this.fps = new Chart(fpsCanvas, {
      type: 'line',
      data: { labels: [], datasets: [{ label: 'fps', data: [], borderColor: '#4e79a7', backgroundColor: 'rgba(78,121,167,.2)', fill: true }] },
      options: { ...common, plugins: { legend: { display: false } } },
    });
    this.latency = new Chart(latencyCanvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: STAGES.map((s) => ({ label: s, data: [], borderColor: COLORS[s], backgroundColor: COLORS[s], spanGaps: true })),
      },
      options: common,
    });
  }

  show(series) {
    if (!this.fps) return;
    this.fps.data.labels = series.labels;
    this.fps.data.datasets[0].data = series.fps;
    this.fps.update('none');
    this.latency.data.labels = series.labels;
    this.latency.data.datasets.forEach((d) => { d.data = series.stages[d.label]; });
    this.latency.update('none');
  }
}
