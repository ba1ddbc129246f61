// The dashboard's WebSocket to /ws: reconnects with back-off (not after its token was revoked) and hands every
// message to onMessage.
import { Backoff } from './backoff.js';

export class PoseSocket {
  constructor({ onMessage, onStatus }) {
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.backoff = new Backoff();
    this.connect();
  }

  connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws`);
    this.ws = ws;
    this.onStatus('connecting…', 'pending');
    ws.onopen = () => { this.backoff.reset(); this.onStatus('connected', 'ok'); };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      this.onMessage(msg);
    };
    ws.onclose = (ev) => {
      if (ev.code === 1008 && ev.reason === 'token revoked') {
        // retrying with a revoked login would only count as failed logins for this address
        this.onStatus('token revoked: log in again, then reload', 'bad');
        return;
      }
      const delay = this.backoff.next();
      this.onStatus(`disconnected, retrying in ${Math.round(delay / 1000)} s`, 'bad');
      setTimeout(() => this.connect(), delay);
    };
  }
}
