"""One entry per thing said. Where the articles word a statement differently, its
wordings are folded under it, each credited to and checked word for word against its
own articles, words quoted in pieces stay together in one wording, and the statement
links to where the differences page discusses it.

On the made-up storm briefing, whose fire chief is quoted three ways: whole by the
radio, in two fragments by the Courier, in other words by the wire."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from conftest import content_problems as problems
from conftest import edit
from generator.check.briefing import load_content
from generator.core.inline import plain_text
from generator.core.settings import Settings
from generator.pipeline import verified_content
from generator.render.pages import render_pages
from pages import Element, parse_html

BRIEFINGS = Path(__file__).parent / "briefings"
STORM = BRIEFINGS / "storm"


def is_marker(element: Element) -> bool:
    return "cite" in element.classes


def cited(element: Element) -> set[str]:
    """The sources the markers inside `element` link to, by id."""
    return {
        link.attrs["href"].split("#source-")[1]
        for marker in element.find_all(cls="cite")
        for link in marker.find_all("a")
        if "#source-" in link.attrs.get("href", "")
    }


def words(element: Element) -> str:
    return element.text(skip=is_marker).strip()


@pytest.fixture(scope="module")
def storm_quotes(built) -> tuple[Element, Element]:
    """The quotes page and the differences page of the storm briefing, built."""
    storm = built(STORM)
    return parse_html(storm.html("quotes")).find("article"), parse_html(storm.html("differences")).find("article")


def storm_copy(tmp_path: Path) -> Path:
    content = tmp_path / "storm"
    shutil.copytree(STORM, content)
    return content


# --- the page -----------------------------------------------------------------------------


def test_a_statement_worded_three_ways_is_one_entry_that_leads_with_its_first_wording(storm_quotes):
    quotes, _ = storm_quotes
    entries = [block for block in quotes.find_all("blockquote", cls="quote") if "upstairs windows" in block.text()]
    assert [block.attrs["id"] for block in entries] == ["quote-fire-chief-windows"]
    entry = entries[0]
    assert words(entry.find("p")) == "“We pulled families out of upstairs windows in the Old Quay.”"
    others = [words(item) for item in entry.find("details", cls="quote-wordings").find_all("li")]
    assert others == ["“pulled families out of upstairs windows … worked until dawn”", "“We got families out of upstairs windows in the Old Quay.”"], (
        "fragments stay together, in order, in one wording"
    )


def test_each_wording_credits_its_own_articles(storm_quotes):
    quotes, _ = storm_quotes
    entry = quotes.find("blockquote", id="quote-fire-chief-windows")
    assert cited(entry.find("p")) == {"bay-radio"}
    assert [cited(item) for item in entry.find("details", cls="quote-wordings").find_all("li")] == [{"courier"}, {"wire"}]
    assert cited(entry.find("p", cls="attribution")) == set(), "the markers stand by the wordings, not again after the context"


def test_a_statement_worded_one_way_reads_as_it_always_has(storm_quotes):
    quotes, _ = storm_quotes
    entry = quotes.find("blockquote", id="quote-mayor-leave-now")
    assert not entry.find_all("details", cls="quote-wordings") and not entry.find_all(cls="quote-differences")
    assert words(entry.find("p")).startswith("“If you live on the seafront")
    assert cited(entry.find("p", cls="attribution")) == {"courier", "wire"}


def test_how_the_articles_report_a_statement_is_folded_under_it_not_told_with_it(storm_quotes):
    """The story first: what it is about under the quote; how each article prints it, one tap away."""
    quotes, _ = storm_quotes
    content = load_content(STORM)
    for quote_id in ("fire-chief-windows", "weather-office-strongest"):
        quote = next(entry for entry in content.entries("quotes") if entry.id == quote_id)
        entry = quotes.find("blockquote", id=f"quote-{quote_id}")
        fold = entry.find("details", cls="quote-wordings")
        assert words(fold.find("summary")) == "How the articles report it"
        assert words(fold.find("p", cls="quote-reporting")) == plain_text(quote.reporting)
        assert plain_text(quote.reporting) not in words(entry.find("p", cls="attribution"))
    single = quotes.find("blockquote", id="quote-weather-office-strongest")
    assert not single.find("details", cls="quote-wordings").find_all("li"), "one wording: the note alone"


def test_a_statement_links_to_where_the_sources_differ_on_it(storm_quotes):
    quotes, differences = storm_quotes
    links = quotes.find("blockquote", id="quote-fire-chief-windows").find("p", cls="quote-differences").find_all("a")
    assert [(link.text(), link.attrs["href"].rsplit("/", 2)[-2:]) for link in links] == [
        ("The fire chief's words on the rescues", ["differences", "#difference-rescue-words"])
    ]
    assert differences.find("h2", id="difference-rescue-words")


def test_fragments_are_joined_as_the_briefings_language_marks_words_left_out(tmp_path):
    content = tmp_path / "french"
    shutil.copytree(BRIEFINGS / "french", content)
    edit(content / "citations.yml", '  text: "Ce tramway, c’est la ville de nos enfants."', '  fragments: ["Ce tramway", "la ville de nos enfants"]')
    page = html.unescape(render_pages(load_content(content, content / "archive"))["citations.md"])
    assert "«\u202fCe tramway […] la ville de nos enfants\u202f»" in page


# --- the checks ---------------------------------------------------------------------------


def test_every_wording_and_every_fragment_is_checked_against_the_articles_it_cites(tmp_path):
    content = storm_copy(tmp_path)
    checked = load_content(content, content / "archive")
    quotes = [quote for quote in checked.entries("quotes") if quote.kind == "direct"]
    count = sum(len(wording.fragments or [wording.text]) for quote in quotes for wording in quote.all_wordings)
    assert count > len(quotes)
    assert re.match(rf"\d+ figures \(.+\), {count} quotes and ", checked.verification)


@pytest.mark.parametrize(
    "typed, mistyped, field, lacking",
    [
        ("We got families out", "We got the families out", "quotes[fire-chief-windows].wordings[3].text", "wire"),
        ('"worked until dawn"', '"worked till dawn"', "quotes[fire-chief-windows].wordings[2].fragments[2]", "courier"),
    ],
    ids=["wording", "fragment"],
)
def test_a_folded_wording_not_in_its_articles_fails_where_it_stands(tmp_path, typed, mistyped, field, lacking):
    content = storm_copy(tmp_path)
    line = edit(content / "quotes.yml", typed, mistyped)
    (problem,) = problems(content)
    assert f"quotes.yml:{line}:" in problem
    assert f"{field}: direct quote not found word for word in {lacking}, which this fact cites; correct it" in problem


def test_without_the_articles_a_changed_wording_fails_against_the_verification_record(tmp_path):
    content = storm_copy(tmp_path)
    verified_content(Settings(content_dir=content, archive_dir=content / "archive", write_record=True))
    line = edit(content / "quotes.yml", '"worked until dawn"', '"worked until the dawn"')
    (problem,) = problems(content, archive=False)
    assert f"quotes.yml:{line}:" in problem
    assert "quotes[fire-chief-windows].wordings[2].fragments[2]: direct quote is not verified against courier" in problem


def test_the_wordings_of_a_paraphrase_are_not_held_to_the_articles_words(tmp_path):
    content = storm_copy(tmp_path)
    edit(content / "quotes.yml", '  kind: direct\n  context: "On the night\'s rescues."', '  kind: paraphrase\n  context: "On the night\'s rescues."')
    edit(content / "quotes.yml", "We got families out", "He got families out")
    load_content(content, content / "archive")


def test_what_a_folded_statement_says_around_its_words_is_cited_by_all_its_wordings_articles(tmp_path):
    content = storm_copy(tmp_path)
    line = edit(content / "quotes.yml", 'context: "On the night\'s rescues."', 'context: "On the night\'s rescues, within 12 hours of landfall."')
    (problem,) = problems(content)
    assert f"quotes.yml:{line}:" in problem
    assert "quotes[fire-chief-windows].context: figure '12 hours' not found in wire, which this fact cites" in problem


def test_a_dangling_difference_is_reported_at_its_file_line_column_and_field(tmp_path):
    content = storm_copy(tmp_path)
    line = edit(content / "quotes.yml", "differences: [rescue-words]", "differences: [rescue-wrods]")
    assert problems(content, archive=False) == [
        f"{content / 'quotes.yml'}:{line}:17: quotes[fire-chief-windows].differences[1]: unknown difference 'rescue-wrods'; did you mean 'rescue-words'?"
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "  venue: radio interview\n  differences:",
            "  venue: radio interview\n  sources: [wire]\n  differences:",
            "quotes[fire-chief-windows].sources: each of the `wordings` has its own words and sources; move `sources` into one of them",
        ),
        (
            '    - fragments: ["pulled families out of upstairs windows", "worked until dawn"]\n',
            '    - fragments: ["pulled families out of upstairs windows", "worked until dawn"]\n      text: "worked until dawn"\n',
            "quotes[fire-chief-windows].wordings[2].fragments: the words are `text` or `fragments`, not both; delete one",
        ),
        (
            '"pulled families out of upstairs windows", "worked until dawn"',
            '"worked until dawn"',
            "quotes[fire-chief-windows].wordings[2].fragments: needs at least 2 entries",
        ),
        (
            "  sources: [courier, wire]\n- id: weather-office-strongest",
            "- id: weather-office-strongest",
            "quotes[mayor-leave-now].sources: required field `sources` is missing; add it",
        ),
    ],
    ids=["sources-beside-wordings", "text-and-fragments", "one-fragment", "one-wording-without-sources"],
)
def test_a_statement_s_words_are_given_one_way_and_a_mistake_is_located(tmp_path, old, new, expected):
    content = storm_copy(tmp_path)
    edit(content / "quotes.yml", old, new)
    found = problems(content, archive=False)
    assert any(expected in problem and "quotes.yml:" in problem for problem in found), found
