// The reconnect back-off of the dashboard's sockets (the main /ws and the webcam's): 0.5 s, doubling up to
// 10 s, back to 0.5 s once a socket is open again (the webcam's: once it has stayed open a while, webcam-link.js).

export class Backoff {
  constructor(first = 500, max = 10000) {
    this.first = first;
    this.max = max;
    this.delay = first;
  }

  /** The wait before the next attempt; each call doubles the one after it. */
  next() {
    const d = this.delay;
    this.delay = Math.min(this.delay * 2, this.max);
    return d;
  }

  reset() {
    this.delay = this.first;
  }
}
