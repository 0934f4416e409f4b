"""The generated Markdown, parsed as a reader's Markdown would be: the tariff table
has a row per measure, every player and quote is there, the timeline runs in order."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from generator.check import load_content
from generator.present import format_span
from generator.render import PAGES, render_pages

from conftest import REAL_CONTENT, TINY_CONTENT

parser = MarkdownIt("commonmark").enable("table")


def table_rows(markdown: str) -> tuple[list[str], list[list[str]]]:
    """The header cells and body rows of the first table on a page, as text."""
    tokens = parser.parse(markdown)
    header, rows, row, in_head = [], [], None, False
    for token in tokens:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            (header.extend if in_head else rows.append)(row)
            row = None
        elif token.type == "table_close":
            break
        elif token.type == "inline" and row is not None:
            row.append(token.content)
    return header, rows


def headings(markdown: str, level: int) -> list[str]:
    tokens = parser.parse(markdown)
    return [re.sub(r"\s*\{ #[a-z0-9-]+ \}$", "", tokens[index + 1].content) for index, token in enumerate(tokens)
            if token.type == "heading_open" and token.tag == f"h{level}"]


def test_every_page_is_rendered():
    pages = render_pages(load_content(TINY_CONTENT))
    assert sorted(name for name in pages if name.endswith(".md")) == sorted(page.filename for page in PAGES)


def test_the_tariff_table_has_one_row_per_measure_with_every_column():
    content = load_content(REAL_CONTENT)
    header, rows = table_rows(render_pages(content)["tariffs.md"])
    assert header == ["Measure", "Before", "Now", "In force", "Covers", "Sources"]
    assert len(rows) == len(content.tariffs) >= 2
    assert all(len(row) == len(header) for row in rows)
    by_measure = {row[0]: row for row in rows}
    assert by_measure["US tariffs on Chinese goods"][1:3] == ["145%", "**30%**"]
    assert by_measure["Chinese tariffs on US goods"][1:3] == ["125%", "**10%**"]


def test_every_player_has_a_section():
    content = load_content(REAL_CONTENT)
    names = headings(render_pages(content)["players.md"], 3)
    assert len(names) == len(content.players)
    for player in content.players:
        assert player.name in names


def test_every_quote_appears_with_its_id():
    content = load_content(REAL_CONTENT)
    page = render_pages(content)["quotes.md"]
    for quote in content.quotes:
        assert f'id="quote-{quote.id}"' in page


def timeline_dates(content) -> list[str]:
    page = render_pages(content)["timeline.md"]
    return [re.search(r'<span class="timeline-date">(.*?)</span>', heading).group(1) for heading in headings(page, 3)]


def test_timeline_events_run_in_date_order_whatever_the_order_in_yaml():
    assert timeline_dates(load_content(TINY_CONTENT)) == ["1890", "1 March 2024", "April 2024"]


def test_every_real_event_is_on_the_timeline_in_date_order():
    content = load_content(REAL_CONTENT)
    ordered = sorted(content.timeline, key=lambda event: event.when.date.earliest)
    assert timeline_dates(content) == [format_span(event.when) for event in ordered]


def test_a_date_is_shown_at_its_precision():
    page = render_pages(load_content(TINY_CONTENT))["timeline.md"]
    assert '<span class="timeline-date">1890</span> The Old Mill bridge is built' in page
    assert '<span class="timeline-date">April 2024</span> Work starts' in page
    assert '<span class="timeline-date">1 March 2024</span> Council votes 7–2' in page
    assert "the articles say “over a century ago”" in page
