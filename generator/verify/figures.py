"""Figures as a text writes them, in its own language, read as quantities.

A number is read where it stands, digits or words: Babel (CLDR) gives each language's
grouping and decimal marks, month names, duration units and currencies; text2num reads
number words (`douze mille`, `ninety`); `words/<language>.yml` holds the rest (what
makes a percentage, an approximation, a range, a time of day). What follows or precedes
the number says what kind of figure it is:

- a count (`12,000 residents`), or a number with nothing after it, checked as the number itself;
- a percentage, an amount of money (`$295 billion`, `1,5 milliard d'euros`), a duration,
  a measurement in one of the briefing's units, a time of day (`2:40 a.m.`, `14 h 40`);
- a range of any of these (`50 to 80 mm`, `between 12,000 and 15,000`), or an approximate one.

What is not a figure, and why (written down in the docs' verification page):
- a year (four digits, no word after them that they could count: `since 1987`, not `1937 rescues`);
- a day of a month (`June 5`, `5 juin`);
- an ordinal (`21st`, `2e`): a rank, not a quantity;
- an identifier: a number joined to letters (`G7`, `F-35`, `COVID-19`), after a word that
  names things by number (`Section 301`, `Flight 12`), or after a capitalised name with no
  word after it (`a Boeing 737.`, not `Tuesday 52 rescues`).
Number words under three (`one`, `two`) are read only before a unit ("two days", "deux
jours"): "one of them" and "the two leaders" are most often not figures.

Figures compare as quantities, not strings: `90 minutes` is `an hour and a half`, and
`190 km/h` supports `118 mph`: converted (pint) and rounded to the other's digits, each
value gives the other.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import get_currency_name, get_currency_symbol
from babel.units import format_unit

from generator.core.editor import base_language

WORDS = Path(__file__).parent / "words"
NUMBER_WORD_LANGUAGES = frozenset({"en", "fr", "es", "de", "it", "pt", "nl", "da"})  # what text2num reads
FIGURE_KINDS = ("count", "number", "percent", "money", "duration", "measurement", "time")
NOT_FIGURES = ("year", "date", "ordinal", "identifier", "own sources")
DURATIONS = {"minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}  # CLDR's to pint's
QUALIFIERS = ("about", "under", "over", "max", "min")  # `about 12,000`, `nearly`, `more than`, `up to`, `at least`
SUPPORTED_BY = {
    # What an article's words must say of a number for a fact's to be what it reports: "about"
    # may hedge a number the article gives exactly or nearly, but no fact adds a precision,
    # a direction or a limit that the article does not give ("145%" of "up to 145%").
    "": frozenset({""}),
    "about": frozenset({"", "about", "under", "over"}),
    "under": frozenset({"under"}),
    "over": frozenset({"over", "min"}),
    "max": frozenset({"max"}),
    "min": frozenset({"min", "over"}),
}
WITH_VALUE_ALONE = frozenset({"count", "number"})  # compared by value with the article's counts, numbers alone, years and identifiers
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "CAD", "AUD", "CHF")  # always known beside the briefing's own

_DASHES = str.maketrans({dash: "-" for dash in "‐‑‒–—―−"} | {"’": "'", "ʼ": "'"})  # dashes and apostrophes, as the words files write them
_SPACES = "\u00a0\u202f\u2009 "


@dataclass(frozen=True)
class Figure:
    kind: str  # one of FIGURE_KINDS
    low: Decimal
    high: Decimal  # the same as `low` unless a range
    unit: str  # a currency code (money), a pint unit (durations, measurements), else ""
    written: str  # as the text has it
    approximate: str = ""  # what the words before it say of it: one of QUALIFIERS, "" if nothing
    digits: int = 0  # the significant digits written, for comparing converted values
    said: str = ""  # as the text has it with the words that qualify it ("up to 118 mph"), for messages

    @property
    def as_said(self) -> str:
        return self.said or self.written

    @property
    def token(self) -> str:
        """The figure as one string, as claims and the record keep it: `percent|5|5|`, `money|6E+11|6E+11|USD|under`."""
        return "|".join((self.kind, _plain(self.low), _plain(self.high), self.unit, *((self.approximate,) if self.approximate else ())))


@dataclass(frozen=True)
class NotFigure:
    why: str  # one of NOT_FIGURES
    written: str
    value: Decimal | None = None  # in an article, what a count or a number alone may still be found as


@dataclass(frozen=True)
class UnitSpelling:
    """A unit of the briefing, as the reader looks for it after a number."""

    unit: str  # the briefing's name for it
    kind: str  # percent, money, duration, measurement, count, number
    measure: str = ""  # pint's name, for conversions: `mile / hour`
    currency: str = ""
    scale: Decimal = Decimal(1)
    spellings: tuple[str, ...] = ()  # in the language read


@dataclass
class Reading:
    figures: list[Figure] = field(default_factory=list)
    not_figures: list[NotFigure] = field(default_factory=list)


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@functools.cache
def words_of(language: str) -> dict:
    """The words of `words/<language>.yml`, English where the language has no file."""
    path = WORDS / f"{base_language(language)}.yml"
    return yaml.safe_load((path if path.is_file() else WORDS / "en.yml").read_text(encoding="utf-8"))


def _alternation(phrases) -> str:
    """One pattern for a list of words and phrases, longest first, spaces matching any space."""
    unique = sorted({phrase for phrase in phrases if phrase}, key=len, reverse=True)
    parts = [r"[\s\u00a0\u202f]+".join(re.escape(word) for word in phrase.split()) if phrase.strip() else re.escape(phrase) for phrase in unique]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


class Reader:
    """Reads the figures of texts in one language, with the briefing's units."""

    def __init__(self, language: str, units: tuple[UnitSpelling, ...] = (), currencies: tuple[str, ...] = ()):
        self.language = language
        self.base = base_language(language)
        try:
            locale = Locale.parse(language.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            locale = Locale.parse("en")
        self.locale = locale
        lexicon = words_of(language)
        self.words = lexicon
        symbols = locale.number_symbols.get("latn", locale.number_symbols)
        decimal, group = symbols.get("decimal", "."), symbols.get("group", ",")
        groups = {group} | (set(_SPACES) if group in _SPACES else set())
        group_pattern = "(?:" + "|".join(re.escape(mark) for mark in sorted(groups)) + ")"
        self.group_marks, self.decimal_mark = groups, decimal
        # Possessive quantifiers: a long run of digits is read once (linear time).
        self.number = re.compile(
            rf"(?<![\d{re.escape(decimal)}])(\d{{1,3}}(?:{group_pattern}\d{{3}})++(?:{re.escape(decimal)}\d++)?|\d++(?:{re.escape(decimal)}\d++)?)(?!\d)"
        )
        percent = [symbols.get("percentSign", "%"), "%", *lexicon["percent"]]
        self.percent = re.compile(rf"^[\s\u00a0\u202f-]*{_alternation(percent)}(?!\w)", re.IGNORECASE)
        # Words text2num must leave as they are: `pour cent` is not "per 100", and `unos`, `un peu moins de`
        # say how near a number is, where text2num would read a "1".
        kept = [*lexicon["percent"], *(phrase for qualifier in QUALIFIERS for phrase in lexicon["approximately"][qualifier])]
        self.kept_words = re.compile(rf"(?<!\w){_alternation(kept)}(?!\w)", re.IGNORECASE) if kept else None
        # Numbers written as words text2num does not read ("an hour and a half"), as the digits they say.
        self.written_out = {_one_space(phrase).lower(): digits for phrase, digits in lexicon.get("written_out", {}).items()}
        self.written_out_pattern = re.compile(rf"(?<!\w){_alternation(self.written_out)}(?!\w)", re.IGNORECASE) if self.written_out else None
        self.scales = {key.lower() if len(key) > 2 else key: Decimal(str(value)) for key, value in lexicon["scales"].items()}
        self.scale = re.compile(rf"^[\s\u00a0\u202f]*(?P<word>{_alternation(lexicon['scales'])})(?!\w)", re.IGNORECASE)
        self.power_of_ten = re.compile(r"^[\s\u00a0\u202f]+(?P<power>10{3,15})(?!\d)")  # text2num writes `billion` so
        self.currency_names: dict[str, str] = {}
        self.currency_symbols: dict[str, str] = {}
        for code in dict.fromkeys((*currencies, *CURRENCIES)):
            for symbol in {get_currency_symbol(code, locale), get_currency_symbol(code, "en"), code}:
                self.currency_symbols.setdefault(symbol, code)
            for count in (1, 2):
                name = get_currency_name(code, count, locale)
                # The name, and its noun alone ("pounds", not "British"): a country's adjective makes no amount of money.
                for form in {name, name.split()[0 if lexicon["currency_noun"] == "first" else -1]} if name else set():
                    if len(form) > 3:
                        self.currency_names.setdefault(form.lower(), code)
        of = _alternation(lexicon["of"])
        self.currency_after = re.compile(
            rf"^[\s\u00a0\u202f]*(?:{of}[\s\u00a0\u202f]*)?(?P<name>{_alternation(self.currency_names)}|{_alternation(self.currency_symbols)})(?!\w)",
            re.IGNORECASE,
        )
        self.currency_before = re.compile(rf"(?P<symbol>{_alternation(self.currency_symbols)})[\s\u00a0\u202f]*$")
        self.durations = self._durations(locale)
        self.duration = re.compile(rf"^[\s\u00a0\u202f-]*(?P<unit>{_alternation(self.durations)})(?!\w)", re.IGNORECASE)
        self.units = {spelling.lower(): unit for unit in units for spelling in unit.spellings}
        self.unit = re.compile(rf"^[\s\u00a0\u202f-]*(?P<unit>{_alternation(self.units)})(?![^\W\d_])", re.IGNORECASE)
        self.qualifier_of = {_one_space(phrase): qualifier for qualifier in QUALIFIERS for phrase in lexicon["approximately"][qualifier]}
        self.approximately = re.compile(rf"(?:^|[^\w])(?P<phrase>{_alternation(self.qualifier_of)})[\s\u00a0\u202f]*$", re.IGNORECASE)
        self.during = {_one_space(phrase) for phrase in lexicon.get("during", ())}
        self.range_to = re.compile(rf"^[\s\u00a0\u202f]*{_alternation(lexicon['range_to'])}[\s\u00a0\u202f]*$", re.IGNORECASE)
        self.range_and = re.compile(rf"^[\s\u00a0\u202f]*{_alternation(lexicon['range_and'])}[\s\u00a0\u202f]*$", re.IGNORECASE)
        self.range_between = re.compile(rf"(?:^|[^\w]){_alternation(lexicon['range_between'])}[\s\u00a0\u202f]*$", re.IGNORECASE)
        self.change_from = re.compile(rf"(?:^|[^\w]){_alternation(lexicon['change_from'])}[\s\u00a0\u202f]*$", re.IGNORECASE)
        self.time_am = re.compile(rf"^[\s\u00a0\u202f]*(?P<am>{_alternation(lexicon['time_am'])})(?!\w)", re.IGNORECASE)
        self.time_pm = re.compile(rf"^[\s\u00a0\u202f]*(?P<pm>{_alternation(lexicon['time_pm'])})(?!\w)", re.IGNORECASE)
        self.time_hour = re.compile(
            rf"^[\s\u00a0\u202f]*(?:{_alternation(lexicon['time_hour'])})(?:[\s\u00a0\u202f]*(?P<minutes>\d{{2}}))?(?!\w)", re.IGNORECASE
        )
        self.time_before = re.compile(rf"(?:^|[^\w]){_alternation(lexicon['time_before'])}[\s\u00a0\u202f]*$", re.IGNORECASE)
        listed = [",", "&", *lexicon["range_and"], *lexicon["range_to"], *lexicon.get("or", [])]
        self.listed = re.compile(rf"^[\s\u00a0\u202f]*(?:,[\s\u00a0\u202f]*)?{_alternation(listed)}[\s\u00a0\u202f]*$", re.IGNORECASE)
        self.clock = re.compile(r"^:(?P<minutes>[0-5]\d)(?!\d)")
        self.ordinal = re.compile(rf"^{_alternation(lexicon['ordinal_suffixes'])}(?!\w)")
        self.identifier_word = re.compile(rf"(?:^|[^\w]){_alternation(lexicon['identifier_words'])}[\s\u00a0\u202f]*$", re.IGNORECASE)
        months = {name for width in ("wide", "abbreviated") for name in get_month_names(width, locale=locale).values()}
        months |= {name.rstrip(".") for name in months}
        self.month_after = re.compile(rf"^\.?[\s\u00a0\u202f]+(?:de[\s\u00a0\u202f]+)?{_alternation(months)}(?!\w)", re.IGNORECASE)
        self.month_before = re.compile(rf"{_alternation(months)}\.?[\s\u00a0\u202f]+$", re.IGNORECASE)
        self.joined_before = re.compile(r"[^\W\d_]-?$")
        self.joined_after = re.compile(r"^(?:-?[^\W\d_])")
        self.capitalised_before = re.compile(r"(?P<before>.?)[\s\u00a0\u202f]*\b(?P<word>[A-Z][\w'’]*)[\s\u00a0\u202f]+$")
        self.word_after = re.compile(r"^[\s\u00a0\u202f]+[^\W\d_]")
        # "four articles", "two of the five sources": only the language's small words, or one number, between.
        self.own_sources_after = re.compile(
            rf"^(?:[\s\u00a0\u202f]+{_alternation(lexicon['between_words'])})*[\s\u00a0\u202f]+(?:[\w]+[\s\u00a0\u202f]+)?"
            rf"{_alternation(lexicon['own_sources'])}\b",
            re.IGNORECASE,
        )

    def _durations(self, locale: Locale) -> dict[str, str]:
        """Each way the language writes a duration unit (CLDR's long and short forms), to its pint name."""
        spellings = {}
        for cldr, pint_name in DURATIONS.items():
            for length in ("long", "short"):
                for count in (1, 2, 5):
                    try:
                        written = format_unit(count, f"duration-{cldr}", length, locale=locale)
                    except Exception:  # a locale without this unit's data
                        continue
                    word = re.sub(r"[\d\s\u00a0\u202f.,]+", " ", written).strip()
                    if len(word.rstrip(".")) >= 2 or word == "h":
                        spellings.setdefault(word.lower(), pint_name)
                        spellings.setdefault(word.lower().rstrip("."), pint_name)
        for word, unit in self.words.get("duration_words", {}).items():  # forms CLDR leaves out
            spellings.setdefault(word.lower(), DURATIONS[unit])
        return spellings

    def read(self, text: str) -> Reading:
        """Every figure in `text`, and every number that is not one (with why)."""
        words = _InDigits(text, self.base, self.kept_words, self._in_digits if self.written_out_pattern else None)
        parts = self._numbers(words.text, words)
        reading = Reading()
        index, previous = 0, None
        while index < len(parts):
            part = parts[index]
            following = parts[index + 1] if index + 1 < len(parts) else None
            merged = self._range(words.text, part, following) if following else None
            if merged is not None:
                part, index = merged, index + 1
            elif following is not None and (changed := self._change(words.text, part, following)) is not None:
                part = changed
            elif part["kind"] in WITH_VALUE_ALONE and previous is not None and previous["kind"] == "identifier":
                if self.listed.match(words.text[previous["end"] : part["start"]]):  # `sources 1, 3 and 5`: all identifiers
                    part = {**part, "kind": "identifier"}
            previous = part
            written = words.original(part["start"], part["end"])
            if part["kind"] in NOT_FIGURES:
                reading.not_figures.append(NotFigure(part["kind"], written, part["low"]))
            else:
                said = self._with_qualifier(words, part) if part["approximate"] else ""
                reading.figures.append(Figure(part["kind"], part["low"], part["high"], part["unit"], written, part["approximate"], part["digits"], said))
            index += 1
        return reading

    def _in_digits(self, text: str) -> str:
        """`an hour and a half` as `1.5 hours`: the words file's `written_out`."""
        return self.written_out_pattern.sub(lambda match: self.written_out[_one_space(match.group())], text)

    def _with_qualifier(self, words: _InDigits, part: dict) -> str:
        """The figure as written with the words before it that qualify it: "up to 118 mph"."""
        window_start = max(0, part["start"] - 60)
        found = self.approximately.search(words.text[window_start : part["start"]])
        return words.original(window_start + found.start("phrase"), part["end"]) if found else ""

    def _value(self, token: str) -> Decimal | None:
        plain = token
        for mark in self.group_marks:
            plain = plain.replace(mark, "")
        plain = plain.replace(self.decimal_mark, ".")
        try:
            return Decimal(plain)
        except InvalidOperation:
            return None

    def _numbers(self, text: str, words: _InDigits) -> list[dict]:
        found = []
        for match in self.number.finditer(text):
            value = self._value(match.group(1))
            if value is None:
                continue
            # `one`, `two`, `unas`: number words under three are read only where a unit follows ("two days").
            small_word = value < 3 and words.from_words(match.start())
            start, end = match.start(), match.end()
            if _signed(text, start):  # `-6.1`, `−5` (the minus sign): a negative number, not a dash
                value, start = -value, start - 1
            if found and found[-1]["end"] > start:  # read as part of the one before (minutes, a scale)
                continue
            before, after = text[max(0, start - 60) : start], text[end : end + 120]  # windows: a long article is read in linear time
            digits = len(match.group(1).translate(str.maketrans("", "", "".join(self.group_marks) + self.decimal_mark)).lstrip("0")) or 1
            part = {
                "start": start,
                "end": end,
                "low": value,
                "high": value,
                "unit": "",
                "approximate": self._qualifier(before),
                "digits": digits,
                "scale": Decimal(1),
            }
            part["kind"], part["end"] = self._classify(text, part, before, after, match.group(1))
            if small_word and (part["kind"] in WITH_VALUE_ALONE or part["kind"] in NOT_FIGURES):
                continue  # "one of them", "the two leaders": most often not figures
            found.append(part)
        return found

    def _qualifier(self, before: str, *, phrase: bool = False) -> str:
        """What the words just before a number say of it: `nearly` is "under", `up to` "max"
        (or, with `phrase`, the words themselves)."""
        found = self.approximately.search(before)
        if not found:
            return ""
        words = _one_space(found["phrase"])
        return words if phrase else self.qualifier_of[words]

    def _classify(self, text: str, part: dict, before: str, after: str, token: str) -> tuple[str, int]:
        end, value = part["end"], part["low"]
        clock = self.clock.match(after)
        if clock and value < 24:
            rest = after[clock.end() :]
            return self._time(part, value, int(clock["minutes"]), rest, end + clock.end())
        am, pm = self.time_am.match(after), self.time_pm.match(after)
        if (am or pm) and 0 < value <= 12 and value == value.to_integral_value():
            return self._time(part, value, 0, after, end)
        hour = self.time_hour.match(after)
        if hour and value < 24 and value == value.to_integral_value() and (hour["minutes"] or self.time_before.search(before)):
            part["low"] = part["high"] = Decimal(int(value) * 60 + int(hour["minutes"] or 0))
            part["unit"] = ""
            return "time", end + hour.end()
        ordinal = self.ordinal.match(after)
        if ordinal:
            return "ordinal", end + ordinal.end()
        symbol = self.currency_before.search(before)
        unit = None if symbol else self.unit.match(after)
        scale = None if unit else self.scale.match(after) or self.power_of_ten.match(after)
        is_power = bool(scale) and "power" in scale.groupdict()
        # A short scale (`m`, `bn`, `k`) scales an amount of money only (`$3bn`, `3bn euros`): `6.1 m` is in metres.
        if scale and (is_power or symbol or len(scale["word"]) > 2 or self.currency_after.match(after[scale.end() :])):
            multiplier = Decimal(scale["power"]) if is_power else self.scale_of(scale["word"])
            if multiplier:
                part["low"] = part["high"] = value * multiplier
                part["scale"] = multiplier
                end, after = end + scale.end(), after[scale.end() :]
                unit = self.unit.match(after)
        currency = None if unit else self.currency_after.match(after)
        if symbol or currency:
            name = symbol["symbol"] if symbol else currency["name"]
            part["unit"] = self.currency_symbols.get(name) or self.currency_names.get(name.lower()) or self.currency_symbols.get(name.upper(), "")
            if symbol:
                part["start"] -= len(symbol.group(0))
                part["approximate"] = self._qualifier(before[: symbol.start()])  # "nearly $600 billion"
            return "money", end + (currency.end() if currency and not symbol else 0)
        percent = self.percent.match(after)
        if percent:
            return "percent", end + percent.end()
        if unit:
            spelling = self.units[unit["unit"].lower()]
            part["unit"] = spelling.measure or spelling.unit
            part["low"] = part["high"] = part["low"] * spelling.scale
            kind = spelling.kind if spelling.kind in FIGURE_KINDS else "measurement"
            if kind == "money":
                part["unit"] = spelling.currency
            return kind, end + unit.end()
        duration = self.duration.match(after)
        if duration:
            part["unit"] = self.durations[duration["unit"].lower()]
            if self._qualifier(before, phrase=True) in self.during:  # "over 24 hours": during them
                part["approximate"] = ""
            return "duration", end + duration.end()
        if self.joined_before.search(before) or self.joined_after.match(after):
            return "identifier", end
        # A word after the number may be what it counts ("1937 rescues", "Tuesday 52 rescues"):
        # then it is a figure, and checked, not a year or a name. (After a month's name it is
        # still a day: "May 12 to reduce" is more common than "November 30 rescues".)
        counts_something = self.word_after.match(after) is not None
        if counts_something and self.own_sources_after.match(after):
            return "own sources", end
        if 1 <= value <= 31 and value == value.to_integral_value() and (self.month_after.match(after) or self.month_before.search(before)):
            return "date", end
        # "about 1200" is a number someone estimated, not a year.
        if re.fullmatch(r"[12]\d{3}", token) and not counts_something and not self.approximately.search(before):
            return "year", end
        if self.identifier_word.search(before):
            return "identifier", end
        capitalised = self.capitalised_before.search(before)
        if (
            capitalised
            and not counts_something
            and capitalised["before"] not in ("", ".", "!", "?", ":", "\n", '"', "“")
            and not self.approximately.search(before)
        ):
            return "identifier", end
        return ("count" if counts_something else "number"), end

    def _time(self, part: dict, hours: Decimal, minutes: int, rest: str, end: int) -> tuple[str, int]:
        hour = int(hours)
        am, pm = self.time_am.match(rest), self.time_pm.match(rest)
        if pm and hour < 12:
            hour += 12
        elif am and hour == 12:
            hour = 0
        matched = am or pm
        part["low"] = part["high"] = Decimal(hour * 60 + minutes)
        return "time", end + (matched.end() if matched else 0)

    def scale_of(self, word: str) -> Decimal | None:
        """What a scale word (`billion`, `M`) multiplies a number by, where the language has it."""
        return self.scales.get(word) or self.scales.get(word.lower())

    def _change(self, text: str, first: dict, second: dict) -> dict | None:
        """`from 45 to 38 euros`, `de 45 à 38 euros`: a change, not a range, whose first number
        is in the second's unit and scale; it is that figure, not a count of anything."""
        if first["kind"] not in WITH_VALUE_ALONE or second["kind"] in WITH_VALUE_ALONE or second["kind"] in NOT_FIGURES or second["kind"] == "time":
            return None
        if not self.range_to.match(text[first["end"] : second["start"]]):
            return None
        return {**first, "kind": second["kind"], "unit": second["unit"], "low": first["low"] * second["scale"], "high": first["high"] * second["scale"]}

    def _range(self, text: str, first: dict, second: dict) -> dict | None:
        """`50 to 80 mm`, `between 12,000 and 15,000`, `de 50 à 80`: one figure with both ends."""
        between = text[first["end"] : second["start"]]
        before = text[max(0, first["start"] - 40) : first["start"]]
        if second["kind"] in NOT_FIGURES or first["kind"] in NOT_FIGURES:
            return None
        joined = self.range_to.match(between) and not self.change_from.search(before)
        joined = joined or (self.range_and.match(between) and self.range_between.search(before))
        if not joined:
            return None
        low = first["low"]
        if first["kind"] in WITH_VALUE_ALONE and second["kind"] not in WITH_VALUE_ALONE:
            low = first["low"] * second["scale"]  # `1.5 to 2 billion dollars`: the first end takes the second's unit and scale
        elif first["kind"] != second["kind"] or first["unit"] != second["unit"]:
            return None
        if not low < second["low"]:
            return None
        return {
            **second,
            "start": first["start"],
            "low": low,
            "approximate": first["approximate"] or second["approximate"],
            "digits": max(first["digits"], second["digits"]),
        }


def _one_space(phrase: str) -> str:
    """A phrase as the words files and the texts are compared: lower case, one space between words."""
    return " ".join(phrase.lower().split())


def _signed(text: str, start: int) -> bool:
    """Whether the number at `start` has a minus sign: U+2212, or a hyphen that follows a
    space, a bracket or the text's start (not `2024-25`, not `pages 5-6`)."""
    if start == 0:
        return False
    sign = text[start - 1]
    return sign == "\u2212" or (sign == "-" and (start == 1 or text[start - 2] in " \t\n\u00a0(["))


def _segments(text: str, keep: re.Pattern | None):
    """The stretches of a text that text2num may convert: between digits and sentence ends,
    and around the words that must stay as they are (`pour cent` is not "per 100")."""
    for stretch in re.finditer(r"[^\d.!?;\n]+", text):
        start = stretch.start()
        for kept in keep.finditer(text, stretch.start(), stretch.end()) if keep else ():
            if kept.start() > start:
                yield start, kept.start()
            start = kept.end()
        if stretch.end() > start:
            yield start, stretch.end()


class _InDigits:
    """A text with its number words written in digits (text2num), and the way back: which
    words of the original a span of the new text stands for. Only the stretches between
    numbers in digits are converted, so that digits are read as the language writes them."""

    def __init__(self, text: str, language: str, keep: re.Pattern | None = None, written_out=None):
        self.source = text  # as written: what messages quote
        original = text.translate(_DASHES)  # one character for one, so positions hold in both
        self.pieces: list[tuple[int, int, int, int]] = []  # each converted stretch: new start, new end, old start, old end
        if language not in NUMBER_WORD_LANGUAGES or not re.search(r"[^\W\d_]{3}", original):
            self.text = original
            self._index()
            return
        from text_to_num import alpha2digit  # (deferred: only texts with words need it)

        out, position, length = [], 0, 0
        # Numbers do not run over a sentence's end: a stretch ends there too, so that none is
        # the size of a whole article (text2num, and the way back, take time with its length).
        for start, end in _segments(original, keep):
            if start > position:
                out.append(original[position:start])
                length += start - position
            piece = original[start:end]
            spelt = written_out(piece) if written_out else piece  # the words file's `written_out`, which text2num does not read
            try:
                new = alpha2digit(spelt, language, threshold=0) if re.search(r"[^\W\d_]{3}", spelt) else spelt
            except Exception:  # text2num declines some texts; their numbers in digits are still read
                new = spelt
            if new != piece:
                self.pieces.append((length, length + len(new), start, end))
            out.append(new)
            length += len(new)
            position = end
        out.append(original[position:])
        self.text = "".join(out)
        self._index()

    def _index(self) -> None:
        """Where each converted stretch starts and ends, and how far the text has moved before
        it: each position is then found in the pieces by bisection, not by a walk through them."""
        self._starts = [piece[0] for piece in self.pieces]
        self._ends = [piece[1] for piece in self.pieces]
        self._shifts = [0]
        for new_start, new_end, old_start, old_end in self.pieces:
            self._shifts.append(self._shifts[-1] + (old_end - old_start) - (new_end - new_start))

    def from_words(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]

    def original(self, start: int, end: int) -> str:
        """The original words behind `text[start:end]`."""
        return self.source[self._old(start, is_end=False) : self._old(end, is_end=True)].strip()

    def _old(self, position: int, *, is_end: bool) -> int:
        passed = bisect.bisect_right(self._ends, position)  # the pieces that end before the position
        if is_end and passed and self._ends[passed - 1] == position and self._starts[passed - 1] < position:
            passed -= 1  # an end that is a piece's own end is mapped inside it
        if passed < len(self.pieces) and self._starts[passed] <= position <= self._ends[passed]:
            return self._inside(*self.pieces[passed], position, is_end=is_end)
        return position + self._shifts[passed]

    def _inside(self, new_start: int, new_end: int, old_start: int, old_end: int, position: int, *, is_end: bool) -> int:
        """A position inside a converted stretch, mapped through the words it kept."""
        import difflib  # (only messages about number words need it)

        old, new = self.source[old_start:old_end], self.text[new_start:new_end]
        offset = position - new_start
        for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if b0 <= offset < b1 or (is_end and b0 < offset <= b1):
                return old_start + (a0 + (offset - b0) if tag == "equal" else (a1 if is_end else a0))
        return old_end if is_end else old_start


# --- comparing figures ------------------------------------------------------------------


@functools.cache
def _registry():
    import pint  # (deferred: loading pint's units takes a second, and most checks convert nothing)

    return pint.UnitRegistry()


def known_measure(name: str) -> bool:
    """Whether pint knows a unit by this name (`mile / hour`, `millimetre`)."""
    try:
        _registry().Unit(name)
    except Exception:
        return False
    return True


def converted(value: Decimal, unit: str, to: str) -> Decimal | None:
    """A value in another unit of its dimension (pint), or None where the units do not convert."""
    registry = _registry()
    try:
        return Decimal(str(registry.Quantity(float(value), unit).to(to).magnitude))
    except Exception:  # units of other dimensions
        return None


def significant_digits(value: Decimal) -> int:
    """The significant digits of a value as written in digits: `0.6` has one, `1.2` and `80` two."""
    return len(str(value).replace(".", "").replace("-", "").lstrip("0")) or 1


def _rounded(value: Decimal, digits: int) -> Decimal:
    if value == 0:
        return value
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent)) if exponent > 0 else round(value, -exponent)


@dataclass
class ArticleFigures:
    """An article's figures, ready to be asked about: each range also counts for its ends.
    Indexed, so that a fact is looked up, not compared with every figure of the article;
    each entry keeps what the article's words say of the number (`nearly`, `up to`)."""

    figures: list[Figure] = field(default_factory=list)  # as read, in the article's order
    exact: dict[tuple[str, str, Decimal, Decimal], set[str]] = field(default_factory=dict)  # kind, unit, low, high
    values: dict[tuple[Decimal, Decimal], set[str]] = field(default_factory=dict)  # the values of its counts and numbers alone, years and identifiers
    numbers: dict[tuple[Decimal, Decimal], set[str]] = field(default_factory=dict)  # every figure's value but times of day, and those above
    convertible: dict[tuple[str, str, int], dict[tuple[Decimal, Decimal], set[str]]] = field(default_factory=dict)  # kind, unit, digits: values

    @classmethod
    def of(cls, figures: list[Figure], not_figures: list[NotFigure] = ()) -> ArticleFigures:
        """`not_figures`: the article's years, dates and identifiers, whose numbers a fact's
        count or number alone may still be found as (the article's "in 2025" is a year, the
        fact's "2025 rescues" a count: both read the same number)."""
        known = cls(list(figures))
        for number in not_figures:
            if number.value is not None:
                for index in (known.values, known.numbers):
                    index.setdefault((number.value, number.value), set()).add("")
        for figure in figures:
            for low, high in {(figure.low, figure.high), (figure.low, figure.low), (figure.high, figure.high)}:
                qualifier = {figure.approximate}
                known.exact.setdefault((figure.kind, figure.unit, low, high), set()).update(qualifier)
                if figure.kind in WITH_VALUE_ALONE:  # "24 rescues" is not supported by "24 hours"
                    known.values.setdefault((low, high), set()).update(qualifier)
                if figure.kind != "time":
                    known.numbers.setdefault((low, high), set()).update(qualifier)
                if figure.kind in ("duration", "measurement"):
                    known.convertible.setdefault((figure.kind, figure.unit, figure.digits), {}).setdefault((low, high), set()).update(qualifier)
        return known

    def report_any(self, facts: list[Figure]) -> bool:
        return any(self.report(fact) for fact in facts)

    def report(self, fact: Figure) -> bool:
        """Whether the article gives the fact's figure, and its words allow the fact's own
        (`nearly`, `up to`: SUPPORTED_BY)."""
        allowed = SUPPORTED_BY[fact.approximate]
        if fact.kind == "count":
            return bool(self.values.get((fact.low, fact.high), set()) & allowed)
        if fact.kind == "number":  # a number nothing classifies is found as any number of the article ("45 €" as "45 euros")
            return bool(self.numbers.get((fact.low, fact.high), set()) & allowed)
        if self.exact.get((fact.kind, fact.unit, fact.low, fact.high), set()) & allowed:
            return True
        # Each end of a range is rounded to its own digits: "0.6 to 1.2 miles" is 0.6 to one, 1.2 to two.
        low_digits, high_digits = (fact.digits, fact.digits) if fact.low == fact.high else map(significant_digits, (fact.low, fact.high))
        for (kind, unit, digits), values in self.convertible.items():
            if kind != fact.kind or unit == fact.unit:
                continue
            ends = [converted(end, fact.unit, unit) for end in (fact.low, fact.high)]
            if None in ends:
                continue
            found = (_rounded(ends[0], digits), _rounded(ends[1], digits))
            # Both ways: rounded to one digit, "1 km" would support any distance from 0.5 to 1.5 km.
            back = [converted(end, unit, fact.unit) for end in found] if values.get(found, set()) & allowed else [None]
            if None not in back and (_rounded(back[0], low_digits), _rounded(back[1], high_digits)) == (fact.low, fact.high):
                return True
        if fact.low != fact.high:  # a range the article gives as its two ends
            return all(
                self.report(Figure(fact.kind, end, end, fact.unit, fact.written, fact.approximate, digits))
                for end, digits in ((fact.low, low_digits), (fact.high, high_digits))
            )
        return False

    def with_other_words(self, fact: Figure) -> list[Figure]:
        """The article's figures of the fact's value whose words say otherwise of it (`nearly`
        where the fact has `more than`, or nothing): most often the fact's slip."""
        return [
            figure
            for figure in self.figures
            if (figure.kind == fact.kind or {figure.kind, fact.kind} <= WITH_VALUE_ALONE)
            and figure.unit == fact.unit
            and (figure.low, figure.high) == (fact.low, fact.high)
            and figure.approximate not in SUPPORTED_BY[fact.approximate]
        ]
