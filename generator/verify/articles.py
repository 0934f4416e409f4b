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
from decimal import Decimal
from pathlib import Path

from generator.content.briefing import entries_with_paths
from generator.content.models import SOURCES, Model, Quantity, Source, UnitFormat, When, article_languages
from generator.content.walk import visits
from generator.core.characters import shown
from generator.core.editor import say
from generator.core.errors import Problem
from generator.core.files import UnreadableText, read_text
from generator.core.inline import plain_text
from generator.load.reader import LoadedFile, Path_
from generator.verify.figures import DURATIONS, WITH_VALUE_ALONE, ArticleFigures, Figure, NotFigure, Reader, UnitSpelling, converted, significant_digits

MAX_ARTICLE_BYTES = 1_000_000  # a long article is some tens of kilobytes

_QUOTE_MARKS = str.maketrans({mark: '"' for mark in "'\"‘’‚‛“”„‟′″«»‹›`´"})
_DASHES = str.maketrans({dash: "-" for dash in "‐‑‒–—―−"})
_SPACE = re.compile(r"\s+")
_END_PUNCTUATION = ' .,;:!?…"'

NEAR_ENOUGH = 10  # how many times apart an article's figure may be from the fact's and still be offered as the one meant


def normalise(text: str) -> str:
    """Text as compared: one kind of quote mark and dash, single spaces, lower case."""
    return _SPACE.sub(" ", text.translate(_QUOTE_MARKS).translate(_DASHES)).strip().lower()


def quote_words(text: str) -> str:
    """A quote as compared: normalised, and without the punctuation at its very ends, which
    articles place inside or outside the quotation marks (a full stop often stands as a comma)."""
    return normalise(plain_text(text)).strip(_END_PUNCTUATION)


# --- figures -------------------------------------------------------------------


class Readers:
    """A figure reader per language, each knowing the briefing's units as that language writes them."""

    def __init__(self, units: dict[str, UnitFormat], language: str):
        self.units, self.language = units, language
        self._readers: dict[str, Reader] = {}
        currencies = tuple(unit.currency for unit in units.values() if unit.currency)
        self.currencies = currencies or (("USD",) if any("$" in unit.shown for unit in units.values() if unit.figure == "money") else ())

    def __call__(self, language: str | None) -> Reader:
        language = language or self.language
        if language not in self._readers:
            self._readers[language] = Reader(language, tuple(self._spellings(language)), self.currencies)
        return self._readers[language]

    def _spellings(self, language: str):
        for name, unit in self.units.items():
            if unit.figure not in ("measurement", "count"):
                continue  # percentages, money and durations are read as every language writes them (CLDR)
            spellings = list(unit.written.get(language, ()))
            if language == self.language:
                spellings += [_after_value(pattern) for pattern in (unit.shown, unit.before_noun) if pattern]
            spellings = tuple(spelling for spelling in dict.fromkeys(spellings) if spelling)
            if spellings:
                yield UnitSpelling(name, unit.figure, unit.measure or "", spellings=spellings)

    def scale(self, word: str | None) -> Decimal:
        """What a money unit's `word` (`billion`) multiplies its value by."""
        return (self(self.language).scale_of(word) or Decimal(1)) if word else Decimal(1)


def _after_value(pattern: str) -> str:
    """The unit's words after the number in a display pattern: `mph` of `{value} mph`."""
    return pattern.split("{value}", 1)[1].strip(" -\u00a0")


def figure_of(quantity: Quantity, units: dict[str, UnitFormat], readers: Readers) -> Figure:
    """A structured quantity as the figure an article would print, as its unit says; a unit
    with no `figure:` is checked as the number itself."""
    unit = units.get(quantity.unit)
    # A range is both its ends; "up to 118" (one end alone) is the figure 118, as an article prints it.
    low, high = (_exact(quantity.min), _exact(quantity.max)) if quantity.is_range else (_exact(quantity.point),) * 2
    number = f"{quantity.min:g}–{quantity.max:g}" if low != high else f"{quantity.point:g}"
    written = unit.shown.replace("{value}", number) if unit else number
    approximate = quantity.qualifier
    kind = unit.figure if unit and unit.figure else "number"
    digits = max(significant_digits(low), significant_digits(high))
    if kind == "money":
        currency = unit.currency or (readers.currencies[0] if readers.currencies else "")
        scale = readers.scale(unit.word)
        return Figure("money", low * scale, high * scale, currency, written, approximate, digits)
    if kind == "duration":
        name = DURATIONS.get(unit.word or "", DURATIONS.get(quantity.unit.rstrip("s"), quantity.unit.rstrip("s")))
        return Figure("duration", low, high, name, written, approximate, digits)
    if kind == "measurement":
        return Figure("measurement", low, high, unit.measure or quantity.unit, written, approximate, digits)
    return Figure(kind, low, high, "", written, approximate, digits)


def _exact(number: float) -> Decimal:
    """A content number as the decimal it was written as: `6.1`, not 6.0999…; `12000`, not `1.2E+4`."""
    value = Decimal(repr(number)).normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


# --- the claims --------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A direct quote, the articles' own words (`as_reported`), or a figure the content
    states, and the articles that must report it."""

    kind: str  # "quote", "words" or "figure"
    key: str  # the normalised words, or the figure's token (`percent|5|5|`)
    written: str  # as the content writes it, for messages
    file: str  # the content file's key
    path: Path_
    cited: tuple[str, ...] | None  # the articles the fact cites: each must report it; None: any one will do
    one_of: bool = False  # one of the cited articles will do (the articles' own words for a date)
    figure: Figure | None = None
    unit: str = ""  # the unit of a quantity (`{value: 95, unit: mph}`), where the claim is one

    def unmet(self, articles: list[str], reports) -> list[str]:
        """The articles that should report the claim and do not, where the citation rule is
        not met (else none): every article the fact cites must report it, or, for a text
        that cites nothing and for the articles' own words, any one of them."""
        needed = [source_id for source_id in self.cited or articles if source_id in articles]
        lacking = [source_id for source_id in needed if not reports(source_id)]
        any_one_will_do = self.cited is None or self.one_of
        return [] if any_one_will_do and len(lacking) < len(needed) else lacking

    def digest(self, source_id: str, article_hash: str) -> str:
        """What the verification record keeps: a hash of what was found, in which article,
        as that article then read, so that it vouches for nothing else."""
        return hashlib.sha256(f"{self.kind} {self.key} {source_id} {article_hash}".encode()).hexdigest()[:20]

    @property
    def what(self) -> str:
        """The claim as a reviewer reads it: `figure '12,000'`, `quote`."""
        if self.kind == "figure":
            return f"figure '{shown(self.written, 60)}'"
        return {"quote": "quote", "words": "wording"}[self.kind]  # the fact names it; the record keeps no article's words


@dataclass(frozen=True)
class Skipped:
    """A number in a fact that is not a figure (a year, a date, an identifier, an ordinal)."""

    file: str
    path: Path_
    number: NotFigure


@dataclass
class Found:
    claims: list[Claim]
    skipped: list[Skipped]

    def count(self, kind: str) -> int:
        return sum(claim.kind == kind for claim in self.claims)


def claims(entries: dict[str, object], readers: Readers) -> Found:
    """Every direct quote, every wording of the articles' own (`as_reported`) and every
    figure in the content, with what it cites; and the numbers that are not figures."""
    found, skipped = [], []
    reader = readers(None)
    languages = article_languages(entries.get(SOURCES, []), readers.language)
    for key, value in entries.items():
        if key == SOURCES:  # the articles themselves, not facts they report
            continue
        for at, model in entries_with_paths(value):
            for visit in visits(model, at):
                if visit.marks.ref:
                    continue
                cited = tuple(visit.sources) if visit.sources else None
                one_of = visit.marks.one_of_its_sources
                if isinstance(visit.owner, When) and visit.path[-1] in ("time", "zone"):
                    if visit.path[-1] == "time":  # "02:40" is a time of day the articles report, as "2:40 a.m." or "2 h 40"
                        minutes = Decimal(visit.owner.minutes)
                        # A timeline's time reads as the moment the articles give, "around 2:40 a.m." too.
                        figure = Figure("time", minutes, minutes, "", visit.value, "about")
                        found.append(Claim("figure", figure.token, figure.written, key, visit.path, cited, one_of=one_of, figure=figure))
                    continue
                if isinstance(visit.value, str):
                    if visit.marks.verbatim and is_direct(visit):
                        words = quote_words(visit.value)
                        found.append(Claim("quote", words, visit.value, key, visit.path, cited))
                    elif one_of:
                        found.append(Claim("words", quote_words(visit.value), visit.value, key, visit.path, cited, one_of=True))
                    # Words quoted as printed are in the language of the articles that print them.
                    printed = {languages.get(source, readers.language) for source in cited or ()} if visit.marks.verbatim else set()
                    reading = (readers(printed.pop()) if len(printed) == 1 else reader).read(plain_text(visit.value))
                    figures = reading.figures
                    skipped += [Skipped(key, visit.path, number) for number in reading.not_figures]
                elif isinstance(visit.value, Quantity):
                    figure = figure_of(visit.value, readers.units, readers)
                    found.append(Claim("figure", figure.token, figure.written, key, visit.path, cited, one_of=one_of, figure=figure, unit=visit.value.unit))
                    continue
                else:
                    continue
                found += [Claim("figure", figure.token, figure.written, key, visit.path, cited, one_of=one_of, figure=figure) for figure in figures]
    return Found(found, skipped)


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
    figures: dict[str, ArticleFigures]
    digests: dict[str, str] = field(default_factory=dict)  # each article's hash, normalised
    raw: dict[str, str] = field(default_factory=dict)  # each article as written (for passages and their lines)
    languages: dict[str, str] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)  # each text's space-separated words
    found: dict[tuple[str, str], bool] = field(default_factory=dict)  # (quote, source id): in it?

    def has(self, claim: Claim, source_id: str) -> bool:
        if claim.kind in ("quote", "words"):
            return self.quotes(source_id, claim.key)
        return claim.figure is not None and self.figures[source_id].report(claim.figure)

    def quotes(self, source_id: str, words: str) -> bool:
        """Whether the article has these (normalised) words. A quote's inner words are whole
        words of the article too, so most misses need no scan of the text; and each quote
        is looked for once per article, however often the content repeats it."""
        key = (words, source_id)
        if key not in self.found:
            inner = words.split(" ")[1:-1]
            vocabulary = self.words.setdefault(source_id, set(self.texts[source_id].split(" ")))
            text = self.texts[source_id]
            self.found[key] = all(word in vocabulary for word in inner) and words in text and _as_whole_words(words).search(text) is not None
        return self.found[key]


def _as_whole_words(words: str) -> re.Pattern:
    """The words where they stand whole: "able to support it" is not in "unable to support
    it", nor "5 homes" in "15 homes"."""
    before = r"(?<![^\W_])" if words[:1].isalnum() else ""
    after = r"(?![^\W_])" if words[-1:].isalnum() else ""
    return re.compile(before + re.escape(words) + after)


def read_archive(folder: Path, sources: list[Source], loaded: LoadedFile, readers: Readers) -> tuple[Archive, list[Problem]]:
    """The articles of `sources`, each read in its own language."""
    texts, figures, raw, languages, problems = {}, {}, {}, {}, []
    for index, source in enumerate(sources):
        name = source.archive_file or f"{source.id}.txt"
        try:
            raw[source.id] = read_text(folder, name, MAX_ARTICLE_BYTES, "file_what_article")
        except (FileNotFoundError, UnreadableText) as error:
            message = (
                say("verify_article_missing", name=shown(name), folder=folder)
                if isinstance(error, FileNotFoundError)
                else say("verify_article_unreadable", name=shown(name), reason=str(error), folder=folder)
            )
            problems.append(loaded.problem((index, "archive_file") if source.archive_file else (index, "id"), message, field_path=(index,)))
            continue
        texts[source.id] = normalise(raw[source.id])
        languages[source.id] = source.language or readers.language
        reading = readers(languages[source.id]).read(raw[source.id])
        figures[source.id] = ArticleFigures.of(reading.figures, reading.not_figures)
    digests = {source_id: hashlib.sha256(text.encode()).hexdigest()[:20] for source_id, text in texts.items()}
    return Archive(texts, figures, digests, raw, languages), problems


def check_against_archive(found: list[Claim], archive: Archive, files: dict[str, LoadedFile]) -> list[Problem]:
    """Each claim against the articles it cites: every one of them must report it."""
    problems = []
    for claim in found:
        lacking = claim.unmet(list(archive.texts), lambda source_id, claim=claim: archive.has(claim, source_id))
        if not lacking:
            continue
        having = [source_id for source_id in archive.texts if archive.has(claim, source_id)]
        what = {
            "quote": say("not_found_quote"),
            "words": say("not_found_words", words=shown(claim.written)),
            "figure": say("not_found_figure", figure=shown(claim.written)),
        }[claim.kind]
        if claim.cited is None or claim.one_of:
            advice = say({"figure": "advice_check_number", "quote": "advice_correct_words", "words": "advice_words_as_given"}[claim.kind])
            message = (
                say("in_any_article", what=what, advice=advice)
                if claim.cited is None
                else say("in_any_of", what=what, articles=", ".join(lacking), advice=advice)
            )
            problems.append(files[claim.file].problem(claim.path, message))
            continue
        advice = (
            say("advice_cite_only", articles=", ".join(having))
            if having
            else say("advice_quote_or_paraphrase")
            if claim.kind == "quote"
            else _figure_advice(claim, [archive.figures[source_id] for source_id in lacking])
        )
        problems.append(files[claim.file].problem(claim.path, say("in_cited", what=what, articles=", ".join(lacking), advice=advice)))
    return problems


def _figure_advice(claim: Claim, read: list[ArticleFigures]) -> str:
    """`check the number`, with the article's figures of the same kind where it has some; or,
    where the article has the number with other words (`nearly`, `up to`), those words."""
    figure = claim.figure
    if figure is None:
        return say("advice_check_number")
    qualified = dict.fromkeys(each.as_said for figures in read for each in figures.with_other_words(figure))
    if qualified:
        return say(
            "advice_qualifier_quantity" if claim.unit else "advice_qualifier_text",
            figures=", ".join(say("verify_article_words", words=shown(each, 40)) for each in list(qualified)[:4]),
        )
    alike = [each for figures in read for each in figures.figures if each.kind == figure.kind]
    if figure.kind in WITH_VALUE_ALONE or not alike:
        return say("advice_check_number")

    def ratio(each: Figure) -> float | None:
        """How many times apart the two quantities are (converted where they convert): 18 million
        is nearer 180 million than 45, as a slip of a digit or a scale is the likeliest."""
        value = each.low if each.unit == figure.unit else converted(each.low, each.unit, figure.unit) if each.unit and figure.unit else None
        if value is None or not value or not figure.low or (value < 0) != (figure.low < 0):
            return None if value != figure.low else 1.0
        return float(max(abs(value), abs(figure.low)) / min(abs(value), abs(figure.low)))

    # Only quantities within ten times of the fact's: a monthly pass is no slip for "30 months".
    near = sorted(((found, each) for each in alike if (found := ratio(each)) is not None and found <= NEAR_ENOUGH), key=lambda pair: pair[0])
    nearest = dict.fromkeys(each.written for _, each in near)
    if not nearest:
        return say("advice_check_number")
    return say("advice_article_gives", figures=", ".join(say("verify_article_words", words=shown(each, 40)) for each in list(nearest)[:4]))
