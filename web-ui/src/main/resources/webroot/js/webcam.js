// Webcam mode: this browser's camera (getUserMedia) goes to the gateway as binary JPEG messages on the
// WebSocket /ws?webcam=ID, which feeds the stream ID (created here with source "webcam:ID"). ID is this page's
// own, webcam-<random>, so it never takes over a configured stream (an operator's "webcam" camera, another
// tab's webcam); a name already taken is refused. Stop, and leaving or reloading the page, remove the stream.
// Its poses come back on the dashboard's main socket like any other stream's.
import { getJson, sendJson } from './api.js';

const SEND_INTERVAL_MS = 100;
const MAX_BUFFERED = 512 * 1024;

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
      this.openSocket();
      this.running = true;
      this.button.textContent = 'Stop webcam';
      this.button.setAttribute('aria-pressed', 'true');
    } catch (e) {
      this.say(`Webcam failed: ${e.message}`);
      this.release();
    } finally {
      this.button.disabled = false;
    }
  }

  openSocket() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws?webcam=${encodeURIComponent(this.id)}`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'subscribe', streams: [this.id] }));
      this.timer = setInterval(() => this.sendFrame(), SEND_INTERVAL_MS);
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      const m = JSON.parse(ev.data);
      if (m.type === 'error') this.say(m.message);
    };
    ws.onclose = () => { if (this.running) this.say('webcam socket closed'); clearInterval(this.timer); };
    this.ws = ws;
    this.canvas = document.createElement('canvas');
  }

  sendFrame() {
    const v = this.preview;
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || !v.videoWidth || ws.bufferedAmount > MAX_BUFFERED || this.encoding) return;
    this.canvas.width = v.videoWidth;
    this.canvas.height = v.videoHeight;
    this.canvas.getContext('2d').drawImage(v, 0, 0);
    this.encoding = true;
    this.canvas.toBlob(async (blob) => {
      this.encoding = false;
      if (!blob || ws.readyState !== WebSocket.OPEN) return;
      ws.send(await blob.arrayBuffer());
      this.sent += 1;
      this.report();
    }, 'image/jpeg', 0.9);
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
    this.running = false;
    this.release();
    this.button.textContent = 'Start webcam';
    this.button.setAttribute('aria-pressed', 'false');
    try {
      await sendJson('DELETE', this.path());
      this.created = false;
      this.say('Webcam stopped.');
    } catch (e) {
      this.say(`Webcam stopped; removing its stream failed: ${e.message}`);
    }
  }

  release() {
    clearInterval(this.timer);
    if (this.ws) this.ws.close();
    this.ws = null;
    if (this.media) this.media.getTracks().forEach((t) => t.stop());
    this.media = null;
    this.preview.hidden = true;
  }

  say(text) {
    this.status.textContent = text;
  }
}
