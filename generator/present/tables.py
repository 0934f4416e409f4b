"""The data behind a page's tables, timeline and chart as CSV files, for readers to take
away ("Get the data"): RFC 4180 (Python's csv module: CRLF line ends, quoted where a
cell needs it), UTF-8 without a byte-order mark, a header row of stable machine names
(the content's own field names where there is one: `before_value`, `since`), dates in
ISO 8601 (`2024-03`, a range `2024-03-01/2024-03-03`) and numbers raw, their unit in a
column of its own.

The text comes from editors' YAML and may be hostile. A spreadsheet reads a cell that
starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, which can run
commands or send the sheet's data elsewhere (`=HYPERLINK(…)`); such a text cell is
written with a leading apostrophe, as OWASP advises, so it opens as the text it is.
Numbers are written by the generator, not typed, and stay numbers (`-5`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.content.models import When
from generator.core.inline import plain_text

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = "; "  # between the ids, or the labels, of a fact's sources in one cell


@dataclass(frozen=True)
class Row:
    """One fact in the sources table: what it is, where it stands, who reports it."""

    group: str
    label: str
    link: str
    sources: list[str]


@dataclass(frozen=True)
class Table:
    """The data behind a table, timeline or chart of a page, as a reader downloads it:
    column names are stable machine names (the content's own field names where there
    is one), so a script written for one briefing reads another, in any language."""

    name: str  # what it holds ("table", "chart", "events"): its file is data/<page slug>-<name>.csv
    columns: tuple[str, ...]
    rows: list[tuple]  # text, numbers (raw, unformatted), booleans or None, column by column


def csv_text(table: Table) -> str:
    """The table as the text of a CSV file: its header row, then a row per entry."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        if len(row) != len(table.columns):
            raise ValueError(f"a row of the '{table.name}' table has {len(row)} cells for {len(table.columns)} columns")
        writer.writerow([cell(value) for value in row])
    return out.getvalue()


def cell(value: object) -> str:
    """One value as a CSV cell: a number raw (`145`, `1.6`), a boolean `true`/`false`,
    nothing as an empty cell, and text neutralised against spreadsheet formulas."""
    if type(value) is str:  # most cells: asked first
        return neutralised(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return neutralised(str(value))


def neutralised(text: str) -> str:
    """Text a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


# --- cells the kinds share ------------------------------------------------------------


def iso(when: When | None) -> str | None:
    """A date as ISO 8601, as precise as the content: `2024`, `2024-03-01`, a range
    `2024-03-01/2024-03-03`, a moment with its offset `2025-11-04T02:40+00:00`."""
    if when is None:
        return None
    if when.instant is not None:
        return when.instant.isoformat(timespec="minutes")
    return f"{when.date}/{when.until}" if when.until and when.until != when.date else str(when.date)


def text(value: str | None) -> str | None:
    """An editor's text as words, its inline Markdown taken out (`*spring*` is `spring`);
    `null` (an article that does not say) is an empty cell."""
    return None if value is None else plain_text(value)


def sources(ids: Sequence[str], label: Callable[[str], str]) -> tuple[str, str]:
    """A fact's sources, two cells: their ids (the machine key, also in briefing.json) and
    how the site names them, each list joined by `; ` (an id never holds one)."""
    return SEPARATOR.join(ids), SEPARATOR.join(label(source_id) for source_id in ids)


SOURCE_COLUMNS = ("source_ids", "source_labels")

QUANTITY_CELLS = ("value", "min", "max", "approximate", "unit")
"""A quantity's columns, each a field of the content: a range keeps its two ends, and
`approximate` is `true`, `under`, `over` or `false`."""


def quantity_columns(name: str) -> tuple[str, ...]:
    """The columns of a quantity named `name`: `before_value`, `before_min`, …"""
    return tuple(f"{name}_{cell}" for cell in QUANTITY_CELLS)


def quantity(value) -> tuple:
    """A quantity's cells, in the order of `QUANTITY_CELLS`; empty cells where there is none."""
    return tuple(getattr(value, cell) for cell in QUANTITY_CELLS) if value else (None,) * len(QUANTITY_CELLS)
