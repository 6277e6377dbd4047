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
    const noResults = escapeHtml(select.dataset.pickerNoResults);
    new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      allowEmptyOption: true,
      placeholder: select.dataset.pickerPlaceholder,
      preload: "focus",
      loadThrottle: 250,
      maxOptions: null,
      plugins: select.multiple ? ["remove_button"] : [],
      // The server already matched: show what it sent, in its order.
      score: function () {
        return function () {
          return 1;
        };
      },
      load: function (query, callback) {
        const address = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
        fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
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
})();
