// The search page's query box, enhanced: the query coloured as it is typed (operators, fields,
// phrases, wildcards, tags; lower-case operators underlined), on a layer under a transparent
// textarea, and Enter runs the search (Shift+Enter for a new line). Without this script the
// plain box works as before. The layer is built from text nodes only, never from markup.
(function () {
  "use strict";
  var box = document.getElementById("q");
  if (!box || !box.form) return;
  var OPS = /^(AND|OR|NOT|NEAR\/\d+f?)$/;
  var LOWER_OPS = /^(and|or|not|near\/\d+f?)$/i;
  var QUOTES = "\"\u201c\u201d";

  function tokens(text) {
    var out = [];
    var i = 0;
    function push(t, cls) { if (t) out.push([t, cls]); }
    while (i < text.length) {
      var c = text.charAt(i);
      if (QUOTES.indexOf(c) >= 0) {
        var j = i + 1;
        while (j < text.length && QUOTES.indexOf(text.charAt(j)) < 0) j++;
        push(text.slice(i, Math.min(j + 1, text.length)), "tk-phrase");
        i = j + 1;
      } else if (c === "(" || c === ")") {
        push(c, "tk-bracket");
        i++;
      } else if (/\s/.test(c)) {
        var k = i;
        while (k < text.length && /\s/.test(text.charAt(k))) k++;
        push(text.slice(i, k), "");
        i = k;
      } else {
        var e = i;
        while (e < text.length && !/\s/.test(text.charAt(e)) && "()".indexOf(text.charAt(e)) < 0 && QUOTES.indexOf(text.charAt(e)) < 0) e++;
        word(text.slice(i, e), push);
        i = e;
      }
    }
    return out;
  }

  function word(w, push) {
    if (OPS.test(w)) return push(w, "tk-op");
    if (LOWER_OPS.test(w)) return push(w, "tk-lower-op");
    if (w.charAt(0) === "-" && w.length > 1) { push("-", "tk-op"); w = w.slice(1); }
    var field = /^([A-Za-z]+:)(.*)$/.exec(w);
    if (field) { push(field[1], "tk-field"); w = field[2]; }
    if (/^[#@]/.test(w)) return push(w, "tk-tag");
    if (/[*?]/.test(w)) return push(w, "tk-wild");
    push(w, "");
  }

  var wrap = document.createElement("div");
  wrap.className = "query-box coloured";
  var layer = document.createElement("div");
  layer.className = "query-layer";
  layer.setAttribute("aria-hidden", "true");
  box.parentNode.insertBefore(wrap, box);
  wrap.appendChild(layer);
  wrap.appendChild(box);

  function paint() {
    while (layer.firstChild) layer.removeChild(layer.firstChild);
    tokens(box.value).forEach(function (t) {
      if (t[1]) {
        var span = document.createElement("span");
        span.className = t[1];
        span.textContent = t[0];
        layer.appendChild(span);
      } else {
        layer.appendChild(document.createTextNode(t[0]));
      }
    });
    // A final newline needs a character after it to take its line.
    layer.appendChild(document.createTextNode("\u200b"));
    layer.scrollTop = box.scrollTop;
  }
  box.addEventListener("input", paint);
  box.addEventListener("scroll", function () { layer.scrollTop = box.scrollTop; });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      if (box.form.requestSubmit) box.form.requestSubmit(); else box.form.submit();
    }
  });
  paint();
})();
