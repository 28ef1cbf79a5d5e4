// Live query preview on the search page: as the trainee types, say how many documents the query
// matches or what is wrong with it. An enhancement only: the page works without it.
(function () {
  "use strict";
  var box = document.getElementById("q");
  var corpus = document.getElementById("corpus");
  var out = document.getElementById("q-preview");
  if (!box || !corpus || !out) return;
  var timer = null;
  var latest = 0;
  function preview() {
    var q = box.value;
    if (!q.trim()) { out.textContent = ""; return; }
    var ticket = ++latest;
    var url = "/api/search?limit=1&corpus=" + encodeURIComponent(corpus.value) + "&q=" + encodeURIComponent(q);
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (ticket !== latest) return;
        if (body.error) {
          var e = body.error;
          out.textContent = (e.column ? "Column " + e.column + ": " : "") + e.message + (e.hint ? " Hint: " + e.hint : "");
          out.className = "preview preview-error";
        } else {
          out.textContent = body.total + (body.total === 1 ? " document matches" : " documents match") + " so far.";
          out.className = "preview";
        }
      })
      .catch(function () { /* offline or stopped: the form still works */ });
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(preview, 300);
  });
  corpus.addEventListener("change", preview);
})();
