// The data-entry sheet: Enter and the arrow keys move between cells like a spreadsheet.
// Enter / ArrowDown: same column, next row; ArrowUp: previous row; Shift+Enter: previous row.
// ArrowLeft/ArrowRight move between cells of a row only when the caret is at the text's edge.
// Cells changed since the page (or their row, after "Lưu dòng") was loaded are marked, and sending
// the year for review asks first when any are left unsaved.
(function () {
  "use strict";
  function cells(table) {
    return Array.from(table.tBodies[0].rows).map(function (tr) {
      return Array.from(tr.querySelectorAll("input:not([type=hidden]), select"));
    });
  }
  function position(grid, el) {
    for (var r = 0; r < grid.length; r++) {
      var c = grid[r].indexOf(el);
      if (c >= 0) return [r, c];
    }
    return null;
  }
  function focus(grid, r, c) {
    if (r < 0 || r >= grid.length) return false;
    var row = grid[r];
    if (!row.length) return false;
    var el = row[Math.max(0, Math.min(c, row.length - 1))];
    el.focus();
    if (el.select) el.select();
    return true;
  }
  function atEdge(el, forward) {
    if (el.tagName !== "INPUT" || el.selectionStart === null) return true;
    return forward ? el.selectionEnd === el.value.length : el.selectionStart === 0;
  }
  document.addEventListener("keydown", function (ev) {
    var el = ev.target;
    var table = el.closest && el.closest("table[data-sheet]");
    if (!table) return;
    var grid = cells(table);
    var pos = position(grid, el);
    if (!pos) return;
    var r = pos[0], c = pos[1], moved = false;
    if (ev.key === "Enter") moved = focus(grid, ev.shiftKey ? r - 1 : r + 1, c);
    else if (ev.key === "ArrowDown" && el.tagName !== "SELECT") moved = focus(grid, r + 1, c);
    else if (ev.key === "ArrowUp" && el.tagName !== "SELECT") moved = focus(grid, r - 1, c);
    else if (ev.key === "ArrowRight" && atEdge(el, true)) moved = focus(grid, r, c + 1);
    else if (ev.key === "ArrowLeft" && atEdge(el, false)) moved = focus(grid, r, c - 1);
    if (ev.key === "Enter") ev.preventDefault();  // Enter never submits the whole sheet by accident
    else if (moved) ev.preventDefault();
  });

  // A cell is unsaved when it differs from what the server last sent; a row the server refused
  // (has-error) or a whole sheet it refused (data-unsaved) is unsaved as typed.
  function changed(el) {
    if (el.tagName === "SELECT") {
      return Array.from(el.options).some(function (o) { return o.selected !== o.defaultSelected; });
    }
    return el.value !== el.defaultValue;
  }
  function unsaved() {
    var form = document.getElementById("entry-form");
    if (!form) return false;
    var any = form.hasAttribute("data-unsaved") || !!form.querySelector("tr.has-error");
    form.querySelectorAll("table[data-sheet] input:not([type=hidden]), table[data-sheet] select").forEach(function (el) {
      var dirty = changed(el);
      el.classList.toggle("dirty", dirty);
      if (dirty) any = true;
    });
    var note = form.querySelector("[data-dirty-note]");
    if (note) note.hidden = !any;
    return any;
  }
  // After "Lưu dòng" the count of indicators entered follows what the server now holds.
  function recount() {
    var count = document.querySelector("[data-entered]");
    var form = document.getElementById("entry-form");
    if (!count || !form || form.hasAttribute("data-unsaved")) return;
    var n = 0;
    form.querySelectorAll("table[data-sheet] tbody tr").forEach(function (tr) {
      var value = tr.querySelector("input[name^='v-']");
      if (value && value.defaultValue.trim() && !tr.classList.contains("has-error")) n++;
    });
    count.textContent = String(n);
  }
  document.addEventListener("input", unsaved);
  document.addEventListener("change", unsaved);
  // afterSettle, not afterSwap: htmx gives the new row its own classes (has-error) only once settled.
  document.addEventListener("htmx:afterSettle", function () {  // a row saved with "Lưu dòng" is clean again
    unsaved();
    recount();
  });
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    var question = form.getAttribute && form.getAttribute("data-confirm-if-dirty");
    if (question && unsaved() && !window.confirm(question)) ev.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", unsaved);
})();
