// The portal's only script, an enhancement: every page works without it. It moves the focus to
// an error summary when a form comes back with errors, so a screen reader announces it; and on
// results pages it opens the filters beside the results on wide screens and applies a ticked
// filter there at once (a sort is applied with its button: a select that submits while someone
// moves through it with the keyboard would take them away); on posting pages it offers the
// phone's share sheet where the browser has one.
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
  // Posting pages: the phone's own share sheet where the browser has one; the link to copy
  // stays for everyone else.
  var share = document.querySelector("[data-share]");
  var link = document.getElementById("share-url");
  if (share && link && navigator.share) {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: link.getAttribute("data-share-title"), url: link.value })
        .catch(function () {});
    });
  }
  if (link) { link.addEventListener("focus", function () { link.select(); }); }
})();
// Staff's queue item: single keys for the decisions people make all day (shown in the page
// only when this script runs); never while someone types in a field or holds a modifier.
(function () {
  "use strict";
  var box = document.getElementById("shortcuts");
  if (!box) { return; }
  box.hidden = false;
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    var tag = t && t.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) { return; }
    var key = (e.key || "").toLowerCase();
    var el;
    if (key === "a") {
      el = document.querySelector("[data-key=approve]");
      if (el) { e.preventDefault(); el.click(); }
    } else if (key === "r") {
      el = document.querySelector("[data-key=reject]");
      if (el) { e.preventDefault(); el.focus(); }
    } else if (key === "n" || key === "j") {
      el = document.querySelector("[data-key=next]");
      if (el) { e.preventDefault(); el.click(); }
    }
  });
})();

// The yearly declaration: the totals of each occupation group, each level and the whole follow
// what is typed (the server works them out again on every submit, for those without script).
(function () {
  "use strict";
  var form = document.querySelector("form[data-declaration]");
  if (!form) { return; }
  var locale = document.documentElement.lang === "en" ? "en-GB" : "vi-VN";
  var cells = form.querySelectorAll("input[data-cell]");
  var totals = form.querySelectorAll("[data-total]");
  function count(text) {
    var digits = text.replace(/[.,\s\u00a0]/g, "");
    return /^\d+$/.test(digits) ? parseInt(digits, 10) : 0;
  }
  function update() {
    var sums = {};
    function add(key, n) { sums[key] = (sums[key] || 0) + n; }
    for (var i = 0; i < cells.length; i++) {
      var at = cells[i].getAttribute("data-cell").split(" ");
      var n = count(cells[i].value);
      add("g " + at[0] + " " + at[2], n);
      add("l " + at[1] + " " + at[2], n);
      add("all " + at[2], n);
    }
    for (var j = 0; j < totals.length; j++) {
      var key = totals[j].getAttribute("data-total");
      totals[j].textContent = (sums[key] || 0).toLocaleString(locale);
    }
  }
  form.addEventListener("input", function (e) {
    if (e.target.hasAttribute("data-cell")) { update(); }
  });
})();
