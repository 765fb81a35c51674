// Search boxes suggest as you type: a <datalist> fed by /suggest/ for every input with data-suggest-url.
// Progressive enhancement only: without this file each form still submits what was typed.
// The header search (no data-suggest-kind) suggests officials and countries; picking one opens its page, while
// typing and pressing Enter searches meetings. A filter with data-suggest-kind="official" suggests officials' names
// and picking one just fills the box, for the form to submit.
(function () {
  "use strict";
  if (!window.fetch) {
    return;
  }

  function enhance(input) {
    var list = input.list || document.getElementById(input.getAttribute("list"));
    if (!list) {
      return;
    }
    var endpoint = input.getAttribute("data-suggest-url");
    var kind = input.getAttribute("data-suggest-kind") || "";
    var navigates = !kind;
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
      var url = endpoint + "?q=" + encodeURIComponent(query) + (kind ? "&kind=" + encodeURIComponent(kind) : "");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { show(query, data.results || []); })
        .catch(function () { asked = ""; });
    }

    input.addEventListener("input", function (event) {
      var picked = !(event instanceof InputEvent) || event.inputType === "insertReplacementText";
      if (picked && Object.prototype.hasOwnProperty.call(pages, input.value)) {
        if (navigates) {
          window.location.assign(pages[input.value]);
        }
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { ask(input.value.trim()); }, 150);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), enhance);
})();
