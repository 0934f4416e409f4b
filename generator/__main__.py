"""Command line: `briefing check|generate|build|serve|new|schema|coverage|migrate` (or `python -m generator …`),
one subcommand each, with the options it takes."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

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


COMMANDS = {
    # name: (what it does, the options it takes beside the briefing's)
    "check": ("validate the content and render every page, without writing any", ("site_url", "summary")),
    "generate": ("write the Markdown pages", ("docs", "config", "site_url")),
    "build": ("generate the pages and build the site; the old site stays if anything fails", ("docs", "config", "site", "engine", "site_url")),
    "serve": ("live preview that follows edits, with the content's problems over every page", ("docs", "config", "address")),
    "new": ("start a new briefing in --content, a new folder", ()),
    "schema": ("write the content files' JSON Schemas", ("schemas",)),
    "coverage": ("list what the articles (--archive) report that no fact uses", ()),
    "docs": ("build the project's own documentation (docs/ of a checkout), strictly", ()),
    "migrate": ("rewrite a briefing written for an older content format in the current one, keeping its comments", ()),
}


def _briefing_options(parser: argparse.ArgumentParser, defaults: Settings, given_before: bool) -> None:
    """The options every command takes: written before the command (`briefing --content c
    check`, as the Makefile does) or after it. After it, a default would undo the value
    given before, so there it has none."""
    keep = {} if given_before else {"default": argparse.SUPPRESS}
    parser.add_argument(
        "--content", type=Path, help="folder of the YAML content files (default: content)", **({"default": defaults.content_dir} if given_before else keep)
    )
    parser.add_argument(
        "--archive",
        type=Path,
        help="folder of the articles' texts; quotes and figures are checked against it (default: the briefing's own archive/, if any)",
        **({"default": defaults.archive_dir} if given_before else keep),
    )
    parser.add_argument("--no-archive", action="store_true", help="check without the articles, against the verification record", **keep)
    parser.add_argument(
        "--require-verified", action="store_true", help="fail unless every quote and figure is verified, against --archive or the verification record", **keep
    )
    parser.add_argument(
        "--editor-language",
        help="the language of the check's messages (default: EDITOR_LANGUAGE, else the briefing's language where there is a catalogue for it, else English)",
        **({"default": defaults.editor_language} if given_before else keep),
    )


def _command_options(parser: argparse.ArgumentParser, names: tuple[str, ...], defaults: Settings) -> None:
    options = {
        "docs": lambda: parser.add_argument(
            "--docs",
            type=Path,
            default=None,
            help=f"where the Markdown pages are written (default: "
            f"{defaults.docs_dir}; for serve, a folder of its own under {PREVIEW_FOLDER}/ per briefing and port)",
        ),
        "config": lambda: parser.add_argument("--config", type=Path, default=defaults.config_file, help="the MkDocs configuration (default: %(default)s)"),
        "site": lambda: parser.add_argument("--site", type=Path, default=defaults.site_dir, help="where the site is built (default: %(default)s)"),
        "engine": lambda: parser.add_argument(
            "--engine", choices=ENGINES, default=defaults.engine, help="what builds the site from the MkDocs configuration (default: %(default)s)"
        ),
        "site_url": lambda: parser.add_argument(
            "--site-url", default=defaults.site_url, help="the address the site is published at, for canonical links and the sitemap (default: $SITE_URL)"
        ),
        "address": lambda: parser.add_argument("--address", default="127.0.0.1:8000", help="host:port of the live preview (default: %(default)s)"),
        "summary": lambda: parser.add_argument(
            "--summary", type=Path, default=None, help="also append the check's report, in Markdown, to this file (CI: $GITHUB_STEP_SUMMARY)"
        ),
        "schemas": lambda: parser.add_argument("--schemas", type=Path, default=Path("schemas"), help="where to write them (default: %(default)s)"),
    }
    for name in names:
        options[name]()


def _parser() -> argparse.ArgumentParser:
    defaults = Settings()
    parser = argparse.ArgumentParser(prog="briefing", description="Publish an explainer briefing from YAML facts.")
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

    count = len(problems)
    report = [f"## Content check of `{content_dir.name or content_dir}`: " + (f"{count} problem{'s' if count != 1 else ''}" if count else "valid"), ""]
    if problems:
        report += ["Nothing was built. Each problem names its file, line and field:", "", *block(problems)]
    else:
        report += [f"Verified: {verification}.", ""]
    if unclassified:
        report += ["Checked as numbers alone (nothing after them says what they count):", "", *block(unclassified)]
    with path.open("a", encoding="utf-8") as summary:
        summary.write("\n".join(report) + "\n")


def build_docs() -> int:
    """`mkdocs build --strict` of the documentation's own configuration, which says where it goes."""
    import subprocess

    config = Path(__file__).resolve().parent.parent / "docs" / "mkdocs.yml"
    if not config.is_file():
        print("the documentation's sources are in a checkout of the project (docs/), not in an installed package", file=sys.stderr)
        return 1
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)], env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode == 0:
        print(f"built the documentation from {config.parent}", file=sys.stderr)
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
    from generator import pipeline  # after argument parsing, so `--help` stays instant

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
            from generator.core.editor import say, speaking

            with speaking(content.editor_language):
                print(say("content_valid", folder=settings.content_dir, verification=content.verification), file=sys.stderr)
            if arguments.summary:
                write_summary(arguments.summary, settings.content_dir, verification=content.verification, unclassified=content.unclassified)
        elif arguments.command == "generate":
            _, changed = pipeline.generate(settings)
            print(f"wrote {len(changed)} page(s) to {settings.docs_dir}", file=sys.stderr)
        elif arguments.command == "build":
            verification = pipeline.build(settings)
            print(f"built the site in {settings.site_dir}; {verification}", file=sys.stderr)
        elif arguments.command == "new":
            from generator.new.starter import FolderNotEmpty, new_briefing

            try:
                written = new_briefing(settings.content_dir)
            except FolderNotEmpty as error:
                print(error, file=sys.stderr)
                return 1
            print(
                f"wrote a new briefing to {settings.content_dir} ({len(written)} files). Next: edit {settings.content_dir / 'briefing.yml'}, "
                f"then check it with `make check CONTENT={settings.content_dir}` (installed as a package: `briefing check --content {settings.content_dir}`)",
                file=sys.stderr,
            )
        elif arguments.command == "coverage":
            from generator.check.coverage import report, unused

            if settings.archive_dir is None:
                print("coverage needs the articles: name their folder with --archive (ARCHIVE=folder)", file=sys.stderr)
                return 1
            from generator.check.briefing import load_content

            content = load_content(settings.content_dir, settings.archive_dir, editor_language=settings.editor_language)
            missing, known = unused(content, settings.archive_dir)
            print(report(missing, known, len(content.sources)))
            return 1 if missing else 0
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
                print(
                    f"{settings.content_dir}: migrated from content format {found} to {FORMAT} ({', '.join(changed)} rewritten, "
                    "comments kept); review the change, then check it",
                    file=sys.stderr,
                )
            else:
                print(f"{settings.content_dir}: already in content format {FORMAT}; nothing to do", file=sys.stderr)
        elif arguments.command == "schema":
            from generator.new.schema import write_schemas

            changed = write_schemas(arguments.schemas)
            print(f"{arguments.schemas}: {len(changed)} schema(s) updated", file=sys.stderr)
        else:
            from generator.preview.serve import serve

            return serve(settings, given["address"])
    except ContentError as error:
        from generator.core.editor import say, speaking

        count = len(error.problems)
        content = os.path.abspath(settings.content_dir)
        inside = all(os.path.abspath(problem.file).startswith(content + os.sep) for problem in error.problems)
        with speaking(error.language):
            where = say("where_content" if inside else "where_found")
            print(f"{error}\n{say('summary_one' if count == 1 else 'summary_many', count=count, where=where)}", file=sys.stderr)
        return 1
    except SiteBuildError as error:
        print(f"{error}\nThe site could not be built; the previous site was left as it was.", file=sys.stderr)
        return 1
    except SettingsError as error:  # a wrong SITE_URL, a busy preview port
        print(f"{error}\nNothing was built.", file=sys.stderr)
        return 1
    except OSError as error:  # the generated pages could not be written (disk full, no permission)
        where = f" {error.filename}" if error.filename else ""
        print(f"could not write{where}: {error.strerror or error}\nThe previous site was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
