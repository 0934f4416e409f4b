"""Command line: `briefing check|generate|build|serve|new|schema|coverage|migrate` (or `python -m generator …`),
one subcommand each, with the options it takes."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.core.editor import current, say, say_count, speaking
from generator.core.errors import ContentError
from generator.core.settings import Settings, SettingsError
from generator.site.build import ENGINES, SiteBuildError

PREVIEW_FOLDER = Path("build/preview")


def preview_docs(content: Path, address: str) -> Path:
    """The preview's pages: a folder per briefing and port, so two previews of one checkout
    (`PORT=`, `CONTENT=`) never show each other's pages, nor one left by another briefing."""
    import hashlib

    where = hashlib.sha256(str(content.absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    port = address.rpartition(":")[2]
    name = "".join(character if character.isalnum() or character in "-_" else "-" for character in content.absolute().name)[:40]
    return PREVIEW_FOLDER / f"{name}-{where}-{port if port.isdigit() else 'address'}" / "docs"


_COMMANDS = {
    # name: (what it does: its key in the editors' catalogue; the options it takes beside the briefing's)
    "check": ("cli_command_check", ("site_url", "summary")),
    "generate": ("cli_command_generate", ("docs", "config", "site_url")),
    "build": ("cli_command_build", ("docs", "config", "site", "engine", "site_url")),
    "serve": ("cli_command_serve", ("docs", "config", "address")),
    "new": ("cli_command_new", ()),
    "schema": ("cli_command_schema", ("schemas",)),
    "coverage": ("cli_command_coverage", ()),
    "docs": ("cli_command_docs", ()),
    "migrate": ("cli_command_migrate", ()),
}


class _Commands(Mapping):
    """Each command with what it does, said in the editor's language as it is read (the
    language is known only then), and the options it takes."""

    def __getitem__(self, name: str) -> tuple[str, tuple[str, ...]]:
        key, options = _COMMANDS[name]
        return say(key), options

    def __iter__(self) -> Iterator[str]:
        return iter(_COMMANDS)

    def __len__(self) -> int:
        return len(_COMMANDS)


COMMANDS = _Commands()


def _briefing_options(parser: argparse.ArgumentParser, defaults: Settings, given_before: bool) -> None:
    """The options every command takes: written before the command (`briefing --content c
    check`, as the Makefile does) or after it. After it, a default would undo the value
    given before, so there it has none."""
    keep = {} if given_before else {"default": argparse.SUPPRESS}
    parser.add_argument("--content", type=Path, help=say("cli_option_content"), **({"default": defaults.content_dir} if given_before else keep))
    parser.add_argument("--archive", type=Path, help=say("cli_option_archive"), **({"default": defaults.archive_dir} if given_before else keep))
    parser.add_argument("--no-archive", action="store_true", help=say("cli_option_no_archive"), **keep)
    parser.add_argument("--require-verified", action="store_true", help=say("cli_option_require_verified"), **keep)
    parser.add_argument("--editor-language", help=say("cli_option_editor_language"), **({"default": defaults.editor_language} if given_before else keep))


def _command_options(parser: argparse.ArgumentParser, names: tuple[str, ...], defaults: Settings) -> None:
    options = {
        "docs": lambda: parser.add_argument("--docs", type=Path, default=None, help=say("cli_option_docs", docs=defaults.docs_dir, preview=PREVIEW_FOLDER)),
        "config": lambda: parser.add_argument("--config", type=Path, default=defaults.config_file, help=say("cli_option_config")),
        "site": lambda: parser.add_argument("--site", type=Path, default=defaults.site_dir, help=say("cli_option_site")),
        "engine": lambda: parser.add_argument("--engine", choices=ENGINES, default=defaults.engine, help=say("cli_option_engine")),
        "site_url": lambda: parser.add_argument("--site-url", default=defaults.site_url, help=say("cli_option_site_url")),
        "address": lambda: parser.add_argument("--address", default="127.0.0.1:8000", help=say("cli_option_address")),
        "summary": lambda: parser.add_argument("--summary", type=Path, default=None, help=say("cli_option_summary")),
        "schemas": lambda: parser.add_argument("--schemas", type=Path, default=Path("schemas"), help=say("cli_option_schemas")),
    }
    for name in names:
        options[name]()


def _parser() -> argparse.ArgumentParser:
    """The command line, its help in the editor's language: the one EDITOR_LANGUAGE names
    (the briefing's own is not known before the options are read), else English."""
    defaults = Settings()
    with speaking(defaults.editor_language):
        parser = argparse.ArgumentParser(prog="briefing", description=say("cli_description"))
        _briefing_options(parser, defaults, given_before=True)
        commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
        for name, (summary, names) in COMMANDS.items():
            command = commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".")
            _briefing_options(command, defaults, given_before=False)
            _command_options(command, names, defaults)
    return parser


def write_summary(path: Path, content_dir: Path, *, problems=(), verification: str = "", unclassified=()) -> None:
    """The check's report in Markdown, appended to `path` (a pull request's job summary):
    what is wrong, what was verified, and what was checked as a number alone. The
    content's words go in code blocks, so that none of them is read as Markdown."""

    def block(lines) -> list[str]:
        text = "\n".join(str(line) for line in lines)
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
        return [f"{fence}text", text, fence, ""]

    outcome = say_count("cli_n_problem", len(problems)) if problems else say("cli_summary_valid")
    report = [say("cli_summary_title", folder=content_dir.name or content_dir, outcome=outcome), ""]
    if problems:
        report += [say("cli_summary_problems"), "", *block(problems)]
    else:
        report += [say("cli_summary_verified", verification=verification), ""]
    if unclassified:
        report += [say("cli_summary_numbers_alone"), "", *block(unclassified)]
    with path.open("a", encoding="utf-8") as summary:
        summary.write("\n".join(report) + "\n")


def build_docs() -> int:
    """`mkdocs build --strict` of the documentation's own configuration, which says where it goes."""
    import subprocess

    config = Path(__file__).resolve().parent.parent / "docs" / "mkdocs.yml"
    if not config.is_file():
        print(say("cli_docs_not_in_package"), file=sys.stderr)
        return 1
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode == 0:
        print(say("cli_docs_built", folder=config.parent), file=sys.stderr)
    return 0 if result.returncode == 0 else 1


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    defaults = Settings()
    given = {name: getattr(arguments, name, None) for name in ("docs", "config", "site", "engine", "site_url", "address")}
    archive = arguments.archive
    if archive is None and not arguments.no_archive and any((arguments.content / "archive").glob("*.txt")):  # the briefing's own articles
        archive = arguments.content / "archive"
    # The preview's pages have a folder of their own: a `make site` while `make serve` runs
    # builds from pages it generated and checked itself, never from the preview's.
    docs = given["docs"] or (preview_docs(arguments.content, given["address"]) if arguments.command == "serve" else defaults.docs_dir)
    config = given["config"] or defaults.config_file
    if not config.exists() and config == defaults.config_file:  # no checkout here: the packaged theme
        from generator.site.theme import packaged_config

        config = packaged_config(docs.parent) or config
    settings = Settings(
        content_dir=arguments.content,
        docs_dir=docs,
        config_file=config,
        site_dir=given["site"] or defaults.site_dir,
        archive_dir=archive,
        engine=given["engine"] or defaults.engine,
        site_url=given["site_url"] if "site_url" in vars(arguments) else defaults.site_url,
        require_verified=arguments.require_verified,
        write_record=True,
        editor_language=arguments.editor_language,
    )
    from generator.core.files import editor_language_of  # after argument parsing, so `--help` stays instant

    with speaking(editor_language_of(settings.content_dir, settings.editor_language)):
        return _run(arguments, settings, given["address"])


def _run(arguments: argparse.Namespace, settings: Settings, address: str) -> int:
    """The command, said to the editor in their language; its exit status."""
    from generator import pipeline

    try:
        if arguments.command == "check":
            try:
                content = pipeline.checked_content(settings)
            except ContentError as error:
                if arguments.summary:
                    write_summary(arguments.summary, settings.content_dir, problems=error.problems)
                raise
            for line in content.unclassified:  # checked, but not as a kind of figure: the editor sees each one
                print(line, file=sys.stderr)
            print(say("content_valid", folder=settings.content_dir, verification=content.verification), file=sys.stderr)
            if arguments.summary:
                write_summary(arguments.summary, settings.content_dir, verification=content.verification, unclassified=content.unclassified)
        elif arguments.command == "generate":
            _, changed = pipeline.generate(settings)
            print(say("cli_generated", pages=say_count("cli_n_page", len(changed)), folder=settings.docs_dir), file=sys.stderr)
        elif arguments.command == "build":
            verification = pipeline.build(settings)
            print(say("cli_built", folder=settings.site_dir, verification=verification), file=sys.stderr)
        elif arguments.command == "new":
            from generator.new.starter import FolderNotEmpty, new_briefing

            try:
                written = new_briefing(settings.content_dir)
            except FolderNotEmpty as error:
                print(error, file=sys.stderr)
                return 1
            folder = settings.content_dir
            print(say("cli_new_written", folder=folder, files=say_count("cli_n_file", len(written)), briefing=folder / "briefing.yml"), file=sys.stderr)
        elif arguments.command == "coverage":
            from generator.check.coverage import coverage, report

            if settings.archive_dir is None:
                print(say("cli_coverage_needs_archive"), file=sys.stderr)
                return 1
            from generator.check.briefing import load_content

            content = load_content(settings.content_dir, settings.archive_dir, editor_language=settings.editor_language)
            found = coverage(content, settings.archive_dir)
            print(report(found, len(content.sources)))
            return 0 if found.complete else 1
        elif arguments.command == "docs":
            return build_docs()
        elif arguments.command == "migrate":
            from generator.load.migrate import FORMAT, MigrationError, migrate

            try:
                found, changed = migrate(settings.content_dir)
            except MigrationError as error:
                print(error, file=sys.stderr)
                return 1
            if changed:
                print(say("cli_migrated", folder=settings.content_dir, found=found, format=FORMAT, files=", ".join(changed)), file=sys.stderr)
            else:
                print(say("cli_already_migrated", folder=settings.content_dir, format=FORMAT), file=sys.stderr)
        elif arguments.command == "schema":
            from generator.new.schema import write_schemas

            changed = write_schemas(arguments.schemas)
            print(say("cli_schemas_written", folder=arguments.schemas, schemas=say_count("cli_n_schema", len(changed))), file=sys.stderr)
        else:
            from generator.preview.serve import serve

            return serve(settings, address)
    except ContentError as error:
        count = len(error.problems)
        content = os.path.abspath(settings.content_dir)
        inside = all(os.path.abspath(problem.file).startswith(content + os.sep) for problem in error.problems)
        with speaking(error.language or current()):  # the language the problems are said in
            where = say("where_content" if inside else "where_found")
            # `check` and `coverage` build nothing in any case: they say what to do next instead.
            summary = "check_summary" if arguments.command in ("check", "coverage") else "summary"
            print(f"{error}\n{say(f'{summary}_one' if count == 1 else f'{summary}_many', count=count, where=where)}", file=sys.stderr)
        return 1
    except SiteBuildError as error:
        print(f"{error}\n{say('cli_site_not_built')}", file=sys.stderr)
        return 1
    except SettingsError as error:  # a wrong SITE_URL, a busy preview port
        print(f"{error}\n{say('cli_nothing_built')}", file=sys.stderr)
        return 1
    except OSError as error:  # the generated pages could not be written (disk full, no permission)
        why = error.strerror or error  # the system's own words
        could_not = say("cli_could_not_write_file", file=error.filename, why=why) if error.filename else say("cli_could_not_write", why=why)
        print(f"{could_not}\n{say('cli_previous_site_kept')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
