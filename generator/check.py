"""The first half of a build: every content file loaded, validated and cross-checked.

Problems from all files are gathered before anything is reported, so one run
shows an editor everything that is wrong.
"""

from __future__ import annotations

from pathlib import Path

from .content import CONTENT_FILES, Content
from .errors import ContentError, Problem
from .load import LoadedFile, load_file
from .archive import check_against_archive
from .references import check_references
from .validate import validate_file


def load_content(content_dir: Path, archive_dir: Path | None = None) -> Content:
    """The briefing in `content_dir`, or a `ContentError` listing every problem.

    With `archive_dir`, quotes and figures are also checked against the articles.
    """
    problems: list[Problem] = []
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
