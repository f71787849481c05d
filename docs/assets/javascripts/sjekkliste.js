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
