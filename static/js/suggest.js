// The header search suggests officials and countries as you type (a <datalist> fed by /suggest/).
// Progressive enhancement only: without this file the form still submits to /meetings/?q=.
// Picking a suggestion opens that official's or country's page; typing and pressing Enter searches meetings.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) {
    return;
  }
  var endpoint = input.getAttribute("data-suggest-url");
  var pages = {};
  var timer = null;
  var asked = "";

  function show(query, results) {
    if (input.value.trim() !== query) {
      return;  // the user typed on meanwhile: a newer answer is coming
    }
    pages = {};
    list.textContent = "";
    results.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.label;
      option.label = item.detail;
      pages[item.label] = item.url;
      list.appendChild(option);
    });
  }

  function ask(query) {
    if (query.length < 2 || query === asked) {
      return;
    }
    asked = query;
    fetch(endpoint + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { show(query, data.results || []); })
      .catch(function () { asked = ""; });
  }

  input.addEventListener("input", function (event) {
    var picked = !(event instanceof InputEvent) || event.inputType === "insertReplacementText";
    if (picked && Object.prototype.hasOwnProperty.call(pages, input.value)) {
      window.location.assign(pages[input.value]);
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { ask(input.value.trim()); }, 150);
  });
})();
