// "Copy link" buttons: <button data-copy-target="ID" data-copied="…" data-copy-failed="…" data-copy-status="ID">.
// Without JavaScript the buttons stay hidden and the address stays visible and selectable in its field; with it,
// each button is shown, copies its field's value and announces the result in the status element (aria-live).
(() => {
  const announce = (button, text) => {
    const status = document.getElementById(button.dataset.copyStatus);
    if (status) {
      status.textContent = "";
      // A fresh text node after clearing makes screen readers announce a second copy too.
      window.setTimeout(() => { status.textContent = text; }, 50);
    }
  };

  const copyBySelection = (field) => {
    field.focus();
    field.select();
    return document.execCommand && document.execCommand("copy");
  };

  document.querySelectorAll("button[data-copy-target]").forEach((button) => {
    const field = document.getElementById(button.dataset.copyTarget);
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", () => {
      const copied = () => announce(button, button.dataset.copied);
      const failed = () => {
        if (copyBySelection(field)) {
          copied();
        } else {
          announce(button, button.dataset.copyFailed);
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(copied, failed);
      } else {
        failed();
      }
    });
  });
})();
