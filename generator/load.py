"""Read YAML content files into plain data, remembering where every value stood.

PyYAML turns a file into nodes that carry their line and column; we build the
Python values from those nodes ourselves so that each value's position is kept
in a `Positions` map keyed by its path (`(3, "speaker")`). Along the way we
reject what PyYAML would silently accept: a key repeated in one mapping.
Dates stay strings here (no YAML timestamp magic); the models parse them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, field_label

try:  # libyaml's C parser is several times faster; the pure-Python one behaves the same
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """SafeLoader without the implicit timestamp type: `2025-06-05` stays a string."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
"""A whole briefing is tens of kilobytes. A file past this is something pasted or
saved by mistake, and a check of it would take minutes and gigabytes."""


@dataclass
class Positions:
    """Line and column (1-based) of every value, and of every mapping key, by path."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def of_value(self, path: Path_) -> tuple[int, int]:
        """The closest known position: the value itself, or the nearest enclosing one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def of_key(self, path: Path_) -> tuple[int, int]:
        return self.keys.get(path) or self.of_value(path)


@dataclass
class LoadedFile:
    path: Path
    data: object
    positions: Positions

    def problem(self, at: Path_, message: str, *, at_key: bool = False, field_path: Path_ | None = None) -> Problem:
        """A problem with the value at `at` (or with its key), located and named as an editor reads it."""
        line, column = self.positions.of_key(at) if at_key else self.positions.of_value(at)
        return Problem(self.path, line, column, field_label(self.path.stem, field_path or at, self.data), message)


def load_file(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one YAML file. Returns the data, or None and the problems that stopped it."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # no more: a huge file is refused unread
    except FileNotFoundError:
        return None, [Problem(path, 1, 1, "", "file is missing; every briefing needs it (see README)")]
    if len(raw) > MAX_FILE_BYTES:
        size = path.stat().st_size / 1_000_000
        return None, [Problem(path, 1, 1, "", f"file is {size:.1f} MB, too big for a content file (at most {MAX_FILE_BYTES // 1_000_000} MB); "
                                              "was an article or another file pasted or saved here by mistake?")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw, error.start)
        return None, [Problem(path, line, column, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, text, error)]
    except yaml.reader.ReaderError as error:
        return None, [_character_problem(path, text, error)]
    except yaml.YAMLError as error:  # anything else the parser refuses
        return None, [Problem(path, 1, 1, "", f"not valid YAML: {error}")]

    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and root.tag.endswith(":null")):
        loader.dispose()
        return None, [Problem(path, 1, 1, "", "file is empty; it should hold this briefing's entries (see README)")]

    found: list[_Found] = []
    positions = Positions()
    data = _build(root, (), loader, positions, found)
    loader.dispose()
    # Labelled once the whole file is built, so a list entry is named by its id, as elsewhere.
    problems = [Problem(path, line, column, field_label(path.stem, at, data), message) for (line, column), at, message in found]
    return LoadedFile(path, data, positions), problems


_Found = tuple[tuple[int, int], Path_, str]
"""A problem met while building: where it stands, the path it concerns, the message."""


def _build(node, at: Path_, loader, positions: Positions, found: list[_Found]):
    positions.values[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves `<<:` merge keys
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, loader)
            key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                found.append((key_at, at, f"key {key!r} is not a name; keys are words like `title`"))
                continue
            if key in result:
                first = positions.keys[(*at, key)][0]
                found.append((key_at, (*at, key), f"key '{key}' appears twice in this mapping (first on line {first}); keep one"))
                continue
            positions.keys[(*at, key)] = key_at
            result[key] = _build(value_node, (*at, key), loader, positions, found)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*at, index), loader, positions, found) for index, item in enumerate(node.value)]
    try:
        return _scalar(node, loader)
    except yaml.YAMLError as error:
        found.append((positions.values[at], at, f"cannot read this value: {error}"))
        return None


_TEXT = "tag:yaml.org,2002:str"


def _scalar(node, loader):
    """A scalar's value. Text, nearly every value, is the node's own string: what the
    constructor would return, without its per-node bookkeeping."""
    if node.tag == _TEXT and isinstance(node, yaml.ScalarNode):
        return node.value
    return loader.construct_object(node, deep=True)


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    quote = _unclosed_quote(text, error, mark)
    if quote:
        return Problem(path, *quote, "", f"YAML syntax error: the quote opened here is not closed (YAML read on to line {line}); add the closing quote")
    message = f"YAML syntax error: {error.problem or error.context}"
    offending = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in offending[: max(column, 1)] or "'\\t'" in str(error.problem):
        message = "a tab character; YAML indents with spaces only, replace the tab with spaces"
        column = offending.find("\t") + 1 if "\t" in offending else column
    elif error.context:
        # An unclosed `[` or `{` is noticed lines later: name the line where the editor opened it.
        start = error.context_mark
        message += f" ({error.context} that starts on line {start.line + 1})" if start and start.line + 1 != line else f" ({error.context})"
    return Problem(path, line, column, "", message)


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError, mark) -> tuple[int, int] | None:
    """Where a quote opens that is never closed. YAML reads on over the line ends and
    stumbles lines later, where the editor would look in vain; the quote is the mistake."""
    if error.context == "while scanning a quoted scalar" and error.context_mark:  # it ran to the end of the file
        return error.context_mark.line + 1, error.context_mark.column + 1
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=_BaseLoader):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass  # the scanner may stop at the same mistake; the text read before it is what counts
    # A quoted text over several lines that ends just where YAML stumbled: it took in the lines after it.
    if last is not None and last.style in ('"', "'") and last.start_mark.line < mark.line == last.end_mark.line:
        return last.start_mark.line + 1, last.start_mark.column + 1
    return None


def _character_problem(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses, e.g. a control character pasted from a word processor.

    The error's `position` counts characters in the pure-Python reader but bytes in
    libyaml's, so the character is looked up instead: the first one is the one refused.
    """
    character = chr(error.character) if isinstance(error.character, int) else str(error.character)
    offset = text.find(character)
    if offset < 0:
        return Problem(path, 1, 1, "", f"not valid YAML: {error}")
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return Problem(path, line, column, "", f"an invisible control character (U+{ord(character):04X}) that YAML does not allow, "
                                             "often pasted in from a word processor; delete it")


def _line_and_column(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1

