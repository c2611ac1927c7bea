// The message box: a character counter by the server's limit, Enter to send (Shift+Enter for a new line), a key per
// post so that a resend is stored once, and a signal to the others while the user types.

export class Composer {
  /**
   * @param {object} elements  {form, input, counter, sendButton}
   * @param {object} hooks
   * @param {number} [hooks.maxChars]  the server's limit, when known
   * @param {() => string|null} hooks.room  the room a message goes to
   * @param {(room: string, text: string, key: string) => Promise<boolean>} hooks.post  true once the server took it
   * @param {() => void} hooks.typing  the user typed something (not blank)
   */
  constructor(elements, hooks) {
    this.elements = elements;
    this.hooks = hooks;
    this.online = false;
    this.draft = null;   // {text, room, key}: the message until the server has taken it
  }

  bind() {
    const { form, input } = this.elements;
    if (this.hooks.maxChars) {
      input.maxLength = this.hooks.maxChars;
    }
    form.addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();   // Enter sends; Shift+Enter keeps its newline
        this.send();
      }
    });
    input.addEventListener('input', () => {
      this.update();
      this.fit();
      if (input.value.trim() !== '') {
        this.hooks.typing();
      }
    });
    this.update();
  }

  setOnline(online) {
    this.online = online;
    this.update();
  }

  focus() {
    this.elements.input.focus();
  }

  async send() {
    const { input, sendButton } = this.elements;
    const text = input.value;
    const room = this.hooks.room();
    if (text.trim() === '' || !this.online || !room) {
      return;
    }
    sendButton.disabled = true;
    // The same text sent again (say after a dropped connection) keeps its key, so the server stores it once.
    if (!this.draft || this.draft.text !== text || this.draft.room !== room) {
      this.draft = { text, room, key: newClientMessageId() };
    }
    if (await this.hooks.post(room, text, this.draft.key)) {
      this.draft = null;
      input.value = '';
      this.fit();
    }
    this.update();
    input.focus();
  }

  update() {
    const { input, counter, sendButton } = this.elements;
    const max = this.hooks.maxChars;
    const length = input.value.length;
    counter.textContent = max ? `${length} / ${max}` : `${length}`;
    counter.dataset.level = length >= max ? 'full' : length > max * 0.9 ? 'near' : 'ok';
    sendButton.disabled = !this.online || input.value.trim() === '';
  }

  /** The box grows with its text, up to the limit the stylesheet sets. */
  fit() {
    const { input } = this.elements;
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + 2}px`;
  }
}

function newClientMessageId() {
  // randomUUID needs a secure context (https or loopback); elsewhere a random string does as well.
  return crypto.randomUUID ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
