// Room chat web client: sign in, join a room, read its history, chat. No build step, no framework.
//
// Stable hooks (the browser tests rely on them; keep them when changing the page):
//   Sign in    #sign-in-view, #dev-sign-in-form, #user-id-input, #display-name-input, #sign-in-button,
//              #token-sign-in (details), #token-sign-in-form, #token-input, #token-name-input,
//              #token-sign-in-button, [data-testid=sign-in-error]
//   Header     [data-testid=status] with data-state = connecting | online | reconnecting | offline,
//              #reconnect-button (shown once the retries ran out), [data-testid=account-name], #sign-out-button
//   Room       #chat-view, [data-testid=room-title] with data-room = the joined room's name,
//              #join-form, #room-input, #join-button, #leave-button
//   Messages   #message-list, #load-older-button, #empty-room, and per message
//              li[data-testid=message] with data-message-id, data-posted-at, data-user-id and
//              classes "own" / "deleted"; inside: [data-testid=message-author], [data-testid=message-text],
//              [data-testid=edit-message], [data-testid=delete-message]; while editing:
//              [data-testid=edit-input], [data-testid=save-edit], [data-testid=cancel-edit]
//   Composer   #composer, #message-input, [data-testid=char-counter], #send-button
//   Notices    [data-testid=notices] > [data-testid=notice] with data-status = the reply's statusCode

import { ChatSocket } from './chat-socket.js';
import { MessageView } from './message-view.js';
import { Session, signInDev, signInWithToken, savedRoom, saveRoom } from './session.js';

const LOBBY = '_lobby';
// The server's own limits (GET /limits), never a copy of its defaults: a server started with a smaller history page
// would refuse a bigger one. Unreadable, the page asks for no particular page size and counts without a maximum.
const LIMITS = await fetch('/limits').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
const MAX_MESSAGE_CHARS = LIMITS.maxMessageChars;
const HISTORY_PAGE = LIMITS.historyPageDefault;
const CATCH_UP_PAGE = LIMITS.historyPageMax;
const NOTICE_MS = 6000;
const STATUS_TEXT = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' };
const REPLY_LABEL = { 400: 'Not accepted', 403: 'Not allowed', 404: 'Not found', 413: 'Too long',
  429: 'Slow down', 500: 'Server error' };

const $ = (id) => document.getElementById(id);
const view = new MessageView($('message-list'), $('message-scroller'), { onEdit: editMessage, onDelete: deleteMessage });

let session = null;
let socket = null;
let wantedRoom = LOBBY;   // where the user asked to be; re-joined after every reconnect
let shownRoom = null;     // whose messages the view holds
let online = false;

// ---- sign in / out ----

async function onDevSignIn(event) {
  event.preventDefault();
  const userId = $('user-id-input').value.trim();
  const name = $('display-name-input').value.trim();
  await signIn(() => signInDev(userId, name));
}

async function onTokenSignIn(event) {
  event.preventDefault();
  const token = $('token-input').value.trim();
  const name = $('token-name-input').value.trim();
  await signIn(async () => signInWithToken(token, name));
}

async function signIn(makeSession) {
  $('sign-in-error').textContent = '';
  try {
    session = await makeSession();
  } catch (e) {
    $('sign-in-error').textContent = e.message;
    return;
  }
  session.save();
  $('token-input').value = '';   // do not leave a token lying around in the form
  enterChat();
}

function signOut() {
  const closing = socket;
  socket = null;
  session = null;
  closing?.stop();
  Session.clear();
  shownRoom = null;
  view.reset(null);
  $('chat-view').hidden = true;
  $('account').hidden = true;
  $('sign-in-view').hidden = false;
  document.title = 'Room chat';
  $('user-id-input').focus();
}

function enterChat() {
  $('sign-in-view').hidden = true;
  $('chat-view').hidden = false;
  $('account').hidden = false;
  $('account-name').textContent = `${session.name} (${session.userId})`;
  wantedRoom = savedRoom() || LOBBY;
  view.reset(session.userId);
  connect();
}

// ---- connection ----

function connect() {
  socket = new ChatSocket({
    url: async (reconnecting) => {
      if (reconnecting) {
        await session.refresh();
      }
      return session.socketUrl();
    },
    onEvent: onMessageEvent,
    onState: showStatus,
    onOpen: () => joinRoom(wantedRoom),
    onGiveUp: () => notify('Cannot reach the server. Press Reconnect to try again, or sign out and in again '
      + 'if your token has expired.'),
  });
  socket.start();
}

function showStatus(state) {
  online = state === 'online';
  $('status').dataset.state = state;
  $('status-text').textContent = STATUS_TEXT[state];
  $('reconnect-button').hidden = !(state === 'offline' && session);
  updateComposer();
}

/** Sends a frame; resolves with the reply when it is a 200, otherwise shows why and resolves with null. */
async function ask(frame) {
  if (!socket) {
    return null;
  }
  let reply;
  try {
    reply = await socket.request(frame);
  } catch (e) {
    if (socket) {   // after a sign-out there is nobody left to tell
      notify(`${e.message}. Please try again once the connection is back.`);
    }
    return null;
  }
  if (reply.statusCode !== 200) {
    const label = REPLY_LABEL[reply.statusCode] ?? `Error ${reply.statusCode}`;
    notify(reply.body ? `${label}: ${reply.body}` : label, reply.statusCode);
    return null;
  }
  return reply;
}

// ---- rooms and history ----

async function joinRoom(room) {
  const joined = await ask({ action: 'onJoin', room, name: session.name });
  if (!joined) {
    return;
  }
  wantedRoom = room;
  saveRoom(room);
  if (room === shownRoom && view.size > 0) {
    await catchUp();   // back after a reconnect: fetch only what was missed
  } else {
    showRoom(room);
    await loadLatest();
  }
}

function showRoom(room) {
  shownRoom = room;
  view.reset(session.userId);
  const title = $('room-title');
  title.textContent = room === LOBBY ? 'Lobby' : room;
  title.dataset.room = room;
  document.title = `${title.textContent} · Room chat`;
  $('leave-button').disabled = room === LOBBY;
  $('load-older-button').hidden = true;
  $('empty-room').hidden = true;
  setBusy(true);
}

async function loadLatest() {
  const page = await ask({ action: 'onHistory', room: shownRoom, limit: HISTORY_PAGE });
  if (page && page.room === shownRoom) {
    page.messages.forEach((m) => view.show(m));
    view.scrollToBottom();
    afterHistory(page);
  }
  setBusy(false);
}

/** aria-busy tells assistive technology (and the browser tests) that the history is still loading. */
function setBusy(busy) {
  $('message-scroller').setAttribute('aria-busy', String(busy));
}

async function loadOlder() {
  const page = await ask({ action: 'onHistory', room: shownRoom, before: view.oldestPostedAt(), limit: HISTORY_PAGE });
  if (page && page.room === shownRoom) {
    view.showOlder(page.messages);
    afterHistory(page);
  }
}

async function catchUp() {
  setBusy(true);
  let page;
  do {
    page = await ask({ action: 'onHistory', room: shownRoom, after: view.newestPostedAt(), limit: CATCH_UP_PAGE });
    page?.messages.forEach((m) => view.show(m));
  } while (page && page.hasMore && page.room === shownRoom);
  setBusy(false);
}

function afterHistory(page) {
  $('load-older-button').hidden = !page.hasMore;
  updateEmptyRoom();
}

function updateEmptyRoom() {
  const empty = $('empty-room');
  empty.hidden = view.size > 0;
  empty.textContent = shownRoom === LOBBY
    ? 'This is the lobby. Type a room name above to join it, or say hello here.'
    : 'No messages here yet. Say hello!';
}

function onJoinSubmit(event) {
  event.preventDefault();
  const room = $('room-input').value.trim();
  if (!validRoomName(room)) {
    notify('A room name has 1 to 128 characters and no control characters.');
    return;
  }
  $('room-input').value = '';
  joinRoom(room).then(() => $('message-input').focus());
}

function validRoomName(room) {
  // eslint-disable-next-line no-control-regex
  return room.length >= 1 && room.length <= 128 && !/[\u0000-\u001f\u007f-\u009f]/.test(room);
}

// ---- messages ----

function onMessageEvent(message) {
  if (message.room === shownRoom && message.messageId) {
    view.show(message);
    updateEmptyRoom();
  }
}

let draft = null;   // { text, room, key }: the composer's message until the server has taken it

function newClientMessageId() {
  // randomUUID needs a secure context (https or loopback); elsewhere a random string does as well.
  return crypto.randomUUID ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

async function sendMessage() {
  const input = $('message-input');
  const text = input.value;
  if (text.trim() === '' || !online || !shownRoom) {
    return;
  }
  $('send-button').disabled = true;
  // The same text sent again (say after a dropped connection) keeps its key, so the server stores it once.
  if (!draft || draft.text !== text || draft.room !== shownRoom) {
    draft = { text, room: shownRoom, key: newClientMessageId() };
  }
  const reply = await ask({ action: 'onMessage', room: shownRoom, message: text, name: session.name,
    clientMessageId: draft.key });
  if (reply) {
    draft = null;
    input.value = '';
    fitComposer();
  }
  updateComposer();
  input.focus();
}

/** Resolves true when the server took the edit; the edited text itself arrives as a message event. */
async function editMessage(message, text) {
  const reply = await ask({ action: 'onMessage', room: message.room, messageId: message.messageId, message: text });
  return reply !== null;
}

async function deleteMessage(message) {
  await ask({ action: 'onMessage', room: message.room, messageId: message.messageId, isDeleted: true });
}

function updateComposer() {
  const length = $('message-input').value.length;
  const counter = $('char-counter');
  counter.textContent = MAX_MESSAGE_CHARS ? `${length} / ${MAX_MESSAGE_CHARS}` : `${length}`;
  counter.dataset.level = length >= MAX_MESSAGE_CHARS ? 'full' : length > MAX_MESSAGE_CHARS * 0.9 ? 'near' : 'ok';
  $('send-button').disabled = !online || $('message-input').value.trim() === '';
}

/** The box grows with its text, up to the limit the stylesheet sets. */
function fitComposer() {
  const input = $('message-input');
  input.style.height = 'auto';
  input.style.height = `${input.scrollHeight + 2}px`;
}

function onComposerKey(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();   // Enter sends; Shift+Enter keeps its newline
    sendMessage();
  }
}

// ---- notices ----

function notify(text, status) {
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.dataset.testid = 'notice';
  if (status) {
    notice.dataset.status = String(status);
  }
  const message = document.createElement('span');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice-close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => notice.remove());
  notice.append(message, close);
  $('notices').append(notice);
  setTimeout(() => notice.remove(), NOTICE_MS);
}

// ---- start ----

function bind() {
  if (MAX_MESSAGE_CHARS) {
    $('message-input').maxLength = MAX_MESSAGE_CHARS;
  }
  updateComposer();
  $('dev-sign-in-form').addEventListener('submit', onDevSignIn);
  $('token-sign-in-form').addEventListener('submit', onTokenSignIn);
  $('sign-out-button').addEventListener('click', signOut);
  $('reconnect-button').addEventListener('click', () => socket?.reconnectNow());
  $('join-form').addEventListener('submit', onJoinSubmit);
  $('leave-button').addEventListener('click', () => joinRoom(LOBBY));
  $('load-older-button').addEventListener('click', loadOlder);
  $('composer').addEventListener('submit', (e) => { e.preventDefault(); sendMessage(); });
  $('message-input').addEventListener('keydown', onComposerKey);
  $('message-input').addEventListener('input', () => { updateComposer(); fitComposer(); });
}

bind();
session = Session.load();
if (session) {
  enterChat();
} else {
  $('user-id-input').focus();
}
