// The player's drill page, live: follows the drill's server-sent events and adds what the clock
// releases (posts, the organisation's responses, briefs and enquiries) to the top of the lists,
// moves the clock and the deadlines, replaces the trends as they change, and announces alerts.
// Without JavaScript (or EventSource) the page works the same with its Refresh link. The markup
// comes from the server's own templates, escaped there; nothing here builds HTML from text.
(function () {
  "use strict";
  var root = document.getElementById("drill");
  if (!root || !window.EventSource) {
    return;
  }
  var url = root.getAttribute("data-events");
  var stream = document.getElementById("drill-stream");
  var inbox = document.getElementById("drill-inbox");
  var news = document.getElementById("drill-alert-news");
  var live = document.getElementById("drill-live");
  var trends = document.getElementById("drill-trends");
  function text(id, value) {
    var el = document.getElementById(id);
    if (el && value !== undefined && value !== null) {
      el.textContent = String(value);
    }
  }
  function hide(id) {
    var el = document.getElementById(id);
    if (el) {
      el.hidden = true;
    }
  }
  var source = new EventSource(url);
  source.addEventListener("open", function () {
    if (live) {
      live.textContent = "Live: new posts appear at the top as the drill's clock reaches them.";
    }
  });
  source.addEventListener("batch", function (e) {
    var d;
    try {
      d = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    if (d.clock) {
      text("drill-at", d.clock.at);
      text("drill-state", d.clock.state);
      text("drill-speed", d.clock.speed);
      text("drill-released", d.clock.released);
      text("drill-simulated", d.clock.simulated);
    }
    if (d.stream && stream) {
      stream.insertAdjacentHTML("afterbegin", d.stream);
      hide("drill-empty");
      // Keep the page light: the newest 300 items.
      while (stream.children.length > 300) {
        stream.removeChild(stream.lastElementChild);
      }
    }
    if (d.inbox && inbox) {
      inbox.insertAdjacentHTML("afterbegin", d.inbox);
      hide("drill-inbox-empty");
    }
    if (d.deadlines) {
      Object.keys(d.deadlines).forEach(function (id) {
        var el = document.querySelector('[data-deadline="' + id.replace(/["\\]/g, "") + '"]');
        if (el) {
          el.textContent = d.deadlines[id];
        }
      });
    }
    if (d.trends && trends) {
      // The whole section, as the page renders it: the chart, its table and the rising terms.
      trends.innerHTML = d.trends;
    }
    if (d.alerts && d.alerts.length && news) {
      news.textContent = d.alerts.map(function (a) {
        return "Alert at " + a.at + ": " + a.search + " (" + a.count + " posts in the window).";
      }).join(" ");
    }
  });
  source.addEventListener("error", function () {
    if (live) {
      live.textContent = "Connection lost; trying again. Refresh to see the latest.";
    }
  });
})();
