// A trainee's news from the trainer, at once: every few seconds the class page and the
// exercise pages ask /class/news what is locked and shared, and say what changed since the page
// was loaded (an exercise locked, reopened, added or taken out, an answer or the model answer
// shared) in the page's status region, with a link to see it. Nothing on the page is replaced,
// so a draft in the answer box is never touched. Without JavaScript the pages say the same at
// their next load (the notices rendered by the server). Pauses while the tab is hidden.
(function () {
  "use strict";
  var region = document.getElementById("class-news");
  if (!region || !window.fetch) {
    return;
  }
  var version = region.getAttribute("data-version");
  var here = region.getAttribute("data-exercise");
  var known = null; // the news as last fetched, by exercise id
  var EVERY_MS = 5000;

  function byId(items) {
    var out = {};
    items.forEach(function (item) {
      out[item.id] = item;
    });
    return out;
  }

  function quoted(item) {
    return "\u201c" + item.title + "\u201d";
  }

  // What changed between two states of the class, in the trainee's words.
  function changes(before, after) {
    var lines = [];
    Object.keys(after).forEach(function (id) {
      var now = after[id];
      var was = before[id];
      var mine = id === here;
      if (!was) {
        lines.push({ text: "Your trainer has added " + quoted(now) + " to the class.", href: "/class#ex-" + id });
        return;
      }
      if (now.locked && !was.locked) {
        lines.push({
          text: mine
            ? "Your trainer has locked this exercise: it takes no new attempts for now. Your answer stays in the box."
            : "Your trainer has locked " + quoted(now) + " for now.",
          href: mine ? null : "/class#ex-" + id,
        });
      } else if (!now.locked && was.locked) {
        lines.push({
          text: (mine ? "This exercise" : quoted(now)) + " is open again.",
          href: mine ? window.location.pathname : "/exercises/" + encodeURIComponent(id),
          link: mine ? "Reload the page to submit" : "Open it",
        });
      }
      if (now.shared > was.shared) {
        lines.push({ text: "Your trainer has shared an answer to " + quoted(now) + " for the debrief.", href: "/class#ex-" + id });
      }
      if (now.model_shared && !was.model_shared) {
        lines.push({ text: "Your trainer has shared the model answer to " + quoted(now) + ".", href: "/class#ex-" + id });
      }
    });
    Object.keys(before).forEach(function (id) {
      if (!after[id]) {
        lines.push({
          text: id === here
            ? "Your trainer has taken this exercise out of the class: it takes no new attempts. Your answer stays in the box."
            : "Your trainer has taken " + quoted(before[id]) + " out of the class.",
          href: null,
        });
      }
    });
    return lines;
  }

  function show(lines) {
    if (!lines.length) {
      return;
    }
    var list = region.querySelector("ul");
    if (!list) {
      region.className = "live-news panel notice";
      var title = document.createElement("p");
      title.className = "live-news-title";
      title.textContent = "News from your trainer";
      list = document.createElement("ul");
      region.appendChild(title);
      region.appendChild(list);
    }
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.appendChild(document.createTextNode(line.text + " "));
      if (line.href) {
        var a = document.createElement("a");
        a.href = line.href;
        a.textContent = line.link || "See it on your class page";
        li.appendChild(a);
      }
      list.appendChild(li);
    });
  }

  function check() {
    if (document.hidden) {
      return;
    }
    fetch("/class/news", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) {
        var type = response.headers.get("content-type") || "";
        if (!response.ok || type.indexOf("application/json") !== 0) {
          throw new Error("no news");
        }
        return response.json();
      })
      .then(function (news) {
        var now = byId(news.items);
        if (known === null) {
          known = now;
          if (news.version !== version) {
            // Something changed between the page being made and this first look: the change
            // itself is unknown, so say so plainly.
            show([{ text: "Your trainer has changed something since this page opened.", href: window.location.pathname + window.location.search, link: "Reload the page" }]);
          }
        } else {
          show(changes(known, now));
          known = now;
        }
        version = news.version;
      })
      .catch(function () {
        // Signed out, or Sandpit stopped: the next page load says so; nothing to add here.
      });
  }

  check();
  window.setInterval(check, EVERY_MS);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      check();
    }
  });
})();
