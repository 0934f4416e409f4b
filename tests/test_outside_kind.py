"""A kind from another package, as a newsroom would add one: `tests/kinds/results/` is a
small distribution (an election's results, with a bar chart) that declares the kind
`results` under the entry-point group `briefing.kinds`. Installed into a folder of the
test's own (never the shared environment), it lets a briefing declare `kind: results`,
which builds with both engines; without it, the check says where kinds come from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, engine_settings
from pages import parse_html

PACKAGE = ROOT / "tests" / "kinds" / "results"
ELECTION = ROOT / "tests" / "kinds" / "election"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package installed with pip into a folder of this test's, as `pip install` would put it beside the generator."""
    target = tmp_path_factory.mktemp("installed")
    source = tmp_path_factory.mktemp("source") / "results"
    shutil.copytree(PACKAGE, source)  # a build leaves its own files beside the sources: not in the checkout
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return target


def generator(arguments: list[str], installed: Path | None) -> subprocess.CompletedProcess:
    path = os.pathsep.join([str(installed)] if installed else [])
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": path}
    )


def election_copy(workdir: Path) -> Path:
    content = workdir / "election"
    shutil.copytree(ELECTION, content)
    return content


def test_without_the_package_the_check_says_the_kind_is_unknown_and_where_kinds_come_from(tmp_path):
    result = generator(["check", "--content", str(election_copy(tmp_path)), "--no-archive"], None)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if ": " in line and line.split(":")[1].isdigit()]
    assert len(lines) == 1, result.stderr
    assert lines[0].endswith(
        "briefing.yml:13:12: briefing.sections[2].kind: unknown kind 'results'; the kinds are differences, figures, guidance, measures, "
        "overview, page, people, positions, quotes, sources, timeline (a package adds others: install it beside the generator)"
    )


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_with_the_package_installed_a_briefing_that_declares_its_kind_builds(installed, engine, tmp_path):
    content = election_copy(tmp_path)
    assert generator(["check", "--content", str(content), "--no-archive"], installed).returncode == 0
    settings = engine_settings(content, tmp_path, engine)
    result = generator(
        [
            "build",
            "--content",
            str(content),
            "--no-archive",
            "--engine",
            engine,
            "--docs",
            str(settings.docs_dir),
            "--config",
            str(settings.config_file),
            "--site",
            str(settings.site_dir),
        ],
        installed,
    )
    assert result.returncode == 0, result.stderr
    page = parse_html((settings.site_dir / "results" / "index.html").read_text(encoding="utf-8"))
    assert page.find("h1").text(skip=lambda inner: "headerlink" in inner.classes).strip() == "Results"
    bars = [(bar.attrs["id"], " ".join(bar.text().split())) for bar in page.find_all(cls="results-bar")]
    assert bars == [("result-greens", "Greens 38.5%"), ("result-labour", "Labour 31.2%"), ("result-independents", "Independents 30.3%")]
    widths = [bar.find(cls="results-fill").attrs["style"] for bar in page.find_all(cls="results-bar")]
    assert widths == ["--share: 100.0%", "--share: 81.0%", "--share: 78.7%"], "each bar as wide as its share of the largest"
    assert " ".join(page.find("figcaption").text().split()) == "Share of the votes cast, by party", "the kind's own words"
    rows = [[" ".join(cell.text().split()) for cell in row.find_all("td")][:3] for row in page.find("tbody").find_all("tr")]
    assert rows == [["Greens", "38.5%", "12"], ["Labour", "31.2%", "10"], ["Independents", "30.3%", "9"]]
    stylesheets = [link.attrs["href"] for link in page.find_all("link") if link.attrs.get("rel") == ["stylesheet"] or link.attrs.get("rel") == "stylesheet"]
    assert "../assets/kinds/results.css" in stylesheets, stylesheets
    assert (settings.site_dir / "assets" / "kinds" / "results.css").read_text(encoding="utf-8") == (PACKAGE / "briefing_results" / "results.css").read_text(
        encoding="utf-8"
    )
    sources = (settings.site_dir / "sources" / "index.html").read_text(encoding="utf-8")
    assert "results/#result-greens" in sources, "the kind's facts are rows of the sources table"


def test_make_schema_writes_the_schema_of_an_installed_kind_beside_the_generator_s(installed, tmp_path):
    """An editor's YAML extension completes a package's kind as it does the generator's:
    `briefing schema` writes `results.schema.json`, made from the kind's model."""
    import json

    result = generator(["schema", "--schemas", str(tmp_path / "schemas")], installed)
    assert result.returncode == 0, result.stderr
    schema = json.loads((tmp_path / "schemas" / "results.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "a results section's file" and schema["type"] == "array"
    entry = schema["$defs"][schema["items"]["$ref"].rsplit("/", 1)[1]]
    assert set(entry["required"]) >= {"id", "sources"}
    assert (tmp_path / "schemas" / "people.schema.json").is_file(), "and the generator's own kinds'"


def test_a_change_to_an_installed_kind_generates_the_pages_again(installed, tmp_path):
    """A build whose inputs are those of the last one reuses its pages; a package's kind is
    one of those inputs, wherever it is installed (here a `pip --target` folder)."""
    own = tmp_path / "installed"
    shutil.copytree(installed, own)
    content = election_copy(tmp_path)
    settings = engine_settings(content, tmp_path, "mkdocs")
    command = ["build", "--content", str(content), "--no-archive", "--docs", str(settings.docs_dir), "--config", str(settings.config_file)]
    command += ["--site", str(settings.site_dir)]
    assert generator(command, own).returncode == 0
    template = own / "briefing_results" / "templates" / "results.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nCounted again on Monday.\n", encoding="utf-8")
    result = generator(command, own)
    assert result.returncode == 0, result.stderr
    assert "Counted again on Monday." in (settings.site_dir / "results" / "index.html").read_text(encoding="utf-8")


def test_the_build_fingerprint_looks_for_kinds_where_the_registry_does():
    from generator.kinds.registry import ENTRY_POINTS
    from generator.site.fingerprint import KIND_ENTRY_POINTS

    assert KIND_ENTRY_POINTS == ENTRY_POINTS


def test_a_kind_without_the_words_its_pages_show_is_refused_where_a_briefing_declares_it(installed, tmp_path):
    """Every page shows its kind's intro and summary: a package whose catalogue lacks one
    is named, with what it lacks, at the section that declares the kind, not in a traceback."""
    own = tmp_path / "installed"
    shutil.copytree(installed, own)
    words = own / "briefing_results" / "messages" / "en.yml"
    words.write_text(
        "".join(line for line in words.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("results_intro:")), encoding="utf-8"
    )
    result = generator(["check", "--content", str(election_copy(tmp_path)), "--no-archive"], own)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    [line] = [line for line in result.stderr.splitlines() if "briefing.yml:" in line]
    assert line.endswith(
        "briefing.sections[2].kind: the kind 'results' cannot be used: the package briefing-results declares it, "
        "but its English words (messages/en.yml) lack results_intro; reinstall or fix that package"
    ), line
