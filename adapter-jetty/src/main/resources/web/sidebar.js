// The sidebar: one entry per joined room, the shown one marked, each with its unread badge and a Leave button.

const MAX_BADGE = 99;

export class Sidebar {
  /**
   * @param {HTMLUListElement} list
   * @param {object} actions  {onOpen(roomName), onLeave(roomName)}
   */
  constructor(list, actions) {
    this.list = list;
    this.actions = actions;
  }

  /** Redraws every entry: rooms is in the order they were joined. */
  render(rooms, shownRoom, ownUserId) {
    this.list.replaceChildren(...rooms.map((room) => this.entry(room, room.name === shownRoom, ownUserId)));
  }

  entry(room, shown, ownUserId) {
    const item = document.createElement('li');
    item.className = `room-entry${shown ? ' active' : ''}${room.unread > 0 ? ' has-unread' : ''}`;
    item.dataset.testid = 'room';
    item.dataset.room = room.name;

    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'room-open';
    open.dataset.testid = 'open-room';
    open.textContent = room.label(ownUserId);
    open.title = room.name;
    if (shown) {
      open.setAttribute('aria-current', 'true');
    }
    open.addEventListener('click', () => this.actions.onOpen(room.name));

    const badge = document.createElement('span');
    badge.className = 'unread';
    badge.dataset.testid = 'unread';
    badge.dataset.count = String(room.unread);
    badge.textContent = room.unread > MAX_BADGE ? `${MAX_BADGE}+` : String(room.unread);
    badge.hidden = room.unread === 0;
    badge.setAttribute('aria-label', `${room.unread} unread`);
    item.append(open, badge);

    if (room.name !== '_lobby') {
      const leave = document.createElement('button');
      leave.type = 'button';
      leave.className = 'room-leave';
      leave.dataset.testid = 'leave-room';
      leave.textContent = '×';
      leave.setAttribute('aria-label', `Leave ${room.label(ownUserId)}`);
      leave.addEventListener('click', () => this.actions.onLeave(room.name));
      item.append(leave);
    }
    return item;
  }
}
