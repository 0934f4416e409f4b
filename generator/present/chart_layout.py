"""Where a chart's words go, worked out before anything is drawn: how wide a text is,
names wrapped to a width, round values for the value axis, and places for labels
where they touch no line, no other label and not the axis. Plain geometry in the
chart's own units; no drawing library."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Glyph widths in ems, those of a wide sans-serif (DejaVu Sans, what Linux shows for
# `system-ui`), so that the fonts readers have (Roboto, Segoe UI, San Francisco) only
# come out narrower and a label measured to fit always fits.
_THIN = frozenset("iljI|!.,:;'’`")
_SLIM = frozenset('ftr ()[]{}/-"“”«»\u00a0\u202f')
_WIDE = frozenset("mwMW%@")
_BOLD = 1.1  # bold glyphs are about a tenth wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width of one line of `text` at font size `size`."""
    ems = 0.0
    for char in text:
        if char in _THIN:
            ems += 0.32
        elif char in _SLIM:
            ems += 0.42
        elif char in _WIDE:
            ems += 1.0
        elif char.isdigit() or char.islower():
            ems += 0.64
        elif char.isupper():
            ems += 0.76
        else:  # symbols, and scripts other than Latin: as wide as they come
            ems += 1.0
    return ems * size * (_BOLD if bold else 1.0)


def wrap(text: str, size: float, width: float, bold: bool = False, most: int = 4) -> list[str]:
    """`text` in as few lines as fit within `width`, as even as they can be (the
    fewest lines first: a name reads best whole); at most `most` lines, the last
    shortened with an ellipsis if the text is longer still."""
    # No glyph is narrower than 0.32 em: past this many characters the text cannot fit.
    room = int(most * width / (0.32 * size)) + 1
    words = text[:room].split()
    if not words:
        return [""]
    widest = max(text_width(word, size, bold) for word in words)
    if widest <= width and len(text) <= room:
        for count in range(1, most + 1):
            # The narrowest lines that still make `count` lines: found by halving the range.
            low, high = widest, max(width, widest)
            if len(_fill(words, size, bold, high)) > count:
                continue
            for _ in range(24):
                middle = (low + high) / 2
                low, high = (low, middle) if len(_fill(words, size, bold, middle)) <= count else (middle, high)
            return _fill(words, size, bold, high)
    lines = _fill(words, size, bold, width)
    if len(lines) > most:
        lines = lines[: most - 1] + [" ".join(lines[most - 1 :]) + " …"]
    elif len(text) > room:
        lines[-1] += " …"
    return [line if text_width(line, size, bold) <= width else _shorten(line, size, bold, width) for line in lines]


def _fill(words: list[str], size: float, bold: bool, target: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= target + 0.01:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _shorten(text: str, size: float, bold: bool, width: float) -> str:
    """The start of `text` that fits in `width` with an ellipsis after it."""
    room = width - text_width("…", size, bold)
    kept, used = [], 0.0
    for char in text:
        used += text_width(char, size, bold)
        if used > room:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def axis_ticks(low: float, high: float, most: int) -> list[float]:
    """Round values for the value axis, from zero (or below it) up to the highest value
    or just above: never more than `most` steps, whatever the numbers (a step of 25 up
    to a billion would be forty million labels)."""
    low, high = min(low, 0.0), max(high, 0.0)
    span = (high - low) or 1.0
    magnitude = 10 ** math.floor(math.log10(span / most))
    step = next(magnitude * factor for factor in (1, 2, 2.5, 5, 10) if span / (magnitude * factor) <= most)
    first = math.floor(low / step) * step
    count = max(math.ceil((high - first) / step - 1e-9), 1)
    return [round(first + index * step, 12) for index in range(count + 1)]


@dataclass(frozen=True)
class Box:
    """A rectangle in the plot's coordinates, y growing downwards."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def inside(self, other: Box) -> bool:
        return other.left <= self.left and self.right <= other.right and other.top <= self.top and self.bottom <= other.bottom

    def overlap(self, other: Box) -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return width * height if width > 0 and height > 0 else 0.0


def text_box(x: float, baseline: float, width: float, size: float, lines: int = 1, anchor: str = "start") -> Box:
    """The box a text of `lines` lines takes, its first baseline at `baseline`: ascenders
    to 0.8 em above it, descenders to 0.25 em below the last."""
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return Box(left, baseline - 0.8 * size, left + width, baseline + (lines - 1) * line_height(size) + 0.25 * size)


def line_height(size: float) -> float:
    return 1.2 * size


@dataclass(frozen=True)
class Spot:
    """Where a label goes: its anchor point, how it is anchored, the box it takes."""

    x: float
    baseline: float
    anchor: str
    box: Box


def place_by_a_line(width: float, size: float, start: float, end: float, y: float, clearance: float, obstacles: list[Box], bounds: Box) -> Spot:
    """A value label for the stretch of line from `start` to `end` at height `y`: just
    above its start, else below it, else above or below its end; the first of these
    that touches nothing and stays within `bounds`, else the one that touches least."""
    above = y - clearance - 0.25 * size
    below = y + clearance + 0.8 * size
    left = start + clearance + 2
    right = max(end - clearance - 2, left + width)
    candidates = [
        Spot(left, above, "start", text_box(left, above, width, size)),
        Spot(left, below, "start", text_box(left, below, width, size)),
        Spot(right, above, "end", text_box(right, above, width, size, anchor="end")),
        Spot(right, below, "end", text_box(right, below, width, size, anchor="end")),
    ]

    def trouble(spot: Spot) -> float:
        outside = 0.0 if spot.box.inside(bounds) else 1e9
        return outside + sum(spot.box.overlap(obstacle) for obstacle in obstacles)

    return min(candidates, key=trouble)  # `min` keeps the first of equals: the preferred order


def stack(wanted: list[tuple[float, float]], top: float, bottom: float, gap: float) -> list[float]:
    """Tops for blocks of the given heights, each as near as it can be to centring on its
    wanted height, none overlapping (`gap` between them) and all between `top` and
    `bottom` where they fit. `wanted` is (centre, height); the tops come in its order."""
    order = sorted(range(len(wanted)), key=lambda index: wanted[index][0])
    tops = [0.0] * len(wanted)
    floor = top
    for index in order:  # downwards: each below the one before
        centre, height = wanted[index]
        tops[index] = max(centre - height / 2, floor)
        floor = tops[index] + height + gap
    ceiling = bottom
    for index in reversed(order):  # upwards: none past the bottom (past the top only if they cannot all fit)
        tops[index] = min(tops[index], ceiling - wanted[index][1])
        ceiling = tops[index] - gap
    return tops


def spaced(choices: list[list[Box]], gap: float, bounds: Box) -> dict[int, int]:
    """Labels side by side, none overlapping another (`gap` apart) and each within
    `bounds`: `choices` gives, in order of importance, each label's possible boxes,
    preferred first. Which are kept, and in which of their boxes: {label: choice}."""
    kept: dict[int, int] = {}
    taken: list[Box] = []
    for index, boxes in enumerate(choices):
        for choice, box in enumerate(boxes):
            padded = Box(box.left - gap, box.top, box.right + gap, box.bottom)
            if box.inside(bounds) and not any(padded.overlaps(other) for other in taken):
                kept[index] = choice
                taken.append(box)
                break
    return kept
