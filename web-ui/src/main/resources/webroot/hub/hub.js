// The hub page: polls the hub's API (GET /api/boxes, GET /api/rollouts) and renders the fleet. An answer that
// is not 2xx shows the API's own error; 401/403 asks for a login. The login is the dashboard's (js/session.js):
// a refused poll while logged in, or the hub answering again after a failed poll (it may have restarted with a
// new run token), asks /api/session again, so the header never shows a login that has ended.
import { getJson } from '../js/api.js';
import { loggedIn, recheckSession, startSession } from '../js/session.js';

const $ = (id) => document.getElementById(id);
const text = (v) => (v === null || v === undefined ? '–' : String(v));

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content); else td.textContent = text(content);
  row.append(td);
  return td;
}

function stateBadge(state) {
  const s = document.createElement('span');
  s.className = 'state ' + state;
  s.textContent = state;
  return s;
}

function boxLink(b) {
  if (!b.dashboard || !/^https?:\/\//i.test(b.dashboard)) return document.createTextNode(b.id);
  const a = document.createElement('a');
  a.href = b.dashboard;
  a.textContent = b.id;
  a.title = 'Open this box\'s dashboard';
  return a;
}

function streams(b) {
  return Object.entries(b.streams || {})
    .map(([id, s]) => `${id}: ${s.state} ${text(s.fps)} fps${s.latencyMs ? ', ' + s.latencyMs.p50 + ' ms' : ''}`)
    .join('; ') || `${b.cameras} camera(s)`;
}

function config(b) {
  const span = document.createElement('span');
  span.textContent = `${text(b.reportedVersion)} (${text(b.reportedStatus)}) / ${text(b.desiredVersion)}`;
  if (b.desiredVersion !== null && b.desiredVersion !== b.reportedVersion) span.className = 'drift';
  return span;
}

function renderBoxes(boxes) {
  const body = $('boxes').querySelector('tbody');
  body.replaceChildren();
  for (const b of boxes) {
    const tr = document.createElement('tr');
    tr.dataset.box = b.id;
    tr.dataset.state = b.state;
    cell(tr, boxLink(b));
    cell(tr, stateBadge(b.state));
    cell(tr, b.since ? new Date(b.since).toLocaleTimeString() : null);
    cell(tr, b.version);
    cell(tr, b.device || b.backend);
    cell(tr, (b.groups || []).join(', '));
    cell(tr, streams(b));
    cell(tr, config(b));
    cell(tr, b.lastError);
    body.append(tr);
  }
  $('boxes-empty').hidden = boxes.length > 0;
}

function renderGroups(all) {
  const select = $('group-filter');
  const have = new Set([...select.options].map((o) => o.value));
  for (const g of new Set(all.flatMap((b) => b.groups || []))) {
    if (!have.has(g)) select.append(new Option(g, g));
  }
}

function renderRollouts(rollouts) {
  const root = $('rollouts');
  root.replaceChildren();
  for (const r of rollouts) {
    const div = document.createElement('div');
    div.className = 'rollout';
    div.dataset.rollout = r.id;
    const target = r.target.box ? 'box ' + r.target.box : 'group ' + r.target.group;
    const head = document.createElement('p');
    head.textContent = `${r.id} → ${target}: ${r.state}, wave ${r.wave + 1} of ${r.plan.length}, version ${r.version}` +
      (r.message ? ` — ${r.message}` : '');
    const list = document.createElement('ol');
    r.plan.forEach((wave) => {
      const li = document.createElement('li');
      li.textContent = wave.map((id) => `${id}: ${r.boxes[id].state}${r.boxes[id].error ? ' (' + r.boxes[id].error + ')' : ''}`).join(', ');
      list.append(li);
    });
    div.append(head, list);
    root.append(div);
  }
  $('rollouts-empty').hidden = rollouts.length > 0;
}

let polls = 0;
let recheck = false; // a poll failed: once the hub answers again, ask who we are

function clearFleet() {
  $('boxes').querySelector('tbody').replaceChildren();
  $('rollouts').replaceChildren();
  $('boxes-empty').hidden = true;
  $('rollouts-empty').hidden = true;
}

async function refresh() {
  try {
    const q = new URLSearchParams();
    if ($('group-filter').value) q.set('group', $('group-filter').value);
    if ($('state-filter').value) q.set('state', $('state-filter').value);
    const [all, shown, rollouts] = await Promise.all([
      getJson('/api/boxes'),
      getJson('/api/boxes?' + q),
      getJson('/api/rollouts'),
    ]);
    renderGroups(all.boxes);
    renderBoxes(shown.boxes);
    renderRollouts(rollouts.rollouts);
    const online = all.boxes.filter((b) => b.state === 'online').length;
    $('summary').textContent = `${all.boxes.length} boxes, ${online} online`;
    if (recheck) {
      recheck = false;
      recheckSession().catch(() => {});
    }
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      clearFleet();
      $('login-form').hidden = false;
      $('summary').textContent = `Log in to see the fleet: ${e.message}`;
      if (loggedIn()) recheckSession().catch(() => {});
    } else {
      recheck = true;
      $('summary').textContent = e.status ? `hub error ${e.status}: ${e.message}` : `hub unreachable: ${e.message}`;
    }
  } finally {
    document.body.dataset.polls = String(++polls);
  }
}

$('group-filter').addEventListener('change', refresh);
$('state-filter').addEventListener('change', refresh);
startSession(refresh, 'hub').catch(() => {}).finally(() => {
  refresh();
  setInterval(refresh, 1000);
});
