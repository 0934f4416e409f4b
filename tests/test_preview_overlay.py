"""`make serve` shows the content's problems over every page of the preview, in a real
browser (Debian's Chromium, as tests/test_browser.py drives it): each problem's file,
line, column and field, its message and the hint to fix it, and the lines it is on with a
caret under the column; text from the content shown as text, never run; readable in light
and dark and on a 375 px phone; gone once the content is valid again. A production build
carries none of it.

The browser test is skipped without Chromium, except under CI=true (see tests/test_browser.py)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from test_preview import fetch, free_port, wait_for

from browser import new_context
from conftest import ROOT, TINY_CONTENT, edit, settings_for
from generator.core.errors import Problem
from generator.pipeline import build
from generator.preview.hooks import problems_file
from generator.preview.report import LINE_WINDOW, MAX_PROBLEMS, report, write_report

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HOSTILE = "<img src=x onerror=alert(1)>"


@contextlib.contextmanager
def preview(content: Path, workdir: Path):
    """`briefing serve` on the briefing at `content`, on a free port; yields its address."""
    settings = settings_for(content, workdir)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--content",
        str(content),
        "--docs",
        str(settings.docs_dir),
        "--config",
        str(settings.config_file),
        "--address",
        f"127.0.0.1:{port}",
    ]
    with (workdir / "serve.log").open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=120)


def problems_shown(page, count: int):
    """Wait until the page has read the preview's problems and shows `count` of them."""
    page.wait_for_selector(f"html[data-preview-problems='{count}']", timeout=180_000)


def overlay(page) -> dict:
    """The overlay as a reader sees it: its words, and each problem's parts."""
    return page.evaluate("""() => {
        const dialog = document.getElementById('preview-problems');
        const text = (root, selector) => { const found = root.querySelector(selector); return found ? found.textContent : null; };
        return {
            open: dialog.open, role: dialog.getAttribute('role'),
            name: document.getElementById(dialog.getAttribute('aria-labelledby')).textContent,
            focused: document.activeElement.textContent,
            html_elements: [...dialog.querySelectorAll('img, script, iframe, a, svg')].length,
            problems: [...dialog.querySelectorAll('.preview-problems__problem')].map(item => ({
                where: text(item, '.preview-problems__where'), field: text(item, '.preview-problems__field'),
                message: text(item, '.preview-problems__message'), hint: text(item, '.preview-problems__hint'),
                lines: [...item.querySelectorAll('.preview-problems__excerpt .preview-problems__line')].map(line => line.textContent),
            })),
        };
    }""")


def overlay_showing(page, text: str) -> dict:
    """The overlay once it shows `text`. An edit may reload the page twice (the content
    changed, then the problems file): a reading cut short by a reload is taken again."""
    for _ in range(5):
        try:
            page.wait_for_function("text => document.getElementById('preview-problems')?.textContent.includes(text)", arg=text, timeout=180_000)
            return overlay(page)
        except PlaywrightError as error:
            if "context was destroyed" not in str(error):
                raise
    raise AssertionError(f"the page kept reloading before its overlay showed {text!r}")


def caret_offset(page, word: str) -> float:
    """How far, in CSS pixels, the caret stands from the first letter of `word` in the
    problem's line, as painted (0: right under it)."""
    return page.evaluate(
        """word => {
        const left = (node, offset) => { const range = document.createRange(); range.setStart(node, offset);
                                         range.setEnd(node, offset + 1); return range.getBoundingClientRect().left; };
        const line = document.querySelector('.preview-problems__line--here');
        const text = [...line.childNodes].find(node => node.nodeType === Node.TEXT_NODE && node.textContent.includes(word));
        const caret = document.querySelector('.preview-problems__caret').firstChild;
        return left(caret, 0) - left(text, text.textContent.indexOf(word));
    }""",
        word,
    )


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    result = Axe().run(page, context="#preview-problems", options=options).response
    return [f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes'][:3]]}" for violation in result["violations"]]


def test_the_preview_shows_the_contents_problems_over_every_page_until_they_are_fixed(browser, tiny_copy, tmp_path):
    alerts = []
    with preview(tiny_copy, tmp_path) as base:
        wait_for(lambda: "Cast the deciding vote." in fetch(f"{base}/players/"))
        context = new_context(browser, "light", "desktop")
        page = context.new_page()
        page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
        page.goto(f"{base}/quotes/")
        problems_shown(page, 0)
        assert page.locator("#preview-problems").count() == 0, "valid content: no overlay"

        # A typo in a field: the page reloads with the overlay on it.
        line = edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: myaor")
        column = (tiny_copy / "quotes.yml").read_text(encoding="utf-8").splitlines()[line - 1].index("myaor") + 1
        problems_shown(page, 1)
        shown = overlay(page)
        assert shown["open"] and shown["role"] == "alertdialog" and shown["name"] == "The content has problems"
        assert shown["focused"] == "Close", "the close button has the focus"
        [problem] = shown["problems"]
        assert problem["where"] == f"quotes.yml:{line}:{column}"
        assert problem["field"].startswith("Field: quotes[") and problem["field"].endswith("].speaker")
        assert problem["message"] == "unknown person 'myaor'"
        assert problem["hint"] == "How to fix it: did you mean 'mayor'?"
        assert problem["lines"][-2].endswith("speaker: myaor"), "the problem's line, after the lines before it"
        assert problem["lines"][-3].startswith(f"{line - 1} | "), "numbered as in the file"
        assert problem["lines"][-1].rstrip().endswith("^")
        assert abs(caret_offset(page, "myaor")) < 1, "the caret stands under the column"

        # Every page of the preview shows it, the page that is not there too.
        for path in ("/", "/players/", "/embed.timeline/", "/no-such-page/"):
            page.goto(base + path)
            problems_shown(page, 1)
            assert overlay(page)["problems"][0]["where"] == f"quotes.yml:{line}:{column}", path

        # Closed, it leaves a button that brings it back; Escape closes it too.
        page.get_by_role("button", name="Close").click()
        assert not page.locator("#preview-problems").is_visible()
        page.get_by_role("button", name="Show the content's problems").click()
        assert page.locator("#preview-problems").is_visible()
        page.keyboard.press("Escape")
        assert not page.locator("#preview-problems").is_visible()

        # A hostile value is shown as the text it is, and nothing of it runs.
        page.goto(f"{base}/quotes/")
        problems_shown(page, 1)
        edit(tiny_copy / "quotes.yml", "speaker: myaor", f'speaker: "{HOSTILE}"')
        shown = overlay_showing(page, HOSTILE)
        assert HOSTILE in shown["problems"][0]["message"] and HOSTILE in shown["problems"][0]["lines"][-2]
        assert shown["html_elements"] == 0 and not alerts

        # Readable in light and dark, and it fits a phone.
        for scheme in ("light", "dark"):
            phone = new_context(browser, scheme, "phone").new_page()
            phone.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
            phone.goto(f"{base}/players/")
            problems_shown(phone, 1)
            box = phone.locator("#preview-problems").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, f"{scheme}: the overlay is wider than the phone"
            assert phone.evaluate("document.documentElement.scrollWidth") <= 375, f"{scheme}: the page scrolls sideways"
            violations = axe_violations(phone)
            assert not violations, f"{scheme}: axe finds\n" + "\n".join(violations)
            phone.context.close()

        # Fixed: the page reloads without the overlay.
        edit(tiny_copy / "quotes.yml", f'speaker: "{HOSTILE}"', "speaker: mayor")
        problems_shown(page, 0)
        assert page.locator("#preview-problems").count() == 0
        assert not alerts
        context.close()


def test_a_production_build_carries_no_overlay_and_no_problems(tmp_path):
    settings = settings_for(TINY_CONTENT, tmp_path)
    # A preview that saw a problem left its file beside the docs folder: the build ignores it.
    write_report(
        problems_file(settings.docs_dir), [Problem(settings.content_dir / "quotes.yml", 3, 12, "quotes[x].speaker", "wrong; fix it")], settings.content_dir
    )
    build(settings)
    built = [path for path in settings.site_dir.rglob("*") if path.is_file()]
    assert any(path.name == "index.html" for path in built)
    assert not [path for path in built if "preview" in path.name or path.name == "problems.json"]
    for page in (path for path in built if path.suffix == ".html"):
        html = page.read_text(encoding="utf-8")
        assert "preview-overlay" not in html and "__briefing_preview" not in html, page


def test_the_problems_file_stays_small_whatever_the_content(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    long_line = "x" * 5000 + "\u202e" + "y" * 5000
    (content / "quotes.yml").write_text(f"- id: a\n  text: {long_line}\n", encoding="utf-8")
    column = len("  text: ") + 5001  # the override
    problems = [Problem(content / "quotes.yml", 2, column, f"quotes[{index}].text", "not allowed; delete it") for index in range(MAX_PROBLEMS + 7)]
    written = report(problems, content)
    assert len(written["problems"]) == MAX_PROBLEMS and written["more"] == 7
    [_, here] = written["problems"][0]["excerpt"]
    assert len(here["text"]) <= LINE_WINDOW + 10, "a window of the line, not all of it"
    assert "\u202e" not in here["text"] and "\\u202e" in here["text"], "shown escaped, as the terminal shows it"
    assert here["text"][written["problems"][0]["caret"] :].startswith("\\u202e"), "the caret under the character"
    assert len(json.dumps(written)) < 60 * (3 * LINE_WINDOW + 200)
