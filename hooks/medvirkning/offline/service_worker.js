// Medvirkning's service worker: pages a reader has read, and documents they chose to keep,
// can be read without a network. The build writes it to the site's root as sw.js, with
// BUILD (above this line) holding the build's version and the files of each document.
//
// - Only this site's own addresses (under the scope) are handled; nothing else is touched.
// - Pages and files come from the network when there is one, so a reader online always
//   reads the newest version; a copy is kept of what they read, for reading offline.
// - Material's files with a hash in their name never change, so the kept copy is used first.
// - Each build has its own caches. A new build installs a new sw.js, which waits; the page
//   shows "there is a newer version", and the reader's click (or closing every tab) lets it
//   take over: it downloads the saved documents again (keeping the old copy if that fails)
//   and deletes the old caches.
"use strict";

var SCOPE = self.registration.scope;
var PREFIX = "mv:" + new URL(SCOPE).pathname + ":";  // other sites may share this origin
var READ = PREFIX + BUILD.version + ":read";
var DOCUMENT = PREFIX + BUILD.version + ":document:";
var NEVER_CHANGES = /\.[0-9a-f]{8}\.min\.(js|css)$|\/lunr\/min\/[^/]+\.js$/;

function documentCache(id) { return DOCUMENT + id; }
function ours(name) { return name.indexOf(PREFIX) === 0; }
function current(name) { return name === READ || name.indexOf(DOCUMENT) === 0; }
function absolute(path) { return new URL(path, SCOPE).href; }

function documentFiles(id) {
  var found = BUILD.documents[id];
  return found.pages.concat(found.files).map(absolute);
}

// A copy from this build's caches: saved documents first, then pages read.
function kept(request, options) {
  return caches.keys().then(function (names) {
    var mine = names.filter(current).sort(function (a, b) { return a === READ ? 1 : b === READ ? -1 : 0; });
    return mine.reduce(function (found, name) {
      return found.then(function (response) {
        return response || caches.open(name).then(function (cache) { return cache.match(request, options); });
      });
    }, Promise.resolve(undefined));
  });
}

function fromNetwork(request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(READ).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  });
}

function respond(request) {
  if (NEVER_CHANGES.test(new URL(request.url).pathname)) {
    return kept(request).then(function (response) { return response || fromNetwork(request); });
  }
  return fromNetwork(request).catch(function (error) {
    var options = request.mode === "navigate" ? { ignoreSearch: true } : undefined;
    return kept(request, options).then(function (response) {
      if (response) return response;
      throw error;
    });
  });
}

// A worker's script keeps the address it was asked for, with its "#": the search worker reads the
// name of the engine there (assets/javascripts/workers/lazy-search.js). A copy from the cache carries
// the address it was kept under, without the "#", and a worker takes the address of its response.
function asAskedFor(response) {
  return new Response(response.body, { status: response.status, statusText: response.statusText,
                                       headers: response.headers });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  var answer = respond(request);
  event.respondWith(request.destination === "worker" ? answer.then(asAskedFor) : answer);
});

// Download every file of a document into a new cache; on any failure nothing is kept.
function download(id, name) {
  var target = name || documentCache(id);
  return caches.open(target).then(function (cache) {
    return Promise.all(documentFiles(id).map(function (url) {
      return fetch(url, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return cache.put(url, response);
      });
    }));
  }).catch(function (error) {
    return caches.delete(target).then(function () { throw error; });
  });
}

function savedDocuments(names) {
  return names.filter(function (name) { return ours(name) && name.indexOf(":document:") > 0; })
    .map(function (name) { return { name: name, id: name.slice(name.indexOf(":document:") + ":document:".length) }; });
}

// The documents saved under an older build: downloaded again, or copied as they were if
// the network fails (a reader must never lose a saved document by an update).
function carryOver(names) {
  var old = savedDocuments(names).filter(function (saved) { return !current(saved.name); });
  return Promise.all(old.map(function (saved) {
    if (!BUILD.documents[saved.id]) return null;
    return download(saved.id).catch(function () {
      return Promise.all([caches.open(saved.name), caches.open(documentCache(saved.id))]).then(function (both) {
        return both[0].keys().then(function (requests) {
          return Promise.all(requests.map(function (request) {
            return both[0].match(request).then(function (response) { return both[1].put(request, response); });
          }));
        });
      });
    });
  }));
}

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return carryOver(names).then(function () {
      return Promise.all(names.filter(function (name) { return ours(name) && !current(name); })
        .map(function (name) { return caches.delete(name); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

function documentOf(pageUrl) {
  var path = new URL(pageUrl).href;
  return Object.keys(BUILD.documents).filter(function (id) {
    return BUILD.documents[id].pages.some(function (page) { return absolute(page) === path; });
  })[0] || null;
}

function status(pageUrl) {
  var id = documentOf(pageUrl);
  if (!id) return Promise.resolve({ document: null });
  return caches.has(documentCache(id)).then(function (saved) {
    var found = BUILD.documents[id];
    return { document: id, pages: found.pages.length, bytes: found.bytes, saved: saved };
  });
}

// Files the page loaded before this worker was in charge (the first visit): kept from the
// browser's cache, so that the first page read can be read offline too.
function remember(urls) {
  return caches.open(READ).then(function (cache) {
    return Promise.all(urls.filter(function (url) { return url.indexOf(SCOPE) === 0; }).map(function (url) {
      return fetch(url, { cache: "force-cache" }).then(function (response) {
        if (response.ok) return cache.put(url, response);
      }).catch(function () { /* not available now: kept the next time it is read */ });
    }));
  });
}

var ACTIONS = {
  status: function (message) { return status(message.page); },
  save: function (message) {
    var id = documentOf(message.page);
    return download(id).then(function () { return status(message.page); });
  },
  remove: function (message) {
    return caches.delete(documentCache(documentOf(message.page))).then(function () { return status(message.page); });
  },
  remember: function (message) { return remember(message.urls).then(function () { return {}; }); },
  update: function () { return self.skipWaiting().then(function () { return {}; }); }
};

self.addEventListener("message", function (event) {
  var message = event.data || {};
  var reply = event.ports[0];
  var action = ACTIONS[message.type];
  if (!action) return;
  event.waitUntil(Promise.resolve().then(function () { return action(message); }).then(function (result) {
    if (reply) reply.postMessage(result);
  }, function (error) {
    if (reply) reply.postMessage({ error: String(error) });
  }));
});
