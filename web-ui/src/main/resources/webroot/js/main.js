// Boots the dashboard: the socket, the live grid, the panels, and the periodic API refreshes.
// window.posegate exposes the live state for debugging and for the browser tests.
import { getJson } from './api.js';
import { recheckSession, startSession } from './session.js';
import { PoseSocket } from './socket.js';
import { StreamGrid } from './grid.js';
import { StreamHistory } from './history.js';
import { StreamPanel } from './stream-panel.js';
import { BackendsPanel } from './backends.js';
import { WebcamMode } from './webcam.js';

const SETTLE_MS = 2000;
const state = { socketOpenedAt: Infinity, topologies: {}, defaultTopology: null, demo: false, histories: new Map(), frames: new Map() };
window.posegate = state;

const streamPanel = new StreamPanel(state.histories);
const grid = new StreamGrid(document.getElementById('grid'), document.getElementById('grid-empty'), (id) => {
  streamPanel.show(id);
  grid.select(id);
});
const backends = new BackendsPanel();
const webcam = new WebcamMode();
state.grid = grid;
state.webcam = webcam;

function setDemo(on) {
  if (!on || state.demo) return;
  state.demo = true;
  document.getElementById('demo-badge').hidden = false;
  document.getElementById('demo-note').hidden = false;
  document.title = 'PoseGate (DEMO)';
}

function onMessage(m) {
  if (m.type === 'hello') {
    state.topologies = m.topologies || {};
    setDemo(m.demo === true);
    (m.streams || []).forEach((id) => grid.ensure(id));
    streamPanel.setStreams(grid.ids());
  } else if (m.type === 'poses') {
    setDemo(m.demo === true);
    const topo = state.topologies[m.stream] || state.defaultTopology;
    grid.draw(m, topo);
    state.frames.set(m.stream, m);
    // Frames that queued while the page was still loading would show as a burst of fps and a spike
    // of "send" latency that belongs to the page, not the gateway: the charts start after a short settle.
    if (performance.now() - state.socketOpenedAt > SETTLE_MS) {
      let h = state.histories.get(m.stream);
      if (!h) state.histories.set(m.stream, (h = new StreamHistory()));
      h.add(m, Date.now());
    }
    webcam.onPoses(m);
  } else if (m.type === 'stream') {
    grid.state(m.stream, m.state);
  }
}

const conn = document.getElementById('conn');

function connectSocket() {
new PoseSocket({
  onMessage,
  onStatus: (text, kind) => {
    conn.textContent = text;
    conn.className = `conn ${kind}`;
    if (kind === 'ok') {
      // a reconnect may follow a gateway restart, whose new run token ended our login: ask again
      if (state.socketOpenedAt !== Infinity) recheckSession().catch(() => {});
      state.socketOpenedAt = performance.now();
    }
  },
});
}

async function refreshStreams() {
  try {
    const { streams } = await getJson('/api/streams');
    const ids = streams.map((s) => s.id);
    for (const id of grid.ids()) {
      if (ids.includes(id)) continue;
      grid.remove(id);
      state.histories.delete(id);
      state.frames.delete(id);
      streamPanel.forget(id);
    }
    for (const s of streams) {
      // each stream draws its own model's skeleton (streams may run different models)
      if (s.topology) state.topologies[s.id] = s.topology;
      grid.ensure(s.id);
      grid.model(s.id, s.model);
      grid.state(s.id, s.state);
      grid.fps(s.id, s.fps);
      streamPanel.update(s);
    }
    streamPanel.setStreams(grid.ids());
    grid.select(streamPanel.current);
  } catch (e) {
    conn.textContent = `API unreachable: ${e.message}`;
  }
}

async function loadModel() {
  const m = await getJson('/api/model');
  state.model = m;
  state.defaultTopology = m.topology;
  setDemo(m.demo === true);
  const rows = [
    ['name', m.name], ['family', m.family], ['format', m.format],
    ['input', `${m.input.width}×${m.input.height} ${m.input.colorOrder}, ${m.input.resize}`],
    ['input type', `${m.input.type} ${m.input.layout}`],
    ['stride', m.stride], ['decoder', m.decoder], ['topology', m.topology.name],
    ['keypoints', m.topology.keypoints.length], ['limbs', m.topology.limbs.length],
    ['descriptor', m.descriptor], ['file', m.file],
  ];
  document.getElementById('model-info').replaceChildren(...rows.flatMap(([k, v]) => {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = String(v);
    return [dt, dd];
  }));
}

function boot() {
  connectSocket();
  loadModel().catch((e) => { document.getElementById('model-info').textContent = `model unavailable: ${e.message}`; });
  refreshStreams();
  backends.refresh();
  setInterval(refreshStreams, 2000);
  setInterval(() => backends.refresh(), 5000);
  setInterval(() => streamPanel.tick(), 1000);
}

// Without a session that may read (a gateway that needs a login), only the login form is live.
startSession().then((s) => {
  if (s.role) boot();
  else conn.textContent = 'log in to watch';
}).catch((e) => { conn.textContent = `API unreachable: ${e.message}`; });
