// Webcam mode: this browser's camera (getUserMedia) goes to the gateway as binary JPEG messages on the
// WebSocket /ws?webcam=ID, which feeds the stream ID (created here with source "webcam:ID"). ID is this page's
// own, webcam-<random>, so it never takes over a configured stream (an operator's "webcam" camera, another
// tab's webcam); a name already taken is refused. Stop, and leaving or reloading the page, remove the stream.
// Its poses come back on the dashboard's main socket like any other stream's. The socket reopens by itself after
// a drop while the webcam runs (webcam-link.js).
import { getJson, sendJson } from './api.js';
import { WebcamLink } from './webcam-link.js';

export class WebcamMode {
  constructor() {
    this.button = document.getElementById('webcam-toggle');
    this.preview = document.getElementById('webcam-preview');
    this.status = document.getElementById('webcam-status');
    this.sent = 0;
    this.posesBack = 0;
    const bytes = crypto.getRandomValues(new Uint8Array(4));
    this.id = `webcam-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    document.getElementById('webcam-id').textContent = this.id;
    this.button.addEventListener('click', () => (this.running ? this.stop() : this.start()));
    // a closed or reloaded tab sends no more frames: its stream goes too (keepalive outlives the page)
    window.addEventListener('pagehide', () => {
      if (this.created) fetch(this.path(), { method: 'DELETE', keepalive: true }).catch(() => {});
    });
  }

  path() {
    return `/api/streams/${encodeURIComponent(this.id)}`;
  }

  /** Refuses a name some other stream has (never so far: the id is random); a 404 means it is free. */
  async checkFree() {
    try {
      const s = await getJson(this.path());
      throw new Error(`a stream called ${this.id} exists already (source ${s.source}); reload the page for another name`);
    } catch (e) {
      if (e.status !== 404) throw e;
    }
  }

  async start() {
    this.button.disabled = true;
    this.say('Asking for the camera…');
    try {
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        throw new Error('this browser offers no camera API (it needs https or localhost)');
      }
      this.media = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 } }, audio: false });
      this.preview.srcObject = this.media;
      this.preview.hidden = false;
      await this.preview.play();
      this.say('Creating the webcam stream…');
      await this.checkFree();
      await sendJson('PUT', this.path(), { source: `webcam:${this.id}` });
      this.created = true;
      this.running = true;
      this.link = new WebcamLink({
        id: this.id,
        path: this.path(),
        video: this.preview,
        onStatus: (text) => this.say(text),
        onSent: () => { this.sent += 1; this.report(); },
        onEnded: (why, lost) => {
          if (lost) this.created = false; // no longer this page's stream: leaving the page must not delete it
          this.end(`Webcam stopped: ${why}.`);
        },
      });
      this.link.open();
      this.button.textContent = 'Stop webcam';
      this.button.setAttribute('aria-pressed', 'true');
    } catch (e) {
      this.say(`Webcam failed: ${e.message}`);
      this.release();
    } finally {
      this.button.disabled = false;
    }
  }

  onPoses(frame) {
    if (frame.stream !== this.id) return;
    this.posesBack += 1;
    this.lastPeople = (frame.people || []).length;
    this.report();
  }

  report() {
    if (this.running) this.say(`${this.sent} frames sent, ${this.posesBack} pose frames back (${this.lastPeople || 0} people)`);
  }

  async stop() {
    this.end('Stopping the webcam…');
    try {
      await sendJson('DELETE', this.path());
      this.created = false;
      this.say('Webcam stopped.');
    } catch (e) {
      this.say(`Webcam stopped; removing its stream failed: ${e.message}`);
    }
  }

  /** Stops sending and releases the camera (the stream stays until stop() removes it). */
  end(message) {
    this.running = false;
    this.release();
    this.button.textContent = 'Start webcam';
    this.button.setAttribute('aria-pressed', 'false');
    this.say(message);
  }

  release() {
    if (this.link) this.link.close();
    this.link = null;
    if (this.media) this.media.getTracks().forEach((t) => t.stop());
    this.media = null;
    this.preview.hidden = true;
  }

  say(text) {
    this.status.textContent = text;
  }
}
