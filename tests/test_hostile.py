"""Input made to break out: whatever an editor, a file or the environment supplies ends in
a clean message or a correct site, never in live markup, a traceback or a lost site.

The corpus of hostile files (`tests/hostile/`) runs with the bad inputs in
`test_bad_inputs.py`; here are the page metadata, the published address, the site swap,
the preview, and generated hostile YAML.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from test_bad_inputs import main_in_process, snapshot

from conftest import REAL_CONTENT, ROOT, TINY_CONTENT, bounded, edit, settings_for
from generator.check.briefing import load_content
from generator.core.encode import yaml_json
from generator.core.errors import ContentError
from generator.core.inline import plain_text
from generator.pipeline import build, checked_content
from generator.render.pages import render_pages, template_file
from pages import SITE_PAGES, page_article, shown, unexplained_elements

AWKWARD_BUT_ALLOWED = "Brücke 🌉 \u2028 “quotes” \"double\" 'single' \\ back\\slash --- ... \n---\n # {: x} <b>&amp;</b> \u200f"


def tiny_with(tmp_path: Path, old: str, new: str, file: str = "sources.yml") -> Path:
    content = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, content)
    edit(content / file, old, new)
    return content


# --- page metadata ---------------------------------------------------------------------------


@pytest.mark.parametrize("content_dir", [REAL_CONTENT, TINY_CONTENT], ids=["real", "tiny"])
def test_every_pages_front_matter_reads_back_through_mkdocs_meta_parser(content_dir):
    content = load_content(content_dir)
    pages = render_pages(content)
    assert {page.filename for page in content.pages} <= set(pages), "a section without its page"
    for filename, text in pages.items():
        if filename.endswith(".md"):
            body, meta = get_data(text)
            assert meta.get("title") and meta.get("description"), f"{filename}: front matter not read as metadata"
            assert not body.startswith("---") and '"cited_sources"' not in body, f"{filename}: metadata left in the page"


def test_awkward_characters_in_metadata_read_back_exactly(tmp_path):
    headline = AWKWARD_BUT_ALLOWED.replace("\n", " ")
    content = tiny_with(tmp_path, 'headline: "Council backs bridge"', f"headline: {yaml_json(headline)}")
    citing = []
    for filename, text in render_pages(load_content(content)).items():
        if filename.endswith(".md"):
            assert text.split("\n---\n", 1)[0].isascii(), f"{filename}: front matter is not plain ASCII"
            _, meta = get_data(text)
            labels = [source["label"] for source in meta.get("cited_sources", []) if source["anchor"] == "source-gazette"]
            assert all(label.endswith(f"“{shown(headline, markdown=True)}”") for label in labels), f"{filename}: {labels}"
            citing += [filename] * bool(labels)
    assert "timeline.md" in citing, "the timeline cites the source, and its front matter says so"


class _LiveMarkup(HTMLParser):
    """Counts what would run or load in a reader's browser, as a browser parses the page."""

    RISKY = {"script", "iframe", "object", "embed", "img", "svg", "style", "base", "form"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        if tag in self.RISKY:
            self.found[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.found["on*="] += 1
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found["script: link"] += 1
            if tag == "meta" and name == "http-equiv":
                self.found["meta http-equiv"] += 1


def live_markup(html: str) -> Counter:
    parser = _LiveMarkup()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_markup_and_awkward_characters_in_a_headline_stay_text_with_both_engines(engine, tmp_path):
    """A source's headline reaches every page's front matter, footer and JSON-LD."""
    plain = build_site_of(TINY_CONTENT, tmp_path / "plain", engine)
    headline = "<img src=x onerror=alert(1)> </script><script>alert(2)</script> " + AWKWARD_BUT_ALLOWED.replace("\n", " ")
    content = tiny_with(tmp_path, 'headline: "Council backs bridge"', f"headline: {yaml_json(headline)}")
    site = build_site_of(content, tmp_path / "hostile", engine)
    for page in SITE_PAGES:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        plain_html = (plain / page / "index.html").read_text(encoding="utf-8")
        assert live_markup(html) == live_markup(plain_html), f"{page or 'overview'}: markup injected"
        assert "cited_sources" not in html and "json_ld" not in html, f"{page or 'overview'}: front matter read as page text"
    overview = (site / "index.html").read_text(encoding="utf-8")
    article = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', overview, re.S).group(1))
    assert plain_text(headline) in [citation.get("headline") for citation in article["citation"]]


def build_site_of(content: Path, workdir: Path, engine: str = "mkdocs") -> Path:
    workdir.mkdir(parents=True)
    settings = settings_for(content, workdir)
    if engine == "zensical":  # Zensical wants a relative docs_dir and the site inside the configuration's folder
        settings.config_file.write_text(
            settings.config_file.read_text(encoding="utf-8").replace(f"docs_dir: {settings.docs_dir}", "docs_dir: docs"), encoding="utf-8"
        )
    build(
        type(settings)(
            content_dir=content, docs_dir=settings.docs_dir, config_file=settings.config_file, site_dir=settings.site_dir, engine=engine, site_url=None
        )
    )
    return settings.site_dir


# --- the published address ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The tiny briefing built once, as a site to be rebuilt over."""
    workdir = tmp_path_factory.mktemp("published")
    settings = settings_for(TINY_CONTENT, workdir)
    build(settings)
    return settings


def generator(*arguments: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})}
    )


def build_arguments(settings) -> list[str]:
    return [
        "build",
        "--content",
        str(settings.content_dir),
        "--docs",
        str(settings.docs_dir),
        "--config",
        str(settings.config_file),
        "--site",
        str(settings.site_dir),
    ]


@pytest.mark.parametrize(
    "address",
    [
        'https://example.org/"><script>alert(1)</script>',
        "javascript://x/%0aalert(1)",
        "https://example.org/a b",
        "ftp://example.org/",
        "//example.org/",
        "https://user:secret@example.org/",
        "https://exa mple.org/",
    ],
)
def test_a_site_url_that_is_not_an_http_address_is_refused_before_anything_is_built(address, published):
    before = snapshot(published.site_dir)
    result = generator(*build_arguments(published), env={"SITE_URL": address})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "is not a published address" in result.stderr
    assert snapshot(published.site_dir) == before


def test_a_site_url_with_a_path_is_published_as_canonical_links(tmp_path):
    settings = settings_for(TINY_CONTENT, tmp_path)
    result = generator(*build_arguments(settings), "--site-url", "https://news.example.org/bridge")
    assert result.returncode == 0, result.stderr
    assert '<link rel="canonical" href="https://news.example.org/bridge/players/">' in (settings.site_dir / "players" / "index.html").read_text(
        encoding="utf-8"
    )


# --- the site swap --------------------------------------------------------------------------------


def test_a_build_killed_at_any_moment_leaves_the_complete_old_or_new_site_and_the_next_build_tidies_up(tmp_path):
    settings = settings_for(TINY_CONTENT, tmp_path)
    started = time.monotonic()
    assert generator(*build_arguments(settings)).returncode == 0  # the old site, and how long a build takes here and now
    took = time.monotonic() - started
    old = snapshot(settings.site_dir)
    content = tiny_with(tmp_path / "new", 'headline: "Council backs bridge"', 'headline: "Council backs the new bridge"')
    arguments = build_arguments(settings)
    arguments[2] = str(content)
    # In the imports, generating, in MkDocs, and three times about the swap, which ends a build
    for delay in (took * fraction for fraction in (0.2, 0.45, 0.7, 0.85, 0.9, 0.95)):
        os.utime(content / "briefing.yml")  # saved again: each build generates, none reuses the pages of the one before
        process = subprocess.Popen([sys.executable, "-m", "generator", *arguments], cwd=ROOT, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.kill()
        process.wait()
        now = snapshot(settings.site_dir)
        assert now == old or ("Council backs the new bridge" in now["sources/index.html"].decode() and set(now) == set(old)), (
            f"killed after {delay:.2f} s: the site is neither the old nor the new one"
        )
    result = generator(*arguments)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".site-")) == [], "staging folders left behind"
    assert not list(tmp_path.glob(".mkdocs-generated-*")), "configurations of killed builds left behind"


def test_leftovers_of_a_killed_build_are_removed_but_not_those_of_a_running_one(tmp_path):
    site = tmp_path / "site"
    abandoned = tmp_path / ".site-building-999999999-abc123"
    running = tmp_path / f".site-building-{os.getppid()}-def456"
    for folder in (abandoned, running):
        folder.mkdir()
    settings = settings_for(TINY_CONTENT, tmp_path)
    build(settings)
    assert site.is_dir() and not abandoned.exists() and running.exists()


def test_a_full_disk_ends_in_a_clean_message_and_the_old_site_stays(published):
    # A file-size limit makes the kernel refuse writes past it, as a full disk does.
    before = snapshot(published.site_dir)
    limit = (
        "import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000)); "
        "sys.argv = ['generator', *sys.argv[1:]]; runpy.run_module('generator', run_name='__main__')"
    )
    result = subprocess.run([sys.executable, "-c", limit, *build_arguments(published)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "could not write the site" in result.stderr and "the previous site was left as it was" in result.stderr
    assert snapshot(published.site_dir) == before
    assert not [path for path in published.site_dir.parent.iterdir() if path.name.startswith(".site-building-")]


def test_a_site_folder_that_cannot_be_written_ends_in_a_clean_message(tmp_path):
    settings = settings_for(TINY_CONTENT, tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    arguments = build_arguments(settings)
    arguments[-1] = str(blocked / "site")
    result = generator(*arguments)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "could not write the site" in result.stderr and str(blocked) in result.stderr


@contextlib.contextmanager
def unwritable(folder: Path):
    """`folder` made unwritable: read-only for a user, immutable (`chattr +i`) for root,
    whom permissions do not stop."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available on this file system; root can write anywhere else")
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


def test_a_site_folder_without_write_permission_ends_in_a_clean_message(tmp_path):
    (tmp_path / "published").mkdir()
    settings = settings_for(TINY_CONTENT, tmp_path / "published")
    build(settings)
    before = snapshot(settings.site_dir)
    arguments = build_arguments(settings)
    arguments[4] = str(tmp_path / "docs")  # the pages can be written; the site's folder cannot
    with unwritable(tmp_path / "published"):
        result = generator(*arguments)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "could not write the site" in result.stderr and "the previous site was left as it was" in result.stderr
    assert snapshot(settings.site_dir) == before


# --- the preview ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_busy_port_ends_the_preview_with_a_clear_message(tiny_copy, tmp_path):
    settings = settings_for(tiny_copy, tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = generator(
            "serve",
            "--content",
            str(tiny_copy),
            "--docs",
            str(settings.docs_dir),
            "--config",
            str(settings.config_file),
            "--address",
            f"127.0.0.1:{port}",
            timeout=300,
        )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr and "PORT=" in result.stderr


def test_the_preview_server_dies_with_the_preview_even_when_it_is_killed(tiny_copy, tmp_path):
    settings = settings_for(tiny_copy, tmp_path)
    port = free_port()
    preview = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--content",
            str(tiny_copy),
            "--docs",
            str(settings.docs_dir),
            "--config",
            str(settings.config_file),
            "--address",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not _listening(port):
            time.sleep(0.2)
        assert _listening(port), "the preview did not start"
        preview.kill()  # no chance to clean up: the server must still go
        preview.wait()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _listening(port):
            time.sleep(0.2)
        assert not _listening(port), "an orphaned preview server still holds the port"
    finally:
        preview.kill()


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


# --- generated hostile YAML ---------------------------------------------------------------------------

CONTROL = st.sampled_from(["\\x7f", "\\x9b", "\\u202e", "\\uffff", "\\0", "\\e", "\\x85", "\\u2066", "\\ud800"])
MARKUP = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "{: onclick=alert(1) }",
        "[x](javascript:alert(1))",
        "](#",
        '" onmouseover="alert(1)',
        "---",
        "*",
        "|",
        "&#60;",
    ]
)
WORDS = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)


@st.composite
def hostile_values(draw, depth: int = 0):
    """A YAML value as an attacker might write it: quoted text with escapes and markup,
    tags, anchors and aliases, nesting, numbers out of any range."""
    kind = draw(st.sampled_from(["quoted", "quoted", "number", "tag", "alias", "nested", "flow", "plain"]))
    if kind == "quoted":
        parts = draw(
            st.lists(st.one_of(WORDS.map(lambda text: yaml_json(text)[1:-1]), CONTROL, MARKUP.map(lambda text: yaml_json(text)[1:-1])), min_size=1, max_size=6)
        )
        return '"' + "".join(parts) + '"'
    if kind == "number":
        return draw(st.sampled_from([".nan", ".inf", "-.inf", "1.0e+300", "-5", "1000000000", "0", "9" * 400, "0x1F", "1_000"]))
    if kind == "tag":
        return (
            draw(st.sampled_from(["!!int", "!!float", "!!binary", "!!timestamp", "!!str", "!x", "!", "!!python/object:os.system"]))
            + " "
            + draw(st.sampled_from(['"abc"', "12", '"aGk="', "2024-01-01"]))
        )
    if kind == "alias":
        return draw(st.sampled_from(["&a [1, *a]", "*nowhere", "&b x", "&c {<<: *c}", "{<<: [1, 2]}", '{<<: "x"}']))
    if kind == "nested":
        levels = draw(st.integers(1, 120))
        return "[" * levels + draw(st.sampled_from(['"x"', "1", ""])) + "]" * levels
    if kind == "flow" and depth < 2:
        return "{" + ", ".join(f"k{index}: {draw(hostile_values(depth + 1))}" for index in range(draw(st.integers(0, 3)))) + "}"
    return draw(st.sampled_from(["yes", "null", "~", "2024-02-30", "<b>bold</b>", "x: y", "- a", "'unclosed", "a #comment"]))


TARGETS = [  # (file, text replaced, what comes before the value), each a field of a different kind
    ("sources.yml", 'headline: "Council backs bridge"', "headline: "),
    ("briefing.yml", 'title: "Millbrook votes on its river bridge"', "title: "),
    ("tariffs.yml", "now: {value: 2, unit: percent}", "now: "),
    ("tariffs.yml", "{value: 5, unit: percent}", ""),
    ("timeline.yml", 'when: {date: "2024-04"}', "when: "),
    ("players.yml", "sources: [gazette]\n- id: friends", "sources: "),
]


@pytest.fixture(scope="module")
def plain_tiny(tiny_site) -> Path:
    return tiny_site.site


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from(TARGETS), value=hostile_values())
def test_generated_hostile_yaml_ends_in_a_located_problem_or_a_site_without_injected_markup(target, value, plain_tiny):
    file, old, prefix = target
    if old.endswith("\n- id: friends"):
        value += "\n- id: friends"
    with tempfile.TemporaryDirectory() as workdir:
        content = Path(workdir) / "content"
        shutil.copytree(TINY_CONTENT, content)
        edit(content / file, old, prefix + value)
        with bounded(seconds=120):
            try:
                briefing = load_content(content, content / "archive")
            except ContentError as error:
                for problem in error.problems:
                    assert problem.file.parent == content and problem.line >= 1 and problem.column >= 1 and problem.message
                    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", str(problem)), "raw control character"
                return
            page_article.cache_clear()
            build(settings_for(content, Path(workdir)))
        site = Path(workdir) / "site"
        text = (briefing.sources[0].headline or "") if file == "sources.yml" else briefing.briefing.title if file == "briefing.yml" else ""
        for page in SITE_PAGES:
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert live_markup(html) == live_markup((plain_tiny / page / "index.html").read_text(encoding="utf-8")), f"{page}: markup injected"
            assert unexplained_elements(site, plain_tiny, page, text) == {}, f"{page or 'overview'}: elements injected or lost"


# --- what a build may replace, and two builds at once ------------------------------------------------


@pytest.mark.parametrize("kind", ["a file", "a folder of other files", "a symbolic link"])
def test_the_site_option_never_replaces_what_is_not_a_built_site(kind, tmp_path):
    settings = settings_for(TINY_CONTENT, tmp_path)
    target = tmp_path / "target"
    if kind == "a file":
        target.write_text("notes")
    elif kind == "a folder of other files":
        target.mkdir()
        (target / "notes.txt").write_text("notes")
    else:
        (tmp_path / "real-site").mkdir()
        target.symlink_to(tmp_path / "real-site")
    before = {path.name: path.is_symlink() for path in tmp_path.iterdir()}
    arguments = build_arguments(settings)
    arguments[-1] = str(target)
    result = generator(*arguments)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(target) in result.stderr
    assert {path.name: path.is_symlink() for path in tmp_path.iterdir() if path.name != "docs"} == {
        name: link for name, link in before.items() if name != "docs"
    }
    if kind == "a folder of other files":
        assert (target / "notes.txt").read_text() == "notes"


def test_the_site_is_built_from_the_pages_folder_given(tmp_path):
    """`--docs` names where the pages go; the site is built from there, not from the configuration's default."""
    settings = settings_for(TINY_CONTENT, tmp_path)
    arguments = build_arguments(settings)
    arguments[4] = str(tmp_path / "elsewhere")
    assert generator(*arguments).returncode == 0
    assert "Jo Mayor" in (settings.site_dir / "players" / "index.html").read_text(encoding="utf-8")
    assert not settings.docs_dir.exists()


def test_two_builds_at_once_publish_one_whole_briefing(tmp_path):
    settings = settings_for(TINY_CONTENT, tmp_path)
    other = tiny_with(tmp_path / "other", 'title: "Millbrook votes on its river bridge"', 'title: "Another town votes"', file="briefing.yml")
    edit(other / "players.yml", 'name: "Jo Mayor"', 'name: "Sam Reeve"')
    first, second = build_arguments(settings), build_arguments(settings)
    second[2] = str(other)
    for _ in range(3):
        runs = [subprocess.Popen([sys.executable, "-m", "generator", *arguments], cwd=ROOT, stderr=subprocess.PIPE, text=True) for arguments in (first, second)]
        assert [run.wait(timeout=120) for run in runs] == [0, 0], [run.stderr.read() for run in runs]
        players = (settings.site_dir / "players" / "index.html").read_text(encoding="utf-8")
        assert ("Another town votes" in players) == ("Sam Reeve" in players), "the site mixes two briefings"


# --- the environment -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "-1", "1" + "0" * 24, "1.5", "1e9", "4294967296", "0" * 5000 + "1"])
def test_a_source_date_epoch_that_is_not_a_moment_is_refused_before_anything_is_built(value, published):
    before = snapshot(published.site_dir)
    for command in ("check", "build"):
        arguments = build_arguments(published) if command == "build" else ["check", "--content", str(published.content_dir)]
        result = generator(*arguments, env={"SOURCE_DATE_EPOCH": value})
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.startswith(
            f"SOURCE_DATE_EPOCH '{value[:40]}' is not a moment a build can be dated by: write the whole "
            "seconds since 1970-01-01 UTC before 2106, like 1717545600"
        ), result.stderr
    assert snapshot(published.site_dir) == before


# --- generated declarations and templates: `check` passing means `build` succeeds -----------------

DECLARED_TEXT = st.one_of(WORDS, MARKUP, st.sampled_from(["2025", "Yes", "null", "x" * 121, "Q&A <b>", "a: b", "{value}"]))
SLUGS = st.sampled_from([None, "2025", "talks", "timeline", "index", "Bad Slug", "a--b", "x" * 81, "embed-tolls"])
OPTIONS = st.dictionaries(
    st.sampled_from(["anchor", "before", "now", "chart", "chart_title", "chart_unit", "nope"]),
    st.one_of(DECLARED_TEXT, st.sampled_from(["measure", "x y onfocus", "no", "2025", "toll"])),
    max_size=3,
)
TEMPLATES = st.sampled_from(
    [
        None,
        "# {{ page.title }}\n",
        "# {{ page.title }}\n\n{{ 1 / 0 }}\n",
        "{{ page.title | md }}\n{% for a in range(3) %}{{ a }}{% endfor %}\n",
        "{{ page.loaded.path }}\n",
        "{% include 'people.md.j2' %}\n",
        "{{ t['no-such-word'] }}\n",
        "# {{ page.title ~ page.intro(t) }}\n",
        "{% extends 'people.md.j2' %}\n",
        "{{ briefing_data + page.title }}\n",
        "{% for a in range(10) %}{{ page.title | upper }}{% endfor %}\n",
        "{{ page.title.format(page) }}\n",
        "# {{ page.title }}\n{{ cycler('a', 'b').next() }} {{ joiner(', ')() }}\n",
    ]
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=DECLARED_TEXT, intro=st.one_of(st.none(), DECLARED_TEXT), slug=SLUGS, options=OPTIONS, template=TEMPLATES)
@example(
    title="Tolls & <b>fees</b>",
    intro="{value} <img src=x onerror=alert(1)>",
    slug="talks",
    options={"anchor": "toll", "chart_title": "<script>alert(1)</script>"},
    template=None,
)  # passes: both engines build it
@example(
    title="Tolls & <b>fees</b>",
    intro="{value} <img src=x onerror=alert(1)>",
    slug="talks",
    options={"anchor": "toll", "chart_title": "<script>alert(1)</script>"},
    template="# {{ page.title }}\n{{ cycler('a', 'b').next() }}\n",
)
def test_where_check_passes_build_succeeds_with_both_engines_and_where_it_refuses_build_refuses_alike(title, intro, slug, options, template):
    from conftest import engine_settings

    with tempfile.TemporaryDirectory() as workdir:
        content = Path(workdir) / "content"
        shutil.copytree(TINY_CONTENT, content)
        declaration = {
            "kind": "measures",
            "title": title,
            "file": "tariffs.yml",
            "options": options,
            **({"slug": slug} if slug else {}),
            **({"intro": intro} if intro else {}),
        }
        edit(content / "briefing.yml", '{kind: measures, title: "Tolls", file: tariffs.yml}', yaml_json(declaration))
        if template is not None:
            (content / "templates").mkdir()
            (content / "templates" / "people.md.j2").write_text(template, encoding="utf-8")
        with bounded(seconds=120):
            checking = main_in_process(["check", "--content", str(content), "--no-archive"])
            checked, said = checking.returncode, checking.stderr
            assert checked in (0, 1) and "Traceback" not in said, said
            for engine in ("mkdocs", "zensical"):
                (Path(workdir) / engine).mkdir()
                built = engine_settings(content, Path(workdir) / engine, engine)
                building = main_in_process(
                    [
                        "build",
                        "--content",
                        str(content),
                        "--no-archive",
                        "--engine",
                        engine,
                        "--docs",
                        str(built.docs_dir),
                        "--config",
                        str(built.config_file),
                        "--site",
                        str(built.site_dir),
                    ]
                )
                status, output = building.returncode, building.stderr
                assert "Traceback" not in output, output
                if checked == 0:
                    assert status == 0, f"check passed, {engine} failed:\n{output}"
                    assert (built.site_dir / "index.html").is_file()
                else:
                    located = [line for line in said.splitlines() if re.match(r"^.+?:\d+:\d+: ", line)]
                    assert status == 1 and [line for line in output.splitlines() if re.match(r"^.+?:\d+:\d+: ", line)] == located != []


# --- a briefing's own templates ------------------------------------------------------------------


def test_jinja_filters_given_markup_return_text_so_no_content_text_joins_the_markup(tiny_copy):
    """`truncate`'s `end` was joined onto the source marker's markup inside the filter: the
    role's attribute list became a live `onclick`."""
    from conftest import own_template

    role = "[click me](https://example.com/){ onclick=alert(document.domain) } and *x*"
    edit(tiny_copy / "players.yml", 'role: "Mayor of Millbrook"', f"role: {yaml_json(role)}")
    (tiny_copy / "templates").mkdir()
    (tiny_copy / "templates" / "people.md.j2").write_text(
        own_template(
            "people.md.j2",
            (
                "{% for side, name, people in groups %}{% for person in people %}{% set x = person.role %}"
                "{{ (person.sources | cite) | truncate(x | length, true, x, 0) }}{% endfor %}{% endfor %}"
            ),
        ),
        encoding="utf-8",
    )
    page = render_pages(load_content(tiny_copy), tiny_copy / "templates")["players.md"]
    first_line = page.split("\n---\n", 1)[1].lstrip("\n").split("\n", 1)[0]
    assert "onclick" not in plain_html_attributes(first_line), first_line
    assert first_line.startswith("&#91;click me&#93;&#40;https://example.com/&#41;&#123; onclick&#61;alert"), "the role, as text"


def plain_html_attributes(markdown_text: str) -> set[str]:
    import markdown

    found = set()

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.update(name for name, _ in attrs)

    Reader().feed(markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html"]))
    return found


def test_a_hard_linked_template_is_refused_as_it_may_share_a_file_outside(tiny_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("a file outside the briefing", encoding="utf-8")
    (tiny_copy / "templates").mkdir()
    os.link(secret, tiny_copy / "templates" / "chart.md.j2")
    with pytest.raises(ContentError) as caught:
        checked_content(settings_for(tiny_copy, tmp_path))
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (tiny_copy / "templates" / "chart.md.j2", 1)
    assert "is a hard link, which may share a file outside the folder; copy the file instead" in problem.message


def test_the_markdown_extensions_a_briefing_s_own_pages_are_read_with_are_the_sites(tmp_path):
    import yaml

    from generator.render.published import MARKDOWN_EXTENSIONS

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    named = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert tuple(named) == MARKDOWN_EXTENSIONS


@pytest.mark.parametrize(
    ("limit", "said"),
    [
        ("generator.render.pages.OWN_RENDER_SECONDS", "rendering the briefing's pages took longer than 0 s in all"),
        ("generator.render.published.OWN_READ_SECONDS", "was not read: reading the pages took longer than 0 s in all"),
    ],
)
def test_a_briefings_own_pages_share_one_time_limit_and_running_out_of_it_is_a_located_problem(limit, said, tiny_copy, monkeypatch):
    """Each page has 5 s; all pages of a briefing with templates of its own share one limit
    too, so many pages just under 5 s each cannot hold a build for minutes. The limit is
    set to nothing here, as if the earlier pages had used it up."""
    from conftest import own_template

    monkeypatch.setattr(limit, 0.0)
    (tiny_copy / "templates").mkdir()
    (tiny_copy / "templates" / "people.md.j2").write_text(own_template("people.md.j2", "Our words."), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        render_pages(load_content(tiny_copy), tiny_copy / "templates")
    problems = refused.value.problems
    assert problems and {problem.file.name for problem in problems} == {"people.md.j2"}, problems
    assert all(said in problem.message for problem in problems), [problem.message for problem in problems]


def test_a_briefing_may_replace_the_source_marker_with_a_copy_of_the_generator_s(tiny_copy, tmp_path):
    """The marker is on every page, the Sources page's aligned tables included: a copy of the
    generator's marker template checks out, and its pages build."""
    (tiny_copy / "templates").mkdir()
    shutil.copy(template_file("source-marker.md.j2"), tiny_copy / "templates" / "source-marker.md.j2")
    checked_content(settings_for(tiny_copy, tmp_path))


def test_a_marker_template_that_runs_out_of_time_is_named_as_the_problem(tiny_copy, tmp_path):
    """The time runs out inside the marker, rendered from within a page's template: the
    problem is the briefing's marker template, not the generator's page template."""
    (tiny_copy / "templates").mkdir()
    (tiny_copy / "templates" / "source-marker.md.j2").write_text(
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        checked_content(settings_for(tiny_copy, tmp_path))
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (tiny_copy / "templates" / "source-marker.md.j2", 1), problem
    assert "took longer than 5 s" in problem.message
