"""The home page: the story at a glance from `briefing.yml` (standfirst, key figures,
takeaways, what happens next), links to every other page, and the updates log
(its optional `file:`, e.g. `updates.yml`), which also feeds the Atom feed."""

from __future__ import annotations

from pathlib import Path

from generator.content.models import DateValue, EditorWord, Model, Text
from generator.core.inline import plain_text
from generator.kinds import Context, Kind, Row, figure_cards

GLANCE_TAKEAWAYS = 3  # what a phone's first screen holds beside the headline, the standfirst and the figures
LEAD_FIGURES = 4


class Update(Model):
    """One entry of the updates file: a dated change to the briefing."""

    when: DateValue
    text: Text


def view(page, context: Context) -> dict:
    content, present, messages = context.content, context.present, context.messages
    # The first figures lead the page, set large; the rest follow further down.
    cards = figure_cards(context)
    lead, more = cards[:LEAD_FIGURES], cards[LEAD_FIGURES:]
    takeaways = by_topic(content.briefing.takeaways)
    updates = sorted(page.entries, key=lambda update: update.when.earliest, reverse=True)
    return {
        "briefing": content.briefing,
        "lead_cards": lead,
        "more_cards": more,
        # At a glance: the first point of each of the first three topics, so that the three span the
        # story; a briefing with no more takeaways than that shows them all as they are.
        "glance": [(topic, points[0]) for topic, points in takeaways[:GLANCE_TAKEAWAYS]] if len(content.briefing.takeaways) > GLANCE_TAKEAWAYS else [],
        "takeaways": takeaways,
        "next_steps": by_topic(content.briefing.next_steps),
        "updates": updates,
        "last_updated": updates[0].when if updates else None,
        "other_pages": [other for other in content.pages if other is not page],
        # The date the briefing stands at, unless its last update says the same day.
        "as_of": messages.format("as_of", date=present.date(content.briefing.as_of)) if not updates or updates[0].when != content.briefing.as_of else "",
    }


def by_topic(points) -> list[tuple[str | None, list]]:
    """Consecutive points that share a topic, as one paragraph each; a point without one stands alone."""
    groups: list[tuple[str | None, list]] = []
    for point in points:
        if point.topic and groups and groups[-1][0] == point.topic:
            groups[-1][1].append(point)
        else:
            groups.append((point.topic, [point]))
    return groups


def coverage(page, context: Context) -> list[Row]:
    return [
        Row(context.messages["coverage_takeaway"], _short(takeaway.text), page.filename, takeaway.sources) for takeaway in context.content.briefing.takeaways
    ]


def _short(text: str, words: int = 14) -> str:

    parts = plain_text(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="overview",
    template="overview.md.j2",
    entry=Update,
    file_required=False,
    view=view,
    coverage=coverage,
    home=True,
    noun=EditorWord("kind_noun_update"),
)
