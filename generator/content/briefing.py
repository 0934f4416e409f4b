"""A briefing once checked: `briefing.yml`, its sources, and its pages in the order
it declares them, each with its kind and entries. The page list, the nav, every
link and every anchor come from here, so each is said once."""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from generator.content import models
from generator.i18n.messages import Messages
from generator.load.reader import LoadedFile


class PageKind(Protocol):
    """What a page needs of its kind (`kinds.Kind` is one): its name, and each entry's anchor."""

    name: str
    anchor: Callable | None


@dataclass
class Page:
    """One declared section: its kind, its address, and the entries it shows."""

    declaration: models.SectionDeclaration
    kind: PageKind
    slug: str  # "index" for the home page
    entries: list = field(default_factory=list)  # validated entries; the text, for a Markdown page
    loaded: LoadedFile | None = None  # where its entries stand, for messages

    @property
    def filename(self) -> str:
        return f"{self.slug}.md"

    @property
    def title(self) -> str:
        return self.declaration.title

    def intro(self, messages: Messages) -> str:
        """The declared intro, or the kind's own."""
        return self.declaration.intro if self.declaration.intro is not None else messages[f"{self.kind.name}_intro"]

    def option(self, name: str, default: str) -> str:
        return self.declaration.options.get(name, default)


class Entries(list):
    """A list file's valid entries, each with its place in the file (`positions`): where an
    entry has a problem of its own and is left out, those after it keep their places."""

    def __init__(self, entries: list, positions: list[int]):
        super().__init__(entries)
        self.positions = positions


def entries_with_paths(value: object) -> list[tuple[tuple[int, ...], object]]:
    """A content file's entries with their paths in the file: `(3,)` for the fourth
    entry of a list file, `()` for the one mapping of `briefing.yml`."""
    if not isinstance(value, list):
        return [((), value)]
    positions = value.positions if isinstance(value, Entries) else range(len(value))
    return [((index,), entry) for index, entry in zip(positions, value, strict=True)]


@dataclass
class Content:
    """A whole briefing, validated: what the templates render."""

    briefing: models.Briefing
    sources: list[models.Source]
    pages: list[Page]
    citation_counts: Counter = field(default_factory=Counter)  # source id to how many facts cite it (from the checks)
    verification: str = ""  # what was verified, and how, in a sentence in the editor's language
    editor_language: str = "en"  # the language of the editors' messages: `verification`, and what is said of it
    record: str | None = None  # the verification record to write, after a check against the articles
    unclassified: list[str] = field(default_factory=list)  # numbers checked as numbers alone, located, for the editor to see
    left_out: list = field(default_factory=list)  # what the articles report that the briefing leaves out on purpose (`left-out.yml`)
    inventory: list = field(default_factory=list)  # the articles' facts a reader needs, each with what tells it (`inventory.yml`)
    coverage_files: dict = field(default_factory=dict)  # left-out.yml and inventory.yml as read, by key, to say where a problem of them is

    def entries(self, kind: str) -> list:
        """Every entry of every page of this kind."""
        return [entry for page in self.pages if page.kind.name == kind for entry in page.entries]

    def still_to_come(self, when) -> bool:
        """Whether a date is after the briefing's own (`as_of`): scheduled, not yet happened."""
        return when.date.earliest > self.briefing.as_of.earliest

    def page(self, kind: str) -> Page | None:
        return next((page for page in self.pages if page.kind.name == kind), None)

    def language_of(self, source_id: str) -> str:
        """The language an article is written in: its own `language`, else the briefing's."""
        return models.article_languages(self.sources, self.briefing.language).get(source_id, self.briefing.language)

    @property
    def home(self) -> Page:
        return self.pages[0]


DATA_FOLDER = "data"  # the CSV files behind the tables, timeline and chart
EMBED_PREFIX = "embed."  # the pages other sites embed (`embed.tolls.md`), kept out of the nav and the search index:
# beside the other pages, so every relative link in a shared template works in both, and
# named with a dot, which no section's address has, so none can take an embed page's name
BRIEFING_DATA = "briefing.json"  # the whole briefing as data, at the site's root


class Links:
    """Links between pages, from the declared sections: a section left out has no page,
    so nothing links to it. Anchors are each kind's own (`Kind.anchor`). A page's files
    are named here too: its data (`data/tolls-table.csv`) and its embed page (`embed.tolls.md`).

    Addresses are those MkDocs and Zensical give a page with directory URLs (their
    default): `tolls.md` is `tolls/`; `published` is the site's address, if known."""

    def __init__(self, content: Content, published: str | None = None):
        self.content = content
        self.published = published

    def page(self, kind: str) -> str | None:
        page = self.content.page(kind)
        return page.filename if page else None

    def entry(self, kind: str, entry) -> str | None:
        """`timeline.md#event-vote`, or None where the briefing has no such page."""
        page = self.content.page(kind)
        return self.on(page, entry) if page else None

    @staticmethod
    def on(page: Page, entry) -> str:
        """An entry of this very page, as another page links to it: `timeline.md#event-vote`."""
        return f"{page.filename}#{page.kind.anchor(entry, page)}"

    def data(self, page: Page, name: str) -> str:
        """`data/tolls-table.csv`, `data/tolls-chart.csv`: a table of the page's data, by its name."""
        return f"{DATA_FOLDER}/{page.slug}-{name}.csv"

    def embed(self, page: Page) -> str:
        """`embed.tolls.md`: the page of its figure alone, where its kind has one."""
        return f"{EMBED_PREFIX}{page.slug}.md"

    @staticmethod
    def url(filename: str) -> str:
        """A file's address from the site's root: `tolls/` for `tolls.md`, `` for the home
        page, `tolls/#measure-toll` for `tolls.md#measure-toll`; other files keep their path."""
        path, hash_, anchor = filename.partition("#")
        if path.endswith(".md"):
            path = path.removesuffix(".md")
            path = path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"
        return f"{path}{hash_}{anchor}"

    def address(self, filename: str, seen_from: str | None = None) -> str:
        """Where a reader finds a file: its published address where the site has one; else
        its address relative to the page `seen_from`, or to the site's root."""
        url = self.url(filename)
        if self.published:
            return self.published + url
        if seen_from is None:
            return url
        path, hash_, anchor = url.partition("#")
        here = posixpath.dirname(self.url(seen_from).partition("#")[0])  # `tolls/` is the folder `tolls`
        relative = posixpath.relpath(path or ".", here or ".")
        if path == "" or path.endswith("/"):  # a page: its folder's address ends in a slash
            relative = "./" if relative == "." else relative + "/"
        return relative + hash_ + anchor
