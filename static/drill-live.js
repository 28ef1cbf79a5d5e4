// The drill page refreshes itself: every few seconds it fetches the page again and puts the
// new live part (#drill-live: the clock, what is coming, who answered, the searches) in place
// of the old. Forms sit outside that part, so nothing being typed is lost, except the small
// "Change the mark" forms folded inside each answer: the part is not replaced while one of them
// holds something typed, and those open stay open. Without script the page's Refresh link does
// the same.
(function () {
  'use strict';
  var live = document.getElementById('drill-live');
  if (!live || !window.fetch || !window.DOMParser) return;
  var every = (Number(live.getAttribute('data-refresh')) || 5) * 1000;
  // Whether a form folded inside the part holds something typed.
  function typing(part) {
    var fields = part.querySelectorAll('details[open] input[type=number], details[open] textarea');
    return Array.prototype.some.call(fields, function (f) { return f.value !== ''; });
  }
  function tick() {
    if (document.hidden) { setTimeout(tick, every); return; }
    fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('drill-live');
        var current = document.getElementById('drill-live');
        if (fresh && current && !current.contains(document.activeElement) && !typing(current)) {
          var open = Array.prototype.map.call(current.querySelectorAll('details[open][id]'),
            function (d) { return d.id; });
          current.innerHTML = fresh.innerHTML;
          open.forEach(function (id) {
            var d = document.getElementById(id);
            if (d) d.open = true;
          });
        }
      })
      .catch(function () {})
      .then(function () { setTimeout(tick, every); });
  }
  setTimeout(tick, every);
})();
