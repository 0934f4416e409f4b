// Source markers' popovers sit under their marker through CSS anchor positioning;
// where a browser lacks it, this places them by hand. The marker says whether its
// popover is open, for screen readers that do not announce it on their own.
(function () {
  "use strict";
  var anchored = window.CSS && CSS.supports && CSS.supports("position-area", "bottom");

  function place(popover, marker) {
    var box = marker.getBoundingClientRect();
    var width = popover.offsetWidth;
    var left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    var below = box.bottom + 4;
    var top = below + popover.offsetHeight > window.innerHeight ? Math.max(8, box.top - popover.offsetHeight - 4) : below;
    popover.style.left = left + "px";
    popover.style.top = top + "px";
  }

  document.addEventListener("toggle", function (event) {
    var popover = event.target;
    if (!popover.classList || !popover.classList.contains("cite-popover")) return;
    var marker = document.querySelector('[popovertarget="' + popover.id + '"]');
    if (!marker) return;
    var open = event.newState === "open";
    marker.setAttribute("aria-expanded", open ? "true" : "false");
    if (open && !anchored) place(popover, marker);
  }, true);

  // The embed code names the embed page relative to this one where the site's address
  // was not known at build time: make it absolute, so it works pasted on another site.
  document.querySelectorAll(".embed-code code").forEach(function (code) {
    code.textContent = code.textContent.replace(/src="([^"]+)"/, function (whole, src) {
      return /^https?:/.test(src) ? whole : 'src="' + new URL(src, window.location.href).href + '"';
    });
  });
})();
