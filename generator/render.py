"""Render the validated content into Markdown pages with the package's Jinja2 templates.

`views.py` prepares what each page shows (sorted, grouped, counted); the
templates only lay it out. Every `{{ value }}` is escaped for Markdown unless
it is already safe markup, so text from YAML can never turn into page syntax.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .chart import draw_tariff_chart
from .content import Content
from .encode import yaml_json
from .feed import atom_feed
from .metadata import news_article, page_description
from .inline import escape_text, head_text, render_inline
from .present import Citations, format_date, format_quantity, format_span, format_when
from .views import page_context


@dataclass(frozen=True)
class Page:
    filename: str
    title: str
    template: str
    summary: str  # one sentence for search engines and link previews
    search_boost: float | None = None  # ranks the page higher in the site's search (Material's `search.boost`)


PAGES: tuple[Page, ...] = (
    Page("index.md", "Overview", "overview.md.j2", "The story at a glance, its key figures and what happens next."),
    Page("players.md", "Key players", "players.md.j2", "Who did what, side by side.", search_boost=2),
    Page("tariffs.md", "Tariffs", "tariffs.md.j2", "Each tariff measure before and now, as a chart and a table.", search_boost=2),
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
        # Compiled templates are kept between runs (in the user's temporary folder, keyed
        # by each template's checksum): compiling them is most of a small briefing's render time.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
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


def render_pages(content: Content) -> dict[str, str]:
    """Every file of the briefing's docs: pages (Markdown, front matter first) and charts (SVG)."""
    citations = Citations(content.sources, "sources.md")
    environment = _environment(citations)
    chart = draw_tariff_chart(content)
    context = {**page_context(content, PAGES), "chart": chart}
    pages = {f"assets/charts/tariffs-{variant}.svg": svg for variant, svg in (chart.svg.items() if chart else [])}
    pages["feed.xml"] = atom_feed(content)
    for page in PAGES:
        citations.reset()
        body = environment.get_template(page.template).render(page=page, **context)
        meta = {"title": page.title, "description": html.escape(page_description(content, page.title, page.summary)),
                "cited_sources": citations.listing()}
        if page.search_boost:
            meta["search"] = {"boost": page.search_boost}
        if page is PAGES[0]:  # the home page speaks for the whole briefing
            meta.update(description=head_text(content.briefing.standfirst), json_ld=news_article(content))
        pages[page.filename] = f"{front_matter(meta)}\n{body}"
    return pages


def front_matter(meta: dict) -> str:
    """The page's metadata as a `---` block that MkDocs and Zensical read back exactly.
    Were a parser to refuse a character in it, it would read the block as Markdown, and
    the metadata as live page text."""
    return f"---\n{yaml_json(meta, sort_keys=True)}\n---\n"
