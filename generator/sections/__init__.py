"""Section kinds: what a briefing's pages can be.

A briefing declares its sections in `briefing.yml` (`kind`, `title`, `file`, …);
each kind is one module of this package, which provides `KIND`: the model of an
entry of its file, its template, its view (what the page shows, prepared in
Python), the anchor of each entry, and the facts it adds to the sources table.
The registry below finds every module, so adding a kind is adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from ..content import Content, Page


@dataclass(frozen=True)
class Row:
    """One fact in the sources table: what it is, where it stands, who reports it."""

    group: str
    label: str
    link: str
    sources: list[str]


@dataclass(frozen=True)
class Kind:
    name: str
    template: str  # in generator/templates/ (or a briefing's own templates/)
    entry: type[BaseModel] | None = None  # one entry of its YAML file
    reads: Literal["entries", "markdown", "none"] = "entries"  # what its `file:` holds
    default_file: str | None = None  # the file it reads when the declaration names none
    file_required: bool = True
    options: tuple[str, ...] = ()  # labels the briefing may set in `options:`
    view: Callable[[Page, Context], dict] = lambda page, context: {}
    anchor: Callable[[BaseModel], str] | None = None  # an entry's anchor on its page
    coverage: Callable[[Page, Context], list[Row]] | None = None
    search_boost: float | None = None
    groups: dict[str, Callable[[str], str]] = field(default_factory=dict)  # other anchors it defines, by what they group


@dataclass
class Context:
    """What every view may use: the content, how values read, the words, the links."""

    content: Content
    present: object
    messages: object
    links: object


def _discover() -> dict[str, Kind]:
    kinds = {}
    for module in pkgutil.iter_modules(__path__):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if isinstance(kind, Kind):
            kinds[kind.name] = kind
    return kinds


KINDS: dict[str, Kind] = _discover()
