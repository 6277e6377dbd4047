// Live mode's timers (templates/meetings/live.html): each [data-since] element shows the time since then, every
// second, against its planned seconds (data-planned-seconds: over them, it is marked overrun). The server's clock
// (data-now on #live-state) corrects the browser's, so every screen shows the same time. The presentation is
// replaced by htmx every few seconds: the timers are found again each second.
(function () {
  "use strict";

  let offset = 0; // server clock minus browser clock, in ms
  let offsetFrom = null;

  function format(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const hours = Math.floor(s / 3600);
    const minutes = Math.floor((s % 3600) / 60);
    const rest = String(s % 60).padStart(2, "0");
    return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
  }

  function tick() {
    const state = document.getElementById("live-state");
    if (state && state.dataset.now && state.dataset.now !== offsetFrom) {
      offsetFrom = state.dataset.now;
      offset = Date.parse(state.dataset.now) - Date.now();
    }
    const now = Date.now() + offset;
    for (const timer of document.querySelectorAll("[data-since]")) {
      const elapsed = (now - Date.parse(timer.dataset.since)) / 1000;
      const planned = Number(timer.dataset.plannedSeconds || 0);
      timer.querySelector(".live-elapsed").textContent = format(elapsed);
      timer.classList.toggle("live-overrun", planned > 0 && elapsed > planned);
    }
  }

  tick();
  window.setInterval(tick, 1000);
  document.body.addEventListener("htmx:afterSwap", tick);
})();
