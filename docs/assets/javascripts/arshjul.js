// Årshjulet: a calendar for the months a council chooses, made in the browser.
// The build writes a calendar with the council's meetings in every month (data-mv-kalender);
// this keeps the meetings of the chosen months and every other event, and offers the file
// as a download. Nothing is sent anywhere: the file is fetched from this site and built here.
// Without JavaScript the form stays hidden and the ready-made files above it are used.
(function () {
  "use strict";

  function blocks(text) {
    // The calendar split into its head, its events and its tail, each with its CRLF line ends.
    var start = text.indexOf("BEGIN:VEVENT");
    var end = text.lastIndexOf("END:VEVENT") + "END:VEVENT\r\n".length;
    var events = text.slice(start, end).split(/(?=BEGIN:VEVENT\r\n)/);
    return { head: text.slice(0, start), events: events, tail: text.slice(end) };
  }

  function keep(events, meeting, months) {
    var pattern = new RegExp("^UID:arshjul-" + meeting + "-m(\\d\\d)@", "m");
    return events.filter(function (event) {
      var match = pattern.exec(event);
      return !match || months.indexOf(parseInt(match[1], 10)) !== -1;
    });
  }

  function download(text, name) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function setUp(form) {
    var status = form.querySelector(".mv-arshjul-skjema__melding");
    var note = document.querySelector(".mv-arshjul-uten-skript");
    form.hidden = false;
    if (note) note.hidden = true;
    form.addEventListener("submit", function (submit) {
      submit.preventDefault();
      var months = Array.prototype.map.call(form.querySelectorAll("input[name=maned]:checked"), function (box) {
        return parseInt(box.value, 10);
      });
      if (!months.length) {
        status.textContent = form.dataset.mvIngen;
        return;
      }
      fetch(form.dataset.mvKalender)
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (text) {
          var parts = blocks(text);
          var events = keep(parts.events, form.dataset.mvMote, months);
          download(parts.head + events.join("") + parts.tail, form.dataset.mvFilnavn);
          var message = months.length < parseInt(form.dataset.mvMinst, 10) ? form.dataset.mvForFa : form.dataset.mvKlar;
          status.textContent = message.replace("{antall}", String(months.length));
          form.dataset.mvLastet = String(events.length);
        })
        .catch(function () {
          status.textContent = form.dataset.mvFeil;
        });
    });
  }

  document.querySelectorAll("form.mv-arshjul-skjema[data-mv-kalender]").forEach(setUp);
})();
