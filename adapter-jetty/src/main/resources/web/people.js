// Who is in the shown room (the member list and its count) and who is typing there.

export class People {
  /**
   * @param {HTMLUListElement} list  the member list
   * @param {HTMLElement} count  where the number of people present goes
   * @param {HTMLElement} typingLine  "Bob is typing…"
   */
  constructor(list, count, typingLine) {
    this.list = list;
    this.count = count;
    this.typingLine = typingLine;
  }

  renderMembers(room, ownUserId) {
    const members = room ? Array.from(room.members, ([userId, name]) => ({ userId, name })) : [];
    members.sort((a, b) => (a.name || a.userId).localeCompare(b.name || b.userId));
    this.list.replaceChildren(...members.map((m) => member(m, m.userId === ownUserId)));
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
  item.textContent = name || userId;
  item.title = userId;
  return item;
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
