"""Figures: a sourced table of single values (a storm's strongest gust, its rainfall, the
people evacuated), each with its unit, as a range or approximate where the articles give
it so. Every value is checked against the articles its row cites, as any fact's is."""

from __future__ import annotations

from pathlib import Path

from generator.content.models import EditorWord, Id, Model, Quantity, SourceIds, Text, When
from generator.kinds import Context, Kind, Row, Table, entry_rows
from generator.present import tables as cells


class Figure(Model):
    """One row: what is measured, its value, and when it held where the articles say."""

    id: Id
    label: Text  # what the value measures: "Strongest gust"
    value: Quantity
    when: When | None = None  # the day or span the value is for
    note: Text | None = None  # where or how it was measured, in a few words
    sources: SourceIds


OPTIONS = ("label_column", "value_column", "anchor")
"""Labels a briefing may give: the table's two first columns, and the anchors' prefix."""


def anchor(figure, page=None) -> str:
    """`figure-<id>`; a briefing may name the prefix (`options: {anchor: …}`)."""
    return f"{page.option('anchor', 'figure') if page else 'figure'}-{figure.id}"


def view(page, context: Context) -> dict:
    messages = context.messages
    return {
        "label_column": page.option("label_column", messages["figure_label_column"]),
        "value_column": page.option("value_column", messages["figure_value_column"]),
        "notes": context.present.editor_date_notes([figure.when for figure in page.entries]),
        "dated": any(figure.when for figure in page.entries),  # a column of dashes tells a reader nothing
    }


def coverage(page, context: Context) -> list[Row]:
    present, colon = context.present, context.messages["colon"]
    return entry_rows(page, context, lambda figure: f"{figure.label}{colon}{present.quantity(figure.value)}")


def tables(page, context: Context) -> list[Table]:
    label = context.citations.label
    rows = [
        (
            figure.id,
            cells.text(figure.label),
            *cells.quantity(figure.value),
            cells.iso(figure.when),
            cells.text(figure.note),
            *cells.sources(figure.sources, label),
        )
        for figure in page.entries
    ]
    return [Table("table", ("id", "label", *cells.quantity_columns("value"), "when", "note", *cells.SOURCE_COLUMNS), rows)]


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="figures",
    noun=EditorWord("kind_noun_figure"),
    template="figures.md.j2",
    entry=Figure,
    options=OPTIONS,
    name_options=("anchor",),
    view=view,
    anchor=anchor,
    coverage=coverage,
    tables=tables,
    search_boost=2,
)
