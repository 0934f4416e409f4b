"""The articles behind every fact: each one's details and how many facts cite it,
and who reports what (the main facts down the side, the articles across the top).
Every briefing has this section: the source markers link to it."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from generator.content.models import SOURCES, EditorWord, Source
from generator.core.inline import plain_text
from generator.kinds import Context, Kind, Table
from generator.present import tables as cells
from generator.present.values import described

MATRIX_MAX_SOURCES = 12
"""Up to this many sources, who reports what is a matrix; beyond, a list (a matrix
of many sources is neither readable nor cheap: it grows as facts × sources)."""


def view(page, context: Context) -> dict:
    content = context.content
    numbers = {source.id: index for index, source in enumerate(content.sources, start=1)}
    return {
        "numbers": numbers,
        "citation_counts": content.citation_counts,
        "coverage": coverage_rows(context),
        "as_matrix": len(content.sources) <= MATRIX_MAX_SOURCES,
        "sole_source": len(content.sources) == 1,  # no table of who reports what: one article reports it all
        "labels": {source.id: label_of(source, context) for source in content.sources},
    }


def coverage_rows(context: Context) -> list[dict]:
    """Every kind's main facts, in page order, with who reports each: the page shows them,
    and its table lists them."""
    if context.coverage is None:
        context.coverage = _coverage_rows(context)
    return context.coverage


def _coverage_rows(context: Context) -> list[dict]:
    sources = context.content.sources
    as_matrix = len(sources) <= MATRIX_MAX_SOURCES
    rows = []
    for page in context.content.pages:
        for row in page.kind.coverage(page, context) if page.kind.coverage else []:
            if not row.sources:  # a date the editor worked out: no article reports it
                continue
            rows.append(
                {
                    "group": row.group,
                    "label": row.label,
                    "link": Markup(row.link),  # built from ids: safe as it is
                    "marks": [source.id in row.sources for source in sources] if as_matrix else None,
                    "sources": row.sources,
                    "count": len(set(row.sources)),
                }
            )
    return rows


def label_of(source, context: Context) -> str:
    """The heading of an article with no headline stated: the editor's label, else what it is."""

    return plain_text(source.label) if source.label else described(source)


def tables(page, context: Context) -> list[Table]:
    """The articles, and who reports what (a row per fact, whether the page shows a matrix or a list)."""

    content, label = context.content, context.citations.label
    articles = [
        (
            number,
            source.id,
            label(source.id),
            cells.text(source.outlet),
            cells.text(source.byline),
            cells.text(source.headline),
            cells.text(source.kind),
            cells.text(source.dateline),
            str(source.published) if source.published else None,
            source.url,
            source.language,
            cells.text(source.credit),
            content.citation_counts[source.id],
        )
        for number, source in enumerate(content.sources, start=1)
    ]
    facts = [
        (cells.text(row["group"]), cells.text(row["label"]), context.links.address(row["link"]), row["count"], *cells.sources(row["sources"], label))
        for row in coverage_rows(context)
    ]
    return [
        Table(
            "articles",
            ("number", "id", "label", "outlet", "byline", "headline", "kind", "dateline", "published", "url", "language", "credit", "cited_by"),
            articles,
        ),
        Table("coverage", ("section", "fact", "address", "reported_by", *cells.SOURCE_COLUMNS), facts),
    ]


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name=SOURCES,  # the one section every source marker links to
    template="sources.md.j2",
    entry=Source,
    default_file="sources.yml",
    view=view,
    anchor=lambda source, page=None: f"source-{source.id}",
    tables=tables,
    noun=EditorWord("kind_noun_source"),
)
