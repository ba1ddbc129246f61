// The backends panel: every backend's probe, the active one per stream, and a switch through
// PUT /api/config that shows progress, then the result or the gateway's error.
import { getJson, sendJson } from './api.js';

export class BackendsPanel {
  constructor() {
    this.list = document.getElementById('backend-list');
    this.form = document.getElementById('switch-form');
    this.choice = document.getElementById('backend-select');
    this.button = document.getElementById('switch-button');
    this.status = document.getElementById('swap-status');
    this.busy = false;
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.switchTo(this.choice.value); });
  }

  async refresh() {
    try {
      // measure=true: the gateway measures, once, which backend runs the model fastest here
      this.render(await getJson('/api/backends?measure=true'));
    } catch (e) {
      this.list.replaceChildren(item(`backends unavailable: ${e.message}`));
    }
  }

  render(b) {
    this.data = b;
    const activeLabels = Object.values(b.active || {}).filter(Boolean);
    const activeNames = new Set(activeLabels.map((l) => l.split(':')[0]));
    const key = JSON.stringify([b.backends, activeLabels, b.speed]);
    if (key !== this.renderedKey) this.renderList(b, activeNames);
    this.renderedKey = key;
    document.getElementById('backends-title').dataset.active = activeLabels.join(',');
    const options = ['auto', ...b.backends.filter((p) => p.available).map((p) => p.name)];
    const keep = this.choice.value;
    if ([...this.choice.options].map((o) => o.value).join() !== options.join()) {
      this.choice.replaceChildren(...options.map((n) => new Option(n, n)));
    }
    this.choice.value = options.includes(keep) ? keep : b.default;
    if (!this.busy && b.lastSwap) this.showSwap(b.lastSwap);
  }

  // Rebuilt only when something changed, so an opened reason stays open across refreshes.
  renderList(b, activeNames) {
    this.list.replaceChildren(...b.backends.map((p) => {
      const li = document.createElement('li');
      li.dataset.backend = p.name;
      li.className = p.available ? 'available' : 'unavailable';
      const active = activeNames.has(p.name);
      if (active) li.classList.add('active');
      li.innerHTML = '<span class="name"></span> <span class="avail"></span> <span class="tag"></span><div class="reason"></div>';
      li.querySelector('.name').textContent = p.name;
      li.querySelector('.avail').textContent = p.available ? 'available' : 'unavailable';
      const speed = ((b.speed && b.speed.results) || []).find((r) => r.backend === p.name);
      const fastest = b.speed && b.speed.fastest === p.name;
      if (fastest) li.classList.add('fastest');
      li.querySelector('.tag').textContent = [active ? 'active' : '', fastest ? 'fastest here' : '',
        speed && speed.msPerFrame !== undefined ? `${speed.msPerFrame} ms/frame` : ''].filter(Boolean).join(' · ');
      showReason(li.querySelector('.reason'), p.available ? `formats: ${p.formats.join(', ')}` : p.reason || '');
      return li;
    }));
  }

  showSwap(s) {
    if (s.inProgress) {
      this.say(`Switching ${s.from} → ${s.to}…`, 'pending');
    } else if (s.error) {
      this.say(`Switch to ${s.to} failed; ${s.from} kept: ${s.error}`, 'error');
    } else {
      this.say(`Switched ${s.from} → ${s.to} in ${s.millis} ms`, 'ok');
    }
  }

  async switchTo(name) {
    if (this.busy) return;
    this.busy = true;
    this.button.disabled = true;
    this.form.setAttribute('aria-busy', 'true');
    this.say(`Switching to ${name}… (the new backend opens and warms up beside the old one)`, 'pending');
    try {
      const b = await sendJson('PUT', '/api/config', { backend: name });
      this.busy = false;
      this.render(b);
    } catch (e) {
      this.busy = false;
      // 409 "not started": another switch (from another window, the fleet or the config file) was in progress.
      const text = e.status === 409 && e.message.includes('not started')
        ? `Not switched to ${name}: ${e.message}` : `Switch to ${name} failed: ${e.message}`;
      this.say(text, 'error');
      await this.refresh().catch(() => {});
      this.say(text, 'error');
    } finally {
      this.busy = false;
      this.button.disabled = false;
      this.form.removeAttribute('aria-busy');
    }
  }

  say(text, kind) {
    this.status.textContent = text;
    this.status.className = `swap ${kind}`;
    this.status.dataset.kind = kind;
  }
}

// Long probe reasons (library search paths...) fold behind their first line; the whole text stays one click away.
function showReason(el, text) {
  if (text.length <= 90) {
    el.textContent = text;
    return;
  }
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = `${text.slice(0, 80)}…`;
  const full = document.createElement('div');
  full.textContent = text;
  details.append(summary, full);
  el.replaceChildren(details);
}

function item(text) {
  const li = document.createElement('li');
  li.textContent = text;
  return li;
}
