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


def load_file(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one YAML file. Returns the data, or None and the problems that stopped it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(path, 1, 1, "", "file is missing; every briefing needs it (see README)")]
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
    except yaml.YAMLError as error:  # e.g. a control character the reader refuses
        return None, [Problem(path, 1, 1, "", f"not valid YAML: {error}")]

    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == "" and root.tag.endswith(":null")):
        loader.dispose()
        return None, [Problem(path, 1, 1, "", "file is empty; it should hold this briefing's entries (see README)")]

    problems: list[Problem] = []
    positions = Positions()
    data = _build(root, (), loader, positions, path, problems)
    loader.dispose()
    return LoadedFile(path, data, positions), problems


def _build(node, at: Path_, loader, positions: Positions, path: Path, problems: list[Problem]):
    positions.values[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves `<<:` merge keys
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                problems.append(Problem(path, *key_at, field_label(path.stem, at), f"key {key!r} is not a name; keys are words like `title`"))
                continue
            if key in result:
                first = positions.keys[(*at, key)][0]
                problems.append(Problem(path, *key_at, field_label(path.stem, (*at, key)), f"key '{key}' appears twice in this mapping (first on line {first}); keep one"))
                continue
            positions.keys[(*at, key)] = key_at
            result[key] = _build(value_node, (*at, key), loader, positions, path, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*at, index), loader, positions, path, problems) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        problems.append(Problem(path, *positions.values[at], field_label(path.stem, at), f"cannot read this value: {error}"))
        return None


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"YAML syntax error: {error.problem or error.context}"
    offending = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in offending[: max(column, 1)] or "'\\t'" in str(error.problem):
        message = "a tab character; YAML indents with spaces only, replace the tab with spaces"
        column = offending.find("\t") + 1 if "\t" in offending else column
    elif error.context:
        message += f" ({error.context})"
    return Problem(path, line, column, "", message)


def _line_and_column(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1

