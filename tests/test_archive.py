"""With an archive of the articles named, every direct quote and every figure
is checked against the sources it cites; a mismatch names the fact, its file
and line, and the sources it looked in."""

from __future__ import annotations

import pytest

from conftest import edit
from generator.check.briefing import load_content
from generator.core.errors import ContentError
from generator.verify.articles import figures_in, normalise


def archive_problems(content_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content_dir, content_dir / "archive")
    return [str(problem) for problem in caught.value.problems]


def test_the_tiny_briefing_matches_its_articles(tiny_copy):
    load_content(tiny_copy, tiny_copy / "archive")


@pytest.mark.parametrize(
    "file, typed, mistyped, reported",
    [
        (
            "quotes.yml",
            "This bridge will carry us for another century.",
            "This bridge will carry us for a century.",
            "quotes[mayor-on-vote].text: direct quote not found word for word in gazette, which this fact cites; correct it",
        ),
        (
            "briefing.yml",
            "for $4 billion.",
            "for $40 billion.",
            "briefing.takeaways[1].text: figure '$40 billion' not found in gazette, radio, which this fact cites; check the number",
        ),
        (
            "tariffs.yml",
            "now: {value: 2, unit: percent}",
            "now: {value: 3, unit: percent}",
            "tariffs[bridge-toll].now: figure '3%' not found in gazette, which this fact cites; check the number",
        ),
    ],
    ids=["misquote", "figure-in-text", "rate-in-the-table"],
)
def test_a_mistyped_quote_or_figure_is_caught_with_the_sources_it_looked_in(tiny_copy, file, typed, mistyped, reported):
    line = edit(tiny_copy / file, typed, mistyped)
    (problem,) = archive_problems(tiny_copy)
    assert f"{file}:{line}:" in problem
    assert reported in problem


def test_quote_marks_dashes_spacing_and_case_do_not_count_as_misquotes(tiny_copy):
    edit(tiny_copy / "quotes.yml", "This bridge will carry us for another century.", "this   BRIDGE will carry us for another century.")
    load_content(tiny_copy, tiny_copy / "archive")
    assert normalise("“Very  tough” – he said") == normalise('"very tough" - He said')


def test_a_paraphrase_is_exempt_from_the_word_for_word_rule(tiny_copy):
    load_content(tiny_copy, tiny_copy / "archive")  # its words are not in the article it cites
    line = edit(tiny_copy / "quotes.yml", "kind: paraphrase", "kind: direct")
    (problem,) = archive_problems(tiny_copy)
    assert f"quotes.yml:{line - 1}:" in problem and "quotes[friends-oppose].text: direct quote not found" in problem


def test_a_missing_article_is_reported_on_its_source(tiny_copy):
    (tiny_copy / "archive" / "radio.txt").unlink()
    problems = archive_problems(tiny_copy)
    assert any("sources.yml:" in problem and "article 'radio.txt' is not in the archive" in problem for problem in problems)


def test_figures_are_read_as_articles_write_them():
    found = {
        (figure.kind, figure.value, figure.unit)
        for figure in figures_in("cut from 145 percent to 30% for 90 days after a 90-minute call; a $295 billion deficit, $1,200 in all")
    }
    assert found == {
        ("percent", "145", ""),
        ("percent", "30", ""),
        ("duration", "90", "day"),
        ("duration", "90", "minute"),
        ("money", "295", "billion"),
        ("money", "1200", ""),
    }
