"""Where the articles disagree or err: each one's account, and what the briefing uses."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from generator.content.models import EditorWord, Id, Model, SourceIds, Text
from generator.kinds import Kind


class Account(Model):
    """What one or more sources say on a point where the sources differ."""

    text: Text
    sources: SourceIds


class Difference(Model):
    """One entry: a point the sources disagree or err on."""

    id: Id
    topic: Text
    accounts: Annotated[list[Account], Field(min_length=2)]
    briefing_uses: Text
    why: Text


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="differences",
    noun=EditorWord("kind_noun_difference"),
    template="differences.md.j2",
    entry=Difference,
    anchor=lambda difference, page=None: f"difference-{difference.id}",
    # A difference quotes every article's words on a fact: it holds a question's words as
    # the section that answers it does, and ranks below it.
    search_boost=0.5,
)
