// Live checking on the post composer: as the trainee types, send the form to /compose/result and
// swap the server's rendering of the result into the page. An enhancement only: without it the
// form posts and the page shows the same result, from the same template
// (templates/compose_result_body.html); nothing here words or draws a result itself.
(function () {
  "use strict";
  var form = document.getElementById("compose-form");
  var box = document.getElementById("text");
  var result = document.getElementById("result");
  var summary = document.getElementById("text-summary");
  var live = document.getElementById("compose-live");
  if (!form || !box || !result || !summary || !live || !window.fetch || !window.DOMParser ||
      !window.URLSearchParams || !window.FormData) return;
  var timer = null;
  var liveTimer = null;
  var latest = 0;

  // A draft the server checked answers the page's "Enter your draft post" or "Choose at least
  // one platform": take those messages away rather than leave them beside a good draft.
  function clearErrors() {
    var summaryBox = document.querySelector(".error-summary");
    if (summaryBox) summaryBox.parentNode.removeChild(summaryBox);
    var fields = form.querySelectorAll(".field-error");
    for (var i = 0; i < fields.length; i++) fields[i].classList.remove("field-error");
    var messages = form.querySelectorAll(".error-message");
    for (var j = 0; j < messages.length; j++) messages[j].parentNode.removeChild(messages[j]);
    box.setAttribute("aria-describedby", "text-hint text-summary");
    var fieldset = form.querySelector("fieldset");
    if (fieldset) fieldset.setAttribute("aria-describedby", "platforms-hint");
    document.title = document.title.replace(/^Error: /, "");
  }

  // Screen readers hear the summary once typing pauses, not on every key (as GOV.UK's
  // character count does).
  function say(text) {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () { if (live.textContent !== text) live.textContent = text; }, 1000);
  }

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fragment = doc.getElementById("result-fragment");
    if (!fragment) return;
    var checked = fragment.children.length > 0;
    if (checked) clearErrors();
    while (result.firstChild) result.removeChild(result.firstChild);
    while (fragment.firstChild) result.appendChild(document.adoptNode(fragment.firstChild));
    summary.textContent = fragment.getAttribute("data-summary") || "";
    say(fragment.getAttribute("data-said") || "");
  }

  function check() {
    var ticket = ++latest;
    fetch("/compose/result", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(new FormData(form)).toString()
    })
      .then(function (r) { return r.text(); })
      .then(function (html) { if (ticket === latest) swap(html); })
      .catch(function () { /* offline or stopped: the Check button still works */ });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  }
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  if (box.value.trim()) check();
})();

// The same live check on a rewrite exercise's page, beside each platform's box: each box is sent
// alone (its text, its platform and the exercise's rule packs) to /compose/result, and the
// server's rendering is swapped in under it. The fragment's ids are made unique to the box, as
// a page with several results needs; nothing here words a result either.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  var live = document.getElementById("posts-live");
  if (!form || !live || !form.hasAttribute("data-live-check") || !window.fetch ||
      !window.DOMParser || !window.URLSearchParams) return;
  var rules = (form.getAttribute("data-live-check") || "").split(" ").filter(Boolean);
  var liveTimer = null;

  function say(text) {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () { if (live.textContent !== text) live.textContent = text; }, 1000);
  }

  function prefixIds(node, prefix) {
    var named = node.querySelectorAll("[id]");
    for (var i = 0; i < named.length; i++) named[i].id = prefix + named[i].id;
    var links = node.querySelectorAll("a[href^='#']");
    for (var j = 0; j < links.length; j++) {
      links[j].setAttribute("href", "#" + prefix + links[j].getAttribute("href").slice(1));
    }
  }

  function watch(box) {
    var platform = box.getAttribute("data-platform");
    var result = document.getElementById(box.id + "-check");
    var summary = document.getElementById(box.id + "-summary");
    if (!platform || !result || !summary) return;
    var timer = null;
    var latest = 0;
    function check() {
      var ticket = ++latest;
      if (!box.value.trim()) {
        while (result.firstChild) result.removeChild(result.firstChild);
        summary.textContent = "";
        return;
      }
      var body = new URLSearchParams();
      body.append("text", box.value);
      body.append("platforms", platform);
      for (var i = 0; i < rules.length; i++) body.append("rules", rules[i]);
      fetch("/compose/result", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString()
      })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          if (ticket !== latest) return;
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fragment = doc.getElementById("result-fragment");
          if (!fragment) return;
          prefixIds(fragment, box.id + "-");
          while (result.firstChild) result.removeChild(result.firstChild);
          while (fragment.firstChild) result.appendChild(document.adoptNode(fragment.firstChild));
          summary.textContent = fragment.getAttribute("data-summary") || "";
          say(fragment.getAttribute("data-said") || "");
        })
        .catch(function () { /* offline or stopped: submitting still marks the posts */ });
    }
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 150);
    });
    if (box.value.trim()) check();
  }

  var boxes = form.querySelectorAll("textarea[data-platform]");
  for (var i = 0; i < boxes.length; i++) watch(boxes[i]);
})();
