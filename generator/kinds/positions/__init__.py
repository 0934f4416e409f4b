"""The sticking points: each one's summary and where each side stands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from generator.content.models import EditorWord, Id, Model, SideRef, SourceIds, Text
from generator.core.inline import plain_text
from generator.kinds import Context, Kind, Row, Sentence, entry_rows


class Position(Model):
    side: SideRef
    text: Text
    sources: SourceIds


class Issue(Model):
    """One entry: a sticking point and each side's position on it."""

    id: Id
    title: Text
    summary: Text
    positions: Annotated[list[Position], Field(min_length=1)]
    sources: SourceIds


def view(page, context: Context) -> dict:
    # One marker an issue, after its summary: its popover gives the summary's and each side's sources.
    sentences = {issue.id: [Sentence(issue.summary, issue.sources), *issue.positions] for issue in page.entries}
    return {"sides": {side.id: side for side in context.content.briefing.sides}, "sentences": sentences}


def coverage(page, context: Context) -> list[Row]:

    return entry_rows(page, context, lambda issue: plain_text(issue.title))


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="positions",
    noun=EditorWord("kind_noun_issue"),
    template="positions.md.j2",
    entry=Issue,
    view=view,
    coverage=coverage,
    anchor=lambda issue, page=None: f"issue-{issue.id}",
)
