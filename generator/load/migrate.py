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
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import yaml

from generator.core.editor import say
from generator.core.files import BRIEFING_FILE, UnreadableFile, read_text
from generator.load.reader import MAX_FILE_BYTES

FORMAT = 4
"""The content format this generator reads."""

FORMAT_FIELD = "format"


class Migration:
    """A briefing's files while steps change them: each file's text, and, for a step that
    changes structure, its round-trip YAML (read when first asked for, and written back to
    the text before the text is next read, so steps of either sort can follow each other)."""

    def __init__(self, texts: dict[str, str], yaml):
        self.texts, self._yaml, self._data = dict(texts), yaml, {}

    def data(self, name: str):
        """The file's round-trip YAML, to change in place."""
        if name not in self._data:
            self._data[name] = self._yaml.load(self.texts[name])
        return self._data[name]

    def text(self, name: str) -> str:
        """The file's text as the steps so far have left it."""
        if name in self._data:
            written = io.StringIO()
            self._yaml.dump(self._data.pop(name), written)
            self.texts[name] = written.getvalue()
        return self.texts[name]

    def finished(self) -> dict[str, str]:
        for name in list(self._data):
            self.text(name)
        return self.texts


def _number_the_format(files: Migration) -> None:
    """1 → 2: `briefing.yml` names its format, at its end, where it moves no line an editor knows."""
    briefing = files.data(BRIEFING_FILE)
    briefing[FORMAT_FIELD] = 2
    briefing.yaml_add_eol_comment(say("migrate_format_comment"), FORMAT_FIELD)


NOT_STATED_BEFORE_3 = "not stated"
"""Format 2's English keyword for what an article does not say: format 3 writes `null`."""


def _not_stated_as_null(files: Migration) -> None:
    """2 → 3: a field the article does not give is `null` in every language, where format 2
    had the English words `not stated` (which another language's editor would translate,
    and the site then publish as a name). Each such value is replaced in the text where it
    stands, so that no other line of the file moves."""
    for name in list(files.texts):
        text = files.text(name)
        spans = sorted(
            (value.start_mark.index, value.end_mark.index)
            for mapping in _mappings(_composed(text, name))
            for _, value in mapping.value
            if isinstance(value, yaml.ScalarNode) and value.value == NOT_STATED_BEFORE_3 and value.tag == "tag:yaml.org,2002:str"
        )
        for start, end in reversed(spans):
            text = text[:start] + "null" + text[end:]
        files.texts[name] = text
    files.data(BRIEFING_FILE)[FORMAT_FIELD] = 3


def _composed(text: str, name: str):
    """The file's YAML nodes, whose marks say where each value stands in the text (PyYAML's
    marks count characters, as Python indexes a text). A file that cannot be read stops the
    migration: its old values would stay, and the check then refuse them."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        raise MigrationError(say("migrate_unreadable", name=name)) from None


QUALIFIERS_BEFORE_4 = {
    **dict.fromkeys(
        [
            "about",
            "around",
            "approximately",
            "roughly",
            "some",
            "an estimated",
            "estimated",
            "environ",
            "quelque",
            "aproximadamente",
            "unos",
            "unas",
            "alrededor de",
            "etwa",
            "rund",
            "ungefähr",
            "circa",
            "ca.",
        ],
        ("approximate", "true"),
    ),
    **dict.fromkeys(["nearly", "almost", "close to", "just under", "près de", "presque", "casi", "cerca de", "fast", "knapp"], ("approximate", "under")),
    **dict.fromkeys(["more than", "over", "just over", "plus de", "más de", "mehr als", "über"], ("approximate", "over")),
    **dict.fromkeys(["up to", "as much as", "as many as", "jusqu'à", "jusqu’à", "hasta", "bis zu"], ("max", None)),
    **dict.fromkeys(["at least", "no fewer than", "no less than", "au moins", "al menos", "por lo menos", "mindestens"], ("min", None)),
}
"""Format 3's `qualifier:` words, and what format 4 writes for each: `approximate:` and its
value, or the end of a range the number becomes (`up to 118` is `max: 118`)."""


class _Said(Mapping[str, str]):
    """Catalogue keys by name, each looked up as its words in the editor's language when
    read: the language is known only while a briefing is checked."""

    def __init__(self, keys: dict[str, str]):
        self._keys = keys

    def __getitem__(self, name: str) -> str:
        return say(self._keys[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


RETIRED_FIELDS = _Said({"qualifier": "migrate_retired_qualifier"})
"""Fields an older format had, and what the current one writes instead: the hint for an
editor who types one from habit or from an old example."""


def _qualifier_as_structure(files: Migration) -> None:
    """3 → 4: a quantity's `qualifier:` was words in one language (`up to`), shown as typed
    and checked by no one; format 4 says the same as structure, which every language
    words its own way: `approximate: true`, `max: 118`. Edited in the text, so that no
    other line moves; a word it does not know stops the migration, naming it."""
    for name in list(files.texts):
        text = files.text(name)
        edits = []
        for mapping in _mappings(_composed(text, name)):
            keys = {key.value: (key, value) for key, value in mapping.value if isinstance(key, yaml.ScalarNode)}
            if "qualifier" not in keys or "value" not in keys:
                continue
            key, value = keys["qualifier"]
            words = " ".join(str(value.value).casefold().split())
            if words not in QUALIFIERS_BEFORE_4:
                line = key.start_mark.line + 1
                raise MigrationError(say("migrate_unknown_qualifier", file=name, line=line, qualifier=value.value))
            field, written = QUALIFIERS_BEFORE_4[words]
            if field == "approximate":
                edits.append((key.start_mark.index, value.end_mark.index, f"approximate: {written}"))
                continue
            number_key = keys["value"][0]
            edits.append((number_key.start_mark.index, number_key.end_mark.index, field))
            edits.append((*_pair_span(text, mapping, key, value), ""))
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        files.texts[name] = text
    files.data(BRIEFING_FILE)[FORMAT_FIELD] = 4


def _mappings(root):
    """Every mapping of a file's YAML nodes, however deep."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            yield node
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _pair_span(text: str, mapping, key, value) -> tuple[int, int]:
    """Where a key and its value stand, with what separates them from the pair before
    (`, ` inside braces), or with their whole line (a block mapping)."""
    if mapping.flow_style:
        index = next(number for number, (other, _) in enumerate(mapping.value) if other is key)
        if index:
            return mapping.value[index - 1][1].end_mark.index, value.end_mark.index
        following = mapping.value[1][0].start_mark.index if len(mapping.value) > 1 else value.end_mark.index
        return key.start_mark.index, following
    line_start = text.rfind("\n", 0, key.start_mark.index) + 1
    line_end = text.find("\n", value.end_mark.index)
    if text[line_start : key.start_mark.index].strip() or text[value.end_mark.index : line_end].split("#")[0].strip():
        return key.start_mark.index, value.end_mark.index  # the line holds more (`- qualifier: …`): only the pair goes
    return line_start, len(text) if line_end == -1 else line_end + 1


MIGRATIONS: dict[int, Callable[[Migration], None]] = {
    1: _number_the_format,
    2: _not_stated_as_null,
    3: _qualifier_as_structure,
}
"""From each format, what brings a briefing to the next: it changes the files in place."""


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
        return say("migrate_format_not_a_number", format=FORMAT)
    if found < FORMAT:
        return say("migrate_format_older", found=found, format=FORMAT)
    if found > FORMAT:
        return say("migrate_format_newer", found=found, format=FORMAT)
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
        text = read_text(content_dir, BRIEFING_FILE, MAX_FILE_BYTES, "file_what_content")
    except FileNotFoundError:
        raise MigrationError(say("migrate_no_briefing", file=content_dir / BRIEFING_FILE)) from None
    except UnreadableFile as error:
        raise MigrationError(f"{content_dir / BRIEFING_FILE}: {error}") from None
    try:
        briefing = yaml.load(text)
    except Exception as error:  # a YAML error: `make check` locates it
        raise MigrationError(say("migrate_not_yaml", file=content_dir / BRIEFING_FILE, error=error)) from None
    found = declared_format(briefing)
    if found is None or found > FORMAT:
        raise MigrationError(f"{content_dir / BRIEFING_FILE}: {format_problem(briefing)}")
    originals = {BRIEFING_FILE: text}
    for path in sorted(content_dir.iterdir()):  # the briefing's other files, for the steps that change them
        if path.suffix.lower() not in (".yml", ".yaml") or path.name in originals or path.name.startswith("."):
            continue
        try:
            originals[path.name] = read_text(content_dir, path.name, MAX_FILE_BYTES, "file_what_content")
        except (OSError, UnreadableFile) as error:  # a file left unmigrated would be refused by the next check
            raise MigrationError(say("migrate_file_unreadable", file=path, error=error)) from None
    files = Migration(originals, yaml)
    for version in range(found, FORMAT):
        MIGRATIONS[version](files)
    changed = []
    for name, written in files.finished().items():
        if written != originals[name]:
            temporary = content_dir / f".{name}.migrating"
            temporary.write_text(written, encoding="utf-8")
            temporary.replace(content_dir / name)  # a file is the old one or the new one, never half
            changed.append(name)
    return found, changed
