"""Share images: the picture a link preview shows for each page (`og:image`), drawn at
build time from the briefing's headline and its lead figure, with no outside service.

1200 × 630 pixels, as the networks' large cards expect: the page's name (the publisher's on
the front page), the headline, the lead figure set large with what it is, and the date.
The type is Lato, which MkDocs ships in its own theme: a pinned dependency, so every machine
draws the same picture, byte for byte. A text in a script Lato does not cover (Han characters,
Arabic) would be drawn as empty boxes: that page gets no picture, and its card stays the
small one."""

from __future__ import annotations

import functools
import io
from importlib.resources import files

from PIL import Image, ImageDraw, ImageFont

from generator.core.inline import plain_text
from generator.kinds import Card

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/share"  # where the pictures are published, one a page: assets/share/timeline.png
_MARGIN = 72
_INK, _MUTED, _ACCENT, _PAPER = (26, 26, 26), (84, 84, 84), (48, 63, 159), (255, 255, 255)  # indigo: the theme's
_FONTS = files("mkdocs") / "themes" / "readthedocs" / "css" / "fonts"


def image_name(slug: str) -> str:
    return f"{FOLDER}/{slug}.png"


@functools.cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    with (_FONTS / f"lato-{weight}.woff").open("rb") as data:
        return ImageFont.truetype(io.BytesIO(data.read()), size)


@functools.cache
def _drawable(character: str) -> bool:
    """Whether Lato has a glyph for the character (not the box it draws for any it lacks)."""
    font = _font("bold", 40)
    return character.isspace() or bytes(font.getmask(character)) != bytes(font.getmask("\U0010fffd"))


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str] | None:
    """The text broken into lines no wider than `width`; None where it needs more than `most`."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        elif font.getlength(word) <= width:
            lines.append(word)
        else:
            return None
    return lines if len(lines) <= most else None


def _fitted(text: str, weight: str, sizes: range, width: int, most: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of `sizes` at which the text fits; at the smallest, cut to `most` lines with an ellipsis."""
    for size in sizes:
        font = _font(weight, size)
        lines = _lines(text, font, width, most)
        if lines is not None:
            return font, lines
    font, words, lines = _font(weight, sizes[-1]), text.split(), []
    for word in words:
        if lines and font.getlength(f"{lines[-1]} {word} …") <= width:
            lines[-1] += f" {word}"
        elif len(lines) < most:
            lines.append(word)
        else:
            break
    lines[-1] = lines[-1].rstrip(" ,;:") + " …"
    return font, lines


@functools.lru_cache(maxsize=64)
def _base(headline: str, value: str, label: str, dateline: str) -> tuple[Image.Image, Image.Image]:
    """What every page's picture shares (all but its name at the top), and its palette: drawn
    once a briefing, as the live preview draws again only when these words change."""
    picture = Image.new("RGB", (WIDTH, HEIGHT), _PAPER)
    pen = ImageDraw.Draw(picture)
    width = WIDTH - 2 * _MARGIN
    pen.rectangle((0, 0, WIDTH, 14), fill=_ACCENT)
    headline_font, headline_lines = _fitted(headline, "bold", range(64, 43, -4), width, 3)
    y = 118
    for line in headline_lines:
        pen.text((_MARGIN, y), line, font=headline_font, fill=_INK)
        y += round(headline_font.size * 1.18)
    if value:
        y = max(y + 28, 330)
        value_font, value_lines = _fitted(value, "bold", range(96, 55, -8), width, 1)
        pen.text((_MARGIN, y), value_lines[0], font=value_font, fill=_ACCENT)
        y += round(value_font.size * 1.15)
        label_font, label_lines = _fitted(label, "normal", range(34, 25, -2), width, 2)
        for line in label_lines[: 2 if y < 470 else 1]:
            pen.text((_MARGIN, y), line, font=label_font, fill=_MUTED)
            y += round(label_font.size * 1.25)
    pen.line((_MARGIN, HEIGHT - 86, WIDTH - _MARGIN, HEIGHT - 86), fill=(220, 220, 220), width=2)
    dateline_font, dateline_lines = _fitted(dateline, "normal", range(28, 21, -2), width, 1)
    pen.text((_MARGIN, HEIGHT - 66), dateline_lines[0], font=dateline_font, fill=_MUTED)
    # 64 colours are plenty for type on white, at a third of the weight.
    return picture, picture.quantize(colors=64, dither=Image.Dither.NONE)


@functools.lru_cache(maxsize=256)
def draw(kicker: str, headline: str, value: str, label: str, dateline: str) -> bytes | None:
    """The picture as PNG bytes; None where Lato cannot draw one of its characters."""
    if not all(_drawable(character) for character in kicker + headline + value + label + dateline):
        return None
    base, palette = _base(headline, value, label, dateline)
    picture = base.copy()
    kicker_font, kicker_lines = _fitted(kicker, "bold", range(34, 25, -2), WIDTH - 2 * _MARGIN, 1)
    ImageDraw.Draw(picture).text((_MARGIN, 62), kicker_lines[0], font=kicker_font, fill=_ACCENT)
    out = io.BytesIO()
    # No time or text chunks: the same bytes on every build.
    picture.quantize(palette=palette, dither=Image.Dither.NONE).save(out, format="PNG")
    return out.getvalue()


def page_picture(page, context, front: Card | None) -> bytes | None:
    """The share picture of one page, from the words a reader sees (plain text, never markup):
    it leads with the first figure its own section offers the front page (a measure's rate
    before → now), else with the front page's first (`front`)."""
    briefing = context.content.briefing
    own = page.kind.cards(page, context) if page.kind.cards else []
    lead = own[0] if own else front
    value, label = (lead.value, plain_text(lead.label)) if lead else ("", "")
    publisher = plain_text(briefing.publisher) if briefing.publisher else ""
    kicker = publisher or plain_text(briefing.title) if page is context.content.home else plain_text(page.title)
    as_of = context.messages.format("as_of", date=context.present.date(briefing.as_of))
    dateline = " · ".join(part for part in (publisher, as_of) if part)
    return draw(kicker, plain_text(briefing.title), value, label, dateline)
