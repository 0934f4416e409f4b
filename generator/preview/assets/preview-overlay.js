// The live preview's problems overlay. `make serve` only: the preview's MkDocs hooks
// (generator/preview/hooks.py) add this script to every page, and a build never has it.
// While the content has problems the preview keeps showing the last good pages; this reads
// the problems it wrote (problems.json, beside this script) and lists them over the page:
// where each is, what is wrong and how to fix it, and the lines it is on, with a caret
// under its column. The preview writes the file again after every regeneration and the
// server reloads the page, so the overlay goes once the content is valid.
// Everything shown comes from editors' files: it is written as text nodes, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.HTMLDialogElement) return;
  var source = new URL("problems.json", script.src).href;
  var words = {};
  try {
    words = JSON.parse(document.getElementById("__briefing_preview").textContent).words || {};
  } catch (error) { /* the words are missing: the overlay still shows the problems */ }

  function word(key) {
    return typeof words[key] === "string" ? words[key] : "";
  }

  // An element, with `text` (if any) as its one text node.
  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.appendChild(document.createTextNode(String(text)));
    return element;
  }

  function spaces(count) {
    return new Array(Math.max(0, Math.min(Number(count) || 0, 1000)) + 1).join(" ");
  }

  // The lines the problem is on, numbered, and a caret under its column (for the eye only:
  // the place is said in words above).
  function excerpt(problem) {
    var lines = Array.isArray(problem.excerpt) ? problem.excerpt : [];
    if (!lines.length) return null;
    var width = String(lines[lines.length - 1].line).length;
    var code = make("code");
    lines.forEach(function (line, index) {
      var here = index === lines.length - 1;
      var row = make("span", "preview-problems__line" + (here ? " preview-problems__line--here" : ""));
      row.appendChild(make("span", "preview-problems__number", String(line.line).padStart(width) + " | "));
      row.appendChild(document.createTextNode(String(line.text)));
      code.appendChild(row);
      code.appendChild(document.createTextNode("\n"));
    });
    var caret = make("span", "preview-problems__line");
    caret.setAttribute("aria-hidden", "true");
    caret.appendChild(make("span", "preview-problems__number", spaces(width) + " | "));
    caret.appendChild(document.createTextNode(spaces(problem.caret)));
    caret.appendChild(make("span", "preview-problems__caret", "^"));
    code.appendChild(caret);
    var pre = make("pre", "preview-problems__excerpt");
    pre.appendChild(code);
    return pre;
  }

  function item(problem) {
    var entry = make("li", "preview-problems__problem");
    var where = make("p", "preview-problems__where");
    where.appendChild(make("code", "", problem.file + ":" + problem.line + ":" + problem.column));
    entry.appendChild(where);
    if (problem.field) {
      var field = make("p", "preview-problems__field", word("preview_problem_field") + word("colon"));
      field.appendChild(make("code", "", problem.field));
      entry.appendChild(field);
    }
    entry.appendChild(make("p", "preview-problems__message", problem.message));
    if (problem.hint) {
      var hint = make("p", "preview-problems__hint");
      hint.appendChild(make("strong", "", word("preview_problem_hint") + word("colon")));
      hint.appendChild(document.createTextNode(String(problem.hint)));
      entry.appendChild(hint);
    }
    var lines = excerpt(problem);
    if (lines) entry.appendChild(lines);
    return entry;
  }

  function open(dialog) {
    try {
      dialog.showModal();
    } catch (error) {
      dialog.show();
    }
    // A line too long for the screen scrolls in its box, which the keyboard must reach.
    dialog.querySelectorAll(".preview-problems__excerpt").forEach(function (pre) {
      if (pre.scrollWidth > pre.clientWidth) pre.tabIndex = 0;
    });
  }

  function show(report) {
    var problems = report && Array.isArray(report.problems) ? report.problems : [];
    if (!problems.length) return shown(0);
    var dialog = make("dialog", "preview-problems");
    dialog.id = "preview-problems";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "preview-problems-title");
    dialog.setAttribute("aria-describedby", "preview-problems-intro");
    var head = make("div", "preview-problems__head");
    var title = make("h2", "preview-problems__title", word("preview_problems_title"));
    title.id = "preview-problems-title";
    var close = make("button", "preview-problems__close", word("preview_problems_close"));
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    head.appendChild(title);
    head.appendChild(close);
    dialog.appendChild(head);
    var intro = make("p", "preview-problems__intro", word("preview_problems_intro"));
    intro.id = "preview-problems-intro";
    dialog.appendChild(intro);
    var list = make("ol", "preview-problems__list");
    problems.forEach(function (problem) { list.appendChild(item(problem)); });
    dialog.appendChild(list);
    if (report.more > 0) {
      dialog.appendChild(make("p", "preview-problems__more", word("preview_problems_more").replace("{count}", String(report.more))));
    }
    // Closed, the overlay leaves a button to bring it back: the page is still out of date.
    var reopen = make("button", "preview-problems-reopen", word("preview_problems_reopen"));
    reopen.type = "button";
    reopen.hidden = true;
    reopen.addEventListener("click", function () {
      reopen.hidden = true;
      open(dialog);
    });
    dialog.addEventListener("close", function () { reopen.hidden = false; });
    document.body.appendChild(dialog);
    document.body.appendChild(reopen);
    open(dialog);
    shown(problems.length);
  }

  // How many problems the page shows, once it knows (what a test waits for).
  function shown(count) {
    document.documentElement.setAttribute("data-preview-problems", String(count));
  }

  fetch(source, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(show)
    .catch(function () { /* no problems file: nothing to show */ });
})();
