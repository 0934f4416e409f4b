"""Every citation earns its place: a quote or a figure must stand in every article its
fact cites; what the check establishes is kept in a verification record that travels
with the content, so the check holds where the articles are not at hand; and an editor
can list what the articles report that the briefing does not use.

On the made-up tiny briefing and its two made-up articles (`archive/`): the gazette
reports the vote, the $4 billion, the tolls (5% to 2% for 90 days) and the mayor's
words; the radio the $4 billion and the bridge's age."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, edit
from conftest import content_problems as problems
from generator.check.briefing import load_content
from generator.core.errors import ContentError
from generator.core.settings import Settings
from generator.pipeline import verified_content
from generator.verify.articles import Readers, claims


def verify(content_dir) -> str:
    """`make check` where the articles are: the record is written."""
    return verified_content(Settings(content_dir=content_dir, archive_dir=content_dir / "archive", write_record=True)).verification


# --- per citation ------------------------------------------------------------------------


def test_a_figure_must_stand_in_every_article_its_fact_cites_and_the_message_says_which_do(tiny_copy):
    line = edit(tiny_copy / "tariffs.yml", "  sources: [gazette]", "  sources: [gazette, radio]")
    found = problems(tiny_copy)
    assert any(
        f"tariffs.yml:{line}:" not in problem
        and "tariffs[bridge-toll].before: figure '5%' not found in radio, which this fact cites; it is in gazette: cite only the articles that report it"
        in problem
        for problem in found
    ), found


def test_a_quote_must_stand_in_every_article_it_cites(tiny_copy):
    edit(tiny_copy / "quotes.yml", "  venue: public remarks\n  sources: [gazette]", "  venue: public remarks\n  sources: [gazette, radio]")
    assert any(
        "quotes[mayor-on-vote].text: direct quote not found word for word in radio, which this fact cites; it is in gazette" in problem
        for problem in problems(tiny_copy)
    )


def test_numbers_written_in_words_are_figures_on_both_sides(tiny_copy):
    # The gazette says "for 90 days": "ninety days" in the content is the same figure...
    edit(tiny_copy / "tariffs.yml", 'covers: "Vehicles crossing the bridge"', 'covers: "Vehicles crossing the bridge, for ninety days"')
    load_content(tiny_copy, tiny_copy / "archive")
    # ...and "eighty days" is a figure the gazette does not have.
    edit(tiny_copy / "tariffs.yml", "for ninety days", "for eighty days")
    assert any("figure 'eighty days' not found in gazette" in problem for problem in problems(tiny_copy))


def test_the_articles_own_words_for_a_date_need_only_be_in_one_of_its_sources(tiny_copy):
    # "over a century ago" is the radio's; an event citing both articles may quote it.
    edit(
        tiny_copy / "timeline.yml",
        '  title: "The Old Mill bridge is built"\n  sources: [radio]',
        '  title: "The Old Mill bridge is built"\n  sources: [radio, gazette]',
    )
    load_content(tiny_copy, tiny_copy / "archive")


def test_a_date_the_editor_derived_cites_no_article_and_says_how_it_was_worked_out(tiny_copy, tmp_path):
    with (tiny_copy / "timeline.yml").open("a", encoding="utf-8") as timeline:
        timeline.write(
            '- id: tolls-end\n  when: {date: "2024-05-30", editor_supplied: true, derived: "90 days from March 1"}\n'
            '  title: "The lower tolls end"\n  sources: []\n'
        )
    from conftest import build_briefing

    page = build_briefing(tiny_copy, tmp_path).html("timeline")
    assert "Editor’s date, worked out: 90 days from March 1; no article gives it" in page
    edit(tiny_copy / "timeline.yml", ', editor_supplied: true, derived: "90 days from March 1"}', "}")
    assert any("`sources` is missing" in problem for problem in problems(tiny_copy))


# --- the verification record ----------------------------------------------------------------------


def test_the_check_says_what_it_verified_by_kind_and_how(tiny_copy):
    checked = "15 figures (2 counts, 8 numbers alone, 2 percentages, 2 amounts of money, 1 duration), 1 quote and 1 wording of the articles"
    assert verify(tiny_copy) == f"{checked} checked against 2 articles in {tiny_copy / 'archive'}; verification.yml updated"
    assert (tiny_copy / "verification.yml").is_file()
    assert load_content(tiny_copy).verification == f"{checked} verified by the verification record (verification.yml)"


def test_the_record_keeps_hashes_not_the_articles_words(tiny_copy):
    verify(tiny_copy)
    record = (tiny_copy / "verification.yml").read_text(encoding="utf-8")
    assert "century" not in record and "carry us" not in record  # the quote's words stay in the content
    assert '"quotes.yml [mayor-on-vote].text":\n    - {what: "quote", in: gazette, found: ' in record
    assert record.count("\n    - ") >= 6


def test_without_the_articles_a_quote_changed_since_it_was_verified_fails_where_it_stands(tiny_copy):
    verify(tiny_copy)
    line = edit(tiny_copy / "quotes.yml", "This bridge will carry us for another century.", "This bridge will carry us for two centuries.")
    (problem,) = problems(tiny_copy, archive=False)
    assert f"quotes.yml:{line}:" in problem and "quotes[mayor-on-vote].text" in problem
    assert "not verified against gazette" in problem and "run `make check` where they are (ARCHIVE=folder)" in problem


def test_without_the_articles_a_new_figure_fails_until_verified(tiny_copy):
    verify(tiny_copy)
    edit(tiny_copy / "briefing.yml", "for $4 billion.", "for $4 billion, 12% over budget.")
    assert any("figure '12%' is not verified against gazette, radio" in problem for problem in problems(tiny_copy, archive=False))


def test_when_verification_is_required_content_without_a_record_or_articles_fails(tiny_copy):
    assert load_content(tiny_copy).verification == "quotes and figures not verified: no articles (ARCHIVE=folder) and no verification record"
    found = problems(tiny_copy, archive=False, require_verified=True)
    content = load_content(tiny_copy, tiny_copy / "archive")
    entries = {"briefing": content.briefing, **{page.slug: page.entries for page in content.pages if page.kind.reads == "entries"}}
    every_claim = claims(entries, Readers(content.briefing.units, content.briefing.language)).claims
    assert len(found) == len(every_claim) and all("is not verified against" in problem for problem in found)


def test_a_named_archive_that_does_not_exist_is_an_error(tiny_copy):
    (problem,) = [str(problem) for problem in pytest.raises(ContentError, load_content, tiny_copy, tiny_copy / "archiv").value.problems]
    assert "no such folder of articles" in problem


@pytest.mark.parametrize("archive, summary", [("archiv", "1 problem in the content;"), ("../archiv", "1 problem found;")])
def test_make_check_with_a_mistyped_archive_fails_rather_than_saying_nothing(tiny_copy, archive, summary):
    """The summary blames the content only where the mistyped folder is in it."""
    result = subprocess.run(
        ["make", "--no-print-directory", "check", f"CONTENT={tiny_copy}", f"ARCHIVE={tiny_copy}/{archive}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "no such folder of articles" in result.stderr
    assert summary in result.stderr


# --- the coverage report ---------------------------------------------------------------------------


def coverage(content_dir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "coverage", "--content", str(content_dir), "--archive", str(content_dir / "archive")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_coverage_lists_what_no_fact_uses_until_it_is_acknowledged(tiny_copy):
    (tiny_copy / "archive" / "radio.txt").write_text(
        (tiny_copy / "archive" / "radio.txt").read_text(encoding="utf-8") + '\nA resident said "the old one will do" and tolls could reach 9%.\n',
        encoding="utf-8",
    )
    result = coverage(tiny_copy)
    assert result.returncode == 1
    assert "radio: 2 not used" in result.stdout and "passage “the old one will do”" in result.stdout and "figure “9%”" in result.stdout
    (tiny_copy / "left-out.yml").write_text(
        '- {source: radio, passage: "the old one will do", reason: "One resident\'s view."}\n- {source: radio, figure: "9%", reason: "A guess, not a plan."}\n',
        encoding="utf-8",
    )
    result = coverage(tiny_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passages and figures acknowledged as left out: every one is accounted for" in result.stdout


@pytest.mark.parametrize(
    "entry, expected",
    [
        (
            '{source: radio, passage: "the old one will not do", reason: "A view."}',
            "left-out.yml:1:28: left-out[1].passage: this passage is not in the article radio, so nothing is left out: copy it exactly as the article prints it, or remove the entry",
        ),
        (
            '{source: radio, figure: "9%", reason: "A guess."}',
            "left-out.yml:1:27: left-out[1].figure: this figure is not in the article radio, so nothing is left out: copy it exactly as the article prints it, or remove the entry",
        ),
    ],
    ids=["passage", "figure"],
)
def test_leaving_out_what_the_article_does_not_say_is_a_located_problem(tiny_copy, entry, expected):
    """An acknowledgement that matches nothing would hide the fact it was meant to name."""
    (tiny_copy / "left-out.yml").write_text(f"- {entry}\n", encoding="utf-8")
    result = coverage(tiny_copy)
    assert result.returncode == 1 and expected in result.stderr, result.stderr


def test_an_acknowledgement_naming_an_unknown_source_is_a_located_problem(tiny_copy):
    (tiny_copy / "left-out.yml").write_text('- {source: raido, figure: "9%", reason: "A guess."}\n', encoding="utf-8")
    assert any(
        "left-out.yml:1:12: left-out[1].source: unknown source 'raido'; did you mean 'radio'?" in problem for problem in problems(tiny_copy, archive=False)
    )


INVENTORY = """\
- source: gazette
  says: "The council voted 7–2 to rebuild the bridge"
  covered_by: [timeline#vote]
- source: gazette
  says: "Work starts in spring."
  covered_by: [timeline#work-starts]
- source: gazette
  says: "Tolls fall from 5% to 2% for 90 days."
- source: radio
  says: "built over a century ago"
  covered_by: [timeline#bridge-built]
"""


def test_the_inventory_gives_the_share_of_the_articles_facts_the_briefing_tells(tiny_copy):
    """Each fact a reader needs, with what tells it, or left out with a reason; and the
    sentences that name someone the briefing knows that no fact of it is in."""
    (tiny_copy / "inventory.yml").write_text(INVENTORY, encoding="utf-8")
    (tiny_copy / "left-out.yml").write_text(
        '- {source: gazette, passage: "Tolls fall from 5% to 2% for 90 days.", reason: "The tolls page tells it."}\n', encoding="utf-8"
    )
    result = coverage(tiny_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines()[-3:] == [
        "gazette: 1 sentence naming someone or somewhere the briefing knows, with no fact of inventory.yml or left-out passage in them",
        '  line 3 (Mayor): “"This bridge will carry us for another century," the mayor said.”',
        "inventory: 4 facts of the articles, 3 told by the briefing (75%), 1 left out in left-out.yml",
    ]
    with (tiny_copy / "inventory.yml").open("a", encoding="utf-8") as inventory:
        inventory.write('- source: gazette\n  says: "This bridge will carry us for another century"\n  covered_by: [quotes#mayor-on-vote, players#mayor]\n')
    result = coverage(tiny_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "inventory: 5 facts of the articles, 4 told by the briefing (80%), 1 left out in left-out.yml"


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("Work starts in spring.", "Work starts in summer."),
            "inventory.yml:5:9: inventory[2].says: these words are not in the article gazette: copy a few words of the fact exactly as the article prints them",
        ),
        (
            ("[timeline#work-starts]", "[timeline#work-start]"),
            "inventory.yml:6:16: inventory[2].covered_by[1]: no entry `timeline#work-start` to tell it: "
            "name one as `page#id` (`players#mayor`), or `briefing` for the front page; did you mean 'timeline#work-starts'?",
        ),
        (
            ("[timeline#bridge-built]", "[timeline#work-starts]"),
            "inventory.yml:11:16: inventory[4].covered_by[1]: `timeline#work-starts` does not cite radio: name an entry that tells this fact from this article, or cite the article there",
        ),
        (
            ("  covered_by: [timeline#vote]\n", ""),
            "inventory.yml:2:9: inventory[1].says: nothing tells this fact, and left-out.yml does not leave it out: "
            "name the entries that tell it in `covered_by`, or add it to left-out.yml with the reason",
        ),
    ],
    ids=["words-not-in-the-article", "unknown-entry", "entry-cites-another-article", "neither-told-nor-left-out"],
)
def test_a_mistake_in_the_inventory_is_located_and_says_how_to_fix_it(tiny_copy, change, expected):
    (tiny_copy / "inventory.yml").write_text(INVENTORY.replace(*change), encoding="utf-8")
    (tiny_copy / "left-out.yml").write_text(
        '- {source: gazette, passage: "Tolls fall from 5% to 2% for 90 days.", reason: "The tolls page tells it."}\n', encoding="utf-8"
    )
    result = coverage(tiny_copy)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr


# --- sources a reader can identify -------------------------------------------------------------------


def test_an_article_with_no_outlet_or_headline_stated_is_named_by_what_it_is(tiny_copy, tmp_path):
    from conftest import build_briefing

    edit(tiny_copy / "sources.yml", 'headline: "Bridge vote: what it means"', 'headline: null\n  dateline: "MILLBROOK"')
    (tmp_path / "described").mkdir()
    built = build_briefing(tiny_copy, tmp_path / "described")
    page = built.html("players")
    assert "Explainer, MILLBROOK" in page and "Outlet not stated, no headline" not in page
    edit(
        tiny_copy / "sources.yml",
        '  dateline: "MILLBROOK"',
        '  dateline: "MILLBROOK"\n  label: "Radio Millbrook explainer"\n  url: "https://radio.example.org/bridge"\n  published: "2024-03-02"',
    )
    (tmp_path / "labelled").mkdir()
    built = build_briefing(tiny_copy, tmp_path / "labelled")
    assert "Radio Millbrook explainer" in built.html("players")
    sources = built.html("sources")
    assert 'href="https://radio.example.org/bridge"' in sources and "March 2, 2024" in sources


def test_under_ci_every_quote_and_figure_must_be_verified_by_the_articles_or_the_record(tiny_copy):
    def check(*options: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["make", "--no-print-directory", "check", f"CONTENT={tiny_copy}", *options], cwd=ROOT, capture_output=True, text=True, timeout=120
        )

    assert check("ARCHIVE=", "CI=").returncode == 0, "outside CI, unverified content is only reported"
    unverified = check("ARCHIVE=", "CI=true")
    assert unverified.returncode != 0 and "is not verified against" in unverified.stderr
    assert check("CI=true").returncode == 0, "checked against its own articles, which writes the record"
    assert check("ARCHIVE=", "CI=true").returncode == 0, "now the record verifies it"


def test_a_quote_cited_to_the_wrong_article_is_told_where_it_is_once(tiny_copy):
    edit(tiny_copy / "quotes.yml", "  sources: [gazette]", "  sources: [radio]")
    found = [problem for problem in problems(tiny_copy) if "mayor-on-vote" in problem]
    assert len(found) == 1 and found[0].endswith(
        "direct quote not found word for word in radio, which this fact cites; it is in gazette: cite only the articles that report it"
    ), found


# --- figures the desk vouches for: unchecked.yml ------------------------------------------


def vouch(content_dir, fact: str, figure: str, why: str) -> None:
    with (content_dir / "unchecked.yml").open("a", encoding="utf-8") as file:
        file.write(f'- fact: "{fact}"\n  figure: "{figure}"\n  why: "{why}"\n')


@pytest.mark.parametrize("named", ["briefing.takeaways[1].text", "briefing.yml takeaways[1].text"], ids=["as a problem names it", "as the record does"])
def test_the_fact_is_named_as_the_problem_names_it_or_as_the_record_does(tiny_copy, named):
    edit(tiny_copy / "briefing.yml", "for $4 billion.", "for $4 billion, 12% over budget.")
    (problem,) = [problem for problem in problems(tiny_copy) if "12%" in problem]
    assert "briefing.takeaways[1].text: figure '12%' not found" in problem
    vouch(tiny_copy, named, "12%", "the council's budget paper")
    assert "1 figure left unchecked" in verify(tiny_copy)


def test_a_figure_the_desk_vouches_for_is_left_unchecked_and_the_record_says_why(tiny_copy):
    edit(tiny_copy / "briefing.yml", "for $4 billion.", "for $4 billion, 12% over budget.")
    assert any("figure '12%' not found in gazette, radio" in problem for problem in problems(tiny_copy))
    vouch(tiny_copy, "briefing.yml takeaways[1].text", "12%", "the council's budget paper, page 3; no article gives the overrun")
    said = verify(tiny_copy)
    assert "; 1 figure left unchecked, with why, in unchecked.yml" in said
    record = (tiny_copy / "verification.yml").read_text(encoding="utf-8")
    assert record.endswith(
        'unchecked:\n  "briefing.yml takeaways[1].text":\n'
        '    - {what: "figure \'12%\'", why: "the council\'s budget paper, page 3; no article gives the overrun"}\n'
    )
    load_content(tiny_copy)  # without the articles too: the record has the rest
    # The figure beside it is still checked: $5 billion is refused.
    edit(tiny_copy / "briefing.yml", "for $4 billion, 12%", "for $5 billion, 12%")
    assert any("figure '$5 billion' not found in gazette, radio" in problem for problem in problems(tiny_copy))


@pytest.mark.parametrize(
    "fact, figure, message",
    [
        ("briefing.yml takeaways[9].text", "12%", "no figure '12%' in 'briefing.yml takeaways[9].text' for the check to leave aside"),
        ("briefing.yml takeaways[1].text", "$4 billion", "figure '$4 billion' is in the articles it cites after all: remove this entry, so that it is checked"),
    ],
)
def test_an_entry_that_vouches_for_nothing_or_for_a_verified_figure_is_refused(tiny_copy, fact, figure, message):
    vouch(tiny_copy, fact, figure, "a reason")
    found = problems(tiny_copy)
    assert len(found) == 1 and "unchecked.yml:" in found[0] and message in found[0], found
