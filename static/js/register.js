// The participation register (templates/meetings/participation_register.html). Without JavaScript the page is one
// form, and any of its buttons saves every row changed (each against the version it was shown at). With it:
// - a row's status or role is saved as soon as it is changed: its inputs (the version and the values it was shown
//   with among them) go to the row's data-save-url; the answer (meetings/partials/register_row_state.html) says
//   "Saved" and gives the version and values now saved, or shows a conflict with both values, or an error;
// - "Keep mine" saves the row again over the version now saved; "Take theirs" puts the saved values in the row;
// - leaving the page while a change can still be unsaved asks first (beforeunload), except by submitting the
//   register's own form (the walk-in's button included), which carries every row.
(function () {
  "use strict";

  const form = document.getElementById("register-form");
  if (!form || !window.fetch) {
    return;
  }
  const FIELDS = ["status", "role"];
  const inFlight = new WeakSet();
  let submitting = false;

  function rowOf(element) {
    return element && element.closest ? element.closest("tr[data-save-url]") : null;
  }

  function control(row, name) {
    return form.elements.namedItem(`${row.dataset.prefix}-${name}`);
  }

  function shown(row, name) {
    return form.elements.namedItem(`initial-${row.dataset.prefix}-${name}`);
  }

  function changedSinceShown(row) {
    return FIELDS.some((name) => control(row, name).value !== shown(row, name).value);
  }

  function showState(row, node) {
    const slot = row.querySelector(".row-state-slot");
    slot.replaceChildren(...(node ? [node] : []));
  }

  function note(text, state) {
    const span = document.createElement("span");
    span.className = "row-state small text-muted";
    span.dataset.state = state;
    span.textContent = text;
    return span;
  }

  // The version and values now saved become the row's starting point for its next save.
  function startFrom(row, state) {
    control(row, "version").value = state.dataset.version;
    for (const name of FIELDS) {
      shown(row, name).value = state.dataset[name];
    }
  }

  function rowData(row) {
    const body = new FormData();
    body.append("csrfmiddlewaretoken", form.elements.namedItem("csrfmiddlewaretoken").value);
    body.append("prefix", row.dataset.prefix);
    for (const element of row.querySelectorAll("input, select")) {
      if (!element.name || element.name.endsWith("-DELETE")) {
        continue; // removing a row waits for the register's Save button
      }
      if ((element.type === "radio" || element.type === "checkbox") && !element.checked) {
        continue;
      }
      body.append(element.name, element.value);
    }
    const confirmed = form.elements.namedItem("confirm_before_start");
    if (confirmed && confirmed.checked) {
      body.append("confirm_before_start", "on");
    }
    return body;
  }

  async function save(row) {
    if (inFlight.has(row)) {
      row.dataset.again = "1"; // changed again while its save is on its way: saved once that one is answered
      return;
    }
    inFlight.add(row);
    delete row.dataset.again;
    row.dataset.dirty = "1";
    showState(row, note(form.dataset.saving, "saving"));
    let state = null;
    try {
      const response = await fetch(row.dataset.saveUrl, { method: "POST", body: rowData(row), credentials: "same-origin" });
      if (response.ok) {
        const template = document.createElement("template");
        template.innerHTML = (await response.text()).trim();
        state = template.content.querySelector(".row-state");
      }
    } catch (error) {
      state = null;
    }
    inFlight.delete(row);
    if (!state) {
      showState(row, note(form.dataset.offline, "error"));
      return;
    }
    if (state.dataset.state === "saved") {
      startFrom(row, state);
      if (changedSinceShown(row)) {
        save(row);
        return;
      }
      delete row.dataset.dirty;
    }
    showState(row, state);
    if (row.dataset.again && state.dataset.state !== "conflict") {
      save(row);
    }
  }

  form.addEventListener("change", (event) => {
    const row = rowOf(event.target);
    if (row && /-(status|role)$/.test(event.target.name)) {
      save(row);
    } else if (event.target.name === "confirm_before_start" && event.target.checked) {
      // Attendance before the start was refused without the confirmation: try those rows again.
      form.querySelectorAll("tr[data-dirty]").forEach((dirty) => {
        if (!dirty.querySelector(".conflict")) {
          save(dirty);
        }
      });
    }
  });

  form.addEventListener("click", (event) => {
    const keep = event.target.closest && event.target.closest("[data-keep-mine]");
    const take = event.target.closest && event.target.closest("[data-take-theirs]");
    const button = keep || take;
    const row = rowOf(button);
    if (!row) {
      return;
    }
    event.preventDefault();
    const state = button.closest(".row-state");
    startFrom(row, state);
    if (keep) {
      save(row); // the user has seen the other value: their choice is saved over the version now saved
      return;
    }
    for (const name of FIELDS) {
      const input = control(row, name);
      if (input instanceof RadioNodeList) {
        Array.from(input).forEach((radio) => {
          radio.checked = radio.value === state.dataset[name];
        });
      } else {
        input.value = state.dataset[name];
      }
    }
    delete row.dataset.dirty;
    showState(row, null);
  });

  // Anything in the register's form not saved yet: a row still saving, refused or in conflict, a removal ticked,
  // the headcount or a walk-in typed (the walk-in's inputs name this form from outside it).
  function unsaved() {
    if (form.querySelector("tr[data-dirty]")) {
      return true;
    }
    return Array.from(form.elements).some((element) => {
      if (element.type === "hidden" || element.type === "submit" || element.type === "button" || !element.name) {
        return false;
      }
      if (rowOf(element) && !element.name.endsWith("-DELETE")) {
        return false; // rows are followed by their data-dirty
      }
      if (element.type === "checkbox" || element.type === "radio") {
        return element.checked !== element.defaultChecked;
      }
      if (element.tagName === "SELECT") {
        return Array.from(element.options).some((option) => option.value && option.selected !== option.defaultSelected);
      }
      return element.value !== element.defaultValue;
    });
  }

  form.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("pageshow", () => {
    submitting = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (!submitting && unsaved()) {
      event.preventDefault();
      event.returnValue = ""; // older browsers ask only when this is set
    }
  });
})();
