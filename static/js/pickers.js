// Search-as-you-type for the selects that coordination.widgets.SearchSelect renders (<select data-picker-url>):
// the page holds only the chosen option(s); Tom Select asks the portal's JSON endpoint for a screenful of matches.
// Without JavaScript the select keeps its chosen option(s) and the form still works.
(function () {
  if (window.portalPickers) {
    return;
  }
  window.portalPickers = true;

  function escapeHtml(text) {
    const div = document.createElement("div");
    div.textContent = text || "";
    return div.innerHTML;
  }

  function setUp(select) {
    if (select.tomselect || typeof TomSelect === "undefined") {
      return;
    }
    const url = select.dataset.pickerUrl;
    // Tom Select moves the label to its own input, which is the control people use; the original select stays only
    // to be submitted, so it is hidden from screen readers (otherwise they meet a nameless second select).
    select.setAttribute("aria-hidden", "true");
    const noResults = escapeHtml(select.dataset.pickerNoResults);
    // The empty choice ("Any", "---------") becomes the placeholder, and a clear button brings it back.
    const empty = select.querySelector('option[value=""]');
    const plugins = select.multiple ? ["remove_button"] : empty ? ["clear_button"] : [];
    // Counts the choices made, so that an answer asked for before the latest choice is known to be late.
    let choices = 0;
    new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      placeholder: empty && empty.textContent.trim() && !/^-+$/.test(empty.textContent.trim())
        ? empty.textContent.trim() : select.dataset.pickerPlaceholder,
      preload: "focus",
      loadThrottle: 250,
      maxOptions: null,
      plugins: plugins,
      // The server already matched: show what it sent, in its order.
      score: function () {
        return function () {
          return 1;
        };
      },
      onItemAdd: function () {
        choices += 1;
      },
      load: function (query, callback) {
        const picker = this;
        const choicesWhenAsked = choices;
        const address = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
        fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            if (choices !== choicesWhenAsked) {
              // A choice was made while this answer was on its way (a busy server answers the first screenful
              // after the search typed next). Tom Select's callback would open the list again over the rest of the
              // form, so the answer is dropped and only its count of answers awaited is kept.
              picker.loading = Math.max(picker.loading - 1, 0);
              if (!picker.loading) {
                picker.wrapper.classList.remove(picker.settings.loadingClass);
              }
              return;
            }
            picker.clearOptions(); // only this answer's matches are offered (the chosen ones stay)
            callback(data.results.map(function (row) {
              return { value: String(row.id), text: row.text };
            }));
          })
          .catch(function () {
            callback();
          });
      },
      render: {
        no_results: function () {
          return '<div class="no-results">' + noResults + "</div>";
        },
      },
    });
  }

  function setUpAll() {
    document.querySelectorAll("select[data-picker-url]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
  // Forms put in place by htmx (the minutes editor's statements and actions) get their pickers too.
  document.addEventListener("htmx:load", function (event) {
    const element = event.detail.elt;
    if (element.matches && element.matches("select[data-picker-url]")) {
      setUp(element);
    }
    if (element.querySelectorAll) {
      element.querySelectorAll("select[data-picker-url]").forEach(setUp);
    }
  });
})();
