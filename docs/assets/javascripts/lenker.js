// "Kopier lenke": each section's link copies the full address of the section.
// Works with mouse, keyboard (Enter) and touch; the result is announced to screen readers.
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("mv-link-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "mv-link-status";
      region.className = "mv-visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(field);
      if (copied) resolve(); else reject(new Error("copy failed"));
    });
  }

  function setUp(link) {
    var heading = link.parentNode;
    var title = heading ? heading.textContent.replace(/#\s*$/, "").trim() : "";
    link.setAttribute("aria-label", "Kopier lenke til denne delen: " + title);
    link.setAttribute("title", "Kopier lenke til denne delen");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var url = link.href;
      if (window.history && window.history.replaceState) window.history.replaceState(null, "", url);
      copyText(url).then(function () {
        link.classList.add("mv-copied");
        window.setTimeout(function () { link.classList.remove("mv-copied"); }, 2000);
        announce("Lenken er kopiert: " + url);
      }, function () {
        announce("Kunne ikke kopiere. Lenken står nå i adressefeltet.");
        window.location.hash = link.getAttribute("href");
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-mv-copy-link]"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
