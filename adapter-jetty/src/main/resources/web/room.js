// What the page knows of one joined room: its messages by messageId, the highest seq seen (to resume from),
// the unread count, who is present and who is typing. No DOM here; the views draw from it.

const TYPING_SHOWN_MS = 3000;

export class Room {
  constructor(name) {
    this.name = name;
    this.messages = new Map();   // messageId -> the newest state seen of that message
    this.seq = null;             // the highest seq seen in a join reply, a message event or a history page
    this.liveAfterSeq = 0;       // the last join reply's seq: changes up to it are in that reply's unread count
    this.loaded = false;         // whether the newest history page has been read since the room was (re)set
    this.hasMore = false;        // older history exists beyond the oldest message held
    this.unread = 0;
    this.members = new Map();    // userId -> name
    this.memberCount = 0;
    this.moderator = false;      // the join reply's word: the user may delete anyone's message and kick here
    this.typing = new Map();     // userId -> {name, timer}
    this.typingSentAt = 0;       // when this page last sent onTyping here
    this.readSent = null;        // the newest postedAt this page has reported with onRead
  }

  /** Forgets the messages (a resume that could not recover): the room is read again from its newest page. */
  resetMessages() {
    this.messages.clear();
    this.seq = null;
    this.loaded = false;
    this.hasMore = false;
  }

  /** A v2 join reply: the room's latest seq, its members, the user's unread count and whether they moderate. */
  joined(reply) {
    this.moderator = reply.moderator === true;
    this.seeSeq(reply.seq);
    this.liveAfterSeq = reply.seq ?? 0;
    this.unread = reply.unread ?? 0;
    this.members = new Map((reply.members ?? []).map((m) => [m.userId, m.name]));
    this.memberCount = reply.memberCount ?? this.members.size;
  }

  /**
   * Takes a message (event or history) unless it is a repeat; answers 'new', 'update' or null (dropped).
   * The higher seq is the newer state; equal seqs (messages from before sequence numbers had 0) fall back to
   * modifiedAt.
   */
  apply(message) {
    this.seeSeq(message.seq);
    const known = this.messages.get(message.messageId);
    if (known && !isNewer(message, known)) {
      return null;
    }
    this.messages.set(message.messageId, message);
    return known ? 'update' : 'new';
  }

  /** As apply, for an event (live or a resume's catch-up); a change to a message older than every one held,
   * while older history exists, is left for "Load older" to bring in its place rather than shown out of context. */
  applyEvent(message) {
    const oldest = this.oldestPostedAt();
    if (!this.messages.has(message.messageId) && this.hasMore && oldest
        && Date.parse(message.postedAt) < Date.parse(oldest)) {
      this.seeSeq(message.seq);
      return null;
    }
    return this.apply(message);
  }

  /** A new message from someone else, announced after the last join reply, is one more unread. */
  countsAsUnread(message, ownUserId) {
    return message.userId !== ownUserId && !message.isDeleted && (message.seq ?? 0) > this.liveAfterSeq;
  }

  presence(event) {
    if (event.event === 'join' && !this.members.has(event.userId)) {
      this.members.set(event.userId, event.name);
      this.memberCount += 1;
    } else if (event.event === 'leave' && this.members.has(event.userId)) {
      this.members.delete(event.userId);
      this.memberCount = Math.max(this.members.size, this.memberCount - 1);
    } else if (event.event === 'leave') {
      this.memberCount = Math.max(this.members.size, this.memberCount - 1);   // one beyond the listed 100 left
    }
  }

  /** Someone is typing; forgotten on its own after a few quiet seconds, then `expired` is called. */
  typingFrom(event, expired) {
    clearTimeout(this.typing.get(event.userId)?.timer);
    const timer = setTimeout(() => {
      this.typing.delete(event.userId);
      expired();
    }, TYPING_SHOWN_MS);
    this.typing.set(event.userId, { name: event.name, timer });
  }

  /** Their message arrived, so they stopped typing. Answers whether they were shown as typing. */
  stoppedTyping(userId) {
    const entry = this.typing.get(userId);
    clearTimeout(entry?.timer);
    return this.typing.delete(userId);
  }

  /** The room is left or the page signs out: no timer may outlive it. */
  forgetTyping() {
    this.typing.forEach((entry) => clearTimeout(entry.timer));
    this.typing.clear();
  }

  typingNames() {
    return Array.from(this.typing.values(), (t) => t.name);
  }

  /** Oldest first: postedAt, then messageId, as the server orders history. */
  sortedMessages() {
    return Array.from(this.messages.values()).sort(compareOrder);
  }

  newestPostedAt() {
    return extreme(this.messages, (a, b) => compareOrder(a, b) > 0);
  }

  oldestPostedAt() {
    return extreme(this.messages, (a, b) => compareOrder(a, b) < 0);
  }

  seeSeq(seq) {
    if (Number.isInteger(seq) && (this.seq === null || seq > this.seq)) {
      this.seq = seq;
    }
  }

  /** A dm room's name holds both user ids; the page shows it by the other person's id. */
  label(ownUserId) {
    if (this.name === '_lobby') {
      return 'Lobby';
    }
    if (this.name.startsWith('dm:')) {
      const others = this.name.slice(3).split(',').filter((id) => id !== ownUserId);
      return `@${others[0] ?? ownUserId}`;
    }
    return this.name;
  }
}

/** The room of a direct conversation: both user ids, ascending, after "dm:". */
export function directRoomName(ownUserId, otherUserId) {
  return `dm:${[ownUserId, otherUserId].sort().join(',')}`;
}

function isNewer(message, known) {
  const bySeq = (message.seq ?? 0) - (known.seq ?? 0);
  return bySeq !== 0 ? bySeq > 0 : Date.parse(message.modifiedAt) > Date.parse(known.modifiedAt);
}

export function compareOrder(a, b) {
  const byTime = Date.parse(a.postedAt) - Date.parse(b.postedAt);
  if (byTime !== 0) {
    return byTime;
  }
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

function extreme(messages, better) {
  let best = null;
  for (const m of messages.values()) {
    if (best === null || better(m, best)) {
      best = m;
    }
  }
  return best?.postedAt ?? null;
}
