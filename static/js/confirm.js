// Ask before submitting forms marked with class "confirm-submit" (e.g. removing an agenda item).
// Without JavaScript the forms submit directly.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.classList && form.classList.contains("confirm-submit") && !window.confirm(form.dataset.confirm || "Are you sure?")) {
    event.preventDefault();
  }
});
