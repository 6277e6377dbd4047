// The language a form's texts are written in (<select data-written-in>): the translation field in that same
// language (data-translation-language) is hidden, since the original is the text itself. Loaded with each folded
// set of translations, so also in forms htmx swaps in; the listener is added once.
(() => {
  const wrapperOf = (field) => field.closest("[id^='div_id_']") || field;

  const apply = (select) => {
    const form = select.form || document;
    form.querySelectorAll("[data-translation-language]").forEach((field) => {
      wrapperOf(field).hidden = field.dataset.translationLanguage === select.value;
    });
  };

  document.querySelectorAll("select[data-written-in]").forEach(apply);
  if (!window.writtenInListening) {
    window.writtenInListening = true;
    document.addEventListener("change", (event) => {
      if (event.target.matches && event.target.matches("select[data-written-in]")) {
        apply(event.target);
      }
    });
    document.addEventListener("htmx:afterSwap", () => document.querySelectorAll("select[data-written-in]").forEach(apply));
  }
})();
