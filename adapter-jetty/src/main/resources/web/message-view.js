// The shown room's messages: one list item per messageId, kept in postedAt order. Which state of a message is the
// newest is the Room's decision; this view draws what it is given. User text only ever goes in through textContent.

import { compareOrder } from './room.js';

export const DELETED_TEXT = 'Message has been deleted.';
const NEAR_BOTTOM_PX = 80;
const RUN_GAP_MS = 5 * 60 * 1000;

export class MessageView {
  /**
   * @param {HTMLOListElement} list
   * @param {HTMLElement} scroller  the element that scrolls the list
   * @param {object} actions  {onEdit(message, text) => Promise, onDelete(message) => Promise}
   */
  constructor(list, scroller, actions) {
    this.list = list;
    this.scroller = scroller;
    this.actions = actions;
    this.messages = new Map();
    this.ownUserId = null;
    this.moderator = false;   // whether the user moderates the shown room: Delete on everyone's messages
  }

  reset(ownUserId, moderator = false) {
    this.ownUserId = ownUserId;
    this.moderator = moderator;
    this.messages.clear();
    this.list.replaceChildren();
  }

  get size() {
    return this.messages.size;
  }

  /** New messages go in their place; a known messageId is redrawn with the state given. */
  show(message) {
    const known = this.messages.has(message.messageId);
    // Follow the conversation if the reader is at its end, and always show what they just sent.
    const stick = this.isNearBottom() || message.userId === this.ownUserId;
    this.messages.set(message.messageId, message);
    const item = known ? this.itemOf(message.messageId) : this.insertItem(message);
    this.render(item, message);
    if (stick && !known) {
      this.scrollToBottom();
    }
  }

  /** Older history goes on top without moving what the reader is looking at. */
  showOlder(messages) {
    const fromBottom = this.scroller.scrollHeight - this.scroller.scrollTop;
    messages.forEach((m) => this.show(m));
    this.scroller.scrollTop = this.scroller.scrollHeight - fromBottom;
  }

  scrollToBottom() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  isNearBottom() {
    const s = this.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM_PX;
  }

  itemOf(messageId) {
    return this.list.querySelector(`li[data-message-id="${CSS.escape(messageId)}"]`);
  }

  insertItem(message) {
    const item = document.createElement('li');
    item.dataset.testid = 'message';
    item.dataset.messageId = message.messageId;
    item.dataset.postedAt = message.postedAt;
    item.dataset.userId = message.userId;
    this.list.insertBefore(item, this.firstItemAfter(message));
    return item;
  }

  /** Searches from the end: new messages almost always belong there. */
  firstItemAfter(message) {
    let next = null;
    for (let item = this.list.lastElementChild; item; item = item.previousElementSibling) {
      if (compareOrder(item.dataset, message) <= 0) {
        break;
      }
      next = item;
    }
    return next;
  }

  render(item, message) {
    const own = message.userId === this.ownUserId;
    const deleted = message.isDeleted === true;
    item.className = `message${own ? ' own' : ''}${deleted ? ' deleted' : ''}`;
    if (item.querySelector('.editor') && !deleted) {
      // The author is mid-edit: refresh the header, leave their draft alone.
      item.querySelector('.meta').replaceWith(header(message));
    } else {
      const parts = [header(message), body(message)];
      if (own && !deleted) {
        parts.push(this.ownActions(item, message));
      } else if (this.moderator && !deleted) {
        parts.push(this.moderatorActions(message));
      }
      item.replaceChildren(avatar(message), bubble(parts));
    }
    this.markRun(item);
  }

  /** Consecutive messages of one author read as one run: the name and avatar show once. */
  markRun(item) {
    for (const node of [item, item.nextElementSibling]) {
      node?.classList.toggle('continued', continuesRun(node.previousElementSibling, node));
    }
  }

  ownActions(item, message) {
    const edit = button('Edit', 'edit-message', `Edit your message from ${formatTime(message.postedAt)}`);
    const remove = button('Delete', 'delete-message', `Delete your message from ${formatTime(message.postedAt)}`);
    edit.addEventListener('click', () => this.startEdit(item, message.messageId));
    remove.addEventListener('click', () => this.actions.onDelete(this.messages.get(message.messageId)));
    return element('div', 'actions', [edit, remove]);
  }

  /** A moderator may delete anyone's message in the room (never edit it). */
  moderatorActions(message) {
    const remove = button('Delete', 'delete-message',
      `Delete ${message.name || message.userId}'s message from ${formatTime(message.postedAt)} as moderator`);
    remove.addEventListener('click', () => this.actions.onDelete(this.messages.get(message.messageId)));
    return element('div', 'actions', [remove]);
  }

  startEdit(item, messageId) {
    const message = this.messages.get(messageId);
    const input = document.createElement('textarea');
    input.className = 'edit-input';
    input.dataset.testid = 'edit-input';
    input.maxLength = 4000;
    input.rows = 2;
    input.value = message.message ?? '';
    input.setAttribute('aria-label', 'Edit message');
    const save = button('Save', 'save-edit', 'Save the edit');
    const cancel = button('Cancel', 'cancel-edit', 'Cancel the edit');
    save.type = 'submit';
    save.classList.add('primary');
    const editor = element('form', 'editor', [input, element('div', 'actions', [cancel, save])]);

    const close = () => this.render(item, this.messages.get(messageId));
    const submit = async () => {
      const text = input.value;
      if (text.trim() === '') {
        return;
      }
      save.disabled = true;
      const ok = await this.actions.onEdit(this.messages.get(messageId), text);
      save.disabled = false;
      if (ok) {
        editor.remove();   // drop the draft first, so the re-render shows the text again
        close();
      }
    };
    editor.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
    cancel.addEventListener('click', () => { editor.remove(); close(); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      } else if (e.key === 'Escape') {
        editor.remove();
        close();
      }
    });

    const content = item.querySelector('.bubble');
    content.querySelector('.text').replaceWith(editor);
    content.querySelector(':scope > .actions')?.remove();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }
}

function continuesRun(previous, item) {
  return previous !== null
    && previous.dataset.userId === item.dataset.userId
    && Date.parse(item.dataset.postedAt) - Date.parse(previous.dataset.postedAt) < RUN_GAP_MS;
}

function header(message) {
  const author = element('span', 'author', [], message.name || message.userId);
  author.dataset.testid = 'message-author';
  const time = element('time', 'time', [], formatTime(message.postedAt));
  time.dateTime = message.postedAt;
  time.title = new Date(message.postedAt).toLocaleString();
  const parts = [author, time];
  if (!message.isDeleted && message.modifiedAt !== message.postedAt) {
    const edited = element('span', 'edited', [], 'edited');
    edited.title = `Edited ${new Date(message.modifiedAt).toLocaleString()}`;
    parts.push(edited);
  }
  return element('div', 'meta', parts);
}

function body(message) {
  const text = element('p', 'text', [], message.isDeleted ? DELETED_TEXT : message.message);
  text.dataset.testid = 'message-text';
  return text;
}

function bubble(parts) {
  return element('div', 'bubble', parts);
}

/** An initial on a colour picked from the user id, so people are easy to tell apart. */
function avatar(message) {
  const label = (message.name || message.userId || '?').trim();
  const badge = element('span', 'avatar', [], Array.from(label)[0]?.toUpperCase() ?? '?');
  badge.setAttribute('aria-hidden', 'true');
  badge.style.backgroundColor = `hsl(${hue(message.userId)} 55% 45%)`;
  return badge;
}

function hue(text) {
  let h = 0;
  for (const c of String(text)) {
    h = (h * 31 + c.codePointAt(0)) % 360;
  }
  return h;
}

function button(label, testid, ariaLabel) {
  const b = element('button', 'button small', [], label);
  b.type = 'button';
  b.dataset.testid = testid;
  b.setAttribute('aria-label', ariaLabel);
  return b;
}

function element(tag, className, children, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  node.append(...children);
  return node;
}

export function formatTime(iso) {
  const date = new Date(iso);
  const today = date.toDateString() === new Date().toDateString();
  return today
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
