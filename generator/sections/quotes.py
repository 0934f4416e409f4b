"""What was said, by speaker (a person of the people section) and in date order."""

from __future__ import annotations

from typing import Annotated, Literal

from markupsafe import Markup

from ..models import Id, Model, PersonRef, SourceIds, Text, VenueRef, Verbatim, When
from . import Context, Kind
from .timeline import in_date_order


class Quote(Model):
    """One entry: words a person said, exactly (`direct`) or in paraphrase."""

    id: Id
    speaker: PersonRef
    text: Annotated[Text, Verbatim()]
    kind: Literal["direct", "paraphrase"]
    context: Text
    when: When
    venue: VenueRef | None = None  # one of the briefing's `venues`, or `not stated`
    sources: SourceIds


def view(page, context: Context) -> dict:
    people = {person.id: person for person in context.content.entries("people")}
    by_speaker: dict[str, list] = {}
    for quote in in_date_order(page.entries):
        by_speaker.setdefault(quote.speaker, []).append(quote)
    order = [person_id for person_id in people if person_id in by_speaker]
    return {"speakers": [(people[speaker_id], by_speaker[speaker_id]) for speaker_id in order],
            "speaker_link": lambda person: _safe(context.links.entry("people", person))}


def _safe(link: str | None):
    """A link built from a page's file name and an id: safe in the page as it is."""
    return Markup(link) if link else None


KIND = Kind(name="quotes", template="quotes.md.j2", entry=Quote, view=view,
            anchor=lambda quote, page=None: f"quote-{quote.id}", groups={"speaker": lambda person_id: f"speaker-{person_id}"})
