"""The content's problems as the live preview's overlay shows them: a JSON file the
preview writes after every regeneration (no problems once the content is valid), each
problem with its place, its message and hint, and the lines of the file it is on.

Everything here comes from editors' files: the overlay writes it as text, never as
HTML, and its characters that could hide or reorder text are shown escaped, as the
terminal shows them. The file stays small whatever the content: a bounded number of
problems, lines cut to a window around the column."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

from generator.core.characters import shown
from generator.core.errors import Problem, display_path
from generator.core.files import UnreadableFile, read_inside
from generator.i18n.messages import Messages
from generator.load.reader import MAX_FILE_BYTES

MAX_PROBLEMS = 50  # `make check` lists them all
CONTEXT_LINES = 2  # shown above the problem's line
LINE_WINDOW = 120  # characters of a line shown around the column
MAX_TEXT = 2000  # characters of a message or hint
WORDS = (
    "preview_problems_title",
    "preview_problems_intro",
    "preview_problem_field",
    "preview_problem_hint",
    "preview_problems_more",
    "preview_problems_close",
    "preview_problems_reopen",
    "colon",
)
"""The overlay's words, from the catalogue of the briefing's language."""

# A value a message quotes ('…', « … » or `…`), in which a `; ` is not where the hint starts.
_QUOTED = re.compile(r"(?<!\w)'.*?'(?!\w)|«[^»]*»|`[^`]*`")


def overlay_words(language: str) -> dict[str, str]:
    """The overlay's words as plain text: the page writes them as JSON, the script as text."""
    messages = Messages(language)
    return {key: messages[key] for key in WORDS}


def split_hint(message: str) -> tuple[str, str]:
    """`unknown person 'myaor'; did you mean 'mayor'?` → the message and its hint: the
    project's messages say what is wrong, then after `; ` (` ; ` in French) what to do about it."""
    start = 0
    for quoted in [*_QUOTED.finditer(message), None]:
        end = quoted.start() if quoted else len(message)
        cut = message.find("; ", start, end)
        if cut >= 0:
            return message[:cut].rstrip(), message[cut + 2 :]
        start = quoted.end() if quoted else end
    return message, ""


def report(problems: list[Problem], content_dir: Path) -> dict:
    """What the overlay shows: the first `MAX_PROBLEMS` problems, and how many more there are."""
    lines_of: dict[str, list[str] | None] = {}
    return {"problems": [_entry(problem, Path(content_dir), lines_of) for problem in problems[:MAX_PROBLEMS]], "more": max(0, len(problems) - MAX_PROBLEMS)}


def write_report(path: Path, problems: list[Problem], content_dir: Path) -> bool:
    """Write the report to `path` in one step (a watching server never reads half of it);
    only when it changed, so an unchanged problem does not reload the page. True if written."""
    data = json.dumps(report(problems, content_dir), ensure_ascii=False, indent=1).encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def _entry(problem: Problem, content_dir: Path, lines_of: dict[str, list[str] | None]) -> dict:
    name = _inside(problem.file, content_dir)
    message, hint = split_hint(problem.message)
    entry = {
        "file": shown(name if name else display_path(problem.file), 200),
        "line": problem.line,
        "column": problem.column,
        "field": shown(problem.field, 200),
        "message": shown(message, MAX_TEXT),
        "hint": shown(hint, MAX_TEXT),
        "excerpt": [],
        "caret": 0,
    }
    if name is not None:
        if name not in lines_of:
            lines_of[name] = _read_lines(content_dir, name)
        entry["excerpt"], entry["caret"] = _excerpt(lines_of[name], problem.line, problem.column)
    return entry


def _inside(file: Path, content_dir: Path) -> str | None:
    """The file's path relative to the content folder, or None for one outside it (or the folder itself)."""
    relative = os.path.relpath(os.path.abspath(file), os.path.abspath(content_dir))
    return None if relative == "." or relative.startswith("..") else Path(relative).as_posix()


def _read_lines(content_dir: Path, name: str) -> list[str] | None:
    """The file's lines, read as the loader reads content files (a regular file inside the
    folder, at most a megabyte), or None where it cannot be read: the problem says why."""
    try:
        data = read_inside(content_dir, name, MAX_FILE_BYTES)
    except (OSError, UnreadableFile):
        return None
    return data[:MAX_FILE_BYTES].decode("utf-8", "replace").removeprefix("\ufeff").split("\n")


def _excerpt(lines: list[str] | None, line: int, column: int) -> tuple[list[dict], int]:
    """The problem's line and up to `CONTEXT_LINES` before it, cut to the same window so
    that their columns stay aligned, and how many character cells precede the caret."""
    if not lines or not 1 <= line <= len(lines):
        return [], 0
    wanted = [text.removesuffix("\r") for text in lines[max(0, line - 1 - CONTEXT_LINES) : line]]
    here = wanted[-1]
    at = max(0, min(column - 1, len(here)))
    start = max(0, min(at - LINE_WINDOW // 2, len(here) - LINE_WINDOW))
    excerpt = [{"line": number, "text": _window(text, start)} for number, text in enumerate(wanted, start=line - len(wanted) + 1)]
    caret = _cells(("…" if start else "") + shown(here[start:at], None))
    return excerpt, caret


def _window(text: str, start: int) -> str:
    end = start + LINE_WINDOW
    return ("…" if start and text else "") + shown(text[start:end], None) + ("…" if len(text) > end else "")


def _cells(text: str) -> int:
    """How many cells of a monospaced line `text` fills: wide characters two, combining marks none."""
    return sum(0 if unicodedata.combining(character) else 2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)
