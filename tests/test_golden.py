"""The pages as they were: the real briefing and the tiny test briefing, built, compared
with snapshots of their pages (each page's title and article, normalised) committed in
`tests/golden/`. A change to the generator that changes no page on purpose must change
none of them; a change that does updates the snapshots in the same commit, with
`make golden`, so the diff shows every page it changed."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import REAL_CONTENT, TINY_CONTENT

GOLDEN = Path(__file__).parent / "golden"
BRIEFINGS = {"real": REAL_CONTENT, "tiny": TINY_CONTENT}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def normalised(html: str) -> str:
    """A page's title and article, one tag a line, without what changes from build to
    build for no reader (the theme's hashed asset names)."""
    document = LexborHTMLParser(html)
    title = document.css_first("title")
    article = document.css_first("article")
    text = f"<title>{title.text() if title else ''}</title>\n{article.html if article else ''}"
    text = re.sub(r"\.[0-9a-f]{8}\.min\.(css|js)", r".min.\1", text)
    text = re.sub(r">\s+<", ">\n<", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def pages_of(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): normalised(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("index.html"))}


@pytest.mark.parametrize("name", BRIEFINGS)
def test_every_page_is_as_its_snapshot(built, name):
    pages = pages_of(built(BRIEFINGS[name]).site)
    folder = GOLDEN / name
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.html"):
            old.unlink()
        for page, text in pages.items():
            (folder / (page.replace("/", "__") or "index.html")).write_text(text, encoding="utf-8")
    snapshots = {path.name.replace("__", "/"): path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.html"))}
    assert sorted(snapshots) == sorted(pages), "pages added or gone: run `make golden` if that is on purpose"
    changed = {
        page: "".join(difflib.unified_diff(snapshots[page].splitlines(True), text.splitlines(True), "snapshot", "built", n=1))
        for page, text in pages.items()
        if snapshots[page] != text
    }
    assert not changed, "pages changed (run `make golden` if on purpose):\n" + "\n".join(f"{page}:\n{diff[:3000]}" for page, diff in changed.items())
