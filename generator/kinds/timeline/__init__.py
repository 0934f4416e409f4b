"""Dated events, sorted by date and grouped by year."""

from __future__ import annotations

import itertools
from pathlib import Path

from pydantic import model_validator

from generator.content.models import EditorWord, Id, Model, SourceRef, Text, When, in_date_order
from generator.core.editor import say
from generator.core.inline import plain_text
from generator.kinds import Context, Embed, Kind, Row, Table, entry_rows
from generator.present import tables as cells


class Event(Model):
    """One entry: something that happened, when."""

    id: Id
    when: When
    title: Text
    detail: Text | None = None
    sources: list[SourceRef] = []  # may be empty only for a date the editor derived (`when.derived`)

    @model_validator(mode="after")
    def _sourced(self) -> Event:
        if not self.sources and not self.when.derived:
            raise ValueError(say("kind_event_unsourced"))
        return self


def view(page, context: Context) -> dict:
    events = in_date_order(page.entries)
    scheduled = {event.id for event in events if context.content.still_to_come(event.when)}
    legend = {
        "reported": any(not event.when.editor_supplied and event.id not in scheduled for event in events),
        "editor_date": any(event.when.editor_supplied for event in events),
        "scheduled": bool(scheduled),
    }
    return {
        "years": [(year, list(group)) for year, group in itertools.groupby(events, key=lambda event: event.when.date.year)],
        "scheduled": scheduled,
        "legend": legend,
    }


def coverage(page, context: Context) -> list[Row]:

    colon = context.messages["colon"]
    return entry_rows(page, context, lambda event: f"{context.present.span(event.when)}{colon}{plain_text(event.title)}", in_date_order(page.entries))


def tables(page, context: Context) -> list[Table]:
    """The events in date order, as the page shows them."""

    rows = [
        (
            event.id,
            cells.iso(event.when),
            cells.text(event.title),
            cells.text(event.detail),
            event.when.editor_supplied,
            cells.text(event.when.as_reported),
            cells.text(event.when.derived),
            *cells.sources(event.sources, context.citations.label),
        )
        for event in in_date_order(page.entries)
    ]
    return [Table("events", ("id", "date", "title", "detail", "editor_supplied", "as_reported", "derived", *cells.SOURCE_COLUMNS), rows)]


# Search ranks the dated events as it ranks the people and the measures: they are the
# story's facts, where a question asking "when" finds its answer.
KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="timeline",
    template="timeline.md.j2",
    entry=Event,
    view=view,
    coverage=coverage,
    search_boost=2,
    anchor=lambda event, page=None: f"event-{event.id}",
    tables=tables,
    embed=Embed("timeline-embed.md.j2", height=650),
    noun=EditorWord("kind_noun_event"),
)
