// The portal's only script, an enhancement: every page works without it. It moves the focus to
// an error summary when a form comes back with errors, so a screen reader announces it.
(function () {
  "use strict";
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
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
