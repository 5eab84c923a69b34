/*
 * Buttons that need JavaScript, shown only when it runs: copy the share link, and print the
 * page (the print stylesheet leaves out the menus). Without JavaScript the link can still be
 * copied from its box and the browser's own print works the same.
 */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-copy") + "-status");
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () {
          if (status) status.textContent = "Link copied.";
        },
        function () {
          field.select();
          if (status) status.textContent = "Select the link and copy it.";
        }
      );
    });
  });
})();
