// Medvirkning's own scripts, in one file so that a phone on a slow network makes one
// request instead of three. Each part below is on its own and does one job; none of them
// sends anything anywhere. Loaded with `defer` (see extra_javascript in mkdocs.yml).

// ---- Sjekklister ----------------------------------------------------------------------
// Ticks on checklist pages, kept on this device only (localStorage); nothing is sent anywhere.
// Old or corrupt stored state is ignored and replaced, never allowed to break the page.
(function () {
  "use strict";
  var PREFIX = "medvirkning:sjekkliste:";

  function readTicks(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key));
      if (value && typeof value === "object" && !Array.isArray(value)) return value;
    } catch (error) { /* corrupt or unavailable storage: start empty */ }
    return {};
  }

  function writeTicks(key, ticks) {
    try {
      if (Object.keys(ticks).length) window.localStorage.setItem(key, JSON.stringify(ticks));
      else window.localStorage.removeItem(key);
      return true;
    } catch (error) {
      return false;
    }
  }

  function setUp(list) {
    var key = PREFIX + list.getAttribute("data-checklist");
    var boxes = list.querySelectorAll("input.mv-checklist__box");
    var reset = list.querySelector("[data-checklist-reset]");
    var status = list.querySelector(".mv-checklist__status");
    var ticks = readTicks(key);

    function say(text) { if (status) status.textContent = text; }

    Array.prototype.forEach.call(boxes, function (box) {
      box.checked = ticks[box.getAttribute("data-key")] === true;
      box.addEventListener("change", function () {
        var id = box.getAttribute("data-key");
        if (box.checked) ticks[id] = true; else delete ticks[id];
        if (!writeTicks(key, ticks)) say("Avkryssingen kunne ikke lagres på denne enheten.");
      });
    });

    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () {
        ticks = {};
        writeTicks(key, ticks);
        Array.prototype.forEach.call(boxes, function (box) { box.checked = false; });
        say("Alle avkryssinger er fjernet.");
      });
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".mv-checklist[data-checklist]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// ---- Utskrift -------------------------------------------------------------------------
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

// ---- Kopier lenke ---------------------------------------------------------------------
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

// ---- Tastatur i menyen ----------------------------------------------------------------
// The header and menu buttons are <label>s made focusable in overrides/partials/; Material
// opens them with Enter only. The space bar works too, as on any button.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === " " || event.key === "Spacebar") && target && target.tagName === "LABEL" &&
        target.hasAttribute("for") && target.getAttribute("tabindex") === "0") {
      event.preventDefault();
      target.click();
    }
  });
})();
