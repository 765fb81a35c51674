// Progressive enhancement only: every page works without this file.
// On narrow screens, filter panels start folded (unless a filter is in use) so results come first.
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 60rem)");
  document.querySelectorAll("details[data-collapsible]").forEach(function (panel) {
    var inUse = panel.querySelector(".count-pill, .errorlist");
    if (narrow.matches && !inUse) {
      panel.open = false;
    }
  });
})();
