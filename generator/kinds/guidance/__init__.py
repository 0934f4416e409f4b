"""Guidance: what readers should do or know (boil the water, keep off the seafront),
each item sourced and attributed to whoever gives the advice, with markers and checks
like any fact: the briefing relays advice, it does not give its own."""

from __future__ import annotations

from pathlib import Path

from generator.content.models import EditorWord, Id, Model, SourceIds, Text
from generator.core.inline import plain_text
from generator.kinds import Context, Kind, Row, entry_rows


class Advice(Model):
    """One item: the advice as a sentence, and who gives it, as the articles report."""

    id: Id
    text: Text  # "Boil tap water before drinking it until further notice."
    advised_by: Text | None  # "the regional council"; written `null` where the articles do not say, never left out
    sources: SourceIds


def anchor(advice, page=None) -> str:
    return f"advice-{advice.id}"


def view(page, context: Context) -> dict:
    """The items grouped by who gives them, in the order each first appears, and those
    whose adviser the articles do not name last: a reader sees whose advice it is before
    reading it."""
    groups: dict[str | None, list[Advice]] = {}
    for advice in page.entries:
        groups.setdefault(advice.advised_by, []).append(advice)
    return {"groups": sorted(groups.items(), key=lambda group: group[0] is None)}


def coverage(page, context: Context) -> list[Row]:
    return entry_rows(page, context, lambda advice: plain_text(advice.text))


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="guidance",
    noun=EditorWord("kind_noun_advice"),
    template="guidance.md.j2",
    entry=Advice,
    view=view,
    anchor=anchor,
    coverage=coverage,
    search_boost=2,
)
