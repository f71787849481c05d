// Print: links in the text are written out as full addresses (CSS reads data-print-url).
(function () {
  "use strict";
  function markLinks() {
    var links = document.querySelectorAll(".md-content a[href]:not(.headerlink):not(.mv-term):not(.md-content__button)");
    Array.prototype.forEach.call(links, function (link) {
      if (link.getAttribute("href").charAt(0) !== "#") link.setAttribute("data-print-url", link.href);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markLinks);
  else markLinks();
})();
