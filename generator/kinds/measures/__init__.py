"""Measures: quantities before and now (rates, limits, prices), as a table, a section
per measure, and a step chart of their history. Sides are optional: a measure may
say which side imposes it on which (`imposed_by`, `applied_to`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import field_validator, model_validator

from generator.content.models import EditorWord, Id, Model, Quantity, RefTo, SideRef, SourceIds, Text, When
from generator.core.editor import say
from generator.kinds import Card, Context, Embed, Kind, Row, Table
from generator.present import tables as cells
from generator.present.chart import draw_step_chart

EventRef = Annotated[Id, RefTo("timeline")]  # the event of a timeline section that set a value


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

    @field_validator("before", "now")
    @classmethod
    def _one_number(cls, quantity: Quantity) -> Quantity:
        if quantity.is_range:
            raise ValueError(say("kind_measure_range", min=f"{quantity.min:g}", max=f"{quantity.max:g}"))
        return quantity

    @model_validator(mode="after")
    def _in_order(self) -> Measure:
        if self.until and self.until.date.earliest < self.since.date.earliest:
            raise ValueError(say("kind_measure_until_before_since", until=self.until.date, since=self.since.date))
        return self


OPTIONS = ("before", "now", "compare", "chart", "chart_title", "chart_unit", "anchor")
"""Labels a briefing may give: the table's `before` and `now` columns, `compare` (the
overview's cards: `before the vote and now`), the chart's title and the line under it
that names its unit (`Rate, in percent`), the anchors' prefix."""


def view(page, context: Context) -> dict:

    present, messages = context.present, context.messages
    rows = [(measure, present.window(measure.since, measure.until, measure.duration)) for measure in page.entries]
    notes = present.editor_date_notes([when for measure in page.entries for when in (measure.since, measure.until)])
    chart = draw_step_chart(page, context, histories(page, context)) if charted(page) else None
    # `covers` as a sentence, so the words after it start a new one.
    sentences = {measure.id: measure.covers if measure.covers.rstrip().endswith((".", "!", "?", "…")) else f"{measure.covers}." for measure in page.entries}
    return {
        "rows": rows,
        "notes": notes,
        "chart": chart,
        "sentences": sentences,
        "before_label": page.option("before", messages["before_column"]),
        "now_label": page.option("now", messages["now_column"]),
    }


def charted(page) -> bool:
    """A chart only where it tells something true: the measures share one unit (one axis)
    and have a history to draw. `options: {chart: "no"}` leaves it out."""
    units = {measure.now.unit for measure in page.entries} | {measure.before.unit for measure in page.entries}
    return page.option("chart", "yes") != "no" and len(units) == 1 and any(measure.before_event or measure.until for measure in page.entries)


def histories(page, context: Context) -> list[tuple]:
    """Per measure, the timeline event that set its earlier value (None where none did):
    what the chart draws and its data lists."""
    events = {event.id: event for event in context.content.entries("timeline")}
    return [(measure, events.get(measure.before_event)) for measure in page.entries]


def cards(page, context: Context) -> list[Card]:
    """What the home page shows of these measures at a glance: each one before → now, and
    the day each window closes (measures that close together, one card)."""
    present, messages = context.present, context.messages
    compare = page.option("compare", messages["compare"])
    offered = [
        Card(
            f"{present.quantity(measure.before)} → {present.quantity(measure.now)}",
            messages.format("before_and_now", label=measure.name, compare=compare),
            measure.sources,
        )
        for measure in page.entries
    ]
    closing: dict = {}
    for measure in page.entries:
        if measure.until:
            closing.setdefault((measure.until.date, measure.duration), []).append(measure)
    for (date, duration), group in closing.items():
        until = group[0].until
        window = messages.format("window_of", duration=present.quantity(duration, before_noun=True)) if duration else messages["window"]
        note = (
            messages.format("editor_date_derived_short", how=until.derived)
            if until.derived
            else messages.format("editor_date_card", words=until.as_reported)
            if until.editor_supplied
            else None
        )
        offered.append(
            Card(present.date(date), messages.format("window_closes", window=window), sorted({source for measure in group for source in measure.sources}), note)
        )
    return offered


def coverage(page, context: Context) -> list[Row]:
    present = context.present
    return [
        Row(
            page.title,
            f"{measure.name}{context.messages['colon']}{present.quantity(measure.before)} → {present.quantity(measure.now)}",
            page.filename,
            measure.sources,
        )
        for measure in page.entries
    ]


def anchor(measure, page=None) -> str:
    """`measure-<id>`; a briefing may name the prefix (`options: {anchor: …}`) to keep old links working."""
    return f"{page.option('anchor', 'measure') if page else 'measure'}-{measure.id}"


def tables(page, context: Context) -> list[Table]:
    """The table's rows, and the chart's points where it is drawn."""

    label, present = context.citations.label, context.present
    rows = [
        (
            measure.id,
            cells.text(measure.name),
            measure.imposed_by,
            measure.applied_to,
            *cells.quantity(measure.before),
            measure.before_event,
            *cells.quantity(measure.now),
            cells.iso(measure.since),
            cells.iso(measure.until),
            *cells.quantity(measure.duration),
            cells.text(measure.covers),
            *cells.quantity(measure.covers_value),
            " ".join(present.editor_date_notes([measure.since, measure.until])) or None,
            *cells.sources(measure.sources, label),
        )
        for measure in page.entries
    ]
    found = [
        Table(
            "table",
            (
                "id",
                "name",
                "imposed_by",
                "applied_to",
                *cells.quantity_columns("before"),
                "before_event",
                *cells.quantity_columns("now"),
                "since",
                "until",
                *cells.quantity_columns("duration"),
                "covers",
                *cells.quantity_columns("covers"),
                "date_notes",
                *cells.SOURCE_COLUMNS,
            ),
            rows,
        )
    ]
    if charted(page):
        found.append(Table("chart", ("measure_id", "measure", "point", "date", "value", "unit", "scheduled"), list(chart_points(page, context))))
    return found


def chart_points(page, context: Context):
    """The points the chart draws, a row each: per measure, its value before (from the
    timeline event that set it), from `since`, and to `until`; `scheduled` where the
    date is after the briefing's own."""

    for measure, before in histories(page, context):
        points = [("before_event", before.when, measure.before)] if before else []
        points += [("since", measure.since, measure.now)] + ([("until", measure.until, measure.now)] if measure.until else [])
        for name, when, quantity in points:
            yield (measure.id, cells.text(measure.name), name, cells.iso(when), quantity.point, quantity.unit, context.content.still_to_come(when))


def embed_view(page, view: dict) -> dict | None:
    """The chart alone, where there is one; it names its own sources."""
    return {**view, "title": view["chart"].title, "credits": []} if view["chart"] else None


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="measures",
    template="measures.md.j2",
    entry=Measure,
    options=OPTIONS,
    name_options=("anchor",),
    view=view,
    coverage=coverage,
    search_boost=2,
    anchor=anchor,
    tables=tables,
    embed=Embed("chart-embed.md.j2", height=920, view=embed_view),
    cards=cards,
    noun=EditorWord("kind_noun_measure"),
)
