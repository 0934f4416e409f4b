"""Read YAML content files into plain data, remembering where every value stood.

The values are built from the parser's events by `_Builder`, with a stack of its own
rather than PyYAML's recursive composer, so that each value's position is kept in a
`Positions` map keyed by its path (`(3, "speaker")`) and nothing an editor or an
attacker writes can exhaust the stack, the memory or the time: nesting depth and
alias expansion are bounded. Along the way we refuse what PyYAML would silently
accept or crash on: a key repeated in one mapping, explicit tags (`!!binary`),
merges of anything but a mapping, and invisible control characters in text.
Dates stay strings here (no YAML timestamp magic); the models parse them.

Most files have nothing to report: `_QuickBuilder` reads them first, keeping no
positions; a file it finds something in is read again by `_Builder`, and a file's
positions are worked out when a problem first needs one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.core.characters import FORBIDDEN, describe, shown, why_refused
from generator.core.editor import say, say_number
from generator.core.errors import Problem, field_label
from generator.core.files import MAX_FILE_BYTES, UnreadableText, read_text
from generator.load.yaml_hints import advice

try:  # libyaml's C parser is several times faster; the pure-Python one behaves the same
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """SafeLoader without the implicit timestamp type: `2024-03-01` stays a string."""


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


class LoadedFile:
    """A content file's data, and where each value stands in its text."""

    def __init__(self, path: Path, data: object, text: str, positions: Positions | None = None, *, whole: bool = True):
        self.path, self.data, self.text = path, data, text
        self._positions = positions
        # False where a problem left a value out (a repeated key, a tag): the data is then
        # not what the editor meant, and is not checked further. Refused characters leave it whole.
        self.whole = whole

    @property
    def positions(self) -> Positions:
        """Worked out when first asked for: only a problem needs a position, and a file
        read without one is read again, keeping them, only then."""
        if self._positions is None:
            self._positions = _read(self.text, _Builder)[1].positions
        return self._positions

    def problem(self, at: Path_, message: str, *, at_key: bool = False, field_path: Path_ | None = None) -> Problem:
        """A problem with the value at `at` (or with its key), located and named as an editor reads it."""
        line, column = self.positions.of_key(at) if at_key else self.positions.of_value(at)
        return Problem(self.path, line, column, field_label(self.path.stem, field_path or at, self.data), message)


def load_file(path: Path) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse one YAML file, read only from inside its folder. Returns the data, or
    None and the problems that stopped it."""
    text, problems = read_content_text(path, "file_what_content")
    if text is None:
        return None, problems
    odd_break = _ODD_LINE_BREAK.search(text)
    if odd_break:  # YAML counts it as a line break, so every line number after it would be off
        return None, [
            Problem(
                path,
                *_position(text, odd_break.start()),
                "",
                say("yaml_odd_line_break", character=describe(odd_break.group())),
            )
        ]

    characters: list[Problem] = []
    if _NOT_YAML.search(text):
        # Characters YAML refuses stop its reader at the first. Each is reported, and the
        # rest of the file is read with a space in its place, so nothing else is hidden.
        characters, text = _refused_characters(path, text)
    try:
        data, builder = _document(text)
    except yaml.MarkedYAMLError as error:
        return None, [*characters, _syntax_problem(path, text, error)]
    except yaml.YAMLError as error:  # anything else the parser refuses
        return None, [*characters, Problem(path, 1, 1, "", say("yaml_not_valid", error=shown(error)))]
    except _Stop as stop:  # too deep, too large: nothing more is read
        return None, [*characters, Problem(path, *stop.position, "", stop.message)]
    if data is None:
        return None, [*characters, Problem(path, 1, 1, "", say("yaml_empty_file"))]
    # Labelled once the whole file is built, so a list entry is named by its id, as elsewhere.
    problems = characters + [
        Problem(path, line, column, field_label(path.stem, at, data), message) for (line, column), at, message in sorted(builder.refused + builder.found)
    ]
    return LoadedFile(path, data, text, builder.positions, whole=not builder.found), problems


_NOT_YAML = yaml.reader.Reader.NON_PRINTABLE
"""Characters YAML's reader refuses in a file (control characters, surrogates, …)."""

MAX_CHARACTER_PROBLEMS = 20
"""Refused characters reported one by one; past this, the rest are counted."""


def _refused_characters(path: Path, text: str) -> tuple[list[Problem], str]:
    """A problem for each character YAML refuses, and the text with a space in its place."""
    found = list(_NOT_YAML.finditer(text))
    problems = [
        Problem(
            path,
            *_position(text, match.start()),
            "",
            say("yaml_character_refused_in_file", character=describe(match.group()), why=why_refused(match.group())),
        )
        for match in found[:MAX_CHARACTER_PROBLEMS]
    ]
    if len(found) > MAX_CHARACTER_PROBLEMS:
        more = len(found) - MAX_CHARACTER_PROBLEMS
        problems.append(Problem(path, *_position(text, found[MAX_CHARACTER_PROBLEMS].start()), "", say("yaml_more_characters", more=say_number(more))))
    return problems, _NOT_YAML.sub(" ", text)


def _document(text: str):
    """The document's data, and the builder that read it: the quick one, unless the text
    holds something to report; then the one that reports it, keeping every position."""
    try:
        return _read(text, _QuickBuilder)
    except _Unusual:
        return _read(text, _Builder)


def _read(text: str, builder_class: type[_Builder]):
    """The document's data, and the builder that read it."""
    loader = _Loader(text)
    try:
        builder = builder_class(loader, text)
        return builder.document(), builder
    finally:
        loader.dispose()


MAX_DEPTH = 32
"""Content nests a few levels (a file, an entry, its `when`, …). Deeper is a mistake or an
attack; PyYAML's own composer recurses and overflows the C stack at a few thousand."""

MAX_NUMBER_LENGTH = 100
"""Characters in a number: a figure, a date or a count never needs more."""

MAX_VALUES = 600_000
"""More values than a 1 MB file can write out, counting each value an alias repeats:
a few lines of nested aliases (a "billion laughs") would otherwise expand to billions."""

_ODD_LINE_BREAK = re.compile("[\x85\u2028\u2029]")

_Found = tuple[tuple[int, int], Path_, str]
"""A problem met while building: where it stands, the path it concerns, the message."""

_MERGE = "tag:yaml.org,2002:merge"
# A plain scalar starting with any other character is text: no implicit type starts with it.
_TYPED_FIRST = frozenset(first for first in _Loader.yaml_implicit_resolvers if first is not None)
_CONSTRUCT = {
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
}
_SKIP = object()
"""Where a value goes that is not kept (under a repeated key): read, never stored."""


class _Stop(Exception):
    def __init__(self, position: tuple[int, int], message: str):
        self.position, self.message = position, message


class _Frame:
    """An open mapping or sequence while its events are read."""

    __slots__ = ("value", "at", "mark", "key", "anchor", "start", "merges", "flow", "restarted")

    def __init__(self, value, at, mark, anchor, start, flow=False):
        self.value, self.at, self.mark, self.anchor, self.start, self.flow = value, at, mark, anchor, start, flow
        self.key = None  # in a mapping: the key waiting for its value
        self.merges = None  # in a mapping: `<<:` values to merge at its end
        self.restarted = False  # a list entry whose fields begin again: an entry that lacks its `- `


class _Builder:
    """Builds a document's values from the parser's events, without recursion: depth and
    size are bounded, every position is kept, and YAML features the content format does
    not use (explicit tags, keys that are not names) are reported, not constructed."""

    def __init__(self, loader, text: str):
        self.loader, self.text = loader, text
        self.positions = Positions()
        self.found: list[_Found] = []  # problems that leave the data short of what the editor wrote
        self.refused: list[_Found] = []  # refused characters: the data is whole, the problem is the character
        self.anchors: dict[str, tuple[object, int]] = {}
        self.count = 0  # values built, counting those that aliases repeat
        self.lines: list[str] | None = None  # the text's lines, split when first needed
        # Where the text holds no refused character, only a double-quoted escape (`"\\x07"`)
        # can make one, and only double-quoted values need searching (a large file's time).
        self.only_escapes = not _has_refused(text)

    def document(self):
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        root = self._values()
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            mark = loader.peek_event().start_mark
            raise _Stop((mark.line + 1, mark.column + 1), say("yaml_second_document"))
        return root

    def _values(self):
        """The events of the document's value into Python values, with an explicit stack."""
        loader, stack = self.loader, []
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.merges:
                    self._merge(frame)
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.value, self.count - frame.start + 1)
                value, mark = frame.value, frame.mark
            else:
                mark = event.start_mark
                at, parent = self._place(stack, mark)
                if kind is yaml.ScalarEvent:
                    value = self._scalar(event, at, parent)
                    self.count += 1
                    if event.anchor:
                        self.anchors[event.anchor] = (value, 1)
                elif kind is yaml.AliasEvent:
                    value, weight = self.anchors.get(event.anchor, (_SKIP, 1))
                    if value is _SKIP:
                        self._problem(mark, at, say("yaml_alias_without_anchor", anchor=shown(event.anchor)))
                        value = None
                    self.count += weight
                else:  # a mapping or a sequence starts
                    if len(stack) >= MAX_DEPTH:
                        self._too_deep(mark)
                    self._no_tag(event, mark, at)
                    self.count += 1
                    # A list or mapping used as a key is read, then refused as a key (`_key`).
                    stack.append(
                        _Frame(
                            {} if kind is yaml.MappingStartEvent else [], _SKIP if at is None else at, mark, event.anchor, self.count, event.flow_style is True
                        )
                    )
                    continue
                if self.count > MAX_VALUES:
                    self._too_many(mark)
            if not stack:
                return value
            self._store(stack[-1], value, mark)

    @staticmethod
    def _too_deep(mark) -> None:
        raise _Stop((mark.line + 1, mark.column + 1), say("yaml_too_deep", depth=MAX_DEPTH))

    @staticmethod
    def _too_many(mark) -> None:
        raise _Stop((mark.line + 1, mark.column + 1), say("yaml_too_many_values", limit=say_number(MAX_VALUES)))

    def _place(self, stack, mark):
        """The path of the value about to be read (None for a key, `_SKIP` for one not kept),
        and the open collection it goes into."""
        if not stack:
            at, parent = (), None
        else:
            parent = stack[-1]
            if parent.at is _SKIP or parent.key is _SKIP:
                return _SKIP, parent
            if isinstance(parent.value, list):
                at = (*parent.at, len(parent.value))
            elif parent.key is None:
                return None, parent
            elif parent.key is _MERGE:
                at = (*parent.at, "<<")
            else:
                at = (*parent.at, parent.key)
        self.positions.values[at] = (mark.line + 1, mark.column + 1)
        return at, parent

    def _store(self, frame: _Frame, value, mark) -> None:
        if isinstance(frame.value, list):
            if frame.at is not _SKIP:
                frame.value.append(value)
            return
        key = frame.key
        if key is None:  # this value is a key
            self._key(frame, value, mark)
            return
        frame.key = None
        if key is _MERGE:
            frame.merges = [(value, self.positions.keys[(*frame.at, "<<")])]
        elif key is not _SKIP:
            frame.value[key] = value

    def _key(self, frame: _Frame, key, mark) -> None:
        position = (mark.line + 1, mark.column + 1)
        if frame.at is _SKIP or frame.restarted:
            frame.key = _SKIP
        elif key is _MERGE and (*frame.at, "<<") in self.positions.keys:
            first = self.positions.keys[(*frame.at, "<<")][0]
            self.found.append((position, frame.at, say("yaml_merge_twice", first=first)))
            frame.key = _SKIP
        elif key is _MERGE:
            frame.key = _MERGE
            self.positions.keys[(*frame.at, "<<")] = position
        elif not isinstance(key, str):
            self.found.append((position, frame.at, self._decimal_comma(frame, mark) or self._not_a_name(key)))
            frame.key = _SKIP
        elif key in frame.value and frame.at and isinstance(frame.at[-1], int) and key == next(iter(frame.value)):
            # The entry's first field again: the editor began a new entry and left out its dash.
            first = self.positions.keys[(*frame.at, key)]
            self.found.append((position, (*frame.at, key), say("yaml_entry_without_dash", name=shown(key), first=first[0])))
            frame.key, frame.restarted = _SKIP, True  # the fields below are the new entry's: not repeats to report one by one
        elif key in frame.value:
            first = self.positions.keys[(*frame.at, key)][0]
            self.found.append((position, (*frame.at, key), say("yaml_key_twice", name=shown(key), first=first)))
            frame.key = _SKIP
        else:
            self.positions.keys[(*frame.at, key)] = position
            frame.key = key

    @staticmethod
    def _not_a_name(key) -> str:
        what = say("yaml_key_list_or_mapping") if isinstance(key, (list, dict)) else shown(repr(key))
        return say("yaml_key_not_a_name", what=what)

    def _decimal_comma(self, frame: _Frame, mark) -> str | None:
        """`{value: 6,1}`: inside braces the comma ends the number, and the digits after it
        are read as a field of their own. The editor wrote a decimal comma."""
        if not frame.flow:
            return None
        if self.lines is None:
            self.lines = self.text.split("\n")
        line = self.lines[mark.line] if mark.line < len(self.lines) else ""
        whole = re.search(r"(-?[0-9]+)\s*,\s*$", line[: mark.column])
        fraction = re.match(r"[0-9]+(?=\s*[,}:]|\s*$)", line[mark.column :])
        if not (whole and fraction):
            return None
        # Three digits after the comma: a thousands separator as likely as a decimal comma.
        fix = "yaml_decimal_comma_or_thousands" if len(fraction[0]) == 3 else "yaml_decimal_comma_point"
        return say("yaml_decimal_comma", whole=whole[1], fraction=fraction[0], advice=say(fix, whole=whole[1], fraction=fraction[0]))

    def _merge(self, frame: _Frame) -> None:
        """`<<: *defaults` (or a list of them): their fields, where the mapping has none of its own."""
        for value, position in frame.merges:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                self.found.append((position, frame.at, say("yaml_merge_not_mapping")))
                continue
            for source in sources:
                for key, item in source.items():
                    if key not in frame.value:
                        frame.value[key] = item
                        self.positions.keys[(*frame.at, key)] = position
                        self.positions.values[(*frame.at, key)] = position

    def _scalar(self, event, at, parent):
        value = event.value
        if event.tag is not None:
            self._no_tag(event, event.start_mark, at)
        elif not event.implicit[0] or (value and value[0] not in _TYPED_FIRST):
            pass  # text: quoted, a block, or plain text that no implicit type matches
        else:
            tag = self.loader.resolve(yaml.ScalarNode, value, (True, False))
            if tag == _MERGE and parent is not None and parent.key is None and isinstance(parent.value, dict):
                return _MERGE
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag in _CONSTRUCT:
                if len(value) > MAX_NUMBER_LENGTH and at is not _SKIP:  # Python's big numbers cost time quadratic in their length
                    self._problem(
                        event.start_mark,
                        at if at is not None else parent.at,
                        say("yaml_number_too_long", length=say_number(len(value)), limit=MAX_NUMBER_LENGTH),
                    )
                    return None
                return getattr(self.loader, _CONSTRUCT[tag])(yaml.ScalarNode(tag, value))
        bad = FORBIDDEN.search(value) if event.style == '"' or not self.only_escapes else None
        if bad and at is not _SKIP:
            character = bad.group()
            line, column = self._locate(event, character)
            path = parent.at if at is None else at  # a key: reported at its mapping
            self.refused.append(((line, column), path, say("yaml_character_refused_in_text", character=describe(character), why=why_refused(character))))
        return value

    def _no_tag(self, event, mark, at) -> None:
        if event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self._problem(mark, at, say("yaml_tag", tag=shown(tag)))

    def _problem(self, mark, at, message: str) -> None:
        if at is not _SKIP:  # nothing in a value that is dropped anyway is reported
            self.found.append(((mark.line + 1, mark.column + 1), () if at is None else at, message))

    def _locate(self, event, character: str) -> tuple[int, int]:
        """Line and column of a refused character: typed as it is, or written as an escape (`\\x7f`)."""
        if self.lines is None:
            self.lines = self.text.split("\n")
        lines = self.lines
        start, end = event.start_mark, event.end_mark
        code = ord(character)
        # The escapes YAML reads as this character: hexadecimal ones in either case, the one-letter ones as they are.
        hexadecimal = ([f"x{code:02x}"] if code < 0x100 else []) + [
            f"U{code:08x}",
            f"u{code:04x}" if code <= 0xFFFF else f"u{0xD800 + ((code - 0x10000) >> 10):04x}",
        ]
        letter = {0: "0", 7: "a", 8: "b", 0x0B: "v", 0x0C: "f", 0x1B: "e", 0x85: "N"}.get(code)
        written = re.compile(re.escape(character) + r"|\\(?:(?i:" + "|".join(hexadecimal) + ")" + (f"|{letter}" if letter else "") + ")")
        for number in range(start.line, min(end.line, len(lines) - 1) + 1):
            match = written.search(lines[number], start.column if number == start.line else 0)
            if match:
                return number + 1, match.start() + 1
        return start.line + 1, start.column + 1


class _Unusual(Exception):
    """Something `_QuickBuilder` leaves to `_Builder`: a problem to report, or a value not kept."""


class _QuickBuilder(_Builder):
    """Builds the same values as `_Builder` from a text with nothing to report, in about
    half its time: no positions are kept (`LoadedFile.positions` works them out if a
    problem needs them) and only what valid content holds is handled here. At anything
    `_Builder` would report, or would read without keeping, it stops (`_Unusual`)."""

    def __init__(self, loader, text: str):
        super().__init__(loader, text)
        self.positions = None

    def _values(self):
        """As `_Builder._values` does, for the values valid content holds."""
        loader, stack, anchors = self.loader, [], self.anchors
        frame = None  # the innermost open mapping or sequence
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = self._quick_scalar(event, frame)
                self.count += 1
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if self.count > MAX_VALUES:
                    self._too_many(event.start_mark)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                ended = stack.pop()
                if ended.merges:
                    self._quick_merge(ended)
                if ended.anchor:
                    anchors[ended.anchor] = (ended.value, self.count - ended.start + 1)
                value = ended.value
                frame = stack[-1] if stack else None
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise _Unusual
                value, weight = anchors[event.anchor]
                self.count += weight
                if self.count > MAX_VALUES:
                    self._too_many(event.start_mark)
            else:  # a mapping or a sequence starts
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    self._too_deep(mark)
                if event.tag is not None or (frame is not None and frame.key is None and type(frame.value) is dict):
                    raise _Unusual  # a tag, or a list or mapping used as a key
                self.count += 1
                frame = _Frame({} if kind is yaml.MappingStartEvent else [], None, mark, event.anchor, self.count)
                stack.append(frame)
                continue
            if frame is None:
                return value
            self._quick_store(frame, value)

    def _quick_store(self, frame: _Frame, value) -> None:
        container, key = frame.value, frame.key
        if type(container) is list:
            container.append(value)
        elif key is None:  # this value is a key
            if (
                not (type(value) is str or value is _MERGE) or value in container or (value is _MERGE and frame.merges is not None) or value == "<<"
            ):  # a quoted `"<<"`, which `_Builder` counts as a merge key
                raise _Unusual  # not a name, or a key repeated
            frame.key = value
        elif key is _MERGE:
            frame.key, frame.merges = None, [value]
        else:
            frame.key = None
            container[key] = value

    def _quick_scalar(self, event, frame):
        value = event.value
        if event.tag is not None:
            raise _Unusual
        if event.implicit[0] and (not value or value[0] in _TYPED_FIRST) and " " not in value:
            tag = self.loader.resolve(yaml.ScalarNode, value, (True, False))
            if tag == _MERGE and frame is not None and frame.key is None and type(frame.value) is dict:
                return _MERGE
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag in _CONSTRUCT:
                if len(value) > MAX_NUMBER_LENGTH:
                    raise _Unusual
                return getattr(self.loader, _CONSTRUCT[tag])(yaml.ScalarNode(tag, value))
        if (event.style == '"' or not self.only_escapes) and FORBIDDEN.search(value):
            raise _Unusual
        return value

    def _quick_merge(self, frame: _Frame) -> None:
        for value in frame.merges:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                raise _Unusual
            for source in sources:
                for key, item in source.items():
                    if key not in frame.value:
                        frame.value[key] = item


_ASCII_REFUSED = [chr(code) for code in range(0x80) if FORBIDDEN.match(chr(code))]


def _has_refused(text: str) -> bool:
    """Whether `text` holds a character refused in text; in ASCII text, looked for one by
    one, several times faster than the regular expression over megabytes."""
    if text.isascii():
        return any(character in text for character in _ASCII_REFUSED)
    return FORBIDDEN.search(text) is not None


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context == "while scanning a simple key" and error.context_mark:
        mark = error.context_mark  # a name with no colon after it: libyaml notices on the next line, the slip is here
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    quote = _unclosed_quote(text, error, mark)
    if quote:
        return Problem(path, *quote, "", say("yaml_quote_not_closed", line=line))
    lines = text.splitlines()
    offending = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in offending[: max(column, 1)] or "'\\t'" in str(error.problem):
        column = offending.find("\t") + 1 if "\t" in offending else column
        return Problem(path, line, column, "", say("yaml_tab"))
    # libyaml's own words (`did not find expected key`), in English whatever the editor's language.
    problem = error.problem or error.context
    start = error.context_mark.line + 1 if error.context_mark else line
    if not error.context:
        message = say("yaml_syntax_error", problem=problem)
    elif start != line:  # an unclosed `[` or `{` is noticed lines later: name the line where the editor opened it
        message = say("yaml_syntax_error_since", problem=problem, context=error.context, start=start)
    else:
        message = say("yaml_syntax_error_in", problem=problem, context=error.context)
    # libyaml says what it expected; the advice says what the editor probably typed, and the fix.
    hint = advice(error.context, error.problem, start)
    return Problem(path, line, column, "", say("yaml_with_advice", message=message, advice=hint) if hint else message)


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


def _position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based) of a character of the text, as an editor counts them."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def read_content_text(path: Path, what: str) -> tuple[str | None, list[Problem]]:
    """A file of the content folder as text, or the problem that stops it being read
    (no more than `MAX_FILE_BYTES` are ever read)."""
    try:
        return read_text(path.parent, path.name, MAX_FILE_BYTES, what), []
    except FileNotFoundError:
        hint = say("yaml_missing_briefing") if path.name == "briefing.yml" else say("yaml_missing_named_file")
        return None, [Problem(path, 1, 1, "", say("yaml_file_missing", hint=hint))]
    except UnreadableText as error:
        return None, [Problem(path, error.line, error.column, "", str(error))]
