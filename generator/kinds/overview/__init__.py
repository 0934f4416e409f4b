"""The home page: the story at a glance from `briefing.yml` (standfirst, key figures,
takeaways, what happens next), links to every other page, and the updates log
(its optional `file:`, e.g. `updates.yml`), which also feeds the Atom feed."""

from __future__ import annotations

from pathlib import Path

from generator.content.models import DateValue, Model, Text
from generator.kinds import Context, Kind, Row


class Update(Model):
    """One entry of the updates file: a dated change to the briefing."""

    when: DateValue
    text: Text


def view(page, context: Context) -> dict:
    content, present, messages = context.content, context.present, context.messages
    cards = figure_cards(context)
    return {
        "briefing": content.briefing,
        "figure_cards": cards,
        "card_columns": card_columns(len(cards)),
        "takeaways": by_topic(content.briefing.takeaways),
        "next_steps": by_topic(content.briefing.next_steps),
        "updates": sorted(page.entries, key=lambda update: update.when.earliest, reverse=True),
        "other_pages": [other for other in content.pages if other is not page],
        "as_of": messages.format("as_of", date=present.date(content.briefing.as_of)),
    }


def card_columns(count: int) -> dict[str, int]:
    """Columns for the figure cards that leave no hole in the grid: as wide as three or
    four fit, on a phone two, a whole row each time where the count allows."""
    wide = next((columns for columns in (3, 4, 2) if count % columns == 0), 3 if count > 4 else max(count, 1))
    narrow = 2 if count % 2 == 0 else 1
    return {"wide": min(wide, count) or 1, "narrow": narrow}


def by_topic(points) -> list[tuple[str | None, list]]:
    """Consecutive points that share a topic, as one paragraph each; a point without one stands alone."""
    groups: list[tuple[str | None, list]] = []
    for point in points:
        if point.topic and groups and groups[-1][0] == point.topic:
            groups[-1][1].append(point)
        else:
            groups.append((point.topic, [point]))
    return groups


def figure_cards(context: Context) -> list[dict]:
    """The numbers at a glance: the editor's key figures, each measure before → now,
    and the day a measure's window closes."""
    present, messages = context.present, context.messages
    cards = [
        {"value": present.quantity(figure.value), "label": figure.label, "sources": figure.sources, "note": None}
        for figure in context.content.briefing.key_figures
    ]
    measures = context.content.entries("measures")
    for page in context.content.pages:
        if page.kind.name != "measures":
            continue
        compare = page.option("compare", messages["compare"])
        for measure in page.entries:
            cards.append(
                {
                    "value": f"{present.quantity(measure.before)} → {present.quantity(measure.now)}",
                    "label": messages.format("before_and_now", label=measure.name, compare=compare),
                    "sources": measure.sources,
                    "note": None,
                }
            )
    closing: dict = {}
    for measure in measures:
        if measure.until:
            closing.setdefault((measure.until.date, measure.duration), []).append(measure)
    for (date, duration), group in closing.items():
        until = group[0].until
        window = messages.format("window_of", duration=present.quantity(duration, before_noun=True)) if duration else messages["window"]
        cards.append(
            {
                "value": present.date(date),
                "label": messages.format("window_closes", window=window),
                "sources": sorted({source for measure in group for source in measure.sources}),
                "note": (
                    messages.format("editor_date_derived_short", how=until.derived)
                    if until.derived
                    else messages.format("editor_date_card", words=until.as_reported)
                    if until.editor_supplied
                    else None
                ),
            }
        )
    return cards


def coverage(page, context: Context) -> list[Row]:
    return [
        Row(context.messages["coverage_takeaway"], _short(takeaway.text), page.filename, takeaway.sources) for takeaway in context.content.briefing.takeaways
    ]


def _short(text: str, words: int = 14) -> str:
    from generator.core.inline import plain_text

    parts = plain_text(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


KIND = Kind(templates=Path(__file__).parent, name="overview", template="overview.md.j2", entry=Update, file_required=False, view=view, coverage=coverage)
