// The "Tạo báo cáo" page. The form posts with htmx (hx-post): while the job is queued, the button
// is disabled and "Đang tạo báo cáo…" shows (htmx's "htmx-request" class); the answer is the new
// job's card, which htmx then polls until its files are ready. Here: the "no reports yet" line
// goes when the first card arrives, and the first download link of a card that has just finished
// takes the keyboard focus (screen readers announce it).
(function () {
  "use strict";
  function mark(cards) {
    for (var i = 0; i < cards.length; i++) cards[i].setAttribute("data-announced", "1");
  }
  mark(document.querySelectorAll(".report-job[data-status=done], .report-job[data-status=failed]"));
  document.body.addEventListener("htmx:afterSettle", function () {
    var empty = document.getElementById("report-jobs-empty");
    if (empty && document.querySelector("#report-jobs .report-job")) empty.remove();
    var done = document.querySelectorAll(".report-job[data-status=done]:not([data-announced])");
    mark(document.querySelectorAll(".report-job[data-status=failed]:not([data-announced])"));
    if (!done.length) return;
    mark(done);
    var link = done[0].querySelector(".report-files a");
    if (link) link.focus();
  });
})();
