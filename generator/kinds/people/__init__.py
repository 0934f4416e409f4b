"""People and institutions: who they are and what they did, grouped by side where
the briefing has sides."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from generator.content.models import EditorWord, Id, Model, SideRef, SourceIds, Statement, Text
from generator.core.inline import plain_text
from generator.kinds import Context, Kind, Sentence


class Person(Model):
    """One entry: a person or an institution."""

    id: Id
    name: Text
    role: Text
    side: SideRef | None = None
    kind: Literal["person", "institution"]
    why: Statement | None = None  # one line on why they matter to the story, under the role
    actions: Annotated[list[Statement], Field(min_length=1)]
    sources: SourceIds


def view(page, context: Context) -> dict:
    sides = context.content.briefing.sides
    groups = [(side.id, side.name, [person for person in page.entries if person.side == side.id]) for side in sides]
    others = [person for person in page.entries if person.side is None]
    if others:
        groups.append(("others", context.messages["people_without_side"] if sides else None, others))
    # One marker a person, after the line on why they matter (else the role): its popover
    # gives the role's, that line's and each action's sources.
    sentences = {person.id: [Sentence(person.role, person.sources), *([person.why] if person.why else []), *person.actions] for person in page.entries}
    return {"groups": [group for group in groups if group[2]], "sentences": sentences}


def names(person: Person) -> list[str]:
    """What an article calls them: the whole name, and a person's surname alone ("Lindqvist")."""
    name = plain_text(person.name)
    return [name, name.split()[-1]] if person.kind == "person" and " " in name else [name]


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="people",
    template="people.md.j2",
    entry=Person,
    view=view,
    search_boost=2,
    anchor=lambda person, page=None: f"player-{person.id}",
    noun=EditorWord("kind_noun_person"),
    stylesheet=Path(__file__).parent / "people.css",
    names=names,
)
