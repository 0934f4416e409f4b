"""Check quotes and figures against the articles they cite.

The articles are not part of a briefing, but an archive of them can be named:
a folder of `.txt` files, one per source (`archive_file` in `sources.yml`, or
`<id>.txt`). With it, every direct quote must appear word for word in at
least one source it cites, and every figure (a percentage, an amount of
money, a duration) stated in a fact must appear in one of its sources.
Only quote marks, dashes, whitespace and case are normalised (and a quote's
punctuation at its very ends, which articles place inside or outside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .characters import shown
from .errors import Problem
from .files import UnreadableFile, read_inside
from .content import entries_with_paths
from .inline import plain_text
from .load import LoadedFile, Path_
from .models import Quantity, Quote, Source

MAX_ARTICLE_BYTES = 1_000_000  # a long article is some tens of kilobytes

_QUOTE_MARKS = str.maketrans({mark: '"' for mark in "'\"‘’‚‛“”„‟′″«»‹›`´"})
_DASHES = str.maketrans({dash: "-" for dash in "‐‑‒–—―−"})
_SPACE = re.compile(r"\s+")
_END_PUNCTUATION = " .,;:!?…\""


def normalise(text: str) -> str:
    """Text as compared: one kind of quote mark and dash, single spaces, lower case."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS).translate(_DASHES)).strip().lower()


# --- figures -------------------------------------------------------------------

# A number starts where a run of digits starts (the look-behind) and its quantifiers never
# give back what they took (possessive), so a long run of digits is read once: linear time.
_NUMBER = r"(?<![\d,.])(\d{1,3}(?:,\d{3})++(?!\d)|\d++)(?:\.(\d++))?"
_FIGURES = [
    ("percent", re.compile(rf"{_NUMBER}\s*(?:%|percent\b|per cent\b)")),
    ("money", re.compile(rf"\$\s*{_NUMBER}(?:\s*(billion|million|trillion)\b)?")),
    ("duration", re.compile(rf"{_NUMBER}[\s-]*(minute|hour|day|week|month|year)s?\b")),
]


@dataclass(frozen=True)
class Figure:
    kind: str
    value: str  # the number without thousands separators: "295", "1.5"
    unit: str  # "", "billion", "day", …
    written: str  # as it stands in the text

    def key(self) -> tuple[str, str, str]:
        return self.kind, self.value, self.unit


def figures_in(text: str) -> list[Figure]:
    """Every percentage, amount of money and duration written in a text."""
    found = []
    for kind, pattern in _FIGURES:
        for match in pattern.finditer(text.translate(_DASHES)):
            whole, fraction = match.group(1).replace(",", ""), match.group(2)
            unit = (match.group(3) or "") if kind != "percent" else ""
            found.append(Figure(kind, f"{whole}.{fraction}" if fraction else whole, unit.lower(), match.group(0)))
    return found


def figure_of(quantity: Quantity) -> Figure:
    """A structured quantity as the figure an article would print."""
    value = f"{quantity.value:g}"
    if quantity.unit == "percent":
        return Figure("percent", value, "", f"{value}%")
    if quantity.unit == "billion USD":
        return Figure("money", value, "billion", f"${value} billion")
    if quantity.unit == "USD":
        return Figure("money", value, "", f"${value}")
    return Figure("duration", value, quantity.unit.rstrip("s"), f"{value} {quantity.unit}")


# --- the check -----------------------------------------------------------------


@dataclass
class Archive:
    """The articles' texts, normalised, and the figures each contains, by source id."""

    texts: dict[str, str]
    figures: dict[str, set[tuple[str, str, str]]]
    words: dict[str, set[str]] = field(default_factory=dict)  # each text's space-separated words
    found: dict[tuple[str, str], bool] = field(default_factory=dict)  # (quote, source id): in it?

    def quotes(self, source_id: str, words: str) -> bool:
        """Whether the article has these (normalised) words. A quote's inner words are whole
        words of the article too, so most misses need no scan of the text; and each quote
        is looked for once per article, however often the content repeats it."""
        key = (words, source_id)
        if key not in self.found:
            inner = words.split(" ")[1:-1]
            vocabulary = self.words.setdefault(source_id, set(self.texts[source_id].split(" ")))
            self.found[key] = all(word in vocabulary for word in inner) and words in self.texts[source_id]
        return self.found[key]


def read_archive(folder: Path, sources: list[Source], loaded: LoadedFile) -> tuple[Archive, list[Problem]]:
    texts, figures, problems = {}, {}, []
    for index, source in enumerate(sources):
        name = source.archive_file or f"{source.id}.txt"
        try:
            data = read_inside(folder, name, MAX_ARTICLE_BYTES)
            if len(data) > MAX_ARTICLE_BYTES:
                raise UnreadableFile(f"is over {MAX_ARTICLE_BYTES // 1_000_000} MB, far longer than an article")
            raw = data.decode("utf-8")
        except (FileNotFoundError, UnicodeDecodeError, UnreadableFile, OSError) as error:
            reason = ("is not in the archive" if isinstance(error, FileNotFoundError) else "is not UTF-8 text" if isinstance(error, UnicodeDecodeError)
                      else f"cannot be read: {error}" if isinstance(error, UnreadableFile) else f"cannot be read: {error.strerror}")
            problems.append(loaded.problem((index, "archive_file") if source.archive_file else (index, "id"),
                                           f"article '{shown(name)}' {reason} ({folder}); correct `archive_file`", field_path=(index,)))
            continue
        texts[source.id] = normalise(raw)
        figures[source.id] = {figure.key() for figure in figures_in(raw)}
    return Archive(texts, figures), problems


def check_against_archive(entries: dict[str, object], files: dict[str, LoadedFile], archive_dir: Path) -> list[Problem]:
    archive, problems = read_archive(archive_dir, entries["sources"], files["sources"])
    every_source = sorted(archive.texts)
    for stem, value in entries.items():
        if stem == "sources":
            continue
        loaded = files[stem]
        for at, model in entries_with_paths(value):
            problems += _check_fact(model, at, every_source, archive, loaded)
    return problems


def _check_fact(model: BaseModel, at: Path_, inherited_sources: list[str], archive: Archive, loaded: LoadedFile) -> list[Problem]:
    """Check one fact's figures (and quote) against its own sources; recurse into facts inside it.

    A model without `sources` of its own (a summary, an editor's note) is held
    to the sources of the fact around it, or, at the top, to the whole archive.
    """
    cited = [source_id for source_id in getattr(model, "sources", None) or inherited_sources if source_id in archive.texts]
    if not cited:
        return []
    problems = []
    if isinstance(model, Quote) and model.kind == "direct":
        # A quote's closing full stop often stands as a comma in the article: ends don't count.
        words = normalise(plain_text(model.text)).strip(_END_PUNCTUATION)
        if not any(archive.quotes(source_id, words) for source_id in cited):
            problems.append(loaded.problem((*at, "text"),
                                     f"direct quote not found word for word in its sources ({', '.join(cited)}); "
                                     "correct the words, or mark it `kind: paraphrase`"))
    for path, figure in _figures_of(model, at):
        if not any(figure.key() in archive.figures[source_id] for source_id in cited):
            problems.append(loaded.problem(path, f"figure '{shown(figure.written)}' not found in its sources ({', '.join(cited)}); check the number"))
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for index, child in enumerate(children):
            if isinstance(child, BaseModel) and "sources" in type(child).model_fields:
                child_at = (*at, name, index) if isinstance(value, list) else (*at, name)
                problems += _check_fact(child, child_at, cited, archive, loaded)
    return problems


def _figures_of(model: BaseModel, at: Path_):
    """Figures in the model's own text and quantities, and in parts of it that cite nothing of their own."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, str):
            for figure in figures_in(plain_text(value)):
                yield (*at, name), figure
        elif isinstance(value, Quantity):
            yield (*at, name), figure_of(value)
        elif isinstance(value, BaseModel) and "sources" not in type(value).model_fields:
            yield from _figures_of(value, (*at, name))
