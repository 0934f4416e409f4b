"""The first half of a build: every content file loaded, validated and cross-checked.

Problems from all files are gathered before anything is reported, so one run
shows an editor everything that is wrong.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .content import CONTENT_FILES, Content
from .characters import shown
from .errors import ContentError, Problem
from .load import LoadedFile, load_file
from .archive import check_against_archive
from .references import check_references
from .validate import validate_file


def load_content(content_dir: Path, archive_dir: Path | None = None) -> Content:
    """The briefing in `content_dir`, or a `ContentError` listing every problem.

    With `archive_dir`, quotes and figures are also checked against the articles.
    """
    if not content_dir.is_dir():
        raise ContentError([Problem(content_dir, 1, 1, "", "no such folder; name the folder that holds the briefing's YAML files")])
    problems: list[Problem] = unknown_files(content_dir)
    files: dict[str, LoadedFile] = {}
    entries: dict[str, object] = {}
    for spec in CONTENT_FILES:
        loaded, load_problems = load_file(content_dir / spec.filename)
        problems += load_problems
        if loaded is None or load_problems:
            continue
        files[spec.stem] = loaded
        value, file_problems = validate_file(spec, loaded)
        problems += file_problems
        if not file_problems:
            entries[spec.stem] = value
    # Cross-file checks run on the files that are valid, so they too are reported now.
    problems += check_references(entries, files, complete=len(entries) == len(CONTENT_FILES))
    if archive_dir is not None and "sources" in entries:
        problems += check_against_archive(entries, files, archive_dir)
    if problems:
        raise ContentError(problems)
    return Content(**entries)


def unknown_files(content_dir: Path) -> list[Problem]:
    """YAML files the briefing does not read: a misspelt name (`timline.yml`) would
    otherwise leave its facts silently unpublished."""
    known = {spec.stem: spec.filename for spec in CONTENT_FILES}
    problems = []
    for path in sorted(content_dir.iterdir()):
        name = path.name
        if path.suffix.lower() not in (".yml", ".yaml") or name in known.values() or name.startswith("."):
            continue
        close = known.get(path.stem) or next(iter(difflib.get_close_matches(path.stem, list(known), n=1, cutoff=0.8)), None)
        advice = (f"rename it to `{known[close] if close in known else close}`" if close
                  else f"move it out of the folder (the briefing's files are {', '.join(known.values())})")
        problems.append(Problem(path, 1, 1, "", f"'{shown(name)}' is not one of the briefing's files, so nothing in it is published; {advice}"))
    return problems
