"""A step chart of measures over time, as a news graphics desk lays one out: the
title, the unit, a key, the chart, its sources and the briefing's date, the words as
HTML around the picture (generator/render/templates/chart.md.j2) so that they stay readable
at any width. Each measure is a line from the value an earlier event set (its
`before_event`) to its value now, solid up to the briefing's `as_of` date and dashed
where it is only scheduled (to hold `until` a date, or to change later).

The picture is static SVG drawn at build time (generator/present/chart_svg.py, with pygal,
imported only then) four times: narrow for phones and wide for larger screens, each in
a light and a dark variant; the page shows the one that fits. A description in words
is its alternative text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from babel.dates import format_skeleton

from generator.core.inline import plain_text

SCHEMES = ("light", "dark")


@dataclass(frozen=True)
class Size:
    """One drawing of the chart, in its own units (CSS pixels when shown at its width)."""

    name: str
    width: int
    height: int
    font: float  # every text's size: at least 12 px wherever the page shows this drawing
    most_ticks: int  # steps of the value axis, at most
    names_width: float  # how wide the lines' names may run, in the margin at their right


# The narrow drawing fills a phone's column (about 345 px on a 375 px phone) and is shown
# below 640 px; the wide one from there (overrides/assets/briefing.css, figure.chart).
SIZES = (Size("narrow", 340, 330, 14, 4, 96), Size("wide", 680, 400, 15, 6, 180))


@dataclass(frozen=True)
class Step:
    """A value a line takes from a date on."""

    day: float  # days from the chart's first date
    when: object  # the date as the content gives it (a PartialDate), for the words
    value: float
    label: str  # the value as the page writes it: `145%`


@dataclass(frozen=True)
class Line:
    """One measure: its steps, and the corners of its line as (day, value), split at
    the briefing's date into what has happened and what is scheduled."""

    name: str
    steps: tuple[Step, ...]
    end: float  # the day its line stops: its `until`, else the chart's end
    until: object | None  # the measure's `until` (a PartialDate), if it has one
    recorded: tuple[tuple[float, float], ...]
    scheduled: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class DateMark:
    """A date the axis may show: `Apr 10`, and its year."""

    day: float
    text: str
    year: str


@dataclass(frozen=True)
class Plot:
    """What the drawings show, in days and values."""

    lines: tuple[Line, ...]
    days: float  # the span: the x axis runs from day 0 to this
    as_of: float  # the briefing's date
    dates: tuple[DateMark, ...]  # most important first: the first date, the changes, the ends, `as_of`
    low: float
    high: float
    value_label: Callable[[float], str]  # the value axis' labels: `50%`


@dataclass(frozen=True)
class Image:
    variant: str  # its key in `Chart.files` and `Chart.svg`: `light-wide`
    scheme: str  # light or dark
    size: str  # narrow or wide
    width: int
    height: int


@dataclass(frozen=True)
class Chart:
    svg: dict[str, str]  # variant (`light-wide`) to SVG text
    files: dict[str, str]  # variant to the file's path in the site
    images: tuple[Image, ...]
    title: str
    unit: str  # `In percent`
    description: str  # the chart in words: the images' alternative text
    as_of: str  # the briefing's date, as the page writes it
    key: tuple[str, str] | None  # (solid, dashed) lines' meaning, where part of a line is scheduled
    sources: tuple  # the `Credit`s of the sources the measures cite


def draw_step_chart(page, context, histories) -> Chart | None:
    """The page's measures as step lines, or None when it has none. `histories` is
    (measure, the timeline event that set its earlier value or None) per measure."""
    if not histories:
        return None
    from generator.present.chart_svg import render  # pygal, only when a chart is drawn

    present, messages = context.present, context.messages
    as_of = context.content.briefing.as_of
    plot = plan(histories, present, as_of)
    title = page.option("chart_title", messages.format("chart_title", title=page.title))
    unit = page.option("chart_unit", messages.format("chart_unit", unit=histories[0][0].now.unit))
    description = describe(plot, present, messages, as_of)
    svg, files, images = {}, {}, []
    for size in SIZES:
        for scheme in SCHEMES:
            variant = f"{scheme}-{size.name}"
            files[variant] = f"assets/charts/{page.slug}-{variant}.svg"
            svg[variant] = render(plot, size, scheme, f"{page.slug}-chart-{variant}", title, description)
            images.append(Image(variant, scheme, size.name, size.width, size.height))
    date = present.date(as_of)
    scheduled = any(line.scheduled for line in plot.lines)
    key = (messages.format("chart_key_recorded", date=date), messages.format("chart_key_scheduled", date=date)) if scheduled else None
    return Chart(svg, files, tuple(images), title, unit, description, date, key, cited(histories, context))


def plan(histories, present, as_of) -> Plot:
    """Each measure's steps and line, in days from the first date shown; `as_of` is
    the briefing's date (a PartialDate)."""
    dated = []
    for measure, before in histories:
        steps = [(measure.since.date, measure.now)]
        if before and before.when.date.earliest < measure.since.date.earliest:
            steps.insert(0, (before.when.date, measure.before))
        dated.append((measure, steps, measure.until.date if measure.until else None))
    start = min(when.earliest for _, steps, _ in dated for when, _ in steps)
    end = max([as_of.earliest] + [when.earliest for _, steps, _ in dated for when, _ in steps] + [until.earliest for *_, until in dated if until])
    span = max((end - start).days, 1)
    # A measure with no end date holds its last value to the chart's end: leave room to see it.
    open_ended = [steps[-1][0].earliest for _, steps, until in dated if until is None]
    if open_ended and (end - max(open_ended)).days < 0.15 * span:
        end = max(open_ended) + dt.timedelta(days=max(round(0.15 * span), 1))

    def day(date: dt.date) -> float:
        return float((date - start).days)

    lines = []
    for measure, steps, until in dated:
        made = tuple(Step(day(when.earliest), when, quantity.point, present.quantity(quantity)) for when, quantity in steps)
        stop = day(until.earliest if until else end)
        corners: list[tuple[float, float]] = []
        for step in made:
            if corners:  # the old value holds to the day of the change: a step, not a slope
                corners.append((step.day, corners[-1][1]))
            corners.append((step.day, step.value))
        corners.append((stop, made[-1].value))
        recorded, scheduled = split(corners, day(as_of.earliest))
        lines.append(Line(plain_text(measure.name), made, stop, until, recorded, scheduled))
    values = [value for line in lines for _, value in line.recorded + line.scheduled]
    unit = histories[0][0].now.unit

    def value_label(value: float) -> str:
        shown = present.units[unit].shown if unit in present.units else "{value}"
        return shown.replace("{value}", present.number(value))

    marks = [when for _, steps, _ in dated for when, _ in steps]
    ends = [until for *_, until in dated if until]
    ordered = sorted(marks, key=lambda when: when.earliest) + sorted(ends, key=lambda when: when.earliest)
    dates, seen = [], set()
    for when in ordered + [as_of]:
        if when.earliest not in seen:
            seen.add(when.earliest)
            dates.append(date_mark(when, day(when.earliest), present.locale))
    return Plot(tuple(lines), float((end - start).days) or 1.0, day(as_of.earliest), tuple(dates), min(values), max(values), value_label)


def split(corners: list[tuple[float, float]], as_of: float) -> tuple[tuple, tuple]:
    """The corners up to `as_of` (what has happened) and from it (what is scheduled),
    meeting at `as_of`; either may be empty."""
    recorded = [corner for corner in corners if corner[0] <= as_of]
    later = [corner for corner in corners if corner[0] > as_of]
    if recorded and later:
        joint = (as_of, recorded[-1][1])
        if recorded[-1] != joint:
            recorded.append(joint)
        later.insert(0, joint)
    return (tuple(recorded) if len(recorded) > 1 else ()), (tuple(later) if len(later) > 1 else ())


def date_mark(when, day: float, locale) -> DateMark:
    """`Apr 10` over `2025`, no more precise than the date is known: `Apr` for a month."""
    date = when.earliest
    if when.day:
        return DateMark(day, format_skeleton("MMMd", date, locale=locale), str(date.year))
    if when.month:
        return DateMark(day, format_skeleton("MMM", date, locale=locale), str(date.year))
    return DateMark(day, str(date.year), "")


def describe(plot: Plot, present, messages, as_of) -> str:
    """The chart in words, for screen readers and as the images' alternative text."""
    sentences = [messages.format("as_of", date=present.date(as_of)) + "."]
    for line in plot.lines:
        parts = [
            messages.format("chart_point_scheduled" if step.day > plot.as_of else "chart_point", value=step.label, date=present.date(step.when))
            for step in line.steps
        ]
        sentence = f"{line.name}{messages['colon']}{', '.join(parts)}"
        if line.until:
            key = "chart_until_scheduled" if line.end > plot.as_of else "chart_until"
            sentence += " " + messages.format(key, date=present.date(line.until))
        sentences.append(sentence + ".")
    return " ".join(sentences)


def cited(histories, context) -> tuple:
    """The sources the charted measures cite, numbered and named as the page's source
    markers and its list of sources do."""
    return context.citations.credits(source for measure, _ in histories for source in measure.sources)
