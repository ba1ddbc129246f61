// The live grid: one card per stream with its video preview (live MJPEG or a still, see previews.js) and the
// pose overlay canvas on top.
import { drawPoses } from './overlay.js';
import { Previews } from './previews.js';

export class StreamGrid {
  constructor(container, emptyNote, onSelect) {
    this.container = container;
    this.emptyNote = emptyNote;
    this.onSelect = onSelect;
    this.cards = new Map();
    this.previews = new Previews();
  }

  ids() {
    return [...this.cards.keys()];
  }

  ensure(id) {
    let card = this.cards.get(id);
    if (card) return card;
    const el = document.createElement('article');
    el.className = 'card';
    el.setAttribute('role', 'listitem');
    el.tabIndex = 0;
    el.dataset.stream = id;
    el.setAttribute('aria-label', `Stream ${id}; press Enter to show its details`);
    el.innerHTML = `
      <header><h3></h3><span class="model"></span><span class="phase">starting</span></header>
      <div class="view"><img alt=""><canvas class="overlay" aria-hidden="true"></canvas></div>
      <footer><span class="fps">– fps</span><span class="people">0 people</span><span class="dropped">0 dropped</span></footer>`;
    el.querySelector('h3').textContent = id;
    card = { el, canvas: el.querySelector('canvas'), view: el.querySelector('.view'), frames: 0 };
    el.addEventListener('click', () => this.onSelect(id));
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.onSelect(id); }
    });
    this.cards.set(id, card);
    this.container.append(el);
    this.previews.add(id, el, el.querySelector('img'));
    this.emptyNote.hidden = true;
    return card;
  }

  remove(id) {
    const card = this.cards.get(id);
    if (!card) return;
    this.previews.remove(id);
    card.el.remove();
    this.cards.delete(id);
    this.emptyNote.hidden = this.cards.size > 0;
  }

  draw(frame, topology) {
    // cards come from hello, /api/streams and state messages: a frame still in flight for a removed stream adds none
    const card = this.cards.get(frame.stream);
    if (!card) return;
    card.view.style.aspectRatio = `${frame.width} / ${frame.height}`;
    drawPoses(card.canvas, frame, topology);
    card.frames += 1;
    card.lastFrame = frame;
    card.el.querySelector('.people').textContent = `${(frame.people || []).length} people`;
    card.el.querySelector('.dropped').textContent = `${frame.dropped || 0} dropped`;
    if (frame.state) this.state(frame.stream, frame.state);
  }

  model(id, name) {
    const card = this.cards.get(id);
    if (card && name) card.el.querySelector('.model').textContent = name;
  }

  state(id, state) {
    // 'stopped' comes when a stream is removed (or replaced): it never brings back a card already gone
    const card = state.phase === 'stopped' ? this.cards.get(id) : this.ensure(id);
    if (!card) return;
    const phase = card.el.querySelector('.phase');
    phase.textContent = state.phase + (state.attempt ? ` #${state.attempt}` : '');
    phase.className = `phase ${state.phase}`;
    phase.title = state.reason || '';
  }

  fps(id, fps) {
    const card = this.cards.get(id);
    if (card) card.el.querySelector('.fps').textContent = `${fps.toFixed(1)} fps`;
  }

  select(id) {
    for (const [k, c] of this.cards) c.el.classList.toggle('selected', k === id);
    this.previews.select(id);
  }
}
