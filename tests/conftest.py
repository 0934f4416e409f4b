"""Shared set-up: briefings built for real, with the generator and MkDocs, into temporary folders."""

from __future__ import annotations

import contextlib
import faulthandler
import fcntl
import os
import resource
import shutil
import signal
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from generator.check.briefing import load_content
from generator.core.errors import ContentError
from generator.core.settings import Settings
from generator.pipeline import build
from generator.render.pages import template_file

# Editors are spoken to in their locale's language where a briefing cannot say its own:
# the tests read what an English-speaking editor reads, whatever the machine's locale.
os.environ["LANG"] = "C.UTF-8"
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)

ROOT = Path(__file__).resolve().parent.parent
REAL_CONTENT = ROOT / "content"
TINY_CONTENT = Path(__file__).resolve().parent / "briefings" / "tiny"
ARCHIVE = ROOT.parent / "shared" / "seeds"
# Where tests/test_browser.py put this run's screenshots; printed in the summary.
SCREENSHOTS = pytest.StashKey[Path]()


def pytest_sessionfinish(session):
    """A worker of a parallel run (pytest-xdist) hands its screenshots' folder to the run."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None and SCREENSHOTS in session.config.stash:
        output["screenshots"] = str(session.config.stash[SCREENSHOTS])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    folder = getattr(node, "workeroutput", {}).get("screenshots")
    if folder:
        node.config.stash[SCREENSHOTS] = Path(folder)


def pytest_terminal_summary(terminalreporter, config):
    folder = config.stash.get(SCREENSHOTS, None)
    if folder is not None:
        terminalreporter.write_sep("-", "screenshots")
        terminalreporter.write_line(f"every page, desktop and phone, light and dark: {folder}")


@dataclass
class BuiltBriefing:
    """A briefing generated and built into a temporary folder."""

    docs: Path
    site: Path

    def markdown(self, filename: str) -> str:
        return (self.docs / filename).read_text(encoding="utf-8")

    def html(self, page: str) -> str:
        return (self.site / page / "index.html" if page else self.site / "index.html").read_text(encoding="utf-8")


def settings_for(content: Path, workdir: Path) -> Settings:
    """Settings that build `content` inside `workdir`, with the project's theme and overrides.
    A briefing of the repository is copied into `workdir` first: a build may write into its
    content folder (the verification record), and tests never change the repository."""
    if content.resolve().is_relative_to(ROOT):
        copy = workdir / "content"
        if not copy.exists():
            shutil.copytree(content, copy)
        content = copy
    docs = workdir / "docs"
    config = workdir / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {docs}\ntheme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n",
        encoding="utf-8",
    )
    return Settings(content_dir=content, docs_dir=docs, config_file=config, site_dir=workdir / "site")


def engine_settings(content: Path, workdir: Path, engine: str) -> Settings:
    """`settings_for`, with `docs_dir` relative to the config: Zensical 0.0.x stops on an absolute one."""
    settings = settings_for(content, workdir)
    text = settings.config_file.read_text(encoding="utf-8")
    assert f"docs_dir: {settings.docs_dir}\n" in text
    settings.config_file.write_text(text.replace(f"docs_dir: {settings.docs_dir}\n", "docs_dir: docs\n"), encoding="utf-8")
    return replace(settings, engine=engine)


def build_briefing(content: Path, workdir: Path) -> BuiltBriefing:
    settings = settings_for(content, workdir)
    build(settings)
    return BuiltBriefing(settings.docs_dir, settings.site_dir)


def run_folder(tmp_path_factory) -> Path:
    """This test run's temporary folder, which the workers of a parallel run (pytest-xdist) share."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """built(content, engine): a briefing of the repository built by that engine, on first use,
    once per test run for every test that reads it (none may change it), whichever worker
    of a parallel run asks first; checked against its own articles where it has them
    (archive/), with no published address."""

    def site(content: Path, engine: str = "mkdocs") -> BuiltBriefing:
        content = content.resolve()
        workdir = run_folder(tmp_path_factory) / "built" / f"{content.name}-{engine}"
        workdir.parent.mkdir(exist_ok=True)
        with open(workdir.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another worker building it: wait for it
            if not workdir.with_suffix(".done").exists():
                shutil.rmtree(workdir, ignore_errors=True)  # a build that failed half-way
                workdir.mkdir()
                settings = engine_settings(content, workdir, engine)
                archive = content / "archive"
                build(replace(settings, archive_dir=settings.content_dir / "archive" if archive.is_dir() else None, site_url=None))
                workdir.with_suffix(".done").touch()
        return BuiltBriefing(workdir / "docs", workdir / "site")

    return site


@pytest.fixture(scope="session")
def real_site(built) -> BuiltBriefing:
    """The real briefing, built once for every test that reads it."""
    return built(REAL_CONTENT)


@pytest.fixture(scope="session")
def tiny_site(built) -> BuiltBriefing:
    return built(TINY_CONTENT)


@pytest.fixture(scope="session")
def plain_site(tmp_path_factory) -> Path:
    """The tiny briefing with a plain word in every text field, built: the page structure
    awkward text must not change. Its site folder."""
    from pages import TEXT_FIELDS, build_with_fields

    return build_with_fields(tmp_path_factory.mktemp("plain"), {text_field.name: "plain" for text_field in TEXT_FIELDS})


# --- Chromium, for the tests that drive it --------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium; without it the browser tests are skipped, except under CI=true."""
    from browser import CHROMIUM, chromium_available

    if not chromium_available():
        reason = (
            f"{CHROMIUM} is missing, so the site cannot be tested in a browser; install Debian's chromium (`apt-get install chromium`; `make test` does it)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}. CI=true: the browser tests must run.", pytrace=False)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    """One Chromium for the whole run: Playwright's synchronous API runs once per process."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def content_problems(content_dir: Path, archive: bool = True, **options) -> list[str]:
    """The problems the check reports for a briefing, checked against its own `archive/`
    (or, with `archive=False`, against its verification record), as the editor reads them."""
    with pytest.raises(ContentError) as caught:
        load_content(content_dir, content_dir / "archive" if archive else None, **options)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def tiny_copy(tmp_path) -> Path:
    """A writable copy of the tiny briefing, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(TINY_CONTENT, target)
    return target


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (which must occur once) in a content file; returns the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _virtual_memory() -> int:
    """This process's address space now, in bytes (Linux), else 0."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@contextlib.contextmanager
def bounded(seconds: float = 120, memory: int = 2 << 30):
    """Run a piece of a test within a time and memory budget, so that a runaway input
    fails the test (TimeoutError, MemoryError) instead of hanging CI or taking the
    machine's memory. Should Python itself be stuck, the process is ended after three
    times the budget, with every thread's stack printed."""

    def too_slow(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous_handler = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(seconds * 3, exit=True)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    base = _virtual_memory()
    if base:
        limit = base + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        faulthandler.cancel_dump_traceback_later()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)


def own_template(name: str, words: str) -> str:
    """A briefing's own template: the generator's, with `words` of its own above it (so it
    keeps every anchor other pages link to)."""
    return words + "\n\n" + template_file(name).read_text(encoding="utf-8")
