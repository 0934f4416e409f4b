"""Render the validated content into Markdown pages with the package's Jinja2 templates.

Python prepares what each page shows (sorted, grouped, counted); the
templates only lay it out. Every `{{ value }}` is escaped for Markdown unless
it is already safe markup, so text from YAML can never turn into page syntax.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .chart import draw_tariff_chart
from .content import Content
from .feed import atom_feed
from .metadata import news_article, page_description
from .inline import escape_text, plain_text, render_inline
from .references import references_in
from .present import NOT_STATED, Citations, editor_date_notes, format_date, format_quantity, format_span, format_when, format_window


@dataclass(frozen=True)
class Page:
    filename: str
    title: str
    template: str
    summary: str  # one sentence for search engines and link previews


PAGES: tuple[Page, ...] = (
    Page("index.md", "Overview", "overview.md.j2", "The story at a glance, its key figures and what happens next."),
    Page("players.md", "Key players", "players.md.j2", "Who did what, side by side."),
    Page("tariffs.md", "Tariffs", "tariffs.md.j2", "Each tariff measure before and now, as a chart and a table."),
    Page("timeline.md", "Timeline", "timeline.md.j2", "The events in date order."),
    Page("quotes.md", "Quotes", "quotes.md.j2", "What the players said, by speaker."),
    Page("issues.md", "Issues", "issues.md.j2", "The sticking points and where each side stands."),
    Page("differences.md", "Where the sources differ", "differences.md.j2",
         "Where the articles disagree or err, and what the briefing uses."),
    Page("sources.md", "Sources", "sources.md.j2", "The articles behind every fact, and who reports what."),
)


def _finalize(value: object) -> object:
    """Applied to every `{{ }}` output: safe markup passes, anything else is escaped."""
    if isinstance(value, Markup):
        return value
    return escape_text("" if value is None else str(value))


def _environment(citations: Citations) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: `_finalize` does the escaping
    )
    environment.filters.update(
        md=render_inline,
        cite=citations,
        date=format_date,
        span=format_span,
        when=format_when,
        quantity=format_quantity,
    )
    return environment


def _page_context(content: Content) -> dict:
    """What the templates need beyond the raw content: orderings and groupings."""
    sides = {side.id: side for side in content.briefing.sides}
    players = {player.id: player for player in content.players}
    # Stable sorts: entries of the same date keep the order the editor gave them.
    timeline = sorted(content.timeline, key=lambda event: event.when.date.earliest)
    quotes = sorted(content.quotes, key=lambda quote: quote.when.date.earliest)
    citations = Citations(content.sources, "sources.md")
    quotes_of: dict[str, list] = {}  # speaker id to their quotes, in date order
    for quote in quotes:
        quotes_of.setdefault(quote.speaker, []).append(quote)
    return {
        "content": content,
        "briefing": content.briefing,
        "sides": sides,
        "players_by_id": players,
        "players_by_side": [
            (side, [player for player in content.players if player.side == side.id])
            for side in content.briefing.sides
        ],
        "timeline_by_year": [(year, list(events)) for year, events in itertools.groupby(timeline, key=lambda event: event.when.date.year)],
        "quotes_by_speaker": [
            (players[speaker_id], quotes_of[speaker_id])
            for speaker_id in dict.fromkeys(player.id for player in content.players)
            if speaker_id in quotes_of
        ],
        "tariff_rows": [(tariff, format_window(tariff.since, tariff.until, tariff.duration)) for tariff in content.tariffs],
        "tariff_notes": [
            note
            for tariff in content.tariffs
            for note in editor_date_notes(f"{sides[tariff.imposed_by].adjective} tariff on {sides[tariff.on_goods_of].adjective} goods",
                                          {"from": tariff.since, "until": tariff.until})
        ],
        "figure_cards": _figure_cards(content),
        "coverage": _coverage(content),
        "updates": sorted(content.updates, key=lambda update: update.when.earliest, reverse=True),
        "source_numbers": {source.id: citations.number(source.id) for source in content.sources},
        "citation_counts": _citation_counts(content),
        "pages": {page.filename: page for page in PAGES},
        "not_stated": NOT_STATED,
    }


def _figure_cards(content: Content) -> list[dict]:
    """The overview's numbers at a glance: the editor's key figures, each tariff
    before → now, and the day the tariff window closes."""
    sides = {side.id: side for side in content.briefing.sides}
    cards = [{"value": format_quantity(figure.value), "label": figure.label, "sources": figure.sources, "note": None}
             for figure in content.briefing.key_figures]
    for tariff in content.tariffs:
        cards.append({
            "value": f"{format_quantity(tariff.rate_before)} → {format_quantity(tariff.rate_now)}",
            "label": f"{sides[tariff.imposed_by].adjective} tariffs on {sides[tariff.on_goods_of].adjective} goods, before the truce and now",
            "sources": tariff.sources, "note": None,
        })
    closing = {}
    for tariff in content.tariffs:
        if tariff.until:
            closing.setdefault((tariff.until.date, tariff.duration), []).append(tariff)
    for (date, duration), tariffs in closing.items():
        until = tariffs[0].until
        window = f"{format_quantity(duration).replace(' days', '-day')} window" if duration else "tariff window"
        cards.append({
            "value": format_date(date), "label": f"the day the {window} closes",
            "sources": sorted({source for tariff in tariffs for source in tariff.sources}),
            "note": f"date supplied by the editor; the articles say “{until.as_reported}”" if until.editor_supplied else None,
        })
    return cards


def _short(text: str, words: int = 14) -> str:
    """The first words of a text, for a row label."""
    parts = plain_text(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _coverage(content: Content) -> list[dict]:
    """The main facts down the side, the sources across the top: who reports what."""
    sides = {side.id: side for side in content.briefing.sides}
    rows = []

    def add(group: str, label: str, link: str, sources: list[str]):
        rows.append({"group": group, "label": label, "link": Markup(link),  # built from ids: safe as it is
                     "marks": [source.id in sources for source in content.sources],
                     "count": len(set(sources))})

    for takeaway in content.briefing.takeaways:
        add("Takeaway", _short(takeaway.text), "index.md", takeaway.sources)
    for tariff in content.tariffs:
        add("Tariff", f"{sides[tariff.imposed_by].adjective} tariffs on {sides[tariff.on_goods_of].adjective} goods: "
            f"{format_quantity(tariff.rate_before)} → {format_quantity(tariff.rate_now)}", "tariffs.md", tariff.sources)
    for event in sorted(content.timeline, key=lambda event: event.when.date.earliest):
        add("Event", f"{format_span(event.when)}: {plain_text(event.title)}", f"timeline.md#event-{event.id}", event.sources)
    for issue in content.issues:
        add("Issue", plain_text(issue.title), f"issues.md#issue-{issue.id}", issue.sources)
    return rows


def _citation_counts(content: Content) -> dict[str, int]:
    """How many facts cite each source, shown on the Sources page."""
    counts = {source.id: 0 for source in content.sources}
    for field in dataclasses.fields(content):
        value = getattr(content, field.name)
        for model in value if isinstance(value, list) else [value]:
            for _, collection, source_id in references_in(model):
                if collection == "sources":
                    counts[source_id] += 1
    return counts


def render_pages(content: Content) -> dict[str, str]:
    """Every file of the briefing's docs: pages (Markdown, front matter first) and charts (SVG)."""
    citations = Citations(content.sources, "sources.md")
    environment = _environment(citations)
    chart = draw_tariff_chart(content)
    context = {**_page_context(content), "chart": chart}
    pages = {f"assets/charts/tariffs-{variant}.svg": svg for variant, svg in (chart.svg.items() if chart else [])}
    pages["feed.xml"] = atom_feed(content)
    for page in PAGES:
        citations.reset()
        body = environment.get_template(page.template).render(page=page, **context)
        meta = {"title": page.title, "description": page_description(content, page.title, page.summary),
                "cited_sources": citations.listing()}
        if page is PAGES[0]:  # the home page speaks for the whole briefing
            meta.update(title=plain_text(content.briefing.title), description=plain_text(content.briefing.standfirst),
                        json_ld=news_article(content))
        pages[page.filename] = f"---\n{json.dumps(meta, ensure_ascii=False, sort_keys=True)}\n---\n\n{body}"
    return pages
