// The review screen: clicking a statement shows its line in the text; clicking a highlighted
// line shows its statement. Works on cards swapped in by htmx (listeners sit on the document).
(function () {
  "use strict";
  function flash(el) {
    el.classList.add("flash");
    window.setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }
  function show(el) {
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    flash(el);
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!t.closest || !t.closest("[data-review]")) return;
    if (t.closest("input, select, button, textarea, label")) return;
    var card = t.closest("article.statement[data-line]");
    if (card) {
      var line = document.getElementById("line-" + card.getAttribute("data-line"));
      if (line) { ev.preventDefault(); show(line); }
      return;
    }
    var marked = t.closest("li.marked[data-statement]");
    if (marked) {
      var target = document.getElementById(marked.getAttribute("data-statement"));
      if (target) show(target);
    }
  });
})();
