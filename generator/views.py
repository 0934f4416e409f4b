"""What each page shows, prepared in Python so the templates only lay it out:
entries in date order, grouped by year, side or speaker; the overview's figure
cards; the Sources page's coverage matrix and citation counts."""

from __future__ import annotations

import dataclasses
import itertools

from markupsafe import Markup

from .content import Content, entries_with_paths
from .inline import plain_text
from .present import NOT_STATED, Citations, editor_date_notes, format_date, format_quantity, format_span, format_window
from .references import references_in


def in_date_order(entries: list) -> list:
    """Oldest first; a stable sort, so entries of one date keep the editor's order."""
    return sorted(entries, key=lambda entry: entry.when.date.earliest)


def tariff_label(tariff, sides: dict) -> str:
    """`US tariffs on Chinese goods`."""
    return f"{sides[tariff.imposed_by].adjective} tariffs on {sides[tariff.on_goods_of].adjective} goods"


def page_context(content: Content, pages) -> dict:
    """What the templates need beyond the raw content: orderings and groupings."""
    sides = {side.id: side for side in content.briefing.sides}
    players = {player.id: player for player in content.players}
    timeline = in_date_order(content.timeline)
    quotes = in_date_order(content.quotes)
    citations = Citations(content.sources, "sources.md")
    quotes_of: dict[str, list] = {}  # speaker id to their quotes, in date order
    for quote in quotes:
        quotes_of.setdefault(quote.speaker, []).append(quote)
    return {
        "content": content,
        "briefing": content.briefing,
        "sides": sides,
        "players_by_side": [
            (side, [player for player in content.players if player.side == side.id])
            for side in content.briefing.sides
        ],
        "timeline_by_year": [(year, list(events)) for year, events in itertools.groupby(timeline, key=lambda event: event.when.date.year)],
        "quotes_by_speaker": [
            (players[speaker_id], quotes_of[speaker_id])
            for speaker_id in dict.fromkeys(player.id for player in content.players)
            if speaker_id in quotes_of
        ],
        "tariff_rows": [(tariff, tariff_label(tariff, sides), format_window(tariff.since, tariff.until, tariff.duration))
                        for tariff in content.tariffs],
        "tariff_notes": [
            note
            for tariff in content.tariffs
            for note in editor_date_notes(tariff_label(tariff, sides),
                                          {"from": tariff.since, "until": tariff.until})
        ],
        "figure_cards": _figure_cards(content),
        "coverage": _coverage(content),
        "updates": sorted(content.updates, key=lambda update: update.when.earliest, reverse=True),
        "source_numbers": {source.id: citations.number(source.id) for source in content.sources},
        "citation_counts": _citation_counts(content),
        "pages": {page.filename: page for page in pages},
        "not_stated": NOT_STATED,
    }


def _figure_cards(content: Content) -> list[dict]:
    """The overview's numbers at a glance: the editor's key figures, each tariff
    before → now, and the day the tariff window closes."""
    sides = {side.id: side for side in content.briefing.sides}
    cards = [{"value": format_quantity(figure.value), "label": figure.label, "sources": figure.sources, "note": None}
             for figure in content.briefing.key_figures]
    for tariff in content.tariffs:
        cards.append({
            "value": f"{format_quantity(tariff.rate_before)} → {format_quantity(tariff.rate_now)}",
            "label": f"{tariff_label(tariff, sides)}, before the truce and now",
            "sources": tariff.sources, "note": None,
        })
    closing = {}
    for tariff in content.tariffs:
        if tariff.until:
            closing.setdefault((tariff.until.date, tariff.duration), []).append(tariff)
    for (date, duration), tariffs in closing.items():
        until = tariffs[0].until
        window = f"{format_quantity(duration).replace(' days', '-day')} window" if duration else "tariff window"
        cards.append({
            "value": format_date(date), "label": f"the day the {window} closes",
            "sources": sorted({source for tariff in tariffs for source in tariff.sources}),
            "note": f"date supplied by the editor; the articles say “{until.as_reported}”" if until.editor_supplied else None,
        })
    return cards


def _short(text: str, words: int = 14) -> str:
    """The first words of a text, for a row label."""
    parts = plain_text(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


MATRIX_MAX_SOURCES = 12
"""Up to this many sources, who reports what is a matrix; beyond, a list (a matrix
of many sources is neither readable nor cheap: it grows as facts × sources)."""


def _coverage(content: Content) -> list[dict]:
    """The main facts down the side, the sources across the top: who reports what."""
    sides = {side.id: side for side in content.briefing.sides}
    as_matrix = len(content.sources) <= MATRIX_MAX_SOURCES
    rows = []

    def add(group: str, label: str, link: str, sources: list[str]):
        rows.append({"group": group, "label": label, "link": Markup(link),  # built from ids: safe as it is
                     "marks": [source.id in sources for source in content.sources] if as_matrix else None,
                     "sources": sources, "count": len(set(sources))})

    for takeaway in content.briefing.takeaways:
        add("Takeaway", _short(takeaway.text), "index.md", takeaway.sources)
    for tariff in content.tariffs:
        add("Tariff", f"{tariff_label(tariff, sides)}: {format_quantity(tariff.rate_before)} → {format_quantity(tariff.rate_now)}",
            "tariffs.md", tariff.sources)
    for event in in_date_order(content.timeline):
        add("Event", f"{format_span(event.when)}: {plain_text(event.title)}", f"timeline.md#event-{event.id}", event.sources)
    for issue in content.issues:
        add("Issue", plain_text(issue.title), f"issues.md#issue-{issue.id}", issue.sources)
    return rows


def _citation_counts(content: Content) -> dict[str, int]:
    """How many facts cite each source, shown on the Sources page."""
    counts = {source.id: 0 for source in content.sources}
    for field in dataclasses.fields(content):
        value = getattr(content, field.name)
        for _, model in entries_with_paths(value):
            for _, collection, source_id in references_in(model):
                if collection == "sources":
                    counts[source_id] += 1
    return counts
