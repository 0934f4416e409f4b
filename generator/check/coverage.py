"""`make coverage`: what the articles report that the briefing does not use.

Article by article, every quoted passage (words in quotation marks) and every figure
that no fact of the briefing uses, unless the editor has acknowledged it as left out
on purpose, with a reason, in `left-out.yml`. An editor runs it to find what the
briefing missed; it exits 1 while anything is neither used nor acknowledged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.content.briefing import entries_with_paths
from generator.content.models import SOURCES, Model, SourceRef, Text
from generator.content.walk import visits
from generator.core.characters import shown
from generator.core.editor import say, say_count
from generator.core.errors import ContentError
from generator.core.inline import plain_text
from generator.verify.articles import Readers, claims, normalise, quote_words, read_archive
from generator.verify.figures import ArticleFigures

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


def unused(content, archive_dir: Path) -> tuple[list[Unused], list[Unused]]:
    """What no fact uses: (not acknowledged, acknowledged)."""
    readers = Readers(content.briefing.units, content.briefing.language)
    archive, problems = read_archive(archive_dir, content.sources, content.page(SOURCES).loaded, readers)
    if problems:
        raise ContentError(problems)
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


def report(missing: list[Unused], known: list[Unused], articles: int) -> str:
    """What no fact uses, article by article, in the editor's language."""
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
    return "\n".join(lines)
