// Live checking on the post composer: as the trainee types, ask /api/check and redraw the
// counts, the marked draft and the findings. An enhancement only: without it the form posts and
// the server draws the same result (src/web/compose.rs and templates/compose.html; keep the
// wording and markup in step with them).
(function () {
  "use strict";
  var form = document.getElementById("compose-form");
  var box = document.getElementById("text");
  var result = document.getElementById("result");
  var summary = document.getElementById("text-summary");
  var live = document.getElementById("compose-live");
  if (!form || !box || !result || !summary || !live || !window.fetch || !Array.from) return;
  var timer = null;
  var liveTimer = null;
  var latest = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function values(name) {
    var boxes = form.querySelectorAll("input[name=" + name + "]:checked");
    var out = [];
    for (var i = 0; i < boxes.length; i++) out.push(boxes[i].value);
    return out;
  }
  function part(k, word) { return k + " " + word + (k === 1 ? "" : "s"); }
  // As quote() in compose.rs: only when the message does not already say it, and short.
  function quote(message, text) {
    if (!text.trim() || message.indexOf(text) >= 0) return null;
    var cps = Array.from(text);
    return cps.length <= 60 ? text : cps.slice(0, 60).join("").replace(/\s+$/, "") + "\u2026";
  }
  function countMessage(c) {
    var n = Math.abs(c.remaining);
    var unit = n === 1 ? c.unit.replace(/s$/, "") : c.unit;
    return "You have " + n.toLocaleString("en-GB") + " " + unit + (c.remaining >= 0 ? " remaining" : " too many");
  }
  function findingsSummary(fs) {
    if (!fs.length) return "No style findings";
    var n = { error: 0, warning: 0, suggestion: 0 };
    fs.forEach(function (f) { n[f.severity] += 1; });
    return part(fs.length, "finding") + ": " + part(n.error, "error") + ", " +
      part(n.warning, "warning") + ", " + part(n.suggestion, "suggestion");
  }
  function readability(r) {
    var e = r.flesch_reading_ease;
    var band = e >= 80 ? "easy to read" : e >= 60 ? "plain English" : e >= 50 ? "fairly hard to read" :
      e >= 30 ? "hard to read" : "very hard to read";
    var age = Math.max(5, Math.round(r.flesch_kincaid_grade + 5));
    return "Reading ease " + Math.round(Math.min(100, Math.max(0, e))) + " out of 100: " + band +
      ". Grade level " + r.flesch_kincaid_grade.toFixed(1) + ": a reading age of about " + age +
      " (GOV.UK aims for 9). " + part(r.words, "word") + ", " + part(r.sentences, "sentence") + ".";
  }
  function number(parent, n) {
    var a = add(parent, el("a", "fnum"));
    a.href = "#finding-" + n;
    add(a, el("span", "visually-hidden", "finding "));
    add(a, document.createTextNode(String(n)));
  }

  // The draft cut at every finding's start and end, the overflow and the fold. Offsets are in
  // Unicode scalars, which is what Array.from splits a string into.
  function marked(text, body) {
    var cps = Array.from(text);
    var out = el("div", "draft-marked");
    var over = null, fold = null;
    body.results.forEach(function (r) {
      if (r.overflow && (over === null || r.overflow.char < over)) over = r.overflow.char;
      if (r.fold && (fold === null || r.fold.char < fold)) fold = r.fold.char;
    });
    var spans = [], cuts = [0, cps.length];
    body.findings.forEach(function (f, i) {
      if (!f.span) return;
      var s = { n: i + 1, a: Math.min(f.span.start.char, cps.length), b: Math.min(f.span.end.char, cps.length), sev: f.severity };
      spans.push(s);
      cuts.push(s.a, s.b);
    });
    if (over !== null) cuts.push(over);
    if (fold !== null) cuts.push(fold);
    cuts.sort(function (x, y) { return x - y; });
    var rank = { suggestion: 1, warning: 2, error: 3 };
    var byStart = spans.slice().sort(function (x, y) { return x.a - y.a || x.n - y.n; });
    var next = 0, active = [];
    function ending(p) { spans.forEach(function (s) { if (s.b === p) number(out, s.n); }); }
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      if (a === b) continue;
      ending(a);
      if (fold === a) add(out, el("span", "fold", "Facebook: See more"));
      while (next < byStart.length && byStart[next].a <= a) active.push(byStart[next++]);
      active = active.filter(function (s) { return s.b > a; });
      var sev = null;
      active.forEach(function (s) { if (!sev || rank[s.sev] > rank[sev]) sev = s.sev; });
      var piece = cps.slice(a, b).join("");
      var node = sev ? el("mark", "m-" + sev, piece) : document.createTextNode(piece);
      if (over !== null && a >= over) {
        var o = el("span", "overflow");
        if (a === over) add(o, el("span", "visually-hidden", "(too long from here) "));
        add(o, node);
        node = o;
      }
      add(out, node);
    }
    if (cps.length) ending(cps.length);
    return out;
  }

  // A draft the API accepted answers the server's "Enter your draft post" or "Choose at least
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

  function draw(text, body) {
    clearErrors();
    var frag = document.createDocumentFragment();
    add(frag, el("h2", null, "Length"));
    var counts = add(frag, el("ul", "counts"));
    body.results.forEach(function (c) {
      var li = add(counts, el("li", c.valid ? null : "count-over"));
      add(li, el("strong", null, c.name + ":"));
      add(li, document.createTextNode(" " + countMessage(c)));
      // The "too many" note repeats the line above it.
      var notes = c.notes.filter(function (n) { return n.indexOf("You have ") !== 0; });
      if (notes.length) {
        var ul = add(li, el("ul", "notes"));
        notes.forEach(function (n) { add(ul, el("li", null, n)); });
      }
    });
    add(frag, el("h2", null, "Your draft, marked"));
    add(frag, el("p", "hint", "Marked words have a finding: the number after them links to it. Red from the point where the post is too long for the strictest platform you chose."));
    add(frag, marked(text, body));
    var said = findingsSummary(body.findings);
    add(frag, el("h2", null, said));
    if (body.findings.length) {
      var ol = add(frag, el("ol", "findings"));
      body.findings.forEach(function (f, i) {
        var li = add(ol, el("li", "finding finding-" + f.severity));
        li.id = "finding-" + (i + 1);
        var p = add(li, el("p"));
        add(p, el("span", "sev severity-" + f.severity, f.severity.charAt(0).toUpperCase() + f.severity.slice(1)));
        var q = f.span ? quote(f.message, f.span.text) : null;
        add(p, document.createTextNode(" " + f.message + (q ? " (\u201C" + q + "\u201D)" : "")));
        if (f.fix) {
          var fix = add(li, el("p"));
          add(fix, el("strong", null, "Suggested fix:"));
          add(fix, document.createTextNode(" \u201C" + f.fix + "\u201D"));
        }
        if (f.why) {
          var why = add(li, el("p"));
          add(why, el("strong", null, "Why:"));
          add(why, document.createTextNode(" " + f.why));
        }
        if (f.link) {
          var a = add(add(li, el("p")), el("a", null, "Read the guidance"));
          a.href = f.link;
          add(a, el("span", "visually-hidden", " on this finding"));
        }
      });
    }
    if (body.readability) {
      add(frag, el("h2", null, "Readability"));
      add(frag, el("p", null, readability(body.readability)));
    }
    result.textContent = "";
    result.appendChild(frag);
    var first = body.results[0];
    summary.textContent = first ? first.name + ": " + countMessage(first) : "";
    say(summary.textContent + ". " + said + ".");
  }

  // Screen readers hear the summary once typing pauses, not on every key (as GOV.UK's
  // character count does).
  function say(text) {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () { if (live.textContent !== text) live.textContent = text; }, 1000);
  }

  function check() {
    var text = box.value;
    var platforms = values("platforms");
    var ticket = ++latest;
    if (!text.trim() || !platforms.length) {
      result.textContent = "";
      summary.textContent = platforms.length ? "" : "Choose at least one platform";
      say(summary.textContent);
      return;
    }
    fetch("/api/check", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ text: text, platforms: platforms, rules: values("rules") })
    })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (ticket !== latest) return;
        if (body.error) {
          summary.textContent = body.error.message;
          say(body.error.message);
        } else {
          draw(text, body);
        }
      })
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
