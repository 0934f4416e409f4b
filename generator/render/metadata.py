"""What search engines and link previews read about the briefing as a whole: a
schema.org `NewsArticle` on the home page that cites the briefing's sources."""

from __future__ import annotations

from generator.content.briefing import Content
from generator.core.inline import plain_text
from generator.render.feed import updates_of


def news_article(content: Content) -> dict:
    """schema.org NewsArticle for the home page, with a citation per source article."""
    updates = sorted(update.when.earliest for update in updates_of(content))
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": plain_text(content.briefing.title),
        "description": plain_text(content.briefing.standfirst),
        "inLanguage": content.briefing.language,
        "citation": [_citation(source) for source in content.sources],
    }
    if content.briefing.sides:
        article["about"] = [plain_text(side.name) for side in content.briefing.sides]
    if content.briefing.publisher:
        article["publisher"] = {"@type": "Organization", "name": plain_text(content.briefing.publisher)}
    if updates:
        article["datePublished"] = updates[0].isoformat()
        article["dateModified"] = updates[-1].isoformat()
    return article


def _citation(source) -> dict:
    work = {"@type": "NewsArticle"}
    if source.headline is not None:
        work["headline"] = plain_text(source.headline)
    if source.outlet is not None:
        work["publisher"] = {"@type": "Organization", "name": plain_text(source.outlet)}
    if source.byline is not None:
        work["author"] = {"@type": "Person", "name": plain_text(source.byline)}
    if source.url:
        work["url"] = source.url
    if source.published:
        work["datePublished"] = str(source.published)
    if source.language:
        work["inLanguage"] = source.language
    return work
