"""How long an edit takes to reach an open page of the live preview: `python -m
generator serve` on a copy of the real briefing, one of its pages open in headless
Chromium, one field of the copy's YAML edited at a time; each figure is the time from
the save to the page showing the new text (after the preview's own reload).

    python bench/preview.py [EDITS]

prints each figure and the median (bench/bench.py runs it as a section of `make bench`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
for folder in (ROOT, TESTS):  # run as a script too; tests/browser.py launches Chromium
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench.project import project_settings  # noqa: E402
from browser import chromium_available, launch  # noqa: E402

# The field edited, and the page that shows it: a player's role, on the Key players page.
EDITED_FILE = "players.yml"
EDITED_TEXT = 'role: "President of the United States, in his second term'
PAGE = "/players/"
STARTUP_SECONDS = 120  # the first generation and build, on a busy machine
EDIT_SECONDS = 30  # an edit that takes longer than this is not going to show


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _preview(content: Path, workdir: Path):
    """The preview of `content`, on a free port; yields its address. Its messages go to a log."""
    config, docs, _ = project_settings(workdir)
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "generator",
        "serve",
        "--content",
        str(content),
        "--docs",
        str(docs),
        "--config",
        str(config),
        "--address",
        f"127.0.0.1:{port}",
        "--no-archive",
    ]
    with (workdir / "serve.log").open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _shows(page, text: str) -> bool:
    try:
        return bool(page.evaluate("text => document.body !== null && document.body.textContent.includes(text)", text))
    except Exception:
        return False


def _wait_until_shown(page, text: str, seconds: float) -> float:
    """Poll the open page until it shows `text`; the time it took, from now."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if _shows(page, text):
            return time.perf_counter() - start
        time.sleep(0.01)
    raise SystemExit(f"the preview did not show {text!r} within {seconds:.0f} s")


BURST_SAVES = 20


def time_edits(edits: int = 8) -> tuple[list[float], float]:
    """Seconds from each save to the open page showing it, for `edits` one-field edits; and
    from the last of a burst of saves to the page showing it."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        workdir = Path(folder)
        content = workdir / "content"
        shutil.copytree(ROOT / "content", content)
        edited = content / EDITED_FILE
        original = edited.read_text(encoding="utf-8")
        if original.count(EDITED_TEXT) != 1:
            raise SystemExit(f"{EDITED_FILE} no longer has the field this bench edits: {EDITED_TEXT}")
        figures = []
        with _preview(content, workdir) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                page = browser.new_context().new_page()
                deadline = time.monotonic() + STARTUP_SECONDS
                while True:  # the server answers once its first build is done
                    try:
                        page.goto(base + PAGE)
                        if _shows(page, "second term"):
                            break
                    except Exception:
                        pass
                    if time.monotonic() > deadline:
                        raise SystemExit(f"the preview did not start within {STARTUP_SECONDS} s; see {workdir / 'serve.log'}")
                    time.sleep(0.5)
                page.wait_for_load_state("load")  # the live reload script starts polling on load
                for number in range(1, edits + 1):
                    time.sleep(1.0)  # a pause, as between an editor's saves
                    marker = f"edit number {number} of the bench"
                    edited.write_text(original.replace(EDITED_TEXT, f"{EDITED_TEXT}, {marker}"), encoding="utf-8")
                    figures.append(_wait_until_shown(page, marker, EDIT_SECONDS))
                # A burst: BURST_SAVES saves within one second, as an editor's auto-save makes
                # them; timed from the last save to the page showing it.
                time.sleep(1.0)
                for number in range(1, BURST_SAVES + 1):
                    marker = f"burst save {number} of the bench"
                    edited.write_text(original.replace(EDITED_TEXT, f"{EDITED_TEXT}, {marker}"), encoding="utf-8")
                    time.sleep(1.0 / BURST_SAVES)
                burst = _wait_until_shown(page, marker, EDIT_SECONDS) - 1.0 / BURST_SAVES
            finally:
                browser.close()
    return figures, max(burst, 0.0)


def report(timed: tuple[list[float], float]) -> tuple[float, float]:
    figures, burst = timed
    median = statistics.median(figures)
    print(f"{'edits':24} {len(figures):>8}")
    print(f"{'median':24} {median:>7.2f}s")
    print(f"{'each':24} " + " ".join(f"{figure:.2f}s" for figure in figures))
    print(f"{f'after {BURST_SAVES} saves in 1 s':24} {burst:>7.2f}s  (from the last save to the page showing it)")
    return median, burst


def main(argv: list[str]) -> int:
    if not chromium_available():
        print("Chromium is missing: `make chromium` first", file=sys.stderr)
        return 1
    report(time_edits(int(argv[0]) if argv else 8))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
