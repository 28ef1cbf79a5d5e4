// The drill page refreshes itself: every few seconds it fetches the page again and puts the
// new live part (#drill-live: the clock, what is coming, who answered, the searches) in place
// of the old. Forms sit outside that part, so nothing being typed is lost. Without script the
// page's Refresh link does the same.
(function () {
  'use strict';
  var live = document.getElementById('drill-live');
  if (!live || !window.fetch || !window.DOMParser) return;
  var every = (Number(live.getAttribute('data-refresh')) || 5) * 1000;
  function tick() {
    if (document.hidden) { setTimeout(tick, every); return; }
    fetch(window.location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('drill-live');
        var current = document.getElementById('drill-live');
        if (fresh && current && !current.contains(document.activeElement)) {
          current.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () {})
      .then(function () { setTimeout(tick, every); });
  }
  setTimeout(tick, every);
})();
