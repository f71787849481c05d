// Material's search worker, taught Norwegian word forms. Loaded instead of Material's worker
// (overrides/main.html names it in __config); it runs Material's worker unchanged and only
// rewrites the query on its way in:
// - Material appends "*" to every word, and lunr runs no stemmer on a word with "*", so with
//   the stemmed index "møtene*" would find nothing. Each plain word is sent as its stem
//   ("møtene" -> "møt", Material then searches "møt*"), and stop words are left out;
// - a query with an everyday word the site does not use ("dagsorden") also asks for the site's
//   word ("sakliste"): the index's settings carry them (data/sokeord.yml, search/synonyms.py);
// - a search that finds nothing is tried once more with one letter allowed to differ
//   (lunr's fuzzy match, "word~1"), so that a typo still finds something.
// It lives beside Material's worker, so that Material's "../lunr" still finds the stemmers.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2;
  var PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
  // Named after "?worker=" in this worker's address, or in the "#" of lazy-search.js, which loads this one.
  var named = /[?&]worker=([^&#]+)/.exec(self.location.search + self.location.hash);
  var materialWorker = named ? named[1] : "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(materialWorker)) throw new Error("unknown search worker");

  var post = self.postMessage.bind(self);
  var listen = self.addEventListener.bind(self);
  var material = null;  // Material's message listener
  var pending = null;   // resolves with Material's answer to the message being handled
  var language = null;  // lunr's support for the index language, once set up
  var synonyms = {};    // everyday word -> the site's word, for the index language
  var queue = Promise.resolve();

  self.postMessage = function (message) { if (pending) pending(message); };
  self.addEventListener = function (type, listener, options) {
    if (type === "message") material = listener;
    else listen(type, listener, options);
  };
  self.importScripts(materialWorker);

  function ask(message) {
    return new Promise(function (resolve) {
      pending = resolve;
      material({ data: message });
    });
  }

  function analyser(config) {
    var lang = config.lang.length === 1 ? config.lang[0] : null;
    var lunr = self.lunr;
    var support = lang === "en" ? lunr : lang && lunr[lang];
    if (!support || config.pipeline.indexOf("stemmer") < 0) return null;
    return { stem: support.stemmer, stop: config.pipeline.indexOf("stopWordFilter") >= 0 ? support.stopWordFilter : null };
  }

  function words(query) { return query.trim().split(/\s+/).filter(Boolean); }

  function stemmed(query) {
    if (!language) return query;
    var kept = words(query).map(function (word) {
      if (!PLAIN_WORD.test(word)) return word;
      var token = new self.lunr.Token(word.toLowerCase(), {});
      if (language.stop && !language.stop(token)) return null;
      return language.stem(token).toString();
    }).filter(Boolean);
    return kept.length ? kept.join(" ") : query;
  }

  // The query with the site's word added after each everyday word it holds (whole words only).
  function withSynonyms(query) {
    var lower = " " + words(query).join(" ").toLowerCase() + " ";
    var added = Object.keys(synonyms).filter(function (word) {
      return lower.indexOf(" " + word + " ") >= 0;
    }).map(function (word) { return synonyms[word]; });
    return added.length ? query + " " + added.join(" ") : query;
  }

  function fuzzy(query) {
    var all = words(query);
    if (!all.length || !all.every(function (word) { return PLAIN_WORD.test(word); })) return null;
    return all.map(function (word) { return word.length >= 4 ? word + "~1" : word; }).join(" ");
  }

  function handle(message) {
    if (message.type === SETUP) {
      return ask(message).then(function (answer) {
        language = analyser(message.data.config);
        synonyms = message.data.config.synonyms || {};
        return answer;
      });
    }
    if (message.type !== QUERY || typeof message.data !== "string") return ask(message);
    return ask({ type: QUERY, data: stemmed(withSynonyms(message.data)) }).then(function (answer) {
      var retry = fuzzy(message.data);
      if (answer.data && answer.data.items && answer.data.items.length === 0 && retry) {
        return ask({ type: QUERY, data: retry });
      }
      return answer;
    });
  }

  listen("message", function (event) {
    queue = queue.then(function () { return handle(event.data); }).then(post, function (error) {
      console.warn(error);
      post({ type: 3, data: { items: [] } });
    });
  });
})();
