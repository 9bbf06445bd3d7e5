// The "Tạo báo cáo" form: while the file is built (a PDF takes a few seconds) the form carries
// htmx's "htmx-request" class, which shows the "Đang tạo báo cáo…" indicator, and the button is
// disabled. The form posts normally (the answer is a download, not a page), so the end is seen
// through the cookie the download sets to this submission's token.
(function () {
  "use strict";
  var form = document.getElementById("report-submit") && document.getElementById("report-submit").form;
  if (!form) return;
  var COOKIE = "chitieu_report_done";
  function cookie() {
    var m = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    return m ? m[1] : "";
  }
  form.addEventListener("submit", function () {
    var token = "";
    for (var i = 0; i < 24; i++) token += "abcdefghijklmnopqrstuvwxyz0123456789".charAt(Math.floor(Math.random() * 36));
    var field = form.querySelector("input[name=download_token]");
    if (field) field.value = token;
    var button = document.getElementById("report-submit");
    form.classList.add("htmx-request");
    button.setAttribute("aria-busy", "true");
    // Disabled after the submission has started, so the button still submits the form.
    setTimeout(function () { button.disabled = true; }, 0);
    var timer = setInterval(function () {
      if (cookie() === token) {
        clearInterval(timer);
        form.classList.remove("htmx-request");
        button.disabled = false;
        button.removeAttribute("aria-busy");
      }
    }, 300);
  });
})();
