// Room chat web client (protocol v2): sign in, join several rooms, read their history, chat, see who is there and
// who is typing, and come back after a dropped connection without losing or repeating anything. No build step.
//
// Stable hooks (the browser tests rely on them; keep them when changing the page):
//   Sign in    #sign-in-view, #dev-sign-in-form, #user-id-input, #display-name-input, #moderates-input,
//              #sign-in-button,
//              #token-sign-in (details), #token-sign-in-form, #token-input, #token-name-input,
//              #token-sign-in-button, [data-testid=sign-in-error]
//   Header     [data-testid=status] with data-state = connecting | online | reconnecting | offline,
//              #reconnect-button (shown once the retries ran out), [data-testid=account-name], #sign-out-button
//   Sidebar    [data-testid=room-list] > li[data-testid=room] with data-room and class "active" (the shown room);
//              inside: [data-testid=open-room], [data-testid=unread] (data-count; hidden at 0),
//              [data-testid=leave-room]; #direct-form, #direct-input, #direct-button (a dm: room with a user id)
//   Room       #chat-view, [data-testid=room-title] with data-room = the shown room's name,
//              #join-form, #room-input, #join-button, #leave-button (leaves the shown room)
//   People     [data-testid=member-count] (data-count), [data-testid=member-list] > li[data-testid=member]
//              with data-user-id; for a moderator of the room, on others: [data-testid=kick-member],
//              [data-testid=ban-member]; [data-testid=typing] ("Bob is typing…", hidden when nobody is)
//   Messages   #message-list, #load-older-button, #empty-room, and per message
//              li[data-testid=message] with data-message-id, data-posted-at, data-user-id and
//              classes "own" / "deleted"; inside: [data-testid=message-author], [data-testid=message-text],
//              [data-testid=edit-message], [data-testid=delete-message] (also on others' messages for a
//              moderator of the room); while editing:
//              [data-testid=edit-input], [data-testid=save-edit], [data-testid=cancel-edit]
//   Composer   #composer, #message-input, [data-testid=char-counter], #send-button
//   Notices    [data-testid=notices] > [data-testid=notice] with data-status = the reply's statusCode

import { ChatSocket } from './chat-socket.js';
import { Composer } from './composer.js';
import { MessageView } from './message-view.js';
import { notify as showNotice } from './notices.js';
import { People } from './people.js';
import { Room, directRoomName } from './room.js';
import { Session, signInDev, signInWithToken, savedRooms, saveRooms } from './session.js';
import { Sidebar } from './sidebar.js';

const LOBBY = '_lobby';
// The server's own limits (GET /limits), never a copy of its defaults: a server started with a smaller history page
// would refuse a bigger one. Unreadable, the page asks for no particular page size and counts without a maximum.
const LIMITS = await fetch('/limits').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
const MAX_MESSAGE_CHARS = LIMITS.maxMessageChars;
const HISTORY_PAGE = LIMITS.historyPageDefault;
const TYPING_EVERY_MS = 2000;   // the server forwards one typing event per 2 s; sending more only spends the budget
const READ_DELAY_MS = 300;      // a burst of messages in the shown room is reported read once
const STATUS_TEXT = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' };
const REPLY_LABEL = { 400: 'Not accepted', 403: 'Not allowed', 404: 'Not found', 413: 'Too long',
  429: 'Slow down', 500: 'Server error' };

const $ = (id) => document.getElementById(id);
const view = new MessageView($('message-list'), $('message-scroller'), { onEdit: editMessage, onDelete: deleteMessage });
const sidebar = new Sidebar($('room-list'), { onOpen: openRoom, onLeave: leaveRoom });
const people = new People($('member-list'), $('member-count'), $('typing'), { onKick: kickMember });
const composer = new Composer(
  { form: $('composer'), input: $('message-input'), counter: $('char-counter'), sendButton: $('send-button') },
  { maxChars: MAX_MESSAGE_CHARS, room: () => shownRoom, post: postMessage, typing: sendTyping });

let session = null;
let socket = null;
const rooms = new Map();   // name -> Room, in the order joined; every one is re-joined after a reconnect
let shownRoom = null;      // the name of the room whose messages the view holds
let online = false;
const readTimers = new Map();   // room name -> pending onRead

// ---- sign in / out ----

async function onDevSignIn(event) {
  event.preventDefault();
  const userId = $('user-id-input').value.trim();
  const name = $('display-name-input').value.trim();
  const moderates = $('moderates-input').value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  await signIn(() => signInDev(userId, name, moderates));
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
  forgetRooms();
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
  forgetRooms();
  const saved = savedRooms();
  for (const name of [LOBBY, ...saved.rooms]) {
    rooms.set(name, new Room(name));
  }
  shownRoom = rooms.has(saved.shown) ? saved.shown : LOBBY;
  showRoomFrame();
  connect();
}

function forgetRooms() {
  rooms.forEach((room) => room.forgetTyping());
  readTimers.forEach((timer) => clearTimeout(timer));
  readTimers.clear();
  rooms.clear();
  shownRoom = null;
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
    onEvent,
    onState: showStatus,
    onOpen: rejoinAll,
    onGiveUp: () => notify('Cannot reach the server. Press Reconnect to try again, or sign out and in again '
      + 'if your token has expired.'),
    onWrongProtocol: () => notify('This server does not speak protocol v2 (roomchat.v2), which this page needs.'),
  });
  socket.start();
}

function showStatus(state) {
  online = state === 'online';
  $('status').dataset.state = state;
  $('status-text').textContent = STATUS_TEXT[state];
  $('reconnect-button').hidden = !(state === 'offline' && session);
  composer.setOnline(online);
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

/** For what the page sends on its own (typing, read positions): a failure is not the user's to act on. */
function tell(frame) {
  socket?.request(frame).catch(() => null);
}

// ---- rooms ----

/** After every (re)connect: each room joined again, resuming from the last seq seen, so nothing is fetched twice. */
async function rejoinAll() {
  for (const room of Array.from(rooms.values())) {
    await joinRoom(room);
  }
  const shown = rooms.get(shownRoom);
  if (shown && !shown.loaded) {
    await loadLatest(shown);
  }
}

/** Joins (or re-joins) a room; the catch-up of a resume arrives as message events right after the reply. */
async function joinRoom(room) {
  const frame = { action: 'onJoin', room: room.name, name: session.name };
  if (room.seq !== null) {
    frame.since = room.seq;
  }
  const reply = await ask(frame);
  if (!reply) {
    return false;
  }
  // Too much was missed to be sent, or the server's room is behind what this page saw (a store that forgot):
  // read the room again.
  const wasModerator = room.moderator;
  if (reply.recovered === false || (room.seq !== null && reply.seq < room.seq)) {
    room.resetMessages();
    if (room.name === shownRoom) {
      resetView();
    }
  }
  room.joined(reply);
  if (room.name === shownRoom && room.moderator !== wasModerator) {
    redrawMessages(room);   // the moderator's Delete comes or goes with the token
  }
  if (room.name === shownRoom) {
    markRead(room);
    people.renderMembers(room, session.userId);
  }
  renderSidebar();
  return true;
}

async function openOrJoin(name) {
  if (!rooms.has(name)) {
    const room = new Room(name);
    if (!(await joinRoom(room))) {
      return;
    }
    rooms.set(name, room);
  }
  await openRoom(name);
}

async function openRoom(name) {
  const room = rooms.get(name);
  if (!room) {
    return;
  }
  shownRoom = name;
  showRoomFrame();
  if (room.loaded) {
    redrawMessages(room);
    afterHistory(room);
    setBusy(false);
    markRead(room);
  } else if (online) {
    await loadLatest(room);
  }
}

/** The shown room's title, members, typing line and sidebar entry; its messages are the caller's to draw. */
function showRoomFrame() {
  const room = rooms.get(shownRoom);
  saveRoomList();
  resetView();
  const title = $('room-title');
  title.textContent = room ? room.label(session.userId) : '';
  title.dataset.room = shownRoom ?? '';
  document.title = `${title.textContent} · Room chat`;
  $('leave-button').disabled = shownRoom === LOBBY;
  $('load-older-button').hidden = true;
  $('empty-room').hidden = true;
  setBusy(true);
  people.renderMembers(room, session.userId);
  people.renderTyping(room);
  renderSidebar();
}

/** The shown room's messages drawn afresh, with the actions the user may take on each. */
function redrawMessages(room) {
  resetView();
  room.sortedMessages().forEach((m) => view.show(m));
  view.scrollToBottom();
}

function resetView() {
  view.reset(session.userId, rooms.get(shownRoom)?.moderator === true);
}

async function leaveRoom(name) {
  if (name === LOBBY || !(await ask({ action: 'onLeave', room: name }))) {
    return;
  }
  await dropRoom(name);
}

/** A moderator removed the user: the room leaves the sidebar and is not joined again on reconnect. */
async function onKicked(frame) {
  notify(`You were removed from ${frame.room} by ${frame.by}`, 403);
  await dropRoom(frame.room);
}

/** Forgets a room the user is no longer in; the lobby is shown instead when it was the shown one. */
async function dropRoom(name) {
  rooms.get(name)?.forgetTyping();
  clearTimeout(readTimers.get(name));
  readTimers.delete(name);
  rooms.delete(name);
  if (name === shownRoom && rooms.has(LOBBY)) {
    await openRoom(LOBBY);
  } else if (name === shownRoom) {
    shownRoom = rooms.keys().next().value ?? null;   // kicked from the lobby itself
    showRoomFrame();
  } else {
    saveRoomList();
    renderSidebar();
  }
}

/** The lobby is always joined, so only the other rooms are remembered. */
function saveRoomList() {
  saveRooms(Array.from(rooms.keys()).filter((n) => n !== LOBBY), shownRoom);
}

function renderSidebar() {
  sidebar.render(Array.from(rooms.values()), shownRoom, session.userId);
}

// ---- history ----

async function loadLatest(room) {
  if (room.name === shownRoom) {
    setBusy(true);
  }
  const page = await ask({ action: 'onHistory', room: room.name, limit: HISTORY_PAGE });
  if (page && rooms.get(room.name) === room) {
    page.messages.forEach((m) => room.apply(m));
    room.loaded = true;
    room.hasMore = page.hasMore;
  }
  if (room.name === shownRoom) {
    redrawMessages(room);
    afterHistory(room);
    setBusy(false);
    markRead(room);
  }
}

/** aria-busy tells assistive technology (and the browser tests) that the history is still loading. */
function setBusy(busy) {
  $('message-scroller').setAttribute('aria-busy', String(busy));
}

async function loadOlder() {
  const room = rooms.get(shownRoom);
  const page = room && await ask({ action: 'onHistory', room: room.name, before: room.oldestPostedAt(),
    limit: HISTORY_PAGE });
  if (page && room.name === shownRoom) {
    view.showOlder(page.messages.filter((m) => room.apply(m) !== null));
    room.hasMore = page.hasMore;
    afterHistory(room);
  }
}

function afterHistory(room) {
  $('load-older-button').hidden = !room.hasMore;
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
  const name = $('room-input').value.trim();
  if (!validRoomName(name)) {
    notify('A room name has 1 to 128 characters and no control characters.');
    return;
  }
  $('room-input').value = '';
  openOrJoin(name).then(() => composer.focus());
}

function onDirectSubmit(event) {
  event.preventDefault();
  const other = $('direct-input').value.trim();
  if (other === session.userId) {
    notify('That is your own user id: a direct conversation needs someone else\'s.');
    return;
  }
  const name = directRoomName(session.userId, other);
  if (other === '' || !validRoomName(name)) {
    notify('Enter the user id of the person to talk to (the room name it makes has at most 128 characters).');
    return;
  }
  $('direct-input').value = '';
  openOrJoin(name).then(() => composer.focus());
}

function validRoomName(room) {
  // eslint-disable-next-line no-control-regex
  return room.length >= 1 && room.length <= 128 && !/[\u0000-\u001f\u007f-\u009f]/.test(room);
}

// ---- events ----

function onEvent(frame) {
  const room = rooms.get(frame.room);
  if (!room) {
    return;   // an event of a room just left
  }
  if (frame.type === 'message' && frame.messageId) {
    onMessageEvent(room, frame);
  } else if (frame.type === 'kicked') {
    onKicked(frame);
  } else if (frame.type === 'presence') {
    room.presence(frame);
    if (frame.event === 'leave' && room.stoppedTyping(frame.userId)) {
      renderIfShown(room, () => people.renderTyping(room));
    }
    renderIfShown(room, () => people.renderMembers(room, session.userId));
  } else if (frame.type === 'typing' && frame.userId !== session.userId) {
    room.typingFrom(frame, () => renderIfShown(room, () => people.renderTyping(room)));
    renderIfShown(room, () => people.renderTyping(room));
  } else if (frame.type === 'read' && frame.userId === session.userId) {
    readElsewhere(room, frame.postedAt);
  }
}

function onMessageEvent(room, message) {
  const outcome = room.applyEvent(message);
  if (outcome === null) {
    return;   // a repeat, or an older state than the one shown
  }
  if (outcome === 'new' && room.stoppedTyping(message.userId)) {
    renderIfShown(room, () => people.renderTyping(room));
  }
  if (room.name === shownRoom) {
    view.show(room.messages.get(message.messageId));
    updateEmptyRoom();
  }
  if (outcome === 'new' && room.name === shownRoom && isVisible()) {
    markRead(room);
  } else if (outcome === 'new' && room.countsAsUnread(message, session.userId)) {
    room.unread += 1;
    renderSidebar();
  }
}

/** The user read the room in another tab: once that covers everything held here, nothing here is unread. */
function readElsewhere(room, postedAt) {
  const newest = room.newestPostedAt();
  if (room.unread > 0 && (newest === null || Date.parse(postedAt) >= Date.parse(newest))) {
    room.unread = 0;
    renderSidebar();
  }
}

function renderIfShown(room, render) {
  if (room.name === shownRoom) {
    render();
  }
}

function isVisible() {
  return document.visibilityState === 'visible';
}

/** The shown room, while the page is visible, is read up to its newest message: the badge clears, the server hears. */
function markRead(room) {
  if (room.name !== shownRoom || !isVisible()) {
    return;
  }
  if (room.unread !== 0) {
    room.unread = 0;
    renderSidebar();
  }
  if (!readTimers.has(room.name)) {
    readTimers.set(room.name, setTimeout(() => sendRead(room), READ_DELAY_MS));
  }
}

function sendRead(room) {
  readTimers.delete(room.name);
  const newest = room.newestPostedAt();
  if (online && newest && newest !== room.readSent && rooms.get(room.name) === room) {
    room.readSent = newest;
    tell({ action: 'onRead', room: room.name, postedAt: newest });
  }
}

function onVisibilityChange() {
  const room = rooms.get(shownRoom);
  if (room && isVisible()) {
    markRead(room);
  }
}

// ---- messages ----

async function postMessage(room, text, key) {
  return (await ask({ action: 'onMessage', room, message: text, name: session.name, clientMessageId: key })) !== null;
}

/** Resolves true when the server took the edit; the edited text itself arrives as a message event. */
async function editMessage(message, text) {
  const reply = await ask({ action: 'onMessage', room: message.room, messageId: message.messageId, message: text });
  return reply !== null;
}

async function deleteMessage(message) {
  await ask({ action: 'onMessage', room: message.room, messageId: message.messageId, isDeleted: true });
}

/** A moderator's kick (minutes 0) or ban; the member list updates from the presence leave that follows. */
async function kickMember(room, userId, minutes) {
  await ask({ action: 'onKick', room, userId, minutes });
}

/** Others see "… is typing" while the user types; one onTyping per room every 2 s is all the server forwards. */
function sendTyping() {
  const room = rooms.get(shownRoom);
  const now = Date.now();
  if (room && online && now - room.typingSentAt >= TYPING_EVERY_MS) {
    room.typingSentAt = now;
    tell({ action: 'onTyping', room: room.name });
  }
}

function notify(text, status) {
  showNotice($('notices'), text, status);
}

// ---- start ----

function bind() {
  composer.bind();
  $('dev-sign-in-form').addEventListener('submit', onDevSignIn);
  $('token-sign-in-form').addEventListener('submit', onTokenSignIn);
  $('sign-out-button').addEventListener('click', signOut);
  $('reconnect-button').addEventListener('click', () => socket?.reconnectNow());
  $('join-form').addEventListener('submit', onJoinSubmit);
  $('leave-button').addEventListener('click', () => leaveRoom(shownRoom));
  $('direct-form').addEventListener('submit', onDirectSubmit);
  $('load-older-button').addEventListener('click', loadOlder);
  document.addEventListener('visibilitychange', onVisibilityChange);
}

bind();
session = Session.load();
if (session) {
  enterChat();
} else {
  $('user-id-input').focus();
}
