"""A newsroom starts its next briefing: one command writes a valid, sourced example
to edit, which checks (quotes against its own archive), builds and previews with the
README's make targets; and the generator installs as a package with a `briefing`
command, which does the same from anywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT


def make(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_make_new_writes_a_briefing_that_checks_against_its_own_article_and_builds(tmp_path):
    briefing, site = tmp_path / "library", tmp_path / "library-site"
    result = make("new", f"CONTENT={briefing}")
    assert result.returncode == 0, result.stderr
    text = (briefing / "briefing.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schemas/briefing.schema.json") and (briefing / "schemas" / "briefing.schema.json").is_file()
    assert text.count("\n# ") >= 10, "comments explain the fields"
    check = make("check", f"CONTENT={briefing}")
    assert check.returncode == 0, check.stderr
    verdict = f"{briefing}: content is valid; 5 figures (5 durations), 1 quote and 1 wording of the articles checked against 1 article in {briefing}/archive; "
    assert f"{verdict}not figures: 1 day of a month; verification.yml updated" in check.stderr.splitlines(), check.stderr
    assert make("site", f"CONTENT={briefing}", f"SITE={site}").returncode == 0
    assert "Riverside library" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "background" / "index.html").is_file() and (site / "timeline" / "index.html").is_file()


def test_make_new_never_overwrites_a_briefing(tmp_path):
    briefing = tmp_path / "taken"
    briefing.mkdir()
    (briefing / "briefing.yml").write_text("title: mine\n", encoding="utf-8")
    result = make("new", f"CONTENT={briefing}")
    assert result.returncode != 0 and "already holds files" in result.stderr
    assert (briefing / "briefing.yml").read_text(encoding="utf-8") == "title: mine\n"


def test_a_quote_edited_in_the_new_briefing_is_checked_against_its_article(tmp_path):
    briefing = tmp_path / "library"
    assert make("new", f"CONTENT={briefing}").returncode == 0
    quotes = briefing / "quotes.yml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("cannot wait another winter", "can wait another winter"), encoding="utf-8")
    check = make("check", f"CONTENT={briefing}")
    assert check.returncode != 0 and "quotes.yml:" in check.stderr and "direct quote not found word for word" in check.stderr


def test_the_package_installs_with_a_briefing_command(tmp_path):
    # Installed from a copy of what the package is made of: building it writes beside its
    # sources (briefing.egg-info, build/), which the checkout must not collect.
    sources = tmp_path / "sources"
    for name in ("generator", "overrides"):
        shutil.copytree(ROOT / name, sources / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "mkdocs.yml"):
        shutil.copy2(ROOT / name, sources / name)
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", str(target), str(sources)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    command = [sys.executable, str(target / "bin" / "briefing")]
    elsewhere = tmp_path / "newsroom"  # a folder with no checkout in it
    elsewhere.mkdir()

    def briefing(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([*command, *arguments], capture_output=True, text=True, env=env, cwd=elsewhere, timeout=300)

    assert briefing("new", "--content", "story").returncode == 0
    check = briefing("check", "--content", "story")
    assert check.returncode == 0 and "checked against 1 article in story/archive" in check.stderr, check.stderr
    quotes = elsewhere / "story" / "quotes.yml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("cannot wait", "can wait"), encoding="utf-8")
    assert "direct quote not found word for word" in briefing("check", "--content", "story").stderr, "its own articles are checked"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("can wait", "cannot wait"), encoding="utf-8")
    built = briefing("build", "--content", "story", "--site", "public")
    assert built.returncode == 0, built.stderr
    assert "Riverside library" in (elsewhere / "public" / "index.html").read_text(encoding="utf-8")
