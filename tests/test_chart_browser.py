"""The tariff chart in a real browser (Debian's Chromium, as tests/test_browser.py
drives it), on a 375 px phone and a 1280 px desktop, light and dark: the figure shows
its title, unit, key, sources and date; the drawing that fits the screen is the one
shown; no text in it renders under 12 CSS pixels, none overlaps another or sits on the
axis; and its lines and gridlines stand out from the page at 3:1 at least, its text at
4.5:1 (WCAG 1.4.11, 1.4.3), measured on the colours the browser actually paints.

Skipped without Chromium, except under CI=true (see tests/test_browser.py)."""

from __future__ import annotations

import functools
import re

import pytest
from babel.dates import format_date

from browser import SCHEMES, new_context, serve, settle
from conftest import REAL_CONTENT
from generator.check.briefing import load_content

PATH = "/tariffs/"
SMALLEST_TEXT = 12  # CSS px
LINES_CONTRAST, TEXT_CONTRAST = 3.0, 4.5


@pytest.fixture(scope="module")
def site_url(real_site):
    with serve(real_site.site) as base:
        yield base


# The figure as the reader sees it: its words, the picture shown, and the page's background.
FIGURE_JS = """() => {
    const figure = document.querySelector('figure.chart');
    const shown = element => element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const text = selector => [...figure.querySelectorAll(selector)].filter(shown).map(element => element.textContent.trim());
    let background = 'rgba(0, 0, 0, 0)';
    for (let box = figure; box && background.endsWith(', 0)'); box = box.parentElement)
        background = getComputedStyle(box).backgroundColor;
    if (background.endsWith(', 0)')) background = getComputedStyle(document.documentElement).backgroundColor;
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    const sizes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (node.textContent.trim() && shown(node.parentElement))
            sizes.push([parseFloat(getComputedStyle(node.parentElement).fontSize), node.textContent.trim()]);
    return {
        title: text('.chart-title'), unit: text('.chart-unit'), key: text('.chart-key span'),
        source: text('.chart-source'), date: text('.chart-date'),
        sourceLinks: [...figure.querySelectorAll('.chart-source a')].map(a => a.getAttribute('href')),
        cited: [...new Set([...document.querySelectorAll('.measure-table .cite-source a')].map(a => a.getAttribute('href')))],
        images: [...figure.querySelectorAll('img')].filter(shown).map(img => [img.currentSrc, img.getBoundingClientRect().width, img.className]),
        background, sizes,
    };
}"""

# Inside the picture, opened on its own at its own size: every text's size and box and
# colour, every stroke's colour and opacity, and the axis.
PICTURE_JS = """() => {
    const svg = document.documentElement;
    const opacity = element => {
        let value = 1;
        for (let node = element; node && node.nodeType === 1; node = node.parentNode)
            value *= parseFloat(getComputedStyle(node).opacity);
        return value;
    };
    const box = element => { const b = element.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
    const texts = [...svg.querySelectorAll('text')].filter(text => text.textContent.trim()).map(text => {
        const style = getComputedStyle(text);
        return {text: text.textContent.trim(), size: parseFloat(style.fontSize), fill: style.fill,
                opacity: opacity(text) * parseFloat(style.fillOpacity), box: box(text), kind: text.getAttribute('class') || ''};
    });
    const strokes = [...svg.querySelectorAll('path, line, circle, rect, polyline')].map(element => {
        const style = getComputedStyle(element);
        const b = element.getBBox();
        return {what: element.tagName + '.' + (element.getAttribute('class') || ''), stroke: style.stroke,
                width: parseFloat(style.strokeWidth), opacity: opacity(element) * parseFloat(style.strokeOpacity),
                size: b.width + b.height, visible: style.display !== 'none' && style.visibility !== 'hidden'};
    }).filter(line => line.visible && line.stroke !== 'none' && line.width > 0 && line.opacity > 0 && line.size > 0);
    const axis = svg.querySelector('path.baseline');
    return {width: svg.viewBox.baseVal.width, texts, strokes, axis: axis ? box(axis) : null};
}"""


def rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(part) for part in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def luminance(rgb) -> float:
    channels = [channel / 255 for channel in rgb[:3]]
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, opacity: float, background: str) -> float:
    """The contrast ratio of `colour`, painted at `opacity` over `background`."""
    fore, back = rgba(colour), rgba(background)
    alpha = fore[3] * opacity
    painted = [alpha * fore[index] + (1 - alpha) * back[index] for index in range(3)]
    lighter, darker = sorted((luminance(painted), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def overlap(one, other) -> float:
    width = min(one[2], other[2]) - max(one[0], other[0])
    height = min(one[3], other[3]) - max(one[1], other[1])
    return min(width, height) if width > 0 and height > 0 else 0.0


def look(browser, base: str, scheme: str, device: str):
    """The figure on the tariffs page, and the picture it shows, opened on its own."""
    context = new_context(browser, scheme, device)
    try:
        page = context.new_page()
        page.goto(base + PATH)
        settle(page)
        page.wait_for_function("[...document.querySelectorAll('figure.chart img')].every(img => img.complete)")
        figure = page.evaluate(FIGURE_JS)
        assert len(figure["images"]) == 1, f"{scheme} {device}: the figure shows {figure['images']}"
        source, shown_width, _ = figure["images"][0]
        picture_page = context.new_page()
        picture_page.goto(source)
        picture = picture_page.evaluate(PICTURE_JS)
        return figure, picture, shown_width / picture["width"]
    finally:
        context.close()


@pytest.fixture(scope="module")
def looked(browser, site_url):
    """looked(scheme, device): `look`, once per scheme and device for all the tests (none changes the page)."""
    return functools.cache(lambda scheme, device: look(browser, site_url, scheme, device))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_the_chart_is_readable_at_its_size(looked, scheme, device):
    figure, picture, scale = looked(scheme, device)
    ((_, _, drawing),) = figure["images"]
    assert drawing == ("chart-narrow" if device == "phone" else "chart-wide"), f"{device} shows the {drawing} drawing"
    rendered = sorted((text["size"] * scale, text["text"]) for text in picture["texts"])
    assert rendered and rendered[0][0] >= SMALLEST_TEXT, (
        f"{scheme} {device}: chart text renders at {rendered[0][0]:.1f} px ({rendered[0][1]!r}); the smallest allowed is {SMALLEST_TEXT}"
    )
    words = sorted(figure["sizes"])
    assert words[0][0] >= SMALLEST_TEXT, f"{scheme} {device}: the figure's {words[0][1]!r} is {words[0][0]} px"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_chart_label_overlaps_another_or_the_axis(looked, scheme):
    _, picture, _ = looked(scheme, "phone")
    texts = picture["texts"]
    for index, text in enumerate(texts):
        for other in texts[index + 1 :]:
            assert overlap(text["box"], other["box"]) < 0.5, f"{scheme}: {text['text']!r} overlaps {other['text']!r}"
    values = [text for text in texts if "step-value" in text["kind"]]
    assert len(values) >= 4, "each value, from the escalation before the cut on, is labelled"
    for text in values:
        assert text["box"][3] <= picture["axis"][1], f"{scheme}: {text['text']!r} sits on the axis"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_lines_gridlines_and_text_stand_out_from_the_page(looked, scheme):
    figure, picture, _ = looked(scheme, "phone")
    background = figure["background"]
    strokes = picture["strokes"]
    assert any("scheduled" in line["what"] for line in strokes) and any("guide" in line["what"] for line in strokes)
    weak = [
        (line["what"], line["stroke"], round(contrast(line["stroke"], line["opacity"], background), 2))
        for line in strokes
        if contrast(line["stroke"], line["opacity"], background) < LINES_CONTRAST
    ]
    assert not weak, f"{scheme}: against the page's {background}, these lines fall under {LINES_CONTRAST}:1: {weak}"
    faint = [
        (text["text"], text["fill"], round(contrast(text["fill"], text["opacity"], background), 2))
        for text in picture["texts"]
        if contrast(text["fill"], text["opacity"], background) < TEXT_CONTRAST
    ]
    assert not faint, f"{scheme}: against the page's {background}, this text falls under {TEXT_CONTRAST}:1: {faint}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_figure_shows_title_unit_key_sources_and_date(looked, scheme):
    figure, _, _ = looked(scheme, "phone")
    content = load_content(REAL_CONTENT)
    assert figure["title"] and all(figure["title"]) and figure["unit"] and all(figure["unit"])
    assert len(figure["key"]) == 2, "a key to the solid and the dashed line"
    # The source line names the sources the measures cite, as the table's markers do.
    assert figure["cited"] and sorted(figure["sourceLinks"]) == sorted(figure["cited"]), figure["sourceLinks"]
    assert figure["source"] and len(figure["source"]) == 1
    as_of = format_date(content.briefing.as_of.earliest, "long", locale=content.briefing.language)
    assert figure["date"] and as_of in figure["date"][0], figure["date"]
