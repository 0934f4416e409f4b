"""`make serve`: the live preview follows edits to content/, and a content error
is printed while the last good version stays on screen. Pages whose Markdown
did not change are not rewritten, so the preview reloads only what changed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from browser import new_context
from conftest import ROOT, edit, settings_for
from generator.__main__ import preview_docs
from generator.content.briefing import BRIEFING_DATA
from generator.core.errors import Problem
from generator.pipeline import generate
from generator.preview.hooks import problems_file
from generator.preview.report import write_report
from pages import parse_html


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 300.0):
    """Until `condition` holds: a limit of minutes, for a machine busy with other work."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except OSError:
            pass
        time.sleep(0.25)
    raise AssertionError("the preview did not show the change in time")


def test_a_page_whose_markdown_did_not_change_is_not_rewritten(tiny_copy, tmp_path):
    settings = settings_for(tiny_copy, tmp_path)
    _, first = generate(settings)
    assert "players.md" in first
    _, second = generate(settings)
    assert second == []
    edit(tiny_copy / "players.yml", "Cast the deciding vote.", "Cast the casting vote.")
    _, third = generate(settings)
    assert [name for name in third if name.endswith(".md")] == ["players.md"]
    assert set(third) - {"players.md"} <= {BRIEFING_DATA}, "besides the page, only the briefing's data holds the fact"


def test_the_preview_follows_edits_and_keeps_the_last_good_version_on_errors(tiny_copy, tmp_path):
    """Run as `make serve` runs it, from the project's folder (here a temporary one), with
    the default folders: the preview's pages are its own, apart from `make site`'s."""
    settings = settings_for(tiny_copy, tmp_path)
    # An earlier session ended on a problem: this one does not take that problem for its own
    port = free_port()
    docs = tmp_path / preview_docs(tiny_copy, f"127.0.0.1:{port}")  # the preview's own folder, per briefing and port
    write_report(problems_file(docs), [Problem(tiny_copy / "quotes.yml", 1, 1, "", "old")], tiny_copy)
    url = f"http://127.0.0.1:{port}/players/"
    command = [sys.executable, "-m", "generator", "serve", "--content", str(tiny_copy), "--config", str(settings.config_file), "--address", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)})
    try:
        wait_for(lambda: "Cast the deciding vote." in fetch(url))
        assert (docs / "players.md").is_file()
        assert not (tmp_path / "build" / "docs").exists(), "a `make site` meanwhile builds from pages of its own"

        edit(tiny_copy / "players.yml", "Cast the deciding vote.", "Cast the casting vote.")
        wait_for(lambda: "Cast the casting vote." in fetch(url))

        # The header shows the briefing's title: it follows a title edit too.
        edit(tiny_copy / "briefing.yml", 'title: "Millbrook votes on its river bridge"', 'title: "Millbrook & Co vote on the bridge"')
        wait_for(lambda: parse_html(fetch(url)).find(cls="md-header__topic").text().strip() == "Millbrook & Co vote on the bridge")

        edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: nobody")
        edit(tiny_copy / "players.yml", "Cast the casting vote.", "Never shown.")
        time.sleep(2)  # the preview takes about 0.4 s to show an edit: time enough to have shown these, were it to
        page = fetch(url)
        assert "Cast the casting vote." in page and "Never shown." not in page

        edit(tiny_copy / "quotes.yml", "speaker: nobody", "speaker: mayor")  # fixed: the waiting edit shows
        wait_for(lambda: "Never shown." in fetch(url))
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=120)
    assert "unknown person 'nobody'" in errors
    assert "still showing the last good version" in errors
    assert errors.count("the content's problems are fixed") == 1, "said once: when the problem this session found was fixed"
    assert "A 'dirty' build" not in errors, "no warning the editor can do nothing about"
    assert "Traceback" not in errors


def test_an_edit_reaches_the_open_page_and_leaves_the_pages_it_does_not_affect_alone(browser, tiny_copy, tmp_path):
    """The page open in the browser reloads itself with the edit; only the page that shows
    the edited field is written again (the others' files keep their modification times)."""
    settings = settings_for(tiny_copy, tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/players/"
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--content",
        str(tiny_copy),
        "--docs",
        str(settings.docs_dir),
        "--config",
        str(settings.config_file),
        "--address",
        f"127.0.0.1:{port}",
    ]
    with (tmp_path / "serve.log").open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    context = new_context(browser)
    try:
        wait_for(lambda: "Cast the deciding vote." in fetch(url))
        page = context.new_page()
        page.goto(url, wait_until="load")  # the live reload starts listening once the page has loaded
        pages = sorted(settings.docs_dir.rglob("*.md"))
        assert len(pages) > 2
        before = {path: path.stat().st_mtime_ns for path in pages}

        edit(tiny_copy / "players.yml", "Cast the deciding vote.", "Cast the casting vote.")
        # Not navigated again: the open page shows the edit by reloading itself (a generous limit, not a timing test);
        # between the two documents there is no body yet.
        page.wait_for_function("text => document.body !== null && document.body.textContent.includes(text)", arg="Cast the casting vote.", timeout=180_000)
        assert "Cast the deciding vote." not in page.inner_text("article")

        rewritten = sorted(path.name for path in pages if path.stat().st_mtime_ns != before[path])
        assert rewritten == ["players.md"], "only the page showing the edited field is written again"
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=120)
