"""Typed models of a briefing's content files.

One model per YAML file shape. Every model forbids unknown keys, so a misspelt
field name is an error rather than a silently ignored fact. Cross-references
(a quote's speaker is a player, a cited source exists) are checked later, in
`references.py`, because they span files.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema, field_validator, model_validator

from .characters import shown
from .files import unsafe_name

VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Id = Annotated[str, StringConstraints(pattern=VALID_ID.pattern, min_length=1, max_length=80)]
"""Lower-case letters, digits and single hyphens: safe in URLs and anchors."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text; may hold inline Markdown (emphasis, links)."""



class RefTo:
    """Marks an id field as a reference to an entry of another content file."""

    def __init__(self, collection: str):
        self.collection = collection

    def __repr__(self) -> str:
        return f"RefTo({self.collection!r})"


SourceRef = Annotated[Id, RefTo("sources")]
PlayerRef = Annotated[Id, RefTo("players")]
SideRef = Annotated[Id, RefTo("sides")]
EventRef = Annotated[Id, RefTo("timeline")]

SourceIds = Annotated[list[SourceRef], Field(min_length=1)]
"""Every fact names at least one source that reports it."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- dates -------------------------------------------------------------------

Precision = Literal["year", "month", "day"]
MIN_YEAR = 1000  # four-digit years: every date can be drawn, sorted and shifted by a day
_PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits: `\d` takes any script's


class PartialDate(Model):
    """A date known to the year, the month or the day: `2017`, `2025-04`, `2025-06-05`."""

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
            raise ValueError("a date is written YYYY, YYYY-MM or YYYY-MM-DD")
        match = _PARTIAL_DATE.match(value.strip())
        if not match:
            raise ValueError(f"'{shown(value)}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        if year < MIN_YEAR:
            raise ValueError(f"'{shown(value)}': years before {MIN_YEAR} are not supported; check the year")
        try:
            dt.date(year, month or 1, day or 1)
        except ValueError as error:
            raise ValueError(f"'{shown(value)}' is not a real date ({error})") from None
        return cls(year=year, month=month, day=day)

    def __str__(self) -> str:
        return "-".join(f"{part:02d}" for part in (self.year, self.month, self.day) if part)


DateValue = Annotated[
    PartialDate,
    BeforeValidator(lambda value: value if isinstance(value, PartialDate) else PartialDate.parse(value)),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "integer"}],
                    "description": "YYYY, YYYY-MM or YYYY-MM-DD, as precise as the sources allow"}),
]
"""A date as editors write it, `2025-06-05`, parsed into a `PartialDate`."""


class When(Model):
    """When something happened, as precisely as the sources allow.

    `editor_supplied` marks a date the articles only imply; `as_reported` then
    keeps the articles' own wording ("last week", "Thursday") beside it.
    """

    date: DateValue
    until: DateValue | None = None
    editor_supplied: bool = False
    as_reported: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> When:
        if self.editor_supplied and not self.as_reported:
            raise ValueError("an editor-supplied date needs `as_reported`: the articles' own wording")
        if self.until and self.until.earliest < self.date.earliest:
            raise ValueError(f"`until` ({self.until}) is before `date` ({self.date})")
        return self


# --- quantities --------------------------------------------------------------

Unit = Literal["percent", "USD", "billion USD", "days", "minutes", "hours"]
Qualifier = Literal["approximately", "nearly", "up to", "about"]


MAX_MAGNITUDE = 1e15
"""Far beyond any figure in the news (a quadrillion), and small enough that every value
prints, sums and charts exactly; `.nan`, `.inf` and `1.0e300` are mistakes."""


class Quantity(Model):
    """A number with its unit: `{value: 145, unit: percent}`."""

    value: Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
    unit: Unit
    qualifier: Qualifier | None = None


# --- facts -------------------------------------------------------------------


class Statement(Model):
    """One sentence of fact and the sources that report it."""

    text: Text
    sources: SourceIds


class KeyFigure(Model):
    """A number for the overview's figure cards: `{value: 90, unit: minutes}` and what it measures."""

    value: Quantity
    label: Text
    sources: SourceIds


class Side(Model):
    id: Id
    name: Text
    adjective: Text


class Briefing(Model):
    """`briefing.yml`: the story at a glance."""

    title: Text
    standfirst: Text
    as_of: DateValue
    sides: Annotated[list[Side], Field(min_length=1)]
    takeaways: Annotated[list[Statement], Field(min_length=1)]
    key_figures: list[KeyFigure] = []
    next_steps: Annotated[list[Statement], Field(min_length=1)]


class Source(Model):
    """One entry of `sources.yml`: an article the briefing draws on."""

    id: Id
    outlet: Text
    byline: Text
    headline: Text
    kind: Text
    dateline: Text | None = None
    credit: Text | None = None
    archive_file: Text | None = None  # the article's file, inside the archive folder

    @field_validator("archive_file")
    @classmethod
    def _inside_the_archive(cls, name: str | None) -> str | None:
        reason = unsafe_name(name) if name else None
        if reason:
            raise ValueError(reason)
        return name


class Player(Model):
    """One entry of `players.yml`: a person or an institution."""

    id: Id
    name: Text
    role: Text
    side: SideRef
    kind: Literal["person", "institution"]
    actions: Annotated[list[Statement], Field(min_length=1)]
    sources: SourceIds


class Tariff(Model):
    """One entry of `tariffs.yml`: a measure, as one row of the tariff table."""

    id: Id
    imposed_by: SideRef
    on_goods_of: SideRef
    rate_before: Quantity
    rate_before_event: EventRef | None = None  # the timeline event that set the rate before
    rate_now: Quantity
    since: When
    duration: Quantity | None = None
    until: When | None = None
    covers: Text
    covers_value: Quantity | None = None
    sources: SourceIds

    @model_validator(mode="after")
    def _in_order(self) -> Tariff:
        if self.until and self.until.date.earliest < self.since.date.earliest:
            raise ValueError(f"`until` ({self.until.date}) is before `since` ({self.since.date}); a measure ends after it starts")
        return self


class Event(Model):
    """One entry of `timeline.yml`."""

    id: Id
    when: When
    title: Text
    detail: Text | None = None
    sources: SourceIds


Venue = Literal["call", "social media post", "state media", "foreign ministry statement", "public remarks", "interview"]


class Quote(Model):
    """One entry of `quotes.yml`: words a player said, exactly or in paraphrase."""

    id: Id
    speaker: PlayerRef
    text: Text
    kind: Literal["direct", "paraphrase"]
    context: Text
    when: When
    venue: Venue
    sources: SourceIds


class Position(Model):
    side: SideRef
    text: Text
    sources: SourceIds


class Issue(Model):
    """One entry of `issues.yml`: a sticking point and each side's position."""

    id: Id
    title: Text
    summary: Text
    positions: Annotated[list[Position], Field(min_length=1)]
    sources: SourceIds


class Account(Model):
    """What one or more sources say on a point where the sources differ."""

    text: Text
    sources: SourceIds


class Difference(Model):
    """One entry of `differences.yml`: where the sources disagree or err."""

    id: Id
    topic: Text
    accounts: Annotated[list[Account], Field(min_length=2)]
    briefing_uses: Text
    why: Text


class Update(Model):
    """One entry of `updates.yml`: a dated change to the briefing."""

    when: DateValue
    text: Text
