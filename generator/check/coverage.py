"""`make coverage`: what the articles report that the briefing does not use.

Article by article, every quoted passage (words in quotation marks) and every figure
that no fact of the briefing uses, unless the editor has acknowledged it as left out
on purpose, with a reason, in `left-out.yml`. Then the inventory (`inventory.yml`): each
fact of the articles a reader needs, with the entries that tell it, which must cite that
article, or left out with a reason; and the articles' sentences that name someone or
an institution the briefing knows (a kind's `names`: its people's) that no inventory fact or
left-out entry is in. An editor runs it to find what the briefing missed; it exits 1 while anything is
neither used nor acknowledged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import StringConstraints

from generator.content.briefing import entries_with_paths
from generator.content.models import SOURCES, Model, SourceRef, Text
from generator.content.walk import visits
from generator.core.characters import shown
from generator.core.editor import say, say_count, say_number, suggestion
from generator.core.errors import ContentError
from generator.core.inline import plain_text
from generator.verify.articles import Readers, claims, normalise, quote_words, read_archive
from generator.verify.figures import ArticleFigures

LEFT_OUT_FILE = "left-out.yml"
INVENTORY_FILE = "inventory.yml"
HOME = "briefing"  # what `covered_by` calls the front page's texts, in briefing.yml
# Words in quotation marks: straight or curly, at least two words long.
_QUOTED = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")


class LeftOut(Model):
    """One entry of `left-out.yml`: a passage or a figure of an article the briefing does not use, and why."""

    source: SourceRef
    passage: Text | None = None  # the quoted words, as the article has them
    figure: Text | None = None  # the figure, as the article writes it: `$600 billion`
    reason: Text


EntryName = Annotated[str, StringConstraints(pattern=rf"^(?:{HOME}|[a-z0-9][a-z0-9_-]*#[a-z0-9][a-z0-9_-]*)$", max_length=200)]


class InventoryFact(Model):
    """One entry of `inventory.yml`: a fact of an article that a reader needs, pinned by the
    article's own words, and the entries that tell it (`players#mayor`; `briefing` for the
    front page); none where it is left out on purpose, and `left-out.yml` says why."""

    source: SourceRef
    says: Text  # a few of the article's words, as it prints them
    covered_by: list[EntryName] = []


# The files `make coverage` reads beside the sections', by the key the checks file them
# under: checked with the content, published nowhere.
COVERAGE_FILES = {"left-out": (LEFT_OUT_FILE, LeftOut), "inventory": (INVENTORY_FILE, InventoryFact)}


@dataclass(frozen=True)
class Unused:
    source: str
    kind: str  # "passage" or "figure"
    text: str
    line: int


@dataclass(frozen=True)
class Coverage:
    missing: list[Unused]  # passages and figures no fact uses, not acknowledged
    known: list[Unused]  # those acknowledged in left-out.yml
    inventory: Inventory | None  # where the briefing has an inventory.yml

    @property
    def complete(self) -> bool:
        return not self.missing and (self.inventory is None or not self.inventory.unnamed)


def coverage(content, archive_dir: Path) -> Coverage:
    """What the articles report and the briefing does not use; the inventory's problems,
    located, raised as a ContentError."""
    readers = Readers(content.briefing.units, content.briefing.language)
    archive, problems = read_archive(archive_dir, content.sources, content.page(SOURCES).loaded, readers)
    if problems:
        raise ContentError(problems)
    texts = {source_id: quote_words(raw) for source_id, raw in archive.raw.items()}  # the articles' words, as compared
    problems = check_left_out(content, archive, texts, readers)
    inventory = None
    if "inventory" in content.coverage_files:
        inventory, inventory_problems = check_inventory(content, archive.raw, texts)
        problems += inventory_problems
    if problems:
        raise ContentError(problems)
    missing, known = unused(content, archive, readers)
    return Coverage(missing, known, inventory)


def check_left_out(content, archive, texts: dict[str, str], readers: Readers) -> list:
    """Each left-out passage or figure is in its article: one that is not leaves nothing out,
    and would hide the fact it was meant to name."""
    loaded = content.coverage_files.get("left-out")
    languages = {source.id: source.language for source in content.sources}
    problems = []
    for index, entry in enumerate(content.left_out):
        if entry.source not in texts:
            continue  # an unknown source: said by the check of references
        if entry.passage and quote_words(entry.passage) not in texts[entry.source]:
            problems.append(loaded.problem((index, "passage"), say("check_left_out_not_in_article", what=say("check_coverage_passage"), source=entry.source)))
        if entry.figure:
            figures = {figure.token for figure in readers(languages.get(entry.source)).read(entry.figure).figures}
            printed = {figure.token for figure in archive.figures[entry.source].figures}
            if not figures or not figures <= printed:
                problems.append(loaded.problem((index, "figure"), say("check_left_out_not_in_article", what=say("check_coverage_figure"), source=entry.source)))
    return problems


def unused(content, archive, readers: Readers) -> tuple[list[Unused], list[Unused]]:
    """What no fact uses: (not acknowledged, acknowledged)."""
    entries = {"briefing": content.briefing, **{page.slug: page.entries for page in content.pages if page.kind.reads == "entries"}}
    everything = "\n".join(
        normalise(plain_text(visit.value))
        for value in entries.values()
        for _, model in entries_with_paths(value)
        for visit in visits(model)
        if isinstance(visit.value, str) and not visit.marks.ref
    )
    found = claims(entries, readers).claims
    used = [claim.figure for claim in found if claim.figure is not None]
    quotes = [claim.key for claim in found if claim.kind == "quote" and claim.key]
    acknowledged = _acknowledged(content.left_out, readers, {source.id: source.language for source in content.sources})
    missing, known = [], []
    for source_id, raw in archive.raw.items():
        for match in _QUOTED.finditer(raw):
            passage = quote_words(match.group(1))
            if len(passage.split()) < 2 or passage in everything or any(quote in passage for quote in quotes):
                continue
            item = Unused(source_id, "passage", match.group(1), raw.count("\n", 0, match.start()) + 1)
            (known if (source_id, "passage", passage) in acknowledged else missing).append(item)
        first_of_each: dict[str, object] = {}
        for figure in archive.figures[source_id].figures:
            first_of_each.setdefault(figure.token, figure)
        for figure in first_of_each.values():
            if ArticleFigures.of([figure]).report_any(used):
                continue
            at = raw.find(figure.written)
            item = Unused(source_id, "figure", figure.written, raw.count("\n", 0, at) + 1 if at >= 0 else 1)
            (known if (source_id, "figure", figure.token) in acknowledged else missing).append(item)
    return missing, known


def _acknowledged(left_out: list[LeftOut], readers: Readers, languages: dict[str, str | None]) -> set[tuple[str, str, str]]:
    """The entries of `left-out.yml` (checked with the content), as (source, kind, normalised
    passage or figure); a figure is read as its article's language writes it."""
    found = set()
    for entry in left_out:
        if entry.passage:
            found.add((entry.source, "passage", quote_words(entry.passage)))
        figures = readers(languages.get(entry.source)).read(entry.figure or "").figures
        found |= {(entry.source, "figure", figure.token) for figure in figures}
    return found


_KINDS = {"passage": "check_coverage_passage", "figure": "check_coverage_figure"}
"""How the report names each kind of thing left unused: the key of the editors' catalogue."""


def report(found: Coverage, articles: int) -> str:
    """What no fact uses, article by article, then the inventory, in the editor's language."""
    missing, known = found.missing, found.known
    lines = []
    for source_id in sorted({item.source for item in missing}):
        items = [item for item in missing if item.source == source_id]
        lines.append(say("check_coverage_article", source=source_id, unused=say_count("check_n_unused", len(items)), file=LEFT_OUT_FILE))
        lines += [say("check_coverage_item", line=item.line, kind=say(_KINDS[item.kind]), text=shown(item.text, 100)) for item in items]
    summary = say(
        "check_coverage_summary",
        unused=say_count("check_n_unused_passage", len(missing)),
        articles=say_count("n_article", articles),
        known=say_count("check_n_left_out", len(known)),
    )
    lines.append(summary + ("" if missing else say("check_coverage_all_accounted")))
    if found.inventory is not None:
        lines.append(inventory_report(found.inventory))
    return "\n".join(lines)


# --- the inventory -------------------------------------------------------------


@dataclass(frozen=True)
class Unnamed:
    """A sentence of an article that names someone or somewhere the briefing knows, and that
    no inventory fact or left-out entry is in."""

    source: str
    line: int
    names: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Inventory:
    facts: int
    covered: int
    left_out: int
    unnamed: list[Unnamed]

    @property
    def share(self) -> float:
        return self.covered / self.facts if self.facts else 1.0


# A sentence ends at . ! ? or …, then perhaps a closing quote or bracket, then a space and a
# capital, a digit or an opening quote; not after initials ("U.S. Trade").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’)]?\s+(?=[“\"‘(]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:\b[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep)\.$")


def sentences(raw: str) -> list[tuple[int, str]]:
    """An article's sentences, with the line each starts on."""
    found = []
    for number, paragraph in enumerate(raw.split("\n"), start=1):
        pieces, start = [], 0
        for end in _SENTENCE_END.finditer(paragraph):
            piece = paragraph[start : end.start() + len(end.group(0).rstrip())]
            if _INITIALS.search(piece.rstrip('”"’)')):
                continue  # "U.S." does not end the sentence: the next piece joins it
            pieces.append(paragraph[start : end.end()].strip())
            start = end.end()
        pieces.append(paragraph[start:].strip())
        found += [(number, piece) for piece in pieces if piece]
    return found


def _entries_by_name(content) -> dict[str, object]:
    """Every entry `covered_by` may name: `players#mayor`, and `briefing` for the front page."""
    named: dict[str, object] = {HOME: content.briefing}
    for page in content.pages:
        if page.kind.reads == "entries":
            for entry in page.entries:
                if getattr(entry, "id", None):
                    named[f"{page.slug}#{entry.id}"] = entry
    return named


def _cited(model) -> set[str]:
    """The sources of every fact of an entry, at any depth."""
    return {source for visit in visits(model) for source in visit.sources or ()}


def check_inventory(content, archive_raw: dict[str, str], texts: dict[str, str]) -> tuple[Inventory, list]:
    """The inventory's facts against the articles (`texts`, as compared) and the entries; its
    problems, located."""
    loaded = content.coverage_files["inventory"]
    named = _entries_by_name(content)
    left = {(entry.source, quote_words(entry.passage)) for entry in content.left_out if entry.passage}
    problems, covered, left_out = [], 0, 0
    pinned: dict[str, list[str]] = {}  # each article's words that a fact or a left-out passage accounts for
    for source, passage in left:
        pinned.setdefault(source, []).append(passage)
    for index, fact in enumerate(content.inventory):
        words = quote_words(fact.says)
        pinned.setdefault(fact.source, []).append(words)
        if fact.source in texts and words not in texts[fact.source]:
            problems.append(loaded.problem((index, "says"), say("check_inventory_not_in_article", source=fact.source)))
        for number, name in enumerate(fact.covered_by):
            entry = named.get(name)
            if entry is None:
                close = suggestion(name, list(named))
                problems.append(loaded.problem((index, "covered_by", number), say("check_inventory_unknown_entry", name=shown(name), advice=close)))
            elif fact.source not in _cited(entry):
                problems.append(loaded.problem((index, "covered_by", number), say("check_inventory_not_cited", name=shown(name), source=fact.source)))
        if fact.covered_by:
            covered += 1
        elif (fact.source, words) in left:
            left_out += 1
        else:
            problems.append(loaded.problem((index, "says"), say("check_inventory_unaccounted", file=LEFT_OUT_FILE)))
    # The names as compared (one kind of quote mark, lower case), to the names as written.
    names = {normalise(name): name for page in content.pages if page.kind.names for entry in page.entries for name in page.kind.names(entry)}
    longest_first = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in longest_first) + r")\b") if names else None
    unnamed = []
    for source_id, raw in archive_raw.items():
        for line, sentence in sentences(raw) if pattern else ():
            said = quote_words(sentence)
            found = tuple(dict.fromkeys(names[name] for name in pattern.findall(normalise(sentence))))
            # Covered where a fact's words are in the sentence, or the sentence in a left-out passage (a headline and its credits).
            if found and not any(words and (words in said or said in words) for words in pinned.get(source_id, [])):
                unnamed.append(Unnamed(source_id, line, found, sentence))
    return Inventory(len(content.inventory), covered, left_out, unnamed), problems


def inventory_report(inventory: Inventory) -> str:
    """The inventory's share told, and the sentences it misses, in the editor's language."""
    lines = []
    for source_id in sorted({item.source for item in inventory.unnamed}):
        items = [item for item in inventory.unnamed if item.source == source_id]
        lines.append(say("check_inventory_article", source=source_id, sentences=say_count("check_n_sentence", len(items)), file=INVENTORY_FILE))
        lines += [say("check_inventory_sentence", line=item.line, names=", ".join(item.names), text=shown(item.text, 140)) for item in items]
    lines.append(
        say(
            "check_inventory_summary",
            facts=say_count("check_n_fact", inventory.facts),
            covered=say_count("check_n_told", inventory.covered),
            share=say_number(round(100 * inventory.share)),
            left_out=say_count("check_n_left_out_fact", inventory.left_out),
            file=LEFT_OUT_FILE,
        )
    )
    return "\n".join(lines)
