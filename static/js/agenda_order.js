// The agenda builder: drag an item by its handle (SortableJS) and the whole new order is saved in one request, the
// form #agenda-order, which holds each item's id in the list's order. Without JavaScript the handles stay hidden and
// the Up/Down buttons (plain forms, also the keyboard way) move one item at a time.
(function () {
  const list = document.getElementById("agenda-items");
  const form = document.getElementById("agenda-order");
  if (!list || !form || typeof Sortable === "undefined") {
    return;
  }
  list.querySelectorAll(".agenda-drag-handle").forEach(function (handle) {
    handle.classList.remove("d-none");
  });
  document.querySelectorAll(".agenda-drag-hint").forEach(function (hint) {
    hint.classList.remove("d-none");
  });
  Sortable.create(list, {
    handle: ".agenda-drag-handle",
    draggable: ".agenda-item",
    animation: 150,
    // Mouse and touch events rather than the browser's own drag and drop: the same on every device.
    forceFallback: true,
    onEnd: function (event) {
      if (event.oldIndex === event.newIndex) {
        return;
      }
      form.querySelector('input[name="moved"]').value = event.item.dataset.itemId;
      list.setAttribute("aria-busy", "true");
      form.submit();
    },
  });
})();
