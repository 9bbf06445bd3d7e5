// The review screen: a group opened or decided (htmx swaps it in place) is brought into view.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (ev) {
    var el = ev.detail && ev.detail.elt;
    if (el && el.classList && el.classList.contains("group")) {
      el.scrollIntoView({ block: "nearest" });
    }
  });
})();
