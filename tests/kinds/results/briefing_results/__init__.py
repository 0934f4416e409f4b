"""The `results` kind: each party's share of the vote and its seats, as a bar chart and a
table, every row with the articles that report it. Everything about the kind is here:
its entry model, its view, its template, its words and its stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from generator.content.models import Id, Model, Quantity, SourceIds, Text
from generator.core.inline import plain_text
from generator.kinds import Context, Kind, Row

HERE = Path(__file__).parent


class Result(Model):
    """One party's result."""

    id: Id
    party: Text
    share: Quantity  # of the votes cast: `{value: 41.2, unit: percent}`
    seats: Annotated[int, Field(ge=0)] | None = None
    sources: SourceIds


def anchor(result: Result, page=None) -> str:
    return f"result-{result.id}"


def view(page, context: Context) -> dict:
    """The rows, largest share first, each bar as wide as its share of the largest."""
    results = sorted(page.entries, key=lambda result: -result.share.value)
    largest = max((result.share.value for result in results), default=0) or 1
    rows = [
        {
            "result": result,
            "anchor": anchor(result),
            "share": context.present.quantity(result.share),
            "width": round(100 * max(result.share.value, 0) / largest, 1),
        }
        for result in results
    ]
    return {"rows": rows}


def coverage(page, context: Context) -> list[Row]:
    return [Row(page.title, plain_text(result.party), context.links.on(page, result), result.sources) for result in page.entries]


KIND = Kind(
    name="results",
    template="results.md.j2",
    entry=Result,
    view=view,
    anchor=anchor,
    coverage=coverage,
    templates=HERE / "templates",
    messages=HERE / "messages",
    stylesheet=HERE / "results.css",
)
