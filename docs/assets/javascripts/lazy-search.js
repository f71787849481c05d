// Search starts when the reader opens it: the whole index and the search engine are loaded
// only then (see workers/lazy-search.js), not with every page. While they load, the search
// shows a short "loading" text from the page's data (data/sprak/<språk>.yml).
(function () {
  "use strict";
  if (typeof BroadcastChannel !== "function") return;  // the worker then starts at once
  var field = document.querySelector(".md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  var dataIsland = document.getElementById("mv-network-words");
  if (!field || !meta || !dataIsland) return;
  var words = JSON.parse(dataIsland.textContent);
  var channel = new BroadcastChannel("mv-search");
  var initialText = meta.textContent.trim();
  var wanted = false;

  function stillStarting() {
    return meta.textContent.trim() === initialText || meta.textContent.trim() === words.search_failed;
  }

  function start() {
    if (stillStarting()) meta.textContent = words.search_loading;
    wanted = true;
    channel.postMessage("start");
  }

  channel.addEventListener("message", function (event) {
    if (event.data === "hello" && wanted) channel.postMessage("start");
    if (event.data === "failed" && wanted && meta.textContent.trim() === words.search_loading) {
      meta.textContent = words.search_failed;
    }
  });
  field.addEventListener("focus", start);
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) start(); });
  if (document.activeElement === field || (toggle && toggle.checked)) start();  // a ?q= link
})();
