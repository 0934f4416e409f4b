"""How values read on the page, in the briefing's language: dates at their
precision and numbers as the locale writes them (Babel), quantities in the
briefing's own units, source markers. Used by the templates as Jinja filters;
every function returns text that is safe inside generated Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.dates import format_interval, format_skeleton
from babel.numbers import format_decimal
from markupsafe import Markup

from .inline import escape_text, plain_text
from .messages import Messages
from .models import PartialDate, Quantity, Source, UnitFormat, When

NOT_STATED = "not stated"  # what an editor writes where an article does not say


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

    def date(self, date: PartialDate) -> str:
        """`March 1, 2024`, `March 2024` or `1890`: never more precise than what is known.
        Each date is formatted once: a large briefing repeats its dates many times."""
        key = (date.year, date.month, date.day)
        text = self._dates.get(key)
        if text is None:
            text = self._dates[key] = (babel_date(date.earliest, "long", locale=self.locale) if date.day
                                       else format_skeleton("yMMMM", date.earliest, locale=self.locale) if date.month
                                       else str(date.year))
        return text

    def span(self, when: When) -> str:
        """A date, or a range written as compactly as the language allows: `Mar 1 – 3, 2024`."""
        start, end = when.date, when.until
        if end is None or end == start:
            return self.date(start)
        if start.precision == end.precision == "day":
            return format_interval(start.earliest, end.earliest, "yMMMd", locale=self.locale)
        return f"{self.date(start)} – {self.date(end)}"

    def when(self, when: When) -> Markup:
        """The date, and where the editor supplied it, the articles' own words beside it."""
        text = escape_text(self.span(when))
        if when.editor_supplied:
            note = escape_text(self.messages.format("editor_date_derived_short", how=when.derived) if when.derived
                               else self.messages.format("editor_date", words=when.as_reported))
            text += Markup(f' <small class="editor-date">({note})</small>')
        return text

    def number(self, value: float, decimals: int | None = None) -> str:
        if decimals is not None:  # prices: `1.60`, not `1.6`
            return format_decimal(value, format=f"#,##0.{'0' * decimals}" if decimals else "#,##0", locale=self.locale)
        return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def quantity(self, quantity: Quantity | None, *, before_noun: bool = False) -> str:
        """`5%`, `$4 billion`, `90 days` as the briefing's units show them, with the qualifier
        (`90-minute`, before a noun, where the unit says how)."""
        if quantity is None:
            return "–"
        unit = self.units.get(quantity.unit)
        number = self.number(quantity.value, unit.decimals if unit else None)
        form = (unit.before_noun or unit.shown) if unit and before_noun else unit.shown if unit else None
        text = form.replace("{value}", number) if form else f"{number} {quantity.unit}"
        return f"{quantity.qualifier} {text}" if quantity.qualifier else text

    def window(self, since: When, until: When | None, duration: Quantity | None) -> str:
        """When a measure applies: `Mar 1 – May 30, 2024 (90 days)`, `*` if the editor supplied a date."""
        if until is None:
            text = self.messages.format(f"from_{since.date.precision}", date=self.span(since))
        else:
            text = self.span(When(date=since.date, until=until.until or until.date))
        if since.editor_supplied or (until is not None and until.editor_supplied):
            text += "*"
        return f"{text} ({self.quantity(duration)})" if duration else text

    def editor_date_notes(self, label: str, dates: dict[str, When | None]) -> list[str]:
        """`Bridge toll, from March 1, 2024: date supplied by the editor; the articles say “last week”.`"""
        return [
            self.messages.format("editor_date_note_derived", label=label, name=self.messages[f"date_{name}"], date=self.span(when), how=when.derived)
            if when.derived else
            self.messages.format("editor_date_note", label=label, name=self.messages[f"date_{name}"], date=self.span(when), words=when.as_reported)
            for name, when in dates.items() if when is not None and when.editor_supplied
        ]


class Citations:
    """Numbers each source by its place in `sources.yml` and writes compact markers
    that link to the source's entry on the Sources page."""

    def __init__(self, sources: Sequence[Source], sources_page: str | None, messages: Messages):
        self._number = {source.id: index for index, source in enumerate(sources, start=1)}
        self._source = {source.id: source for source in sources}
        self._page = sources_page
        self.messages = messages
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
        """`Millbrook Gazette, “headline”`; where the article names no outlet or headline, what
        identifies it: the editor's `label`, else its kind, dateline and date."""
        source = self._source[source_id]
        if source.outlet == NOT_STATED and source.headline == NOT_STATED:
            return plain_text(source.label) if source.label else described(source)
        outlet = _initial_capital(plain_text(source.label or source.kind)) if source.outlet == NOT_STATED else plain_text(source.outlet)
        headline = (described(source, with_kind=False) or self.messages["no_headline"]) if source.headline == NOT_STATED else \
            f"{self.messages['quote_open']}{plain_text(source.headline)}{self.messages['quote_close']}"
        return f"{outlet}, {headline}"

    def anchor(self, source_id: str) -> str:
        """The source's anchor on the Sources page, as the sources kind defines it."""
        from .sections.sources import KIND

        return KIND.anchor(self._source[source_id])

    def __call__(self, source_ids: Sequence[str]) -> Markup:
        if not source_ids:  # a date the editor derived cites no article
            return Markup("")
        self.used.update(source_ids)
        links = ", ".join(self._link(source_id) for source_id in sorted(set(source_ids), key=self.number))
        prefix = escape_text(self.messages["sources_prefix"])
        return Markup(f'<sup class="cite"><span class="sr-only">{prefix}</span>{links}</sup>')

    def _link(self, source_id: str) -> str:
        """The marker link to one source, made once: a large briefing cites each source many times."""
        link = self._links.get(source_id)
        if link is None:
            title = escape_text(self.messages.format("source_number", number=self.number(source_id), label=self.label(source_id)))
            number = self.number(source_id)
            link = self._links[source_id] = (f'[{number}]({self._page}#{self.anchor(source_id)} "{title}")' if self._page
                                              else f'<span title="{title}">{number}</span>')
        return link


def described(source: Source, *, with_kind: bool = True) -> str:
    """`News report, MILLBROOK`: an article by what it is, where no name is stated."""
    parts = [_initial_capital(plain_text(source.kind))] if with_kind else []
    parts += [plain_text(part) for part in (source.dateline,) if part]
    return ", ".join(parts)


def _initial_capital(text: str) -> str:
    """`News analysis`: a label starts as a sentence does (the rest as written: `CNBC`)."""
    return text[:1].upper() + text[1:]
