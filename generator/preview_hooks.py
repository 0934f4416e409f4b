"""MkDocs hooks of the live preview only (`make serve` adds them to the preview's
configuration; a production build never runs them): every page gets the problems
overlay's script and stylesheet, and the site serves the problems file the preview
writes beside the docs folder, so nothing of the overlay ever lands in the docs folder,
which production builds read too.

MkDocs loads a hook by its file path, not as part of the package: this module imports
nothing of the generator."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).with_name("assets")
OVERLAY_FILES = ("preview-overlay.js", "preview-overlay.css")
SERVED = "assets/preview"  # where the pages find the overlay; the script reads problems.json beside itself
PROBLEMS = "problems.json"
MAX_PROBLEMS_BYTES = 1_000_000  # the preview writes far less; a larger file is not its own


def problems_file(docs_dir: Path | str) -> Path:
    """Where the preview writes the content's problems: a folder of its own beside the
    docs folder, which the MkDocs server watches (a change there rebuilds and reloads)."""
    return Path(docs_dir).absolute().parent / "preview" / PROBLEMS


def on_config(config):
    config.extra_css.append(f"{SERVED}/preview-overlay.css")
    config.extra_javascript.append(f"{SERVED}/preview-overlay.js")
    return config


def on_files(files, config):
    from mkdocs.structure.files import File

    for name in OVERLAY_FILES:
        files.append(File.generated(config, f"{SERVED}/{name}", abs_src_path=str(ASSETS / name)))
    files.append(File.generated(config, f"{SERVED}/{PROBLEMS}", content=_problems(config)))
    return files


def _problems(config) -> bytes:
    """The problems file as the preview last wrote it; none before it has written one."""
    try:
        with problems_file(config.docs_dir).open("rb") as file:
            data = file.read(MAX_PROBLEMS_BYTES + 1)
    except OSError:
        return b'{"problems": [], "more": 0}'
    return data if len(data) <= MAX_PROBLEMS_BYTES else b'{"problems": [], "more": 0}'
