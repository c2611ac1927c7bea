// Who is in the shown room (the member list and its count) and who is typing there.

const BAN_MINUTES = 10;

export class People {
  /**
   * @param {HTMLUListElement} list  the member list
   * @param {HTMLElement} count  where the number of people present goes
   * @param {HTMLElement} typingLine  "Bob is typing…"
   */
  constructor(list, count, typingLine, { onKick }) {
    this.list = list;
    this.count = count;
    this.typingLine = typingLine;
    this.onKick = onKick;
  }

  /** The room's members; a moderator of the room also gets Kick and "Ban 10 min" on everyone else. */
  renderMembers(room, ownUserId) {
    const members = room ? Array.from(room.members, ([userId, name]) => ({ userId, name })) : [];
    members.sort((a, b) => (a.name || a.userId).localeCompare(b.name || b.userId));
    this.list.replaceChildren(...members.map((m) => {
      const own = m.userId === ownUserId;
      const item = member(m, own);
      if (room.moderator && !own) {
        item.append(kickButton('Kick', 'kick-member', `Remove ${m.name || m.userId} from the room`,
          () => this.onKick(room.name, m.userId, 0)));
        item.append(kickButton('Ban 10 min', 'ban-member', `Remove ${m.name || m.userId} and refuse their `
          + 'joins for 10 minutes', () => this.onKick(room.name, m.userId, BAN_MINUTES)));
      }
      return item;
    }));
    const total = room ? room.memberCount : 0;
    this.count.textContent = String(total);
    this.count.dataset.count = String(total);
  }

  renderTyping(room) {
    const text = typingText(room ? room.typingNames() : []);
    this.typingLine.textContent = text;
    this.typingLine.hidden = text === '';
  }
}

function member({ userId, name }, own) {
  const item = document.createElement('li');
  item.className = `member${own ? ' own' : ''}`;
  item.dataset.testid = 'member';
  item.dataset.userId = userId;
  const label = document.createElement('span');
  label.className = 'member-name';
  label.textContent = name || userId;
  label.title = userId;
  item.append(label);
  return item;
}

function kickButton(text, testid, label, onClick) {
  const kick = document.createElement('button');
  kick.type = 'button';
  kick.className = 'button small subtle member-action';
  kick.dataset.testid = testid;
  kick.textContent = text;
  kick.setAttribute('aria-label', label);
  kick.addEventListener('click', onClick);
  return kick;
}

function typingText(names) {
  if (names.length === 0) {
    return '';
  }
  if (names.length === 1) {
    return `${names[0]} is typing…`;
  }
  if (names.length === 2) {
    return `${names[0]} and ${names[1]} are typing…`;
  }
  return 'Several people are typing…';
}
