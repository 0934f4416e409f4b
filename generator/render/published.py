"""What the pages a briefing's own templates helped make may publish, read as a reader's
browser gets them: the last check of `render.render_pages`, so that `make check` passing
means both engines build them, and nothing on them runs, loads from another host or
submits. The generator's own templates are tested; a briefing's are content."""

from __future__ import annotations

import posixpath
import re
import time
from dataclasses import dataclass
from pathlib import Path

from generator.content.briefing import EMBED_PREFIX, Content
from generator.core.characters import shown
from generator.core.editor import say, say_number
from generator.core.errors import Problem
from generator.core.inline import plain_text
from generator.render import sandbox

MAX_OWN_PAGE_BYTES = 1_000_000  # a page of a briefing with templates of its own: far more than any reader scrolls
MAX_OWN_PAGE_BLOCKS = 2_000  # headings, blocks of code: each costs the engines time that grows faster than their number
MAX_OWN_PAGE_NESTING = 100  # lists in lists, quotes in quotes, brackets in brackets: a page nests a few; the engines recurse on each
OWN_READ_SECONDS = 30.0  # reading all of them together, each within `sandbox.RENDER_SECONDS`: the generator's take milliseconds


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
    sources = {path: loader.sources.get(path, "") for path in sorted(set(own_files.values()))}
    pages = {page.filename: page for page in content.pages} | {EMBED_PREFIX + page.filename: page for page in content.pages}
    own_pages = [filename for filename, names in made_with.items() if names & set(own_files)]
    read: dict[str, PageMarkup | None] = {}
    problems: list[Problem] = []
    deadline = time.monotonic() + OWN_READ_SECONDS

    def blame(filename: str, needle: str) -> tuple[Path, int]:
        """The own template whose text holds `needle`; else one the page was made with."""
        for path, source in sources.items():
            if len(needle) >= 4 and needle.lower() in source.lower():  # a shorter one would be found anywhere
                return path, _line_of(source, needle)
        used = sorted(own_files[name] for name in made_with.get(filename, ()) if name in own_files)
        return (used[0] if used else next(iter(sources))), 1

    def problem(filename: str, needle: str, key: str, **values: object) -> None:
        """The problem the catalogue's `key` says of the page, which it names as `{page}`."""
        page = pages.get(filename)
        where = say("template_the_page", page=plain_text(page.title), file=filename) if page else say("template_the_page_file", file=filename)
        path, line = blame(filename, needle)
        problems.append(Problem(path, line, 1, "", say(key, page=where, **values)))

    def reading(filename: str) -> PageMarkup | None:
        if filename not in read:
            seconds = min(sandbox.RENDER_SECONDS, deadline - time.monotonic())
            if seconds <= 0:
                problem(filename, "", "template_page_read_too_long", seconds=f"{OWN_READ_SECONDS:g}")
                read[filename] = None
                return None
            if nesting(files[filename]) > MAX_OWN_PAGE_NESTING:  # said at once, where reading would take long or recurse too deep
                problem(filename, "", "template_page_not_markdown", why=say("template_nests_too_deeply"))
                read[filename] = None
                return None
            try:
                with sandbox.bounded(seconds=seconds):
                    read[filename] = PageMarkup.of(files[filename])
            except Exception as error:  # deep nesting, a page too slow to read: the engines would fare no better
                why = say("template_nests_too_deeply") if isinstance(error, RecursionError) else sandbox.reason(error)
                problem(filename, "", "template_page_not_markdown", why=why)
                read[filename] = None
        return read[filename]

    for filename in own_pages:
        if len(files[filename]) > MAX_OWN_PAGE_BYTES:
            problem(filename, "", "template_page_too_big", size=say_number(len(files[filename]) / 1e6, decimals=1), limit=f"{MAX_OWN_PAGE_BYTES / 1e6:.0f}")
            read[filename] = None
            continue
        for needle, what in unreadable_alike(files[filename]):
            problem(filename, needle, "template_page_would_publish", what=what)
        markup = reading(filename)
        if markup is None:
            continue
        for what, count in (("template_headings", markup.headings), ("template_code_blocks", markup.code_blocks)):
            if count > MAX_OWN_PAGE_BLOCKS:
                problem(filename, "", "template_page_too_many", count=say_number(count), what=say(what), limit=say_number(MAX_OWN_PAGE_BLOCKS))
        for needle, what in markup.refused:
            problem(filename, needle, "template_page_would_publish", what=what)
        for needle, target, anchor in markup.links:
            if target.endswith("/") or (target and "." not in posixpath.basename(target)):
                problem(filename, needle, "template_page_links_to_address", link=shown(needle))
                continue
            found = _link_target(filename, target, files)
            if found is None:
                problem(filename, needle, "template_page_links_to_nothing", link=shown(needle), pages=", ".join(page.filename for page in content.pages))
            elif anchor and found.endswith(".md") and (target_markup := reading(found)) is not None and anchor not in target_markup.ids:
                problem(filename, f"#{anchor}", "template_page_links_to_no_anchor", anchor=anchor, file=found)
    for filename in own_pages:  # the anchors the generator's other pages link to must stay
        markup = read.get(filename)
        if markup is None:
            continue
        for source, text in files.items():
            if source.endswith(".md") and source not in own_pages:
                for anchor in sorted(_anchors_linked(text, source, filename) - markup.ids):
                    problem(filename, f"#{anchor}", "template_page_lacks_anchor", anchor=anchor, source=source)
    return sorted(set(problems))


_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}[ \t].*$|^.+\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def unreadable_alike(markdown_text: str) -> list[tuple[str, str]]:
    """What the engines read otherwise than the browser, or than this check does, so that
    markup passing here could be live on the site: the table of contents is made from a
    heading's text by each engine's own clean-up (Python-Markdown's drops comments,
    Zensical's drops `id=…`, which can free an attribute), a heading's `data-toc-label`
    goes into it raw, and a CDATA section is a comment to the browser but not to MkDocs."""
    found = []
    if "data-toc-label" in markdown_text.lower():
        found.append(("data-toc-label", say("template_data_toc_label")))
    if "<![cdata[" in markdown_text.lower():
        found.append(("<![CDATA[", say("template_cdata")))
    for heading in _HEADING_LINE.finditer(markdown_text):
        text = heading.group().lower()
        for needle in ("<!--", "-->", "id="):
            if needle in text:  # found at its heading's line: `id=` alone is too short to find
                found.append((heading.group().strip()[:60], say("template_in_heading", markup=needle)))
    return found


_LEADING_MARKERS = re.compile(r"^(?:[ \t]*(?:[-+*>]|\d{1,9}[.)])(?=[ \t]|$))+", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]()]")


def nesting(markdown_text: str) -> int:
    """How deep a page nests, at most: list or quote markers at the start of one line, open
    brackets, or HTML elements; found in one pass, before a parser recurses into them."""
    deepest_line = max((len(re.findall(r"[-+*>]|\d+[.)]", match.group())) for match in _LEADING_MARKERS.finditer(markdown_text)), default=0)
    depth = deepest = 0
    for bracket in _BRACKETS.findall(markdown_text):
        depth = depth + 1 if bracket in "[(" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    elements = deepest_elements = 0  # HTML elements in elements: the engines' parsers take time that grows faster than their depth
    for closing, tag, self_closing in _TAG.findall(markdown_text):
        if tag.lower() in _VOID or self_closing:
            continue
        elements = max(elements - 1, 0) if closing else elements + 1
        deepest_elements = max(deepest_elements, elements)
    return max(deepest_line, deepest, deepest_elements)


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
# The generator's custom properties, plain values; and a table column's alignment, as Markdown's tables write it.
_SAFE_STYLE = re.compile(r"^(\s*(--[a-z0-9-]+\s*:\s*[-a-z0-9.#%\s]*|text-align\s*:\s*(left|center|right)\s*);?)*\s*$", re.IGNORECASE)
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
        # Only a briefing with templates of its own reads its pages: the others never load these.
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
                refused.append((f"<{tag}", say("template_element", tag=tag)))
            for name, value in node.attributes.items():
                value = value or ""
                if name == "class" and _THEME_CLASSES & set(value.split()):
                    refused.append((value[:40], say("template_theme_class", value=shown(value[:40]))))
                if name == "id":
                    ids.add(value)
                    if value.startswith("__"):  # the theme's own (`__config`, `__search`): a page's would be read in their place
                        refused.append((value[:40], say("template_theme_id", value=shown(value[:40]))))
                    elif not _PLAIN_ID.match(value):
                        refused.append((value[:40], say("template_id_not_a_name", value=shown(value[:40]))))
                if name not in _ALLOWED_ATTRIBUTES and not name.startswith(("aria-", "data-")) or name.startswith("data-md"):
                    refused.append((name, say("template_script_attribute" if name.startswith("on") else "template_attribute", name=name)))
                elif name == "style" and not _SAFE_STYLE.match(value):
                    refused.append(("style", say("template_own_style")))
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
                key = "template_link_not_web" if name == "href" else "template_loads_from_elsewhere"
                refused.append((scheme[0], say(key, name=name, url=shown(written[:60]))))
            return
        if url.startswith("/"):  # another host (`//x`, `/\\x`), or a path from the server's root, which the site cannot know
            refused.append((written[:40], say("template_leaves_the_site", name=name, url=shown(written[:60]))))
            return
        path, _, anchor = url.partition("#")
        links.append((written, path.split("?")[0], anchor))


MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
"""mkdocs.yml's `markdown_extensions`, with which a briefing's own pages are read at check."""
