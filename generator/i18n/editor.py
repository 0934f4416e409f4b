"""What the generator says to editors (the check's problems and its summary), from a
catalogue per language (`generator/i18n/editor/en.yml`, `fr.yml`), in the editor's
language: the one asked for (`--editor-language`, `EDITOR_LANGUAGE=`), else the
briefing's own where it has a catalogue, else English. The language holds for one
check at a time (`speaking`), so that a process checking two briefings speaks each one's."""

from __future__ import annotations

import contextlib
import functools
import re
from contextvars import ContextVar
from pathlib import Path

from babel import Locale

from generator.core.errors import closest
from generator.i18n.messages import base_language
from generator.load.reader import load_file

EDITOR_CATALOGUES = Path(__file__).parent / "editor"
_language: ContextVar[str] = ContextVar("editor_language", default="en")


class EditorCatalogueError(Exception):
    """A catalogue of editors' messages that cannot be used: a missing key or a file that cannot be read."""


def editor_languages() -> list[str]:
    return sorted(path.stem for path in EDITOR_CATALOGUES.glob("*.yml"))


@functools.cache
def editor_catalogue(language: str) -> dict[str, str]:
    """One language's messages, read as safely as any content file; English fills none of its gaps."""
    loaded, problems = load_file(EDITOR_CATALOGUES / f"{language}.yml")
    if problems or loaded is None or not isinstance(loaded.data, dict):
        raise EditorCatalogueError(f"{EDITOR_CATALOGUES / f'{language}.yml'} cannot be read: {problems[0] if problems else 'not a mapping'}")
    return {str(key): str(value) for key, value in loaded.data.items()}


def editor_language_for(language: str | None) -> str:
    """The catalogue that speaks `language` (`fr` for `fr_CA`), else English."""
    base = base_language(language) if language else "en"
    return base if base in editor_languages() else "en"


def current() -> str:
    return _language.get()


@contextlib.contextmanager
def speaking(language: str | None):
    """Editors' messages in `language` (or English) inside the block."""
    token = _language.set(editor_language_for(language))
    try:
        yield
    finally:
        _language.reset(token)


def say(key: str, **values: object) -> str:
    """A message in the editor's language: `say("field_missing", name="title")`."""
    return editor_catalogue(_language.get())[key].format(**values)


def say_count(noun: str, count: int) -> str:
    """`3 figures`, `1 figure`, `0 figure` in French: the catalogue's `{noun}_one` or
    `{noun}_other`, as the language's plural rule (CLDR, through Babel) picks."""
    catalogue = editor_catalogue(_language.get())
    form = Locale.parse(_language.get()).plural_form(count)
    return catalogue.get(f"{noun}_{form}", catalogue[f"{noun}_other"]).format(count=count)


def suggestion(wrong: str, candidates) -> str:
    """`; did you mean 'mayor'?` in the editor's language, where a close match exists."""
    match = closest(wrong, candidates)
    return say("did_you_mean", match=match) if match else ""


_LANGUAGE_LINE = re.compile(r"^language:\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)", re.MULTILINE)


def declared_language(briefing_text: str) -> str | None:
    """The `language:` a briefing.yml declares, read from its text before the file is
    parsed: the problems of the file itself are said in it too."""
    found = _LANGUAGE_LINE.search(briefing_text[:65536])
    return found.group(1) if found else None
