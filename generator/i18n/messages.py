"""The words the generator puts on a page, from a catalogue per language
(`generator/i18n/messages/en.yml`, `fr.yml`, …), so that no template or module
speaks one language. A language without a catalogue of its own uses the nearest
one (`fr_CA` → `fr`), then English."""

from __future__ import annotations

import functools
from pathlib import Path

from generator.core.editor import base_language
from generator.load.reader import load_file

CATALOGUES = Path(__file__).parent / "messages"


class Messages:
    """`messages["key_takeaways"]`, or `messages.format("as_of", date=…)`."""

    def __init__(self, language: str):
        self.language = language
        self._texts = _catalogue(language)

    def __getitem__(self, key: str) -> str:
        return self._texts[key]

    def format(self, key: str, **values: object) -> str:
        return self._texts[key].format(**values)

    def all(self) -> dict[str, str]:
        return dict(self._texts)


def available() -> list[str]:
    return sorted(path.stem for path in CATALOGUES.glob("*.yml"))


def has_catalogue(language: str) -> bool:
    """Whether the language, or the one it is a variant of, has a catalogue of its own."""
    return base_language(language) in available()


_KIND_CATALOGUES: list[Path] = []
"""Folders of the words kinds bring of their own (`en.yml`, `fr.yml`, …), merged into the site's."""


def add_catalogues(folder: Path) -> None:
    """A kind's own words, for every language it has a catalogue for."""
    if folder not in _KIND_CATALOGUES:
        _KIND_CATALOGUES.append(folder)
        _catalogue.cache_clear()


def catalogue(language: str, folder: Path | None = None) -> dict[str, str]:
    """One catalogue as it is written: the generator's, or that of a kind's folder."""
    return _read(language, folder)


def shipped(language: str) -> dict[str, str]:
    """The words every catalogue folder (the generator's, then each kind's) has in `language`
    itself, merged, without another language's to fill gaps: what its tests compare."""
    words: dict[str, str] = {}
    for folder in (CATALOGUES, *_KIND_CATALOGUES):
        if (folder / f"{language}.yml").is_file():
            words.update(_read(language, folder))
    return words


@functools.cache
def in_every_language(key: str) -> frozenset[str]:
    """The generator's own words for `key` in every language it has a catalogue for."""
    return frozenset(words[key] for language in available() if (words := _read(language)).get(key))


def catalogue_folders() -> tuple[Path, ...]:
    """The generator's catalogues, then those of the kinds loaded so far."""
    return (CATALOGUES, *_KIND_CATALOGUES)


@functools.cache
def _catalogue(language: str) -> dict[str, str]:
    base = base_language(language)
    words: dict[str, str] = {}
    for folder in (CATALOGUES, *_KIND_CATALOGUES):
        words.update(_read("en", folder))
        for candidate in dict.fromkeys((base, language)):
            if candidate != "en" and (folder / f"{candidate}.yml").is_file():
                words.update(_read(candidate, folder))
    return words


class CatalogueError(Exception):
    """A catalogue the generator ships is broken: a key twice, a YAML error. Its tests catch it first."""


def _read(name: str, folder: Path | None = None) -> dict[str, str]:
    """A catalogue, read by the content's own loader: a key written twice is an error, not
    the later one silently winning."""

    path = (folder or CATALOGUES) / f"{name}.yml"
    if folder is not None and not path.is_file():
        return {}
    loaded, problems = load_file(path)
    if problems or loaded is None or not isinstance(loaded.data, dict):
        raise CatalogueError("\n".join(str(problem) for problem in problems) or f"{name}.yml is not a mapping of keys to words")
    return {key: "" if value is None else str(value) for key, value in loaded.data.items()}
