"""The tariff chart: each measure's rate over time, drawn at build time as
static SVG with pygal, in a light and a dark variant, with a text description
for readers who cannot see it."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import pygal
from pygal.style import Style

from .content import Content
from .inline import escape_text
from .present import format_date, format_quantity
from .views import tariff_label

# Colours chosen for contrast on Material's light (white) and dark (slate) backgrounds.
_PALETTES = {
    "light": {"text": "#1f1f1f", "subtle": "#767676", "series": ("#b71c1c", "#0d47a1", "#1b5e20", "#4a148c")},
    "dark": {"text": "#e6e6e6", "subtle": "#9e9e9e", "series": ("#ff8a80", "#82b1ff", "#b9f6ca", "#ea80fc")},
}


@dataclass(frozen=True)
class Chart:
    svg: dict[str, str]  # variant ("light", "dark") to SVG text
    title: str
    description: str


def _series(content: Content):
    """Per tariff: its label, the event that set its earlier rate (if any), and the
    (date, rate, labelled) points of a step line."""
    events = {event.id: event for event in content.timeline}
    sides = {side.id: side for side in content.briefing.sides}
    for tariff in content.tariffs:
        label = tariff_label(tariff, sides)
        before = events.get(tariff.rate_before_event)
        points = []
        if before:
            points.append((before.when.date.earliest, tariff.rate_before.value, True))
            # Hold the old rate until the day before the change: a step, not a slope.
            points.append((max(tariff.since.date.earliest - dt.timedelta(days=1), before.when.date.earliest), tariff.rate_before.value, False))
        points.append((tariff.since.date.earliest, tariff.rate_now.value, True))
        if tariff.until:
            points.append((tariff.until.date.earliest, tariff.rate_now.value, True))
        yield tariff, label, before, points


def describe(content: Content) -> str:
    """The chart in words, for screen readers and as the image's alternative text."""
    sentences = []
    for tariff, label, before, _ in _series(content):
        sentence = f"{label}: "
        if before:
            sentence += f"{format_quantity(tariff.rate_before)} from {format_date(before.when.date)}, "
        sentence += f"{format_quantity(tariff.rate_now)} from {format_date(tariff.since.date)}"
        if tariff.until:
            sentence += f" until {format_date(tariff.until.date)}"
        sentences.append(sentence + ".")
    return " ".join(sentences)


def draw_tariff_chart(content: Content) -> Chart | None:
    if not content.tariffs:
        return None
    title = "Tariff rates over time"
    description = describe(content)
    series = list(_series(content))
    dates = sorted({date for _, _, _, points in series for date, _, shown in points if shown})
    values = [value for _, _, _, points in series for _, value, _ in points]
    ticks = axis_ticks(min(values), max(values))
    return Chart({variant: _render(series, dates, ticks, variant, title, description) for variant in _PALETTES}, title, description)


def axis_ticks(low: float, high: float, most: int = 8) -> list[float]:
    """Round values for the rate axis, from zero (or below it) to above the highest rate:
    never more than `most`, whatever the numbers (a step of 25 up to a billion would be
    forty million labels)."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = (high - low) or 1.0
    magnitude = 10 ** math.floor(math.log10(span / most))
    step = next(magnitude * factor for factor in (1, 2, 2.5, 5, 10) if span / (magnitude * factor) <= most)
    first = math.floor(low / step) * step
    count = math.ceil((high * 1.1 - first) / step) if high > 0 else math.ceil((high - first) / step)
    return [round(first + index * step, 12) for index in range(max(count, 1) + 1)]


def _render(series, dates, ticks, variant: str, title: str, description: str) -> str:
    palette = _PALETTES[variant]
    style = Style(
        background="transparent", plot_background="transparent",
        foreground=palette["text"], foreground_strong=palette["text"], foreground_subtle=palette["subtle"],
        colors=palette["series"], value_colors=palette["series"],
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        label_font_size=16, major_label_font_size=16, value_font_size=18, legend_font_size=17, title_font_size=18,
    )
    chart = pygal.DateLine(
        style=style, js=[], disable_xml_declaration=True, width=640, height=380, margin_right=70,
        print_values=True, show_legend=True, legend_at_bottom=True, legend_at_bottom_columns=1, dots_size=4,
        stroke_style={"width": 3}, range=(ticks[0], ticks[-1]), y_labels=ticks, show_minor_y_labels=False,
        x_value_formatter=lambda date: f"{date.day} {date:%b} {date.year}",
        value_formatter=lambda value: f"{value:g}%", show_x_guides=False,
    )
    chart.x_labels = dates
    for _, label, _, points in series:
        chart.add(label, [
            {"value": (date, value), "formatter": _rate_label} if shown
            else {"value": (date, value), "formatter": _no_label, "node": {"r": 0}}
            for date, value, shown in points
        ])
    svg = chart.render(is_unicode=True)
    return _tidy(svg, f"tariff-chart-{variant}", title, description)


def _rate_label(point) -> str:
    return f"{point[1]:g}%" if isinstance(point, (tuple, list)) else f"{point:g}%"


def _no_label(point) -> str:
    return ""


def _tidy(svg: str, chart_id: str, title: str, description: str) -> str:
    """Same input, same bytes: pygal's random chart id, its dated comment and its
    (unused) script go; a title and description for assistive technology come in."""
    svg = re.sub(r'id="chart-[0-9a-f-]+"', f'id="{chart_id}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"', svg, count=1)
    svg = re.sub(r"#chart-[0-9a-f-]+", f"#{chart_id}", svg)
    svg = re.sub(r"<!--.*?-->|<title>Pygal</title>", "", svg, flags=re.S)
    svg = re.sub(r"<script.*?</script>", "", svg, flags=re.S)
    head = f'<title id="{chart_id}-title">{escape_text(title)}</title><desc id="{chart_id}-desc">{escape_text(description)}</desc>'
    return re.sub(r"(<svg[^>]*>)", lambda match: match.group(1) + head, svg, count=1)
