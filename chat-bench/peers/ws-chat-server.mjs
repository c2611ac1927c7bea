// The "plain Node ws" baseline of issue 14: a room chat server on the npm package `ws` (pinned in the repository's
// package.json), written the way a Node developer would write one, so that `chat-bench load` can measure it in the
// same run, on the same machine and with the same load as our server (chat-bench/run-benchmarks.sh, store
// `node-ws`; docs/benchmarks.md).
//
// It speaks exactly the part of protocol v1 (docs/protocol.md) that `load` uses:
//   - the upgrade on any path, with the token in `Authorization: Bearer` or `?token=`: an HS256 JWT checked once
//     here with node's crypto against CHAT_JWT_SECRET (signature, `alg`, `sub`, `exp`/`nbf` with 60 s of skew);
//     anything else is an HTTP 401;
//   - `{"action":"onJoin","room","name"}`: the connection is in that room (and out of the one it was in);
//     reply `{"statusCode":200,"body":""}`;
//   - `{"action":"onMessage","room","message","name"?}` from a member of the room: a message event
//     `{"messageId","room","userId","name","message","postedAt","modifiedAt","seq"}`, serialised once and sent to
//     every member, the sender included, then the reply `{"statusCode":200,"body":"","messageId","postedAt","seq"}`;
//   - any other frame: a 400 (403 for a post into a room not joined); `GET /health` answers the connection count.
//
// What it leaves out, on purpose (it is the baseline, not a product): storage and history (rooms live in memory
// and are forgotten when empty), edits and deletes, presence, protocol v2, rate limits, per-user or per-address
// connection caps, outbound queue limits (a slow reader's frames pile up in `ws`'s buffer), token expiry after
// the upgrade, field length checks, and ws's optional native add-ons (bufferutil, utf-8-validate). One process,
// no cluster module: one event loop, as our server is one JVM.
//
//   CHAT_JWT_SECRET=... [CHAT_HOST=127.0.0.1] [CHAT_PORT=3001] node chat-bench/peers/ws-chat-server.mjs
//
// CHAT_PORT=0 takes a free port. The first line on stdout is `listening on ws://HOST:PORT/`.

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const SKEW_SECONDS = 60;

const secret = process.env.CHAT_JWT_SECRET ?? '';
if (Buffer.byteLength(secret, 'utf8') < 32) {
  console.error('CHAT_JWT_SECRET must be set to at least 32 bytes');
  process.exit(2);
}
const host = process.env.CHAT_HOST ?? '127.0.0.1';
const port = Number.parseInt(process.env.CHAT_PORT ?? '3001', 10);

/** The token's claims when it is a valid HS256 JWT for this secret with a `sub`, else null. */
function verify(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) {
    return null;
  }
  const [header, payload, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null;
  }
  try {
    if (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')).alg !== 'HS256') {
      return null;
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const now = Date.now() / 1000;
    if (typeof claims.sub !== 'string' || claims.sub === ''
        || (typeof claims.exp === 'number' && claims.exp + SKEW_SECONDS < now)
        || (typeof claims.nbf === 'number' && claims.nbf - SKEW_SECONDS > now)) {
      return null;
    }
    return claims;
  } catch {
    return null;
  }
}

function tokenOf(request) {
  const authorization = request.headers.authorization ?? '';
  if (authorization.startsWith('Bearer ')) {
    return authorization.slice('Bearer '.length).trim();
  }
  return new URL(request.url, 'http://localhost').searchParams.get('token');
}

/** room name -> { members: Set of sockets, seq: last seq given } */
const rooms = new Map();
let connections = 0;

function leave(socket) {
  const room = rooms.get(socket.room);
  if (room) {
    room.members.delete(socket);
    if (room.members.size === 0) {
      rooms.delete(socket.room);
    }
  }
  socket.room = null;
}

function reply(socket, statusCode, body, fields) {
  socket.send(JSON.stringify({ statusCode, body, ...fields }));
}

function join(socket, frame) {
  if (typeof frame.room !== 'string' || frame.room === '') {
    return reply(socket, 400, 'room: must be a string');
  }
  if (typeof frame.name !== 'string' || frame.name === '') {
    return reply(socket, 400, 'name: must be a string');
  }
  leave(socket);
  let room = rooms.get(frame.room);
  if (!room) {
    room = { members: new Set(), seq: 0 };
    rooms.set(frame.room, room);
  }
  room.members.add(socket);
  socket.room = frame.room;
  socket.name = frame.name;
  return reply(socket, 200, '');
}

function post(socket, frame) {
  if (typeof frame.message !== 'string' || frame.message.trim() === '') {
    return reply(socket, 400, 'message: must not be blank');
  }
  if (typeof frame.room !== 'string' || frame.room !== socket.room) {
    return reply(socket, 403, 'room: join the room first');
  }
  const room = rooms.get(socket.room);
  const messageId = randomUUID();
  const postedAt = new Date().toISOString();
  const seq = ++room.seq;
  const event = Buffer.from(JSON.stringify({
    messageId,
    room: socket.room,
    userId: socket.userId,
    name: typeof frame.name === 'string' && frame.name !== '' ? frame.name : socket.name,
    message: frame.message,
    postedAt,
    modifiedAt: postedAt,
    seq,
  }));
  for (const member of room.members) {
    member.send(event, { binary: false });
  }
  return reply(socket, 200, '', { messageId, postedAt, seq });
}

function handle(socket, data, isBinary) {
  if (isBinary) {
    return reply(socket, 400, 'frame: binary frames are not supported, send JSON text');
  }
  let frame;
  try {
    frame = JSON.parse(data.toString('utf8'));
  } catch {
    return reply(socket, 400, 'frame: not JSON');
  }
  if (frame === null || typeof frame !== 'object') {
    return reply(socket, 400, 'frame: not a JSON object');
  }
  switch (frame.action) {
    case 'onJoin':
      return join(socket, frame);
    case 'onMessage':
      return post(socket, frame);
    default:
      return reply(socket, 400, `action: unknown '${frame.action}'`);
  }
}

const sockets = new WebSocketServer({ noServer: true });
sockets.on('connection', (socket, request, claims) => {
  connections++;
  socket.userId = claims.sub;
  socket.room = null;
  socket.on('message', (data, isBinary) => handle(socket, data, isBinary));
  socket.on('close', () => {
    connections--;
    leave(socket);
  });
  socket.on('error', () => socket.terminate());
});

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ status: 'ok', connections }));
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  }
});
server.on('upgrade', (request, socket, head) => {
  const claims = verify(tokenOf(request));
  if (!claims) {
    const body = 'a valid token is required';
    socket.end('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer\r\nContent-Type: text/plain\r\n'
        + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    return;
  }
  sockets.handleUpgrade(request, socket, head, (upgraded) => sockets.emit('connection', upgraded, request, claims));
});
server.listen(port, host, () => {
  console.log(`listening on ws://${host}:${server.address().port}/`);
});

function stop() {
  for (const socket of sockets.clients) {
    socket.close(1001, 'server stopping');
  }
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
