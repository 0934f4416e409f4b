"""An editor's mistakes in YAML are caught before anything is built, each
reported with the file, the line and the field, and a hint how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit
from generator.check.briefing import load_content
from generator.core.errors import ContentError


def problems_of(content_dir) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    return [str(problem) for problem in caught.value.problems]


def the_problem(content_dir, fragment: str) -> str:
    matching = [problem for problem in problems_of(content_dir) if fragment in problem]
    assert matching, f"no problem mentions {fragment!r}"
    return matching[0]


def test_the_tiny_briefing_is_valid(tiny_copy):
    content = load_content(tiny_copy)
    assert [person.id for person in content.entries("people")] == ["mayor", "friends-of-the-river"]


def test_a_dangling_speaker_names_file_line_and_field_and_suggests_the_player(tiny_copy):
    line = edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: myaor")
    problem = the_problem(tiny_copy, "myaor")
    path, at_line, _ = problem.split(":", 2)
    assert (Path(path).resolve(), int(at_line)) == ((tiny_copy / "quotes.yml").resolve(), line)
    assert "quotes[mayor-on-vote].speaker" in problem
    assert "unknown person 'myaor'; did you mean 'mayor'?" in problem


def test_an_unknown_source_id_is_named_where_it_is_cited(tiny_copy):
    line = edit(tiny_copy / "issues.yml", "      sources: [radio]\n  sources: [gazette, radio]", "      sources: [raido]\n  sources: [gazette, radio]")
    problem = the_problem(tiny_copy, "raido")
    assert f"issues.yml:{line}:" in problem
    assert "issues[cost].positions[2].sources[1]" in problem
    assert "unknown source 'raido'; did you mean 'radio'?" in problem


def test_a_wrong_type_says_what_was_expected(tiny_copy):
    line = edit(tiny_copy / "tariffs.yml", "now: {value: 2, unit: percent}", "now: {value: two, unit: percent}")
    problem = the_problem(tiny_copy, "now.value")
    assert f"tariffs.yml:{line}:" in problem
    assert "expected a number, got the text 'two'" in problem


def test_a_duplicate_id_points_at_the_second_use_and_the_first(tiny_copy):
    first = edit(tiny_copy / "timeline.yml", "- id: work-starts", "- id: vote")
    problem = the_problem(tiny_copy, "already used")
    assert f"timeline.yml:{first}:" in problem
    assert "id 'vote' is already used on line 2" in problem


def test_every_problem_of_a_run_is_reported_at_once(tiny_copy):
    edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: nobody")
    edit(tiny_copy / "players.yml", "  kind: person", "  kind: persn")
    problems = problems_of(tiny_copy)
    assert any("players.yml" in problem and "kind" in problem for problem in problems)
    assert any("quotes.yml" in problem and "nobody" in problem for problem in problems)


def test_an_id_renamed_in_its_list_but_not_where_it_is_used_suggests_the_new_name(tiny_copy):
    edit(tiny_copy / "players.yml", "- id: mayor\n", "- id: mayor-jo-smith\n")
    # A guess from one word: the usual advice stays, in case it is another person
    assert "unknown person 'mayor'; did you mean 'mayor-jo-smith'? If not, add it to players.yml" in the_problem(tiny_copy, "unknown person")


def test_an_id_typed_with_capitals_is_given_in_lower_case(tiny_copy):
    edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: Mayor")
    assert "'Mayor' is not a valid id; ids are in lower case: write `mayor`" in the_problem(tiny_copy, "'Mayor'")


def test_a_short_renamed_id_is_suggested_by_the_one_id_no_field_names(tiny_copy):
    edit(tiny_copy / "players.yml", "- id: mayor\n", "- id: mo-smith\n")
    edit(tiny_copy / "quotes.yml", "speaker: mayor", "speaker: mo")
    assert "unknown person 'mo'; did you mean 'mo-smith'? If not" in the_problem(tiny_copy, "unknown person 'mo'")


@pytest.mark.parametrize(
    "typed, hint",
    [
        ("5%", "like `value: 5`,"),
        ("\u22123%", "like `value: -3`,"),
        ("$1,250.5 billion", "like `value: 1250.5`,"),
        ("1,5 %", "write the number alone in digits and"),
        ("12-15", "write the number alone in digits and"),
        ("1.2e6 km", "write the number alone in digits and"),
        ("5", "write it without quotes"),
        ("1,250", "write it without the commas, like `value: 1250`"),
    ],
)
def test_a_figure_typed_as_text_is_told_how_to_write_it_and_never_given_a_wrong_number(tiny_copy, typed, hint):
    edit(tiny_copy / "tariffs.yml", "before: {value: 5, unit: percent}", f'before: {{value: "{typed}", unit: percent}}')
    assert hint in the_problem(tiny_copy, "expected a number")


def test_a_misspelt_field_name_is_rejected_with_a_suggestion_once(tiny_copy):
    # The required `role` is missing too, but only because it is misspelt: one slip, one message.
    line = edit(tiny_copy / "players.yml", '  role: "Mayor of Millbrook"', '  rloe: "Mayor of Millbrook"')
    problems = problems_of(tiny_copy)
    assert len(problems) == 1, problems
    assert f"players.yml:{line}:3: players[mayor].rloe: unknown field `rloe`; did you mean 'role'?" in problems[0]


def test_a_required_field_left_out_is_asked_for(tiny_copy):
    edit(tiny_copy / "players.yml", '  role: "Mayor of Millbrook"\n', "")
    assert "players.yml:2:3: players[mayor].role: required field `role` is missing; add it" in the_problem(tiny_copy, "role")


@pytest.mark.parametrize(
    "file, typed, wrong, required",
    [
        # not a slip for `role`: both are said
        ("players.yml", ('  role: "Mayor', '  job: "Mayor'), "unknown field `job`", "role"),
        # `id` is a field of the briefing's other entries, not of a section: the section's `kind` is still asked for
        ("briefing.yml", ("{kind: overview, title", "{id: overview, title"), "`id` is not a field here", "kind"),
    ],
)
def test_a_field_that_does_not_stand_for_the_missing_one_leaves_it_asked_for(tiny_copy, file, typed, wrong, required):
    edit(tiny_copy / file, *typed)
    problems = problems_of(tiny_copy)
    assert any(wrong in problem for problem in problems)
    assert any(f"required field `{required}` is missing" in problem for problem in problems)


def test_an_impossible_date_is_rejected(tiny_copy):
    line = edit(tiny_copy / "timeline.yml", 'date: "2024-03-01"', 'date: "2024-02-30"')
    problem = the_problem(tiny_copy, "2024-02-30")
    assert f"timeline.yml:{line}:" in problem
    assert "is not a real date" in problem


def test_a_section_whose_entries_name_another_kind_s_needs_that_section_declared(tiny_copy):
    """Every quote has its speaker, a person of the people section (`requires` of the
    quotes kind): without one, the declaration says so, at the quotes section."""
    line = edit(tiny_copy / "briefing.yml", '  - {kind: people, title: "Key players", file: players.yml}\n', "")
    problem = the_problem(tiny_copy, "names entries of")
    assert problem.startswith(f"{tiny_copy / 'briefing.yml'}:{line + 2}:"), problem  # where the quotes section moved up to
    assert problem.endswith("briefing.sections[4].kind: a `quotes` section names entries of a `people` section; declare one in `sections:` too"), problem


def test_a_mistake_in_one_entry_leaves_the_problems_of_the_entries_after_it_at_their_own_lines(tiny_copy):
    """The first entry is left out for its own mistake; the unknown source in the third is
    still reported at the third entry's line and by its id."""
    edit(tiny_copy / "timeline.yml", '  title: "Council votes 7–2"', '  titel: "Council votes 7–2"')
    line = edit(tiny_copy / "timeline.yml", "  sources: [gazette]", "  sources: [gazete]")
    problem = the_problem(tiny_copy, "gazete")
    assert problem == f"{tiny_copy / 'timeline.yml'}:{line}:13: timeline[work-starts].sources[1]: unknown source 'gazete'; did you mean 'gazette'?"
