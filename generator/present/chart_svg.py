"""The step chart as SVG, drawn with pygal: pygal lays out the picture, its value axis
and gridlines; `_StepChart` adds what a step chart of measures needs and pygal does
not draw: each measure's line, solid up to the briefing's date and dashed where it is
scheduled, a dot where a value starts, that value beside it, the dates below, and
each line's name at its end. Imported only when a chart is drawn (pygal with it)."""

from __future__ import annotations

import pygal
from pygal.style import Style

from generator.present.chart_layout import Box, axis_ticks, line_height, place_by_a_line, spaced, stack, text_box, text_width, wrap

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# Colours on Material's light (white) and dark (slate) backgrounds: text at least 4.5:1,
# gridlines at least 3:1 (WCAG 1.4.11), series distinct in hue and named on the chart.
PALETTES = {
    "light": {"text": "#1f1f1f", "muted": "#595959", "grid": "#8a8a8a", "background": "#ffffff", "series": ("#b71c1c", "#0d47a1", "#1b5e20", "#6a1b9a")},
    "dark": {"text": "#e6e6e6", "muted": "#b3b3b3", "grid": "#787878", "background": "#1e2029", "series": ("#ff8a80", "#82b1ff", "#69f0ae", "#ea80fc")},
}
STROKE = 3  # the lines' width
DASHES = "7 5"  # a scheduled stretch
GAP = 4  # between a text and what it labels


def render(plot, size, scheme: str, chart_id: str, title: str, description: str) -> str:
    """One picture of `plot` (chart.Plot) at `size` (chart.Size) in `scheme`."""
    palette = PALETTES[scheme]
    font = size.font
    ticks = axis_ticks(plot.low, plot.high, size.most_ticks)
    names = [_name_lines(line.name, size) for line in plot.lines]
    names_width = max(text_width(text, font, bold=True) for lines in names for text in lines)
    style = Style(
        background="transparent",
        plot_background="transparent",
        foreground=palette["muted"],
        foreground_strong=palette["muted"],
        foreground_subtle=palette["grid"],
        guide_stroke_color=palette["grid"],
        major_guide_stroke_color=palette["grid"],
        guide_stroke_dasharray="none",
        major_guide_stroke_dasharray="none",
        colors=palette["series"],
        font_family=FONT,
        label_font_size=font,
        major_label_font_size=font,
    )
    halo = palette["background"]
    css = (
        f"inline:text{{font-family:{FONT};font-size:{font}px}}"
        f".halo,.halo tspan{{stroke:{halo}!important;stroke-width:4px;stroke-linejoin:round;paint-order:stroke}}"
        ".line-name{font-weight:700}"
    )
    chart = _StepChart(
        plot,
        names,
        palette,
        font,
        style=style,
        css=["file://style.css", "file://graph.css", css],
        js=[],
        no_prefix=True,
        disable_xml_declaration=True,
        explicit_size=True,
        width=size.width,
        height=size.height,
        show_legend=False,
        show_x_labels=False,
        show_dots=False,
        stroke=False,
        show_minor_y_labels=True,
        # pygal leaves out a gridline drawn at exactly the top edge: the range ends a hair above the top one.
        y_labels=ticks,
        range=(ticks[0], ticks[-1] + (ticks[-1] - ticks[0]) * 1e-6),
        value_formatter=plot.value_label,
        xrange=(0, plot.days),
        margin_left=4,
        margin_top=round(font + 10),
        margin_right=round(names_width + 2 * GAP + 6),
        margin_bottom=round(3.5 * font),
    )
    for line in plot.lines:
        chart.add(line.name, list(line.recorded + line.scheduled))
    chart.add_xml_filter(lambda root: _tidy(root, chart_id, title, description))
    return chart.render(is_unicode=True)


class _StepChart(pygal.XY):
    """pygal's XY chart (axes, gridlines), its series only giving the ranges: `_plot`
    draws the step lines and their words instead of pygal's lines."""

    def __init__(self, plot, names, palette, font, **config):
        super().__init__(**config)
        self.step_plot, self.step_names, self.palette, self.font = plot, names, palette, font

    def _make_graph(self):
        super()._make_graph()
        self.nodes["graph"].remove(self.nodes["tooltip_overlay"])  # no script shows tooltips

    def _plot(self):
        width, height = self.view.width, self.view.height
        node = self.svg.node(self.nodes["plot"], class_="steps")
        colours = self.palette["series"]
        lines = self.step_plot.lines
        low, high = self._box.ymin, self._box.ymax
        if low <= 0 <= high:
            self.svg.node(node, "path", d=f"M0 {_n(self.view.y(0))} h{_n(width)}", class_="baseline", stroke=self.palette["text"], **{"stroke-width": 1.5})
        obstacles: list[Box] = []
        for index, line in enumerate(lines):
            colour = colours[index % len(colours)]
            for part, corners in (("recorded", line.recorded), ("scheduled", line.scheduled)):
                if len(corners) < 2:
                    continue
                points = [self.view((day, value)) for day, value in corners]
                extra = {"stroke-dasharray": DASHES} if part == "scheduled" else {}
                self.svg.node(
                    node,
                    "path",
                    d="M" + " L".join(f"{_n(x)} {_n(y)}" for x, y in points),
                    class_=part,
                    fill="none",
                    stroke=colour,
                    **{"stroke-width": STROKE, "stroke-linejoin": "round"},
                    **extra,
                )
                obstacles += [_segment_box(a, b) for a, b in zip(points, points[1:], strict=False)]
            for step in line.steps:
                x, y = self.view((step.day, step.value))
                scheduled = step.day > self.step_plot.as_of
                # A change still to come is an open dot.
                self.svg.node(
                    node,
                    "circle",
                    cx=_n(x),
                    cy=_n(y),
                    r=4.5,
                    class_="change",
                    fill=self.palette["background"] if scheduled else colour,
                    stroke=colour,
                    **{"stroke-width": 2},
                )
                obstacles.append(Box(x - 6, y - 6, x + 6, y + 6))
        self._dates(node, width, height)
        self._values(node, lines, obstacles, width, height)
        self._names(node, lines, width, height)

    def _dates(self, node, width: float, height: float) -> None:
        """The dates below the plot, most important first, as many as fit side by side;
        the year under the first and wherever it changes."""
        font, margin = self.font, self.margin_box
        bounds = Box(-margin.left + 2, height, width + margin.right - 2, self.height)
        baseline = height + GAP + 4 + 0.8 * font
        choices = []
        for mark in self.step_plot.dates:
            x = self.view.x(mark.day)
            label_width = max(text_width(mark.text, font), text_width(mark.year, font))
            # Centred under its tick, else beside it (the tick still marks the day).
            choices.append(
                [
                    (anchor, spot, text_box(spot, baseline, label_width, font, lines=2, anchor=anchor))
                    for anchor, spot in (("middle", x), ("start", x - GAP), ("end", x + GAP))
                ]
            )
        kept = spaced([[box for *_, box in boxes] for boxes in choices], 0.6 * font, bounds)
        year = None
        for index in sorted(kept, key=lambda index: self.step_plot.dates[index].day):
            mark, (anchor, spot, _) = self.step_plot.dates[index], choices[index][kept[index]]
            x = self.view.x(mark.day)
            group = self.svg.node(node, class_="date")
            self.svg.node(group, "path", d=f"M{_n(x)} {_n(height)} v{GAP + 1}", stroke=self.palette["text"], **{"stroke-width": 1.5})
            text = self.svg.node(group, "text", x=_n(spot), y=_n(baseline), fill=self.palette["muted"], **{"text-anchor": anchor})
            text.text = mark.text
            if mark.year and mark.year != year:
                self.svg.node(text, "tspan", x=_n(spot), dy="1.2em").text = mark.year
            year = mark.year or year

    def _values(self, node, lines, obstacles: list[Box], width: float, height: float) -> None:
        """Each value where it starts, beside its line: first every line's earliest, then the next."""
        font = self.font
        bounds = Box(0, -self.margin_box.top + 2, width, height - 3)  # never on the axis or the dates
        colours = self.palette["series"]
        longest = max(len(line.steps) for line in lines)
        for order in range(longest):
            for index, line in enumerate(lines):
                if order >= len(line.steps):
                    continue
                step = line.steps[order]
                end = line.steps[order + 1].day if order + 1 < len(line.steps) else line.end
                spot = place_by_a_line(
                    text_width(step.label, font), font, self.view.x(step.day), self.view.x(end), self.view.y(step.value), STROKE / 2 + GAP, obstacles, bounds
                )
                obstacles.append(spot.box)
                text = self.svg.node(
                    node,
                    "text",
                    x=_n(spot.x),
                    y=_n(spot.baseline),
                    class_="step-value halo",
                    fill=colours[index % len(colours)],
                    **{"text-anchor": spot.anchor},
                )
                text.text = step.label

    def _names(self, node, lines, width: float, height: float) -> None:
        """Each line's name in the right margin, level with where the line ends, moved
        up or down as little as keeps the names apart."""
        font = self.font
        colours = self.palette["series"]
        blocks = [
            (self.view.y((line.recorded + line.scheduled)[-1][1]), len(name) * line_height(font) - 0.2 * font)
            for line, name in zip(lines, self.step_names, strict=False)
        ]
        tops = stack(blocks, -self.margin_box.top + 2, height, 0.4 * font)
        x = width + 2 * GAP
        for index, (name, top) in enumerate(zip(self.step_names, tops, strict=False)):
            text = self.svg.node(node, "text", x=_n(x), y=_n(top + 0.8 * font), class_="line-name halo", fill=colours[index % len(colours)])
            text.text = name[0]
            for more in name[1:]:
                self.svg.node(text, "tspan", x=_n(x), dy="1.2em").text = more


def _name_lines(name: str, size) -> list[str]:
    """A line's name, wrapped at the size's `names_width`, or at its longest word as far
    as a third of the picture (a word cut short reads worse than a narrower chart)."""
    longest = max((text_width(word, size.font, bold=True) for word in name.split()), default=0.0)
    return wrap(name, size.font, max(size.names_width, min(longest, size.width / 3)), bold=True)


def _segment_box(a: tuple[float, float], b: tuple[float, float]) -> Box:
    pad = STROKE / 2 + 1
    return Box(min(a[0], b[0]) - pad, min(a[1], b[1]) - pad, max(a[0], b[0]) + pad, max(a[1], b[1]) + pad)


def _n(number: float) -> str:
    """Coordinates to the hundredth: the same on every machine, and short."""
    return f"{number:.2f}".rstrip("0").rstrip(".")


def _tidy(root, chart_id: str, title: str, description: str):
    """Same input, same bytes: pygal's dated comment, its title and its (unused) script
    go; an id, a title and a description for assistive technology come in."""
    for child in list(root):
        if callable(child.tag) or child.tag == "title":  # its comment, its title ("Pygal")
            root.remove(child)
    for defs in root.iter("defs"):
        for script in [child for child in defs if child.tag == "script"]:
            defs.remove(script)
    root.set("id", chart_id)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
    head = [root.makeelement("title", {"id": f"{chart_id}-title"}), root.makeelement("desc", {"id": f"{chart_id}-desc"})]
    head[0].text, head[1].text = title, description
    for position, element in enumerate(head):
        root.insert(position, element)
    return root
