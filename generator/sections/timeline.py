"""Dated events, sorted by date and grouped by year."""

from __future__ import annotations

import itertools

from pydantic import model_validator

from ..models import Id, Model, SourceRef, Text, When
from . import Context, Kind, Row


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
            raise ValueError("`sources` is missing: name the articles that report the event "
                             "(only a date the editor derived, with `when.derived`, may cite none)")
        return self


def in_date_order(entries: list) -> list:
    """Oldest first; a stable sort, so entries of one date keep the editor's order."""
    return sorted(entries, key=lambda entry: entry.when.date.earliest)


def view(page, context: Context) -> dict:
    events = in_date_order(page.entries)
    return {"years": [(year, list(group)) for year, group in itertools.groupby(events, key=lambda event: event.when.date.year)]}


def coverage(page, context: Context) -> list[Row]:
    from ..inline import plain_text

    return [Row(page.title, f"{context.present.span(event.when)}{context.messages['colon']}{plain_text(event.title)}",
                f"{page.filename}#{KIND.anchor(event, page)}", event.sources) for event in in_date_order(page.entries)]


KIND = Kind(name="timeline", template="timeline.md.j2", entry=Event, view=view, coverage=coverage,
            anchor=lambda event, page=None: f"event-{event.id}", groups={"year": lambda year: f"year-{year}"})
