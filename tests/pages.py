"""A built page read as a reader sees it: its elements, and the text each field of a
briefing shows where the templates put it.

`TEXT_FIELDS` names every kind of text field once: where it is in the YAML and where
its text stands on the built site. Tests fill the fields with awkward text and check
that the page shows exactly that text, and nothing more.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from conftest import TINY_CONTENT, settings_for
from generator.check.briefing import load_content
from generator.pipeline import build

# --- a small HTML tree --------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def elements(self):
        """Every element inside this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.elements()

    def find_all(self, tag: str | None = None, *, id: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            element
            for element in self.elements()
            if (tag is None or element.tag == tag) and (id is None or element.attrs.get("id") == id) and (cls is None or cls in element.classes)
        ]

    def find(self, tag: str | None = None, *, id: str | None = None, cls: str | None = None) -> Element:
        found = self.find_all(tag, id=id, cls=cls)
        assert found, f"no <{tag or '*'} id={id} class={cls}> on the page"
        return found[0]

    def next_sibling(self, tag: str) -> Element:
        """The next element after this one, at the same level, with this tag."""
        siblings = [child for child in self.parent.children if isinstance(child, Element)]
        for sibling in siblings[siblings.index(self) + 1 :]:
            if sibling.tag == tag:
                return sibling
        raise AssertionError(f"no <{tag}> after <{self.tag} id={self.attrs.get('id')}>")

    def text(self, *, skip: Callable[[Element], bool] = lambda element: False) -> str:
        """The characters a reader sees, entities decoded; elements that `skip` accepts are left out."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                parts.append(child.text(skip=skip))
        return "".join(parts)

    def tag_counts(self, *, skip: Callable[[Element], bool] = lambda element: False) -> Counter:
        """How many of each element this one holds; elements that `skip` accepts are left out, with their insides."""
        counts = Counter()
        for child in self.children:
            if isinstance(child, Element) and not skip(child):
                counts[child.tag] += 1
                counts += child.tag_counts(skip=skip)
        return counts


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}, parent=self.open[-1]))

    def handle_endtag(self, tag):
        if any(element.tag == tag for element in self.open[1:]):
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@lru_cache(maxsize=32)
def page_article(site: Path, page: str) -> Element:
    """The `<article>` of a built page: what the templates wrote, without the theme around it.

    Read once per page: a site folder is built once and never rebuilt in place.
    """
    path = site / page / "index.html" if page else site / "index.html"
    return parse_html(path.read_text(encoding="utf-8")).find("article")


# --- what a text field shows --------------------------------------------------------

WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")  # no-break spaces stay, as the generator keeps them

_commonmark = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").disable("image")


def collapsed(text: str) -> str:
    """A text as the generator shows it: whitespace runs are one space, the ends stripped."""
    return WHITESPACE.sub(" ", text).strip()


def commonmark_html(text: str) -> str:
    """The text as inline CommonMark with raw HTML off: the editor's Markdown, as any previewer shows it."""
    return _commonmark.renderInline(collapsed(text))


def link_targets(text: str) -> list[str]:
    return [child.attrGet("href") for token in _commonmark.parseInline(collapsed(text)) for child in token.children or [] if child.type == "link_open"]


def shown(text: str, *, markdown: bool) -> str:
    """What a reader should read for `text`: the text itself, or, where inline Markdown
    is allowed, the text of its CommonMark rendering (`*a*` reads `a`)."""
    return parse_html(commonmark_html(text)).text() if markdown else collapsed(text)


def inline_tags(text: str, *, markdown: bool) -> Counter:
    """The elements a text's own inline Markdown makes (none for a plain-text field)."""
    return parse_html(commonmark_html(text)).tag_counts() if markdown else Counter()


def _not_template_furniture(element: Element) -> bool:
    """Citation markers, heading permalinks and date labels are the template's, not the field's."""
    return bool(element.classes & {"cite", "headerlink", "timeline-date"})


def _after_label(element: Element) -> Element:
    """`<li><strong>Outlet:</strong> text</li>`: the label is the template's; the rest is the field."""
    copy = Element(element.tag, element.attrs, list(element.children), element.parent)
    first = next(child for child in copy.children if isinstance(child, Element))
    assert first.tag == "strong", f"expected a <strong> label in <{element.tag}>"
    copy.children = copy.children[copy.children.index(first) + 1 :]
    return copy


def _list_item(element: Element, index: int = 0) -> Element:
    return element.next_sibling("ul").find_all("li")[index]


def _table_cell(article: Element, header: str, row: int = 0) -> Element:
    table = article.find("table")
    headers = [cell.text().strip() for cell in table.find("thead").find_all("th")]
    cells = [cell for cell in table.find("tbody").find_all("tr")[row].children if isinstance(cell, Element) and cell.tag in ("th", "td")]
    return cells[headers.index(header)]


def _labelled_paragraph(after: Element, label: str) -> Element:
    """The `<p><strong>label</strong> text</p>` following `after`."""
    node = after
    while True:
        node = node.next_sibling("p")
        first = next((child for child in node.children if isinstance(child, Element)), None)
        if first is not None and first.tag == "strong" and first.text().strip() == label:
            return _after_label(node)


@dataclass(frozen=True)
class TextField:
    """One kind of text field: where it is in the YAML, and where the built site shows it."""

    file: str
    path: tuple  # into the file's YAML data: ("players", 0, "name") is players.yml, entry 1, `name`
    page: str  # the built page: "" for the overview, "players", …
    locate: Callable[[Element], Element]  # the element of that page's <article> that shows the text
    markdown: bool  # rendered as inline Markdown (`| md`), or shown as plain text
    around: str = "{}"  # the fixed words the template puts around the text

    @property
    def name(self) -> str:
        return ".".join(str(part) for part in (self.file.removesuffix(".yml"), *self.path))

    def text_on(self, site: Path) -> str:
        element = self.locate(page_article(site, self.page))
        return element.text(skip=_not_template_furniture).strip()

    def tags_on(self, site: Path) -> Counter:
        """The elements inside the field's text: only what its own inline Markdown made, if anything."""
        return self.locate(page_article(site, self.page)).tag_counts(skip=_not_template_furniture)


TEXT_FIELDS: tuple[TextField, ...] = (
    TextField("briefing.yml", ("title",), "", lambda a: a.find("h1"), markdown=True),
    TextField("briefing.yml", ("standfirst",), "", lambda a: a.find("p", cls="standfirst"), markdown=True),
    TextField("briefing.yml", ("takeaways", 0, "text"), "", lambda a: _list_item(a.find("h2", id="key-takeaways")), markdown=True),
    TextField("briefing.yml", ("next_steps", 0, "text"), "", lambda a: _list_item(a.find("h2", id="what-happens-next")), markdown=True),
    TextField("briefing.yml", ("sides", 0, "name"), "players", lambda a: a.find("h2", id="side-council"), markdown=False),
    TextField("players.yml", (0, "name"), "players", lambda a: a.find("h3", id="player-mayor"), markdown=False),
    TextField("players.yml", (0, "role"), "players", lambda a: a.find("p", cls="role"), markdown=True),
    TextField(
        "players.yml",
        (1, "why", "text"),
        "players",
        lambda a: a.find("h3", id="player-friends-of-the-river").next_sibling("p").next_sibling("p"),
        markdown=True,
    ),
    TextField(
        "players.yml",
        (0, "actions", 0, "text"),
        "players",
        lambda a: a.find("h3", id="player-mayor").next_sibling("details").find("ul").find_all("li")[0],
        markdown=True,
    ),
    TextField("tariffs.yml", (0, "covers"), "tariffs", lambda a: _table_cell(a, "Covers"), markdown=True),
    TextField("tariffs.yml", (0, "name"), "tariffs", lambda a: _table_cell(a, "Measure"), markdown=True),
    TextField("timeline.yml", (0, "title"), "timeline", lambda a: a.find("h3", id="event-vote"), markdown=True),
    TextField("timeline.yml", (0, "detail"), "timeline", lambda a: a.find("h3", id="event-vote").next_sibling("p"), markdown=True),
    TextField(
        "timeline.yml",
        (1, "when", "as_reported"),
        "timeline",
        lambda a: a.find("span", cls="date-note__text"),  # folded under its event's "Editor’s date"
        markdown=False,
        around="Editor’s date; the articles: “{}”",
    ),
    TextField("quotes.yml", (0, "text"), "quotes", lambda a: a.find("blockquote", id="quote-mayor-on-vote").find("p"), markdown=True, around="“{}”"),
    TextField(
        "quotes.yml",
        (0, "context"),
        "quotes",
        lambda a: a.find("blockquote", id="quote-mayor-on-vote").find("p", cls="attribution"),
        markdown=True,
        around="— {players.0.name}, public remarks, March 1, 2024. {}",
    ),
    TextField("issues.yml", (0, "title"), "issues", lambda a: a.find("h2", id="issue-cost"), markdown=True),
    TextField("issues.yml", (0, "summary"), "issues", lambda a: a.find("h2", id="issue-cost").next_sibling("p"), markdown=True),
    TextField("issues.yml", (0, "positions", 0, "text"), "issues", lambda a: _after_label(_list_item(a.find("h2", id="issue-cost"))), markdown=True),
    TextField("differences.yml", (0, "topic"), "differences", lambda a: a.find("h2", id="difference-vote-count"), markdown=True),
    TextField("differences.yml", (0, "accounts", 0, "text"), "differences", lambda a: _list_item(a.find("h2", id="difference-vote-count")), markdown=True),
    TextField(
        "differences.yml",
        (0, "briefing_uses"),
        "differences",
        lambda a: _labelled_paragraph(a.find("h2", id="difference-vote-count"), "This briefing uses:"),
        markdown=True,
    ),
    TextField("differences.yml", (0, "why"), "differences", lambda a: _labelled_paragraph(a.find("h2", id="difference-vote-count"), "Why:"), markdown=True),
    TextField("sources.yml", (0, "outlet"), "sources", lambda a: _after_label(_list_item(a.find("h2", id="source-gazette"), 0)), markdown=False),
    TextField("sources.yml", (0, "byline"), "sources", lambda a: _after_label(_list_item(a.find("h2", id="source-gazette"), 1)), markdown=False),
    TextField("sources.yml", (0, "headline"), "sources", lambda a: a.find("h2", id="source-gazette"), markdown=True, around="1. {}"),
    TextField("updates.yml", (0, "text"), "", lambda a: _after_label(_list_item(a.find("h2", id="updates"))), markdown=True, around=": {}"),
)


def expected_text(text_field: TextField, values: dict[str, str]) -> str:
    """What the field's element should read, given the text put in every field (by name)."""
    others = {name.replace(".", "_"): shown(value, markdown=FIELDS_BY_NAME[name].markdown) for name, value in values.items()}
    around = re.sub(r"\{([a-z_.0-9]+)\}", lambda match: "{" + match.group(1).replace(".", "_") + "}", text_field.around)
    return around.format(shown(values[text_field.name], markdown=text_field.markdown), **others)


FIELDS_BY_NAME = {text_field.name: text_field for text_field in TEXT_FIELDS}


# --- writing the fields into a briefing, and building it ----------------------------


def set_fields(content: Path, values: dict[str, str]) -> None:
    """Put each text into its field, writing the YAML with a real emitter so any text survives."""
    by_file: dict[str, list[tuple[tuple, str]]] = {}
    for name, value in values.items():
        text_field = FIELDS_BY_NAME[name]
        by_file.setdefault(text_field.file, []).append((text_field.path, value))
    for filename, changes in by_file.items():
        path = content / filename
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field_path, value in changes:
            node = data
            for part in field_path[:-1]:
                node = node[part]
            node[field_path[-1]] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8")


def unexplained_elements(site: Path, plain_site: Path, page: str, text: str) -> dict[str, int]:
    """The elements a page's article gained (or lost) against the same page with plain words
    in every field, beyond what `text` itself explains: each place that shows the text as
    inline Markdown adds the elements its Markdown makes, so the gain must be a whole number
    of those. Empty when nothing was injected or broken."""
    got, plain = page_article(site, page).tag_counts(), page_article(plain_site, page).tag_counts()
    made = inline_tags(text, markdown=True)
    places = max(0, min(((got[tag] - plain[tag]) // count for tag, count in made.items()), default=0))
    expected = plain + Counter({tag: count * places for tag, count in made.items()})
    return {tag: got[tag] - expected[tag] for tag in sorted(set(got) | set(expected)) if got[tag] != expected[tag]}


def table_shape(site: Path) -> tuple[int, list[int]]:
    """The measures table's number of columns, and the number of cells in each of its rows."""
    table = page_article(site, "tariffs").find("table")
    return len(table.find("thead").find_all("th")), [
        sum(1 for cell in row.children if isinstance(cell, Element) and cell.tag in ("th", "td")) for row in table.find("tbody").find_all("tr")
    ]


SITE_PAGES = ["" if page.slug == "index" else page.slug for page in load_content(TINY_CONTENT).pages]
"""Every page of the tiny briefing, by folder: "" is the overview."""


def build_with_fields(workdir: Path, values: dict[str, str]) -> Path:
    """The tiny briefing with these texts in these fields, built in `workdir`. Returns the site folder."""
    settings = settings_for(workdir / "content", workdir)
    shutil.copytree(TINY_CONTENT, settings.content_dir)
    set_fields(settings.content_dir, values)
    build(settings)
    return settings.site_dir
