"""The building blocks of a briefing's content, and `briefing.yml` itself.

Each section kind (`generator/kinds/`) models its own entries from these parts.
Every model forbids unknown keys, so a misspelt field name is an error rather
than a silently ignored fact. Fields carry marks that tell the one walker over
the models (`content/walk.py`) what they are: `RefTo` a reference to another entry or to
a vocabulary of `briefing.yml`, `Verbatim` words that must stand in the articles.
Cross-references are checked later, in `check/references.py`, because they span files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import zoneinfo
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, field_validator, model_validator

from generator.core.characters import shown
from generator.core.editor import base_language, month_name, say, suggestion
from generator.core.files import unsafe_name
from generator.core.inline import plain_text
from generator.i18n.messages import available, has_catalogue

VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Id = Annotated[str, StringConstraints(pattern=VALID_ID.pattern, min_length=1, max_length=80)]
"""Lower-case letters, digits and single hyphens: safe in URLs and anchors."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text; may hold inline Markdown (emphasis, links)."""


class RefTo:
    """Marks a field as naming an entry elsewhere: of a section kind's entries
    (`people`, `timeline`), the sources, or a vocabulary of `briefing.yml` (`sides`,
    `units`, `venues`)."""

    def __init__(self, collection: str):
        self.collection = collection

    def __repr__(self) -> str:
        return f"RefTo({self.collection!r})"


class OneOfItsSources:
    """Marks words the articles use (`as_reported`): one article the fact cites must
    have them, not every one."""

    def __repr__(self) -> str:
        return "OneOfItsSources()"


class Verbatim:
    """Marks text that must appear word for word in every article the fact cites
    (where the entry says it is a direct quote)."""

    def __repr__(self) -> str:
        return "Verbatim()"


SOURCES = "sources"
"""The articles every fact cites: the one collection the content model names, and the kind
of the one section that lists them, which every source marker links to."""
SourceRef = Annotated[Id, RefTo(SOURCES)]
SideRef = Annotated[Id, RefTo("sides")]
UnitRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), RefTo("units")]
VenueRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80), RefTo("venues")]

SourceIds = Annotated[list[SourceRef], Field(min_length=1)]
"""Every fact names at least one source that reports it."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    def quotes_directly(self) -> bool | None:
        """Whether the `Verbatim` words it holds (or its parts hold) are a direct quote, which
        must stand word for word in the articles: None where the model does not say, and
        the model it is part of decides."""
        return None


class FieldProblem(ValueError):
    """A mistake that a model's own check finds in one of its fields (`sources` left out
    where the words need them): reported at that field, not at the whole entry."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class EditorWord(str):
    """A word of the editors' catalogue, by its key, that a kind gives the messages of other
    stages (its `noun`: "person" in "unknown person 'x'"). A kind is made once, as the
    generator starts; the word is said whenever a message takes it in (`str`, a format),
    so that each editor reads it in their own language. As a string it is its key."""

    def __str__(self) -> str:
        return say(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


# --- dates -------------------------------------------------------------------

Precision = Literal["year", "month", "day"]
MIN_YEAR = 1000  # four-digit years: every date can be drawn, sorted and shifted by a day
_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits: `\d` takes any script's


class PartialDate(Model):
    """A date known to the year, the month or the day: `1890`, `2024-04`, `2024-03-01`."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(say("model_date_form"))
        match = _PARTIAL_DATE.fullmatch(value.strip())
        if not match:
            raise ValueError(say("model_date_not_a_date", value=shown(value)))
        year, month, day = (int(part) if part else None for part in match.groups())
        if year < MIN_YEAR:
            raise ValueError(say("model_date_too_early", value=shown(value), year=MIN_YEAR))
        if month is not None and not 1 <= month <= 12:
            raise ValueError(say("model_date_no_such_month", value=shown(value), month=month))
        if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            days = calendar.monthrange(year, month)[1]
            raise ValueError(say("model_date_no_such_day", value=shown(value), month=month_name(month), year=year, days=days))
        return cls(year=year, month=month, day=day)

    def __str__(self) -> str:
        return "-".join(f"{part:02d}" for part in (self.year, self.month, self.day) if part)


DateValue = Annotated[
    PartialDate,
    BeforeValidator(lambda value: value if isinstance(value, PartialDate) else PartialDate.parse(value)),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer"}],
            "description": "YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources allow",
        }
    ),
]
"""A date as editors write it, `2024-03-01`, parsed into a `PartialDate`."""


_TIME_OF_DAY = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}$")  # a name, never a path


def _time_of_day(value: object) -> str:
    if not isinstance(value, str) or not _TIME_OF_DAY.fullmatch(value):
        raise ValueError(say("model_time_of_day", value=shown(str(value))))
    return value


@functools.cache
def _zones() -> frozenset[str]:
    # The tz database's own files that name no place: a reader's "localtime" is not the story's.
    return frozenset(zoneinfo.available_timezones()) - {"localtime", "Factory", "posixrules", "posix", "right"}


def _zone_name(value: object) -> str:
    if not isinstance(value, str) or not _ZONE_NAME.fullmatch(value) or value not in _zones():
        near = suggestion(value, sorted(_zones())) if isinstance(value, str) else ""
        raise ValueError(say("model_zone_unknown", value=shown(str(value)), advice=near or say("model_zone_example")))
    return value


TimeOfDay = Annotated[str, BeforeValidator(_time_of_day), WithJsonSchema({"type": "string", "pattern": _TIME_OF_DAY.pattern, "description": "24-hour HH:MM"})]
ZoneName = Annotated[str, BeforeValidator(_zone_name), WithJsonSchema({"type": "string", "description": "a tz database zone: Europe/London"})]


class When(Model):
    """When something happened, as precisely as the sources allow.

    `editor_supplied` marks a date the articles only imply; `as_reported` then
    keeps the articles' own wording ("last week", "Thursday") beside it.
    """

    date: DateValue
    until: DateValue | None = None
    time: TimeOfDay | None = None  # `"02:40"`, 24-hour, local to `zone`: for events of one day that need ordering
    zone: ZoneName | None = None  # where the time is local, as the tz database names it: `Europe/London`
    editor_supplied: bool = False
    as_reported: Annotated[Text, OneOfItsSources()] | None = None
    derived: Text | None = None  # how the editor worked the date out, where no article gives it: `90 days from March 1`

    @property
    def minutes(self) -> int | None:
        """The time of day in minutes after midnight, as articles' times of day are compared."""
        if self.time is None:
            return None
        hours, minutes = map(int, self.time.split(":"))
        return hours * 60 + minutes

    @property
    def instant(self) -> dt.datetime | None:
        """The moment, where a time is given, in its zone: what orders events of one day."""
        if self.minutes is None or self.zone is None:
            return None
        hours, minutes = divmod(self.minutes, 60)
        return dt.datetime(self.date.year, self.date.month, self.date.day, hours, minutes, tzinfo=zoneinfo.ZoneInfo(self.zone))

    @model_validator(mode="after")
    def _check(self) -> When:
        if self.time is not None:
            if self.date.precision != "day" or (self.until and self.until != self.date):
                raise ValueError(say("model_time_one_day"))
            if self.zone is None:
                raise ValueError(say("model_time_needs_zone"))
        elif self.zone is not None:
            raise ValueError(say("model_zone_without_time"))
        if self.derived and not self.editor_supplied:
            raise ValueError(say("model_derived_is_supplied"))
        if self.editor_supplied and not (self.as_reported or self.derived):
            raise ValueError(say("model_supplied_needs_words"))
        if self.until and self.until.earliest < self.date.earliest:
            raise ValueError(say("model_until_before_date", until=self.until, date=self.date))
        return self


def in_date_order(entries: list) -> list:
    """Entries with a `when`, oldest first, and those of one day by their time (in UTC, so
    that zones compare), those with no time first; a stable sort, so entries of one date
    and no time keep the editor's order."""

    def key(entry):
        instant = entry.when.instant
        return (entry.when.date.earliest, instant is not None, instant.astimezone(dt.UTC).timestamp() if instant else 0)

    return sorted(entries, key=key)


# --- translations -------------------------------------------------------------


class Translation(Model):
    """Words an article prints in another language than the briefing's, as the briefing
    shows them: translated, by whom. The words as printed stay beside it, verified in the
    article's own language; the translation is never passed off as the speaker's words."""

    words: Text  # in the briefing's language
    by: Text  # who translated them: "the desk", "Le Courrier's English edition"


# --- quantities --------------------------------------------------------------

MAX_MAGNITUDE = 1e15
MIN_MAGNITUDE = 1e-6  # the smallest figure but zero: any smaller is a mistake, and cannot be charted
"""Far beyond any figure in the news (a quadrillion), and small enough that every value
prints, sums and charts exactly; `.nan`, `.inf` and `1.0e300` are mistakes."""


Magnitude = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]


class Quantity(Model):
    """A number with its unit, one of the briefing's `units`: `{value: 5, unit: percent}`.

    A range gives its ends instead, `{min: 50, max: 80, unit: mm}`; one end alone reads
    "up to" (`max`) or "at least" (`min`). `approximate: true` reads "about", `under`
    "nearly" and `over` "more than". The words come from the site's language, so the
    value stays a fact that translates and checks."""

    value: Magnitude | None = None
    min: Magnitude | None = None
    max: Magnitude | None = None
    approximate: bool | Literal["under", "over"] = False
    unit: UnitRef

    @field_validator("value", "min", "max")
    @classmethod
    def _not_vanishingly_small(cls, number: float | None) -> float | None:
        if number and abs(number) < MIN_MAGNITUDE:
            raise ValueError(say("model_too_small", number=f"{number:g}", smallest=f"{MIN_MAGNITUDE:g}"))
        return number

    @model_validator(mode="after")
    def _one_number_or_a_range(self) -> Quantity:
        if self.value is not None and (self.min is not None or self.max is not None):
            raise ValueError(say("model_value_and_range"))
        if self.value is None and self.min is None and self.max is None:
            raise ValueError(say("model_no_number"))
        if self.is_range:
            if self.min > self.max:
                raise ValueError(say("model_min_above_max", min=f"{self.min:g}", max=f"{self.max:g}"))
            if self.min == self.max:
                raise ValueError(say("model_min_is_max", number=f"{self.min:g}"))
        elif self.is_bound and self.approximate:
            raise ValueError(say("model_bound_approximate"))
        return self

    @property
    def is_range(self) -> bool:
        """Both ends given: `50–80 mm`."""
        return self.min is not None and self.max is not None

    @property
    def is_bound(self) -> bool:
        """One end alone: `up to 118 mph`, `at least 3`."""
        return self.value is None and not self.is_range

    @property
    def qualifier(self) -> str:
        """What an article's words would say of the number: "about", "under" (nearly), "over"
        (more than), "max" (up to), "min" (at least), or "" for the number itself."""
        if self.is_bound:
            return "max" if self.max is not None else "min"
        return "about" if self.approximate is True else self.approximate or ""

    @property
    def point(self) -> float:
        """The one number a chart or a sum may use: the value, or the range's one end."""
        return self.value if self.value is not None else self.max if self.max is not None else self.min


# --- facts -------------------------------------------------------------------


class Statement(Model):
    """One sentence of fact and the sources that report it."""

    text: Text
    sources: SourceIds


class Point(Statement):
    """A sentence of the overview. Consecutive points with the same `topic` read as one
    paragraph that leads with it (`The call.`), with one source marker that attributes
    each sentence: the overview stays readable, every sentence stays traceable."""

    topic: Annotated[Text, StringConstraints(max_length=60)] | None = None  # a lead-in, not a sentence


class KeyFigure(Model):
    """A number for the overview's figure cards: `{value: 90, unit: minutes}` and what it measures."""

    value: Quantity
    label: Text
    sources: SourceIds


NotStatedOr = Annotated[
    Text | None,
    Field(description="As the article gives it; `null` where the article does not say (the site then says so in the reader's language)."),
]
"""A field every source has, though its article may not give it: `null` is "not stated"
in every language, where a word for it would be published as a name."""


def article_languages(sources: list, default: str) -> dict[str, str]:
    """Each article's language, by its source id: its own `language`, else the briefing's."""
    return {source.id: source.language or default for source in sources}


class Source(Model):
    """One entry of `sources.yml`: an article the briefing draws on."""

    id: Id
    outlet: NotStatedOr  # null where the article does not say, in any language
    byline: NotStatedOr
    headline: NotStatedOr
    kind: Text
    dateline: Text | None = None
    credit: Text | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)] | None = None  # where readers find it
    published: DateValue | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")] | None = None
    label: Text | None = None  # how the site names it where the outlet or headline is not stated
    archive_file: Text | None = None  # the article's file, inside the archive folder

    @field_validator("archive_file")
    @classmethod
    def _inside_the_archive(cls, name: str | None) -> str | None:
        reason = unsafe_name(name) if name else None
        if reason:
            raise ValueError(reason)
        return name


# --- briefing.yml ------------------------------------------------------------


class Side(Model):
    """One side of a story told as a contest (countries, parties): people and positions name it."""

    id: Id
    name: Text
    adjective: Text | None = None  # `council`, `residents'`: how a measure names the side, where it does


class UnitFormat(Model):
    """How a unit is shown, and how articles write a figure in it (for the figure check)."""

    shown: Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"\{value\}")]  # `{value}%`, `${value} billion`
    before_noun: Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"\{value\}")] | None = None  # `{value}-day` (window)
    figure: Literal["percent", "money", "duration", "measurement", "count"] | None = None  # what kind of figure; None: checked as the number alone
    word: Annotated[str, StringConstraints(pattern=r"^[a-z]+$", max_length=20)] | None = None  # `billion`, `day`: the word after the number
    measure: Annotated[str, StringConstraints(pattern=r"^[A-Za-z_ /*^0-9]+$", max_length=60)] | None = (
        None  # pint's name (`mile / hour`): a measurement converts through it
    )
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None  # ISO 4217 (`USD`, `EUR`) of an amount of money
    written: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")], list[Annotated[Text, StringConstraints(max_length=60)]]
    ] = {}  # how articles in each language write the unit after a number: `{en: [mph, miles per hour]}`

    @model_validator(mode="after")
    def _a_measurement_names_its_measure(self) -> UnitFormat:
        if self.figure == "measurement" and not self.measure:
            raise ValueError(say("model_measurement_needs_measure"))
        return self

    decimals: Annotated[int, Field(ge=0, le=6)] | None = None  # digits after the decimal point, always shown (`2` for prices)


MAX_SECTION_TITLE = 120
"""A navigation entry a reader takes in at a glance, and one the engines' configuration carries."""

SectionFile = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*\.(yml|md)$", max_length=80)]
"""A file of the content folder, by name: `timeline.yml`, `background.md`."""


class SectionDeclaration(Model):
    """One page of the briefing: what kind of section it is, its title, and what it reads."""

    kind: Annotated[str, StringConstraints(pattern=VALID_ID.pattern, max_length=40)]
    title: Annotated[Text, StringConstraints(max_length=MAX_SECTION_TITLE)]  # in the nav, each page's header and its <title>
    file: SectionFile | None = None  # the entries it shows; each kind says whether it needs one
    intro: Text | None = None  # a paragraph under the title; each kind has a default
    slug: Id | None = None  # the page's address; by default the file's name, or the kind's
    options: dict[
        Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)], Text
    ] = {}  # labels a kind lets the briefing name (see its module)


WHY_IT_MATTERS_WORDS = 120


class Briefing(Model):
    """`briefing.yml`: the story at a glance, the sections that tell it, and its vocabularies."""

    title: Text
    standfirst: Text
    as_of: DateValue
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")] = "en"
    publisher: Text | None = None  # who publishes the briefing, named in the page footer
    corrections: Text | None = None  # how readers report a mistake: an address or a sentence
    sides: list[Side] = []
    units: dict[Annotated[str, StringConstraints(min_length=1, max_length=40)], UnitFormat] = {}
    venues: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]] = []
    why_it_matters: list[Statement] = []  # a short paragraph under the standfirst, at most WHY_IT_MATTERS_WORDS words
    takeaways: Annotated[list[Point], Field(min_length=1)]
    key_figures: list[KeyFigure] = []
    next_steps: list[Point] = []
    # The story's own words for one thing, which a reader may ask by any of: `[flood, flooding, inundation]`
    # (the catalogue has the language's general ones: "started" for "initiated").
    search_synonyms: list[Annotated[list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]], Field(min_length=2)]] = []
    sections: Annotated[list[SectionDeclaration], Field(min_length=1)]
    format: Annotated[int, Field(ge=1)] = 1  # the content format it is written in; `make migrate` brings an older one up to date

    @field_validator("takeaways", "next_steps")
    @classmethod
    def _topics_together(cls, points: list[Point]) -> list[Point]:
        """A topic is one paragraph: its points side by side, not split by another topic."""
        seen: set[str] = set()
        previous = None
        for point in points:
            if point.topic and point.topic != previous and point.topic in seen:
                raise ValueError(say("model_topic_comes_back", topic=point.topic))
            if point.topic:
                seen.add(point.topic)
            previous = point.topic
        return points

    @field_validator("why_it_matters")
    @classmethod
    def _short(cls, sentences: list[Statement]) -> list[Statement]:

        words = sum(len(plain_text(sentence.text).split()) for sentence in sentences)
        if words > WHY_IT_MATTERS_WORDS:
            raise ValueError(say("model_too_many_words", words=words, most=WHY_IT_MATTERS_WORDS))
        return sentences

    @field_validator("language")
    @classmethod
    def _has_words(cls, language: str) -> str:

        if not has_catalogue(language):
            raise ValueError(say("model_language_without_words", languages=", ".join(available()), language=language, base=base_language(language)))
        return language
