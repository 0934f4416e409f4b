"""Section kinds: what a briefing's pages can be.

A briefing declares its sections in `briefing.yml` (`kind`, `title`, `file`, …);
each kind is one package here, which provides `KIND`: the model of an entry of its
file, its template, its view (what the page shows, prepared in Python), the anchor of
each entry, the facts it adds to the sources table, the figures it offers the home
page, the data behind its tables (CSV files readers take away), the kinds it needs
and, where it has one, a page of its figure alone for other sites to embed. The
stages that load, check, verify, render and build name no kind: they ask the kinds.
The registry (`registry.py`) loads the generator's kinds and every kind an installed
package declares under the entry-point group `briefing.kinds`, through the same call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from generator.present.tables import Row, Table  # what a kind offers the sources table and "Get the data"

if TYPE_CHECKING:  # for the annotations only: the content model names `Kind` in its own
    from generator.content.briefing import Content, Links, Page
    from generator.i18n.messages import Messages
    from generator.present.values import Citations, Presenter


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
    tables: Callable[[Page, Context], list[Table]] | None = None  # the data behind its tables, timeline or chart
    embed: Embed | None = None
    noun: str | None = None  # one entry, as a problem names it: "a person 'mayor'"
    requires: tuple[str, ...] = ()  # the kinds whose entries every entry of its names (a quote its speaker): a briefing that declares it declares them too
    cards: Callable[[Page, Context], list[Card]] | None = None  # the figures it offers the home page, at a glance
    names: Callable[[BaseModel], list[str]] | None = (
        None  # the people, places or institutions an entry names: `make coverage` lists the articles' sentences that name them and nothing covers
    )
    home: bool = False  # the home page: first of the sections, its entries the briefing's updates (the feed)
    # What a kind brings of its own, beside its module (a package's kind lives in its own
    # folder): its templates, its words (`en.yml`, `fr.yml`, …, merged into the site's) and
    # its stylesheet, added to every page of a briefing that declares it.
    templates: Path | None = None
    messages: Path | None = None
    stylesheet: Path | None = None


@dataclass(frozen=True)
class Sentence:
    """A text and the sources that report it, as one sentence of a marker's popover
    (`cite_sentences`): a card's or a section's facts under one marker."""

    text: str
    sources: list[str]


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
    present: Presenter  # how values read: `present.quantity`, `present.date`
    messages: Messages  # the words, by their catalogue keys: `messages.format(key, name=value)`
    links: Links  # every link: `links.on(page, entry)`, `links.entry("people", person)`
    citations: Citations  # the source markers, and how each source is named (`label`)
    coverage: list | None = None  # who reports each fact, for the sources page and its table: worked out once


def figure_cards(context: Context) -> list[Card]:
    """The numbers at a glance, in order: the editor's key figures, then those the sections
    offer (each kind's `cards`), in the order of the sections."""
    present = context.present
    cards = [Card(present.quantity(figure.value), figure.label, figure.sources) for figure in context.content.briefing.key_figures]
    for page in context.content.pages:
        if page.kind.cards is not None:
            cards += page.kind.cards(page, context)
    return cards


def entry_rows(page: Page, context: Context, label: Callable[[BaseModel], str], entries: list | None = None) -> list[Row]:
    """The sources table's rows for a page: each entry (of `entries`, in their order, else
    the page's) as `label(entry)`, its link on the page, and the sources that report it."""
    return [Row(page.title, label(entry), context.links.on(page, entry), entry.sources) for entry in (page.entries if entries is None else entries)]
