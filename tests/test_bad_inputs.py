"""Editing that cannot publish a wrong fact.

Every mistake in `tests/bad_inputs/` (see its README) is reported at its exact file,
line, column and field; the command line refuses it with exit status 1 and a message,
never a traceback; and a build that meets it leaves the published site byte for byte as
it was. Text that merely looks like syntax (HTML, Markdown, emoji, any script) is no
mistake: it is published exactly as typed, in every kind of text field.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import stat
import subprocess
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TINY_CONTENT, BuiltBriefing, bounded, settings_for
from generator.__main__ import main
from generator.check.briefing import load_content
from generator.core.characters import shown
from generator.core.errors import ContentError
from generator.core.settings import Settings
from generator.load import reader as load
from generator.load.yaml_hints import ADVICE, advice
from generator.pipeline import checked_content
from generator.render.pages import template_file
from pages import SITE_PAGES, TEXT_FIELDS, build_with_fields, expected_text, inline_tags, parse_html, table_shape, unexplained_elements

CASES_DIR = Path(__file__).parent / "bad_inputs"
HOSTILE_DIR = Path(__file__).parent / "hostile"  # the same format: input crafted to crash, hang or inject


# --- the cases ------------------------------------------------------------------------


@dataclass(frozen=True)
class BadInput:
    """One file of `tests/bad_inputs/`: a change to the tiny briefing, and the problem it must cause."""

    name: str
    file: str
    expect_file: str
    line: int
    column: int
    message: str
    field: str = ""
    replace: str | None = None
    with_: str | list | None = None
    contents: str | list | None = None
    delete: bool = False
    encoding: str = "utf-8"
    pad_to_megabytes: int = 0
    make: str = ""
    symlink_to: str = ""
    archive: bool = False
    after_generators_template: bool = False
    known_bug: str = ""
    alone: bool = False
    also: tuple = ()

    @classmethod
    def read(cls, path: Path) -> BadInput:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        allowed = {
            "file",
            "expect",
            "message",
            "field",
            "replace",
            "with",
            "contents",
            "delete",
            "encoding",
            "pad_to_megabytes",
            "make",
            "symlink_to",
            "archive",
            "after_generators_template",
            "known_bug",
            "alone",
            "also",
        }
        assert set(spec) <= allowed, f"{path.name}: unknown keys {sorted(set(spec) - allowed)}; see README.md"
        assert ("replace" in spec) == ("with" in spec), f"{path.name}: `replace` and `with` go together"
        expect_file, line, column = spec.pop("expect").split(":")
        if line.startswith("+"):  # lines after the end of the generator's template the case copies
            line = len(template_file(Path(spec["file"]).name).read_text(encoding="utf-8").splitlines()) + int(line[1:])
        also = tuple(cls.read_also(path.stem, other) for other in spec.pop("also", []))
        return cls(name=path.stem, expect_file=expect_file, line=int(line), column=int(column), with_=spec.pop("with", None), also=also, **spec)

    @classmethod
    def read_also(cls, name: str, spec: dict) -> BadInput:
        """Another problem the same mistake must also be reported with."""
        expect_file, line, column = spec["expect"].split(":")
        return cls(name=name, file="", expect_file=expect_file, line=int(line), column=int(column), message=spec["message"], field=spec.get("field", ""))

    def apply_to(self, content: Path) -> None:
        """Make the mistake in `content`, a copy of the tiny briefing."""
        target = content / self.file
        target.parent.mkdir(parents=True, exist_ok=True)  # a briefing's own templates/, for a template's case
        if self.delete or self.make or self.symlink_to:
            target.unlink(missing_ok=True)
        if self.delete:
            return
        if self.symlink_to:
            os.symlink(self.symlink_to, target)
            return
        if self.make:
            {"fifo": lambda: os.mkfifo(target), "folder": target.mkdir, "device": lambda: os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 5))}[
                self.make
            ]()  # 1, 5: /dev/zero
            return
        text = target.read_text(encoding="utf-8") if self.contents is None else spelt_out(self.contents)
        if self.after_generators_template:  # a briefing's copy of the generator's template, with a line of its own after it
            text = template_file(Path(self.file).name).read_text(encoding="utf-8") + text
        if self.replace is not None:
            assert text.count(self.replace) == 1, f"{self.name}: {self.replace!r} occurs {text.count(self.replace)} times in {self.file}"
            text = text.replace(self.replace, spelt_out(self.with_))
        data = text.encode(self.encoding)
        if self.pad_to_megabytes:
            line = b"# " + b"x" * 97 + b"\n"
            data += line * (self.pad_to_megabytes * 1_000_000 // len(line))
        target.write_bytes(data)

    @property
    def where(self) -> str:
        return f"{self.expect_file}:{self.line}:{self.column}"


def spelt_out(text: str | list) -> str:
    """A text, or a list of `[text, times]` pairs for input too long to write out (40,000 digits)."""
    return text if isinstance(text, str) else "".join(part * times for part, times in text)


CASES = [BadInput.read(path) for folder in (CASES_DIR, HOSTILE_DIR) for path in sorted(folder.glob("*.yml"))]
CASE_PARAMS = [pytest.param(case, id=case.name, marks=[pytest.mark.xfail(strict=True, reason=case.known_bug)] if case.known_bug else []) for case in CASES]


def broken_copy(case: BadInput, workdir: Path) -> Path:
    content = workdir / "content"
    shutil.copytree(TINY_CONTENT, content)
    case.apply_to(content)
    return content


def matches(problem, case: BadInput, content: Path) -> bool:
    return (
        problem.file == content / case.expect_file
        and (problem.line, problem.column) == (case.line, case.column)
        and problem.field == case.field
        and case.message in problem.message
    )


# --- reported where it is -----------------------------------------------------------------


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_the_mistake_is_reported_at_its_file_line_column_and_field(case, tmp_path):
    content = broken_copy(case, tmp_path)
    with pytest.raises(ContentError) as caught, bounded(seconds=120):
        checked_content(Settings(content_dir=content, archive_dir=content / "archive" if case.archive else None, site_url=None))
    problems = caught.value.problems
    listing = "\n".join(f"  {problem.file.name}:{problem.line}:{problem.column}: {problem.field}: {problem.message}" for problem in problems)
    for expected in (case, *case.also):
        assert any(matches(problem, expected, content) for problem in problems), (
            f"expected {expected.where}: {expected.field}: …{expected.message}…\nreported:\n{listing}"
        )
    if case.alone:  # nothing that would send the editor after a mistake they did not make
        assert len(problems) == 1, f"expected only {case.where}\nreported:\n{listing}"


# --- a YAML syntax error says what the editor probably did -----------------------------------


@dataclass(frozen=True)
class SyntaxCase:
    """A case whose changed file libyaml refuses: its words, and what the check reported for that file."""

    name: str
    words: tuple[str | None, str]  # libyaml's context and problem, the table's key
    start: int  # the line where the context starts
    messages: tuple[str, ...]


@pytest.fixture(scope="module")
def syntax_cases(tmp_path_factory) -> list[SyntaxCase]:
    found = []
    for case in CASES:
        if case.known_bug or case.delete or case.make or case.symlink_to or case.pad_to_megabytes or not case.file.endswith(".yml"):
            continue
        content = broken_copy(case, tmp_path_factory.mktemp(case.name))
        try:
            for _ in yaml.parse((content / case.file).read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader):
                pass
            continue
        except UnicodeDecodeError:
            continue
        except yaml.MarkedYAMLError as error:
            start = (error.context_mark or error.problem_mark).line + 1
            words = (error.context, error.problem)
        except yaml.YAMLError:
            continue  # not the scanner's or the parser's: a character the reader refuses
        with pytest.raises(ContentError) as caught:
            load_content(content)
        messages = tuple(problem.message for problem in caught.value.problems if problem.file == content / case.file)
        found.append(SyntaxCase(case.name, words, start, messages))
    return found


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="the table holds libyaml's words")
def test_each_yaml_syntax_error_of_the_corpus_comes_with_advice_or_in_the_loaders_own_words(syntax_cases):
    for case in syntax_cases:
        context, problem = case.words
        bare = [message for message in case.messages if problem in message]
        hint = advice(context, problem, case.start)
        assert not bare or hint, f"{case.name}: libyaml's '{problem}' ({context}) is printed without advice; add it to ADVICE"
        for message in bare:
            assert message.endswith(f"; {hint}"), f"{case.name}: {message}"


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="the table holds libyaml's words")
def test_every_entry_of_the_yaml_advice_table_has_a_case_whose_message_it_gave(syntax_cases):
    given = {case.words for case in syntax_cases if any(message.endswith(f"; {advice(*case.words, case.start)}") for message in case.messages)}
    missing = [f"{context}: {problem}" for context, problem in ADVICE if (context, problem) not in given]
    assert not missing, f"no case in tests/bad_inputs/ gets this advice; add one, or drop the entry: {missing}"


def test_a_yaml_message_the_table_does_not_know_keeps_its_own_words_and_gets_no_advice(tmp_path, monkeypatch):
    # Where libyaml is missing, PyYAML's own parser words its errors otherwise ("expected <block end>, but found …").
    monkeypatch.setattr(load, "_Loader", yaml.SafeLoader)
    case = next(case for case in CASES if case.name == "syntax-indented-one-space-too-far")
    content = broken_copy(case, tmp_path)
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load((content / case.file).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    error = raised.value
    assert (error.context, error.problem) not in ADVICE, "the table knows these words: choose a message it does not"
    loaded, problems = load.load_file(content / case.file)
    [problem] = problems
    assert loaded is None
    assert (problem.line, problem.column) == (error.problem_mark.line + 1, error.problem_mark.column + 1)
    assert problem.message.startswith(f"YAML syntax error: {error.problem} ({error.context}")
    assert "; " not in problem.message, "advice that belongs to another message"


# --- refused by the command line, and nothing published ---------------------------------------


@dataclass
class Run:
    """A broken briefing beside a copy of a previously published site, as it was before the command ran."""

    settings: Settings
    site_before: dict[str, bytes]
    docs_before: dict[str, bytes]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


BUILT_CASES = {
    # `build` stops where `check` does; one case of each kind of failure is enough to show it keeps the site.
    "syntax-unclosed-quote",
    "tab-indents-a-field",
    "control-character-from-a-word-processor",
    "saved-as-latin-1",
    "ten-megabyte-file",
    "missing-file",
    "empty-file",
    "typo-in-a-field-name",
    "date-february-30",
    "dangling-speaker",
    "duplicate-id",
    "source-listed-but-never-cited",
    "link-to-a-file-in-the-project",
    "link-to-a-file-on-the-editors-computer",
    # hostile input
    "del-in-a-source-headline",
    "billion-laughs",
    "nested-500-levels-deep",
    "forty-thousand-digits",
    "tag-binary",
    "measure-ends-before-it-starts",
    "archive-file-absolute-path",
    "content-file-is-a-named-pipe",
    "content-file-is-a-device",
    "unknown-file-misspelt",
    # a briefing's own templates, and what check and build alike must refuse
    "template-runs-python",
    "template-links-to-etc-passwd",
    "template-divides-by-zero",
    "template-loops-for-ever",
    "slug-of-digits-alone",
    "section-title-of-1100-characters",
    "anchor-option-with-spaces",
    "side-id-twice-through-a-merge",
    "template-calls-a-model-method-that-reads-files",
    "template-publishes-a-script",
    "template-drops-the-anchors-others-link-to",
    "template-of-fifty-megabytes-of-output",
}
BUILT_PARAMS = [param for param in CASE_PARAMS if param.id in BUILT_CASES]
# Run as separate Python processes too, for what only a real process shows: its exit status,
# what reaches the terminal, a pipe or device read by a process of its own. Each is slow to
# start, so a few of each kind; every case runs in this process through the same `main`.
CLI_CASES = {
    "check": [
        "syntax-unclosed-quote",
        "control-character-from-a-word-processor",
        "content-file-is-a-named-pipe",
        "billion-laughs",
        "template-runs-python",
        "template-is-a-named-pipe",
        "template-includes-itself",
    ],
    "build": ["dangling-speaker", "content-file-is-a-device", "template-divides-by-zero", "slug-of-digits-alone"],
}


def command_line(command: str, settings: Settings, archive: bool = False) -> list[str]:
    options = ["--content", settings.content_dir, *(["--archive", settings.content_dir / "archive"] if archive else ["--no-archive"])]
    if command == "build":
        options += ["--docs", settings.docs_dir, "--config", settings.config_file, "--site", settings.site_dir]
    return [command, *map(str, options)]


def run_generator(command: str, settings: Settings, archive: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *command_line(command, settings, archive)], cwd=ROOT, capture_output=True, text=True, timeout=300)


def run_in_process(command: str, settings: Settings, archive: bool = False) -> subprocess.CompletedProcess:
    return main_in_process(command_line(command, settings, archive))


def main_in_process(arguments: list[str]) -> subprocess.CompletedProcess:
    """The command line's own `main` (generator/__main__.py), in this process, from the
    folder the real command runs in: its exit status and what it printed; an exception
    that escapes `main` is what a terminal would show, a traceback."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with bounded(seconds=120), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(arguments)
            except SystemExit as exit:
                status = exit.code
            except Exception:
                status = None
                err.write(traceback.format_exc())
    finally:
        os.chdir(cwd)
    return subprocess.CompletedProcess(arguments, status, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def published(tiny_site) -> BuiltBriefing:
    """The tiny briefing, built: the site that was published before the mistake."""
    return tiny_site


def prepared(case: BadInput, workdir: Path, published: BuiltBriefing) -> Run:
    """The case's mistake in a copy of the tiny briefing, beside a copy of the published site."""
    settings = settings_for(broken_copy(case, workdir), workdir)
    shutil.copytree(published.site, settings.site_dir)
    shutil.copytree(published.docs, settings.docs_dir)
    return Run(settings, snapshot(settings.site_dir), snapshot(settings.docs_dir))


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory, published) -> dict[tuple[str, str], tuple[Run, subprocess.CompletedProcess]]:
    """The sample of CLI_CASES, each run through the real command line, side by side on every processor."""
    cases = {case.name: case for case in CASES}
    runs = {(command, name): prepared(cases[name], tmp_path_factory.mktemp(name), published) for command, names in CLI_CASES.items() for name in names}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {key: pool.submit(run_generator, key[0], run.settings, cases[key[1]].archive) for key, run in runs.items()}
    return {key: (runs[key], future.result()) for key, future in futures.items()}


def reported_locations(output: str) -> list[tuple[Path, int, int, str]]:
    """Each `path:line:column: rest` line printed, with the path resolved from the command's working folder."""
    found = []
    for line in output.splitlines():
        match = re.match(r"^(.+?):(\d+):(\d+): (.*)$", line)
        if match:
            found.append(((ROOT / match[1]).resolve(), int(match[2]), int(match[3]), match[4]))
    return found


def assert_refused_cleanly(process: subprocess.CompletedProcess, case: BadInput, run: Run, command: str = "check") -> None:
    output = process.stdout + process.stderr
    assert "Traceback" not in output, f"crashed:\n{output}"
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", output), "a control character reached the terminal raw"
    assert max(map(len, output.splitlines())) < 2_000, "a message echoes more than the offending line"
    assert process.returncode == 1, f"exited {process.returncode}:\n{output}"
    # The summary says what to do next: a check, fix and check again; a build, that nothing was built.
    assert re.search(r"fix (it|them) and check again\.$" if command == "check" else r"nothing was built\.$", process.stderr), process.stderr[-300:]
    # Printed as messages print every name: control characters escaped.
    wanted = Path(shown(str((run.settings.content_dir / case.expect_file).resolve()), limit=None)), case.line, case.column
    prefix = f"{case.field}: " if case.field else ""
    assert any(
        (path, line, column) == wanted and rest.startswith(prefix) and case.message in rest for path, line, column, rest in reported_locations(process.stderr)
    ), f"{case.where}: {prefix}…{case.message}… not printed:\n{output}"


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_check_exits_1_and_prints_the_problem_without_a_traceback(case, tmp_path):
    run = Run(settings_for(broken_copy(case, tmp_path), tmp_path), {}, {})  # `check` builds nothing: no site beside it
    assert_refused_cleanly(run_in_process("check", run.settings, case.archive), case, run)


def assert_site_kept(run: Run) -> None:
    assert snapshot(run.settings.site_dir) == run.site_before, "the published site changed"
    assert snapshot(run.settings.docs_dir) == run.docs_before, "the generated pages changed"
    leftovers = sorted(path.name for path in run.settings.site_dir.parent.iterdir())
    assert leftovers == ["content", "docs", "mkdocs.yml", "site"], "a build folder was left behind"


@pytest.mark.parametrize("case", BUILT_PARAMS)
def test_build_refuses_it_and_the_published_site_stays_byte_for_byte_as_it_was(case, tmp_path, published):
    run = prepared(case, tmp_path, published)
    assert_refused_cleanly(run_in_process("build", run.settings, case.archive), case, run, "build")
    assert_site_kept(run)


@pytest.mark.parametrize("command, name", [(command, name) for command, names in CLI_CASES.items() for name in names])
def test_the_real_command_line_refuses_it_the_same_way(cli_runs, command, name):
    run, process = cli_runs[command, name]
    assert_refused_cleanly(process, next(case for case in CASES if case.name == name), run, command)
    assert_site_kept(run)


# --- text that looks like syntax is published as typed -------------------------------------

AWKWARD_TEXTS = {
    "html-and-script-tags": "<script>alert('owned')</script> <b>bold</b> & <img src=x onerror=alert(1)> <!-- a comment --> &amp; &#60;",
    "table-pipes": "| Vehicles | vans || bikes \\| carts |",
    "heading-markers": "# Not a heading ## nor this ###",
    "list-and-quote-markers": "- not a list, 1. nor a numbered one, > nor a quote",
    "emphasis": "*stress*, **strong**, _under_ and `code`",
    "attr-list-braces": 'Braces {: .x } stay { #anchor } as typed {: onclick="alert(1)" }',
    "emoji-cjk-and-right-to-left": "🌉 Bridge vote 👍🏽 ✅ 🇬🇧 · 千里之行，始于足下 · 東京の橋 · 서울의 다리 · "
    "صوّت المجلس لإعادة بناء الجسر · המועצה הצביעה על הגשר",
}


@pytest.fixture(scope="module", params=list(AWKWARD_TEXTS))
def awkward_site(request, tmp_path_factory) -> tuple[str, Path]:
    """The tiny briefing with one kind of awkward text in every text field, built."""
    workdir = tmp_path_factory.mktemp(request.param)
    return request.param, build_with_fields(workdir, {text_field.name: AWKWARD_TEXTS[request.param] for text_field in TEXT_FIELDS})


@pytest.mark.parametrize("text_field", TEXT_FIELDS, ids=lambda text_field: text_field.name)
def test_awkward_text_is_published_exactly_as_typed(awkward_site, text_field):
    kind, site = awkward_site
    text = AWKWARD_TEXTS[kind]
    values = {other.name: text for other in TEXT_FIELDS}
    assert text_field.text_on(site) == expected_text(text_field, values)
    assert text_field.tags_on(site) == inline_tags(text, markdown=text_field.markdown), "an element the editor did not write"


def test_awkward_text_adds_no_element_to_any_page_and_the_table_keeps_its_columns(awkward_site, plain_site):
    kind, site = awkward_site
    text = AWKWARD_TEXTS[kind]
    for page in SITE_PAGES:
        assert unexplained_elements(site, plain_site, page, text) == {}, f"{page or 'overview'}: elements injected or lost"
    columns, cells = table_shape(site)
    assert cells == [columns], "the tariff row has lost or gained cells"


def test_the_briefing_title_and_standfirst_are_text_in_the_page_head_and_header_too(tmp_path, plain_site):
    title = "<script>alert('owned')</script> <b>Bridge</b> & co"
    standfirst = 'A standfirst with <img src=x onerror=alert(1)> and "quotes" & more.'
    values = {text_field.name: "plain" for text_field in TEXT_FIELDS} | {"briefing.title": title, "briefing.standfirst": standfirst}
    site = build_with_fields(tmp_path, values)
    for page in ["", "players"]:
        document = parse_html(((site / page) / "index.html").read_text(encoding="utf-8"))
        plain = parse_html(((plain_site / page) / "index.html").read_text(encoding="utf-8"))
        assert document.tag_counts() == plain.tag_counts(), f"{page or 'overview'}: elements injected"
        assert document.find("title").text().endswith(title)
        assert document.find(cls="md-header__topic").text().strip() == title, "the site name in the header"
        logo = document.find("a", cls="md-logo")
        assert (logo.attrs["title"], logo.attrs["aria-label"]) == (title, title), "the logo's tooltip and label"
    overview = parse_html((site / "index.html").read_text(encoding="utf-8"))
    assert [meta.attrs["content"] for meta in overview.find_all("meta") if meta.attrs.get("name") == "description"] == [standfirst]


# --- one mistake, one way to fix it ----------------------------------------------------


def test_no_hint_suggests_an_id_that_the_check_itself_refuses(tiny_copy):
    text = (tiny_copy / "players.yml").read_text(encoding="utf-8")
    (tiny_copy / "players.yml").write_text(text.replace("- id: mayor\n", "- id: Mayor\n"), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(tiny_copy)
    problems = [str(problem) for problem in caught.value.problems]
    assert any("'Mayor' is not a valid id" in problem for problem in problems)
    assert not [problem for problem in problems if "did you mean 'Mayor'" in problem]


# --- `check` passing means `build` succeeds; `check` refusing means `build` refuses alike ------


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^.+?:\d+:\d+: ", line)]


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_build_refuses_what_check_refuses_with_the_same_located_messages(case, tmp_path):
    run = Run(settings_for(broken_copy(case, tmp_path), tmp_path), {}, {})
    checked = run_in_process("check", run.settings, case.archive)
    built = run_in_process("build", run.settings, case.archive)
    assert checked.returncode == built.returncode == 1, (checked.stderr, built.stderr)
    assert problem_lines(built.stderr) == problem_lines(checked.stderr) != []
    assert not run.settings.site_dir.exists(), "a site was built"
