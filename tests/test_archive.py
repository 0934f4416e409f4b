"""With an archive of the articles named, every direct quote and every figure
is checked against the sources it cites; a mismatch names the fact, its file
and line, and the sources it looked in."""

from __future__ import annotations

import pytest

from conftest import content_problems as archive_problems
from conftest import edit
from generator.check.briefing import load_content
from generator.verify.articles import normalise
from generator.verify.figures import Reader


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


def read(language: str, text: str) -> set[tuple[str, str, str, str]]:
    return {(figure.kind, figure.token.split("|")[1], figure.token.split("|")[2], figure.unit) for figure in Reader(language).read(text).figures}


def test_figures_are_read_as_articles_write_them():
    found = read("en", "cut from 145 percent to 30% for 90 days after a 90-minute call; a $295 billion deficit, $1,200 in all")
    assert found == {
        ("percent", "145", "145", ""),
        ("percent", "30", "30", ""),
        ("duration", "90", "90", "day"),
        ("duration", "90", "90", "minute"),
        ("money", "295000000000", "295000000000", "USD"),
        ("money", "1200", "1200", "USD"),
    }


@pytest.mark.parametrize(
    "language, text, figure",
    [
        ("en", "about twelve thousand residents", ("count", "12000", "12000", "")),
        ("fr", "douze mille habitants", ("count", "12000", "12000", "")),
        ("fr", "12 000 habitants", ("count", "12000", "12000", "")),
        ("de", "12.000 Einwohner", ("count", "12000", "12000", "")),
        ("fr", "un budget de 1,5 milliard d’euros", ("money", "1500000000", "1500000000", "EUR")),
        ("en", "a £3bn repair bill", ("money", "3000000000", "3000000000", "GBP")),
        ("es", "1,5 millones de euros", ("money", "1500000", "1500000", "EUR")),
        ("fr", "30 % des foyers", ("percent", "30", "30", "")),
        ("es", "el 30 por ciento", ("percent", "30", "30", "")),
        ("de", "30 Prozent", ("percent", "30", "30", "")),
        ("fr", "en 24 heures", ("duration", "24", "24", "hour")),
        ("de", "seit neunzig Tagen", ("duration", "90", "90", "day")),
        ("en", "around 2:40 a.m.", ("time", "160", "160", "")),
        ("en", "shortly before 3 p.m.", ("time", "900", "900", "")),
        ("fr", "vers 2 h 40", ("time", "160", "160", "")),
        ("de", "um 14:40 Uhr", ("time", "880", "880", "")),
        ("en", "between 12,000 and 15,000 people", ("count", "12000", "15000", "")),
        ("fr", "entre 12 000 et 15 000 personnes", ("count", "12000", "15000", "")),
        ("fr", "52 pour cent des habitants", ("percent", "52", "52", "")),  # "cent" is not a hundred here
        ("fr", "trente pour cent", ("percent", "30", "30", "")),
        ("en", "37 British tourists", ("count", "37", "37", "")),  # a country's adjective is no currency
        ("fr", "37 Suisses", ("count", "37", "37", "")),
        ("en", "1937 rescues", ("count", "1937", "1937", "")),  # four digits that count something
        ("en", "On Tuesday 52 rescues", ("count", "52", "52", "")),
    ],
)
def test_each_language_s_figures_are_read_as_quantities(language, text, figure):
    assert read(language, text) == {figure}


@pytest.mark.parametrize(
    "language, text, why",
    [
        ("en", "under Section 301", "identifier"),
        ("en", "at the G7 summit", "identifier"),
        ("en", "on June 5", "date"),
        ("fr", "le 5 juin", "date"),
        ("es", "el 5 de junio", "date"),
        ("en", "since 1987", "year"),
        ("en", "the 21st century", "ordinal"),
        ("fr", "la 2e fois", "ordinal"),
        ("en", "as sources 1, 3 and 5 say", "identifier"),
    ],
)
def test_what_is_not_a_figure_is_said_and_not_checked(language, text, why):
    reading = Reader(language).read(text)
    assert reading.figures == [] and {number.why for number in reading.not_figures} == {why}
