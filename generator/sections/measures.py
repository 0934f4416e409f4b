"""Measures: quantities before and now (rates, limits, prices), as a table, a section
per measure, and a step chart of their history. Sides are optional: a measure may
say which side imposes it on which (`imposed_by`, `applied_to`)."""

from __future__ import annotations

import datetime as dt

from pydantic import model_validator

from ..models import EventRef, Id, Model, Quantity, SideRef, SourceIds, Text, When
from . import Context, Kind, Row


class Measure(Model):
    """One entry: a measure, as one row of the table."""

    id: Id
    name: Text  # how the table and the chart name it
    imposed_by: SideRef | None = None  # the side that imposes it
    applied_to: SideRef | None = None  # the side it applies to
    before: Quantity
    before_event: EventRef | None = None  # the timeline event that set the value before
    now: Quantity
    since: When
    duration: Quantity | None = None
    until: When | None = None
    covers: Text
    covers_value: Quantity | None = None
    sources: SourceIds

    @model_validator(mode="after")
    def _in_order(self) -> Measure:
        if self.until and self.until.date.earliest < self.since.date.earliest:
            raise ValueError(f"`until` ({self.until.date}) is before `since` ({self.since.date}); a measure ends after it starts")
        return self


OPTIONS = ("before", "now", "compare", "chart", "chart_title", "anchor")
"""Labels a briefing may give: the table's `before` and `now` columns, `compare` (the
overview's cards: `before the vote and now`), the chart's title, the anchors' prefix."""


def view(page, context: Context) -> dict:
    from ..chart import draw_step_chart

    present, messages = context.present, context.messages
    rows = [(measure, present.window(measure.since, measure.until, measure.duration)) for measure in page.entries]
    notes = [note for measure in page.entries
             for note in present.editor_date_notes(measure.name, {"from": measure.since, "until": measure.until})]
    chart = draw_step_chart(page, context, list(series(page, context))) if charted(page) else None
    # `covers` as a sentence, so the words after it start a new one.
    sentences = {measure.id: measure.covers if measure.covers.rstrip().endswith((".", "!", "?", "…")) else f"{measure.covers}."
                 for measure in page.entries}
    return {"rows": rows, "notes": notes, "chart": chart, "sentences": sentences,
            "before_label": page.option("before", messages["before_column"]), "now_label": page.option("now", messages["now_column"])}


def charted(page) -> bool:
    """A chart only where it tells something true: the measures share one unit (one axis)
    and have a history to draw. `options: {chart: "no"}` leaves it out."""
    units = {measure.now.unit for measure in page.entries} | {measure.before.unit for measure in page.entries}
    return (page.option("chart", "yes") != "no" and len(units) == 1
            and any(measure.before_event or measure.until for measure in page.entries))


def series(page, context: Context):
    """Per measure: its name, the event that set its earlier value (if any), and the
    (date, value, labelled, scheduled) points of its step line."""
    events = {event.id: event for event in context.content.entries("timeline")}
    as_of = context.content.briefing.as_of.earliest
    for measure in page.entries:
        before = events.get(measure.before_event)
        points = []
        if before:
            points.append((before.when.date.earliest, measure.before.value, True))
            # Hold the old value until the day before the change: a step, not a slope.
            points.append((max(measure.since.date.earliest - dt.timedelta(days=1), before.when.date.earliest), measure.before.value, False))
        points.append((measure.since.date.earliest, measure.now.value, True))
        if measure.until:
            points.append((measure.until.date.earliest, measure.now.value, True))
        yield measure, before, points, as_of


def coverage(page, context: Context) -> list[Row]:
    present = context.present
    return [Row(page.title, f"{measure.name}{context.messages['colon']}{present.quantity(measure.before)} → {present.quantity(measure.now)}",
                page.filename, measure.sources) for measure in page.entries]


def anchor(measure, page=None) -> str:
    """`measure-<id>`; a briefing may name the prefix (`options: {anchor: …}`) to keep old links working."""
    return f"{page.option('anchor', 'measure') if page else 'measure'}-{measure.id}"


KIND = Kind(name="measures", template="measures.md.j2", entry=Measure, options=OPTIONS, view=view, coverage=coverage,
            search_boost=2, anchor=anchor)
