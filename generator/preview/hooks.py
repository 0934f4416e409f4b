"""MkDocs hooks of the live preview only (`make serve` adds them to the preview's
configuration; a production build never runs them): every page gets the problems
overlay's script and stylesheet, and the site serves the problems file the preview
writes beside the docs folder, so nothing of the overlay ever lands in the docs folder,
which production builds read too. They also make the server quick to follow an edit:
it looks for changed files every few hundredths of a second and watches the theme
overrides but not the installed theme's thousands of files (the site's own hooks,
`site/mkdocs_hooks.py`, keep the theme's compiled templates between rebuilds). The server
rebuilds only the pages that changed (`mkdocs serve --dirty`), and every page once a
template of the overrides changes.

MkDocs loads a hook by its file path, not as part of the package: this module imports
nothing of the generator."""

from __future__ import annotations

import hashlib
import logging
import sys
import types
from pathlib import Path

import jinja2
from mkdocs.structure.files import File

ASSETS = Path(__file__).with_name("assets")
OVERLAY_FILES = ("preview-overlay.js", "preview-overlay.css")
SERVED = "assets/preview"  # where the pages find the overlay; the script reads problems.json beside itself
PROBLEMS = "problems.json"
MAX_PROBLEMS_BYTES = 1_000_000  # the preview writes far less; a larger file is not its own
WATCH_SECONDS = 0.03  # how often the server looks for changed files (MkDocs: 0.5 s); the docs are a few dozen files
QUIET_SECONDS = 0.03  # a rebuild starts once files have stopped changing for this long (MkDocs: 0.1 s)


def problems_file(docs_dir: Path | str) -> Path:
    """Where the preview writes the content's problems: a folder of its own beside the
    docs folder, which the MkDocs server watches (a change there rebuilds and reloads)."""
    return Path(docs_dir).absolute().parent / "preview" / PROBLEMS


def on_config(config):
    _list_installed_theme_once(config.theme)
    _kept()["configuration"] = config.extra.get("preview", {}).get("version", "")  # of the configuration as read
    config.extra_css.append(f"{SERVED}/preview-overlay.css")
    config.extra_javascript.append(f"{SERVED}/preview-overlay.js")
    return config


def on_files(files, config):
    for name in OVERLAY_FILES:
        files.append(File.generated(config, f"{SERVED}/{name}", abs_src_path=str(ASSETS / name)))
    files.append(File.generated(config, f"{SERVED}/{PROBLEMS}", content=_problems(config)))
    if _overrides_changed(config.theme.custom_dir):
        for page in files.documentation_pages():
            page.is_modified = lambda: True  # each page shows the edited template
    else:
        for page in files.documentation_pages():
            page.is_modified = _modified(page)
    return files


def on_page_read_source(page, config):
    """Each page's Markdown read here, as MkDocs would read it, to remember what its HTML
    is made from (with the configuration)."""
    source = Path(page.file.abs_src_path).read_bytes()
    kept = _kept()
    kept.setdefault("built", {})[page.file.src_uri] = (_digest(source), kept.get("configuration"))
    return source.decode("utf-8-sig", errors="strict")


def _modified(file):
    """`--dirty` rebuilds a page whose Markdown is newer than its HTML. A save that lands
    while a rebuild reads the page, or a configuration written while one runs, leaves HTML
    newer than the Markdown yet made from the older one, for good. So a page is also
    rebuilt whenever its Markdown or the configuration differs from what its HTML was
    made from."""
    newer = file.is_modified
    answer: list[bool] = []  # one answer per build: MkDocs asks when it reads the page and again when it writes it

    def is_modified() -> bool:
        if not answer:
            answer.append(newer() or _kept().get("built", {}).get(file.src_uri) != (_digest_of(file.abs_src_path), _kept().get("configuration")))
        return answer[0]

    return is_modified


def _digest_of(path: str) -> str | None:
    try:
        return _digest(Path(path).read_bytes())
    except OSError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _kept() -> dict:
    """What the preview keeps from one rebuild to the next: in `sys.modules`, which outlives
    this module (MkDocs loads it afresh with each configuration)."""
    return sys.modules.setdefault(f"{__name__}-kept", types.ModuleType("kept")).__dict__


def _overrides_changed(custom_dir: str | None) -> bool:
    """Whether a file of the theme's overrides changed since the last build (never on the first)."""
    if not custom_dir:
        return False
    stamp = sorted((str(path), path.stat().st_mtime_ns) for path in Path(custom_dir).rglob("*") if path.is_file())
    kept = _kept()
    changed = kept.get("overrides", stamp) != stamp
    kept["overrides"] = stamp
    return changed


def _list_installed_theme_once(theme) -> None:
    """Each rebuild lists every file of the theme to find its static files: thousands
    in the installed theme (its icons), which the preview never changes. Its listing is
    kept, without the hidden files MkDocs never copies (`.icons/`, which templates include
    by name); the overrides folder is listed every time."""
    listings = _kept().setdefault("listings", {})
    custom = Path(theme.custom_dir).absolute() if theme.custom_dir else None
    make_env = theme.get_env

    def listed(folder: str) -> list[str]:
        if custom is not None and Path(folder).absolute() == custom:
            return jinja2.FileSystemLoader(folder).list_templates()
        if folder not in listings:
            listings[folder] = [name for name in jinja2.FileSystemLoader(folder).list_templates() if not name.startswith(".") and "/." not in name]
        return listings[folder]

    def get_env():
        env = make_env()
        env.loader.list_templates = lambda: sorted({name for folder in theme.dirs for name in listed(folder)})
        return env

    theme.get_env = get_env


class _NoDirtyBuildWarning(logging.Filter):
    """MkDocs warns at every `--dirty` rebuild that links may go stale. Not here: the
    preview marks every page changed whenever the navigation or the settings change."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyBuildWarning())


def on_serve(server, config, builder):
    """Follow edits sooner than MkDocs does by default. The theme's own overrides are
    watched (the preview does not pass `--watch-theme`, which would poll every file of
    the installed theme too)."""
    if config.theme.custom_dir:
        server.watch(config.theme.custom_dir)
    server.build_delay = QUIET_SECONDS
    observer = server.observer  # polling, as MkDocs sets it up; no public way to set its interval
    if hasattr(observer, "_timeout"):
        observer._timeout = WATCH_SECONDS  # for the folders watched from now on
        for emitter in observer.emitters:  # and those already watched
            emitter._timeout = WATCH_SECONDS
    return server


def _problems(config) -> bytes:
    """The problems file as the preview last wrote it; none before it has written one."""
    try:
        with problems_file(config.docs_dir).open("rb") as file:
            data = file.read(MAX_PROBLEMS_BYTES + 1)
    except OSError:
        return b'{"problems": [], "more": 0}'
    return data if len(data) <= MAX_PROBLEMS_BYTES else b'{"problems": [], "more": 0}'
