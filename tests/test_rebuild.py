"""Building again: a build whose content, articles, options and generator are those of
the last build reuses its pages and goes straight to the site build; any change to any
of them, or to the generated pages, generates again.

Two tests build the site; the others stop at the pages (`generate_unless_unchanged`,
the step `build` takes before MkDocs), where reusing or generating shows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, edit, own_template, settings_for
from generator import pipeline
from generator.core.errors import ContentError


@pytest.fixture
def settings(tiny_copy, tmp_path):
    """The tiny briefing, checked against its articles as `make site` does, its pages generated."""
    settings = replace(settings_for(tiny_copy, tmp_path), archive_dir=tiny_copy / "archive")
    assert not reused(settings)
    return settings


def reused(settings) -> bool:
    """Whether the next build reuses the pages of the last one; the pages are brought up to date."""
    return pipeline.generate_unless_unchanged(settings)[1]


def page(settings, filename: str = "players.md") -> str:
    return (settings.docs_dir / filename).read_text(encoding="utf-8")


def _pages(settings) -> dict[Path, tuple[int, bytes]]:
    return {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in settings.docs_dir.rglob("*") if path.is_file()}


def test_building_again_with_nothing_changed_reuses_the_pages_and_rebuilds_the_same_site(settings, tiny_copy):
    os.utime(tiny_copy / "issues.yml")  # saved as it was: the build generates
    said = pipeline.build(settings)
    pages = _pages(settings)
    site = (settings.site_dir / "index.html").read_bytes()
    (settings.site_dir / "index.html").write_text("an old site", encoding="utf-8")
    said_again = pipeline.build(settings)
    assert pipeline.REUSED in said_again and pipeline.REUSED not in said, said_again
    assert said_again.startswith(said) and "checked against 2 articles" in said, "the sentence on what was verified stays"
    assert _pages(settings) == pages, "no page was written again"
    assert (settings.site_dir / "index.html").read_bytes() == site, "the site itself is built again"


def test_an_edited_fact_is_generated_again(settings, tiny_copy):
    edit(tiny_copy / "players.yml", "Friends of the River", "Friends of the Weir")
    assert not reused(settings)
    assert "Friends of the Weir" in page(settings)
    assert reused(settings)


def test_an_article_that_no_longer_says_a_quote_stops_the_build_that_would_have_reused_the_pages(settings, tiny_copy, tmp_path):
    """The articles kept outside the briefing, as the real briefing's are."""
    articles = tmp_path / "articles"
    (tiny_copy / "archive").rename(articles)
    settings = replace(settings, archive_dir=articles)
    assert not reused(settings)
    assert reused(settings)
    edit(articles / "gazette.txt", "carry us for another century", "carry us for a while")
    with pytest.raises(ContentError, match="mayor-on-vote"):
        reused(settings)


def test_a_generated_page_changed_by_hand_or_removed_is_generated_again(settings):
    players = settings.docs_dir / "players.md"
    written = players.read_bytes()
    players.write_text("# Changed by hand\n", encoding="utf-8")
    assert not reused(settings)
    assert players.read_bytes() == written
    players.unlink()
    assert not reused(settings)
    assert players.read_bytes() == written


def test_another_option_generates_again(settings):
    published = replace(settings, site_url="https://example.org/briefing/")
    assert not reused(published)
    assert "https://example.org/briefing/" in page(settings, "briefing.json")
    for changed in (replace(published, require_verified=True), replace(published, archive_dir=None)):
        assert not reused(changed)


def test_the_verification_record_a_build_writes_makes_the_next_one_generate_once(settings):
    """A build checked against the articles brings the record up to date: a change to the
    content, so the next build generates, and the one after reuses its pages."""
    recording = replace(settings, write_record=True)
    (settings.content_dir / "verification.yml").unlink(missing_ok=True)
    assert not reused(recording)
    assert (settings.content_dir / "verification.yml").is_file()
    assert not reused(recording)
    assert reused(recording)


def test_an_unreadable_record_of_the_last_build_generates_again(settings):
    from generator.site.fingerprint import record_file

    record = record_file(settings.docs_dir)
    assert record.is_file()
    for text in ("{not json", '{"format": 1, "fingerprint": []}', "[]", ""):
        record.write_text(text, encoding="utf-8")
        assert not reused(settings)


def test_an_edit_saved_and_undone_while_the_pages_are_generated_makes_the_next_build_generate(settings, tiny_copy, monkeypatch):
    generate = pipeline.generate

    def generate_while_the_editor_saves_and_undoes(build_settings):
        edit(tiny_copy / "players.yml", "Friends of the River", "Friends of the Weir")
        generated = generate(build_settings)  # reads the edit
        edit(tiny_copy / "players.yml", "Friends of the Weir", "Friends of the River")
        return generated

    monkeypatch.setattr(pipeline, "generate", generate_while_the_editor_saves_and_undoes)
    os.utime(tiny_copy / "issues.yml")  # a file saved as it was: the build generates
    assert not reused(settings)
    monkeypatch.undo()
    assert "Friends of the Weir" in page(settings)
    assert not reused(settings), "the pages of the undone edit were reused"
    assert "Friends of the River" in page(settings)


def test_a_folder_too_large_to_hash_quickly_is_generated_every_time(settings, tiny_copy):
    """A stray download in the content folder: no build is reused, rather than hash it each time."""
    from generator.site.fingerprint import MAX_FILE_BYTES

    with (tiny_copy / "footage.mov").open("wb") as stray:
        stray.truncate(MAX_FILE_BYTES + 1)
    assert not reused(settings)
    assert not reused(settings)
    (tiny_copy / "footage.mov").unlink()
    assert not reused(settings)
    assert reused(settings)


def test_a_build_with_nothing_changed_parses_no_yaml_and_imports_no_model(settings, tmp_path):
    """Through the command line, as `make site` runs it, in a process of its own."""
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['generator', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('generator', run_name='__main__')\n"
        "except SystemExit as stop:\n    assert not stop.code, stop.code\n"
        "print(sorted(name for name in ('generator.content.models', 'generator.load.reader', 'generator.render.pages', 'pydantic') if name in sys.modules))\n"
    )
    command = [
        sys.executable,
        "-c",
        probe,
        "build",
        "--content",
        str(settings.content_dir),
        "--no-archive",
        "--docs",
        str(settings.docs_dir),
        "--config",
        str(settings.config_file),
        "--site",
        str(settings.site_dir),
    ]
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "SITE_URL": ""}
    first = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert again.returncode == 0, again.stderr
    assert pipeline.REUSED in again.stderr
    assert again.stdout.strip() == "[]", f"a build of unchanged content imported {again.stdout.strip()}"


def test_an_edited_template_of_the_briefing_is_generated_again(settings, tiny_copy):
    templates = tiny_copy / "templates"
    templates.mkdir()
    (templates / "people.md.j2").write_text(own_template("people.md.j2", "First words."), encoding="utf-8")
    assert not reused(settings)
    assert reused(settings)
    (templates / "people.md.j2").write_text(own_template("people.md.j2", "Second words."), encoding="utf-8")
    assert not reused(settings)
    assert "Second words." in page(settings)


def test_a_link_in_the_content_or_the_articles_makes_every_build_generate(settings, tiny_copy, tmp_path):
    """A link could lead out of the folder, to a file whose edits the fingerprint would not see."""
    (tiny_copy / "templates").mkdir()
    (tiny_copy / "templates" / ".shared.j2").write_text(own_template("people.md.j2", "Shared words."), encoding="utf-8")
    (tiny_copy / "templates" / "people.md.j2").symlink_to(".shared.j2")
    assert not reused(settings)
    assert not reused(settings)
    shutil.rmtree(tiny_copy / "templates")
    (tiny_copy / "archive" / "copy.txt").symlink_to(tiny_copy / "archive" / "gazette.txt")
    assert not reused(settings)
    assert not reused(settings)


def test_a_change_to_the_generator_or_the_installed_packages_generates_again(settings, tmp_path, monkeypatch):
    from generator.site import fingerprint

    copy = tmp_path / "generator"
    shutil.copytree(fingerprint._GENERATOR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "_GENERATOR", copy)
    assert reused(settings), "the same files, wherever they are"
    with (copy / "render" / "pages.py").open("a", encoding="utf-8") as module:
        module.write("\n# changed\n")
    assert not reused(settings)
    assert reused(settings)
    installed = fingerprint._installed_packages()
    monkeypatch.setattr(fingerprint, "_installed_packages", lambda: [*installed, "jinja2-9.9.dist-info 1"])
    assert not reused(settings)


def test_a_file_added_to_the_generated_pages_is_removed_by_generating_again(settings):
    for stray in ("notes.pyc", "__pycache__/stray.html", "extra.md"):
        (settings.docs_dir / stray).parent.mkdir(exist_ok=True)
        (settings.docs_dir / stray).write_text("<script>stray()</script>", encoding="utf-8")
        assert not reused(settings)
        assert not (settings.docs_dir / stray).exists()


def test_a_file_name_that_is_not_utf8_and_a_folder_too_large_are_no_trouble(settings, tiny_copy, monkeypatch):
    from generator.site import fingerprint

    (tiny_copy / os.fsdecode(b"caf\xe9.txt")).write_text("notes", encoding="utf-8")
    assert not reused(settings)
    assert reused(settings)
    monkeypatch.setattr(fingerprint, "MAX_FILES", 3)
    assert fingerprint.fingerprint(replace(settings, archive_dir=Path("/"))) is None, "a mistyped --archive is given up at once"
    assert not reused(settings)
    assert not reused(settings)
