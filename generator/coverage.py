"""`make coverage`: what the articles report that the briefing does not use.

Article by article, every quoted passage (words in quotation marks) and every figure
that no fact of the briefing uses, unless the editor has acknowledged it as left out
on purpose, with a reason, in `left-out.yml`. An editor runs it to find what the
briefing missed; it exits 1 while anything is neither used nor acknowledged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .archive import Archive, Figure, claims, figures_in, normalise, read_archive
from .characters import shown
from .content import entries_with_paths
from .errors import ContentError
from .inline import plain_text
from .load import load_file
from .models import Model, SourceRef, Text
from .validate import validate_file
from .walk import visits

LEFT_OUT_FILE = "left-out.yml"
# Words in quotation marks: straight or curly, at least two words long.
_QUOTED = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")


class LeftOut(Model):
    """One entry of `left-out.yml`: a passage or a figure of an article the briefing does not use, and why."""

    source: SourceRef
    passage: Text | None = None  # the quoted words, as the article has them
    figure: Text | None = None  # the figure, as the article writes it: `$600 billion`
    reason: Text


@dataclass(frozen=True)
class Unused:
    source: str
    kind: str  # "passage" or "figure"
    text: str
    line: int


def read_articles(archive: Archive, archive_dir: Path, sources) -> dict[str, str]:
    """Each article's raw text (for passages as written, with their line numbers)."""
    texts = {}
    for source in sources:
        if source.id in archive.texts:
            texts[source.id] = (archive_dir / (source.archive_file or f"{source.id}.txt")).read_text(encoding="utf-8")
    return texts


def unused(content, archive_dir: Path, content_dir: Path) -> tuple[list[Unused], list[Unused]]:
    """What no fact uses: (not acknowledged, acknowledged)."""
    sources_page = content.page("sources")
    archive, problems = read_archive(archive_dir, content.sources, sources_page.loaded)
    if problems:
        raise ContentError(problems)
    entries = {"briefing": content.briefing, **{page.slug: page.entries for page in content.pages if page.kind.reads == "entries"}}
    texts = [normalise(plain_text(visit.value)) for value in entries.values() for _, model in entries_with_paths(value)
             for visit in visits(model) if isinstance(visit.value, str) and not visit.marks.ref]
    everything = "\n".join(texts)
    used_figures = {claim.key for claim in claims(entries, content.briefing.units) if claim.kind == "figure"}
    quotes = [normalise(plain_text(quote.text)).strip(" .,;:!?…\"") for quote in content.entries("quotes") if quote.kind == "direct"]
    acknowledged = read_left_out(content_dir)
    missing, known = [], []
    for source_id, raw in read_articles(archive, archive_dir, content.sources).items():
        for match in _QUOTED.finditer(raw):
            passage = normalise(match.group(1)).strip(" .,;:!?…")
            if len(passage.split()) < 2 or passage in everything or any(quote and quote in passage for quote in quotes):
                continue
            item = Unused(source_id, "passage", match.group(1), raw.count("\n", 0, match.start()) + 1)
            (known if (source_id, "passage", passage) in acknowledged else missing).append(item)
        for figure in _unique(figures_in(raw)):
            if "|".join(figure.key()) in used_figures:
                continue
            at = raw.find(figure.written)
            item = Unused(source_id, "figure", figure.written, raw.count("\n", 0, at) + 1 if at >= 0 else 1)
            (known if (source_id, "figure", "|".join(figure.key())) in acknowledged else missing).append(item)
    return missing, known


def _unique(figures: list[Figure]) -> list[Figure]:
    seen, kept = set(), []
    for figure in figures:
        if figure.key() not in seen:
            seen.add(figure.key())
            kept.append(figure)
    return kept


def read_left_out(content_dir: Path) -> set[tuple[str, str, str]]:
    """The acknowledged entries, as (source, kind, normalised passage or figure key)."""
    path = content_dir / LEFT_OUT_FILE
    if not path.is_file():
        return set()
    loaded, problems = load_file(path)
    entries, more = validate_file(LeftOut, loaded) if loaded else ([], [])
    if problems or more:
        raise ContentError(problems + more)
    found = set()
    for entry in entries:
        if entry.passage:
            found.add((entry.source, "passage", normalise(entry.passage).strip(" .,;:!?…")))
        for figure in figures_in(entry.figure or ""):
            found.add((entry.source, "figure", "|".join(figure.key())))
    return found


def report(missing: list[Unused], known: list[Unused], articles: int) -> str:
    lines = []
    for source_id in sorted({item.source for item in missing}):
        items = [item for item in missing if item.source == source_id]
        lines.append(f"{source_id}: {len(items)} not used and not acknowledged in {LEFT_OUT_FILE}")
        lines += [f"  line {item.line}: {item.kind} “{shown(item.text, 100)}”" for item in items]
    lines.append(f"{len(missing)} passage(s) and figure(s) of {articles} articles neither used nor acknowledged; "
                 f"{len(known)} acknowledged as left out" + ("" if missing else ": every one is accounted for"))
    return "\n".join(lines)

