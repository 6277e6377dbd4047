// The door's check-in (templates/meetings/check_in.html): typing filters the list as you type, folding case, accents
// and apostrophes the way meetings.services.check_in.folded does on the server (which answers the same search
// without JavaScript). A tap is an htmx POST that answers its own line only.
(function () {
  "use strict";

  const input = document.getElementById("door-search");
  const list = document.getElementById("door-list");
  const noMatch = document.getElementById("door-no-match");
  if (!input || !list) {
    return;
  }
  const IGNORED = /['`\u2018\u2019\u02bb\u02bc]/g;
  const walkInName = document.getElementById("id_walk_in-name");

  function folded(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").replace(IGNORED, "").toLowerCase();
  }

  function filter() {
    const words = folded(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const line of list.querySelectorAll("li[data-search]")) {
      const text = folded(line.dataset.search);
      const match = words.every((word) => text.includes(word));
      line.hidden = !match;
      shown += match ? 1 : 0;
    }
    if (noMatch) {
      noMatch.hidden = shown > 0;
    }
    // No one found: the name typed is the walk-in's, unless one is being typed there already.
    if (walkInName && shown === 0 && walkInName.dataset.typed !== "true") {
      walkInName.value = input.value.trim();
    }
  }

  if (walkInName) {
    walkInName.addEventListener("input", () => {
      walkInName.dataset.typed = "true";
    });
  }
  input.addEventListener("input", filter);
  // The search is answered here as it is typed: Enter does not reload the page.
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    filter();
  });
  document.body.addEventListener("htmx:afterSwap", filter);
  if (input.value) {
    filter(); // a search the browser kept over a reload
  }
})();
