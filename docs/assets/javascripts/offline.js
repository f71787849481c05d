// Reading without a network: registers the site's service worker (sw.js, written by the
// build), offers "save for reading offline" on the pages of a document, and says when a
// newer version of the site exists. The words come from the page (data/sprak/<språk>.yml);
// nothing is sent anywhere but to this site's own service worker.
(function () {
  "use strict";
  var dataIsland = document.getElementById("mv-network-words");
  if (!("serviceWorker" in navigator) || !dataIsland || !window.isSecureContext) return;
  var words = JSON.parse(dataIsland.textContent);
  var here = location.href.split("#")[0].split("?")[0];

  function ask(worker, message) {
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        if (event.data && event.data.error) reject(new Error(event.data.error));
        else resolve(event.data);
      };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function size(bytes) {
    var megabytes = bytes / 1000000;
    var number = new Intl.NumberFormat(document.documentElement.lang || undefined, {
      maximumFractionDigits: megabytes < 10 ? 1 : 0
    }).format(Math.max(megabytes, 0.1));
    return words.offline_megabytes.replace("{antall}", number);
  }

  // ---- Lagre et dokument ----------------------------------------------------------------
  function offerSaving(worker) {
    var box = document.querySelector(".mv-offline");
    if (!box) return;
    var about = box.querySelector(".mv-offline__about");
    var button = box.querySelector(".mv-offline__button");
    var status = box.querySelector(".mv-offline__status");
    var busy = false;

    function show(state) {
      if (!state.document) return;
      box.hidden = false;
      about.textContent = (state.saved ? words.offline_saved : words.offline_about)
        .replace("{sider}", state.pages).replace("{storrelse}", size(state.bytes));
      button.textContent = state.saved ? words.offline_remove : words.offline_save;
      button.setAttribute("data-saved", state.saved ? "true" : "false");
    }

    function act(type, doneText) {
      if (busy) return;
      busy = true;
      button.disabled = true;
      status.textContent = type === "save" ? words.offline_saving : "";
      ask(worker, { type: type, page: here }).then(function (state) {
        show(state);
        status.textContent = doneText;
      }, function () {
        status.textContent = words.offline_failed;
      }).then(function () {
        busy = false;
        button.disabled = false;
      });
    }

    button.addEventListener("click", function () {
      if (button.getAttribute("data-saved") === "true") act("remove", words.offline_removed);
      else act("save", words.offline_done);
    });
    ask(worker, { type: "status", page: here }).then(show);
  }

  // ---- Nyere versjon --------------------------------------------------------------------
  function offerUpdate(registration) {
    var notice = document.querySelector(".mv-update");
    if (!notice) return;
    var button = notice.querySelector(".mv-update__button");

    function check() {
      if (registration.waiting && navigator.serviceWorker.controller && navigator.onLine) {
        notice.hidden = false;
        notice.querySelector(".mv-update__text").textContent = words.update_available;
        button.textContent = words.update_button;
      }
    }

    button.addEventListener("click", function () {
      if (!registration.waiting) return;
      navigator.serviceWorker.addEventListener("controllerchange", function () { location.reload(); });
      ask(registration.waiting, { type: "update" });
    });
    registration.addEventListener("updatefound", function () {
      var incoming = registration.installing;
      if (incoming) incoming.addEventListener("statechange", check);
    });
    window.addEventListener("online", function () { registration.update().then(check, check); });
    check();
  }

  // The first page read was loaded before the service worker was in charge: keep it too.
  function rememberThisPage(worker) {
    var urls = [here].concat(performance.getEntriesByType("resource").map(function (entry) {
      return entry.name;
    }));
    return ask(worker, { type: "remember", urls: urls });
  }

  function start() {
    if (!words.service_worker) return;  // the preview (make serve) has none: read online only
    var firstVisit = !navigator.serviceWorker.controller;
    navigator.serviceWorker.register(words.service_worker).then(function (registration) {
      offerUpdate(registration);
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var worker = registration.active;
      if (firstVisit) rememberThisPage(worker);
      offerSaving(worker);
    }).catch(function () { /* no service worker (mkdocs serve, private mode): read online only */ });
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
