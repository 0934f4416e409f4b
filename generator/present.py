"""How values read on the page: dates at their precision, quantities with
their units, source markers. Used by the templates as Jinja filters; every
function returns text that is safe inside generated Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .inline import escape_text, plain_text
from .models import PartialDate, Quantity, Source, When

NOT_STATED = "not stated"  # what an editor writes where an article does not say

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


def format_date(date: PartialDate) -> str:
    """`5 June 2025`, `April 2025` or `2017`: never more precise than what is known."""
    if date.day:
        return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    if date.month:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return str(date.year)


def format_span(when: When) -> str:
    """A date, or a range written as compactly as English allows: `10–12 April 2025`."""
    start, end = when.date, when.until
    if end is None or end == start:
        return format_date(start)
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year and start.precision == "day" and end.precision == "day":
        return f"{start.day} {MONTHS[start.month - 1]} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def format_when(when: When) -> Markup:
    """The date, and where the editor supplied it, the articles' own words beside it."""
    text = escape_text(format_span(when))
    if when.editor_supplied:
        note = escape_text(f"editor-supplied date; the articles say “{when.as_reported}”")
        text += Markup(f' <small class="editor-date">({note})</small>')
    return text


def format_quantity(quantity: Quantity | None) -> str:
    """`145%`, `$300 billion`, `90 days`, with its qualifier: `approximately $300 billion`."""
    if quantity is None:
        return "–"
    number = f"{quantity.value:,.0f}" if float(quantity.value).is_integer() else f"{quantity.value:,}"
    text = {
        "percent": f"{number}%",
        "USD": f"${number}",
        "billion USD": f"${number} billion",
    }.get(quantity.unit, f"{number} {quantity.unit}")
    return f"{quantity.qualifier} {text}" if quantity.qualifier else text


class Citations:
    """Numbers each source by its place in `sources.yml` and writes compact markers
    that link to the source's entry on the Sources page."""

    def __init__(self, sources: Sequence[Source], sources_page: str):
        self._number = {source.id: index for index, source in enumerate(sources, start=1)}
        self._source = {source.id: source for source in sources}
        self._page = sources_page
        self.used: set[str] = set()  # the sources cited since the last `reset()`
        self._links: dict[str, str] = {}  # source id to its marker link, see `_link`

    def reset(self) -> None:
        self.used = set()

    def listing(self) -> list[dict]:
        """The sources cited since the last reset, for the page footer that credits them."""
        return [
            {"number": self.number(source_id), "anchor": self.anchor(source_id), "label": self.label(source_id)}
            for source_id in sorted(self.used, key=self.number)
        ]

    def number(self, source_id: str) -> int:
        return self._number[source_id]

    def label(self, source_id: str) -> str:
        """`Newslooks: headline`, saying so where the article names no outlet or headline."""
        source = self._source[source_id]
        outlet = "Outlet not stated" if source.outlet == NOT_STATED else plain_text(source.outlet)
        headline = "no headline" if source.headline == NOT_STATED else f"“{plain_text(source.headline)}”"
        return f"{outlet}, {headline}"

    def anchor(self, source_id: str) -> str:
        return f"source-{source_id}"

    def __call__(self, source_ids: Sequence[str]) -> Markup:
        self.used.update(source_ids)
        links = ", ".join(self._link(source_id) for source_id in sorted(set(source_ids), key=self.number))
        return Markup(f'<sup class="cite"><span class="sr-only">Sources: </span>{links}</sup>')

    def _link(self, source_id: str) -> str:
        """The marker link to one source, made once: a large briefing cites each source many times."""
        link = self._links.get(source_id)
        if link is None:
            title = escape_text(f"Source {self.number(source_id)}: {self.label(source_id)}")
            link = self._links[source_id] = f'[{self.number(source_id)}]({self._page}#{self.anchor(source_id)} "{title}")'
        return link


def format_window(since: When, until: When | None, duration: Quantity | None) -> str:
    """When a measure applies: `14 May – 12 August 2025 (90 days)`, `*` if the editor supplied a date."""
    if until is None:
        text = f"from {format_span(since)}"
    else:
        text = format_span(When(date=since.date, until=until.until or until.date))
    if since.editor_supplied or (until is not None and until.editor_supplied):
        text += "*"
    return f"{text} ({format_quantity(duration)})" if duration else text


def editor_date_notes(label: str, dates: dict[str, When | None]) -> list[str]:
    """`US tariff: start date supplied by the editor; the articles say “mid-May”`, one per such date."""
    return [
        f"{label}, {name} {format_span(when)}: date supplied by the editor; the articles say “{when.as_reported}”."
        for name, when in dates.items() if when is not None and when.editor_supplied
    ]
