// The presenter's countdown: the page states the end time ("Time is up at 14:40"); this ticks
// the minutes and seconds left beside it. It counts from the seconds the server gave when the
// page was made, so the projector's clock need not agree with the server's.
(function () {
  "use strict";
  var box = document.getElementById("countdown");
  if (!box) {
    return;
  }
  var left = box.querySelector(".countdown-left");
  var end = Date.now() + Number(box.getAttribute("data-left") || 0) * 1000;
  function tick() {
    var s = Math.max(0, Math.round((end - Date.now()) / 1000));
    var text = s === 0 ? "Time is up." : Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0") + " left ·";
    if (left.textContent !== text) {
      left.textContent = text;
    }
    if (s === 0) {
      window.clearInterval(timer);
    }
  }
  var timer = window.setInterval(tick, 1000);
  tick();
})();
