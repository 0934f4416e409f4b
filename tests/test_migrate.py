"""A briefing written for an older content format, as its editor meets it: `make check`
says to migrate it, `make migrate` rewrites it in the current format with every comment,
quote and line of theirs kept, and then it checks out. Each format's migration is tested
on a briefing of the format before it (here format 1: `briefing.yml` without `format:`)."""

from __future__ import annotations

import shutil

import pytest
from test_bad_inputs import run_in_process

from conftest import TINY_CONTENT
from generator.check.briefing import load_content
from generator.core.errors import ContentError
from generator.core.settings import Settings
from generator.load.migrate import FORMAT


@pytest.fixture
def format_one(tmp_path):
    """The tiny briefing as it was written before formats were numbered, with an editor's comments."""
    content = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, content)
    briefing = content / "briefing.yml"
    lines = [line for line in briefing.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("format:")]
    lines.insert(3, "# The date the facts were last checked, by the desk's own note.\n")
    briefing.write_text("".join(lines).replace("language: en\n", "language: en   # the readers' language\n"), encoding="utf-8")
    return content


def test_check_says_an_older_briefing_needs_migrating_and_nothing_else(format_one):
    with pytest.raises(ContentError) as caught:
        load_content(format_one)
    [problem] = caught.value.problems
    assert (problem.file.name, problem.line, problem.column) == ("briefing.yml", 1, 1)
    assert problem.message == (
        f"this briefing is written in content format 1, and this generator reads format {FORMAT}; "
        "run `make migrate CONTENT=…` (`briefing migrate --content …`) to rewrite it, keeping your comments"
    )


def test_migrate_rewrites_it_keeping_every_line_and_comment_then_it_checks_out(format_one):
    before = (format_one / "briefing.yml").read_text(encoding="utf-8")
    result = run_in_process("migrate", Settings(content_dir=format_one))
    assert result.returncode == 0, result.stderr
    assert (
        result.stderr.strip()
        == f"{format_one}: migrated from content format 1 to {FORMAT} (briefing.yml rewritten, comments kept); review the change, then check it"
    )
    after = (format_one / "briefing.yml").read_text(encoding="utf-8")
    assert after == before + f"format: {FORMAT}  # the content format; `make migrate` brings an older briefing up to date\n"
    assert load_content(format_one).briefing.format == FORMAT
    again = run_in_process("migrate", Settings(content_dir=format_one))
    assert again.returncode == 0 and "already in content format" in again.stderr
    assert (format_one / "briefing.yml").read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    "written, message",
    [
        (
            f"format: {FORMAT + 1}\n",
            f"this briefing is written in content format {FORMAT + 1}, newer than this generator reads ({FORMAT}); update the generator",
        ),
        ('format: "two"\n', f"`format:` is the content format, a whole number: this generator reads format {FORMAT}"),
    ],
)
def test_a_format_it_cannot_read_is_reported_at_its_field_and_not_migrated(format_one, written, message):
    briefing = format_one / "briefing.yml"
    text = briefing.read_text(encoding="utf-8") + written
    briefing.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(format_one)
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.message) == (text.count("\n"), "briefing.format", message)
    result = run_in_process("migrate", Settings(content_dir=format_one))
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert briefing.read_text(encoding="utf-8") == text


@pytest.fixture
def format_two(tmp_path):
    """The tiny briefing in format 2, which wrote the English words `not stated` where an
    article does not say, quoted or not."""
    content = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, content)
    briefing = content / "briefing.yml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace(f"format: {FORMAT} ", "format: 2 "), encoding="utf-8")
    sources = content / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    assert text.count("  outlet: null\n  byline: null\n") == 1
    sources.write_text(
        text.replace("  outlet: null\n  byline: null\n", '  outlet: "not stated"  # the article names none\n  byline: not stated\n'), encoding="utf-8"
    )
    quotes = content / "quotes.yml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("  venue: interview\n", "  venue: 'not stated'\n"), encoding="utf-8")
    return content


def test_migrate_from_format_two_writes_null_where_the_article_does_not_say_and_moves_no_other_line(format_two):
    texts = {path.name: path.read_text(encoding="utf-8") for path in format_two.glob("*.yml")}
    result = run_in_process("migrate", Settings(content_dir=format_two))
    assert result.returncode == 0, result.stderr
    assert "(briefing.yml, quotes.yml, sources.yml rewritten, comments kept)" in result.stderr
    after = {path.name: path.read_text(encoding="utf-8") for path in format_two.glob("*.yml")}
    expected = dict(texts)
    expected["briefing.yml"] = texts["briefing.yml"].replace("format: 2 ", f"format: {FORMAT} ")
    expected["sources.yml"] = texts["sources.yml"].replace(
        '  outlet: "not stated"  # the article names none\n  byline: not stated\n', "  outlet: null  # the article names none\n  byline: null\n"
    )
    expected["quotes.yml"] = texts["quotes.yml"].replace("  venue: 'not stated'\n", "  venue: null\n")
    assert after == expected
    content = load_content(format_two)
    assert [(source.outlet, source.byline) for source in content.sources if source.id == "radio"] == [(None, None)]


def test_every_briefing_of_the_repository_is_in_the_current_format():
    from conftest import REAL_CONTENT, ROOT

    briefings = [path.parent for path in sorted((ROOT / "tests").glob("*/*/briefing.yml"))]  # the test briefings, and those of the kinds' tests
    assert len(briefings) >= 5
    for folder in (REAL_CONTENT, ROOT / "generator" / "new" / "scaffold", *briefings):
        assert f"\nformat: {FORMAT}" in (folder / "briefing.yml").read_text(encoding="utf-8"), folder


def test_a_file_that_cannot_be_read_as_yaml_stops_the_migration_and_changes_nothing(format_two):
    quotes = format_two / "quotes.yml"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "- id: [unclosed\n", encoding="utf-8")
    texts = {path.name: path.read_text(encoding="utf-8") for path in format_two.glob("*.yml")}
    result = run_in_process("migrate", Settings(content_dir=format_two))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "quotes.yml cannot be read as YAML, so it cannot be migrated; run `make check` for where, correct it, then migrate again (nothing was changed)"
    )
    assert {path.name: path.read_text(encoding="utf-8") for path in format_two.glob("*.yml")} == texts


@pytest.fixture
def format_three(tmp_path):
    """The tiny briefing in format 3, whose quantities said "up to" or "about" in words
    (`qualifier:`), inside braces and as a block."""
    content = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, content)
    briefing = content / "briefing.yml"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace(f"format: {FORMAT} ", "format: 3 "), encoding="utf-8")
    tariffs = content / "tariffs.yml"
    text = tariffs.read_text(encoding="utf-8")
    tariffs.write_text(
        text.replace("  before: {value: 5, unit: percent}\n", '  before: {value: 5, unit: percent, qualifier: "up to"}\n').replace(
            "  now: {value: 2, unit: percent}\n", "  now:\n    value: 2\n    qualifier: About  # as the gazette puts it\n    unit: percent\n"
        ),
        encoding="utf-8",
    )
    return content


def test_migrate_from_format_three_writes_a_qualifier_as_structure_and_moves_no_other_line(format_three):
    texts = {path.name: path.read_text(encoding="utf-8") for path in format_three.glob("*.yml")}
    result = run_in_process("migrate", Settings(content_dir=format_three))
    assert result.returncode == 0, result.stderr
    after = {path.name: path.read_text(encoding="utf-8") for path in format_three.glob("*.yml")}
    expected = dict(texts)
    expected["briefing.yml"] = texts["briefing.yml"].replace("format: 3 ", f"format: {FORMAT} ")
    expected["tariffs.yml"] = (
        texts["tariffs.yml"]
        .replace('  before: {value: 5, unit: percent, qualifier: "up to"}\n', "  before: {max: 5, unit: percent}\n")
        .replace("    qualifier: About  # as the gazette puts it\n", "    approximate: true  # as the gazette puts it\n")
    )
    assert after == expected
    [toll] = load_content(format_three).entries("measures")
    assert (toll.before.max, toll.before.value, toll.now.value, toll.now.approximate) == (5, None, 2, True)


def test_a_qualifier_the_migration_does_not_know_stops_it_naming_the_line(format_three):
    tariffs = format_three / "tariffs.yml"
    text = tariffs.read_text(encoding="utf-8").replace('qualifier: "up to"', 'qualifier: "a whisker under"')
    tariffs.write_text(text, encoding="utf-8")
    texts = {path.name: path.read_text(encoding="utf-8") for path in format_three.glob("*.yml")}
    result = run_in_process("migrate", Settings(content_dir=format_three))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = text[: text.index("a whisker under")].count("\n") + 1
    assert result.stderr.strip().startswith(f"tariffs.yml:{line}: the qualifier 'a whisker under' has no structured form this migration knows;")
    assert {path.name: path.read_text(encoding="utf-8") for path in format_three.glob("*.yml")} == texts
