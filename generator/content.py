"""A briefing once checked: `briefing.yml`, its sources, and its pages in the order
it declares them, each with its kind and entries. The page list, the nav, every
link and every anchor come from here, so each is said once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import models
from .load import LoadedFile
from .messages import Messages
from .sections import Kind


@dataclass
class Page:
    """One declared section: its kind, its address, and the entries it shows."""

    declaration: models.SectionDeclaration
    kind: Kind
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


def entries_with_paths(value: object) -> list[tuple[tuple[int, ...], object]]:
    """A content file's entries with their paths in the file: `(3,)` for the fourth
    entry of a list file, `()` for the one mapping of `briefing.yml`."""
    return [((index,), entry) for index, entry in enumerate(value)] if isinstance(value, list) else [((), value)]


@dataclass
class Content:
    """A whole briefing, validated: what the templates render."""

    briefing: models.Briefing
    sources: list[models.Source]
    pages: list[Page]
    citation_counts: Counter = field(default_factory=Counter)  # source id to how many facts cite it (from the checks)
    verification: str = ""  # what was verified, and how, in a sentence
    record: str | None = None  # the verification record to write, after a check against the articles
    left_out: list = field(default_factory=list)  # what the articles report that the briefing leaves out on purpose (`left-out.yml`)

    def entries(self, kind: str) -> list:
        """Every entry of every page of this kind."""
        return [entry for page in self.pages if page.kind.name == kind for entry in page.entries]

    def page(self, kind: str) -> Page | None:
        return next((page for page in self.pages if page.kind.name == kind), None)

    @property
    def home(self) -> Page:
        return self.pages[0]


class Links:
    """Links between pages, from the declared sections: a section left out has no page,
    so nothing links to it. Anchors are each kind's own (`Kind.anchor`)."""

    def __init__(self, content: Content):
        self.content = content

    def page(self, kind: str) -> str | None:
        page = self.content.page(kind)
        return page.filename if page else None

    def entry(self, kind: str, entry) -> str | None:
        """`timeline.md#event-vote`, or None where the briefing has no such page."""
        page = self.content.page(kind)
        return f"{page.filename}#{page.kind.anchor(entry, page)}" if page else None
