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

from .characters import shown
from .errors import Problem
from .files import UnreadableFile, read_inside
from .content import entries_with_paths
from .inline import plain_text
from .load import LoadedFile, Path_
from .models import Quantity, Source, UnitFormat
from .walk import visits

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


def figure_of(quantity: Quantity, units: dict[str, UnitFormat]) -> Figure | None:
    """A structured quantity as the figure an article would print, as its unit says;
    None for a unit the briefing does not check (`figure:` left out)."""
    unit = units.get(quantity.unit)
    if unit is None or unit.figure is None or unit.figure == "count":
        return None
    value = f"{quantity.value:g}"
    written = unit.shown.replace("{value}", value)
    if unit.figure == "percent":
        return Figure("percent", value, "", written)
    if unit.figure == "money":
        return Figure("money", value, unit.word or "", written)
    return Figure("duration", value, unit.word or quantity.unit.rstrip("s"), written)


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


def check_against_archive(entries: dict[str, object], files: dict[str, LoadedFile], archive_dir: Path,
                          units: dict[str, UnitFormat]) -> list[Problem]:
    """Each fact's quotes and figures against the articles it cites. A value in a part
    without sources of its own (a summary, an editor's note) is held to the sources of
    the fact around it, or, at the top of a file, to the whole archive."""
    archive, problems = read_archive(archive_dir, entries["sources"], files["sources"])
    every_source = tuple(sorted(archive.texts))
    for key, value in entries.items():
        if key == "sources":
            continue
        loaded = files[key]
        for at, model in entries_with_paths(value):
            for visit in visits(model, at):
                cited = [source_id for source_id in visit.sources or every_source if source_id in archive.texts]
                if not cited or visit.marks.ref:
                    continue
                if isinstance(visit.value, str):
                    if visit.marks.verbatim and getattr(visit.owner, "kind", None) == "direct":
                        problems += _check_quote(visit.value, visit.path, cited, archive, loaded)
                    figures = figures_in(plain_text(visit.value))
                elif isinstance(visit.value, Quantity):
                    figures = [figure for figure in [figure_of(visit.value, units)] if figure]
                else:
                    continue
                for figure in figures:
                    if not any(figure.key() in archive.figures[source_id] for source_id in cited):
                        problems.append(loaded.problem(visit.path, f"figure '{shown(figure.written)}' not found in its sources ({', '.join(cited)}); check the number"))
    return problems


def _check_quote(text: str, path: Path_, cited: list[str], archive: Archive, loaded: LoadedFile) -> list[Problem]:
    # A quote's closing full stop often stands as a comma in the article: ends don't count.
    words = normalise(plain_text(text)).strip(_END_PUNCTUATION)
    if any(archive.quotes(source_id, words) for source_id in cited):
        return []
    return [loaded.problem(path, f"direct quote not found word for word in its sources ({', '.join(cited)}); "
                                 "correct the words, or mark it `kind: paraphrase`")]
