// Short-lived notices in a corner: why a request was refused, or that the connection is gone.

const NOTICE_MS = 6000;

/** Shows a notice for a few seconds; status is the reply's statusCode, when there is one. */
export function notify(container, text, status) {
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
  container.append(notice);
  setTimeout(() => notice.remove(), NOTICE_MS);
}
