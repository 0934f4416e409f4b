"""`briefing new FOLDER`: a minimal, valid, sourced example briefing to start from,
with comments on every field, its own small archive article (so the quote and figure
check runs from the start) and the JSON Schemas an editor's YAML extension reads."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.core.editor import say
from generator.new.schema import write_schemas

SCAFFOLD = Path(__file__).parent / "scaffold"


class FolderNotEmpty(Exception):
    pass


def new_briefing(folder: Path) -> list[Path]:
    """Write the example briefing into `folder` (new, or empty). Returns the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FolderNotEmpty(say("new_folder_not_empty", folder=folder))
    shutil.copytree(SCAFFOLD, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    write_schemas(folder / "schemas")
    return sorted(path for path in folder.rglob("*") if path.is_file())
