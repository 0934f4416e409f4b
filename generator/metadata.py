"""What search engines and link previews read: each page's title and
description, and on the home page a schema.org `NewsArticle` that cites the
briefing's sources."""

from __future__ import annotations

from .content import Content
from .inline import plain_text
from .present import NOT_STATED


def page_description(content: Content, page_title: str, summary: str) -> str:
    return f"{page_title} — {summary} From the briefing “{plain_text(content.briefing.title)}”."


def news_article(content: Content) -> dict:
    """schema.org NewsArticle for the home page, with a citation per source article."""
    updates = sorted(update.when.earliest for update in content.updates)
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": plain_text(content.briefing.title),
        "description": plain_text(content.briefing.standfirst),
        "about": [side.name for side in content.briefing.sides],
        "citation": [_citation(source) for source in content.sources],
    }
    if updates:
        article["datePublished"] = updates[0].isoformat()
        article["dateModified"] = updates[-1].isoformat()
    return article


def _citation(source) -> dict:
    work = {"@type": "NewsArticle"}
    if source.headline != NOT_STATED:
        work["headline"] = plain_text(source.headline)
    if source.outlet != NOT_STATED:
        work["publisher"] = {"@type": "Organization", "name": plain_text(source.outlet)}
    if source.byline != NOT_STATED:
        work["author"] = {"@type": "Person", "name": plain_text(source.byline)}
    return work
