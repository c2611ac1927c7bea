// Who is signed in. The token lives in sessionStorage only (gone with the tab), never in the URL bar or a log.

const SESSION_KEY = 'roomchat.session';
const ROOMS_KEY = 'roomchat.rooms';

/**
 * A signed-in user: their token, the user id it names (`sub`), a display name, whether it came from /dev/token, and
 * (dev only) the room patterns that token says they moderate.
 */
export class Session {
  constructor({ token, userId, name, dev, moderates = [] }) {
    this.token = token;
    this.userId = userId;
    this.name = name;
    this.dev = dev;
    this.moderates = moderates;
  }

  static load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY));
      return saved && saved.token ? new Session(saved) : null;
    } catch (e) {
      return null;
    }
  }

  save() {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(this));
  }

  static clear() {
    sessionStorage.removeItem(SESSION_KEY);
    sessionStorage.removeItem(ROOMS_KEY);
  }

  /** The WebSocket URL on this page's own host. */
  socketUrl() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${scheme}://${location.host}/?token=${encodeURIComponent(this.token)}`;
  }

  /**
   * A dev server makes a new random secret each start, so after a restart the old token is refused;
   * a dev session asks for a fresh one before reconnecting. A pasted token is kept as it is.
   */
  async refresh() {
    if (this.dev) {
      this.token = await fetchDevToken(this.userId, this.name, this.moderates);
      this.save();
    }
  }
}

export async function signInDev(userId, name, moderates) {
  const token = await fetchDevToken(userId, name, moderates);
  return new Session({ token, userId, name, dev: true, moderates });
}

export function signInWithToken(token, name) {
  const userId = subjectOf(token);
  if (!userId) {
    throw new Error('That does not look like an access token (a JWT with a "sub" claim).');
  }
  return new Session({ token, userId, name, dev: false });
}

/** The rooms this tab had joined and the one it showed, so a reload of the page comes back to them. */
export function savedRooms() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(ROOMS_KEY));
    return saved && Array.isArray(saved.rooms) ? saved : { rooms: [], shown: null };
  } catch (e) {
    return { rooms: [], shown: null };
  }
}

export function saveRooms(rooms, shown) {
  sessionStorage.setItem(ROOMS_KEY, JSON.stringify({ rooms, shown }));
}

async function fetchDevToken(userId, name, moderates) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(moderates.length > 0 ? { userId, name, moderates } : { userId, name }),
  });
  if (response.status === 404) {
    throw new Error('This server is not in dev mode. Sign in with a token instead.');
  }
  if (!response.ok) {
    const reason = await response.json().then((b) => b.error).catch(() => null);
    throw new Error(reason ? `Sign-in failed: ${reason}` : `Sign-in failed (${response.status}).`);
  }
  const { token } = await response.json();
  return token;
}

/** Reads the `sub` claim; the signature is the server's business, the client only needs to know who it is. */
function subjectOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const sub = JSON.parse(json).sub;
    return typeof sub === 'string' && sub.length > 0 ? sub : null;
  } catch (e) {
    return null;
  }
}
