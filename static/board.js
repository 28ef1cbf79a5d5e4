// The trainer's live board: fetches the page again every few seconds and swaps in the new
// board, so answers appear as they arrive. Without JavaScript the page refreshes itself
// (a <noscript> meta refresh). Pauses while the tab is hidden, while focus is inside the board
// (so a keyboard user never loses their place) and when the trainer presses Pause.
(function () {
  "use strict";
  var board = document.getElementById("board");
  var status = document.getElementById("board-status");
  if (!board || !status || !board.getAttribute("data-live") || !window.fetch || !window.DOMParser) {
    return;
  }
  var paused = false;
  var pause = document.createElement("button");
  pause.type = "button";
  pause.className = "button secondary small";
  pause.textContent = "Pause live updates";
  pause.setAttribute("aria-pressed", "false");
  pause.addEventListener("click", function () {
    paused = !paused;
    pause.setAttribute("aria-pressed", paused ? "true" : "false");
    pause.textContent = paused ? "Resume live updates" : "Pause live updates";
    say(paused ? "Live updates paused." : "Updates every few seconds.");
  });
  status.parentNode.insertBefore(pause, status);
  // The time of the last update, outside the status region: announcing it every few seconds
  // would drown a screen reader.
  var time = document.createElement("span");
  time.className = "hint";
  status.parentNode.insertBefore(time, status.nextSibling);

  // Changes the status only when it says something new, so it is announced once.
  function say(text) {
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  function refresh() {
    if (paused || document.hidden || board.contains(document.activeElement)) {
      return;
    }
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").getElementById("board");
        if (next) {
          board.replaceChildren.apply(board, Array.prototype.slice.call(next.childNodes));
          time.textContent = "Updated at " + new Date().toLocaleTimeString();
          say("Updates every few seconds.");
        }
      })
      .catch(function () {
        say("Could not update the board. Is Sandpit still running?");
      });
  }
  window.setInterval(refresh, 4000);
})();
