"""The measures page's step chart, drawn from made-up briefings (the tiny one and the
French one, given a history and a schedule): what has happened is a solid line and
what is only scheduled, after the briefing's `as_of` date, a dashed one; the value
before the change is drawn and labelled at its date; the figure names its title, unit,
key, sources and date; the chart is left out where it would not tell the truth, and
pygal is imported only to draw one. What the pictures look like in a browser is
tests/test_chart_browser.py."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import ROOT, TINY_CONTENT, bounded, edit
from generator.check.briefing import load_content
from generator.render.pages import render_pages

FRENCH_CONTENT = Path(__file__).resolve().parent / "briefings" / "french"
SVG = "{http://www.w3.org/2000/svg}"
ENGLISH_MONTHS = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
DASHED = "stroke-dasharray"


@pytest.fixture
def tolls(tiny_copy) -> Path:
    """The tiny briefing (as of March 2, 2024) whose bridge toll was raised to 5% on
    June 1, 2023, cut to 2% on March 1, 2024, and is scheduled to hold until May 30."""
    edit(
        tiny_copy / "tariffs.yml",
        '  since: {date: "2024-03-01"}\n',
        '  before_event: toll-raised\n  since: {date: "2024-03-01"}\n  until: {date: "2024-05-30"}\n',
    )
    with (tiny_copy / "timeline.yml").open("a", encoding="utf-8") as timeline:
        timeline.write('- id: toll-raised\n  when: {date: "2023-06-01"}\n  title: "Toll raised to 5%"\n  sources: [gazette]\n')
    return tiny_copy


def pictures(files: dict[str, str]) -> dict[str, ElementTree.Element]:
    return {name: ElementTree.fromstring(text) for name, text in files.items() if name.endswith(".svg")}


def corners(path: ElementTree.Element) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+) (-?[\d.]+)", path.get("d"))]


def lines(svg: ElementTree.Element, part: str) -> list[list[tuple[float, float]]]:
    """The corners of the step lines drawn solid ('recorded') or dashed ('scheduled')."""
    found = [path for path in svg.iter(f"{SVG}path") if part in (path.get("class") or "").split()]
    assert all((DASHED in path.attrib) == (part == "scheduled") for path in found), f"{part} lines drawn the wrong way"
    return [corners(path) for path in found]


def texts(svg: ElementTree.Element) -> list[str]:
    return [" ".join(text.itertext()) for text in svg.iter(f"{SVG}text")]


def figure(markdown: str) -> str:
    return markdown[markdown.index('<figure class="chart"') : markdown.index("</figure>")]


def test_what_is_scheduled_after_the_briefings_date_is_dashed_and_nothing_before_it(tolls):
    files = render_pages(load_content(tolls))
    svgs = pictures(files)
    assert len(svgs) == 4, "narrow and wide, light and dark"
    raised, until, as_of = dt.date(2023, 6, 1), dt.date(2024, 5, 30), dt.date(2024, 3, 2)
    for name, svg in svgs.items():
        (recorded,), (scheduled,) = lines(svg, "recorded"), lines(svg, "scheduled")
        # Where the days fall on the picture: the line runs from the toll's rise to its `until`.
        first, last = recorded[0][0], scheduled[-1][0]
        x_as_of = first + (as_of - raised).days / (until - raised).days * (last - first)
        assert max(x for x, _ in recorded) == pytest.approx(x_as_of, abs=0.05), name
        assert min(x for x, _ in scheduled) == pytest.approx(x_as_of, abs=0.05), name
        assert recorded[-1] == scheduled[0], f"{name}: the dashed stretch goes on from where the solid line stops"
        assert len({y for _, y in scheduled}) == 1, f"{name}: what is scheduled here is the 2% holding, not a change"
    page = figure(files["tariffs.md"])
    assert "Up to March 2, 2024" in page and "Scheduled after March 2, 2024" in page, "the key says which line is which"
    assert "2% from March 1, 2024 until May 30, 2024, as scheduled" in page, "the text alternative says so too"


def test_the_value_before_the_change_is_drawn_and_labelled_at_its_date(tolls):
    files = render_pages(load_content(tolls))
    for name, svg in pictures(files).items():
        (recorded,) = lines(svg, "recorded")
        start = recorded[0]
        assert recorded[1][1] == start[1] and recorded[2][0] == recorded[1][0], f"{name}: the 5% holds, then steps down"
        dots = [(float(dot.get("cx")), float(dot.get("cy"))) for dot in svg.iter(f"{SVG}circle")]
        assert start in dots, f"{name}: no dot where the toll was raised"
        shown = texts(svg)
        assert "5%" in shown and "2%" in shown, f"{name}: {shown}"
        assert "Jun 1 2023" in shown, f"{name}: the history's date is not on the axis: {shown}"
    assert "5% from June 1, 2023, 2% from March 1, 2024" in figure(files["tariffs.md"])


def test_the_figure_names_its_title_unit_sources_and_date(tolls):
    page = figure(render_pages(load_content(tolls))["tariffs.md"])
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page).group(1)
    assert "Tolls over time" in caption and "In percent" in caption
    source_line = html.unescape(re.search(r'<p class="chart-source"[^>]*>(.*?)</p>', page).group(1))
    assert source_line == "Source: [1. Millbrook Gazette, “Council backs bridge”](sources.md#source-gazette)", (
        "the one source the toll cites, as the page's list of sources names it, linked to its entry"
    )
    assert '<p class="chart-date">As of March 2, 2024</p>' in page


def test_no_dashed_line_once_the_schedule_has_run_its_course(tolls):
    edit(tolls / "briefing.yml", 'as_of: "2024-03-02"', 'as_of: "2024-07-01"')
    files = render_pages(load_content(tolls))
    for name, svg in pictures(files).items():
        assert lines(svg, "recorded") and not lines(svg, "scheduled"), name
        assert not [path for path in svg.iter(f"{SVG}path") if DASHED in path.attrib], name
    page = figure(files["tariffs.md"])
    assert 'class="chart-key"' not in page and "as scheduled" not in page
    assert "until May 30, 2024." in page


def test_the_chart_is_left_out_where_it_would_not_tell_the_truth(tolls):
    # The tiny briefing as it is: one value before, one now, and no dates for a history.
    plain = render_pages(load_content(TINY_CONTENT))
    assert '<figure class="chart"' not in plain["tariffs.md"] and not pictures(plain)
    # The editor's `chart: "no"`.
    edit(
        tolls / "briefing.yml",
        '{kind: measures, title: "Tolls", file: tariffs.yml}',
        '{kind: measures, title: "Tolls", file: tariffs.yml, options: {chart: "no"}}',
    )
    refused = render_pages(load_content(tolls))
    assert '<figure class="chart"' not in refused["tariffs.md"] and not pictures(refused)


def test_pygal_is_imported_only_to_draw_a_chart(tolls):
    script = (
        "import sys; from pathlib import Path; from generator.check.briefing import load_content; "
        "from generator.render.pages import render_pages; "
        "render_pages(load_content(Path(sys.argv[1]))); print('pygal' in sys.modules)"
    )
    for content, drawn in ((TINY_CONTENT, False), (tolls, True)):
        result = subprocess.run([sys.executable, "-c", script, str(content)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(drawn), content


def test_a_french_chart_speaks_french_and_dashes_a_change_still_to_come(tmp_path):
    """The fares fall on July 1, after the briefing's June 6: the step itself is dashed."""
    content = tmp_path / "content"
    shutil.copytree(FRENCH_CONTENT, content)
    edit(
        content / "tarifs.yml",
        '  since: {date: "2025-07-01"}\n  covers: "Un trajet',
        '  before_event: concertation\n  since: {date: "2025-07-01"}\n  until: {date: "2025-12-31"}\n  covers: "Un trajet',
    )
    files = render_pages(load_content(content))
    svgs = pictures(files)
    assert len(svgs) == 4
    for name, svg in svgs.items():
        shown = " ".join(texts(svg))
        assert "juil." in shown and not ENGLISH_MONTHS.search(shown), f"{name}: {shown}"
        steps = [line for line in lines(svg, "scheduled") if len({y for _, y in line}) > 1]
        assert steps, f"{name}: the fall on July 1 is not drawn as scheduled"
    page = figure(files["tarifs.md"])
    assert "Le prix des titres de transport" in page and "En euros" in page
    assert "Prévu après le 6 juin 2025" in page and "Situation au 6 juin 2025" in page
    assert re.search(r'<p class="chart-source"[^>]*>Sources\u202f: ', page)


def test_a_name_of_any_length_keeps_to_the_margin(tolls):
    edit(tolls / "tariffs.yml", 'name: "Bridge toll"', 'name: "' + "toll " * 20_000 + '"')
    with bounded(seconds=120):
        files = render_pages(load_content(tolls))
    for name, svg in pictures(files).items():
        label = next(text for text in svg.iter(f"{SVG}text") if "line-name" in text.get("class", ""))
        shown = list(label.itertext())
        assert len(shown) <= 4 and shown[-1].endswith("…") and max(map(len, shown)) < 30, f"{name}: {shown}"
