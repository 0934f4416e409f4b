"""Content problems, reported the way compilers do: `file:line:col: field: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.core.characters import shown


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located in its YAML file."""

    file: Path
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{display_path(self.file)}:{self.line}:{self.column}"
        # Escaped once more as a whole: nothing from a file reaches the terminal raw.
        return shown(f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}", limit=None)


class ContentError(Exception):
    """Raised with every problem found in one run, so an editor fixes them all at once."""

    def __init__(self, problems: list[Problem], language: str | None = None):
        self.problems = sorted(set(problems))
        self.language = language  # the editors' language the problems are said in, for what is said about them
        super().__init__("\n".join(str(problem) for problem in self.problems))


def display_path(path: Path) -> str:
    """The path as an editor typed it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def renamed_to(old: str, unnamed: list[str] | set[str]) -> str | None:
    """The one id that keeps `old` as one of its words, among the ids no field names, as
    an id renamed in its list but not where it is used does (xi → xi-jinping); none if
    several do."""
    containing = [candidate for candidate in unnamed if candidate != old and old in candidate.split("-")]
    return containing[0] if len(containing) == 1 else None


def field_label(file_stem: str, at: tuple, data: object = None) -> str:
    """How an editor reads a path: `quotes[very-tough].speaker`.

    A list entry is named by its `id` where it has one, else by its position
    counted from 1, as a person counts.
    """
    label, node = file_stem, data
    for part in at:
        if isinstance(part, int):
            entry = node[part] if isinstance(node, list) and part < len(node) else None
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            label += f"[{shown(entry_id, 40)}]" if isinstance(entry_id, str) and entry_id else f"[{part + 1}]"
            node = entry
        else:
            label += f".{shown(part, 40)}"
            node = node.get(part) if isinstance(node, dict) else None
    return label
