// The portal's only script, an enhancement: every page works without it. It moves the focus to
// an error summary when a form comes back with errors, so a screen reader announces it; and on
// results pages it opens the filters beside the results on wide screens and applies a ticked
// filter there at once (a sort is applied with its button: a select that submits while someone
// moves through it with the keyboard would take them away).
(function () {
  "use strict";
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }

  var filters = document.querySelector("[data-filters]");
  var wide = window.matchMedia && window.matchMedia("(min-width: 48rem)").matches;
  // On a phone the filters stay folded above the results, and people tick several values
  // before applying them with the button.
  if (filters && wide) {
    filters.open = true;
    filters.addEventListener("change", function (e) {
      if (e.target.type === "checkbox") { e.target.form.submit(); }
    });
  }
})();
