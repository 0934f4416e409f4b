"""Check quotes and figures against the articles they cite.

The articles are not part of a briefing, but an archive of them can be named:
a folder of `.txt` files, one per source (`archive_file` in `sources.yml`, or
`<id>.txt`). With it, every direct quote must appear word for word in every
article it cites, and every figure (a percentage, an amount of money, a
duration, in digits or in words) stated in a fact must appear in every article
the fact cites: a citation says that article reports it. A text with no sources
of its own (the standfirst, a summary) needs each figure in one article at least.
Only quote marks, dashes, whitespace and case are normalised (and a quote's
punctuation at its very ends, which articles place inside or outside).

What the check needs to know is gathered as claims (`claims`); `record.py` keeps a
record of those verified, so that they can be checked again without the articles.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.briefing import entries_with_paths
from generator.content.models import SOURCES, Model, Quantity, Source, UnitFormat
from generator.content.walk import visits
from generator.core.characters import shown
from generator.core.errors import Problem
from generator.core.files import UnreadableText, read_text
from generator.core.inline import plain_text
from generator.load.reader import LoadedFile, Path_
from generator.verify.numbers import in_digits

MAX_ARTICLE_BYTES = 1_000_000  # a long article is some tens of kilobytes

_QUOTE_MARKS = str.maketrans({mark: '"' for mark in "'\"‘’‚‛“”„‟′″«»‹›`´"})
_DASHES = str.maketrans({dash: "-" for dash in "‐‑‒–—―−"})
_SPACE = re.compile(r"\s+")
_END_PUNCTUATION = ' .,;:!?…"'


def normalise(text: str) -> str:
    """Text as compared: one kind of quote mark and dash, single spaces, lower case."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS).translate(_DASHES)).strip().lower()


def quote_words(text: str) -> str:
    """A quote as compared: normalised, and without the punctuation at its very ends, which
    articles place inside or outside the quotation marks (a full stop often stands as a comma)."""
    return normalise(plain_text(text)).strip(_END_PUNCTUATION)


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

    @property
    def token(self) -> str:
        """The key as one string: `percent|5|`, as claims and the record keep it."""
        return "|".join(self.key())


def figures_in(text: str) -> list[Figure]:
    """Every percentage, amount of money and duration written in a text, in digits or in
    (English) words: `ninety days`, `an hour and a half`."""
    found = []
    text, written_as = in_digits(text.translate(_DASHES))
    for kind, pattern in _FIGURES:
        for match in pattern.finditer(text):
            whole, fraction = match.group(1).replace(",", ""), match.group(2)
            unit = (match.group(3) or "") if kind != "percent" else ""
            found.append(Figure(kind, f"{whole}.{fraction}" if fraction else whole, unit.lower(), written_as(match)))
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


# --- the claims --------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A direct quote or a figure the content states, and the articles that must report it."""

    kind: str  # "quote" or "figure"
    key: str  # the normalised words, or the figure as `percent 5`
    written: str  # as the content writes it, for messages
    file: str  # the content file's key
    path: Path_
    cited: tuple[str, ...] | None  # the articles the fact cites: each must report it; None: any one will do
    one_of: bool = False  # one of the cited articles will do (the articles' own words for a date)

    def unmet(self, articles: list[str], reports) -> list[str]:
        """The articles that should report the claim and do not, where the citation rule is
        not met (else none): every article the fact cites must report it, or, for a text
        that cites nothing and for the articles' own words, any one of them."""
        needed = [source_id for source_id in self.cited or articles if source_id in articles]
        lacking = [source_id for source_id in needed if not reports(source_id)]
        any_one_will_do = self.cited is None or self.one_of
        return [] if any_one_will_do and len(lacking) < len(needed) else lacking

    @property
    def digest(self) -> str:
        """What the verification record keeps: a hash of the normalised passage."""
        return hashlib.sha256(f"{self.kind} {self.key}".encode()).hexdigest()[:20]


def claims(entries: dict[str, object], units: dict[str, UnitFormat], language: str = "en") -> list[Claim]:
    """Every direct quote and every figure in the content, with what it cites. Figures are
    read as English articles write them ($, percent, days, numbers in words): in a
    briefing in another language only the quotes are claims."""
    found, with_figures = [], language.startswith("en")
    for key, value in entries.items():
        if key == SOURCES:  # the articles themselves, not facts they report
            continue
        for at, model in entries_with_paths(value):
            for visit in visits(model, at):
                if visit.marks.ref:
                    continue
                cited = tuple(visit.sources) if visit.sources else None
                if isinstance(visit.value, str):
                    if visit.marks.verbatim and is_direct(visit):
                        words = quote_words(visit.value)
                        found.append(Claim("quote", words, visit.value, key, visit.path, cited))
                    figures = figures_in(plain_text(visit.value)) if with_figures else []
                elif isinstance(visit.value, Quantity) and with_figures:
                    figures = [figure for figure in [figure_of(visit.value, units)] if figure]
                else:
                    continue
                found += [Claim("figure", figure.token, figure.written, key, visit.path, cited, one_of=visit.marks.one_of_its_sources) for figure in figures]
    return found


def is_direct(visit) -> bool:
    """Whether verbatim words are a direct quote, as the nearest model that says so
    (`Model.quotes_directly`) has it: the entry itself, or the quote around a wording."""
    for model in (visit.owner, *reversed(visit.within)):
        answer = model.quotes_directly() if isinstance(model, Model) else None
        if answer is not None:
            return answer
    return False


# --- the check -----------------------------------------------------------------


@dataclass
class Archive:
    """The articles' texts, normalised, and the figures each contains, by source id."""

    texts: dict[str, str]
    figures: dict[str, set[tuple[str, str, str]]]
    digests: dict[str, str] = field(default_factory=dict)  # each article's hash, normalised
    raw: dict[str, str] = field(default_factory=dict)  # each article as written (for passages and their lines)
    words: dict[str, set[str]] = field(default_factory=dict)  # each text's space-separated words
    found: dict[tuple[str, str], bool] = field(default_factory=dict)  # (quote, source id): in it?

    def has(self, claim: Claim, source_id: str) -> bool:
        if claim.kind == "quote":
            return self.quotes(source_id, claim.key)
        return tuple(claim.key.split("|")) in self.figures[source_id]

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
    texts, figures, raw, problems = {}, {}, {}, []
    for index, source in enumerate(sources):
        name = source.archive_file or f"{source.id}.txt"
        try:
            raw[source.id] = read_text(folder, name, MAX_ARTICLE_BYTES, "an article")
        except (FileNotFoundError, UnreadableText) as error:
            reason = "is not in the archive" if isinstance(error, FileNotFoundError) else str(error)
            problems.append(
                loaded.problem(
                    (index, "archive_file") if source.archive_file else (index, "id"),
                    f"article '{shown(name)}' {reason} ({folder}); correct `archive_file`",
                    field_path=(index,),
                )
            )
            continue
        texts[source.id] = normalise(raw[source.id])
        figures[source.id] = {figure.key() for figure in figures_in(raw[source.id])}
    digests = {source_id: hashlib.sha256(text.encode()).hexdigest()[:20] for source_id, text in texts.items()}
    return Archive(texts, figures, digests, raw), problems


def check_against_archive(found: list[Claim], archive: Archive, files: dict[str, LoadedFile]) -> list[Problem]:
    """Each claim against the articles it cites: every one of them must report it."""
    problems = []
    for claim in found:
        lacking = claim.unmet(list(archive.texts), lambda source_id, claim=claim: archive.has(claim, source_id))
        if not lacking:
            continue
        having = [source_id for source_id in archive.texts if archive.has(claim, source_id)]
        what = "direct quote not found word for word" if claim.kind == "quote" else f"figure '{shown(claim.written)}' not found"
        if claim.cited is None or claim.one_of:
            advice = "check the number" if claim.kind == "figure" else "correct the words"
            where = "any article" if claim.cited is None else f"any of {', '.join(lacking)}"
            problems.append(files[claim.file].problem(claim.path, f"{what} in {where}; {advice}"))
            continue
        advice = (
            f"it is in {', '.join(having)}: cite only the articles that report it"
            if having
            else "correct it, or mark it `kind: paraphrase`"
            if claim.kind == "quote"
            else "check the number"
        )
        problems.append(files[claim.file].problem(claim.path, f"{what} in {', '.join(lacking)}, which this fact cites; {advice}"))
    return problems
