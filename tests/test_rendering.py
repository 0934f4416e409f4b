"""The generated Markdown, parsed as a reader's Markdown would be: one page per declared
section, the measures table has a row per measure, every person and quote is there, the
timeline runs in order. On the made-up tiny briefing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from conftest import TINY_CONTENT, build_briefing
from generator.check.briefing import load_content
from generator.content.briefing import EMBED_PREFIX
from generator.render.pages import context_for, render_pages
from pages import parse_html

parser = MarkdownIt("commonmark").enable("table")


def table_rows(markdown: str) -> tuple[list[str], list[list[str]]]:
    """The header cells and body rows of the first table on a page, as text."""
    table = parse_html(markdown).find("table")
    header = [cell.text().strip() for cell in table.find("thead").find_all("th")]
    rows = [
        [cell.text(skip=lambda element: "cite" in element.classes).strip() for cell in row.children if getattr(cell, "tag", None) in ("th", "td")]
        for row in table.find("tbody").find_all("tr")
    ]
    return header, rows


def headings(markdown: str, level: int) -> list[str]:
    tokens = parser.parse(markdown)
    return [
        re.sub(r"\s*\{ #[a-z0-9-]+ \}$", "", tokens[index + 1].content)
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == f"h{level}"
    ]


def test_every_declared_section_is_rendered_as_a_page_the_first_as_the_home_page():
    # The sections as briefing.yml declares them, read here: render_pages itself loops over the generator's own list.
    briefing = yaml.safe_load((TINY_CONTENT / "briefing.yml").read_text(encoding="utf-8"))
    declared = briefing["sections"]
    expected = ["index.md"] + [f"{section.get('slug') or Path(section.get('file') or section['kind']).stem}.md" for section in declared[1:]]
    pages = render_pages(load_content(TINY_CONTENT))
    embeds = [name for name in pages if name.startswith(EMBED_PREFIX)]  # a section's figure alone, for other sites
    assert sorted(name for name in pages if name.endswith(".md") and name not in embeds) == sorted(expected)
    assert headings(pages["index.md"], 1) == [briefing["title"]], "the home page is the briefing's front page"
    assert [headings(pages[name], 1) for name in expected[1:]] == [[section["title"]] for section in declared[1:]]


def test_the_measures_table_has_one_row_per_measure_with_every_column():
    content = load_content(TINY_CONTENT)
    header, rows = table_rows(render_pages(content)["tariffs.md"])
    assert header == ["Measure", "Before", "Now", "In force", "Covers", "Sources"]
    assert len(rows) == len(content.entries("measures")) >= 1
    assert all(len(row) == len(header) for row in rows)
    assert rows[0][:3] == ["Bridge toll", "5%", "2%"]


def test_every_person_has_a_section():
    content = load_content(TINY_CONTENT)
    names = headings(render_pages(content)["players.md"], 3)
    assert names == [person.name for person in content.entries("people")]


def test_every_quote_appears_with_its_id():
    content = load_content(TINY_CONTENT)
    page = render_pages(content)["quotes.md"]
    for quote in content.entries("quotes"):
        assert f'id="quote-{quote.id}"' in page


def timeline_dates(content) -> list[str]:
    page = render_pages(content)["timeline.md"]
    return [re.search(r'<span class="timeline-date">(.*?)</span>', heading).group(1) for heading in headings(page, 3)]


def test_timeline_events_run_in_date_order_whatever_the_order_in_yaml():
    content = load_content(TINY_CONTENT)
    assert timeline_dates(content) == ["1890", "March 1, 2024", "April 2024"]
    present = context_for(content).present
    ordered = sorted(content.entries("timeline"), key=lambda event: event.when.date.earliest)
    assert timeline_dates(content) == [present.span(event.when) for event in ordered]


def test_a_date_is_shown_at_its_precision():
    page = render_pages(load_content(TINY_CONTENT))["timeline.md"]
    assert '<span class="timeline-date">1890</span> The Old Mill bridge is built' in page
    assert '<span class="timeline-date">April 2024</span> Work starts' in page
    assert '<span class="timeline-date">March 1, 2024</span> Council votes 7–2' in page
    assert "the articles: “over a century ago”" in page


def test_a_long_page_opens_with_a_list_of_its_entries_and_a_short_one_does_not(tmp_path):
    """Eight entries or more: a folded "On this page" at the top links each one, in order."""
    content = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, content)
    assert "jump-list" not in render_pages(load_content(content))["players.md"], "two people need no list"
    people = "".join(
        f'- id: resident-{number}\n  name: "Resident {number}"\n  role: "Lives by the river"\n  side: residents\n  kind: person\n'
        f'  actions:\n    - text: "Spoke at the meeting."\n      sources: [radio]\n  sources: [radio]\n'
        for number in range(1, 7)
    )
    with (content / "players.yml").open("a", encoding="utf-8") as players:
        players.write(people)
    (tmp_path / "built").mkdir()
    site = build_briefing(content, tmp_path / "built").site
    article = parse_html((site / "players" / "index.html").read_text(encoding="utf-8")).find("article")
    jump = article.find("details", cls="jump-list")
    assert jump.find("summary").text() == "On this page"
    links = [(link.text(), link.attrs["href"]) for link in jump.find_all("a")]
    assert links == [(person.name, f"#player-{person.id}") for person in load_content(content).entries("people")]
    assert all(article.find(id=anchor[1:]) for _, anchor in links), "each link leads to its entry"
