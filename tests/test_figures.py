"""Every number in a fact is a figure, and every figure is checked against each article
the fact cites, in that article's language: a made-up storm briefing (`squall`) whose
articles are in English, French and Spanish. One wrong digit, in any kind of figure and
in either language of the briefing, is refused where it stands."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, edit
from conftest import content_problems as problems
from generator.check.briefing import load_content
from generator.verify.articles import Readers, claims
from generator.verify.figures import Reader

SQUALL = Path(__file__).resolve().parent / "briefings" / "squall"

FRENCH_TAKEAWAYS = """takeaways:
  - text: "La tempête Iris a touché terre mardi avec des rafales jusqu’à 190 km/h."
    sources: [courrier, diario, wire]
  - text: "Environ 12 000 habitants ont été évacués, environ douze mille selon le Courrier."
    sources: [courrier, wire, diario]
  - text: "Il est tombé 312 millimètres de pluie en 24 heures."
    sources: [courrier, wire]
  - text: "Les secours ont mené 37 sauvetages."
    sources: [courrier, wire]
  - text: "Les vagues ont atteint 6,1 mètres."
    sources: [courrier, wire, diario]
  - text: "Les prévisionnistes attendent de 50 à 80 millimètres de pluie."
    sources: [courrier, wire, diario]
  - text: "La réparation coûterait 1,5 milliard d’euros."
    sources: [courrier, wire]
  - text: "Iris a touché terre vers 2 h 40."
    sources: [courrier, courier]
key_figures:"""


def squall_copy(tmp_path: Path, language: str = "en") -> Path:
    target = tmp_path / "content"
    shutil.copytree(SQUALL, target)
    if language == "fr":  # the same briefing written in French, citing the same articles
        path = target / "briefing.yml"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"takeaways:\n.*?\nkey_figures:", FRENCH_TAKEAWAYS, text, flags=re.DOTALL).replace("language: en", "language: fr")
        standfirst = "La tempête Iris a touché terre mardi près de Port-Avel avec des vents jusqu’à 190 km/h ; environ 12 000 habitants ont été évacués."
        text = re.sub(r'standfirst: ".*"', f'standfirst: "{standfirst}"', text)
        path.write_text(text, encoding="utf-8")
        # Its other files in French too: an English "24 hours" is no French duration.
        edit(
            target / "timeline.yml",
            "Gusts of up to 118 mph; 312 millimetres of rain fall in 24 hours.",
            "Rafales jusqu’à 190 km/h ; 312 millimètres de pluie en 24 heures.",
        )
        edit(target / "figures.yml", 'label: "Rain in 24 hours"', 'label: "Pluie en 24 heures"')
        # Its quotes the other way round: the English one translated, the French one as printed.
        edit(target / "quotes.yml", '  translation: {words: "No one will sleep outside tonight", by: "the desk"}\n', "")
        edit(
            target / "quotes.yml",
            '  text: "We will rebuild every home."\n',
            '  text: "We will rebuild every home."\n  translation: {words: "Nous reconstruirons chaque maison.", by: "la rédaction"}\n',
        )
    return target


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_mixed_language_briefing_is_verified_in_each_article_s_language(tmp_path, language):
    content = squall_copy(tmp_path, language)
    checked = load_content(content, content / "archive").verification
    said = {
        "en": r"\d+ figures \(.*measurements.*\), \d+ quotes? and \d+ wordings? of the articles checked against 4 articles in .+",
        "fr": r"\d+ chiffres \(.*mesures.*\), \d+ citations? et \d+ formulations? des articles vérifiés dans 4 articles de .+",
    }
    assert re.fullmatch(said[language], checked)  # in the editor's language: the briefing's own


ENGLISH_MUTATIONS = [
    ('gusts of up to 118 mph."\n    sources: [wire, courier', 'gusts of up to 128 mph."\n    sources: [wire, courier', "figure '128 mph'"),
    ("312 millimetres of rain", "321 millimetres of rain", "figure '321 millimetres'"),
    (
        'About 12,000 residents were evacuated."\n    sources: [wire, courrier',
        'About 21,000 residents were evacuated."\n    sources: [wire, courrier',
        "figure '21,000'",
    ),
    ("37 rescues", "73 rescues", "figure '73'"),
    ("6.1 metres", "6.7 metres", "figure '6.7 metres'"),
    ("50 to 80 millimetres", "50 to 90 millimetres", "figure '50 to 90 millimetres'"),
    ("€1.5 billion", "€2.5 billion", "figure '€2.5 billion'"),
    ("in 24 hours", "in 48 hours", "figure '48 hours'"),
    ("around 2:40 a.m.", "around 2:50 a.m.", "figure '2:50 a.m.'"),
    ("{max: 118, unit: mph", "{max: 128, unit: mph", "figure '128 mph'"),
    ("{value: 12000, unit: residents", "{value: 21000, unit: residents", "figure '21000'"),
    # A count that looks like a year, or follows a capitalised word, is still a count.
    ("carried out 37 rescues overnight", "carried out 1937 rescues overnight", "figure '1937'"),
    ("Rescue crews carried out 37 rescues", "On Tuesday crews carried out 52 rescues", "figure '52'"),
    ("Rescue crews carried out 37 rescues", "In Port Avel crews made 40 rescues", "figure '40'"),
    # "About 1200" is an estimate, not a year.
    ('- text: "About 12,000 residents were evacuated."', '- text: "Residents evacuated: about 1200."', "figure '1200'"),
    # A count is found only as a count: the articles' "24 hours" and "80 millimetres" count no rescues.
    ("carried out 37 rescues overnight", "carried out 24 rescues overnight", "figure '24'"),
    ("carried out 37 rescues overnight", "carried out 80 rescues overnight", "figure '80'"),
    # What the words say of a number is checked too: no fact drops the article's "about" or "up to", or turns it round.
    (
        'About 12,000 residents were evacuated."\n    sources: [wire, courrier',
        '12,000 residents were evacuated."\n    sources: [wire, courrier',
        "figure '12,000'",
    ),
    ('gusts of up to 118 mph."\n    sources: [wire, courier', 'gusts of more than 118 mph."\n    sources: [wire, courier', "figure '118 mph'"),
    ("{max: 118, unit: mph", "{value: 118, unit: mph", "figure '118 mph'"),
    # The Spanish "Unos 12.000" is "about" too, though text2num would read its "unos" as a number.
    ("118 mph. About 12,000 residents", "118 mph. 12,000 residents", "figure '12,000'"),
    ("{value: 12000, unit: residents, approximate: true}", "{value: 12000, unit: residents, approximate: over}", "figure '12000'"),
]


FRENCH_MUTATIONS = [
    ("rafales jusqu’à 190 km/h", "rafales jusqu’à 210 km/h", "figure '210 km/h'"),
    # What the words say of a number is checked too: "plus de" is not the article's "environ".
    ("Environ 12 000 habitants", "Plus de 12 000 habitants", "figure '12 000'"),
    ("rafales jusqu’à 190 km/h", "rafales de 190 km/h", "figure '190 km/h'"),
    ("Environ 12 000 habitants", "Environ 21 000 habitants", "figure '21 000'"),
    ("douze mille selon", "vingt et un mille selon", "figure 'vingt et un mille'"),
    ("312 millimètres", "321 millimètres", "figure '321 millimètres'"),
    ("37 sauvetages", "73 sauvetages", "figure '73'"),
    ("6,1 mètres", "6,7 mètres", "figure '6,7 mètres'"),
    ("de 50 à 80 millimètres", "de 50 à 90 millimètres", "figure '50 à 90 millimètres'"),
    ("1,5 milliard", "2,5 milliard", "figure '2,5 milliard d’euros'"),
    ("en 24 heures", "en 48 heures", "figure '48 heures'"),
    ("vers 2 h 40", "vers 2 h 50", "figure '2 h 50'"),
    ("37 sauvetages", "24 sauvetages", "figure '24'"),
]


MUTATIONS = [("en", *case) for case in ENGLISH_MUTATIONS] + [("fr", *case) for case in FRENCH_MUTATIONS]


@pytest.mark.parametrize("language, typed, mistyped, reported", MUTATIONS, ids=[f"{case[0]}: {case[3]}" for case in MUTATIONS])
def test_one_wrong_number_in_a_fact_is_refused_where_it_stands(tmp_path, language, typed, mistyped, reported):
    content = squall_copy(tmp_path, language)
    line = edit(content / "briefing.yml", typed, mistyped)
    found = problems(content)
    # A French briefing's editors read it in French (the editors' catalogue).
    said = f"{reported} not found in " if language == "en" else f"chiffre «\u00a0{reported.removeprefix('figure ').strip(chr(39))}\u00a0» introuvable dans "
    assert found and all(f"briefing.yml:{line}:" in problem and said in problem for problem in found), found


@pytest.mark.parametrize(
    "typed, mistyped, quoted",
    [
        (
            'gusts of up to 118 mph."\n    sources: [wire, courier',
            'gusts of 118 mph."\n    sources: [wire, courier',
            "“up to 118 mph”",
        ),  # the words the fact dropped
        ('- text: "About 12,000 residents', '- text: "Nearly 12,000 residents', "“About 12,000”, “Environ 12 000”, “Unos 12.000”"),
    ],
)
def test_a_number_given_with_other_words_is_refused_with_the_articles_own_words(tmp_path, typed, mistyped, quoted):
    content = squall_copy(tmp_path)
    edit(content / "briefing.yml", typed, mistyped)
    (problem,) = problems(content)
    assert problem.endswith(f"the article gives {quoted}: write the number with its words for it, adding none and dropping none (“about”, “nearly”, “up to” …)")


def test_an_article_in_another_unit_supports_the_fact_converted_and_rounded_to_its_digits(tmp_path):
    content = squall_copy(tmp_path)
    # 118 mph is 189.9 km/h: the French and Spanish articles' 190 km/h support it; 119 mph (191.5) they do not.
    load_content(content, content / "archive")
    edit(
        content / "briefing.yml",
        'gusts of up to 118 mph."\n    sources: [wire, courier, courrier, diario]',
        'gusts of up to 119 mph."\n    sources: [courrier, diario]',
    )
    (problem,) = problems(content)
    assert "figure '119 mph' not found in courrier, diario, which this fact cites; check the number: the article gives “190 km/h”" in problem


def squall_with_a_takeaway_in_miles(tmp_path, reported: str, takeaway: str):
    """The squall briefing with km and miles declared, the wire reporting `reported`, and a
    takeaway citing the wire."""
    content = squall_copy(tmp_path)
    edit(
        content / "briefing.yml",
        "units:\n",
        'units:\n  km: {shown: "{value} km", figure: measurement, measure: kilometer, written: {en: [km]}}\n  miles: {shown: "{value} miles", figure: measurement, measure: mile, written: {en: [miles]}}\n',
    )
    wire = content / "archive" / "wire.txt"
    wire.write_text(wire.read_text(encoding="utf-8") + f"\n{reported}\n", encoding="utf-8")
    text = 'Forecasters expect a further 50 to 80 millimetres of rain by Thursday."\n    sources: [wire, courrier, diario]'
    edit(content / "briefing.yml", text, text + f'\n  - text: "{takeaway}"\n    sources: [wire]')
    return content


def line_of(path, text: str) -> int:
    """The line of the file on which `text` stands."""
    written = path.read_text(encoding="utf-8")
    return written.count("\n", 0, written.index(text)) + 1


def test_a_conversion_must_hold_both_ways_so_a_rounded_article_does_not_support_a_loose_figure(tmp_path):
    # 1 km is 0.62 miles: "0.6 miles" is what it says; 0.9 miles (1.45 km) only rounds to 1 km.
    content = squall_with_a_takeaway_in_miles(tmp_path, "The sea came 1 km inland.", "The sea came 0.6 miles inland.")
    load_content(content, content / "archive")
    line = edit(content / "briefing.yml", "The sea came 0.6 miles inland.", "The sea came 0.9 miles inland.")
    (problem,) = problems(content)
    assert f"briefing.yml:{line}:" in problem and "figure '0.9 miles' not found in wire" in problem, problem


@pytest.mark.parametrize(
    "reported",
    ["The sea came 1 km inland on the coast road, and 2 km at the river mouth.", "The sea came between 1 and 2 km inland."],
    ids=["ends apart", "a range"],
)
@pytest.mark.parametrize("written, supported", [("0.6 to 1.2 miles", True), ("0.6 to 1.5 miles", False)])
def test_a_range_in_another_unit_is_supported_each_end_rounded_to_its_own_digits(tmp_path, reported, written, supported):
    # 1.2 miles is 1.93 km, which the article rounds to 2 km; 1.5 miles (2.41 km) it would not.
    content = squall_with_a_takeaway_in_miles(tmp_path, reported, f"The sea came {written} inland.")
    line = line_of(content / "briefing.yml", f"The sea came {written} inland.")
    if supported:
        load_content(content, content / "archive")
    else:
        found = problems(content)
        assert len(found) == 1 and f"briefing.yml:{line}:" in found[0] and f"figure '{written}' not found in wire" in found[0], found


@pytest.mark.parametrize("quoted", ["his bridge will carry us for another century", "This bridge will carry us for another cent"])
def test_a_quote_is_found_only_as_whole_words_of_the_article(tiny_copy, quoted):
    content = tiny_copy
    line = edit(content / "quotes.yml", 'text: "This bridge will carry us for another century."', f'text: "{quoted}"')
    found = problems(content)
    assert [problem for problem in found if f"quotes.yml:{line}:" in problem and "direct quote not found word for word in gazette" in problem], found


def test_a_quote_may_be_part_of_what_the_article_prints_in_whole_words(tiny_copy):
    content = tiny_copy
    edit(content / "quotes.yml", 'text: "This bridge will carry us for another century."', 'text: "bridge will carry us"')
    load_content(content, content / "archive")


def test_the_articles_own_words_for_a_date_are_checked(tmp_path):
    content = squall_copy(tmp_path)
    landfall = 'when: {date: "2025-11-04", editor_supplied: true, as_reported: "on Tuesday"}'
    line = edit(content / "timeline.yml", landfall, landfall.replace("on Tuesday", "by Monday afternoon"))
    (problem,) = problems(content)
    assert problem.endswith(
        f"timeline.yml:{line}:66: timeline[landfall].when.as_reported: the articles' words 'by Monday afternoon' not found in any of wire, courrier; "
        "write the words as an article gives them"
    )


def test_a_unit_pint_does_not_know_is_refused_at_its_measure(tmp_path):
    content = squall_copy(tmp_path)
    line = edit(content / "briefing.yml", 'measure: "mile / hour"', 'measure: "miles per our"')
    (problem,) = problems(content)
    assert f"briefing.yml:{line}:" in problem and "briefing.units.mph.measure: 'miles per our' is not a unit pint knows" in problem


def test_a_missing_article_adds_no_false_alarms_about_what_it_reports(tmp_path):
    content = squall_copy(tmp_path)
    (content / "archive" / "diario.txt").unlink()
    (problem,) = problems(content)
    assert "sources.yml:" in problem and "article 'diario.txt' is not in the archive" in problem


def test_make_check_lists_every_number_it_checked_as_the_number_alone(tmp_path):
    content = squall_copy(tmp_path)
    line = edit(content / "briefing.yml", "Rescue crews carried out 37 rescues overnight.", "Rescue crews carried out 37 rescues overnight; 37.")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(content), "--archive", str(content / "archive"), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == f"{content}/briefing.yml:{line}:11: briefing.takeaways[4].text: note, not a problem: number '37' is checked as the number alone: nothing after it says what it counts"
    )
    assert lines[1].startswith(f"{content}: content is valid; ")


# --- every figure the check reports, one digit changed --------------------------------------


def _figures_in_briefing_yml(content: Path) -> list[str]:
    """The numbers of briefing.yml's texts as written, as the check reads them."""
    checked = load_content(content, content / "archive")
    entries = {"briefing": checked.briefing, **{page.slug: page.entries for page in checked.pages if page.kind.reads == "entries"}}
    found = claims(entries, Readers(checked.briefing.units, checked.briefing.language)).claims
    return sorted({claim.written for claim in found if claim.kind == "figure" and claim.file == "briefing" and re.search(r"\d", claim.written)})


@pytest.mark.parametrize("language", ["en", "fr"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_any_figure_the_check_reports_with_one_digit_changed_is_refused(tmp_path_factory, language, data):
    content = squall_copy(tmp_path_factory.mktemp("squall"), language)
    written = data.draw(st.sampled_from(_figures_in_briefing_yml(content)), label="figure")
    digits = [index for index, character in enumerate(written) if character.isdigit()]
    position = data.draw(st.sampled_from(digits), label="digit")
    new_digit = data.draw(st.sampled_from([digit for digit in "0123456789" if digit != written[position] and (digit != "0" or position != digits[0])]))
    mistyped = written[:position] + new_digit + written[position + 1 :]
    articles = " ".join(path.read_text(encoding="utf-8") for path in (content / "archive").glob("*.txt"))
    number = re.search(r"\d[\d,. ]*\d|\d", mistyped[max(0, position - 6) :]).group(0)
    assume(number not in articles)  # a digit change that makes another figure the articles do report proves nothing
    path = content / "briefing.yml"
    text = path.read_text(encoding="utf-8")
    assume(text.count(written) == 1)
    path.write_text(text.replace(written, mistyped), encoding="utf-8")
    assert any(f"figure '{mistyped}" in problem or f"'{mistyped}'" in problem or f"«\u00a0{mistyped}" in problem for problem in problems(content))


def test_the_check_s_report_for_a_pull_request_lists_problems_in_code_blocks(tmp_path):
    content = squall_copy(tmp_path)
    edit(
        content / "briefing.yml",
        '118 mph."\n    sources: [wire, courier, courrier, diario]',
        '118 mph."\n    sources: ["wire```` <script>", courier, courrier, diario]',
    )
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(content), "--archive", str(content / "archive"), "check", "--summary", str(summary)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    problem = next(line for line in result.stderr.splitlines() if "'wire```` <script>' is not a valid id" in line)
    assert summary.read_text(encoding="utf-8") == (  # the fence outlasts the backticks the problem echoes
        f"## Content check of `content`: 1 problem\n\nNothing was built. Each problem names its file, line and field:\n\n`````text\n{problem}\n`````\n\n"
    )


def test_the_check_s_report_says_what_was_verified(tmp_path):
    content = squall_copy(tmp_path)
    summary = tmp_path / "summary.md"
    args = [sys.executable, "-m", "generator", "--content", str(content), "--archive", str(content / "archive"), "check", "--summary", str(summary)]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    verification = result.stderr.strip().splitlines()[-1].split("content is valid; ", 1)[1]
    assert summary.read_text(encoding="utf-8") == f"## Content check of `content`: valid\n\nVerified: {verification}.\n\n"


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("en", "Four articles agree, and three of the five sources say so.", [("own sources", "Four"), ("own sources", "three"), ("own sources", "five")]),
        ("fr", "Quatre articles le disent, et trois des cinq sources aussi.", [("own sources", "Quatre"), ("own sources", "trois"), ("own sources", "cinq")]),
        ("en", "Crews made 37 rescues, the articles say.", []),
    ],
)
def test_a_count_of_the_briefings_own_articles_is_not_a_figure(language, text, expected):
    from generator.verify.figures import Reader

    reading = Reader(language, (), ())
    found = reading.read(text)
    assert [(number.why, number.written) for number in found.not_figures] == expected
    if not expected:
        assert [figure.written for figure in found.figures] == ["37"]


# --- quotes the articles print in another language -----------------------------------------


def test_a_quote_printed_in_french_without_a_translation_is_refused_where_it_stands(tmp_path):
    content = squall_copy(tmp_path)
    line = edit(content / "quotes.yml", '  translation: {words: "No one will sleep outside tonight", by: "the desk"}\n', "") - 1
    (problem,) = problems(content)
    assert problem.endswith(
        f"quotes.yml:{line}:9: quotes[no-one-outside].text: the articles it cites print these words in fr, and this briefing is in en: "
        'show them translated, with who translated them (`translation: {words: "…", by: "the desk"}`); '
        "the words as printed stay here, checked against the article"
    )


def test_a_translated_quote_is_checked_in_the_language_it_was_printed_in(tmp_path):
    content = squall_copy(tmp_path)
    line = edit(content / "quotes.yml", 'text: "Personne ne dormira dehors ce soir"', 'text: "Personne ne dormira dehors cette nuit"')
    (problem,) = problems(content)
    assert f"quotes.yml:{line}:" in problem and "direct quote not found word for word in courrier" in problem


def test_a_translation_of_words_an_article_prints_in_the_briefings_language_is_refused(tmp_path):
    content = squall_copy(tmp_path)
    line = (
        edit(content / "quotes.yml", '  text: "We will rebuild every home."\n', '  text: "We will rebuild every home."\n  translation: {words: "x", by: "y"}\n')
        + 1
    )
    (problem,) = problems(content)
    assert f"quotes.yml:{line}:" in problem and "quotes[rebuild].translation: an article it cites prints these words in en, the briefing's language" in problem


def test_a_number_in_a_translation_is_checked_against_the_article_as_a_quantity(tmp_path):
    content = squall_copy(tmp_path)
    edit(content / "archive" / "courrier.txt", "« Personne ne dormira dehors ce soir »", "« Personne ne dormira dehors ce soir, ni les 12 000 évacués »")
    edit(content / "quotes.yml", 'text: "Personne ne dormira dehors ce soir"', 'text: "Personne ne dormira dehors ce soir, ni les 12 000 évacués"')
    line = edit(content / "quotes.yml", 'words: "No one will sleep outside tonight"', 'words: "No one will sleep outside tonight, nor the 21,000 evacuated"')
    (problem,) = problems(content)
    assert f"quotes.yml:{line}:" in problem and "figure '21,000' not found in courrier" in problem


@pytest.mark.parametrize(
    "file, typed, mistyped, reported",
    [
        ("guidance.yml", "closed for five days", "closed for two days", "figure 'two days'"),  # a number word under three, before a unit
        ("briefing.yml", "Waves reached 6.1 metres", "Waves reached -6.1 metres", "figure '-6.1 metres'"),
        ("briefing.yml", "Waves reached 6.1 metres", "Waves reached \u22126.1 metres", "figure '\u22126.1 metres'"),  # the minus sign
        ("figures.yml", 'label: "Rain in 24 hours"', 'label: "Rain in one hour"', "figure 'one hour'"),
    ],
)
def test_small_number_words_before_a_unit_and_minus_signs_are_read(tmp_path, file, typed, mistyped, reported):
    content = squall_copy(tmp_path)
    line = edit(content / file, typed, mistyped)
    found = problems(content)
    assert found and all(f"{file}:{line}:" in problem and f"{reported} not found in " in problem for problem in found), found


def test_small_number_words_that_count_nothing_are_not_figures():
    from generator.verify.figures import Reader

    reading = Reader("en", (), ()).read("One of them said the two leaders would meet; no one knows when.")
    assert reading.figures == []


@pytest.mark.parametrize(
    "language, text, hours",
    [
        ("en", "After the hour-and-a-half call, the president posted.", Decimal("1.5")),
        ("en", "The meeting lasted half an hour.", Decimal("0.5")),
        ("fr", "Un entretien d’une heure et demie a suivi.", Decimal("1.5")),
        ("es", "La llamada duró una hora y media.", Decimal("1.5")),
        ("de", "Das Gespräch dauerte anderthalb Stunden.", Decimal("1.5")),
    ],
)
def test_a_duration_written_out_in_words_text2num_does_not_read_is_a_duration(language, text, hours):
    (figure,) = Reader(language).read(text).figures
    assert (figure.kind, figure.low, figure.unit) == ("duration", hours, "hour")
