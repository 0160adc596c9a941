// jsdom has <dialog> but neither showModal() nor close(): a minimal stand-in with the parts the
// components rely on (the `open` state, the `close` event). Escape is simulated by dispatching the
// `cancel` event, which is what the browser does on Escape.

if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
