// The dashboard's WebSocket to /ws: reconnects with back-off (not after its token was revoked) and hands every
// message to onMessage.

export class PoseSocket {
  constructor({ onMessage, onStatus }) {
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.delay = 500;
    this.connect();
  }

  connect() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/ws`);
    this.ws = ws;
    this.onStatus('connecting…', 'pending');
    ws.onopen = () => { this.delay = 500; this.onStatus('connected', 'ok'); };
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
      this.onStatus(`disconnected, retrying in ${Math.round(this.delay / 1000)} s`, 'bad');
      setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(this.delay * 2, 10000);
    };
  }
}
