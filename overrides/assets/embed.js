// An embed page, inside another site's <iframe>: it tells that page how tall its figure
// is, each time the height changes, so that the frame is as tall as the figure at any
// width. The code pasted beside the frame (generator/render/embed.py) sets the height of
// the one frame the message comes from. Only a number is sent.
(function () {
  "use strict";
  if (window.parent === window || !window.ResizeObserver) return;
  var article = document.querySelector(".md-content article") || document.body;
  var told = 0;
  function tell() {
    var bottom = article.getBoundingClientRect().bottom + window.scrollY;
    var height = Math.ceil(bottom + parseFloat(getComputedStyle(article).marginBottom || "0") + 16);
    if (Math.abs(height - told) < 2) return; // no change: no message, and no loop with the frame's own resizing
    told = height;
    window.parent.postMessage({"briefing-embed-height": height}, "*");
  }
  new ResizeObserver(tell).observe(article);
  window.addEventListener("load", tell);
  tell();
})();
