// The minutes editor (templates/meetings/minutes_form.html). htmx does the saving; this file only keeps track of
// what is typed but not saved yet:
// - a card's text form (.autosave-form) is "dirty" from the first keystroke until a save that started after the
//   last keystroke succeeds (the server marks a successful save with the X-Minutes-Saved header);
// - a statement, decision or action form open in a card (.entry-form) is dirty once something is typed in it, until
//   it is saved or cancelled (htmx then removes it from the page);
// - leaving the page while anything is dirty asks first (beforeunload); if the person leaves anyway, the cards'
//   text is sent one last time (sendBeacon);
// - after an entry is saved, the next empty form takes the focus only if the person has not moved on meanwhile;
// - text typed while the page was still loading its scripts (before htmx listened) is saved as soon as they run;
// - "Publish the minutes" waits for the cards to be saved before it goes on.
(function () {
  "use strict";

  const edits = new WeakMap(); // form -> number of edits so far
  const sentAt = new WeakMap(); // form -> edit count when its last save was sent

  function stateLine(form) {
    return form.querySelector(".save-state");
  }

  function setState(form, text) {
    const line = stateLine(form);
    if (line) {
      line.textContent = text;
    }
  }

  function dirtyForms() {
    return Array.from(document.querySelectorAll("form[data-dirty]")).filter((form) => form.isConnected);
  }

  document.addEventListener("input", (event) => {
    const form = event.target.form;
    if (!form || !(form.classList.contains("autosave-form") || form.classList.contains("entry-form"))) {
      return;
    }
    form.dataset.dirty = "1";
    if (form.classList.contains("autosave-form")) {
      edits.set(form, (edits.get(form) || 0) + 1);
      if (!form.querySelector(".conflict")) {
        setState(form, form.dataset.unsaved || "");
      }
    }
  });

  document.addEventListener("htmx:beforeRequest", (event) => {
    const form = event.detail.elt;
    if (form.classList && form.classList.contains("autosave-form") && event.detail.requestConfig.verb === "post") {
      sentAt.set(form, edits.get(form) || 0);
      if (!form.querySelector(".conflict")) {
        setState(form, form.dataset.saving || "");
      }
    }
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt;
    if (!form.classList || !form.classList.contains("autosave-form")) {
      return;
    }
    const saved = event.detail.successful && event.detail.xhr.getResponseHeader("X-Minutes-Saved") === "1";
    if (saved && (edits.get(form) || 0) === sentAt.get(form)) {
      delete form.dataset.dirty;
    }
  });

  // htmx leaves the page as it is when the server cannot be reached: say so on the card.
  document.addEventListener("htmx:sendError", (event) => {
    const form = event.detail.elt.closest && event.detail.elt.closest("form");
    if (form && form.classList.contains("autosave-form")) {
      setState(form, form.dataset.offline || "");
    }
  });

  // The next empty entry form comes with `autofocus` (which also serves a page loaded without JavaScript). htmx would
  // focus it once the swap settles, whatever the person did meanwhile: someone who clicked into another card while
  // the save was on its way would see their typing land in the new form. So the swapped-in field is focused here,
  // and only when the focus went away with the form that was saved (it is then on the page's body).
  document.addEventListener("htmx:afterSwap", () => {
    document.querySelectorAll("[autofocus]").forEach((field) => {
      field.removeAttribute("autofocus");
      field.dataset.focusNext = "1";
    });
  });

  document.addEventListener("htmx:afterSettle", () => {
    document.querySelectorAll("[data-focus-next]").forEach((field) => {
      delete field.dataset.focusNext;
      const focusIsLost = !document.activeElement || document.activeElement === document.body;
      if (focusIsLost && field.isConnected) {
        field.focus();
      }
    });
  });

  function changedSinceLoad(form) {
    return Array.from(form.elements).some((element) => {
      if (element.type === "checkbox" || element.type === "radio") {
        return element.checked !== element.defaultChecked;
      }
      if (element.tagName === "SELECT") {
        return Array.from(element.options).some((option) => option.selected !== option.defaultSelected);
      }
      return "defaultValue" in element && element.type !== "hidden" && element.value !== element.defaultValue;
    });
  }

  // A fast typist (or a slow connection) can fill a card before htmx is listening: no input event reaches it then,
  // so the text would wait for the next keystroke. Once htmx has processed the page, save such cards.
  window.htmx.onLoad((root) => {
    if (root !== document.body) {
      return;
    }
    document.querySelectorAll("form.autosave-form").forEach((form) => {
      if (changedSinceLoad(form)) {
        form.dataset.dirty = "1";
        edits.set(form, (edits.get(form) || 0) + 1);
        window.htmx.trigger(form, "change");
      }
    });
  });

  window.addEventListener("beforeunload", (event) => {
    if (dirtyForms().length) {
      event.preventDefault();
      event.returnValue = ""; // older browsers show their own question only when this is set
    }
  });

  // Leaving anyway: send each card's text once more. A conflict is still refused by the server.
  window.addEventListener("pagehide", () => {
    for (const form of dirtyForms()) {
      if (form.classList.contains("autosave-form") && navigator.sendBeacon) {
        navigator.sendBeacon(form.action, new FormData(form));
      }
    }
  });

  // "Keep my version" after a conflict: the person has seen the other text and chooses to replace it, so the form
  // now starts from the version saved by the other person, and is saved at once.
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-keep-mine]");
    if (!button || !button.form) {
      return;
    }
    event.preventDefault();
    const version = Array.from(button.form.elements).find((element) => /(^|-)version$/.test(element.name));
    if (version) {
      version.value = button.value;
    }
    button.form.dataset.dirty = "1";
    window.htmx.trigger(button.form, "submit");
  });

  // "Publish the minutes" submits the summary card and then asks the question; wait for the other cards first.
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest("[data-save-first]");
    if (!button || button.dataset.flushed) {
      return;
    }
    const pending = dirtyForms().filter((form) => form.classList.contains("autosave-form") && form.id !== button.getAttribute("form"));
    if (!pending.length) {
      return;
    }
    event.preventDefault();
    pending.forEach((form) => window.htmx.trigger(form, "submit"));
    let waited = 0;
    const timer = window.setInterval(() => {
      waited += 200;
      const stillDirty = pending.filter((form) => form.dataset.dirty);
      if (!stillDirty.length) {
        window.clearInterval(timer);
        button.dataset.flushed = "1";
        button.click();
      } else if (waited >= 10000 || stillDirty.some((form) => form.querySelector(".conflict, [data-state=error]"))) {
        window.clearInterval(timer); // a conflict or an error is on the card: the person decides
        stillDirty[0].scrollIntoView({ block: "center" });
      }
    }, 200);
  });
})();
