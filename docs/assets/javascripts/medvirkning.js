// Medvirkning's own scripts, in one file so that a phone on a slow network makes one
// request instead of three. Each part below is on its own and does one job; none of them
// sends anything anywhere. Loaded with `defer` (see extra_javascript in mkdocs.yml).

// The words readers see come from data/sprak/<language>.yml: the page carries them as JSON in
// <script id="mv-strings"> (overrides/main.html), which is data, not code.
var MV_STRINGS = (function () {
  "use strict";
  try {
    return JSON.parse(document.getElementById("mv-strings").textContent) || {};
  } catch (error) {
    return {};
  }
})();

// ---- Knapper for meny og søk -------------------------------------------------------------
// The header's menu and search buttons and the menu's section buttons are <button>s
// (overrides/partials/) that work Material's checkbox toggles, named by data-mv-toggle,
// and say whether what they open is open (aria-expanded). Material itself clicks the
// checkboxes (Escape, the overlay), so the state follows their change events.
// Without JavaScript they are Material's <label>s, which work the checkboxes by themselves; the
// script makes each one a button first (data-mv-label is its name, data-mv-expanded its state).
(function () {
  "use strict";
  function toggleOf(button) { return document.getElementById(button.getAttribute("data-mv-toggle")); }

  function upgrade(label) {
    var button = document.createElement("button");
    button.type = "button";
    Array.prototype.forEach.call(label.attributes, function (attribute) {
      if (attribute.name === "for") return;
      var name = {"data-mv-label": "aria-label", "data-mv-expanded": "aria-expanded"}[attribute.name];
      button.setAttribute(name || attribute.name, attribute.value);
    });
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.replaceChild(button, label);
  }
  Array.prototype.forEach.call(document.querySelectorAll("label[data-mv-toggle]"), upgrade);

  function show(toggle) {
    var buttons = document.querySelectorAll('[data-mv-toggle="' + toggle.id + '"]:not([data-mv-back])');
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-mv-toggle]");
    var toggle = button && toggleOf(button);
    if (!toggle) return;
    if (button.hasAttribute("data-mv-back") && !toggle.checked) return;
    toggle.click();
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("input.md-toggle")) show(event.target);
  });
  // Back from another page: the browser may bring the old state of the checkboxes back, with
  // the menu or the search open; close them (Material's autocomplete="off" did that, but HTML
  // allows it on text fields only), and show the state of the others.
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
    Array.prototype.forEach.call(document.querySelectorAll("input.md-toggle"), show);
  });
})();

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
        if (!writeTicks(key, ticks)) say(MV_STRINGS.ikke_lagret);
      });
    });

    function show(newTicks) {
      ticks = newTicks;
      writeTicks(key, ticks);
      Array.prototype.forEach.call(boxes, function (box) {
        box.checked = ticks[box.getAttribute("data-key")] === true;
      });
    }

    // «Nullstill» clears every tick at once, so it can be undone: «Angre» brings them back.
    if (reset) {
      var undo = document.createElement("button");
      undo.type = "button";
      undo.className = "md-button mv-checklist__undo";
      undo.textContent = MV_STRINGS.angre || "";
      undo.hidden = true;
      reset.parentNode.insertBefore(undo, reset.nextSibling);
      var before = null;
      reset.hidden = false;
      reset.addEventListener("click", function () {
        before = ticks;
        show({});
        say(MV_STRINGS.fjernet);
        undo.hidden = !Object.keys(before).length;
        if (!undo.hidden) undo.focus();
      });
      undo.addEventListener("click", function () {
        if (before) show(before);
        before = null;
        undo.hidden = true;
        reset.focus();
        say(MV_STRINGS.angret);
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
// "Kopier lenke": each section's link copies the clean address of the section: the page and the
// section, never a query (after a search the address carries ?h=… for the highlights, which
// must not travel to whoever opens the link). Works with mouse, keyboard (Enter) and touch;
// the result is shown beside the link and announced to screen readers.
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
    var heading = link.closest("h1, h2, h3, h4, h5, h6");
    var title = heading ? heading.textContent.replace(/#\s*$/, "").trim() : "";
    link.setAttribute("aria-label", MV_STRINGS.kopier_lenke + ": " + title);
    link.setAttribute("title", MV_STRINGS.kopier_lenke);
    link.setAttribute("data-mv-copied", MV_STRINGS.kopiert || "");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var url = window.location.origin + window.location.pathname + link.hash;
      if (window.history && window.history.replaceState) window.history.replaceState(null, "", url);
      copyText(url).then(function () {
        link.classList.add("mv-copied");
        window.setTimeout(function () { link.classList.remove("mv-copied"); }, 2000);
        announce(MV_STRINGS.lenke_kopiert + " " + url);
      }, function () {
        announce(MV_STRINGS.kunne_ikke_kopiere);
        window.location.hash = link.hash;
      });
    });
  }

  // «Kopier henvisning» under a measure or principle: copies the citation written beside it
  // (hooks/medvirkning/citations/), which readers without JavaScript read and copy themselves.
  function setUpCitation(button) {
    var box = button.closest(".mv-citation");
    var text = box && box.querySelector(".mv-citation__text");
    if (!text) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var citation = text.textContent.trim();
      copyText(citation).then(function () {
        announce(MV_STRINGS.henvisning_kopiert + " " + citation);
      }, function () {
        var range = document.createRange();
        range.selectNodeContents(text);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        announce(MV_STRINGS.henvisning_ikke_kopiert);
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-mv-copy-link]"), setUp);
    Array.prototype.forEach.call(document.querySelectorAll("button[data-mv-copy-citation]"), setUpCitation);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// ---- Språkvelger ------------------------------------------------------------------------
// The language switcher leads to the same page in the other language (mkdocs-static-i18n
// gives each link the page's address there). With JavaScript it also keeps the section the
// reader is on: every section has the same id in every language.
(function () {
  // In the capture phase, and no further: the theme's own handler would look the page up in a
  // sitemap next to each alternate address (there is none) and send the reader to the language's
  // folder without the section. The browser then simply follows the link.
  window.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.metaKey || event.ctrlKey) return;
    if (window.location.hash && !link.hash) link.hash = window.location.hash;
    event.stopPropagation();
  }, true);
})();

// ---- Meld fra om feil -------------------------------------------------------------------
// The «Meld fra om feil på denne siden» links (e-mail and GitHub) carry the page's address
// without JavaScript. When the reader is at a section (the address has a #fragment), the
// message also names that section, added to the prefilled text as the link is used.
(function () {
  "use strict";
  function sectionLine() {
    var id = window.location.hash.slice(1);
    var target = id && document.getElementById(decodeURIComponent(id));
    if (!target) return "";
    var heading = target.cloneNode(true);
    Array.prototype.forEach.call(heading.querySelectorAll(".headerlink"), function (a) { a.remove(); });
    var title = heading.textContent.replace(/\s+/g, " ").trim();
    return MV_STRINGS.meld_feil_avsnitt + " " + (title ? "«" + title + "» " : "") + window.location.href + "\n";
  }

  function prefill(link) {
    var original = link.getAttribute("data-mv-href") || link.getAttribute("href");
    link.setAttribute("data-mv-href", original);
    var line = sectionLine();
    link.setAttribute("href", !line ? original : original.replace(/([?&]body=)([^&]*)/, function (all, key, body) {
      return key + encodeURIComponent(decodeURIComponent(body).replace(/\n\n/, "\n" + line + "\n"));
    }));
  }
  // Before the browser follows the link, also for the middle button and the context menu.
  ["click", "auxclick", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest && event.target.closest("a[data-mv-report]");
      if (link) prefill(link);
    }, true);
  });
})();

// ---- Ingen hurtigtaster på én bokstav -----------------------------------------------------
// The theme turns single keys into shortcuts (s, f and / open search, n, p, «.» and «,» change
// page). A speech-input user who says a word, or a reader who brushes a key, is sent elsewhere,
// and they cannot be turned off (WCAG 2.1.4): such keys are kept from the theme. In a text
// field, with the search open (what is typed goes into it), and with Ctrl, Alt or Cmd, every
// key works as before.
(function () {
  "use strict";
  function typing(target) {
    var search = document.getElementById("__search");
    return (search && search.checked)
      || target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  window.addEventListener("keydown", function (event) {
    if (event.key && event.key.length === 1 && event.key !== " " && !event.ctrlKey && !event.altKey
        && !event.metaKey && !typing(event.target)) {
      event.stopPropagation();
    }
  }, true);
})();
