"""The content format, and `briefing migrate`: a briefing written for an older format is
rewritten to the current one, with the editor's comments, order and quoting kept
(ruamel.yaml reads and writes YAML round trip).

`briefing.yml` says which format it is written in (`format: 2`); one written before the
format was numbered has no `format:` and is format 1. Each change to the format ships a
migration here, from the format before it, tested on a briefing of that format; `make
check` refuses a briefing of an older format and says to run `make migrate`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from generator.core.files import UnreadableFile, read_text

FORMAT = 2
"""The content format this generator reads."""

FORMAT_FIELD = "format"
BRIEFING_FILE = "briefing.yml"


def _number_the_format(files: dict[str, object]) -> None:
    """1 → 2: `briefing.yml` names its format, at its end, where it moves no line an editor knows."""
    briefing = files[BRIEFING_FILE]
    briefing[FORMAT_FIELD] = 2
    briefing.yaml_add_eol_comment("the content format; `make migrate` brings an older briefing up to date", FORMAT_FIELD)


MIGRATIONS: dict[int, Callable[[dict[str, object]], None]] = {
    1: _number_the_format,
}
"""From each format, what brings a briefing to the next: it changes the files' data in place
(each file's round-trip YAML, by name)."""


class MigrationError(Exception):
    """The briefing cannot be migrated; the message says why and what to do."""


def declared_format(data: object) -> int | None:
    """The format a parsed `briefing.yml` declares: 1 where it names none; None where its
    `format:` is not a whole number (the check reports it)."""
    if not isinstance(data, dict) or FORMAT_FIELD not in data:
        return 1
    value = data[FORMAT_FIELD]
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None


def format_problem(data: object) -> str | None:
    """Why the check cannot read a briefing of this format, or None where it can."""
    found = declared_format(data)
    if found is None:
        return f"`format:` is the content format, a whole number: this generator reads format {FORMAT}"
    if found < FORMAT:
        return (
            f"this briefing is written in content format {found}, and this generator reads format {FORMAT}; "
            f"run `make migrate CONTENT=…` (`briefing migrate --content …`) to rewrite it, keeping your comments"
        )
    if found > FORMAT:
        return f"this briefing is written in content format {found}, newer than this generator reads ({FORMAT}); update the generator"
    return None


def _round_trip():
    from ruamel.yaml import YAML  # only `migrate` writes YAML back: every other command starts without it

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # no line is folded that the editor did not fold
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def migrate(content_dir: Path) -> tuple[int, list[str]]:
    """Bring the briefing in `content_dir` to the current format. Returns the format it
    was in and the files rewritten (none where it was current)."""

    yaml = _round_trip()
    try:
        text = read_text(content_dir, BRIEFING_FILE, 1_000_000, "a content file")
    except FileNotFoundError:
        raise MigrationError(f"{content_dir / BRIEFING_FILE}: no such file; name the folder that holds the briefing") from None
    except UnreadableFile as error:
        raise MigrationError(f"{content_dir / BRIEFING_FILE}: {error}") from None
    try:
        files = {BRIEFING_FILE: yaml.load(text)}
    except Exception as error:  # a YAML error: `make check` locates it
        raise MigrationError(f"{content_dir / BRIEFING_FILE} cannot be read as YAML ({error}); run `make check` for where") from None
    found = declared_format(files[BRIEFING_FILE])
    if found is None or found > FORMAT:
        raise MigrationError(f"{content_dir / BRIEFING_FILE}: {format_problem(files[BRIEFING_FILE])}")
    originals = {BRIEFING_FILE: text}
    for version in range(found, FORMAT):
        MIGRATIONS[version](files)
    changed = []
    for name, data in files.items():
        written = io.StringIO()
        yaml.dump(data, written)
        if written.getvalue() != originals[name]:
            temporary = content_dir / f".{name}.migrating"
            temporary.write_text(written.getvalue(), encoding="utf-8")
            temporary.replace(content_dir / name)  # a file is the old one or the new one, never half
            changed.append(name)
    return found, changed
