"""A free page: Markdown the editor writes (`file: background.md`), for what the other
kinds do not cover. Headings, paragraphs, lists, quotes, code and inline Markdown
work; raw HTML and attribute syntax show as typed, as in every YAML text."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from generator.core.inline import PAGE_LINK, markdown_blocks
from generator.kinds import Context, Kind


def view(page, context: Context) -> dict:
    """Headings stay Markdown headings (the table of contents and anchors list them);
    the blocks between them are HTML, written out safely, with links to other pages
    of the briefing (`timeline.md#event-vote`) turned into their addresses."""
    here = page.slug

    def resolve(href: str) -> str:
        match = PAGE_LINK.match(href)
        if not match:
            return href
        target = "" if match["slug"] == "index" else f"{match['slug']}/"
        return ("" if here == "index" else "../") + (target or ("./" if here == "index" else "")) + (match["anchor"] or "")

    # A heading one level below the page's title (its `#`), at most the sixth.
    parts = [(min(level + 1, 6), Markup(html)) if level else (None, Markup(html.strip())) for level, html in markdown_blocks(page.entries, resolve)]
    return {"parts": parts}


KIND = Kind(templates=Path(__file__).parent, messages=Path(__file__).parent / "messages", name="page", template="page.md.j2", reads="markdown", view=view)
