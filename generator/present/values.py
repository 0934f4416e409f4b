"""How values read on the page, in the briefing's language: dates at their
precision and numbers as the locale writes them (Babel), quantities in the
briefing's own units, source markers. Used by the templates as Jinja filters;
every function returns text that is safe inside generated Markdown."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.dates import format_datetime, format_interval, format_skeleton, format_time
from babel.numbers import format_decimal
from markupsafe import Markup

from generator.content.models import PartialDate, Quantity, Source, UnitFormat, When
from generator.core.inline import escape_text, plain_text
from generator.i18n.messages import Messages

APPROXIMATE_WORDS = {True: "quantity_about", "under": "quantity_under", "over": "quantity_over"}
"""The message that says how a quantity's `approximate` reads: `about 90`, `nearly 600`, `more than 3`."""


def locale_of(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


class Presenter:
    """Dates, numbers and quantities for one briefing's language and units."""

    def __init__(self, language: str, units: dict[str, UnitFormat], messages: Messages):
        self.locale = locale_of(language)
        self.units = units
        self.messages = messages
        self._dates: dict[tuple, str] = {}
        self._spans: dict[tuple, str] = {}

    def date(self, date: PartialDate) -> str:
        """`March 1, 2024`, `March 2024` or `1890`: never more precise than what is known.
        Each date is formatted once: a large briefing repeats its dates many times."""
        key = (date.year, date.month, date.day)
        text = self._dates.get(key)
        if text is None:
            text = self._dates[key] = (
                babel_date(date.earliest, "long", locale=self.locale)
                if date.day
                else format_skeleton("yMMMM", date.earliest, locale=self.locale)
                if date.month
                else str(date.year)
            )
        return text

    def span(self, when: When) -> str:
        """A date, or a range written as compactly as the language allows: `Mar 1 – 3, 2024`.
        Each range is written once: pages, embeds and tables show it again."""
        start, end = when.date, when.until
        if when.instant is not None:
            return self.messages.format("date_at_time", date=self.date(start), time=self.time_of_day(when.instant))
        if end is None or end == start:
            return self.date(start)
        key = (start.year, start.month, start.day, end.year, end.month, end.day)
        text = self._spans.get(key)
        if text is None:
            text = self._spans[key] = (
                format_interval(start.earliest, end.earliest, "yMMMd", locale=self.locale)
                if start.precision == end.precision == "day"
                else f"{self.date(start)} – {self.date(end)}"
            )
        return text

    def language_name(self, code: str) -> str:
        """A language as the site's language names it: `French`, `anglais`."""
        return locale_of(code).get_language_name(self.locale) or code

    def time_of_day(self, instant: dt.datetime) -> str:
        """`2:40 AM GMT`, `02:40 UTC+1`: the time as the language writes it, and its zone as
        readers know it where CLDR has a short name, else as its offset from UTC."""
        zone = format_datetime(instant, "z", tzinfo=instant.tzinfo, locale=self.locale)
        offset = re.fullmatch(r"([+-])(\d\d)(\d\d)", zone)
        if offset:
            sign, hours, minutes = offset.groups()
            zone = f"UTC{sign}{int(hours)}" + (f":{minutes}" if minutes != "00" else "") if (hours, minutes) != ("00", "00") else "UTC"
        return f"{format_time(instant, 'short', tzinfo=instant.tzinfo, locale=self.locale)} {zone}"

    def dated(self, when: When) -> dict:
        """The date, and where the editor supplied it, the articles' own words or how it was
        worked out: what `editor-date.md.j2` shows (the `when` filter)."""
        note = None
        if when.editor_supplied:
            note = (
                self.messages.format("editor_date_derived_short", how=when.derived)
                if when.derived
                else self.messages.format("editor_date", words=when.as_reported)
            )
        return {"date": self.span(when), "note": note}

    def number(self, value: float, decimals: int | None = None) -> str:
        if decimals is not None:  # prices: `1.60`, not `1.6`
            return format_decimal(value, format=f"#,##0.{'0' * decimals}" if decimals else "#,##0", locale=self.locale)
        return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def quantity(self, quantity: Quantity | None, *, before_noun: bool = False) -> str:
        """`5%`, `$4 billion`, `90 days` as the briefing's units show them (`90-minute`, before
        a noun, where the unit says how); a range `50–80 mm`, `up to 118 mph`, `at least 3`,
        `about 12,000`, in the words of the site's language."""
        if quantity is None:
            return "–"
        unit = self.units.get(quantity.unit)
        decimals = unit.decimals if unit else None
        if quantity.is_range:  # `50–80 mm`, `$4–5 billion`: the unit once
            number = self.messages.format("number_range", low=self.number(quantity.min, decimals), high=self.number(quantity.max, decimals))
        else:
            number = self.number(quantity.point, decimals)
        form = (unit.before_noun or unit.shown) if unit and before_noun else unit.shown if unit else None
        text = form.replace("{value}", number) if form else f"{number} {quantity.unit}"
        if quantity.is_bound:
            text = self.messages.format("quantity_up_to" if quantity.max is not None else "quantity_at_least", quantity=text)
        if quantity.approximate:
            return self.messages.format(APPROXIMATE_WORDS[quantity.approximate], quantity=text)
        return text

    def window(self, since: When, until: When | None, duration: Quantity | None) -> str:
        """When a measure applies: `Mar 1 – May 30, 2024 (90 days)`, `*` if the editor supplied a date."""
        if until is None:
            text = self.messages.format(f"from_{since.date.precision}", date=self.span(since))
        else:
            text = self.span(When(date=since.date, until=until.until or until.date))
        if since.editor_supplied or (until is not None and until.editor_supplied):
            text += "*"
        return f"{text} ({self.quantity(duration)})" if duration else text

    def editor_date_notes(self, dates: Sequence[When | None]) -> list[str]:
        """`March 1, 2024: date supplied by the editor; the articles say “last week”.`, once per
        date however many rows share it: the notes under a table stay short."""
        notes: list[str] = []
        for when in dates:
            if when is None or not when.editor_supplied:
                continue
            note = (
                self.messages.format("editor_date_note_derived", date=self.span(when), how=when.derived)
                if when.derived
                else self.messages.format("editor_date_note", date=self.span(when), words=when.as_reported)
            )
            if note not in notes:
                notes.append(note)
        return notes


class Credit(NamedTuple):
    """A source as a figure's source line names it."""

    number: int
    label: str
    link: Markup | None  # its entry on the Sources page: `sources.md#source-…`


class Citations:
    """Numbers each source by its place in `sources.yml` and writes one compact marker
    per fact: a button that opens, in place, the list of the sources that report it
    (a native popover: keyboard, touch and screen readers get it for free), each
    linked to its entry on the Sources page."""

    def __init__(
        self,
        sources: Sequence[Source],
        sources_page: str | None,
        messages: Messages,
        *,
        new_tab: bool = False,
        anchor: Callable[[Source], str] = lambda source: source.id,
    ):
        self.anchor_of = anchor  # a source's anchor on the Sources page, as the sources kind defines it
        self._number = {source.id: index for index, source in enumerate(sources, start=1)}
        self._source = {source.id: source for source in sources}
        self._page = sources_page
        self.messages = messages
        # On a page shown inside another site's frame, the sources open in a tab of their own.
        self._new_tab = new_tab
        self.used: set[str] = set()  # the sources cited since the last `reset()`
        self._markers = 0  # markers on the page so far: each popover's id is unique in it
        self._items: dict[tuple[str, str], dict] = {}  # (source id, target page) to its line in a popover, see `_item`
        self.render_marker: Callable[[dict], str] = lambda values: ""  # the template that lays a marker out, set by rendering
        self._headings: dict[int, Markup] = {}  # a marker's heading by how many sources it cites: made once each
        self._labels: dict[str, str] = {}  # each source's name, see `label`
        self._target = sources_page  # where the links go: "" on the Sources page itself

    def reset(self, page_file: str | None = None) -> None:
        """Before each page: `page_file` is the page's own file, so that on the Sources page
        a marker links to the entry on that page (`#source-…`) as both engines write it."""
        self.used = set()
        self._markers = 0
        self._target = "" if page_file is not None and page_file == self._page else self._page

    def listing(self) -> list[dict]:
        """The sources cited since the last reset, for the page footer that credits them."""
        return [
            {"number": self.number(source_id), "anchor": self.anchor(source_id), "label": self.label(source_id)}
            for source_id in sorted(self.used, key=self.number)
        ]

    def credits(self, source_ids) -> tuple[Credit, ...]:
        """These sources in number order, each numbered, named and linked to its entry on the
        Sources page, as the page's markers and its list of sources show them."""
        return tuple(
            Credit(self.number(source_id), self.label(source_id), Markup(f"{self._page}#{self.anchor(source_id)}") if self._page else None)
            for source_id in sorted(set(source_ids), key=self.number)
        )

    def number(self, source_id: str) -> int:
        return self._number[source_id]

    def label(self, source_id: str) -> str:
        """`Millbrook Gazette, “headline”`; where the article names no outlet or headline, what
        identifies it: the editor's `label`, else its kind, dateline and date. Each is made
        once: the tables name a source once per fact that cites it."""
        label = self._labels.get(source_id)
        if label is None:
            label = self._labels[source_id] = self._label(source_id)
        return label

    def _label(self, source_id: str) -> str:
        source = self._source[source_id]
        if source.outlet is None and source.headline is None:
            return plain_text(source.label) if source.label else described(source)
        outlet = _initial_capital(plain_text(source.label or source.kind)) if source.outlet is None else plain_text(source.outlet)
        headline = (
            (described(source, with_kind=False) or self.messages["no_headline"])
            if source.headline is None
            else f"{self.messages['quote_open']}{plain_text(source.headline)}{self.messages['quote_close']}"
        )
        return f"{outlet}, {headline}"

    def anchor(self, source_id: str) -> str:
        """The source's anchor on the Sources page, as the sources kind defines it."""
        return self.anchor_of(self._source[source_id])

    def reported_by(self, count: int) -> str:
        """`Reported by all five sources`, `Reported by two of the five sources`."""
        total = len(self._number)
        if total == 1:
            return self.messages["cite_only"]
        if count >= total:
            return self.messages["cite_both"] if total == 2 else self.messages.format("cite_all", total=self._count_word(total))
        return self.messages.format("cite_some", count=self._count_word(count), total=self._count_word(total))

    def _count_word(self, count: int) -> str:
        words = [word.strip() for word in self.messages["count_words"].split(",")]
        return words[count - 1] if 0 < count <= len(words) else str(count)

    @property
    def sole_source(self) -> bool:
        """A briefing of one article names it once on each page, not after every fact."""
        return len(self._number) == 1

    def __call__(self, source_ids: Sequence[str]) -> Markup:
        if not source_ids:  # a date the editor derived cites no article
            return Markup("")
        if self.sole_source:
            self.used.update(source_ids)
            return Markup("")
        cited = sorted(set(source_ids), key=self._number.__getitem__)  # as `number`, without a call of ours per source
        heading = self._headings.get(len(cited))
        if heading is None:
            heading = self._headings[len(cited)] = escape_text(self.reported_by(len(cited)))
        return self._marker(cited, heading, heading, [])

    def by_sentence(self, sentences: Sequence[tuple[str, Sequence[str]]], topic: str | None = None) -> Markup:
        """One marker for a paragraph of sentences (text, source ids): its popover gives each
        sentence's sources by number, then the sources once."""
        if len(sentences) == 1 or self.sole_source:
            return self([source_id for _, source_ids in sentences for source_id in source_ids])
        cited = sorted({source_id for _, source_ids in sentences for source_id in source_ids}, key=self.number)
        if not cited:
            return Markup("")
        heading = escape_text(self.messages["cite_by_sentence"])
        # Each paragraph's marker is told apart by its topic, for those who hear the page.
        name = escape_text(self.messages.format("cite_by_sentence_about", topic=plain_text(topic))) if topic else heading
        claims = [
            {"excerpt": escape_text(_excerpt(text)), "links": [self._number_link(source_id) for source_id in sorted(set(source_ids), key=self.number)]}
            for text, source_ids in sentences
            if source_ids
        ]
        return self._marker(cited, name, heading, claims)

    def _marker(self, cited: list[str], name: str, heading: str, claims: list[dict]) -> Markup:
        """The marker and its popover, laid out by the template `source-marker.md.j2`
        (`render_marker`, which rendering sets): here only what it shows."""
        self.used.update(cited)
        self._markers += 1
        values = {
            "popover": Markup(f"cite-{self._markers}"),
            "name": name,
            "heading": heading,
            "claims": claims,
            "items": [self._item(source_id) for source_id in cited],
            "new_tab": self._new_tab,
        }
        return Markup(self.render_marker(values))

    def _number_link(self, source_id: str) -> dict:
        number = self.number(source_id)
        title = escape_text(self.messages.format("source_item", number=number, label=self.label(source_id)))
        return {"number": number, "href": Markup(f"{self._target}#{self.anchor(source_id)}") if self._page else None, "title": title}

    def _item(self, source_id: str) -> dict:
        """One source's line in a popover, worked out once: a large briefing cites each source many times."""
        item = self._items.get((source_id, self._target))
        if item is None:
            label = escape_text(self.label(source_id))
            text = Markup(self.messages.format("source_item", number=self.number(source_id), label=label))
            item = self._items[source_id, self._target] = {"text": text, "href": Markup(f"{self._target}#{self.anchor(source_id)}") if self._page else None}
        return item


def _excerpt(text: str, words: int = 8) -> str:
    """`The leaders agreed to resume the trade talks, which…`: enough to find the sentence."""
    parts = plain_text(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def described(source: Source, *, with_kind: bool = True) -> str:
    """`News report, MILLBROOK`: an article by what it is, where no name is stated."""
    parts = [_initial_capital(plain_text(source.kind))] if with_kind else []
    parts += [plain_text(part) for part in (source.dateline,) if part]
    return ", ".join(parts)


def _initial_capital(text: str) -> str:
    """`News analysis`: a label starts as a sentence does (the rest as written: `CNBC`)."""
    return text[:1].upper() + text[1:]
