// The search engine, started only when the reader opens search, not on every page load.
//
// Material's bundle creates this worker in place of its own: overrides/main.html points
// Material's setting for the search worker here, with the name of Material's worker after
// the "#". Material sends the index it loaded with the page, which holds only the settings
// (see hooks/medvirkning/search_index.py). This worker keeps Material's messages until the
// page says "start" (lazy-search.js, when the reader opens or focuses search); then it loads
// the whole index, starts Material's worker in this same worker, and hands the messages on.
// Only this site's own files are loaded; nothing is sent anywhere.
"use strict";

// Without its query: the service worker keeps the file by its plain name, for reading offline.
// (mv-search.js reads "?worker=…" from this worker's own address, where it is part of the "#".)
var engineUrl = (function (url) { url.search = ""; return url.href; })(new URL(self.location.hash.slice(1), self.location.href));
var siteRoot = new URL("../../../", self.location.href);  // this file is in assets/javascripts/workers/
var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("mv-search") : null;
var setup = null;      // Material's setup message (the settings of the index)
var waiting = [];      // Material's other messages (queries) before the engine is ready
var wanted = !channel; // without a channel to the page, start at once as Material does
var started = false;
var ready = false;
var handingOn = false;
var engineLoaded = false;
var post = self.postMessage.bind(self);

// Material's worker answers with postMessage; its "ready" (type 1) lets the kept queries through.
self.postMessage = function (message) {
  post(message);
  if (message && message.type === 1 && !ready) {
    ready = true;
    waiting.splice(0).forEach(handOn);
  }
};

function handOn(data) {
  handingOn = true;
  try {
    self.dispatchEvent(new MessageEvent("message", { data: data }));
  } finally {
    handingOn = false;
  }
}

function wholeIndex(config) {
  if (!config.full_index) return Promise.resolve(null);
  return fetch(new URL(config.full_index, siteRoot).href).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + response.url);
    return response.json();
  });
}

function start() {
  wanted = true;
  if (started || !setup) return;
  started = true;
  wholeIndex(setup.data.config).then(function (index) {
    if (!engineLoaded) {
      importScripts(engineUrl);  // Material's worker: adds its own message handler after ours
      engineLoaded = true;
    }
    var data = Object.assign({}, setup.data, index ? { docs: index.docs } : {});
    handOn({ type: setup.type, data: data });
  }).catch(function () {
    started = false;  // tried again the next time the reader opens search
    if (channel) channel.postMessage("failed");
  });
}

self.addEventListener("message", function (event) {
  if (handingOn || ready) return;  // Material's worker answers
  event.stopImmediatePropagation();
  if (event.data && event.data.type === 0) {
    setup = event.data;
    if (wanted) start();
  } else {
    waiting.push(event.data);
  }
});

if (channel) {
  channel.addEventListener("message", function (event) {
    if (event.data === "start") start();
  });
  channel.postMessage("hello");  // a page that already wants search answers "start"
}
