// The portal's only script, an enhancement: every page works without it. It moves the focus to
// an error summary when a form comes back with errors, so a screen reader announces it.
(function () {
  "use strict";
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
})();
