"""What the generator says to editors (the check's problems and its summary), from a
catalogue per language (`generator/core/editor/en.yml`, `fr.yml`), in the editor's
language: the one asked for (`--editor-language`, `EDITOR_LANGUAGE=`), else the
briefing's own where it has a catalogue, else English. The language holds for one
check at a time (`speaking`), so that a process checking two briefings speaks each one's."""

from __future__ import annotations

import contextlib
import difflib
import functools
import re
from contextvars import ContextVar
from pathlib import Path

import yaml
from babel import Locale

EDITOR_CATALOGUES = Path(__file__).parent / "editor"
_language: ContextVar[str] = ContextVar("editor_language", default="en")


class EditorCatalogueError(Exception):
    """A catalogue of editors' messages that cannot be used: a missing key or a file that cannot be read."""


def editor_languages() -> list[str]:
    return sorted(path.stem for path in EDITOR_CATALOGUES.glob("*.yml"))


@functools.cache
def editor_catalogue(language: str) -> dict[str, str]:
    """One language's messages; English fills none of its gaps. The catalogues are the
    generator's own files (their test reads them as strictly as content), so plain YAML
    reads them here, below the reader that needs their words."""
    path = EDITOR_CATALOGUES / f"{language}.yml"
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EditorCatalogueError(f"{path} cannot be read: {error}") from None
    if not isinstance(loaded, dict):
        raise EditorCatalogueError(f"{path} cannot be read: not a mapping")
    return {str(key): str(value) for key, value in loaded.items()}


def base_language(language: str) -> str:
    """`fr` for `fr_CA` or `fr-CA`: the catalogue a language's words come from."""
    return language.replace("-", "_").split("_")[0].lower()


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


def say(key: str, /, **values: object) -> str:
    """A message in the editor's language: `say("field_missing", name="title")`."""
    return editor_catalogue(_language.get())[key].format(**values)


def say_count(noun: str, count: int) -> str:
    """`3 figures`, `1 figure`, `0 figure` in French: the catalogue's `{noun}_one` or
    `{noun}_other`, as the language's plural rule (CLDR, through Babel) picks."""
    catalogue = editor_catalogue(_language.get())
    form = Locale.parse(_language.get()).plural_form(count)
    return catalogue.get(f"{noun}_{form}", catalogue[f"{noun}_other"]).format(count=count)


def say_number(value: float, decimals: int | None = None) -> str:
    """A number as the editor's language writes it (CLDR, through Babel): `600,000` and
    `10.0` in English, `600 000` and `10,0` in French; `decimals` fixes their count."""
    from babel.numbers import format_decimal

    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_language.get())


def closest(wrong: str, candidates: list[str] | set[str]) -> str | None:
    """The candidate `wrong` is most likely a slip for, if one is close."""
    # The typed name itself is no hint: it is known, only not where it was typed.
    matches = difflib.get_close_matches(wrong, sorted(set(candidates) - {wrong}), n=1, cutoff=0.6)
    return matches[0] if matches else None


def month_name(month: int) -> str:
    """The month's name in the editor's language (CLDR, through Babel): `February`, `février`."""
    from babel.dates import get_month_names

    return get_month_names("wide", locale=_language.get())[month]


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
