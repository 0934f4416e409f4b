"""An Atom feed of the briefing's updates log, so readers can follow the story.

Links are relative to the feed's own address, as Atom allows, so the feed
needs no knowledge of where the site is published; dates come from the
content, never the clock, so the same content always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from html import escape as _escape_html

from generator.content.briefing import Content
from generator.core.inline import plain_text

# Characters XML 1.0 does not allow at all: a feed holding one is refused by every reader.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an XML element's content (the loader refuses control characters already)."""
    return _NOT_XML.sub("\ufffd", _escape_html(text, quote=False))


def _slug(text: str) -> str:
    """`villeneuve-double-son-reseau`: accents dropped, any script kept as a hash."""
    ascii_text = unicodedata.normalize("NFKD", plain_text(text)).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or hashlib.sha256(text.encode()).hexdigest()[:12]


def updates_of(content: Content) -> list:
    """The updates log: the entries of the home page, where its kind keeps them."""
    home = content.home if content.pages else None
    return list(home.entries) if home is not None and home.kind.home else []


def atom_feed(content: Content, present, messages) -> str:
    updates = sorted(enumerate(updates_of(content)), key=lambda item: (item[1].when.earliest, item[0]), reverse=True)
    feed_id = f"urn:briefing:{_slug(content.briefing.title)}"
    newest = updates[0][1].when.earliest.isoformat() if updates else content.briefing.as_of.earliest.isoformat()
    title = escape(plain_text(content.briefing.title))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{escape(content.briefing.language)}">',
        f"  <title>{title}</title>",
        f"  <subtitle>{escape(plain_text(content.briefing.standfirst))}</subtitle>",
        f"  <id>{feed_id}</id>",
        f"  <updated>{newest}T00:00:00Z</updated>",
        '  <link rel="alternate" type="text/html" href="./"/>',
        '  <link rel="self" type="application/atom+xml" href="feed.xml"/>',
        f"  <author><name>{escape(plain_text(content.briefing.publisher)) if content.briefing.publisher else title}</name></author>",
    ]
    for index, update in updates:
        text = plain_text(update.text)
        words = text.split()
        headline = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        lines += [
            "  <entry>",
            f"    <title>{escape(present.date(update.when))}{escape(messages['colon'])}{escape(headline)}</title>",
            f"    <id>{feed_id}:update:{update.when}:{index}</id>",
            f"    <updated>{update.when.earliest.isoformat()}T00:00:00Z</updated>",
            '    <link rel="alternate" type="text/html" href="./#updates"/>',
            f'    <content type="text">{escape(text)}</content>',
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
