// A source marker's popover opens under the marker, which ends the text it sources, so it
// never covers that text: where there is no room below, the page scrolls up to make some;
// at the very end of a page, it opens above the text instead. The marker says whether its
// popover is open, for screen readers that do not announce it on their own.
(function () {
  "use strict";
  var GAP = 4, EDGE = 8;
  var TEXT = "p, li, td, th, blockquote, figcaption, .figure-card, .why-it-matters, .timeline-event";

  function place(popover, marker) {
    var phone = window.matchMedia("(max-width: 37.5em)").matches;  // the screen's width, as the stylesheet says
    popover.style.inset = "auto";
    if (phone) popover.style.width = window.innerWidth - 2 * EDGE + "px";
    popover.style.maxHeight = "";
    var height = popover.offsetHeight, width = popover.offsetWidth;
    var box = marker.getBoundingClientRect();
    var need = box.bottom + GAP + height + EDGE - window.innerHeight;
    if (need > 0) {
      window.scrollBy({top: need, behavior: "instant"});  // at once: the theme scrolls smoothly
      box = marker.getBoundingClientRect();
    }
    var below = window.innerHeight - EDGE - box.bottom - GAP;
    var text = (marker.closest(TEXT) || marker).getBoundingClientRect();
    var above = text.top - GAP - EDGE;
    var top = box.bottom + GAP;
    if (height > below && above > below) {  // the page ends here: above the text it sources
      height = Math.min(height, above);
      top = text.top - GAP - height;
    } else {
      height = Math.min(height, below);
    }
    if (height < popover.offsetHeight) popover.style.maxHeight = height + "px";  // and scrolls within
    popover.style.top = top + "px";
    popover.style.left = Math.max(EDGE, Math.min(box.left, window.innerWidth - width - EDGE)) + "px";
  }

  document.addEventListener("toggle", function (event) {
    var popover = event.target;
    if (!popover.classList || !popover.classList.contains("cite-popover")) return;
    var marker = document.querySelector('[popovertarget="' + popover.id + '"]');
    if (!marker) return;
    var open = event.newState === "open";
    marker.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) place(popover, marker);
  }, true);

  // The embed code names the embed page relative to this one where the site's address
  // was not known at build time: make it absolute, so it works pasted on another site.
  document.querySelectorAll(".embed-code code").forEach(function (code) {
    code.textContent = code.textContent.replace(/src="([^"]+)"/, function (whole, src) {
      return /^https?:/.test(src) ? whole : 'src="' + new URL(src, window.location.href).href + '"';
    });
  });
})();
