// One WebSocket to the chat server, speaking protocol v2 (subprotocol roomchat.v2): request/reply matching by
// requestId, events (every typed frame but a reply) to a callback, and reconnection with exponential back-off
// (10 tries, as the original client did).

export const PROTOCOL = 'roomchat.v2';

const MAX_RETRIES = 10;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;

export class ChatSocket {
  /**
   * @param {object} hooks
   * @param {(reconnecting: boolean) => Promise<string>} hooks.url  the ws URL to open (may fetch a fresh token)
   * @param {(event: object) => void} hooks.onEvent  an event: a frame whose type is message, presence, typing or read
   * @param {(state: string) => void} hooks.onState  connecting | online | reconnecting | offline
   * @param {() => void} hooks.onOpen  the socket is open (first time or after a reconnect)
   * @param {() => void} hooks.onGiveUp  the retries ran out
   * @param {() => void} hooks.onWrongProtocol  the server does not speak v2; the socket has stopped
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.socket = null;
    this.pending = new Map();
    this.nextRequest = 1;
    this.retries = 0;
    this.stopped = true;
    this.retryTimer = null;
  }

  start() {
    this.stopped = false;
    this.retries = 0;
    this.open(false);
  }

  /** After the retries ran out: try again now, from a fresh back-off. */
  reconnectNow() {
    if (!this.stopped && !this.socket) {
      clearTimeout(this.retryTimer);
      this.retries = 0;
      this.open(true);
    }
  }

  /** Closes for good: no reconnect. */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      this.socket.close(1000, 'bye');
    }
    this.failPending('signed out');
    this.hooks.onState('offline');
  }

  /** Sends a frame and resolves with its reply ({statusCode, body, ...}). */
  request(frame) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('Not connected'));
    }
    const requestId = `r${this.nextRequest++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.socket.send(JSON.stringify({ ...frame, requestId }));
    });
  }

  async open(reconnecting) {
    this.hooks.onState(reconnecting ? 'reconnecting' : 'connecting');
    let url;
    try {
      url = await this.hooks.url(reconnecting);
    } catch (e) {
      this.scheduleRetry();   // e.g. the server is down and a fresh dev token could not be fetched
      return;
    }
    if (this.stopped) {
      return;
    }
    const socket = new WebSocket(url, [PROTOCOL]);
    this.socket = socket;
    socket.addEventListener('open', () => this.opened(socket));
    socket.addEventListener('message', (e) => this.received(e.data));
    socket.addEventListener('close', () => this.closed(socket));
  }

  opened(socket) {
    if (socket !== this.socket) {
      return;
    }
    if (socket.protocol !== PROTOCOL) {
      this.stop();   // a v1-only server: this page would misread every frame
      this.hooks.onWrongProtocol();
      return;
    }
    this.retries = 0;
    this.hooks.onState('online');
    this.hooks.onOpen();
  }

  received(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return;   // not ours to understand; the server only sends JSON
    }
    if (frame.type === 'reply') {
      this.settle(frame);
    } else {
      this.hooks.onEvent(frame);
    }
  }

  settle(reply) {
    // Replies come in the order frames were sent, so one without a requestId belongs to the oldest request.
    const id = this.pending.has(reply.requestId) ? reply.requestId : this.pending.keys().next().value;
    const waiter = this.pending.get(id);
    if (waiter) {
      this.pending.delete(id);
      waiter.resolve(reply);
    }
  }

  closed(socket) {
    if (socket !== this.socket) {
      return;
    }
    this.socket = null;
    this.failPending('Connection lost');
    if (!this.stopped) {
      this.scheduleRetry();
    }
  }

  scheduleRetry() {
    if (this.stopped) {
      return;
    }
    if (this.retries >= MAX_RETRIES) {
      this.hooks.onState('offline');
      this.hooks.onGiveUp();
      return;
    }
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.retries);
    this.retries += 1;
    this.hooks.onState('reconnecting');
    // Jitter keeps a room full of clients from reconnecting in lockstep after a restart.
    this.retryTimer = setTimeout(() => this.open(true), delay * (0.8 + Math.random() * 0.4));
  }

  failPending(reason) {
    for (const waiter of this.pending.values()) {
      waiter.reject(new Error(reason));
    }
    this.pending.clear();
  }
}
