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
import posixpath
import re
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import sandbox
from .briefing_data import briefing_json
from .characters import shown
from .content import BRIEFING_DATA, EMBED_PREFIX, Content, Links, Page
from .embed import code_block, embed_meta, iframe
from .encode import yaml_json
from .errors import ContentError, Problem, did_you_mean
from .feed import atom_feed
from .inline import escape_text, head_text, plain_text, render_inline
from .messages import Messages
from .metadata import news_article
from .present import NOT_STATED, Citations, Presenter
from .sandbox import SafeEnvironment
from .sections import KINDS, Context
from .tables import csv_text

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
            "when": present.when,
            "quantity": present.quantity,
        }
    )
    # Compiled templates are kept between runs (in the user's temporary folder, keyed by
    # each template's checksum and Jinja's version): compiling them is most of a small
    # briefing's render time. Sandboxed code is kept under a name of its own.
    cache = jinja2.FileSystemBytecodeCache(pattern=f"__briefing-jinja2-sandboxed-{jinja2.__version__}-%s.cache")
    return sandbox.environment(templates_dir, _finalize, filters, bytecode_cache=cache, kind_templates=KIND_TEMPLATES)


KIND_TEMPLATES = tuple(kind.templates for kind in KINDS.values() if kind.templates)
"""The template folders of the kinds installed packages bring, searched after a briefing's own."""
KIND_STYLES = "assets/kinds"  # where a kind's stylesheet is published: `assets/kinds/results.css`


def context_for(content: Content, site_url: str | None = None) -> Context:
    """`site_url`: the published address, checked (`settings.published_address`), if any."""
    messages = Messages(content.briefing.language)
    present = Presenter(content.briefing.language, content.briefing.units, messages)
    links = Links(content, site_url)
    sources_page = content.page("sources")
    anchor = sources_page.kind.anchor if sources_page and sources_page.kind.anchor else (lambda source: source.id)
    citations = Citations(content.sources, links.page("sources"), messages, anchor=anchor)
    return Context(content=content, present=present, messages=messages, links=links, citations=citations)


def render_pages(content: Content, templates_dir: Path | None = None, site_url: str | None = None) -> dict[str, str]:
    """Every file of the briefing's docs: pages (Markdown, front matter first), charts (SVG),
    the feed, the data behind the tables (CSV), embed pages and the briefing as JSON.
    `site_url` is the published address, checked, if the site has one."""
    context = context_for(content, site_url)
    messages, present, citations, links = context.messages, context.present, context.citations, context.links
    environment = _environment(citations, present, templates_dir)
    # Embed pages are shown inside other sites' frames: their source markers open a tab of their own.
    embed_citations = Citations(content.sources, links.page("sources"), messages, new_tab=True, anchor=citations.anchor_of)
    embedding = _environment(embed_citations, present, templates_dir) if any(page.kind.embed for page in content.pages) else None
    if environment.loader.folder is not None:  # a briefing's own templates: every page within one time, too
        environment.deadline = time.monotonic() + OWN_RENDER_SECONDS
        if embedding is not None:
            embedding.deadline = environment.deadline
    common = {
        "t": messages,
        "briefing": content.briefing,
        "links": links,
        "not_stated": NOT_STATED,
        "sides": {side.id: side for side in content.briefing.sides},
        "briefing_data": Markup(BRIEFING_DATA),
    }
    files: dict[str, str] = {"feed.xml": atom_feed(content, present, messages)}
    tables, embeds = {}, {}
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
    problems = own_template_problems(files, content, environment.loader, made_with)
    if problems:
        raise ContentError(problems)
    return files


MAX_OWN_PAGE_BYTES = 1_000_000  # a page of a briefing with templates of its own: far more than any reader scrolls
MAX_OWN_PAGE_BLOCKS = 2_000  # headings, blocks of code: each costs the engines time that grows faster than their number


def own_template_problems(files: dict[str, str], content: Content, loader: sandbox.BriefingLoader, made_with: dict[str, set[str]]) -> list[Problem]:
    """The pages a briefing's own templates helped make (`made_with`), read as a reader's
    browser gets them (`PageMarkup`): of a size the engines build in time, with no markup
    that runs, loads from another host or submits, and with every link leading to a file
    and an anchor the site has, as the strict build of either engine requires; and the
    anchors other pages link to still there. Each problem is named at the template that
    wrote it, as far as can be told."""
    own_files = {name: path for name in set().union(*made_with.values()) if (path := loader.own(name)) is not None} if made_with else {}
    if not own_files:
        return []
    sources = {path: _source_of(path) for path in sorted(set(own_files.values()))}
    pages = {page.filename: page for page in content.pages} | {EMBED_PREFIX + page.filename: page for page in content.pages}
    own_pages = [filename for filename, names in made_with.items() if names & set(own_files)]
    read: dict[str, PageMarkup | None] = {}
    problems: list[Problem] = []

    def blame(filename: str, needle: str) -> tuple[Path, int]:
        """The own template whose text holds `needle`; else one the page was made with."""
        for path, source in sources.items():
            if len(needle) >= 4 and needle.lower() in source.lower():  # a shorter one would be found anywhere
                return path, _line_of(source, needle)
        used = sorted(own_files[name] for name in made_with.get(filename, ()) if name in own_files)
        return (used[0] if used else next(iter(sources))), 1

    def problem(filename: str, needle: str, why: str) -> None:
        page = pages.get(filename)
        where = f"the page '{plain_text(page.title)}' ({filename})" if page else f"the page {filename}"
        path, line = blame(filename, needle)
        problems.append(Problem(path, line, 1, "", f"{where} {why}"))

    def reading(filename: str) -> PageMarkup | None:
        if filename not in read:
            try:
                with sandbox.bounded():
                    read[filename] = PageMarkup.of(files[filename])
            except Exception as error:  # deep nesting, a page too slow to read: the engines would fare no better
                why = "it nests lists, quotes or brackets too deeply" if isinstance(error, RecursionError) else _reason(error)
                problem(filename, "", f"cannot be read as Markdown ({why}); a template lays out text, links and the generator's own markup")
                read[filename] = None
        return read[filename]

    for filename in own_pages:
        if len(files[filename]) > MAX_OWN_PAGE_BYTES:
            problem(
                filename,
                "",
                f"is {len(files[filename]) / 1e6:.1f} MB, more than a page can be ({MAX_OWN_PAGE_BYTES / 1e6:.0f} MB); "
                "a template lays out the entries, once each",
            )
            read[filename] = None
            continue
        markup = reading(filename)
        if markup is None:
            continue
        for what, count in (("headings", markup.headings), ("blocks of code", markup.code_blocks)):
            if count > MAX_OWN_PAGE_BLOCKS:
                problem(filename, "", f"has {count:,} {what}, more than a page can have ({MAX_OWN_PAGE_BLOCKS:,}); the engines would take minutes")
        for needle, why in markup.refused:
            problem(filename, needle, f"would publish {why}; a briefing's template lays out text, links and the generator's own markup")
        for needle, target, anchor in markup.links:
            if target.endswith("/") or (target and "." not in posixpath.basename(target)):
                problem(
                    filename,
                    needle,
                    f"links to '{shown(needle)}', a page's address, which the strict build refuses; link to "
                    "its file (`timeline.md`), and the site makes it the address",
                )
                continue
            found = _link_target(filename, target, files)
            if found is None:
                problem(
                    filename,
                    needle,
                    f"links to '{shown(needle)}', which the site does not have; link to one of its pages: {', '.join(page.filename for page in content.pages)}",
                )
            elif anchor and found.endswith(".md") and (target_markup := reading(found)) is not None and anchor not in target_markup.ids:
                problem(filename, f"#{anchor}", f"links to the anchor '{anchor}' of {found}, which it does not have")
    for filename in own_pages:  # the anchors the generator's other pages link to must stay
        markup = read.get(filename)
        if markup is None:
            continue
        for source, text in files.items():
            if source.endswith(".md") and source not in own_pages:
                for anchor in sorted(_anchors_linked(text, source, filename) - markup.ids):
                    problem(
                        filename,
                        f"#{anchor}",
                        f"has no anchor '{anchor}', which {source} links to; keep `{{ #{anchor} }}` "
                        "as the generator's own template writes it (generator/templates/)",
                    )
    return sorted(set(problems))


def _anchors_linked(text: str, source: str, target: str) -> set[str]:
    """The anchors of `target` that the generator's page `source` links to (`players.md#player-mayor`)."""
    return {
        match["anchor"]
        for match in re.finditer(r'(?:\]\(|href=")(?P<page>[A-Za-z0-9_./-]+\.md)?#(?P<anchor>[\w-]+)', text)
        if (match["page"] or source) == target
    }


def _link_target(page: str, target: str, files: dict[str, str]) -> str | None:
    """The generated file a relative link of `page` leads to (a page, a CSV file, …); None where none."""
    if target == "":
        return page
    name = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    if posixpath.join(posixpath.dirname(page), target).lstrip("./") != name and ("/." in target or "//" in target):
        return None  # `sources.md/.`: one engine reads it as the page, the other as no page
    return name if name in files and not name.startswith("..") else None


def _source_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _line_of(source: str, needle: str) -> int:
    """The template's line where `needle` first appears, else its first."""
    at = source.lower().find(needle.lower()) if needle else -1
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


# What a page may hold, read as a browser reads it: the elements and attributes the
# generator's own templates and Markdown make, and other inert ones. Anything else (a
# script, a frame, a form, a style element, an event handler) is refused, however it came
# about: a template's own HTML, an attribute list `{ onclick=… }`, a comment a browser
# closes where another parser does not.
_ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "button",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "aside",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
_ALLOWED_ATTRIBUTES = frozenset(
    {
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "role",
        "hidden",
        "tabindex",
        "open",
        "colspan",
        "rowspan",
        "scope",
        "headers",
        "span",
        "start",
        "reversed",
        "value",
        "datetime",
        "alt",
        "width",
        "height",
        "loading",
        "decoding",
        "type",
        "download",
        "target",
        "href",
        "src",
        "srcset",
        "popover",
        "popovertarget",
        "popovertargetaction",
        "cite",
        "style",
    }
)
_SAFE_STYLE = re.compile(r"^(\s*--[a-z0-9-]+\s*:\s*[-a-z0-9.#%\s]*;?)*\s*$", re.IGNORECASE)  # the generator's custom properties, plain values
_THEME_CLASSES = frozenset({"mermaid", "pyodide", "glightbox"})  # the engines' scripts load code for these from another site
_PLAIN_ID = re.compile(r"^[\w.:-]+$")  # an anchor the engines' checks read alike
_WEB = ("http", "https", "mailto")


def _browser_url(value: str) -> str:
    """A URL as a browser's URL parser reads it: outer spaces and control characters
    stripped, tabs and line breaks removed anywhere, backslashes read as slashes."""
    return re.sub(
        r"[\t\n\r]",
        "",
        value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "),
    ).replace("\\", "/")


@dataclass
class PageMarkup:
    """A generated page as a browser would get it: what it holds that is refused, its
    relative links (as written, path, anchor), its ids, and its numbers of headings and
    blocks of code."""

    refused: list[tuple[str, str]]
    links: list[tuple[str, str, str]]
    ids: set[str]
    headings: int
    code_blocks: int

    @classmethod
    def of(cls, markdown_text: str) -> PageMarkup:
        import markdown as python_markdown
        from selectolax.lexbor import LexborHTMLParser

        body = markdown_text.split("\n---\n", 1)[-1] if markdown_text.startswith("---\n") else markdown_text
        refused: list[tuple[str, str]] = []
        links: list[tuple[str, str, str]] = []
        ids: set[str] = set()
        headings = code_blocks = 0
        # Read as each engine reads it: MkDocs with Python-Markdown's fenced code, Zensical
        # with PyMdown's SuperFences. What either would publish counts.
        for dialect in ("fenced_code", "pymdownx.superfences"):
            html = python_markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, dialect]).convert(body)
            document = LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>")
            counted = cls._read(document.root, refused, links, ids if dialect == "fenced_code" else set())
            headings, code_blocks = max(headings, counted[0]), max(code_blocks, counted[1])
        return cls(list(dict.fromkeys(refused)), list(dict.fromkeys(links)), ids, headings, code_blocks)

    @classmethod
    def _read(cls, root, refused: list, links: list, ids: set) -> tuple[int, int]:
        """Every element of the whole document: a `<script>` a parser moves to the head too."""
        headings = code_blocks = 0
        for node in root.traverse(include_text=False):
            tag = node.tag
            if tag.startswith("-") or tag in ("html", "head", "body"):  # a comment: inert once parsed as a browser parses it
                continue
            headings += tag in ("h1", "h2", "h3", "h4", "h5", "h6")
            code_blocks += tag == "pre"
            if tag not in _ALLOWED_TAGS:
                refused.append((f"<{tag}", f"a <{tag}> element"))
            for name, value in node.attributes.items():
                value = value or ""
                if name == "class" and _THEME_CLASSES & set(value.split()):
                    refused.append((value[:40], f"a class the theme's scripts act on ({shown(value[:40])}), which loads code from another site"))
                if name == "id":
                    ids.add(value)
                    if value.startswith("__"):  # the theme's own (`__config`, `__search`): a page's would be read in their place
                        refused.append((value[:40], f"an id of the theme's own ({shown(value[:40])})"))
                    elif not _PLAIN_ID.match(value):
                        refused.append((value[:40], f"an id that is not a name ({shown(value[:40])}); write letters, digits, - and _"))
                if name not in _ALLOWED_ATTRIBUTES and not name.startswith(("aria-", "data-")) or name.startswith("data-md"):
                    refused.append((name, f"an `{name}` attribute" + (", which runs script" if name.startswith("on") else "")))
                elif name == "style" and not _SAFE_STYLE.match(value):
                    refused.append(("style", "a style of its own (a briefing's page may set the generator's custom properties only)"))
                elif name in ("href", "src", "srcset", "cite"):
                    for url in [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]:
                        cls._url(name, url, refused, links)
        return headings, code_blocks

    @staticmethod
    def _url(name: str, written: str, refused: list, links: list) -> None:
        url = _browser_url(written)
        scheme = re.match(r"^([a-z][a-z0-9+.-]*):", url, re.IGNORECASE)
        if scheme:
            if name != "href" or scheme[1].lower() not in _WEB:
                kind = "of another kind than a web address" if name == "href" else "that loads from another site"
                refused.append((scheme[0], f"a `{name}` {kind} ({shown(written[:60])})"))
            return
        if url.startswith("/"):  # another host (`//x`, `/\\x`), or a path from the server's root, which the site cannot know
            refused.append((written[:40], f"a `{name}` that leaves the site ({shown(written[:60])})"))
            return
        path, _, anchor = url.partition("#")
        links.append((written, path.split("?")[0], anchor))


MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
"""mkdocs.yml's `markdown_extensions`, with which a briefing's own pages are read at check."""


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
    try:
        if seconds <= 0:
            raise sandbox.TemplateRefused(
                f"rendering the briefing's pages took longer than {OWN_RENDER_SECONDS:g} s in all; a template lays out a page, it does not compute"
            )
        with sandbox.bounded(seconds=seconds):
            return environment.get_template(name).render(values)
    except Exception as error:  # a briefing's template may raise anything: each is its problem, never a traceback
        raise ContentError([template_problem(error, name, environment.loader, f"{plain_text(page.title)}' ({filename})")]) from None
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


def template_problem(error: Exception, name: str, loader: sandbox.BriefingLoader, page: str | None = None) -> Problem:
    """A template that cannot be rendered, located as a content problem at the innermost
    template line the error passed through; `page` names the page being rendered."""
    path, line = getattr(error, "path", None), getattr(error, "lineno", None)
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        path = Path(error.filename)
    if path is None:
        frames = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
        if frames:  # where it was raised; for a template that calls itself, the line that does, again and again
            filename, line = Counter(frames).most_common(1)[0][0] if isinstance(error, RecursionError) else frames[-1]
            path = Path(filename)
    path = path or loader.own(name) or TEMPLATES / name
    reason = _reason(error)
    where = f" for the page '{page}" if page else ""
    return Problem(
        path,
        line or 1,
        getattr(error, "column", 1),
        "",
        f"the template cannot be rendered{where}: {reason}; a template may use the values and filters the docs list (How-to: Override a template)",
    )


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "it includes or calls itself without end"
    if isinstance(error, jinja2.TemplateNotFound):
        return f"there is no template '{error.name}'"
    message = (getattr(error, "message", None) or str(error)).rstrip(".")
    return message if isinstance(error, jinja2.TemplateError) else f"{type(error).__name__}: {message}"


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
    file is, and be a template the sandbox compiles. Rendering them comes after the
    content checks out (`check_templates`)."""
    if os.path.islink(templates_dir) or (templates_dir.exists() and not templates_dir.is_dir()):
        return [Problem(templates_dir, 1, 1, "", "templates/ must be a folder inside the content folder, not a link or a file")]
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
                Problem(path, 1, 1, "", f"'{shown(path.name)}' replaces no template{did_you_mean(path.name, names)}; the templates are {', '.join(names)}")
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
    if page.kind.search_boost:
        meta["search"] = {"boost": page.kind.search_boost}
    if page is content.home:  # the home page speaks for the whole briefing
        meta.update(description=head_text(content.briefing.standfirst), json_ld=news_article(content))
    return meta


def cited_sources(content: Content, citations: Citations) -> list[dict]:
    """The sources the page cites, for the theme's list under it: each with its address on
    the Sources page, from the site's root (the theme makes it relative to the page)."""
    sources = content.page("sources")
    page = Links.url(sources.filename) if sources else ""
    return [{**source, "address": f"{page}#{source['anchor']}"} for source in citations.listing()]


def front_matter(meta: dict) -> str:
    """The page's metadata as a `---` block that MkDocs and Zensical read back exactly.
    Were a parser to refuse a character in it, it would read the block as Markdown, and
    the metadata as live page text."""
    return f"---\n{yaml_json(meta, sort_keys=True)}\n---\n"
