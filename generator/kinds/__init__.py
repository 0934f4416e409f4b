"""Section kinds: what a briefing's pages can be.

A briefing declares its sections in `briefing.yml` (`kind`, `title`, `file`, …);
each kind is one package here, which provides `KIND`: the model of an entry of its
file, its template, its view (what the page shows, prepared in Python), the anchor of
each entry, the facts it adds to the sources table, the figures it offers the home
page, the data behind its tables (CSV files readers take away), the kinds it needs
and, where it has one, a page of its figure alone for other sites to embed. The
stages that load, check, verify, render and build name no kind: they ask the kinds.
The registry below loads the generator's kinds and every kind an installed package
declares under the entry-point group `briefing.kinds`, through the same call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from generator.i18n.messages import add_catalogues
from generator.present.tables import Row, Table  # what a kind offers the sources table and "Get the data"

if TYPE_CHECKING:
    from generator.content.briefing import Content, Page


@dataclass(frozen=True)
class Embed:
    """A page of a kind's figure alone (no site navigation, header or search), for other
    sites to show in an `<iframe>`."""

    template: str  # in the kind's `templates` folder (or a briefing's own templates/)
    height: int  # the iframe's height in CSS pixels: the whole chart on a phone or a desktop; a long timeline scrolls inside it
    # What the embed page shows, from the page's view, with its `title` (the frame's name);
    # None where there is nothing to embed.
    view: Callable[[Page, dict], dict | None] = lambda page, view: {**view, "title": page.title}


@dataclass(frozen=True)
class Kind:
    name: str
    template: str  # in the kind's `templates` folder (or a briefing's own templates/)
    entry: type[BaseModel] | None = None  # one entry of its YAML file
    reads: Literal["entries", "markdown", "none"] = "entries"  # what its `file:` holds
    default_file: str | None = None  # the file it reads when the declaration names none
    file_required: bool = True
    options: tuple[str, ...] = ()  # labels the briefing may set in `options:`
    name_options: tuple[str, ...] = ()  # those of them that become part of an anchor or address: names, as ids are
    view: Callable[[Page, Context], dict] = lambda page, context: {}
    anchor: Callable[[BaseModel], str] | None = None  # an entry's anchor on its page
    coverage: Callable[[Page, Context], list[Row]] | None = None
    search_boost: float | None = None
    groups: dict[str, Callable[[str], str]] = field(default_factory=dict)  # other anchors it defines, by what they group
    tables: Callable[[Page, Context], list[Table]] | None = None  # the data behind its tables, timeline or chart
    embed: Embed | None = None
    noun: str | None = None  # one entry, as a problem names it: "a person 'mayor'"
    requires: tuple[str, ...] = ()  # the kinds whose entries its entries name, which a briefing that declares it must declare too
    cards: Callable[[Page, Context], list[Card]] | None = None  # the figures it offers the home page, at a glance
    home: bool = False  # the home page: first of the sections, its entries the briefing's updates (the feed)
    # What a kind brings of its own, beside its module (a package's kind lives in its own
    # folder): its templates, its words (`en.yml`, `fr.yml`, …, merged into the site's) and
    # its stylesheet, added to every page of a briefing that declares it.
    templates: Path | None = None
    messages: Path | None = None
    stylesheet: Path | None = None


@dataclass(frozen=True)
class Card:
    """A figure at a glance on the home page: its value, what it is, who reports it, and
    the editor's note where the editor supplied or derived it."""

    value: str
    label: str
    sources: list[str]
    note: str | None = None


@dataclass
class Context:
    """What every view may use: the content, how values read, the words, the links."""

    content: Content
    present: object
    messages: object
    links: object
    citations: object  # the source markers, and how each source is named (`label`)
    coverage: list | None = None  # who reports each fact, for the sources page and its table: worked out once


ENTRY_POINTS = "briefing.kinds"
"""The entry-point group through which a package adds kinds: `results = "briefing_results:KIND"`."""

BUILT_IN = tuple(
    EntryPoint(name, f"{__name__}.{name}:KIND", ENTRY_POINTS)
    for name in ("overview", "people", "measures", "timeline", "quotes", "positions", "differences", "sources", "page")
)
"""The generator's own kinds, declared as any package declares its kinds and loaded by the
same call (`EntryPoint.load`), without the checkout having to be installed."""


@dataclass(frozen=True)
class Unloadable:
    """A kind a package declares that could not be loaded: why, for the briefing that declares it."""

    name: str
    reason: str


def _load(entry: EntryPoint, kinds: dict[str, Kind], unloadable: dict[str, Unloadable]) -> None:
    where = f"the package {entry.dist.name}" if getattr(entry, "dist", None) else "the generator"
    try:
        kind = entry.load()
    except Exception as error:  # a package's own bug: said to the briefing that needs the kind, not to every build
        unloadable[entry.name] = Unloadable(entry.name, f"{where} declares it, but it could not be loaded ({type(error).__name__}: {error})")
        return
    if not isinstance(kind, Kind) or kind.name != entry.name:
        unloadable[entry.name] = Unloadable(entry.name, f"{where} declares it as {entry.value}, which is not a Kind named '{entry.name}'")
    elif kind.name in kinds:
        unloadable.setdefault(kind.name, Unloadable(kind.name, f"{where} declares a kind '{kind.name}' that is already the generator's"))
    else:
        kinds[kind.name] = kind
        if kind.messages is not None:
            add_catalogues(kind.messages)


def _discover() -> tuple[dict[str, Kind], dict[str, Unloadable]]:
    kinds: dict[str, Kind] = {}
    unloadable: dict[str, Unloadable] = {}
    for entry in (*BUILT_IN, *entry_points(group=ENTRY_POINTS)):
        _load(entry, kinds, unloadable)
    return kinds, unloadable


KINDS, UNLOADABLE = _discover()
"""Every kind, the generator's and those of the installed packages, by name; and the kinds a
package declares that could not be loaded."""
