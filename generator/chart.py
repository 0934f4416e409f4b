"""A step chart of measures over time, drawn at build time as static SVG with pygal,
in a light and a dark variant, with a text description for readers who cannot see
it. Only drawn when a measures page is built: pygal is imported then."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .inline import escape_text

# Colours chosen for contrast on Material's light (white) and dark (slate) backgrounds.
_PALETTES = {
    "light": {"text": "#1f1f1f", "subtle": "#767676", "series": ("#b71c1c", "#0d47a1", "#1b5e20", "#4a148c")},
    "dark": {"text": "#e6e6e6", "subtle": "#9e9e9e", "series": ("#ff8a80", "#82b1ff", "#b9f6ca", "#ea80fc")},
}


@dataclass(frozen=True)
class Chart:
    svg: dict[str, str]  # variant ("light", "dark") to SVG text
    files: dict[str, str]  # variant to the file's path in the site
    title: str
    description: str


def describe(series, present, messages) -> str:
    """The chart in words, for screen readers and as the image's alternative text."""
    sentences = []
    for measure, before, _, _ in series:
        parts = []
        if before:
            parts.append(messages.format("chart_point", value=present.quantity(measure.before), date=present.date(before.when.date)))
        parts.append(messages.format("chart_point", value=present.quantity(measure.now), date=present.date(measure.since.date)))
        sentence = f"{measure.name}{messages['colon']}{', '.join(parts)}"
        if measure.until:
            sentence += " " + messages.format("chart_until", date=present.date(measure.until.date))
        sentences.append(sentence + ".")
    return " ".join(sentences)


def draw_step_chart(page, context, series) -> Chart | None:
    """The page's measures as step lines, or None when it has none."""
    if not series:
        return None
    present, messages = context.present, context.messages
    title = page.option("chart_title", messages.format("chart_title", title=page.title))
    description = describe(series, present, messages)
    dates = sorted({date for _, _, points, _ in series for date, _, shown in points if shown})
    values = [value for _, _, points, _ in series for _, value, _ in points]
    ticks = axis_ticks(min(values), max(values))
    unit = series[0][0].now.unit  # the axis speaks the first measure's unit

    def value_label(value: float) -> str:
        return present.units[unit].shown.replace("{value}", present.number(value)) if unit in present.units else present.number(value)

    def date_label(date) -> str:
        from babel.dates import format_skeleton

        return format_skeleton("yMMMd", date, locale=present.locale)

    chart_id = f"{page.slug}-chart"
    files = {variant: f"assets/charts/{page.slug}-{variant}.svg" for variant in _PALETTES}
    svg = {variant: _render(series, dates, ticks, variant, title, description, chart_id, value_label, date_label) for variant in _PALETTES}
    return Chart(svg, files, title, description)


def axis_ticks(low: float, high: float, most: int = 8) -> list[float]:
    """Round values for the value axis, from zero (or below it) to above the highest
    value: never more than `most`, whatever the numbers (a step of 25 up to a billion
    would be forty million labels)."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = (high - low) or 1.0
    magnitude = 10 ** math.floor(math.log10(span / most))
    step = next(magnitude * factor for factor in (1, 2, 2.5, 5, 10) if span / (magnitude * factor) <= most)
    first = math.floor(low / step) * step
    count = math.ceil((high * 1.1 - first) / step) if high > 0 else math.ceil((high - first) / step)
    return [round(first + index * step, 12) for index in range(max(count, 1) + 1)]


def _render(series, dates, ticks, variant: str, title: str, description: str, chart_id: str, value_label, date_label) -> str:
    import pygal
    from pygal.style import Style

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
        x_value_formatter=date_label, value_formatter=value_label, show_x_guides=False,
    )
    chart.x_labels = dates
    for measure, _, points, _ in series:
        chart.add(measure.name, [
            {"value": (date, value), "formatter": _labelled(value_label)} if shown
            else {"value": (date, value), "formatter": _no_label, "node": {"r": 0}}
            for date, value, shown in points
        ])
    svg = chart.render(is_unicode=True)
    return _tidy(svg, f"{chart_id}-{variant}", title, description)


def _labelled(value_label):
    return lambda point: value_label(point[1] if isinstance(point, (tuple, list)) else point)


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
