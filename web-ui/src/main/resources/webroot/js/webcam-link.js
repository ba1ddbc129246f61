// The webcam's feeding socket, /ws?webcam=ID: while open it sends the camera's picture as a binary JPEG message
// every 100 ms (skipped while the socket's buffer is full). Until close() it reopens after a drop (a network blip, an
// idle or error close, a restarted gateway, the gateway closing it with 1001 because no stream reads its feed any
// more: its stream was removed as orphaned, or was gone when the socket attached) with the dashboard's back-off, and
// the status line says why (the close reason). The back-off starts again from its minimum only once a socket has
// stayed open for STEADY_MS: a socket the gateway refuses right after opening waits longer each time. Before
// reopening it asks for the stream and creates it again on a 404 (a restarted gateway has lost it: it came from the
// API). It gives up (onEnded(why, lost)) when the gateway no longer lets this page feed (token revoked, 401/403), when
// an operator deleted its stream (close reason "... was deleted"), or when the stream's id now reads another source
// (someone PUT it): lost says the stream is no longer this page's, so the page must not delete it when it leaves.
import { getJson, sendJson } from './api.js';
import { Backoff } from './backoff.js';

const SEND_INTERVAL_MS = 100;
const MAX_BUFFERED = 512 * 1024;
const STEADY_MS = 5000;

export class WebcamLink {
  /** @param o {id, path, video, onStatus(text), onSent(), onEnded(why, lost)} */
  constructor(o) {
    Object.assign(this, o);
    this.backoff = new Backoff();
    this.canvas = document.createElement('canvas');
    this.closed = false;
    this.opens = 0;
  }

  open() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws?webcam=${encodeURIComponent(this.id)}`);
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      this.opens += 1;
      this.steady = setTimeout(() => this.backoff.reset(), STEADY_MS);
      ws.send(JSON.stringify({ type: 'subscribe', streams: [this.id] }));
      this.timer = setInterval(() => this.sendFrame(), SEND_INTERVAL_MS);
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      const m = JSON.parse(ev.data);
      if (m.type === 'error') this.onStatus(m.message);
    };
    ws.onclose = (ev) => {
      clearInterval(this.timer);
      clearTimeout(this.steady);
      if (this.closed || this.ws !== ws) return;
      if (ev.code === 1008 && ev.reason === 'token revoked') {
        this.onEnded('this page\'s login was revoked: log in again, then start the webcam');
        return;
      }
      if (ev.code === 1001 && ev.reason.endsWith(' was deleted')) {
        this.onEnded(`${ev.reason}; start the webcam again to add it back`, true);
        return;
      }
      this.retryLater(ev.reason ? `webcam socket closed: ${ev.reason}` : 'webcam socket closed');
    };
    this.ws = ws;
  }

  retryLater(why) {
    const delay = this.backoff.next();
    this.onStatus(`${why}; reconnecting in ${Math.round(delay / 1000)} s`);
    this.retry = setTimeout(() => this.reopen(), delay);
  }

  async reopen() {
    if (this.closed) return;
    try {
      const s = await getJson(this.path);
      if (this.closed) return;
      if (s.source !== `webcam:${this.id}`) {
        this.onEnded(`stream ${this.id} now reads ${s.source}, not this page's camera`, true);
        return;
      }
    } catch (e) {
      if (this.closed) return;
      if (e.status === 401 || e.status === 403) {
        this.onEnded(`the gateway no longer lets this page feed the webcam (${e.message}): log in again, then start the webcam`);
        return;
      }
      if (e.status !== 404) {
        this.retryLater(`the gateway is not answering (${e.message})`);
        return;
      }
      try {
        await sendJson('PUT', this.path, { source: `webcam:${this.id}` });
      } catch (put) {
        if (this.closed) return;
        if (put.status === 401 || put.status === 403) {
          this.onEnded(`creating the webcam stream again was refused (${put.message}): log in again, then start the webcam`);
        } else {
          this.retryLater(`creating the webcam stream again failed (${put.message})`);
        }
        return;
      }
    }
    if (!this.closed) this.open();
  }

  sendFrame() {
    const v = this.video;
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
      this.onSent();
    }, 'image/jpeg', 0.9);
  }

  /** Stops for good: no more frames, no reconnect. */
  close() {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.steady);
    clearTimeout(this.retry);
    if (this.ws) this.ws.close();
    this.ws = null;
  }
}
