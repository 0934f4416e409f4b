"""The built site in a real browser: Debian's Chromium driven by Playwright, over the
site served on 127.0.0.1. Shared by tests/test_browser.py and `make screenshots`.

    python tests/browser.py [SITE_DIR] [OUT_DIR]

rewrites the README's two screenshots (default: site/ into assets/screenshots/).
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script by `make screenshots`
    sys.path.insert(0, str(ROOT))

from generator.check.briefing import load_content  # noqa: E402

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# No sandbox (containers, root), and none of Chromium's own calls home. Nothing but the
# local server is reached: every other address goes to a proxy that is not there (Chromium
# never proxies 127.0.0.1). The tests see each such request and fail on it; blocking them
# in Chromium, not by intercepting every request, keeps its cache and a third of a page
# load's time.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=http://127.0.0.1:9",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = ("light", "dark")  # prefers-color-scheme; mkdocs.yml picks the palette by it
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


def page_paths(content: Path = ROOT / "content") -> list[str]:
    """Every page of the briefing as a served path, in navigation order, then the 404 page."""
    return ["/" if page.slug == "index" else f"/{page.slug}/" for page in load_content(content).pages] + ["/404.html"]


def embed_paths(content: Path = ROOT / "content") -> list[str]:
    """The briefing's embed pages (a section's figure alone, for other sites) as served paths."""
    from generator.content.briefing import EMBED_PREFIX
    from generator.render.pages import render_pages

    return [f"/{name.removesuffix('.md')}/" for name in sorted(render_pages(load_content(content))) if name.startswith(EMBED_PREFIX) and name.endswith(".md")]


def slug(path: str) -> str:
    """A file-name-safe name for a served path: '/' -> 'index', '/players/' -> 'players'."""
    return path.strip("/").removesuffix(".html").replace("/", "-") or "index"


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def launch(playwright):
    """Debian's Chromium, headless (Playwright's own browser download needs the network)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


WAIT_MS = 180_000  # what a page is waited on for: minutes, for a machine busy with other work


def new_context(browser, scheme: str = "light", device: str = "desktop"):
    context = browser.new_context(
        viewport=DEVICES[device],
        color_scheme=scheme,
        device_scale_factor=1,
        is_mobile=device == "phone",
        has_touch=device == "phone",
        reduced_motion="reduce",
    )
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context


def settle(page) -> None:
    """Wait until Material has applied its palette and the fonts are ready."""
    page.wait_for_function("document.body.dataset.mdColorScheme !== undefined")
    page.evaluate("document.fonts.ready.then(() => true)")


# --- `make screenshots`: the README's two pictures ----------------------------------

README_SHOTS = (
    # (file, page, viewport, scheme): the overview on a desktop, the timeline on a phone in the dark
    ("overview-desktop.png", "/", {"width": 1280, "height": 720}, "light"),
    ("timeline-phone-dark.png", "/timeline/", PHONE, "dark"),
)


def readme_screenshots(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for filename, path, viewport, scheme in README_SHOTS:
                context = browser.new_context(
                    viewport=viewport,
                    color_scheme=scheme,
                    device_scale_factor=1,
                    is_mobile=viewport["width"] < 600,
                    has_touch=viewport["width"] < 600,
                    reduced_motion="reduce",
                )
                page = context.new_page()
                page.goto(base + path)
                settle(page)
                target = out / filename
                page.screenshot(path=str(target), type="png", animations="disabled", caret="hide")
                context.close()
                written.append(target)
        finally:
            browser.close()
    return written


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "assets" / "screenshots"
    if not (site / "index.html").is_file():
        print(f"{site} has no built site: run `make site` first", file=sys.stderr)
        return 1
    if not chromium_available():
        print(f"{CHROMIUM} is missing: `apt-get install chromium` (Debian) first", file=sys.stderr)
        return 1
    for path in readme_screenshots(site, out):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
