"""Render the validated content into Markdown pages, one per declared section, with
each kind's template (a briefing's own `templates/` folder is searched first).

Each kind's view prepares what its page shows; the templates only lay it out.
Every `{{ value }}` is escaped for Markdown unless it is already safe markup, so
text from YAML can never turn into page syntax. Words come from the message
catalogue of the briefing's language.
"""

from __future__ import annotations

import html
import os
import time
import traceback
from collections import Counter
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.content.briefing import BRIEFING_DATA, Content, Links, Page
from generator.content.models import SOURCES
from generator.core.characters import shown
from generator.core.editor import say, suggestion
from generator.core.encode import yaml_json
from generator.core.errors import ContentError, Problem
from generator.core.inline import escape_text, head_text, plain_text, render_inline
from generator.i18n.messages import Messages
from generator.kinds import Context, figure_cards
from generator.kinds.registry import KINDS
from generator.present.tables import csv_text
from generator.present.values import Citations, Presenter
from generator.render import sandbox
from generator.render.briefing_data import briefing_json
from generator.render.embed import code_block, embed_meta, iframe
from generator.render.feed import atom_feed
from generator.render.metadata import news_article
from generator.render.published import own_template_problems
from generator.render.sandbox import SafeEnvironment
from generator.render.share import HEIGHT as SHARE_HEIGHT
from generator.render.share import WIDTH as SHARE_WIDTH
from generator.render.share import image_name, page_picture

TEMPLATES = sandbox.PACKAGE_TEMPLATES


def _finalize(value: object) -> object:
    """Applied to every `{{ }}` output: safe markup passes, anything else is escaped."""
    if isinstance(value, Markup):
        return value
    return escape_text("" if value is None else str(value))


FILTERS = ("md", "link", "cite", "cite_sentences", "date", "span", "when", "quantity")
"""The generator's own filters, beside the Jinja ones of `sandbox.JINJA_FILTERS`."""


def _environment(citations: Citations | None, present: Presenter | None, templates_dir: Path | None) -> SafeEnvironment:
    """The sandbox every template renders in; without `citations` and `present`, one that
    only compiles (its filters do nothing)."""
    filters = (
        {name: (lambda *values, **options: "") for name in FILTERS}
        if present is None
        else {
            "md": render_inline,
            "link": lambda url: render_inline(f"<{url}>"),  # a web address as a link: only http(s) ones pass the model
            "cite": citations,
            "cite_sentences": lambda points, topic=None: citations.by_sentence([(point.text, point.sources) for point in points], topic),
            "date": present.date,
            "span": present.span,
            "when": None,  # set below: it renders a template
            "quantity": present.quantity,
        }
    )
    # Compiled templates are kept between runs (in the user's temporary folder, keyed by
    # each template's checksum and Jinja's version): compiling them is most of a small
    # briefing's render time. Sandboxed code is kept under a name of its own.
    cache = jinja2.FileSystemBytecodeCache(pattern=f"__briefing-jinja2-sandboxed-{jinja2.__version__}-%s.cache")
    environment = sandbox.environment(templates_dir, _finalize, filters, bytecode_cache=cache, kind_templates=KIND_TEMPLATES)
    if present is not None:
        environment.filters["when"] = lambda when: Markup(environment.get_template(DATE_TEMPLATE).render(present.dated(when)))
    return environment


KIND_TEMPLATES = tuple(kind.templates for kind in KINDS.values() if kind.templates)
"""The template folders of the kinds, the generator's and those installed packages bring, searched after a briefing's own."""
MARKER_TEMPLATE = "source-marker.md.j2"  # a fact's source marker and its popover
DATE_TEMPLATE = "editor-date.md.j2"  # a date, with the editor's note where the editor supplied it
KIND_STYLES = "assets/kinds"  # where a kind's stylesheet is published: `assets/kinds/results.css`


def template_file(name: str) -> Path:
    """The generator's own template of that name: a kind's, else one the kinds share."""
    return next((folder / name for folder in (*KIND_TEMPLATES, TEMPLATES) if (folder / name).is_file()), TEMPLATES / name)


def context_for(content: Content, site_url: str | None = None) -> Context:
    """`site_url`: the published address, checked (`settings.published_address`), if any."""
    messages = Messages(content.briefing.language)
    present = Presenter(content.briefing.language, content.briefing.units, messages)
    links = Links(content, site_url)
    sources_page = content.page(SOURCES)
    anchor = sources_page.kind.anchor if sources_page and sources_page.kind.anchor else (lambda source: source.id)
    citations = Citations(content.sources, links.page(SOURCES), messages, anchor=anchor)
    return Context(content=content, present=present, messages=messages, links=links, citations=citations)


def render_pages(content: Content, templates_dir: Path | None = None, site_url: str | None = None) -> dict[str, str | bytes]:
    """Every file of the briefing's docs: pages (Markdown, front matter first), charts (SVG),
    the feed, the data behind the tables (CSV), embed pages and the briefing as JSON.
    `site_url` is the published address, checked, if the site has one."""
    context = context_for(content, site_url)
    messages, present, citations, links = context.messages, context.present, context.citations, context.links
    environment = _environment(citations, present, templates_dir)
    # Embed pages are shown inside other sites' frames: their source markers open a tab of their own.
    embed_citations = Citations(content.sources, links.page(SOURCES), messages, new_tab=True, anchor=citations.anchor_of)
    embedding = _environment(embed_citations, present, templates_dir) if any(page.kind.embed for page in content.pages) else None
    # The source markers are laid out by a template too, which a briefing may replace like any other.
    citations.render_marker = lambda values: environment.get_template(MARKER_TEMPLATE).render(values)
    if embedding is not None:
        embed_citations.render_marker = lambda values: embedding.get_template(MARKER_TEMPLATE).render(values)
    if environment.loader.folder is not None:  # a briefing's own templates: every page within one time, too
        environment.deadline = time.monotonic() + OWN_RENDER_SECONDS
        if embedding is not None:
            embedding.deadline = environment.deadline
    common = {
        "t": messages,
        "briefing": content.briefing,
        "links": links,
        "sides": {side.id: side for side in content.briefing.sides},
        "briefing_data": Markup(BRIEFING_DATA),
    }
    files: dict[str, str | bytes] = {"feed.xml": atom_feed(content, present, messages)}  # bytes: the share pictures
    tables, embeds = {}, {}
    front = next(iter(figure_cards(context)), None)  # the figure the share pictures lead with, unless a page has its own
    made_with: dict[str, set[str]] = {}  # each page's templates, by the page's file
    for page in content.pages:
        view = page.kind.view(page, context)
        chart = view.get("chart")
        if chart:
            files.update({chart.files[variant]: svg for variant, svg in chart.svg.items()})
        tables[page.slug] = page.kind.tables(page, context) if page.kind.tables else []
        files.update({links.data(page, table.name): csv_text(table) for table in tables[page.slug]})
        embed_file = links.embed(page)
        embed_view = page.kind.embed.view(page, view) if page.kind.embed else None
        embed_code = None
        if embed_view is not None:
            embeds[page.slug] = embed_file
            embed_code = code_block(iframe(links.address(embed_file, page.filename), plain_text(embed_view["title"]), page.kind.embed.height))
        data = data_files(page, tables[page.slug], links)
        citations.reset(page.filename)
        body = _render(
            environment, page.kind.template, {**common, **view, "page": page, "embed_code": embed_code, "data": data}, page, page.filename, made_with
        )
        meta = page_meta(page, content, messages, citations)
        picture = page_picture(page, context, front)
        if picture is not None:  # what a link preview shows: the headline and the lead figure
            files[image_name(page.slug)] = picture
            meta["share_image"] = {"path": image_name(page.slug), "width": SHARE_WIDTH, "height": SHARE_HEIGHT, "alt": head_text(content.briefing.title)}
        files[page.filename] = front_matter(meta) + "\n" + body
        if embed_view is not None:
            embed_citations.reset()
            body = _render(
                embedding,
                page.kind.embed.template,
                {
                    **common,
                    "page": page,
                    "data": data,
                    "embed_code": None,
                    "credits": credits(page, context),
                    "briefing_name": plain_text(content.briefing.title),
                    **embed_view,
                },
                page,
                embed_file,
                made_with,
            )
            files[embed_file] = front_matter(embed_meta(head_text(embed_view["title"]), meta["description"])) + "\n" + body
    files[BRIEFING_DATA] = briefing_json(content, context, tables, embeds)
    files.update({stylesheet: text for stylesheet, text in kind_stylesheets(content).items()})
    if embedding is not None:  # the embed pages' own templates are traced back like the pages'
        environment.loader.sources.update(embedding.loader.sources)
    problems = own_template_problems(files, content, environment.loader, made_with)
    if problems:
        raise ContentError(problems)
    return files


OWN_RENDER_SECONDS = 30.0  # all pages of a briefing with templates of its own, together


def _render(environment: SafeEnvironment, name: str, values: dict, page: Page, filename: str, made_with: dict[str, set[str]]) -> str:
    """One page rendered in the sandbox, within its time and memory bounds (and, where the
    briefing has templates of its own, within what is left of their time together); any
    error a template raises is a content problem at the template's file and line.
    `made_with` keeps which templates each page was made with."""
    environment.used = set()
    seconds = sandbox.RENDER_SECONDS
    if environment.deadline is not None:
        seconds = min(seconds, environment.deadline - time.monotonic())
    if seconds <= 0:  # the briefing's own templates used the time up: theirs is the problem, wherever it is reached
        own = sorted({path for names in made_with.values() for name in names if (path := environment.loader.own(name)) is not None}) or sorted(
            path for path in Path(environment.loader.folder).glob("*.j2") if environment.loader.own(path.name) is not None
        )
        raise ContentError(
            [
                Problem(
                    own[0] if own else environment.loader.folder,
                    1,
                    1,
                    "",
                    say("template_pages_took_too_long", seconds=f"{OWN_RENDER_SECONDS:g}", page=plain_text(page.title), file=filename),
                )
            ]
        )
    try:
        with sandbox.bounded(seconds=seconds):
            return environment.get_template(name).render(values)
    except Exception as error:  # a briefing's template may raise anything: each is its problem, never a traceback
        raise ContentError([template_problem(error, name, environment.loader, page, filename)]) from None
    finally:
        made_with[filename] = environment.used


def data_files(page: Page, tables: list, links: Links) -> dict[str, dict]:
    """A page's CSV files, by table name, for its "Get the data" links: where each is, and
    the name it downloads as (built from ids: safe in the page as they are)."""
    paths = {table.name: links.data(page, table.name) for table in tables}
    return {name: {"href": Markup(path), "filename": Markup(path.rsplit("/", 1)[-1])} for name, path in paths.items()}


def credits(page: Page, context: Context) -> tuple:
    """The sources behind what an embed page shows (its kind's main facts), in number order,
    each with its entry on the Sources page."""
    rows = page.kind.coverage(page, context) if page.kind.coverage else []
    return context.citations.credits(source_id for row in rows for source_id in row.sources)


def template_problem(error: Exception, name: str, loader: sandbox.BriefingLoader, page: Page | None = None, page_file: str = "") -> Problem:
    """A template that cannot be rendered, located as a content problem at the innermost
    template line the error passed through; `page` is the page being rendered, into `page_file`."""
    path, line = getattr(error, "path", None), getattr(error, "lineno", None)
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        path = Path(error.filename)
    if path is None:
        frames = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
        if frames:  # where it was raised; for a template that calls itself, the line that does, again and again
            filename, line = Counter(frames).most_common(1)[0][0] if isinstance(error, RecursionError) else frames[-1]
            path = Path(filename)
    path = path or loader.own(name) or template_file(name)
    reason = sandbox.reason(error)
    message = (
        say("template_cannot_render_page", page=plain_text(page.title), file=page_file, reason=reason)
        if page is not None
        else say("template_cannot_render", reason=reason)
    )
    return Problem(path, line or 1, getattr(error, "column", 1), "", message)


def kind_stylesheets(content: Content) -> dict[str, str]:
    """The stylesheets of the kinds the briefing declares, by where they are published."""
    kinds = {page.kind.name: page.kind for page in content.pages if page.kind.stylesheet}
    return {f"{KIND_STYLES}/{name}.css": kind.stylesheet.read_text(encoding="utf-8") for name, kind in sorted(kinds.items())}


def template_names() -> list[str]:
    """The names a briefing's own template may take: those of the kinds' templates."""
    return sorted(
        {kind.template for kind in KINDS.values()}
        | {kind.embed.template for kind in KINDS.values() if kind.embed}
        | {path.name for folder in (TEMPLATES, *KIND_TEMPLATES) for path in folder.glob("*.j2")}
    )


def template_problems(templates_dir: Path) -> list[Problem]:
    """A briefing's own templates, checked before anything is built: each must replace one
    of the generator's templates (else its name is misspelt), be readable as a content
    file is, and be a template the sandbox compiles. Rendering them comes once the
    content checks out (`pipeline.checked_content`)."""
    if os.path.islink(templates_dir) or (templates_dir.exists() and not templates_dir.is_dir()):
        return [Problem(templates_dir, 1, 1, "", say("template_folder_not_a_folder"))]
    if not templates_dir.is_dir():
        return []
    names = template_names()
    environment = _environment(None, None, templates_dir)
    problems = []
    for path in sorted(templates_dir.iterdir()):
        if path.name.startswith("."):  # an editor's own (`.people.md.j2.swp`), as for content files
            continue
        if path.name not in names:
            problems.append(
                Problem(
                    path, 1, 1, "", say("template_replaces_none", name=shown(path.name), suggestion=suggestion(path.name, names), templates=", ".join(names))
                )
            )
            continue
        try:
            with sandbox.bounded():
                environment.get_template(path.name)
        except Exception as error:
            problems.append(template_problem(error, path.name, environment.loader))
    return problems


def page_meta(page: Page, content: Content, messages: Messages, citations: Citations) -> dict:
    """What MkDocs and the theme overrides read from the page's front matter."""
    summary = messages.format(f"summary_{page.kind.name}", title=plain_text(page.title))
    description = messages.format("description", page=plain_text(page.title), summary=summary, briefing=plain_text(content.briefing.title))
    # The theme prints the title as it is (header, <title>, share cards): escaped here, as the nav's is.
    meta = {"title": head_text(page.title), "description": html.escape(description), "cited_sources": cited_sources(content, citations)}
    # One reading column, as a news page has: the sections are in the header's tabs, and
    # each page ends with a link to the next (overrides/main.html), not a documentation's sidebars.
    meta["hide"] = ["navigation", "toc"]
    if citations.sole_source:  # its one article is named once, under the page, with no marker after every fact
        meta["sole_source"] = True
    if page.kind.search_boost:
        meta["search"] = {"boost": page.kind.search_boost}
    if page is content.home:  # the home page speaks for the whole briefing
        meta.update(description=head_text(content.briefing.standfirst), json_ld=news_article(content))
    return meta


def cited_sources(content: Content, citations: Citations) -> list[dict]:
    """The sources the page cites, for the theme's list under it: each with its address on
    the Sources page, from the site's root (the theme makes it relative to the page)."""
    sources = content.page(SOURCES)
    page = Links.url(sources.filename) if sources else ""
    return [{**source, "address": f"{page}#{source['anchor']}"} for source in citations.listing()]


def front_matter(meta: dict) -> str:
    """The page's metadata as a `---` block that MkDocs and Zensical read back exactly.
    Were a parser to refuse a character in it, it would read the block as Markdown, and
    the metadata as live page text."""
    return f"---\n{yaml_json(meta, sort_keys=True)}\n---\n"
